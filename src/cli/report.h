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

#endif
