/* csv.c - reading CSV records one at a time (see csv.h). */
#include <config.h>

#include "csv.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#ifdef HAVE_ICONV_OPEN
#include <iconv.h>
#endif

#include "i18n.h"

/* A character of the file, after any pushed back. */
static int
get(csv_reader *r)
{
	return r->n_pend > 0 ? r->pend[--r->n_pend] : getc(r->f);
}

static void
unget(csv_reader *r, int c)
{
	if (c != EOF && r->n_pend < 4)
		r->pend[r->n_pend++] = c;
}

void
csv_open(csv_reader *r, FILE *f, const char *file, enum csv_encoding encoding)
{
	int a, b = EOF, c = EOF;

	memset(r, 0, sizeof *r);
	r->f = f;
	r->file = file;
	r->next_line = 1;
	r->encoding = encoding;
	r->given = encoding != CSV_AUTO;
	a = get(r);
	if (a == 0xEF && (b = get(r)) == 0xBB && (c = get(r)) == 0xBF) {
		/* the byte-order mark Excel writes: UTF-8 */
		r->bom = 1;
		if (encoding == CSV_AUTO)
			r->encoding = CSV_UTF8;
		return;
	}
	if (a == 0xEF) {
		/* Not a BOM: push back what was read, last first. */
		if (b == 0xBB)
			unget(r, c);
		unget(r, b);
	}
	unget(r, a);
}

int
csv_encoding_of(const char *text)
{
	static const struct {
		const char *name;
		enum csv_encoding encoding;
	} names[] = {{"auto", CSV_AUTO},       {"utf-8", CSV_UTF8},
	             {"utf8", CSV_UTF8},       {"cp932", CSV_CP932},
	             {"shift_jis", CSV_CP932}, {"shift-jis", CSV_CP932},
	             {"sjis", CSV_CP932}};
	size_t k;

	for (k = 0; k < sizeof names / sizeof names[0]; k++)
		if (strcasecmp(text, names[k].name) == 0)
			return (int)names[k].encoding;
	return -1;
}

void
csv_close(csv_reader *r)
{
	free(r->buf);
	free(r->conv);
	r->buf = r->conv = NULL;
	r->cap = r->conv_cap = 0;
#ifdef HAVE_ICONV_OPEN
	if (r->cd != NULL)
		iconv_close((iconv_t)r->cd);
#endif
	r->cd = NULL;
}

static int fail(csv_reader *r, char *err, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* "FILE:LINE: reason" into err, the reason's format translated; -1. */
static int
fail(csv_reader *r, char *err, size_t n, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, gettext(fmt), ap);
	va_end(ap);
	snprintf(err, n, "%s:%d: %s", r->file, r->line, msg);
	return -1;
}

/* How to make a file twcost reads, after a refusal of its encoding. */
static int
resave(char *err, size_t n)
{
	size_t len = strlen(err);

	snprintf(err + len, n - len, "%s",
	         _("; save it again as UTF-8: in Excel, 名前を付けて保存 → "
	           "CSV UTF-8 (コンマ区切り) (*.csv)"));
	return -1;
}

/* Room for len + 2 bytes: a character and the NUL after it. */
static int
room(csv_reader *r, size_t len)
{
	size_t cap;
	char *p;

	if (len + 2 <= r->cap)
		return 1;
	cap = r->cap ? r->cap * 2 : 256;
	if ((p = realloc(r->buf, cap)) == NULL)
		return 0;
	r->buf = p;
	r->cap = cap;
	return 1;
}

/* Append c to the record; 0 when it would pass CSV_MAX_RECORD. */
static int
put(csv_reader *r, size_t *len, int c)
{
	if (*len >= CSV_MAX_RECORD || !room(r, *len))
		return 0;
	r->buf[(*len)++] = (char)c;
	return 1;
}

/* A CR inside a quoted cell: CRLF is one line break (\n), as Excel
 * writes a break inside a cell in any file; a CR alone stays. */
static int
crlf_in_cell(csv_reader *r)
{
	int c = get(r);

	if (c == '\n')
		return '\n';
	unget(r, c);
	return '\r';
}

/* The text of the next record (up to a line end outside quotes) into
 * r->buf: 1, 0 at the end of the file, -1 on error. */
static int
read_record(csv_reader *r, char *err, size_t n)
{
	size_t len = 0;
	int c, quoted = 0, any = 0;

	r->line = r->next_line;
	while ((c = get(r)) != EOF) {
		any = 1;
		if (c == '\0')
			return fail(r, err, n,
			            N_("a NUL byte: not a text file"));
		if (c == '"')
			quoted = !quoted;
		if (quoted && c == '\r')
			c = crlf_in_cell(r);
		if (!quoted && (c == '\n' || c == '\r')) {
			if (c == '\r' && (c = get(r)) != '\n')
				unget(r, c);
			r->next_line++;
			break;
		}
		if (c == '\n')
			r->next_line++;
		if (!put(r, &len, c))
			return fail(r, err, n,
			            N_("a row longer than %d bytes (or out of "
			               "memory)"),
			            CSV_MAX_RECORD);
	}
	if (!any)
		return 0;
	if (quoted)
		return fail(r, err, n,
		            N_("a quoted cell is not closed by the end of "
		               "the file"));
	if (!room(r, len))
		return fail(r, err, n, N_("out of memory"));
	r->buf[len] = '\0';
	return 1;
}

/* One quoted cell at *p (on its opening quote), unquoted in place at w;
 * *p moves past the closing quote. */
static char *
unquote(char **p, char *w)
{
	char *s = *p + 1;

	for (;;) {
		if (s[0] == '"' && s[1] == '"') {
			*w++ = '"';
			s += 2;
		} else if (s[0] == '"' || s[0] == '\0') {
			break;
		} else {
			*w++ = *s++;
		}
	}
	*p = *s == '"' ? s + 1 : s;
	return w;
}

/* Split r->buf into cells in place. */
static int
split(csv_reader *r, char *err, size_t n)
{
	char *p = r->buf, *w;

	r->n_cells = 0;
	for (;;) {
		if (r->n_cells == CSV_MAX_COLUMNS)
			return fail(r, err, n, N_("more than %d columns"),
			            CSV_MAX_COLUMNS);
		r->cells[r->n_cells++] = w = p;
		if (*p == '"') {
			w = unquote(&p, w);
			if (*p != ',' && *p != '\0')
				return fail(r, err, n,
				            N_("text after the closing quote "
				               "of column %d"),
				            r->n_cells);
		} else {
			for (; *p != '\0' && *p != ','; *w++ = *p++)
				if (*p == '"')
					return fail(
					    r, err, n,
					    N_("a quote inside column %d, "
					       "which does not start with one "
					       "(quote the whole cell)"),
					    r->n_cells);
		}
		if (*p == '\0') {
			*w = '\0';
			return 1;
		}
		*w = '\0';
		p++;
	}
}

/* The length of the UTF-8 sequence that byte c starts, or 0 when no
 * well-formed one starts with it. */
static int
utf8_length(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0; /* a continuation byte, or an overlong form */
	if (c < 0xE0)
		return 2;
	if (c < 0xF0)
		return 3;
	return c < 0xF5 ? 4 : 0;
}

/* 1 when s is well-formed UTF-8 (no overlong forms, surrogates or code
 * points past U+10FFFF). */
static int
is_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		int len = utf8_length(*p), k;
		if (len == 0)
			return 0;
		for (k = 1; k < len; k++)
			if ((p[k] & 0xC0) != 0x80)
				return 0;
		if ((p[0] == 0xE0 && p[1] < 0xA0) ||
		    (p[0] == 0xED && p[1] > 0x9F) ||
		    (p[0] == 0xF0 && p[1] < 0x90) ||
		    (p[0] == 0xF4 && p[1] > 0x8F))
			return 0;
		p += len;
	}
	return 1;
}

static int
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* The record in r->buf, read as CP932, in UTF-8 in its place: 1, 0 when
 * it is not CP932, -1 when this build cannot convert (no iconv). */
static int
from_cp932(csv_reader *r)
{
#ifdef HAVE_ICONV_OPEN
	size_t len = strlen(r->buf), in_left = len, out_left, cap;
	char *in = r->buf, *out, *p;

	if (r->cd == NULL) {
		iconv_t cd = iconv_open("UTF-8", "CP932");
		if (cd == (iconv_t)-1)
			cd = iconv_open("UTF-8", "SHIFT_JIS");
		if (cd == (iconv_t)-1)
			return -1;
		r->cd = (void *)cd;
	}
	/* At most 3 bytes of UTF-8 a byte (half-width katakana), and the
	 * NUL. */
	if (r->conv_cap < 3 * len + 1) {
		if ((p = realloc(r->conv, 3 * len + 1)) == NULL)
			return 0;
		r->conv = p;
		r->conv_cap = 3 * len + 1;
	}
	out = r->conv;
	out_left = r->conv_cap - 1;
	iconv((iconv_t)r->cd, NULL, NULL, NULL, NULL);
	if (iconv((iconv_t)r->cd, &in, &in_left, &out, &out_left) ==
	        (size_t)-1 ||
	    in_left != 0)
		return 0;
	*out = '\0';
	p = r->buf; /* the converted record becomes the record */
	r->buf = r->conv;
	r->conv = p;
	cap = r->cap;
	r->cap = r->conv_cap;
	r->conv_cap = cap;
	return 1;
#else
	(void)r;
	return -1;
#endif
}

/* The encoding of the file, from its first record that is not ASCII:
 * UTF-8 when the record is, else CP932 when it converts; 0 when it is
 * neither. */
static int
decide(csv_reader *r, char *err, size_t n)
{
	int rc;

	r->decided_on = r->line;
	if (is_utf8(r->buf)) {
		r->encoding = CSV_UTF8;
		return 1;
	}
	if ((rc = from_cp932(r)) == 1) {
		r->encoding = CSV_CP932;
		return 1;
	}
	if (rc < 0)
		fail(r, err, n,
		     N_("the text is not UTF-8, and this build of twcost "
		        "cannot read Shift_JIS (CP932)"));
	else
		fail(r, err, n,
		     N_("the text is neither UTF-8 nor Shift_JIS (CP932)"));
	return resave(err, n);
}

/* A record of a file read as UTF-8 that is not UTF-8. */
static int
not_utf8(csv_reader *r, char *err, size_t n)
{
	if (r->given)
		fail(r, err, n,
		     N_("the text is not UTF-8 (--encoding utf-8; "
		        "--encoding cp932 reads Shift_JIS)"));
	else if (r->decided_on == 0)
		fail(r, err, n,
		     N_("the text is not UTF-8, though the file starts with "
		        "a UTF-8 byte-order mark"));
	else
		fail(r, err, n,
		     N_("the text is not UTF-8, though line %d was: the file "
		        "mixes encodings"),
		     r->decided_on);
	return resave(err, n);
}

/* A record of a file read as CP932: converted, or refused. */
static int
cp932_record(csv_reader *r, char *err, size_t n)
{
	int rc;

	if (!r->given && is_utf8(r->buf))
		fail(r, err, n,
		     N_("the text is UTF-8, though line %d was Shift_JIS "
		        "(CP932): the file mixes encodings"),
		     r->decided_on);
	else if ((rc = from_cp932(r)) == 1)
		return 1;
	else if (rc < 0)
		fail(r, err, n,
		     N_("this build of twcost cannot read Shift_JIS (CP932)"));
	else if (r->given)
		fail(r, err, n,
		     N_("the text is not Shift_JIS (CP932) (--encoding "
		        "cp932)"));
	else
		fail(r, err, n,
		     N_("the text is not Shift_JIS (CP932), though line %d "
		        "was"),
		     r->decided_on);
	return resave(err, n);
}

/* The record in r->buf as UTF-8: 1, or -1 with the reason in err. */
static int
decode(csv_reader *r, char *err, size_t n)
{
	if (is_ascii(r->buf))
		return 1; /* the same in UTF-8 and CP932 */
	if (r->encoding == CSV_AUTO)
		return decide(r, err, n);
	if (r->encoding == CSV_UTF8)
		return is_utf8(r->buf) ? 1 : not_utf8(r, err, n);
	return cp932_record(r, err, n);
}

int
csv_next(csv_reader *r, char *err, size_t n)
{
	int rc;

	if (r->bom && r->given && r->encoding == CSV_CP932) {
		r->line = 1;
		return fail(r, err, n,
		            N_("the file starts with a UTF-8 byte-order mark, "
		               "but --encoding cp932 was given: give "
		               "--encoding utf-8 or auto"));
	}
	while ((rc = read_record(r, err, n)) == 1) {
		if (decode(r, err, n) < 0)
			return -1;
		if (r->buf[strspn(r->buf, " \t")] != '\0')
			return split(r, err, n);
	}
	return rc;
}
