/* request.h - the budget request (予算見積書) of a plan as a finance office
 * files it: for each fiscal year, lines by 節 → 細節 → item with their
 * 積算基礎; 事業費計; its 財源内訳 (国県支出金, 地方債, その他特定財源,
 * 一般財源); then, as reference lines, the expected special allocation tax
 * (特別交付税措置見込額) and the real burden (実質負担額 = 一般財源 −
 * 特交見込額); the entity's own staff time as a reference outside 事業費;
 * and the 債務負担行為 table.
 *
 * The table and the workbook are in 千円: each line rounded half-up on
 * its own, every total the sum of the lines shown (a 節 of its lines,
 * 事業費計 of the 節, 一般財源 = 事業費計 − the other funding shown).
 * JSON carries the exact yen and the 千円 shown. */
#ifndef TWC_REQUEST_H
#define TWC_REQUEST_H

#include <jansson.h>

#include "view.h"

#define REQUEST_MAX_SETSU 32

/* One 節 of a year: its lines, first .. first + n - 1 of the plan's. */
typedef struct rq_setsu {
	long long code;
	const char *name;
	int first, n;
	long long yen, thousand; /* exact, and the sum of the lines shown */
} rq_setsu;

/* One fiscal year of the request, in yen and as shown in 千円. */
typedef struct rq_year {
	const vyear *y;
	rq_setsu setsu[REQUEST_MAX_SETSU];
	int n_setsu;
	long long cost;            /* 事業費計 (千円): the 節 shown */
	long long funding[VFUNDS]; /* 千円, each rounded */
	long long general;         /* 事業費計 − the funding shown */
	long long grant, real;     /* 特交見込額, 実質負担額 */
	long long staff_time;      /* 参考 */
	long long grant_strict, grant_generous; /* 千円 */
} rq_year;

/* Year k of plan p, grouped and rounded. */
void request_year(const vplan *p, int k, rq_year *q);

/* The request as a table (the fiscal years whose FY is fy, or every year
 * when fy is 0), negative amounts marked with minus ("△" or "▲"). */
void request_table(FILE *f, const view *v, const vplan *p, int fy,
                   const char *minus);

/* The request as CSV rows: one per line and total, in 千円. */
void request_csv(FILE *f, const view *v, const vplan *p, int fy);

/* plans[].request of the JSON contract. */
json_t *request_json(const view *v, const vplan *p, int fy);

/* A contract's period in English: FY2026 to FY2029 (into buf). */
const char *period_en(const vdebt *d, char *buf, size_t n);

/* 1,234 in 千円, with minus before a negative amount. */
char *fmt_kilo(long long thousand, const char *minus, char *buf, size_t n);

#endif
