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

/* CP932 (Shift_JIS) codes of the characters a date uses, with their UTF-8
 * forms, so that text passed by VBA on Japanese Windows parses. */
static const struct {
	unsigned char sj[2];
	const char *utf8;
} cp932_map[] = {
    {{0x97, 0xDF}, "令"}, {{0x98, 0x61}, "和"}, {{0x8C, 0xB3}, "元"},
    {{0x94, 0x4E}, "年"}, {{0x93, 0x78}, "度"}, {{0x95, 0xBD}, "平"},
    {{0x90, 0xAC}, "成"}, {{0x8C, 0x8E}, "月"}, {{0x93, 0xFA}, "日"},
    {{0x81, 0x40}, " "},  {{0x81, 0x5E}, "/"},  {{0x81, 0x44}, "."},
    {{0x81, 0x7C}, "-"},
};

/* The ASCII character of a full-width digit or letter in CP932 (82 4F to
 * 82 58, 82 60 to 82 79, 82 81 to 82 9A), or 0. */
static char
cp932_ascii(const unsigned char *s)
{
	if (s[0] != 0x82)
		return 0;
	if (s[1] >= 0x4F && s[1] <= 0x58)
		return (char)('0' + s[1] - 0x4F);
	if (s[1] >= 0x60 && s[1] <= 0x79)
		return (char)('A' + s[1] - 0x60);
	if (s[1] >= 0x81 && s[1] <= 0x9A)
		return (char)('a' + s[1] - 0x81);
	return 0;
}

/* The UTF-8 of the CP932 character at s (two bytes) into one, or NULL
 * when it is not one a date uses. */
static const char *
cp932_char(const unsigned char *s, char one[2])
{
	size_t k;

	if ((one[0] = cp932_ascii(s)) != 0)
		return one;
	for (k = 0; k < sizeof cp932_map / sizeof cp932_map[0]; k++)
		if (cp932_map[k].sj[0] == s[0] && cp932_map[k].sj[1] == s[1])
			return cp932_map[k].utf8;
	return NULL;
}

/* Rewrite CP932 text into UTF-8 in out; 0 when a byte pair is not one of
 * the characters a date needs. */
static int
cp932_to_utf8(const unsigned char *s, char *out, size_t n)
{
	size_t len = 0, i;

	for (i = 0; s[i] != '\0';) {
		const char *piece;
		char one[2] = {0, 0};
		if (s[i] < 0x80) {
			one[0] = (char)s[i];
			piece = one;
			i++;
		} else if (s[i + 1] == '\0' ||
		           (piece = cp932_char(s + i, one)) == NULL) {
			return 0;
		} else {
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

/* Copy UTF-8 text into out without spaces (ASCII and the ideographic
 * space U+3000), with full-width digits, letters and signs turned into
 * ASCII ones. */
static int
normalise(const char *s, char *out, size_t n)
{
	size_t len = 0;
	char c;

	while (*s != '\0') {
		int wide = (c = wide_ascii(s)) != 0;
		if (!wide)
			c = *s;
		s += wide ? 3 : 1;
		if (c == ' ' || c == '\t')
			continue;
		if (len + 2 > n)
			return 0;
		out[len++] = c;
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

/* The value of the n digits at p. */
static int
digits(const char *p, int n)
{
	int v = 0;

	while (n-- > 0)
		v = v * 10 + (*p++ - '0');
	return v;
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

/* What follows the year: nothing (2025, R7), 年度, 年 alone, or a month
 * and perhaps a day. */
enum after_year { AFTER_NOTHING, AFTER_NENDO, AFTER_NEN, AFTER_MONTH };

/* A month and a day after a separator (- / .): M or M-D, the same
 * separator between them. */
static int
read_month_sep(const char *p, int *mo, int *d)
{
	char sep = *p++;

	if (!read_number(&p, 2, mo))
		return 0;
	if (*p == '\0')
		return 1;
	return *p++ == sep && read_number(&p, 2, d) && *p == '\0';
}

/* A month and a day after 年: M月 or M月D日 (日 may be left out). */
static int
read_month_kanji(const char *p, int *mo, int *d)
{
	if (!read_number(&p, 2, mo) || !eat(&p, "月"))
		return 0;
	if (*p == '\0')
		return 1;
	if (!read_number(&p, 2, d))
		return 0;
	eat(&p, "日");
	return *p == '\0';
}

/* Read what follows the year at p into *after, *mo and *d (*d 0: no day
 * given, *mo 0: no month).  0 when it is none of the forms. */
static int
read_after_year(const char *p, enum after_year *after, int *mo, int *d)
{
	*mo = *d = 0;
	*after = AFTER_MONTH;
	if (*p == '\0')
		*after = AFTER_NOTHING;
	else if (eat(&p, "年度"))
		*after = AFTER_NENDO;
	else if (eat(&p, "年"))
		return *p == '\0' ? (*after = AFTER_NEN, 1)
		                  : read_month_kanji(p, mo, d);
	else if (*p == '-' || *p == '/' || *p == '.')
		return read_month_sep(p, mo, d);
	else
		return 0;
	return *p == '\0';
}

static int
set_date(const char *what, const char *text, int y, int mo, int d,
         fy_reading *out, twc_error *e)
{
	if (!date_valid(y, mo, d))
		return err_set(e, TWC_EVALUE, "%s: '%s' is not a calendar date",
		               what, text);
	out->date.year = y;
	out->date.month = mo;
	out->date.day = d;
	out->fy = date_fy(out->date);
	out->form = FY_FORM_DATE;
	return TWC_OK;
}

static int
not_a_date(const char *what, const char *text, twc_error *e)
{
	return err_set(e, TWC_EVALUE, "%s: '%s' is not a date or fiscal year",
	               what, text);
}

/* The rest of an era form after the era name: a year (or 元), then
 * nothing or 年度 (a fiscal year), 年 (a bare year), or a month and
 * perhaps a day. */
static int
parse_era_rest(const char *what, const char *text, const char *p,
               const struct era *era, fy_reading *out, twc_error *e)
{
	enum after_year after;
	int n, mo, d, y, rc;

	if (eat(&p, "元"))
		n = 1;
	else if (!isdigit((unsigned char)*p))
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' has no era year after %s", what, text,
		               era->kanji);
	else if (!read_number(&p, 3, &n) || n < 1)
		return not_a_date(what, text, e);
	if (era->last_year && n > era->last_year)
		return err_set(e, TWC_EVALUE,
		               "%s: '%s': %s ended in its year %d "
		               "(%04d-%02d-%02d); later years are 令和",
		               what, text, era->kanji, era->last_year,
		               era->last.year, era->last.month, era->last.day);
	if (!read_after_year(p, &after, &mo, &d))
		return not_a_date(what, text, e);
	y = era->first_fy + n - 1;
	if (after != AFTER_MONTH) {
		out->fy = y;
		out->form = after == AFTER_NEN ? FY_FORM_BARE : FY_FORM_FY;
		return TWC_OK;
	}
	d = d ? d : 1;
	if (date_valid(y, mo, d) &&
	    (rc = in_era(what, text, era, y, mo, d, e)) != TWC_OK)
		return rc;
	return set_date(what, text, y, mo, d, out, e);
}

/* 2025-10-01, 2025/10/1, 2025.10.1, 20251001, 2025年10月1日, 2025年10月,
 * 2025-10, 2025年度, FY2025, and 2025 or 2025年 alone (a bare year). */
static int
parse_western(const char *what, const char *text, const char *p,
              fy_reading *out, twc_error *e)
{
	enum after_year after;
	int y, mo, d, is_fy = 0;

	if ((p[0] == 'F' || p[0] == 'f') && (p[1] == 'Y' || p[1] == 'y')) {
		is_fy = 1;
		p += 2;
	}
	/* 20251001: eight digits, as many office systems write a day. */
	if (!is_fy && strlen(p) == 8 && strspn(p, "0123456789") == 8)
		return set_date(what, text, digits(p, 4), digits(p + 4, 2),
		                digits(p + 6, 2), out, e);
	if (!read_number(&p, 4, &y) || !read_after_year(p, &after, &mo, &d) ||
	    (is_fy && after != AFTER_NOTHING))
		return not_a_date(what, text, e);
	if (after == AFTER_MONTH)
		return set_date(what, text, y, mo, d ? d : 1, out, e);
	out->fy = y;
	out->form = is_fy || after == AFTER_NENDO ? FY_FORM_FY : FY_FORM_BARE;
	return TWC_OK;
}

static int
parse_normalised(const char *what, const char *text, const char *s,
                 fy_reading *out, twc_error *e)
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
			return parse_era_rest(what, text, p, &eras[k], out, e);
	}
	return parse_western(what, text, s, out, e);
}

/* The forms every refusal lists (err_append adds them). */
static const char accepted_forms[] =
    N_("; write a date as 2025-10-01, 2025/10/1, 2025年10月1日, R7.10.1 or "
       "令和7年10月1日 (令和7年10月 is the 1st), or a fiscal year as FY2025, "
       "R7 or 令和7年度 (2025 alone is FY2025)");

/* Whether text is exactly YYYY-MM-DD with a day other than 00 (which the
 * general reader takes as the 1st): the form a spreadsheet passes for
 * every cell, read by it as the general reader would read it. */
static int
iso_day(const char *t)
{
	static const char digit_at[] = "dddd-dd-dd";
	int i;

	for (i = 0; digit_at[i] != '\0'; i++)
		if (digit_at[i] == 'd' ? !isdigit((unsigned char)t[i])
		                       : t[i] != '-')
			return 0;
	return t[10] == '\0' && (t[8] != '0' || t[9] != '0');
}

/* fy_read without the list of forms on a refusal. */
static int
read_text(const char *what, const char *text, fy_reading *out, twc_error *e)
{
	char utf8[64], norm[64];
	int rc;

	if (iso_day(text)) { /* what parse_western reads from it */
		rc = set_date(what, text, digits(text, 4), digits(text + 5, 2),
		              digits(text + 8, 2), out, e);
		if (rc == TWC_OK && (out->fy < FY_MIN || out->fy > FY_MAX))
			return err_set(
			    e, TWC_ERANGE,
			    "%s: fiscal year %d is outside FY%d..FY%d", what,
			    out->fy, FY_MIN, FY_MAX);
		return rc;
	}
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
	rc = parse_normalised(what, utf8, norm, out, e);
	if (rc != TWC_OK)
		return rc;
	if (out->fy < FY_MIN || out->fy > FY_MAX)
		return err_set(e, TWC_ERANGE,
		               "%s: fiscal year %d is outside FY%d..FY%d", what,
		               out->fy, FY_MIN, FY_MAX);
	return TWC_OK;
}

int
fy_read(const char *what, const char *text, fy_reading *out, twc_error *e)
{
	fy_reading r = {0, {0, 0, 0}, FY_FORM_FY};
	int rc;

	if (text == NULL)
		return err_set(e, TWC_EINVAL, "%s: no text given", what);
	if ((rc = read_text(what, text, &r, e)) != TWC_OK)
		return err_append(e, rc, accepted_forms);
	*out = r;
	return TWC_OK;
}

int
fy_parse(const char *what, const char *text, int *fy, twc_date *date,
         twc_error *e)
{
	fy_reading r = {0, {0, 0, 0}, FY_FORM_FY};
	int rc = fy_read(what, text, &r, e);

	if (rc == TWC_OK) {
		*fy = r.fy;
		*date = r.date;
	}
	return rc;
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
