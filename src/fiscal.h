/* fiscal.h - dates, Japanese fiscal years and their era labels.
 *
 * The fiscal year (年度) runs from 1 April to 31 March (地方自治法 208条):
 * 2026-03-31 is FY2025, 2026-04-01 is FY2026.  令和 year = FY - 2018, and
 * the first year of an era is written 元 (FY2019 is 令和元年度). */
#ifndef TWC_FISCAL_H
#define TWC_FISCAL_H

#include <stddef.h>

#include "util.h"

/* The fiscal years a scenario may start in or name. */
#define FY_MIN 1989
#define FY_MAX 2100

/* Bytes kept for an era label: "令和82年度" (FY_MAX) is 14 bytes and its
 * NUL; 24 leaves room for any era the library names. */
#define FY_LABEL_MAX 24

/* A calendar date; day 0 when only a fiscal year was given. */
typedef struct twc_date {
	int year, month, day;
} twc_date;

/* The fiscal year a date falls in. */
int date_fy(twc_date d);

/* 1 when year-month-day is a real date. */
int date_valid(int year, int month, int day);

/* Read a start of introduction in any accepted form - 2025-10-01,
 * 2025/10/01, FY2025, 2025, R7, R07, 令和7年度, 令和元年度, 令和7年10月1日,
 * H30, 平成30年度, with full-width digits too, in UTF-8 or CP932 - into
 * *fy and *date (day 0 when the text names only a fiscal year).  On error
 * returns TWC_EVALUE or TWC_ERANGE with a message that starts with what
 * (the name of the input, such as "start"). */
int fy_parse(const char *what, const char *text, int *fy, twc_date *date,
             twc_error *e);

/* "令和7年度" (UTF-8) for a fiscal year; 元 for an era's first year. */
void fy_label(int fy, char *buf, size_t n);

/* "R7" / "H30": the ASCII short form. */
void fy_short(int fy, char *buf, size_t n);

#endif
