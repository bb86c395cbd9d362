/* output.h - where output goes (whole or not at all), and the text
 * formats: terminal tables, CSV, yen and 千円. */
#ifndef TWC_OUTPUT_H
#define TWC_OUTPUT_H

#include <stdio.h>

/* An output: standard output, or a file written through a temporary one
 * beside it and renamed into place only when everything was written. */
typedef struct out {
	FILE *f;
	char *tmp;
	const char *path;
	const char *flag; /* the option that named path, for messages */
} out;

/* path NULL or "-": standard output.  A path that is a symbolic link, a
 * device, FIFO, socket or folder, or a file out_protect named, is refused
 * (EXIT_FAILURE_IO).  The temporary file (PATH.twcost-tmp-PID-XXXXXX) is
 * removed on SIGINT, SIGTERM and SIGHUP; one left by a killed run is
 * removed by the next run that writes PATH.  EXIT_OK or
 * EXIT_FAILURE_IO. */
int out_open(out *o, const char *path);

/* out_open for the option flag ("--plot"), which messages name. */
int out_open_as(out *o, const char *path, const char *flag);

/* An input of this run, which no output may replace (compared by device
 * and inode, so another name for the same file is caught too). */
void out_protect(const char *path);

/* Forget the inputs of the last command line (the web page runs many in
 * one process). */
void out_protect_reset(void);

/* Finish: with commit, flush and move the file into place; without, or
 * when writing failed, remove the temporary file.  Exit code. */
int out_close(out *o, int commit);

/* The most columns a table has. */
#define TABLE_MAX_COLS 32

/* A terminal table: cells of UTF-8 text, columns padded to their widest
 * cell (East Asian wide characters count two columns).  Wider than the
 * terminal (out_width), it is printed in blocks of columns that fit, each
 * with the key columns (the first `keys`, 1 by default); a text column
 * still too wide wraps. */
typedef struct table {
	int ncols, n, cap;
	char **cells;   /* row-major, n cells so far */
	unsigned right; /* bit c: column c is right-aligned */
	int rule_after; /* draw a rule after this many rows (the header) */
	int keys;       /* leading columns repeated in every block */
} table;

void table_init(table *t, int ncols, unsigned right);
void table_add(table *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void table_print(FILE *f, const table *t, int indent);
void table_free(table *t);

/* 1234567 -> "1,234,567" (into buf, which it returns); a negative as
 * -1,234 in English and △1,234 in Japanese.  For tables, not CSV. */
char *fmt_yen(long long v, char *buf, size_t n);

/* Yen to thousand yen, rounded half-up (half away from zero). */
long long to_thousands(long long yen);

/* One CSV field, quoted when it holds a comma, quote or line break; a
 * text cell that starts with = + - @, a tab or CR gets a leading ' so that
 * no spreadsheet runs it as a formula (a number such as -5 is left as
 * it is). */
void csv_field(FILE *f, const char *s, int last);

/* The UTF-8 byte-order mark that makes Excel in Japan read CSV as UTF-8. */
void csv_bom(FILE *f);

/* End a full buffer (n >= 4 bytes with its NUL) on a character boundary
 * with "…". */
void cut_utf8(char *buf, size_t n);

/* Columns text takes in a terminal. */
int text_width(const char *s);

/* The width tables and text are fitted to: the terminal's, or COLUMNS,
 * or 80; 0 for no limit (--wide).  Set once a command line. */
void out_set_width(int columns);
int out_width(void);

/* The terminal's width when standard output is one, else COLUMNS, else
 * 80 (at least 40). */
int terminal_width(void);

/* Bytes of the longest start of s that fits in width columns, ending
 * where a line may break (a space, around a wide character, after a comma
 * or hyphen; anywhere when there is no such place); *used its columns. */
size_t text_fit(const char *s, int width, int *used);

/* text as lines that fit out_width: the first after prefix first, the
 * others after rest (e.g. "  - " and "    "). */
void print_wrapped(FILE *f, const char *first, const char *rest,
                   const char *text);

#endif
