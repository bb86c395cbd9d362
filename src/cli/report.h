/* report.h - what several commands print from a view: the JSON of the
 * estimate, the header and messages of a table report, and the budget
 * request in 千円. */
#ifndef TWC_REPORT_H
#define TWC_REPORT_H

#include <jansson.h>

#include "output.h"
#include "view.h"

/* The JSON object of `compare` (and `estimate`): the machine contract. */
json_t *json_estimate(const view *v);

/* A JSON real, or null for NaN. */
json_t *json_real_or_null(double x);

/* Write a JSON value (and free it); exit code. */
int write_json(json_t *v, const options *o);

/* A rate as it is, with as many decimals as it has (at least two, at most
 * six): 0.5 is "0.50", 0.5 x 0.73 is "0.365", never "0.36". */
char *fmt_rate(double x, char *buf, size_t n);

/* An entity kind (prefecture, municipality...) as the reader says it. */
const char *kind_text(const char *kind);

/* A work style (0 home, 1 satellite, 2 mobile) as the reader says it. */
const char *style_text(int st);

/* A fiscal year as the reader says it, into buf (which it returns): its
 * era label (令和7年度) in Japanese, FY2025 in English. */
const char *fy_text(long long fy, const char *era, char *buf, size_t n);

/* The header lines every table report starts with. */
void print_scenario(FILE *f, const view *v, const char *command);

/* Warnings and notes after a table report. */
void print_messages(FILE *f, const view *v);

/* The exit code of a finished report: EXIT_ATTENTION under --strict when
 * there are warnings, else rc. */
int strict_code(const view *v, const options *o, int rc);

/* ---- the budget-request table (`budget`, and the xlsx workbook) ---- */

/* The most fiscal years and categories a budget shows. */
#define MAX_YEARS 30
#define MAX_CATS 32

/* One plan's budget in 千円: a line per cost category that spends
 * anything, each rounded half-up per fiscal year on its own; every total
 * is the sum of the lines shown. */
typedef struct budget {
	int years, n_lines;
	int cat[MAX_CATS];                   /* category index of each line */
	long long line[MAX_CATS][MAX_YEARS]; /* 千円 */
	long long line_total[MAX_CATS];
	long long cost[MAX_YEARS], grant[MAX_YEARS], net[MAX_YEARS];
	long long cost_total, grant_total, net_total;
} budget;

/* Fill b with plan p's budget. */
void budget_build(const view *v, const vplan *p, budget *b);

#endif
