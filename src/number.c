/* number.c - numbers as people write them (see number.h). */
#include <config.h>

#include "number.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The longest number read, in bytes once made ASCII. */
#define NUM_TEXT_MAX 128

/* Why a text is not a number. */
enum bad { BAD_NONE, BAD_SHAPE, BAD_HEX, BAD_ZERO, BAD_COMMA, BAD_PERCENT };

/* text in ASCII (wide forms made narrow) into out, without the spaces
 * around it, a run of spaces inside kept as one (it makes the text no
 * number whatever its length); 0 when it does not fit. */
static int
narrow(const char *text, char *out, size_t n)
{
	size_t len = 0;
	char c;

	while (*text != '\0') {
		int wide = (c = wide_ascii(text)) != 0;
		if (!wide)
			c = *text;
		text += wide ? 3 : 1;
		if (strchr(" \t\r\n", c) != NULL) {
			if (len > 0 && out[len - 1] != ' ' && len + 1 < n)
				out[len++] = ' ';
			continue;
		}
		if (len + 1 >= n)
			return 0;
		out[len++] = c;
	}
	if (len > 0 && out[len - 1] == ' ')
		len--;
	out[len] = '\0';
	return 1;
}

/* The digits of an integer part with its commas checked: groups of three
 * after a first group of one to three.  *p moves past it; the digits go
 * to *w. */
static enum bad
integer_part(const char **p, char **w, int *count)
{
	int group = -1; /* digits since the last comma; -1: none yet */

	*count = 0;
	for (; isdigit((unsigned char)**p) || **p == ','; (*p)++) {
		if (**p == ',') {
			if (*count == 0 ||
			    (group < 0 ? *count > 3 : group != 3))
				return BAD_COMMA;
			group = 0;
			continue;
		}
		if (group >= 0)
			group++;
		(*count)++;
		*(*w)++ = **p;
	}
	return group >= 0 && group != 3 ? BAD_COMMA : BAD_NONE;
}

/* Copy the digits of s at *p while they are digits; their count. */
static int
copy_digits(const char **p, char **w)
{
	int n = 0;

	for (; isdigit((unsigned char)**p); (*p)++, n++)
		*(*w)++ = **p;
	return n;
}

/* The number at s, checked, into clean without its commas and %: a sign,
 * digits in groups, a fraction, an exponent; *percent for a trailing %. */
static enum bad
scan(const char *s, char *clean, int *percent)
{
	const char *p = s;
	char *w = clean, *digits;
	int ints, fracs = 0, expo = 0;
	enum bad why;

	if (*p == '+' || *p == '-')
		*w++ = *p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return BAD_HEX;
	digits = w;
	if ((why = integer_part(&p, &w, &ints)) != BAD_NONE)
		return why;
	if (ints > 1 && digits[0] == '0')
		return BAD_ZERO;
	if (*p == '.') {
		*w++ = *p++;
		fracs = copy_digits(&p, &w);
	}
	if (ints + fracs == 0)
		return BAD_SHAPE;
	if (*p == 'e' || *p == 'E') {
		*w++ = *p++;
		if (*p == '+' || *p == '-')
			*w++ = *p++;
		if ((expo = copy_digits(&p, &w)) == 0)
			return BAD_SHAPE;
	}
	*percent = *p == '%' && !expo;
	p += *percent;
	*w = '\0';
	return *p == '\0' ? BAD_NONE : BAD_SHAPE;
}

/* "nan", "inf" and "infinity" with any sign and case. */
static int
is_special(const char *s)
{
	if (*s == '+' || *s == '-')
		s++;
	return strcasecmp(s, "nan") == 0 || strcasecmp(s, "inf") == 0 ||
	       strcasecmp(s, "infinity") == 0;
}

/* The number without its leading zeros, for a message: -010 as -10. */
static const char *
without_zeros(const char *s, char *buf, size_t n)
{
	const char *sign = *s == '-' ? "-" : "";
	const char *p = s + (*s == '-' || *s == '+');

	while (p[0] == '0' && isdigit((unsigned char)p[1]))
		p++;
	snprintf(buf, n, "%s%s", sign, p);
	return buf;
}

/* How to write a number of each kind, after a refusal. */
static const char *
how_to_write(int flags)
{
	if (flags & NUM_SHARE)
		return N_("; write a share as 0.3 or 30%");
	if (flags & NUM_WHOLE)
		return N_("; write a whole number such as 80 or 1,200");
	return N_("; write a number such as 2.5 or 1,200");
}

/* The message for a text that is not a number (shown as echo). */
static int
refuse(enum bad why, const char *echo, const char *ascii, int flags,
       twc_error *e)
{
	char fix[NUM_TEXT_MAX];

	switch (why) {
	case BAD_ZERO:
		return err_set(
		    e, TWC_EVALUE,
		    "'%s' starts with 0, which some programs read as "
		    "octal: write it without the leading zero (%s)",
		    echo, without_zeros(ascii, fix, sizeof fix));
	case BAD_COMMA:
		return err_set(e, TWC_EVALUE,
		               "'%s' is not a number: a comma goes between "
		               "groups of three digits (1,200), and a decimal "
		               "point is a dot (2.5)",
		               echo);
	case BAD_HEX:
		err_set(e, TWC_EVALUE, "'%s' is hexadecimal, not decimal",
		        echo);
		break;
	case BAD_PERCENT:
		err_set(e, TWC_EVALUE,
		        "'%s' is not a number: only a share takes a percentage",
		        echo);
		break;
	default: err_set(e, TWC_EVALUE, "'%s' is not a number", echo);
	}
	return err_append(e, TWC_EVALUE, how_to_write(flags));
}

/* The number in clean (a percentage when percent) into *v; 0 when it is
 * too large for a double. */
static int
convert(char *clean, int percent, double *v)
{
	char *end;

	if (percent)
		strcat(clean, "e-2"); /* 30% reads as 0.3 does, exactly */
	errno = 0;
	*v = c_strtod(clean, &end);
	return *end == '\0' && !(errno == ERANGE && isinf(*v));
}

int
num_read(const char *text, int flags, double *v, char *shown, size_t n,
         twc_error *e)
{
	char ascii[NUM_TEXT_MAX], clean[NUM_TEXT_MAX + 4], echo[ECHO_MAX];
	enum bad why = BAD_SHAPE;
	int percent = 0;

	text_value(text, echo, sizeof echo);
	if (shown != NULL && n > 0)
		snprintf(shown, n, "%s", echo);
	if (!utf8_valid(text) || !narrow(text, ascii, sizeof ascii))
		return refuse(BAD_SHAPE, echo, "", flags, e);
	if (shown != NULL && n > 0)
		text_echo(ascii, shown, n);
	if (is_special(ascii)) {
		*v = c_strtod(ascii, NULL);
		return TWC_OK;
	}
	why = scan(ascii, clean, &percent);
	if (why == BAD_NONE && percent && !(flags & NUM_SHARE))
		why = BAD_PERCENT;
	if (why == BAD_NONE && !convert(clean, percent, v))
		why = BAD_SHAPE;
	return why == BAD_NONE ? TWC_OK : refuse(why, echo, ascii, flags, e);
}

/* A share outside lo..hi (a..b as written): say how to write one.  A
 * whole number from 2 to 100 was most likely meant as a percentage, so
 * it is the example (30: 0.3 or 30%); a number given as a number (twc_set,
 * a profile) gets the hint only then. */
static int
share_out_of_range(double v, const char *shown, const char *a, const char *b,
                   int flags, twc_error *e)
{
	char frac[NUM_MAX], pct[NUM_MAX];
	int percent_like =
	    v >= 2 && v <= 100 && v == floor(v) && strchr(shown, '%') == NULL;

	fmt_num(percent_like ? v / 100 : 0.3, frac, sizeof frac);
	fmt_num(percent_like ? v : 30, pct, sizeof pct);
	if (flags & NUM_TEXT)
		return err_set(
		    e, TWC_ERANGE,
		    "%s is out of range (%s to %s): write a share as "
		    "%s or %s%%",
		    shown, a, b, frac, pct);
	if (percent_like)
		return err_set(
		    e, TWC_ERANGE,
		    "%s is out of range (%s to %s): write a share as "
		    "%s",
		    shown, a, b, frac);
	return err_set(e, TWC_ERANGE, "%s is out of range (%s to %s)", shown, a,
	               b);
}

int
num_allowed(double v, double lo, double hi, int flags)
{
	return v >= lo && v <= hi && (!(flags & NUM_WHOLE) || v == floor(v));
}

int
num_within(double v, const char *shown, double lo, double hi, int flags,
           twc_error *e)
{
	char a[NUM_MAX], b[NUM_MAX];

	if (num_allowed(v, lo, hi, flags)) /* NaN is not */
		return TWC_OK;
	fmt_num(lo, a, sizeof a);
	fmt_num(hi, b, sizeof b);
	if (isnan(v))
		return err_set(e, TWC_ERANGE,
		               "NaN is not a number (allowed %s to %s)", a, b);
	if ((v < lo || v > hi) && (flags & NUM_SHARE))
		return share_out_of_range(v, shown, a, b, flags, e);
	if (v < lo || v > hi)
		return err_set(e, TWC_ERANGE, "%s is out of range (%s to %s)",
		               shown, a, b);
	if ((flags & NUM_WHOLE) && v != floor(v))
		return err_set(e, TWC_ERANGE,
		               "%s must be a whole number (%s to %s)", shown, a,
		               b);
	return TWC_OK;
}
