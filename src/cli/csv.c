/* csv.c - reading CSV records one at a time (see csv.h). */
#include <config.h>

#include "csv.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

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
csv_open(csv_reader *r, FILE *f, const char *file)
{
	int a, b = EOF, c = EOF;

	memset(r, 0, sizeof *r);
	r->f = f;
	r->file = file;
	r->next_line = 1;
	a = get(r);
	if (a == 0xEF && (b = get(r)) == 0xBB && (c = get(r)) == 0xBF)
		return; /* the byte-order mark Excel writes */
	if (a == 0xEF) {
		/* Not a BOM: push back what was read, last first. */
		if (b == 0xBB)
			unget(r, c);
		unget(r, b);
	}
	unget(r, a);
}

void
csv_close(csv_reader *r)
{
	free(r->buf);
	r->buf = NULL;
	r->cap = 0;
}

static int fail(csv_reader *r, char *err, size_t n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* "FILE:LINE: reason" into err; -1. */
static int
fail(csv_reader *r, char *err, size_t n, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	snprintf(err, n, "%s:%d: %s", r->file, r->line, msg);
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
			return fail(r, err, n, "a NUL byte: not a text file");
		if (c == '"')
			quoted = !quoted;
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
			            "a row longer than %d bytes (or out of "
			            "memory)",
			            CSV_MAX_RECORD);
	}
	if (!any)
		return 0;
	if (quoted)
		return fail(r, err, n,
		            "a quoted cell is not closed by the end of the "
		            "file");
	if (!room(r, len))
		return fail(r, err, n, "out of memory");
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
			return fail(r, err, n, "more than %d columns",
			            CSV_MAX_COLUMNS);
		r->cells[r->n_cells++] = w = p;
		if (*p == '"') {
			w = unquote(&p, w);
			if (*p != ',' && *p != '\0')
				return fail(r, err, n,
				            "text after the closing quote of "
				            "column %d",
				            r->n_cells);
		} else {
			for (; *p != '\0' && *p != ','; *w++ = *p++)
				if (*p == '"')
					return fail(
					    r, err, n,
					    "a quote inside column %d, which "
					    "does not start with one (quote "
					    "the whole cell)",
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

int
csv_next(csv_reader *r, char *err, size_t n)
{
	int rc;

	while ((rc = read_record(r, err, n)) == 1) {
		if (r->buf[strspn(r->buf, " \t")] != '\0')
			return split(r, err, n);
	}
	return rc;
}
