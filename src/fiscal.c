/* fiscal.c - dates, Japanese fiscal years and their era labels. */
#include <config.h>

#include "fiscal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* The eras a fiscal year can be written in: the first fiscal year counted
 * as the era's year 1 (元年度), its names, its last year as written in
 * fiscal years (0: not ended), and the first and last day of the era.
 * 平成 ended on 2019-04-30, in its 31st year; FY2019 is written both
 * 平成31年度 and 令和元年度. */
struct era {
	int first_fy;
	const char *kanji;
	char letter;
	int last_year;
	twc_date first, last;
};

static const struct era eras[] = {
    {2019, "令和", 'R', 0, {2019, 5, 1}, {0, 0, 0}},
    {1989, "平成", 'H', 31, {1989, 1, 8}, {2019, 4, 30}},
};

enum { ERA_COUNT = sizeof eras / sizeof eras[0] };

int
date_fy(twc_date d)
{
	return d.month >= 4 ? d.year : d.year - 1;
}

static int
days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30,
	                             31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

int
date_valid(int year, int month, int day)
{
	return year >= 1 && year <= 9999 && month >= 1 && month <= 12 &&
	       day >= 1 && day <= days_in_month(year, month);
}

/* CP932 (Shift_JIS) codes of the characters an era date uses, with their
 * UTF-8 forms, so that text passed by VBA on Japanese Windows parses. */
static const struct {
	unsigned char sj[2];
	const char *utf8;
} cp932_map[] = {
    {{0x97, 0xDF}, "令"}, {{0x98, 0x61}, "和"}, {{0x8C, 0xB3}, "元"},
    {{0x94, 0x4E}, "年"}, {{0x93, 0x78}, "度"}, {{0x95, 0xBD}, "平"},
    {{0x90, 0xAC}, "成"}, {{0x8C, 0x8E}, "月"}, {{0x93, 0xFA}, "日"},
};

/* Rewrite CP932 text into UTF-8 in out; 0 when a byte pair is not one of
 * the characters an era date needs. */
static int
cp932_to_utf8(const unsigned char *s, char *out, size_t n)
{
	size_t len = 0, i, k;

	for (i = 0; s[i] != '\0';) {
		const char *piece = NULL;
		char one[4] = {0};
		if (s[i] < 0x80) {
			one[0] = (char)s[i];
			piece = one;
			i++;
		} else if (s[i] == 0x82 && s[i + 1] >= 0x4F &&
		           s[i + 1] <= 0x58) {
			one[0] = (char)('0' + s[i + 1] -
			                0x4F); /* full-width digit */
			piece = one;
			i += 2;
		} else {
			for (k = 0; k < sizeof cp932_map / sizeof cp932_map[0];
			     k++)
				if (cp932_map[k].sj[0] == s[i] &&
				    cp932_map[k].sj[1] == s[i + 1])
					piece = cp932_map[k].utf8;
			if (piece == NULL)
				return 0;
			i += 2;
		}
		if (len + strlen(piece) + 1 > n)
			return 0;
		memcpy(out + len, piece, strlen(piece));
		len += strlen(piece);
	}
	out[len] = '\0';
	return 1;
}

/* Copy UTF-8 text into out without spaces, with full-width digits (U+FF10
 * to U+FF19, bytes EF BC 90-99) turned into ASCII ones. */
static int
normalise(const char *s, char *out, size_t n)
{
	size_t len = 0;
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (len + 2 > n)
			return 0;
		if (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 &&
		    p[2] <= 0x99) {
			out[len++] = (char)('0' + p[2] - 0x90);
			p += 3;
		} else {
			out[len++] = (char)*p++;
		}
	}
	out[len] = '\0';
	return 1;
}

/* Read 1 to max digits at *p into *v and move *p past them. */
static int
read_number(const char **p, int max, int *v)
{
	int n = 0, val = 0;

	while (isdigit((unsigned char)**p) && n < max) {
		val = val * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n == 0 || isdigit((unsigned char)**p))
		return 0;
	*v = val;
	return 1;
}

static int
eat(const char **p, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*p, word, n) != 0)
		return 0;
	*p += n;
	return 1;
}

static long
day_number(twc_date d)
{
	return (long)d.year * 10000 + d.month * 100 + d.day;
}

/* Fail unless the date y-mo-d falls inside the era. */
static int
in_era(const char *what, const char *text, const struct era *era, int y, int mo,
       int d, twc_error *e)
{
	twc_date date = {y, mo, d};

	if (day_number(date) < day_number(era->first))
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' is before %s began (%04d-%02d-%02d)",
		               what, text, era->kanji, era->first.year,
		               era->first.month, era->first.day);
	if (era->last.year && day_number(date) > day_number(era->last))
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' is after %s ended (%04d-%02d-%02d)",
		               what, text, era->kanji, era->last.year,
		               era->last.month, era->last.day);
	return TWC_OK;
}

static int
set_date(const char *what, const char *text, int y, int mo, int d, int *fy,
         twc_date *date, twc_error *e)
{
	if (!date_valid(y, mo, d))
		return err_set(e, TWC_EVALUE, "%s: '%s' is not a calendar date",
		               what, text);
	date->year = y;
	date->month = mo;
	date->day = d;
	*fy = date_fy(*date);
	return TWC_OK;
}

/* The rest of an era form after the era name: a year (or 元), then 年度,
 * nothing, or 年M月D日. */
static int
parse_era_rest(const char *what, const char *text, const char *p,
               const struct era *era, int *fy, twc_date *date, twc_error *e)
{
	int n, mo, d, rc;

	if (eat(&p, "元"))
		n = 1;
	else if (!read_number(&p, 3, &n) || n < 1)
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' has no era year after %s", what, text,
		               era->kanji);
	if (era->last_year && n > era->last_year)
		return err_set(e, TWC_EVALUE,
		               "%s: '%s': %s ended in its year %d "
		               "(%04d-%02d-%02d); later years are 令和",
		               what, text, era->kanji, era->last_year,
		               era->last.year, era->last.month, era->last.day);
	if (*p == '\0' || eat(&p, "年度")) {
		if (*p != '\0')
			return err_set(e, TWC_EVALUE,
			               "%s: unexpected text after the year in "
			               "'%s'",
			               what, text);
		*fy = era->first_fy + n - 1;
		date->year = date->month = date->day = 0;
		return TWC_OK;
	}
	if (eat(&p, "年") && read_number(&p, 2, &mo) && eat(&p, "月") &&
	    read_number(&p, 2, &d) && eat(&p, "日") && *p == '\0') {
		int y = era->first_fy + n - 1;
		if (date_valid(y, mo, d) &&
		    (rc = in_era(what, text, era, y, mo, d, e)) != TWC_OK)
			return rc;
		return set_date(what, text, y, mo, d, fy, date, e);
	}
	return err_set(
	    e, TWC_EVALUE,
	    "%s: '%s' is not of the form 令和7年度 or 令和7年10月1日", what,
	    text);
}

/* 2025-10-01, 2025/10/01, 2025 and FY2025. */
static int
parse_western(const char *what, const char *text, const char *p, int *fy,
              twc_date *date, twc_error *e)
{
	int y, mo, d, is_fy = 0;

	if (eat(&p, "FY") || eat(&p, "fy") || eat(&p, "Fy"))
		is_fy = 1;
	if (!read_number(&p, 4, &y))
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' is not a date or fiscal year (use "
		               "2025-10-01, FY2025, R7 or 令和7年度)",
		               what, text);
	if (*p == '\0') {
		*fy = y;
		date->year = date->month = date->day = 0;
		return TWC_OK;
	}
	if (!is_fy && (*p == '-' || *p == '/')) {
		char sep = *p++;
		if (read_number(&p, 2, &mo) && *p == sep && (p++, 1) &&
		    read_number(&p, 2, &d) && *p == '\0')
			return set_date(what, text, y, mo, d, fy, date, e);
	}
	return err_set(e, TWC_EVALUE,
	               "%s: '%s' is not a date or fiscal year (use "
	               "2025-10-01, FY2025, R7 or 令和7年度)",
	               what, text);
}

static int
parse_normalised(const char *what, const char *text, const char *s, int *fy,
                 twc_date *date, twc_error *e)
{
	const char *p = s;
	size_t k;

	for (k = 0; k < ERA_COUNT; k++) {
		char letter[2] = {eras[k].letter, '\0'};
		char lower[2] = {(char)tolower(eras[k].letter), '\0'};
		p = s;
		if (eat(&p, eras[k].kanji) ||
		    ((eat(&p, letter) || eat(&p, lower)) &&
		     (isdigit((unsigned char)*p) || strncmp(p, "元", 3) == 0)))
			return parse_era_rest(what, text, p, &eras[k], fy, date,
			                      e);
	}
	return parse_western(what, text, s, fy, date, e);
}

int
fy_parse(const char *what, const char *text, int *fy, twc_date *date,
         twc_error *e)
{
	char utf8[64], norm[64];
	int rc;

	if (text == NULL)
		return err_set(e, TWC_EINVAL, "%s: no text given", what);
	if (strlen(text) >= sizeof utf8)
		return err_set(e, TWC_EVALUE, "%s: text too long (%zu bytes)",
		               what, strlen(text));
	if (utf8_valid(text))
		strcpy(utf8, text);
	else if (!cp932_to_utf8((const unsigned char *)text, utf8, sizeof utf8))
		return err_set(e, TWC_EVALUE,
		               "%s: text is neither UTF-8 nor a CP932 era date",
		               what);
	if (!normalise(utf8, norm, sizeof norm) || norm[0] == '\0')
		return err_set(e, TWC_EVALUE, "%s: empty text", what);
	rc = parse_normalised(what, utf8, norm, fy, date, e);
	if (rc != TWC_OK)
		return rc;
	if (*fy < FY_MIN || *fy > FY_MAX)
		return err_set(e, TWC_ERANGE,
		               "%s: fiscal year %d is outside FY%d..FY%d", what,
		               *fy, FY_MIN, FY_MAX);
	return TWC_OK;
}

static const struct era *
era_of(int fy)
{
	size_t k;

	for (k = 0; k < ERA_COUNT; k++)
		if (fy >= eras[k].first_fy)
			return &eras[k];
	return NULL;
}

/* head, then v in decimal (when v >= 0), then tail, into buf as snprintf
 * would put it: the estimate labels every fiscal year of every plan, and
 * snprintf was a third of twc_quick's time. */
static void
join(char *buf, size_t n, const char *head, int v, const char *tail)
{
	char s[64], digits[16];
	size_t len = 0, k = 0;

	for (; *head && len < 32; head++)
		s[len++] = *head;
	if (v >= 0) { /* else no number */
		do
			digits[k++] = (char)('0' + v % 10);
		while ((v /= 10) > 0 && k < sizeof digits);
		while (k > 0)
			s[len++] = digits[--k];
	}
	for (; *tail && len < sizeof s - 1; tail++)
		s[len++] = *tail;
	s[len] = '\0';
	if (n == 0)
		return;
	len = len < n - 1 ? len : n - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
}

void
fy_label(int fy, char *buf, size_t n)
{
	const struct era *era = era_of(fy);

	if (era == NULL)
		join(buf, n, "", fy, "年度");
	else if (fy == era->first_fy)
		join(buf, n, era->kanji, -1, "元年度");
	else
		join(buf, n, era->kanji, fy - era->first_fy + 1, "年度");
}

void
fy_short(int fy, char *buf, size_t n)
{
	const struct era *era = era_of(fy);

	if (era == NULL)
		snprintf(buf, n, "FY%d", fy);
	else
		snprintf(buf, n, "%c%d", era->letter, fy - era->first_fy + 1);
}
