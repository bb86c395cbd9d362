/* output.c - output files written whole, tables, CSV and yen. */
#include <config.h>

#include "output.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

int
out_open(out *o, const char *path)
{
	size_t n;
	int fd;

	memset(o, 0, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return EXIT_OK;
	}
	n = strlen(path) + 16;
	o->tmp = malloc(n);
	if (o->tmp == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	snprintf(o->tmp, n, "%s.tmpXXXXXX", path);
	fd = mkstemp(o->tmp);
	if (fd >= 0) { /* as a file created the usual way, not mkstemp's 0600 */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0 || (o->f = fdopen(fd, "wb")) == NULL) {
		int err = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return fail(EXIT_FAILURE_IO, "--output %s: %s", path,
		            strerror(err));
	}
	o->path = path;
	return EXIT_OK;
}

int
out_close(out *o, int commit)
{
	int bad, err;

	if (o->tmp == NULL) {
		bad = fflush(stdout) != 0 || ferror(stdout);
		return bad && commit
		           ? fail(EXIT_FAILURE_IO, "cannot write output")
		           : EXIT_OK;
	}
	bad = fflush(o->f) != 0 || ferror(o->f);
	err = errno;
	bad |= fclose(o->f) != 0;
	if (commit && !bad && rename(o->tmp, o->path) == 0) {
		free(o->tmp);
		return EXIT_OK;
	}
	if (commit && !bad)
		err = errno;
	unlink(o->tmp);
	free(o->tmp);
	if (!commit)
		return EXIT_OK;
	return fail(EXIT_FAILURE_IO, "--output %s: %s (nothing written)",
	            o->path, strerror(err));
}

void
table_init(table *t, int ncols, unsigned right)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->right = right;
	t->rule_after = 1;
}

void
table_add(table *t, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 64;
		char **p = realloc(t->cells, sizeof *p * (size_t)cap);
		if (p == NULL)
			return;
		t->cells = p;
		t->cap = cap;
	}
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	t->cells[t->n] = strdup(buf);
	if (t->cells[t->n] != NULL)
		t->n++;
}

/* Columns of a UTF-8 string: 2 for CJK and full-width forms, else 1. */
int
text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;

	while (*p) {
		if (*p < 0x80) {
			w++;
			p++;
		} else if (*p >= 0xE0 && *p < 0xF0) {
			/* 3-byte sequences: U+0800..U+FFFF.  CJK, kana and
			 * full-width forms (U+2E80 and up) are wide, except the
			 * half-width katakana U+FF61..U+FF9F. */
			unsigned cp = ((p[0] & 0x0Fu) << 12) |
			              ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
			w += cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFF9F)
			         ? 2
			         : 1;
			p += 3;
		} else {
			w++;
			p += *p >= 0xF0 ? 4 : 2;
		}
	}
	return w;
}

void
table_print(FILE *f, const table *t, int indent)
{
	int widths[32] = {0}, c, i, total = 0;

	for (i = 0; i < t->n; i++) {
		int w = text_width(t->cells[i]);
		c = i % t->ncols;
		if (c < 32 && w > widths[c])
			widths[c] = w;
	}
	for (c = 0; c < t->ncols && c < 32; c++)
		total += widths[c] + (c ? 2 : 0);
	for (i = 0; i < t->n; i++) {
		int pad;
		c = i % t->ncols;
		if (c == 0)
			fprintf(f, "%*s", indent, "");
		pad = (c < 32 ? widths[c] : 0) - text_width(t->cells[i]);
		if (t->right & (1u << c))
			fprintf(f, "%s%*s%s", c ? "  " : "", pad, "",
			        t->cells[i]);
		else if (c == t->ncols - 1)
			fprintf(f, "%s%s", c ? "  " : "", t->cells[i]);
		else
			fprintf(f, "%s%s%*s", c ? "  " : "", t->cells[i], pad,
			        "");
		if (c == t->ncols - 1) {
			fputc('\n', f);
			if (i / t->ncols + 1 == t->rule_after) {
				int k;
				fprintf(f, "%*s", indent, "");
				for (k = 0; k < total; k++)
					fputc('-', f);
				fputc('\n', f);
			}
		}
	}
}

void
table_free(table *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

char *
fmt_yen(long long v, char *buf, size_t n)
{
	char digits[32];
	unsigned long long u =
	    v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	size_t len, i, k = 0;

	len = (size_t)snprintf(digits, sizeof digits, "%llu", u);
	if (n < len + len / 3 + 2) {
		snprintf(buf, n, "%lld", v);
		return buf;
	}
	if (v < 0)
		buf[k++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

long long
to_thousands(long long yen)
{
	return yen >= 0 ? (yen + 500) / 1000 : -((-yen + 500) / 1000);
}

void
csv_field(FILE *f, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputs(last ? "\r\n" : ",", f);
}

void
csv_bom(FILE *f)
{
	fputs("\xEF\xBB\xBF", f);
}
