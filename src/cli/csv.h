/* csv.h - reading CSV records one at a time: RFC 4180 quoting (line
 * breaks inside quotes too), UTF-8 with or without a byte-order mark, LF,
 * CRLF or CR line ends, with limits and FILE:LINE messages. */
#ifndef TWC_CSV_H
#define TWC_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Limits of a CSV file (README, "Limits and errors"). */
#define CSV_MAX_RECORD                                                         \
	65536 /* bytes of one record, quotes included,                         \
	         line end not */
#define CSV_MAX_COLUMNS 32

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
} csv_reader;

/* Start reading f (name shown as file); a UTF-8 BOM is skipped. */
void csv_open(csv_reader *r, FILE *f, const char *file);

/* The next record that is not blank into r->cells / r->n_cells: 1, 0 at
 * the end of the file, or -1 with "FILE:LINE: reason" in err. */
int csv_next(csv_reader *r, char *err, size_t n);

void csv_close(csv_reader *r);

#endif
