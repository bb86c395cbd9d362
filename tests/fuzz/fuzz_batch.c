/* fuzz_batch.c - batch CSV rows in each form the reader accepts: UTF-8
 * with or without a byte-order mark, or CP932 (Shift_JIS) converted to
 * UTF-8, found from the text or given (--encoding); LF, CRLF or CR line
 * ends, quoted cells with commas, quotes and line breaks.  The first byte
 * chooses the form (bit 0: a BOM; bits 1-2: line ends; bits 3-4: the
 * encoding, auto, utf-8 or cp932); the rest is the file.
 * Each record's cells are applied to a handle as `twcost batch` does
 * (header = input keys) and its results read; every cell is also
 * written back as a CSV field.
 * Checks: the reader never reads or writes out of bounds and gives each
 * error as FILE:LINE: reason; every cell it gives is UTF-8, whatever the
 * file's encoding; a written cell that would start a formula starts with
 * a quote and an apostrophe instead. */
#include <config.h>

#include "cli/csv.h"
#include "cli/output.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* output.c's out_open reports through the CLI's fail(); not used here. */
int fail(int code, const char *fmt, ...);
int
fail(int code, const char *fmt, ...)
{
	(void)fmt;
	return code;
}

/* The file as the chosen form: a BOM first, and LF turned into CRLF or
 * CR. */
static char *
shape(const uint8_t *data, size_t size, unsigned form, size_t *len)
{
	char *out = malloc(3 + 2 * size + 1), *w = out;
	size_t i;

	if (out == NULL)
		abort();
	if (form & 1) {
		memcpy(w, "\xEF\xBB\xBF", 3);
		w += 3;
	}
	for (i = 0; i < size; i++) {
		if (data[i] == '\n' && (form & 6) == 2)
			*w++ = '\r';
		*w++ =
		    data[i] == '\n' && (form & 6) == 4 ? '\r' : (char)data[i];
	}
	*len = (size_t)(w - out);
	return out;
}

/* Write a cell as a CSV field and check the formula rule. */
static void
check_field(const char *cell)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		abort();
	csv_field(f, cell, 1);
	fclose(f);
	if (cell[0] == '=' || cell[0] == '@' || cell[0] == '+' ||
	    cell[0] == '\t' || cell[0] == '\r')
		FUZZ_CHECK(strncmp(text, "\"'", 2) == 0);
	free(text);
}

static void
apply(twc_model *m, const csv_reader *in, char header[][64], int n_cols)
{
	long long yen;
	int c;

	FUZZ_CHECK(twc_reset(m) == TWC_OK);
	for (c = 0; c < in->n_cells && c < n_cols; c++) {
		FUZZ_CHECK(utf8_valid(in->cells[c]));
		check_field(in->cells[c]);
		if (in->cells[c][0] != '\0' &&
		    twc_set_text(m, header[c], in->cells[c]) != TWC_OK)
			check_message(twc_last_error(m));
	}
	if (twc_result_yen(m, "jlis-lgwan", "net_yen", &yen) != TWC_OK)
		check_message(twc_last_error(m));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static twc_model *m;
	char header[CSV_MAX_COLUMNS][64], err[512];
	size_t len;
	char *text;
	FILE *f;
	csv_reader in;
	int rc, rows = 0, n_cols = 0, c;

	if (size == 0)
		return 0;
	if (m == NULL && twc_open(NULL, &m) != TWC_OK)
		abort();
	text = shape(data + 1, size - 1, data[0], &len);
	if (len == 0) {
		free(text);
		return 0;
	}
	if ((f = fmemopen(text, len, "rb")) == NULL)
		abort();
	csv_open(&in, f, "in.csv", (enum csv_encoding)((data[0] >> 3) % 3));
	while (rows++ < 50 && (rc = csv_next(&in, err, sizeof err)) != 0) {
		if (rc < 0) {
			FUZZ_CHECK(strncmp(err, "in.csv:", 7) == 0);
			break;
		}
		FUZZ_CHECK(in.n_cells >= 1 && in.n_cells <= CSV_MAX_COLUMNS);
		if (n_cols == 0) {
			for (c = 0; c < in.n_cells; c++)
				FUZZ_CHECK(utf8_valid(in.cells[c]));
			for (c = 0; c < in.n_cells; c++)
				snprintf(header[c], sizeof header[c], "%s",
				         in.cells[c]);
			n_cols = in.n_cells;
		} else {
			apply(m, &in, header, n_cols);
		}
	}
	csv_close(&in);
	fclose(f);
	free(text);
	return 0;
}
