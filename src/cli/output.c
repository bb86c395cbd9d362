/* output.c - output files written whole, tables, CSV and yen. */
#include <config.h>

#include "output.h"

#include <errno.h>
#include <limits.h>
#include <sys/ioctl.h>
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
	t->keys = 1;
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

	if (t->ncols > TABLE_MAX_COLS)
		return;
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

/* ---- fitting the terminal -------------------------------------------- */

static int width_limit = 80;

void
out_set_width(int columns)
{
	width_limit = columns;
}

int
out_width(void)
{
	return width_limit;
}

int
terminal_width(void)
{
	const char *env = getenv("COLUMNS");
	char *end;
	long n;
#if defined(TIOCGWINSZ)
	struct winsize ws;

	if (isatty(STDOUT_FILENO) &&
	    ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < 40 ? 40 : ws.ws_col;
#endif
	if (env != NULL) {
		n = strtol(env, &end, 10);
		if (*end == '\0' && end != env && n > 0)
			return n < 40 ? 40 : n > 1000 ? 1000 : (int)n;
	}
	return 80;
}

/* Columns of the character at p (n bytes). */
static int
char_width(const unsigned char *p, int n)
{
	char one[5];

	memcpy(one, p, (size_t)n);
	one[n] = '\0';
	return text_width(one);
}

/* The code point of the UTF-8 sequence of n bytes at p. */
static unsigned
code_point(const unsigned char *p, int n)
{
	switch (n) {
	case 2: return ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
	case 3:
		return ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) |
		       (p[2] & 0x3Fu);
	case 4:
		return ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) |
		       ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
	}
	return p[0];
}

/* Characters a line may not start with (closing punctuation, 禁則) or
 * end with (opening brackets). */
static int
no_line_start(unsigned cp)
{
	static const unsigned list[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09,
	                                0x300D, 0x300F, 0x3011, 0x3009, 0x300B,
	                                0x30FB, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F,
	                                0x30FC, 0x301C, 0xFF5E};
	size_t i;

	if (cp < 0x80)
		return strchr(")]},.:;!?%", (int)cp) != NULL && cp != 0;
	for (i = 0; i < sizeof list / sizeof list[0]; i++)
		if (cp == list[i])
			return 1;
	return 0;
}

static int
no_line_end(unsigned cp)
{
	return cp == '(' || cp == '[' || cp == 0xFF08 || cp == 0x300C ||
	       cp == 0x300E || cp == 0x3010 || cp == 0x3008 || cp == 0x300A ||
	       cp == 0xA5; /* ¥ stays with its amount */
}

size_t
text_fit(const char *s, int width, int *used)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t brk = 0, i = 0;
	int w = 0, brk_w = 0, prev_wide = 0;
	unsigned prev = 0;

	while (p[i] != '\0') {
		int n = seq_len(p + i), cw = char_width(p + i, n);
		unsigned cp = code_point(p + i, n);
		/* A line may end before a space, or between two characters
		 * one of which is wide (Japanese has no spaces), unless that
		 * splits closing or opening punctuation from its word. */
		if (i > 0 &&
		    (p[i] == ' ' || ((cw == 2 || prev_wide) &&
		                     !no_line_start(cp) && !no_line_end(prev))))
			brk = i, brk_w = w;
		if (w + cw > width && i > 0)
			break;
		w += cw;
		i += (size_t)n;
		prev = cp;
		prev_wide = cw == 2;
	}
	if (p[i] == '\0' || brk == 0) {
		*used = w;
		return i;
	}
	*used = brk_w;
	return brk;
}

void
print_wrapped(FILE *f, const char *first, const char *rest, const char *text)
{
	const char *prefix = first;
	int limit = width_limit > 0 ? width_limit : INT_MAX;

	do {
		int room = limit - text_width(prefix), used;
		size_t n;
		if (room < 20)
			room = 20;
		n = text_fit(text, room, &used);
		fprintf(f, "%s%.*s\n", prefix, (int)n, text);
		text += n;
		while (*text == ' ')
			text++;
		prefix = rest;
	} while (*text != '\0');
}

/* ---- tables ------------------------------------------------------------ */

/* The columns of one block of a table: the key columns and [from, to). */
typedef struct block {
	int from, to;
	int widths[TABLE_MAX_COLS];
} block;

static int
block_has(const table *t, const block *b, int c)
{
	return c < t->keys || (c >= b->from && c < b->to);
}

static int
block_width(const table *t, const block *b)
{
	int c, w = 0, first = 1;

	for (c = 0; c < t->ncols; c++)
		if (block_has(t, b, c)) {
			w += b->widths[c] + (first ? 0 : 2);
			first = 0;
		}
	return w;
}

/* Piece k of a cell wrapped to width columns: its start, bytes and
 * columns.  Pieces after the first are indented by the cell's own leading
 * spaces and two more (*hang), so that a wrapped name stays under its
 * line. */
static const char *
cell_piece(const char *cell, int width, int k, size_t *n, int *used, int *hang)
{
	int lead = (int)strspn(cell, " "), j;

	*hang = lead + 2 < width / 2 ? lead + 2 : 0;
	*n = 0;
	for (j = 0; j <= k; j++) {
		cell += *n;
		while (j > 0 && *cell == ' ')
			cell++;
		*n = text_fit(cell, j > 0 ? width - *hang : width, used);
	}
	if (k == 0)
		*hang = 0;
	return cell;
}

/* One row's line k of the block (each cell's k-th wrapped piece) into
 * out, without trailing spaces.  Returns 1 when some cell had more to
 * print. */
static int
row_line(FILE *dst, const table *t, const block *b, int row, int k)
{
	int c, more = 0, first = 1;

	for (c = 0; c < t->ncols; c++) {
		const char *cell;
		int used = 0, hang, pad;
		size_t n;
		if (!block_has(t, b, c))
			continue;
		cell = cell_piece(t->cells[row * t->ncols + c], b->widths[c], k,
		                  &n, &used, &hang);
		more |= cell[n] != '\0';
		pad = b->widths[c] - used - hang;
		fprintf(dst, "%s", first ? "" : "  ");
		first = 0;
		if (t->right & (1u << c))
			fprintf(dst, "%*s%.*s", pad + hang, "", (int)n, cell);
		else
			fprintf(dst, "%*s%.*s%*s", hang, "", (int)n, cell, pad,
			        "");
	}
	return more;
}

static int
print_row_line(FILE *f, const table *t, const block *b, int row, int k,
               int indent)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	int more;

	if (mem == NULL)
		return 0;
	more = row_line(mem, t, b, row, k);
	fclose(mem);
	while (len > 0 && buf[len - 1] == ' ')
		len--;
	fprintf(f, "%*s%.*s\n", indent, "", (int)len, buf);
	free(buf);
	return more;
}

static void
print_block(FILE *f, const table *t, const block *b, int indent)
{
	int rows = t->n / t->ncols, r, k;

	for (r = 0; r < rows; r++) {
		for (k = 0; print_row_line(f, t, b, r, k, indent); k++)
			;
		if (r + 1 == t->rule_after) {
			int w = block_width(t, b);
			fprintf(f, "%*s", indent, "");
			while (w-- > 0)
				fputc('-', f);
			fputc('\n', f);
		}
	}
}

/* The narrowest a text column is squeezed to (its cells then wrap). */
#define TEXT_MIN 24

/* Narrow the widest left-aligned columns of the block, a column at a
 * time, until it fits in room or none can narrow. */
static void
squeeze(const table *t, block *b, int room)
{
	int over = block_width(t, b) - room;

	while (over > 0) {
		int c, widest = -1;
		for (c = 0; c < t->ncols; c++)
			if (block_has(t, b, c) && !(t->right & (1u << c)) &&
			    b->widths[c] > TEXT_MIN &&
			    (widest < 0 || b->widths[c] > b->widths[widest]))
				widest = c;
		if (widest < 0)
			return;
		b->widths[widest]--;
		over--;
	}
}

/* The block's width with every text column squeezed as far as it goes. */
static int
narrowest(const table *t, const block *b)
{
	block n = *b;
	int c;

	for (c = 0; c < t->ncols; c++)
		if (!(t->right & (1u << c)) && n.widths[c] > TEXT_MIN)
			n.widths[c] = TEXT_MIN;
	return block_width(t, &n);
}

void
table_print(FILE *f, const table *t, int indent)
{
	int widths[TABLE_MAX_COLS] = {0}, c, i;
	int room = width_limit > 0 ? width_limit - indent : INT_MAX;
	block b;

	for (i = 0; i < t->n; i++) {
		int w = text_width(t->cells[i]);
		c = i % t->ncols;
		if (w > widths[c])
			widths[c] = w;
	}
	memcpy(b.widths, widths, sizeof b.widths);
	b.from = t->keys;
	b.to = t->ncols;
	if (block_width(t, &b) <= room || t->keys >= t->ncols) {
		squeeze(t, &b, room);
		print_block(f, t, &b, indent);
		return;
	}
	/* Too wide: the columns in blocks that fit, the key columns in each,
	 * a blank line between. */
	for (c = t->keys; c < t->ncols; c = b.to) {
		memcpy(b.widths, widths, sizeof b.widths);
		b.from = c;
		b.to = c + 1;
		while (b.to < t->ncols) {
			b.to++;
			if (narrowest(t, &b) > room) {
				b.to--;
				break;
			}
		}
		squeeze(t, &b, room);
		if (c > t->keys)
			fputc('\n', f);
		print_block(f, t, &b, indent);
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
	if (n < len + len / 3 + 4) {
		snprintf(buf, n, "%lld", v);
		return buf;
	}
	if (v < 0 && cli_ja()) { /* △, as Japanese budgets mark negatives */
		memcpy(buf + k, "\xE2\x96\xB3", 3);
		k += 3;
	} else if (v < 0)
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
