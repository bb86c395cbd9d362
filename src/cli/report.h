/* report.h - reading a computed estimate through the public API, for the
 * commands that print it. */
#ifndef TWC_REPORT_H
#define TWC_REPORT_H

#include <jansson.h>

#include "cli.h"
#include "output.h"

/* A whole-yen result (0 when the field is missing, which cannot happen
 * for the fields the commands ask once the estimate computed). */
long long yen_of(twc_model *m, const char *plan, const char *field);

/* A text result, or "" when missing. */
const char *text_of(twc_model *m, const char *plan, const char *field);

/* Field names built from a format: "year:%d:cost_yen". */
const char *field(char *buf, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* How json_fields writes a field: as a string, a whole number, a real
 * (NaN as null) or true/false. */
enum json_kind { AS_TEXT, AS_INT, AS_REAL, AS_BOOL };

/* One member: its JSON name, the field it comes from (after the prefix;
 * NULL: the same as the name), and its kind. */
typedef struct json_field {
	const char *key, *name;
	enum json_kind kind;
} json_field;

/* Set o's members from the fields PREFIX + name of plan (NULL: the
 * scenario), for each entry of list up to one with a NULL key. */
void json_fields(json_t *o, twc_model *m, const char *plan, const char *prefix,
                 const json_field *list);

/* An array with one object per index k below twc_count(m, plan, what),
 * each set by json_fields from the fields HEAD + k + ":" + name. */
json_t *json_list(twc_model *m, const char *plan, const char *what,
                  const char *head, const json_field *list);

/* The total number of warnings, scenario-wide and for the selected plans. */
int count_warnings(twc_model *m, const options *o);

/* The JSON object of `compare` (and `estimate`): the machine contract. */
json_t *json_estimate(twc_model *m, const options *o);

/* Write a JSON value (and free it); exit code. */
int write_json(json_t *v, const options *o);

/* The header lines every table report starts with. */
void print_scenario(FILE *f, twc_model *m, const char *command);

/* Warnings and notes after a table report. */
void print_messages(FILE *f, twc_model *m, const options *o);

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

/* Fill b with plan id's budget. */
void budget_build(twc_model *m, const char *id, budget *b);

#endif
