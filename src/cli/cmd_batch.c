/* cmd_batch.c - `twcost batch FILE.csv`: one estimate (and, with --draws,
 * one simulation) per row of a CSV file of entities, every plan of each,
 * rows spread over threads, output in the rows' order.
 *
 * The header names the columns: `name`, and any input key twc_set_text
 * takes (staff, home, satellite, mobile, fiscal_index, start, kind, years,
 * recipient...).  Empty cells keep the profile's value.  A bad cell stops
 * the batch with FILE:LINE: column: reason, and nothing is written.  Each
 * output row ends with its warnings (the scenario's, among them why a
 * grant is 0, and the plan's), "; "-separated; under --strict a batch
 * with any exits 1 once everything is written. */
#include <config.h>

#include <errno.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "report.h"

/* Limits of a batch file (CSV_MAX_RECORD and CSV_MAX_COLUMNS: csv.h). */
#define MAX_ROWS 100000
/* Rows read, computed and written at a time: memory stays flat however
 * long the file. */
#define CHUNK_ROWS 256

typedef struct row {
	int line;
	char *text; /* the cells, one after another */
	char *cells[CSV_MAX_COLUMNS];
	char *out;  /* its CSV rows, or NULL on error */
	int warned; /* a row of it has a warning */
	char err[512];
} row;

typedef struct batch {
	const options *o;
	const char *file;
	csv_reader in;
	char *header_text, *header[CSV_MAX_COLUMNS];
	int n_cols, draws, threads;
	enum csv_encoding encoding; /* --encoding, or CSV_AUTO */
	long n_read;                /* rows read so far */
	double seed;
	row rows[CHUNK_ROWS];
	int n_rows; /* in this chunk */
	int warned; /* a row so far had a warning */
	pthread_mutex_t lock;
	int next; /* the next row of the chunk to take */
} batch;

/* The cells of the reader's record copied into one block. */
static char *
copy_cells(const csv_reader *in, char **cells)
{
	size_t len = 0, k;
	char *text, *p;
	int c;

	for (c = 0; c < in->n_cells; c++)
		len += strlen(in->cells[c]) + 1;
	if ((p = text = malloc(len)) == NULL)
		return NULL;
	for (c = 0; c < in->n_cells; c++) {
		k = strlen(in->cells[c]) + 1;
		memcpy(p, in->cells[c], k);
		cells[c] = p;
		p += k;
	}
	return text;
}

static int
read_header(batch *b)
{
	char err[512];
	int rc = csv_next(&b->in, err, sizeof err);

	if (rc < 0)
		return fail(EXIT_USAGE, "%s", err);
	if (rc == 0)
		return fail(EXIT_USAGE, "%s: empty file", b->file);
	b->n_cols = b->in.n_cells;
	if ((b->header_text = copy_cells(&b->in, b->header)) == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	return EXIT_OK;
}

static void
free_chunk(batch *b)
{
	int i;

	for (i = 0; i < b->n_rows; i++) {
		free(b->rows[i].text);
		free(b->rows[i].out);
	}
	memset(b->rows, 0, sizeof b->rows);
	b->n_rows = 0;
	b->next = 0;
}

/* Read the next rows, at most CHUNK_ROWS; EXIT_OK with none at the end. */
static int
read_chunk(batch *b)
{
	char err[512];
	int rc;

	free_chunk(b);
	while (b->n_rows < CHUNK_ROWS &&
	       (rc = csv_next(&b->in, err, sizeof err)) != 0) {
		row *r = &b->rows[b->n_rows];
		if (rc < 0)
			return fail(EXIT_USAGE, "%s", err);
		if (++b->n_read > MAX_ROWS)
			return fail(EXIT_USAGE, "%s:%d: more than %d rows",
			            b->file, b->in.line, MAX_ROWS);
		if (b->in.n_cells != b->n_cols)
			return fail(
			    EXIT_USAGE, "%s:%d: %d cells, the header has %d",
			    b->file, b->in.line, b->in.n_cells, b->n_cols);
		if ((r->text = copy_cells(&b->in, r->cells)) == NULL)
			return fail(EXIT_FAILURE_IO, "out of memory");
		r->line = b->in.line;
		b->n_rows++;
	}
	return EXIT_OK;
}

/* Apply the scenario flags to m, before the row's cells (which win); 0,
 * or -1 with the reason in r->err. */
static int
apply_flags(batch *b, twc_model *m, row *r)
{
	char msg[400];

	if (apply_settings(b->o, m, msg, sizeof msg) == 0)
		return 0;
	snprintf(r->err, sizeof r->err, "%s:%d: %s", b->file, r->line, msg);
	return -1;
}

/* Apply a row's cells to m; 0, or -1 with the reason in r->err. */
static int
apply_row(batch *b, twc_model *m, row *r)
{
	int c;

	for (c = 0; c < b->n_cols; c++) {
		const char *key = b->header[c], *v = r->cells[c];
		if (strcmp(key, "name") != 0 && v[0] == '\0')
			continue;
		if (twc_set_text(m, key, v) != TWC_OK) {
			const char *msg = twc_last_error(m);
			size_t k = strlen(key);
			if (strncmp(msg, key, k) == 0 &&
			    strncmp(msg + k, ": ", 2) == 0)
				msg += k +
				       2; /* the column names the key already */
			snprintf(r->err, sizeof r->err, "%s:%d: %s: %s",
			         b->file, r->line, key, msg);
			return -1;
		}
	}
	return 0;
}

/* Append messages to buf, "; " between them; a ";" inside one becomes
 * "," so that the column splits on ";" alone. */
static void
join_messages(const vmsgs *l, char *buf, size_t n, size_t *len)
{
	int i;
	const char *c;

	for (i = 0; i < l->n; i++) {
		if (*len > 0 && *len + 2 < n) {
			memcpy(buf + *len, "; ", 3);
			*len += 2;
		}
		for (c = l->text[i]; *c && *len + 1 < n; c++)
			buf[(*len)++] = *c == ';' ? ',' : *c;
		buf[*len] = '\0';
	}
}

/* The warnings column of plan p: the scenario's, then the plan's. */
static void
warnings_cell(const view *v, const vplan *p, char *buf, size_t n)
{
	size_t len = 0;

	buf[0] = '\0';
	join_messages(&v->warnings, buf, n, &len);
	join_messages(&p->warnings, buf, n, &len);
}

static void
append_plan(batch *b, const view *v, const vplan *p, const vsim_plan *sp,
            FILE *dst)
{
	const long long money[] = {p->total, p->eligible, p->grant, p->net};
	char warnings[4096];
	size_t i;

	csv_field(dst, v->name, 0);
	csv_field(dst, p->id, 0);
	for (i = 0; i < 4; i++)
		fprintf(dst, "%lld,", money[i]);
	if (b->draws) {
		fprintf(dst, "%lld,%lld,%lld,%lld,", sp->net.mean, sp->net.p10,
		        sp->net.p50, sp->net.p90);
		if (!isnan(sp->prob_cheapest)) /* empty: not ranked */
			fprintf(dst, "%.4f", sp->prob_cheapest);
		fputc(',', dst);
	}
	warnings_cell(v, p, warnings, sizeof warnings);
	csv_field(dst, warnings, 1);
}

/* The rows of one entity: a line for each plan shown. */
static int
append_entity(batch *b, twc_model *m, row *r, FILE *dst)
{
	view v;
	sim_view s;
	int i, rc;

	if ((rc = view_load(m, b->o, VIEW_TOTALS, &v)) != EXIT_OK)
		return rc;
	if (b->draws &&
	    (rc = sim_view_load(m, &v, VIEW_TOTALS, &s)) != EXIT_OK) {
		view_free(&v);
		return rc;
	}
	for (i = 0; i < v.n_plans; i++)
		if (v.plans[i].selected)
			append_plan(b, &v, &v.plans[i],
			            b->draws ? &s.plans[i] : NULL, dst);
	r->warned = view_warnings(&v) > 0;
	view_free(&v);
	return EXIT_OK;
}

/* Estimate (and simulate) one row into r->out. */
static void
run_row(batch *b, row *r)
{
	twc_model *m;
	char *buf = NULL;
	size_t len = 0;
	FILE *mem;

	if (twc_open_buf(b->o->profile, &m, r->err, sizeof r->err) != TWC_OK)
		return;
	/* A row shows the net cost's figures alone: the simulation need
	 * not count each plan's total and grant (a third of its counting). */
	if (twc_set_text(m, "sim_figures", "net") != TWC_OK ||
	    (apply_flags(b, m, r) == 0 && apply_row(b, m, r) == 0 &&
	     (twc_count(m, NULL, "plans") < 0 ||
	      (b->draws && rank_among(b->o, m) != TWC_OK))))
		snprintf(r->err, sizeof r->err, "%s:%d: %s", b->file, r->line,
		         twc_last_error(m));
	else if (r->err[0] == '\0' && b->draws &&
	         twc_simulate(m, b->draws, b->seed, 1) != TWC_OK)
		snprintf(r->err, sizeof r->err, "%s:%d: %s", b->file, r->line,
		         twc_last_error(m));
	if (r->err[0] == '\0' && (mem = open_memstream(&buf, &len)) != NULL) {
		if (append_entity(b, m, r, mem) != EXIT_OK)
			snprintf(r->err, sizeof r->err,
			         "%s:%d: the results could not be read",
			         b->file, r->line);
		fclose(mem);
		r->out = buf;
	}
	twc_close(m);
}

static void *
worker(void *arg)
{
	batch *b = arg;

	for (;;) {
		int i;
		pthread_mutex_lock(&b->lock);
		i = b->next++;
		pthread_mutex_unlock(&b->lock);
		if (i >= b->n_rows)
			return NULL;
		run_row(b, &b->rows[i]);
	}
}

static void
run_all(batch *b)
{
	pthread_t tid[64];
	int t, started = 0;

	for (t = 1; t < b->threads; t++, started++)
		if (pthread_create(&tid[t], NULL, worker, b) != 0)
			break;
	worker(b);
	for (t = 1; t <= started; t++)
		pthread_join(tid[t], NULL);
}

static const char header_plain[] =
    "entity,plan,total_yen,eligible_yen,grant_yen,net_yen,warnings\r\n";
static const char header_sim[] =
    "entity,plan,total_yen,eligible_yen,grant_yen,net_yen,"
    "sim_mean_net_yen,sim_p10_net_yen,sim_p50_net_yen,sim_p90_net_yen,"
    "prob_cheapest,warnings\r\n";

/* Every chunk: read, compute on every thread, write in the rows' order.
 * The first bad row stops the batch. */
static int
run_chunks(batch *b, FILE *dst)
{
	int i, rc;

	csv_bom(dst);
	fputs(b->draws ? header_sim : header_plain, dst);
	while ((rc = read_chunk(b)) == EXIT_OK && b->n_rows > 0) {
		run_all(b);
		for (i = 0; i < b->n_rows; i++) {
			if (b->rows[i].out == NULL)
				return fail(EXIT_USAGE, "%s",
				            b->rows[i].err[0]
				                ? b->rows[i].err
				                : "out of memory");
			fputs(b->rows[i].out, dst);
			b->warned |= b->rows[i].warned;
		}
	}
	return rc;
}

/* Once everything is written: under --strict, exit 1 when a row had a
 * warning. */
static int
strict_batch(const batch *b)
{
	return b->o->strict && b->warned ? EXIT_ATTENTION : EXIT_OK;
}

/* Copy the finished spool to standard output. */
static int
copy_spool(FILE *spool)
{
	char buf[8192];
	size_t n;

	rewind(spool);
	while ((n = fread(buf, 1, sizeof buf, spool)) > 0)
		if (fwrite(buf, 1, n, stdout) != n)
			break;
	if (ferror(spool) || fflush(stdout) != 0 || ferror(stdout))
		return fail(EXIT_FAILURE_IO, "cannot write output");
	return EXIT_OK;
}

/* Output goes to --output through its temporary file, or, for standard
 * output, to an unlinked temporary file copied out at the end: either way
 * nothing is written when a row is bad. */
static int
write_all(batch *b)
{
	out dst;
	FILE *spool;
	int rc;

	if (b->o->output != NULL && strcmp(b->o->output, "-") != 0) {
		if ((rc = out_open(&dst, b->o->output)) != EXIT_OK)
			return rc;
		rc = run_chunks(b, dst.f);
		if (out_close(&dst, rc == EXIT_OK) != EXIT_OK)
			return EXIT_FAILURE_IO;
		return rc == EXIT_OK ? strict_batch(b) : rc;
	}
	if ((spool = tmpfile()) == NULL)
		return fail(EXIT_FAILURE_IO, "cannot make a temporary file: %s",
		            strerror(errno));
	if ((rc = run_chunks(b, spool)) == EXIT_OK)
		rc = copy_spool(spool);
	fclose(spool);
	return rc == EXIT_OK ? strict_batch(b) : rc;
}

/* --draws, --seed and --threads: whole numbers, as simulate reads them. */
static int
run_numbers(const options *o, batch *b)
{
	double draws = 0, seed = 1, threads = 0;
	int rc;

	if ((rc = draw_numbers(o, &draws, &seed, &threads)) != EXIT_OK)
		return rc;
	b->draws = (int)draws;
	b->seed = seed;
	if (threads > 0)
		b->threads = (int)threads;
	return EXIT_OK;
}

/* --encoding utf-8|cp932|auto (the default: found from the file). */
static int
file_encoding(const options *o, batch *b)
{
	int enc = o->encoding ? csv_encoding_of(o->encoding) : CSV_AUTO;

	if (enc < 0)
		return fail(EXIT_USAGE,
		            "--encoding: '%s' is not utf-8, cp932 (Shift_JIS) "
		            "or auto",
		            o->encoding);
	b->encoding = (enum csv_encoding)enc;
	return EXIT_OK;
}

static int
batch_options(const options *o, batch *b)
{
	int rc;

	b->threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if ((rc = run_numbers(o, b)) != EXIT_OK ||
	    (rc = file_encoding(o, b)) != EXIT_OK)
		return rc;
	if (b->threads < 1 || b->threads > 64)
		b->threads = b->threads < 1 ? 1 : 64;
	return EXIT_OK;
}

/* Each row's simulation frees, for each thread, some 0.3 MB of counts
 * and draws that the next row asks for again: glibc would hand blocks
 * that large back to the kernel (mmap, or a trimmed heap) and fault in
 * fresh zeroed pages each time - 45 page faults a row, some 4% of a
 * national run's CPU.  Keep them in the heap instead. */
static void
keep_freed_memory(void)
{
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD) && defined(M_TRIM_THRESHOLD)
	mallopt(M_MMAP_THRESHOLD, 4 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
}

/* The profile and the flags open (the rows may still fail). */
static int
flags_open(const options *o)
{
	twc_model *m;
	int rc = open_scenario(o, &m);

	twc_close(m);
	return rc;
}

static void
free_batch(batch *b)
{
	free_chunk(b);
	free(b->header_text);
	csv_close(&b->in);
	pthread_mutex_destroy(&b->lock);
}

int
cmd_batch(const options *o)
{
	batch *b = calloc(1, sizeof *b);
	FILE *f = NULL;
	int rc;

	if (b == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	pthread_mutex_init(&b->lock, NULL);
	b->o = o;
	b->file = o->n_args ? o->args[0] : NULL;
	if (b->file == NULL)
		rc = fail(EXIT_USAGE, "batch: name a CSV file of entities");
	else if ((rc = batch_options(o, b)) != EXIT_OK ||
	         (rc = flags_open(o)) != EXIT_OK)
		;
	else if ((f = fopen(b->file, "rb")) == NULL)
		rc = fail(EXIT_USAGE, "%s: %s", b->file, strerror(errno));
	else {
		keep_freed_memory();
		out_protect(b->file);
		csv_open(&b->in, f, b->file, b->encoding);
		if ((rc = read_header(b)) == EXIT_OK)
			rc = write_all(b);
	}
	if (f != NULL)
		fclose(f);
	free_batch(b);
	free(b);
	return rc;
}
