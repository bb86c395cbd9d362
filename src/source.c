/* source.c - the text of a profile as libconfig will see it: files read
 * safely, @include spliced with a line map, integers widened, limits
 * checked.  See source.h. */
#include <config.h>

#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef O_NONBLOCK /* MinGW: no FIFOs to block on */
#define O_NONBLOCK 0
#endif
#ifndef O_NOCTTY
#define O_NOCTTY 0
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC 0
#endif
#ifndef O_BINARY
#define O_BINARY 0
#endif

/* The longest @include file name. */
#define INCLUDE_NAME_MAX 1024

/* ---- files -------------------------------------------------------------- */

static void
file_times(const struct stat *st, source_file *f)
{
	f->size = (long long)st->st_size;
	f->mtime = (long long)st->st_mtime;
#if defined(__linux__) || defined(__GLIBC__)
	f->mtime_ns = (long long)st->st_mtim.tv_nsec;
#else
	f->mtime_ns = 0;
#endif
}

/* Read all of fd, at most max bytes, into a NUL-terminated buffer. */
static int
read_all(int fd, size_t max, char **text, size_t *len)
{
	size_t n = 0, cap = 0;
	char *buf = NULL, *p;
	ssize_t got;

	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			if ((p = realloc(buf, cap + 1)) == NULL) {
				free(buf);
				errno = ENOMEM;
				return -1;
			}
			buf = p;
		}
		got = read(fd, buf + n, cap - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		if ((n += (size_t)got) > max) {
			free(buf);
			errno = EFBIG;
			return -1;
		}
	}
	if (got < 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	return 0;
}

int
source_read_file(const char *path, size_t max, char **text, size_t *len,
                 source_file *f)
{
	struct stat st;
	int fd, rc, err;

	fd =
	    open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | O_BINARY);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		err = errno;
		if (fstat(fd, &st) == 0)
			err = S_ISDIR(st.st_mode) ? EISDIR : ENODEV;
		close(fd);
		errno = err;
		return -1;
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		errno = EFBIG;
		return -1;
	}
	file_times(&st, f);
	rc = read_all(fd, max, text, len);
	err = errno;
	close(fd);
	errno = err;
	return rc;
}

int
source_unchanged(const source_file *f)
{
	struct stat st;
	source_file now;

	if (f->path == NULL)
		return 1;
	if (stat(f->path, &st) != 0)
		return 0;
	file_times(&st, &now);
	return now.size == f->size && now.mtime == f->mtime &&
	       now.mtime_ns == f->mtime_ns;
}

void
source_set_free(source_set *set)
{
	int i;

	for (i = 0; i < set->n_files; i++) {
		free(set->files[i].path);
		free(set->files[i].shown);
	}
	free(set->files);
	memset(set, 0, sizeof *set);
}

/* The index of the file at path in set, adding it; -1 when out of memory
 * or past PROFILE_MAX_FILES (-2). */
static int
set_add(source_set *set, const char *path, const char *shown,
        const source_file *times)
{
	source_file *f;
	int i;

	for (i = 0; path != NULL && i < set->n_files; i++)
		if (set->files[i].path && strcmp(set->files[i].path, path) == 0)
			return i;
	if (set->n_files >= PROFILE_MAX_FILES)
		return -2;
	if (set->n_files == set->cap) {
		int cap = set->cap ? set->cap * 2 : 4;
		f = realloc(set->files, sizeof *f * (size_t)cap);
		if (f == NULL)
			return -1;
		set->files = f;
		set->cap = cap;
	}
	f = &set->files[set->n_files];
	*f = *times;
	f->path = path ? strdup(path) : NULL;
	f->shown = strdup(shown);
	if ((path && f->path == NULL) || f->shown == NULL) {
		free(f->path);
		free(f->shown);
		return -1;
	}
	return set->n_files++;
}

/* ---- the line map ----------------------------------------------------------
 */

static int
push_line(source_text *t, int file, unsigned line)
{
	if (t->n_lines == t->cap_lines) {
		size_t cap = t->cap_lines ? t->cap_lines * 2 : 256;
		line_ref *p = realloc(t->lines, sizeof *p * cap);
		if (p == NULL)
			return 0;
		t->lines = p;
		t->cap_lines = cap;
	}
	t->lines[t->n_lines].file = file;
	t->lines[t->n_lines].line = line;
	t->n_lines++;
	return 1;
}

const char *
source_where(const source_text *t, unsigned line, unsigned *at)
{
	*at = 0;
	if (t->set == NULL || t->set->n_files == 0)
		return "?";
	if (line == 0 || line > t->n_lines)
		return t->set->files[t->top].shown;
	*at = t->lines[line - 1].line;
	return t->set->files[t->lines[line - 1].file].shown;
}

void
source_text_free(source_text *t)
{
	free(t->text);
	free(t->lines);
	t->text = NULL;
	t->lines = NULL;
	t->n_lines = t->cap_lines = 0;
}

/* ---- splicing @include ------------------------------------------------------
 */

typedef struct splicer {
	source_set *set;
	source_text *t;
	strbuf out;
	twc_error *e;
	int stack[INCLUDE_MAX_DEPTH + 1]; /* the files being read */
	int depth;
	const char *name; /* the @include name being read, as written */
} splicer;

/* The scanner's state between characters. */
enum scan_state { IN_CODE, IN_STRING, IN_LINE_COMMENT, IN_BLOCK_COMMENT };

/* "FILE:LINE: " (or "FILE: " for line 0) into buf. */
static const char *
where_prefix(const char *name, unsigned line, char *buf, size_t n)
{
	if (line == 0)
		snprintf(buf, n, "%s: ", name);
	else
		snprintf(buf, n, "%s:%u: ", name, line);
	return buf;
}

static int fail_at(splicer *sp, int file, unsigned line, const char *fmt, ...)
    TWC_PRINTF(4, 5);

/* Fail with "FILE:LINE: message" for line `line` of file `file`: fmt is
 * the message in English, translated in the Japanese one. */
static int
fail_at(splicer *sp, int file, unsigned line, const char *fmt, ...)
{
	char prefix[TWC_MSG_MAX];
	va_list ap;
	int rc;

	where_prefix(sp->set->files[file].shown, line, prefix, sizeof prefix);
	va_start(ap, fmt);
	rc = err_vset_after(sp->e, TWC_EPROFILE, prefix, fmt, ap);
	va_end(ap);
	return rc;
}

/* The length of the `@include "` that starts line s, or 0: libconfig's
 * own pattern, ^[ \t]*@include[ \t]+\" . */
static size_t
include_start(const char *s)
{
	const char *p = s + strspn(s, " \t");
	size_t blanks;

	if (strncmp(p, "@include", 8) != 0)
		return 0;
	p += 8;
	blanks = strspn(p, " \t");
	if (blanks == 0 || p[blanks] != '"')
		return 0;
	return (size_t)(p + blanks + 1 - s);
}

/* The file name after `@include "` into name (escapes \\ and \" as
 * libconfig reads them); the position after the closing quote, or NULL. */
static const char *
include_name(const char *s, char *name, size_t n)
{
	size_t k = 0;

	for (; *s != '\0' && *s != '\n' && *s != '"'; s++) {
		if (*s == '\\' && (s[1] == '\\' || s[1] == '"'))
			s++;
		if (k + 1 >= n)
			return NULL;
		name[k++] = *s;
	}
	name[k] = '\0';
	return *s == '"' && k > 0 ? s + 1 : NULL;
}

static int
is_absolute(const char *p)
{
	return p[0] == '/' || p[0] == '\\' ||
	       (p[0] != '\0' && p[1] == ':' && (p[2] == '/' || p[2] == '\\'));
}

/* The folder part of path (up to and including the last separator). */
static int
dir_len(const char *path)
{
	const char *slash = strrchr(path, '/'), *back = strrchr(path, '\\');

	if (back != NULL && (slash == NULL || back > slash))
		slash = back;
	return slash ? (int)(slash - path + 1) : 0;
}

static int splice_text(splicer *sp, int file, const char *text);

/* What a message about a file that cannot be read starts with:
 * "FROM:LINE: @include "NAME": " with the name as written, or "SHOWN: "
 * for the top file (from < 0). */
static const char *
read_prefix(const splicer *sp, int from, unsigned line, const char *shown,
            char *buf, size_t n)
{
	char at[TWC_MSG_MAX], cut[200];

	if (from < 0) {
		snprintf(buf, n, "%s: ", text_echo(shown, cut, sizeof cut));
		return buf;
	}
	where_prefix(sp->set->files[from].shown, line, at, sizeof at);
	snprintf(buf, n, "%s@include \"%s\": ", at,
	         text_echo(sp->name, cut, sizeof cut));
	return buf;
}

static int fail_read(splicer *sp, int from, unsigned line, const char *shown,
                     const char *fmt, ...) TWC_PRINTF(5, 6);

/* Fail for a file that cannot be read: read_prefix, then why (fmt, in
 * English, translated in the Japanese message). */
static int
fail_read(splicer *sp, int from, unsigned line, const char *shown,
          const char *fmt, ...)
{
	char prefix[TWC_MSG_MAX + 256];
	va_list ap;
	int rc;

	read_prefix(sp, from, line, shown, prefix, sizeof prefix);
	va_start(ap, fmt);
	rc = err_vset_after(sp->e, TWC_EPROFILE, prefix, fmt, ap);
	va_end(ap);
	return rc;
}

/* Fail for a file that cannot be read because of errno err. */
static int
fail_errno(splicer *sp, int from, unsigned line, const char *shown, int err)
{
	char prefix[TWC_MSG_MAX + 256], en[TWC_MSG_MAX * 2],
	    ja[TWC_MSG_MAX * 2];

	switch (err) {
	case EISDIR:
		return fail_read(sp, from, line, shown,
		                 "is a folder, not a file");
	case ENODEV:
		return fail_read(sp, from, line, shown,
		                 "is not a regular file");
	case EFBIG:
		return fail_read(sp, from, line, shown,
		                 "makes the profile's text larger than 4 MiB "
		                 "in total");
	case ENOMEM: return fail_read(sp, from, line, shown, "out of memory");
	}
	read_prefix(sp, from, line, shown, prefix, sizeof prefix);
	snprintf(en, sizeof en, "%s%s", prefix, err_errno(err, LANG_EN));
	snprintf(ja, sizeof ja, "%s%s", prefix, err_errno(err, LANG_JA));
	return err_set_pair(sp->e, TWC_EPROFILE, en, ja);
}

/* The text after a UTF-8 byte-order mark, which Windows Notepad writes at
 * the start of a file saved as UTF-8 (with BOM), or the text itself. */
static const char *
without_bom(const char *text)
{
	return strncmp(text, "\xEF\xBB\xBF", 3) == 0 ? text + 3 : text;
}

/* 1 when the text starts with a UTF-16 byte-order mark (Notepad's
 * "Unicode"). */
static int
is_utf16(const char *text, size_t len)
{
	const unsigned char *t = (const unsigned char *)text;

	return len >= 2 && ((t[0] == 0xFF && t[1] == 0xFE) ||
	                    (t[0] == 0xFE && t[1] == 0xFF));
}

/* Read one file into the set and splice it: an included one, or the top
 * one when from < 0. */
static int
read_into(splicer *sp, const char *full, const char *shown, int from,
          unsigned line)
{
	source_file times = {0};
	char *text = NULL;
	size_t len = 0;
	int k, i, rc;

	if (source_read_file(full, PROFILE_MAX_BYTES - sp->set->bytes, &text,
	                     &len, &times) != 0)
		return fail_errno(sp, from, line, shown, errno);
	sp->set->bytes += len;
	k = set_add(sp->set, full, shown, &times);
	if (k < 0) {
		free(text);
		if (k == -1)
			return err_set(sp->e, TWC_ENOMEM, "out of memory");
		return fail_read(sp, from, line, shown,
		                 "a profile may read at most %d files",
		                 PROFILE_MAX_FILES);
	}
	if (from < 0)
		sp->t->top = k;
	for (i = 0; i < sp->depth; i++)
		if (sp->stack[i] == k) {
			free(text);
			return fail_read(sp, from, line, shown,
			                 "is already being read (files include "
			                 "one another in a circle)");
		}
	if (is_utf16(text, len)) {
		free(text);
		/* Notepad's "Unicode": say how to save it again */
		return fail_read(sp, from, line, shown,
		                 "is saved as UTF-16 (Unicode): save it again "
		                 "as UTF-8 (in Notepad: 名前を付けて保存, "
		                 "文字コード UTF-8)");
	}
	if (memchr(text, '\0', len) != NULL) {
		free(text);
		return fail_read(sp, from, line, shown, "is not a text file");
	}
	rc = splice_text(sp, k, without_bom(text));
	free(text);
	return rc;
}

/* An @include at s (line `line` of file `file`): splice the named file;
 * *next is the rest of the line after the closing quote. */
static int
include(splicer *sp, int file, unsigned line, const char *s, const char **next)
{
	char name[INCLUDE_NAME_MAX], full[2 * INCLUDE_NAME_MAX + 8];
	char shown[2 * INCLUDE_NAME_MAX + 8];
	const source_file *from = &sp->set->files[file];
	int d, ds;

	*next = include_name(s + include_start(s), name, sizeof name);
	if (*next == NULL)
		return fail_at(sp, file, line,
		               "@include needs a file name in double quotes, "
		               "on one line, of at most 1023 bytes");
	if (from->path == NULL)
		return fail_at(sp, file, line,
		               "a bundled profile cannot @include files");
	if (sp->depth > INCLUDE_MAX_DEPTH)
		return fail_at(sp, file, line,
		               "@include: files include one another more than "
		               "%d deep",
		               INCLUDE_MAX_DEPTH);
	d = is_absolute(name) ? 0 : dir_len(from->path);
	ds = is_absolute(name) ? 0 : dir_len(from->shown);
	if (snprintf(full, sizeof full, "%.*s%s", d, from->path, name) >=
	        (int)sizeof full ||
	    snprintf(shown, sizeof shown, "%.*s%s", ds, from->shown, name) >=
	        (int)sizeof shown)
		return fail_at(sp, file, line,
		               "@include: the path is too long");
	sp->name = name;
	return read_into(sp, full, shown, file, line);
}

/* Append text[from, to) to the output. */
static void
emit(splicer *sp, const char *from, const char *to)
{
	if (to > from)
		sb_printf(&sp->out, "%.*s", (int)(to - from), from);
}

/* Move past one character of code, a string or a comment; *state follows
 * libconfig's scanner. */
static const char *
step(const char *s, enum scan_state *state)
{
	switch (*state) {
	case IN_CODE:
		if (*s == '"')
			*state = IN_STRING;
		else if (*s == '#' || (s[0] == '/' && s[1] == '/'))
			*state = IN_LINE_COMMENT;
		else if (s[0] == '/' && s[1] == '*') {
			*state = IN_BLOCK_COMMENT;
			return s + 2;
		}
		return s + 1;
	case IN_STRING:
		if (*s == '\\' && s[1] != '\0' && s[1] != '\n')
			return s + 2;
		if (*s == '"')
			*state = IN_CODE;
		return s + 1;
	case IN_LINE_COMMENT:
		if (*s == '\n')
			*state = IN_CODE;
		return s + 1;
	case IN_BLOCK_COMMENT:
		if (s[0] == '*' && s[1] == '/') {
			*state = IN_CODE;
			return s + 2;
		}
		return s + 1;
	}
	return s + 1;
}

/* Copy file's text to the output with its includes spliced in, one line
 * map entry per line. */
static int
splice_text(splicer *sp, int file, const char *text)
{
	enum scan_state state = IN_CODE;
	const char *s = text, *run = text;
	unsigned line = 1;
	int rc, start = 1;

	sp->stack[sp->depth++] = file;
	while (*s != '\0') {
		if (start && state == IN_CODE && include_start(s)) {
			if ((rc = include(sp, file, line, s, &s)) != TWC_OK)
				return rc;
			run = s;
		}
		start = 0;
		if (*s == '\n') {
			emit(sp, run, s + 1);
			if (!push_line(sp->t, file, line))
				sp->out.failed = 1;
			line++;
			run = s + 1;
			start = 1;
			if (state == IN_LINE_COMMENT)
				state = IN_CODE;
			s++;
			continue;
		}
		s = step(s, &state);
	}
	emit(sp, run, s);
	if (s > text && s[-1] != '\n') {
		sb_add(&sp->out, "\n");
		if (!push_line(sp->t, file, line))
			sp->out.failed = 1;
	}
	sp->depth--;
	if (state == IN_STRING)
		return fail_at(sp, file, line,
		               "a string is not closed at the end of the file");
	if (state == IN_BLOCK_COMMENT)
		return fail_at(sp, file, line,
		               "a /* comment is not closed at the end of the "
		               "file");
	return sp->out.failed ? err_set(sp->e, TWC_ENOMEM, "out of memory")
	                      : TWC_OK;
}

/* ---- numbers and limits -----------------------------------------------------
 */

typedef struct scanner {
	const source_text *t;
	twc_error *e;
	strbuf out;
	const char *text, *from; /* copied up to from */
	unsigned line;
	char kind[PROFILE_MAX_NESTING + 2]; /* '{', '(' or '[' per level */
	int count[PROFILE_MAX_NESTING + 2];
	int level;
	long total;
} scanner;

static int scan_fail(scanner *sc, const char *fmt, ...) TWC_PRINTF(2, 3);

/* Fail with "FILE:LINE: message" for the scanner's line. */
static int
scan_fail(scanner *sc, const char *fmt, ...)
{
	char prefix[TWC_MSG_MAX];
	unsigned at;
	const char *name = source_where(sc->t, sc->line, &at);
	va_list ap;
	int rc;

	where_prefix(name, at, prefix, sizeof prefix);
	va_start(ap, fmt);
	rc = err_vset_after(sc->e, TWC_EPROFILE, prefix, fmt, ap);
	va_end(ap);
	return rc;
}

static int
is_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '*' ||
	       c == '.';
}

static int
is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/* 1 when the character at s starts a number rather than continuing a
 * name ("item2") or a fraction ("0.25"); a sign before it belongs to it. */
static int
starts_number(const char *text, const char *s)
{
	if (s > text && (s[-1] == '-' || s[-1] == '+'))
		s--;
	return s == text || !is_word_char((unsigned char)s[-1]);
}

/* Insert an L at s: libconfig 1.5 reads an integer literal beyond 32 bits
 * without one as a wrapped 32-bit int (4294967396 as 100, 0x100000064 as
 * 100). */
static void
widen_at(scanner *sc, const char *s)
{
	sb_printf(&sc->out, "%.*sL", (int)(s - sc->from), sc->from);
	sc->from = s;
}

/* The literal from start to end for a message, cut after 40 bytes. */
static const char *
literal(const char *start, const char *end, char *buf, size_t n)
{
	size_t k = (size_t)(end - start);

	if (k > 40 && n > 44)
		snprintf(buf, n, "%.40s…", start);
	else
		snprintf(buf, n, "%.*s", (int)(k < n ? k : n - 1), start);
	return buf;
}

/* A hexadecimal integer at s (after 0x): widened, or refused when it does
 * not fit a signed 64-bit integer. */
static int
scan_hex(scanner *sc, const char **sp)
{
	const char *s = *sp, *d = s + 2;
	unsigned long long v = 0;
	char buf[64];
	int sig = 0;

	for (; is_hex((unsigned char)*d); d++) {
		int x = *d <= '9' ? *d - '0' : (*d | 0x20) - 'a' + 10;
		if (sig > 0 || x > 0)
			sig++;
		if (sig <= 16)
			v = v * 16 + (unsigned long long)x;
	}
	if (sig > 16 || v > (unsigned long long)LLONG_MAX)
		return scan_fail(sc,
		                 "%s is larger than a 64-bit integer "
		                 "(0x7FFFFFFFFFFFFFFF)",
		                 literal(s, d, buf, sizeof buf));
	if (*d != 'L' && v > 0x7FFFFFFFULL)
		widen_at(sc, d);
	while (*d == 'L')
		d++;
	*sp = d;
	return TWC_OK;
}

/* A number at s: widened when a 64-bit integer, refused when larger, and
 * a real that overflows to infinity refused too. */
static int
scan_number(scanner *sc, const char **sp)
{
	const char *s = *sp, *d = s, *start = s;
	unsigned long long v = 0;
	int over = 0;
	char buf[64], *end;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		return scan_hex(sc, sp);
	if (s > sc->text && (s[-1] == '-' || s[-1] == '+'))
		start = s - 1;
	for (; *d >= '0' && *d <= '9'; d++) {
		over |= v > (ULLONG_MAX - 9) / 10;
		v = v * 10 + (unsigned long long)(*d - '0');
	}
	if (*d == '.' || *d == 'e' || *d == 'E') {
		double x = c_strtod(start, &end);
		if (isinf(x))
			return scan_fail(sc, "%s is too large for a number",
			                 literal(start, end, buf, sizeof buf));
		*sp = end > d ? end : d;
		return TWC_OK;
	}
	*sp = d;
	if (is_word_char((unsigned char)*d))
		return TWC_OK; /* not a number libconfig would read */
	if (over || v > (unsigned long long)LLONG_MAX)
		return scan_fail(sc,
		                 "%s is larger than a 64-bit integer "
		                 "(9223372036854775807)",
		                 literal(start, d, buf, sizeof buf));
	if (*d != 'L' && v > 2147483647ULL)
		widen_at(sc, d);
	while (**sp == 'L')
		(*sp)++;
	return TWC_OK;
}

/* Count a setting (= or :) or an element (,) against the limits. */
static int
count_setting(scanner *sc, int named)
{
	if (++sc->total > PROFILE_MAX_SETTINGS)
		return scan_fail(sc,
		                 "more than %d settings and list elements in "
		                 "one file and its includes",
		                 PROFILE_MAX_SETTINGS);
	if (named && sc->kind[sc->level] == '{' &&
	    ++sc->count[sc->level] > GROUP_MAX_SETTINGS)
		return scan_fail(sc, "more than %d settings in one group",
		                 GROUP_MAX_SETTINGS);
	return TWC_OK;
}

static int
scan_bracket(scanner *sc, char c)
{
	if (c == '{' || c == '(' || c == '[') {
		if (sc->level >= PROFILE_MAX_NESTING)
			return scan_fail(sc,
			                 "groups, lists and arrays nested more "
			                 "than %d deep",
			                 PROFILE_MAX_NESTING);
		sc->level++;
		sc->kind[sc->level] = c;
		sc->count[sc->level] = 0;
	} else if (sc->level > 0) {
		sc->level--;
	}
	return TWC_OK;
}

/* One token at *sp; advances it. */
static int
scan_token(scanner *sc, const char **sp)
{
	const char *s = *sp;
	enum scan_state state = IN_CODE;

	if (*s == '"' || *s == '#' ||
	    (s[0] == '/' && (s[1] == '/' || s[1] == '*'))) {
		const char *p = step(s, &state);
		while (*p != '\0' && state != IN_CODE) {
			if (*p == '\n' && state != IN_LINE_COMMENT)
				sc->line++;
			if (*p == '\n' && state == IN_LINE_COMMENT)
				break;
			p = step(p, &state);
		}
		*sp = p;
		return TWC_OK;
	}
	*sp = s + 1;
	if (*s == '\n')
		sc->line++;
	else if (strchr("{([", *s) != NULL || strchr("})]", *s) != NULL)
		return scan_bracket(sc, *s);
	else if (*s == '=' || *s == ':' || *s == ',')
		return count_setting(sc, *s != ',');
	else if (*s >= '0' && *s <= '9' && starts_number(sc->text, s)) {
		*sp = s;
		return scan_number(sc, sp);
	}
	return TWC_OK;
}

/* Check t's text against the limits and widen its integers. */
static int
scan(source_text *t, twc_error *e)
{
	scanner sc;
	const char *s = t->text;
	int rc = TWC_OK;

	memset(&sc, 0, sizeof sc);
	sc.t = t;
	sc.e = e;
	sc.text = sc.from = t->text;
	sc.line = 1;
	sc.kind[0] = '{';
	sb_init(&sc.out);
	while (*s != '\0' && rc == TWC_OK)
		rc = scan_token(&sc, &s);
	if (rc != TWC_OK) {
		sb_free(&sc.out);
		return rc;
	}
	sb_add(&sc.out, sc.from);
	free(t->text);
	t->text = sb_take(&sc.out);
	return t->text ? TWC_OK : err_set(e, TWC_ENOMEM, "out of memory");
}

/* ---- the whole
 * ------------------------------------------------------------------ */

int
source_read(source_set *set, const char *path, const char *shown,
            const char *bundled_text, source_text *out, twc_error *e)
{
	splicer sp;
	int rc, k;

	memset(out, 0, sizeof *out);
	memset(&sp, 0, sizeof sp);
	out->set = set;
	sp.set = set;
	sp.t = out;
	sp.e = e;
	sb_init(&sp.out);
	if (path != NULL) {
		rc = read_into(&sp, path, shown, -1, 0);
	} else {
		source_file none = {0};
		size_t n = strlen(bundled_text);
		if (n > PROFILE_MAX_BYTES - set->bytes)
			rc = err_set(e, TWC_EPROFILE,
			             "%s: makes the profile's text larger than "
			             "4 MiB in total",
			             shown);
		else if ((k = set_add(set, NULL, shown, &none)) < 0)
			rc = err_set(e, TWC_ENOMEM, "out of memory");
		else {
			set->bytes += n;
			out->top = k;
			rc = splice_text(&sp, k, bundled_text);
		}
	}
	out->text = sb_take(&sp.out);
	if (rc == TWC_OK && out->text == NULL)
		rc = err_set(e, TWC_ENOMEM, "out of memory");
	if (rc == TWC_OK)
		rc = scan(out, e);
	if (rc != TWC_OK)
		source_text_free(out);
	return rc;
}
