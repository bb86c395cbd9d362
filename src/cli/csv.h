/* csv.h - reading CSV records one at a time: RFC 4180 quoting (line
 * breaks inside quotes too), UTF-8 with or without a byte-order mark or
 * CP932 (Shift_JIS, as Excel saves "CSV (コンマ区切り)" in Japan) turned
 * into UTF-8, LF, CRLF or CR line ends (a CRLF inside a quoted cell is
 * one line break, \n), with limits and FILE:LINE messages. */
#ifndef TWC_CSV_H
#define TWC_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Limits of a CSV file (README, "Limits and errors"). */
#define CSV_MAX_RECORD                                                         \
	65536 /* bytes of one record, quotes included,                         \
	         line end not */
#define CSV_MAX_COLUMNS 32

/* The encoding of a file: given (--encoding), or found by reading it. */
enum csv_encoding { CSV_AUTO, CSV_UTF8, CSV_CP932 };

typedef struct csv_reader {
	FILE *f;
	const char *file; /* the name messages show */
	int line;         /* the line the last record started on */
	int next_line;    /* the line the next one starts on */
	char *buf;        /* the last record, split in place */
	size_t cap;
	char *cells[CSV_MAX_COLUMNS];
	int n_cells;
	int pend[4], n_pend; /* characters read ahead */
	/* The encoding: CSV_AUTO until the first record with a byte
	 * outside ASCII (ASCII is the same in both) decides it for the
	 * whole file; given says whether --encoding chose it. */
	enum csv_encoding encoding;
	int given, decided_on; /* the line that decided it (0: a BOM) */
	int bom;               /* the file starts with a UTF-8 BOM */
	char *conv;            /* a CP932 record as UTF-8 */
	size_t conv_cap;
	void *cd; /* iconv_t from CP932, opened when first needed */
} csv_reader;

/* Start reading f (name shown as file) in encoding (CSV_AUTO: UTF-8 with
 * or without a BOM, or CP932, found from the text); a UTF-8 BOM is
 * skipped. */
void csv_open(csv_reader *r, FILE *f, const char *file,
              enum csv_encoding encoding);

/* The encoding named by text (utf-8, utf8, cp932, shift_jis, sjis, auto;
 * any case), or -1. */
int csv_encoding_of(const char *text);

/* The next record that is not blank into r->cells / r->n_cells: 1, 0 at
 * the end of the file, or -1 with "FILE:LINE: reason" in err. */
int csv_next(csv_reader *r, char *err, size_t n);

void csv_close(csv_reader *r);

#endif
