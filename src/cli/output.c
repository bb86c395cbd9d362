/* output.c - output files written whole, tables, CSV and yen. */
#include <config.h>

#include "output.h"

#include <errno.h>
#include <glob.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- output files ------------------------------------------------------ */

/* Input files of this run (the profile, the batch CSV): no output may
 * replace one. */
#define MAX_PROTECTED 8
static struct stat protected_files[MAX_PROTECTED];
static int n_protected;

void
out_protect_reset(void)
{
	n_protected = 0;
}

void
out_protect(const char *path)
{
	struct stat st;

	if (path != NULL && n_protected < MAX_PROTECTED && stat(path, &st) == 0)
		protected_files[n_protected++] = st;
}

/* Temporary files being written, removed by the signal handler. */
#define MAX_ACTIVE 4
static char *volatile active[MAX_ACTIVE];

static void
on_signal(int sig)
{
	int i;

	for (i = 0; i < MAX_ACTIVE; i++)
		if (active[i] != NULL)
			unlink(active[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Remove tmp when the run is interrupted (SIGINT, SIGTERM, SIGHUP). */
static void
track(char *tmp)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
	static int installed;
	struct sigaction sa;
	int i;

	if (!installed) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		for (i = 0; i < 3; i++)
			sigaddset(&sa.sa_mask, sigs[i]);
		for (i = 0; i < 3; i++)
			sigaction(sigs[i], &sa, NULL);
		installed = 1;
	}
	for (i = 0; i < MAX_ACTIVE; i++)
		if (active[i] == NULL || active[i] == tmp) {
			active[i] = tmp;
			return;
		}
}

static void
untrack(const char *tmp)
{
	int i;

	for (i = 0; i < MAX_ACTIVE; i++)
		if (active[i] == tmp)
			active[i] = NULL;
}

/* The temporary name of an output: PATH.twcost-tmp-PID-XXXXXX.  A run
 * killed with SIGKILL (which no handler sees) leaves one behind; the next
 * run that writes PATH removes those whose process is gone. */
#define TMP_MARK ".twcost-tmp-"

static void
remove_stale(const char *path)
{
	char *pattern = malloc(strlen(path) + sizeof TMP_MARK + 16);
	glob_t g;
	size_t i;

	if (pattern == NULL)
		return;
	sprintf(pattern, "%s" TMP_MARK "*-??????", path);
	if (glob(pattern, GLOB_NOSORT, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++) {
			const char *rest =
			    g.gl_pathv[i] + strlen(path) + strlen(TMP_MARK);
			char *end;
			long pid = strtol(rest, &end, 10);
			if (end != rest && *end == '-' && pid > 0 &&
			    kill((pid_t)pid, 0) != 0 && errno == ESRCH)
				unlink(g.gl_pathv[i]);
		}
		globfree(&g);
	}
	free(pattern);
}

/* Why path must not be written, or NULL: a symbolic link (its target
 * would be replaced by a regular file), a device, FIFO or folder, or one
 * of this run's inputs. */
static const char *
refused_path(const char *path)
{
	struct stat st;
	int i;

	if (lstat(path, &st) != 0)
		return NULL; /* a new file */
	if (S_ISLNK(st.st_mode))
		return "is a symbolic link: name the file itself";
	if (!S_ISREG(st.st_mode))
		return "is not a regular file (a device, FIFO, socket or "
		       "folder)";
	for (i = 0; i < n_protected; i++)
		if (st.st_dev == protected_files[i].st_dev &&
		    st.st_ino == protected_files[i].st_ino)
			return "is an input of this command: write the output "
			       "to another file";
	return NULL;
}

int
out_open(out *o, const char *path)
{
	return out_open_as(o, path, "--output");
}

int
out_open_as(out *o, const char *path, const char *flag)
{
	const char *why;
	size_t n;
	int fd;

	memset(o, 0, sizeof *o);
	o->flag = flag;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return EXIT_OK;
	}
	if ((why = refused_path(path)) != NULL)
		return fail(EXIT_FAILURE_IO, "%s %s: %s (nothing written)",
		            flag, path, why);
	remove_stale(path);
	n = strlen(path) + sizeof TMP_MARK + 32;
	o->tmp = malloc(n);
	if (o->tmp == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	snprintf(o->tmp, n, "%s" TMP_MARK "%ld-XXXXXX", path, (long)getpid());
	fd = mkstemp(o->tmp);
	if (fd >= 0) { /* as a file created the usual way, not mkstemp's 0600 */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
		track(o->tmp);
	}
	if (fd < 0 || (o->f = fdopen(fd, "wb")) == NULL) {
		int err = errno;
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
			untrack(o->tmp);
		}
		free(o->tmp);
		o->tmp = NULL;
		return fail(EXIT_FAILURE_IO, "%s %s: %s", flag, path,
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
	/* The target may have become a link or a device meanwhile. */
	if (commit && !bad && refused_path(o->path) != NULL)
		bad = 1, err = EEXIST;
	if (commit && !bad && rename(o->tmp, o->path) == 0) {
		untrack(o->tmp);
		free(o->tmp);
		return EXIT_OK;
	}
	if (commit && !bad)
		err = errno;
	unlink(o->tmp);
	untrack(o->tmp);
	free(o->tmp);
	if (!commit)
		return EXIT_OK;
	return fail(EXIT_FAILURE_IO, "%s %s: %s (nothing written)", o->flag,
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
cut_utf8(char *buf, size_t n)
{
	size_t k = n - 4; /* room for the ellipsis and the NUL */

	while (k > 0 && ((unsigned char)buf[k] & 0xC0) == 0x80)
		k--;
	memcpy(buf + k, "\xE2\x80\xA6", 4);
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
	if (vsnprintf(buf, sizeof buf, fmt, ap) >= (int)sizeof buf)
		cut_utf8(buf, sizeof buf);
	va_end(ap);
	t->cells[t->n] = strdup(buf);
	if (t->cells[t->n] != NULL)
		t->n++;
}

/* Bytes of the UTF-8 sequence at p (1 for a byte that starts none, or
 * whose sequence the string ends inside). */
static int
seq_len(const unsigned char *p)
{
	int n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1, i;

	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Columns of a UTF-8 string: 2 for CJK and full-width forms, else 1.  A
 * sequence cut short counts one column and is not read past. */
int
text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int w = 0;

	while (*p) {
		int n = seq_len(p);
		if (n == 1) {
			w++;
			p++;
		} else if (n == 3) {
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
			p += n;
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

/* 1 when s is a plain number as twcost prints them: -?digits[.digits]. */
static int
is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!(*s >= '0' && *s <= '9'))
		return 0;
	s += strspn(s, "0123456789");
	if (*s == '.' && s[1] >= '0' && s[1] <= '9')
		s += 1 + strspn(s + 1, "0123456789");
	return *s == '\0';
}

void
csv_field(FILE *f, const char *s, int last)
{
	/* A text cell a spreadsheet would read as a formula (= + - @, or a
	 * tab or CR first) gets a leading apostrophe (OWASP's advice on
	 * CSV injection); numbers stay numbers. */
	int formula =
	    strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0' && !is_number(s);

	if (formula || strpbrk(s, ",\"\r\n") != NULL) {
		fputc('"', f);
		if (formula)
			fputc('\'', f);
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
