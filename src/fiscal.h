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

/* How a date or fiscal year was written. */
enum fy_form {
	FY_FORM_DATE, /* a day: 2025-10-01, R7.10.1, 令和7年10月 (the 1st) */
	FY_FORM_FY,   /* a fiscal year: FY2025, R7, 令和7年度, 2025年度 */
	FY_FORM_BARE  /* a year alone: 2025, 2025年, 令和7年 - read as the
	                 fiscal year, which callers may want to say */
};

/* What fy_read read: the fiscal year, the day (day 0 when the text names
 * only a year) and the form. */
typedef struct fy_reading {
	int fy;
	twc_date date;
	enum fy_form form;
} fy_reading;

/* Read a date or fiscal year in any accepted form into *out:
 *   dates        2025-10-01, 2025/10/1, 2025.10.1, 20251001,
 *                2025年10月1日, R7.10.1, R7/10/1, R7-10-1, 令和7年10月1日
 *                (日 may be left out), and a month alone for its 1st:
 *                2025-10, 2025/10, 2025年10月, R7.10, 令和7年10月;
 *   fiscal years FY2025, 2025年度, R7, R07, 令和7年度, 令和元年度, 令和7,
 *                H30, 平成30年度 (平成 up to 31, its dates up to
 *                2019-04-30; 令和 from 2019-05-01);
 *   bare years   2025, 2025年, 令和7年: the fiscal year of that number.
 * Spaces (also U+3000) are ignored; full-width digits, letters and signs
 * (２０２５／１０／１, Ｒ７) read as ASCII; text in CP932 (Shift_JIS)
 * whose characters are these reads too.  On error returns TWC_EVALUE or
 * TWC_ERANGE (TWC_EINVAL for NULL) with a message that starts with what
 * (the name of the input, such as "start") and ends with the accepted
 * forms. */
int fy_read(const char *what, const char *text, fy_reading *out, twc_error *e);

/* fy_read's fiscal year and day alone. */
int fy_parse(const char *what, const char *text, int *fy, twc_date *date,
             twc_error *e);

/* "令和7年度" (UTF-8) for a fiscal year; 元 for an era's first year. */
void fy_label(int fy, char *buf, size_t n);

/* "R7" / "H30": the ASCII short form. */
void fy_short(int fy, char *buf, size_t n);

#endif
