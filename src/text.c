/* text.c - UTF-8 and UTF-16 text, numbers read in the C locale, name
 * look-ups and "did you mean" suggestions. */
#include <config.h>

#include "text.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* Length of the longest prefix of s, at most max bytes, that ends on a
 * UTF-8 character boundary. */
size_t
utf8_cut(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

char
wide_ascii(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;

	if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return ' ';
	if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
		return '-';
	if (p[0] != 0xEF || (p[1] != 0xBC && p[1] != 0xBD) || p[2] < 0x80 ||
	    p[2] > 0xBF)
		return 0;
	cp = 0xF000u | (unsigned)(p[1] & 0x3F) << 6 | (unsigned)(p[2] & 0x3F);
	return cp >= 0xFF01 && cp <= 0xFF5E ? (char)(cp - 0xFF01 + 0x21) : 0;
}

#if defined(HAVE_STRTOD_L) && defined(HAVE_NEWLOCALE)
static locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void
make_c_locale(void)
{
	c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
}

double
c_strtod(const char *s, char **end)
{
	pthread_once(&c_locale_once, make_c_locale);
	if (c_locale == (locale_t)0)
		return strtod(s, end);
	return strtod_l(s, end, c_locale);
}
#elif defined(_WIN32)
static _locale_t c_locale;
static pthread_once_t c_locale_once = PTHREAD_ONCE_INIT;

static void
make_c_locale(void)
{
	c_locale = _create_locale(LC_NUMERIC, "C");
}

double
c_strtod(const char *s, char **end)
{
	pthread_once(&c_locale_once, make_c_locale);
	return c_locale != NULL ? _strtod_l(s, end, c_locale) : strtod(s, end);
}
#else
double
c_strtod(const char *s, char **end)
{
	return strtod(s, end);
}
#endif

int
name_index(const char *name, const char *const *names)
{
	int i;

	/* the first letters compared first: most names differ there */
	for (i = 0; name != NULL && names[i] != NULL; i++)
		if (names[i][0] == name[0] && strcmp(name, names[i]) == 0)
			return i;
	return -1;
}

int
copy_out(const char *text, char *buf, int len)
{
	size_t n = strlen(text), k;

	if (buf != NULL && len > 0) {
		k = utf8_cut(text, (size_t)len - 1);
		memcpy(buf, text, k);
		buf[k] = '\0';
	}
	return n > 0x7FFFFFFF ? 0x7FFFFFFF : (int)n;
}

/* a and b the same letter for a suggestion: ASCII case, and '-' and '_',
 * aside ("Staff" is "staff", "home-days" is "home_days"). */
static int
same_letter(char a, char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b - 'A' + 'a');
	if (a == '_')
		a = '-';
	if (b == '_')
		b = '-';
	return a == b;
}

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

int
edit_distance(const char *a, const char *b)
{
	enum { MAXW = 64 };
	int buf[3][MAXW + 1];
	int *older = buf[0], *prev = buf[1], *row = buf[2], *t;
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > MAXW || lb > MAXW)
		return 99;
	for (j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (i = 1; i <= la; i++) {
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int cost = !same_letter(a[i - 1], b[j - 1]);
			row[j] = min3(prev[j] + 1, row[j - 1] + 1,
			              prev[j - 1] + cost);
			/* two letters swapped count as one change */
			if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
			    same_letter(a[i - 2], b[j - 1]) &&
			    older[j - 2] + 1 < row[j])
				row[j] = older[j - 2] + 1;
		}
		t = older;
		older = prev;
		prev = row;
		row = t;
	}
	return prev[lb] > 99 ? 99 : prev[lb];
}

/* 1 when word begins name (case and '-'/'_' aside). */
static int
begins(const char *name, const char *word)
{
	for (; *word != '\0'; word++, name++)
		if (*name == '\0' || !same_letter(*name, *word))
			return 0;
	return 1;
}

/* 1 when word is one of the parts of name between '-', '_' and '.'
 * ("browser" of "secure-browser", "45" of "village-45.cfg"). */
static int
is_part(const char *name, const char *word)
{
	size_t n = strlen(word);

	for (;;) {
		size_t len = strcspn(name, "-_.");
		if (len == n && begins(name, word))
			return 1;
		if (name[len] == '\0')
			return 0;
		name += len + 1;
	}
}

/* The one candidate that word begins, else the one that has word as a
 * part; NULL when none or several do.  Words shorter than 3 letters say
 * too little. */
static const char *
only_extension(const char *word, const char *const *candidates, int n)
{
	const char *found = NULL;
	int i, pass, hits;

	if (strlen(word) < 3)
		return NULL;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0, hits = 0; i < n; i++)
			if (pass == 0 ? begins(candidates[i], word)
			              : is_part(candidates[i], word)) {
				found = candidates[i];
				hits++;
			}
		if (hits == 1)
			return found;
		if (hits > 1)
			return NULL;
	}
	return NULL;
}

const char *
nearest_word(const char *word, const char *const *candidates, int n)
{
	const char *best = NULL;
	int best_d = 99, i, limit;

	if (word == NULL || candidates == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		int d = edit_distance(word, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* A plausible typo changes at most a third of the word (and at
	 * least one letter may always be wrong). */
	limit = (int)strlen(word) / 3;
	if (limit < 1)
		limit = 1;
	if (best_d <= limit)
		return best;
	return only_extension(word, candidates, n);
}

/* Length of the UTF-8 sequence starting at s and its code point, or 0 when
 * the bytes are not valid UTF-8. */
static int
utf8_decode(const unsigned char *s, unsigned *cp)
{
	int n, i;
	unsigned c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int
utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;

	while (*p != '\0') {
		int n = utf8_decode(p, &cp);
		if (n == 0)
			return 0;
		p += n;
	}
	return 1;
}

/* Append code point c to out as UTF-8; 0 when it does not fit. */
static int
put_utf8(unsigned c, char *out, size_t n, size_t *len)
{
	unsigned char b[4];
	size_t k = 0, i;

	if (c < 0x80)
		b[k++] = (unsigned char)c;
	else if (c < 0x800) {
		b[k++] = (unsigned char)(0xC0 | (c >> 6));
		b[k++] = (unsigned char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		b[k++] = (unsigned char)(0xE0 | (c >> 12));
		b[k++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		b[k++] = (unsigned char)(0x80 | (c & 0x3F));
	} else {
		b[k++] = (unsigned char)(0xF0 | (c >> 18));
		b[k++] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
		b[k++] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
		b[k++] = (unsigned char)(0x80 | (c & 0x3F));
	}
	if (*len + k + 1 > n)
		return 0;
	for (i = 0; i < k; i++)
		out[(*len)++] = (char)b[i];
	return 1;
}

int
utf16_to_utf8(const unsigned short *s, char *out, size_t n)
{
	size_t len = 0;

	for (; *s != 0; s++) {
		unsigned c = *s;
		if (c >= 0xDC00 && c <= 0xDFFF)
			return 0;
		if (c >= 0xD800 && c <= 0xDBFF) {
			if (s[1] < 0xDC00 || s[1] > 0xDFFF)
				return 0;
			c = 0x10000 + ((c - 0xD800) << 10) + (s[1] - 0xDC00u);
			s++;
		}
		if (!put_utf8(c, out, n, &len))
			return 0;
	}
	out[len] = '\0';
	return 1;
}

/* The ellipsis that ends a cut echo. */
static const char ellipsis[] = "\xE2\x80\xA6";

const char *
text_echo(const char *s, char *buf, size_t n)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = 0;
	unsigned cp;

	if (n == 0)
		return buf;
	while (*p != '\0') {
		int k = utf8_decode(p, &cp);
		size_t need = k ? (size_t)k : 1;
		/* Room for this character, and for the ellipsis if more
		 * follows. */
		if (len + need + (p[need] ? sizeof ellipsis - 1 : 0) + 1 > n) {
			if (len + sizeof ellipsis <= n) {
				memcpy(buf + len, ellipsis,
				       sizeof ellipsis - 1);
				len += sizeof ellipsis - 1;
			}
			break;
		}
		if (k == 0)
			buf[len++] = '?';
		else
			memcpy(buf + len, p, need), len += need;
		p += need;
	}
	buf[len] = '\0';
	return buf;
}

const char *
fmt_num(double v, char *buf, size_t n)
{
	int prec;

	if (isnan(v))
		snprintf(buf, n, "NaN");
	else if (isinf(v))
		snprintf(buf, n, v < 0 ? "-inf" : "inf");
	else if (v == floor(v) && fabs(v) < 1e16)
		snprintf(buf, n, "%.0f", v);
	else
		for (prec = 1; prec <= 17; prec++) {
			snprintf(buf, n, "%.*g", prec, v);
			if (c_strtod(buf, NULL) == v)
				break;
		}
	return buf;
}

const char *
text_value(const char *s, char *buf, size_t n)
{
	if (s == NULL || !utf8_valid(s))
		return text_echo("(not UTF-8)", buf, n);
	return text_echo(s, buf, n);
}
