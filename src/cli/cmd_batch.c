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
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"

/* Limits of a batch file. */
#define MAX_COLUMNS 32
#define MAX_LINE 4096
#define MAX_ROWS 100000

typedef struct row {
	int line;
	char *cells[MAX_COLUMNS];
	char *out;  /* its CSV rows, or NULL on error */
	int warned; /* a row of it has a warning */
	char err[512];
} row;

typedef struct batch {
	const options *o;
	const char *file;
	char *header[MAX_COLUMNS];
	int n_cols, n_rows, draws, threads;
	double seed;
	row *rows;
	pthread_mutex_t lock;
	int next; /* the next row to take */
} batch;

/* Split a CSV line in place (quotes allowed, no line breaks inside). */
static int
split_csv(char *line, char **cells, int max)
{
	int n = 0;
	char *p = line, *w;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		cells[n++] = w = p;
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++)
				*w++ = *p == '"' ? *++p : *p;
			if (*p == '"')
				p++;
		} else {
			while (*p && *p != ',')
				*w++ = *p++;
		}
		if (*p != ',') {
			*w = '\0';
			return n;
		}
		*w = '\0';
		p++;
	}
	return -1;
}

static int
read_rows(batch *b, FILE *f)
{
	char line[MAX_LINE];
	int lineno = 1, n;

	if (fgets(line, sizeof line, f) == NULL)
		return fail(EXIT_USAGE, "%s: empty file", b->file);
	if (strncmp(line, "\xEF\xBB\xBF", 3) == 0)
		memmove(line, line + 3, strlen(line + 3) + 1);
	if ((b->header[0] = strdup(line)) == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	if ((b->n_cols = split_csv(b->header[0], b->header, MAX_COLUMNS)) < 1)
		return fail(EXIT_USAGE, "%s:1: more than %d columns", b->file,
		            MAX_COLUMNS);
	b->rows = calloc(MAX_ROWS, sizeof *b->rows);
	while (b->rows != NULL && fgets(line, sizeof line, f) != NULL) {
		row *r = &b->rows[b->n_rows];
		lineno++;
		if (line[strspn(line, " \r\n")] == '\0')
			continue;
		if (b->n_rows >= MAX_ROWS)
			return fail(EXIT_USAGE, "%s: more than %d rows",
			            b->file, MAX_ROWS);
		if ((r->cells[0] = strdup(line)) == NULL)
			return fail(EXIT_FAILURE_IO, "out of memory");
		n = split_csv(r->cells[0], r->cells, MAX_COLUMNS);
		if (n != b->n_cols)
			return fail(EXIT_USAGE,
			            "%s:%d: %d cells, the header has %d",
			            b->file, lineno, n, b->n_cols);
		r->line = lineno;
		b->n_rows++;
	}
	return b->rows ? EXIT_OK : fail(EXIT_FAILURE_IO, "out of memory");
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
	if (apply_row(b, m, r) == 0 &&
	    (twc_count(m, NULL, "plans") < 0 ||
	     (b->draws && rank_among(b->o, m) != TWC_OK)))
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

static int
write_all(batch *b)
{
	out dst;
	int i, rc, warned = 0;

	for (i = 0; i < b->n_rows; i++)
		if (b->rows[i].out == NULL)
			return fail(EXIT_USAGE, "%s",
			            b->rows[i].err[0] ? b->rows[i].err
			                              : "out of memory");
	if ((rc = out_open(&dst, b->o->output)) != EXIT_OK)
		return rc;
	csv_bom(dst.f);
	fputs("entity,plan,total_yen,eligible_yen,grant_yen,net_yen", dst.f);
	fputs(b->draws ? ",sim_mean_net_yen,sim_p10_net_yen,sim_p50_net_yen,"
	                 "sim_p90_net_yen,prob_cheapest,warnings\r\n"
	               : ",warnings\r\n",
	      dst.f);
	for (i = 0; i < b->n_rows; i++) {
		fputs(b->rows[i].out, dst.f);
		warned |= b->rows[i].warned;
	}
	if ((rc = out_close(&dst, 1)) != EXIT_OK)
		return rc;
	return b->o->strict && warned ? EXIT_ATTENTION : EXIT_OK;
}

static int
batch_options(const options *o, batch *b)
{
	char *end;

	b->threads = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (o->draws != NULL) {
		b->draws = (int)strtol(o->draws, &end, 10);
		if (*end != '\0' || b->draws < 1 || b->draws > 1000000)
			return fail(EXIT_USAGE,
			            "--draws: '%s' is not a whole number from "
			            "1 to 1000000",
			            o->draws);
	}
	b->seed = o->seed ? strtod(o->seed, &end) : 1;
	if (o->seed && (*end != '\0' || b->seed < 0))
		return fail(EXIT_USAGE,
		            "--seed: '%s' is not a whole number >= 0", o->seed);
	if (o->threads != NULL)
		b->threads = atoi(o->threads);
	if (b->threads < 1 || b->threads > 64)
		b->threads = b->threads < 1 ? 1 : 64;
	if (o->format != FORMAT_TABLE && o->format != FORMAT_CSV)
		return fail(EXIT_USAGE, "--format: batch writes csv");
	return EXIT_OK;
}

static void
free_batch(batch *b)
{
	int i;

	for (i = 0; b->rows != NULL && i < b->n_rows; i++) {
		free(b->rows[i].cells[0]);
		free(b->rows[i].out);
	}
	free(b->rows);
	free(b->header[0]);
	pthread_mutex_destroy(&b->lock);
}

int
cmd_batch(const options *o)
{
	batch b;
	FILE *f;
	int rc;

	memset(&b, 0, sizeof b);
	pthread_mutex_init(&b.lock, NULL);
	b.o = o;
	b.file = o->n_args ? o->args[0] : NULL;
	if (b.file == NULL)
		rc = fail(EXIT_USAGE, "batch: name a CSV file of entities");
	else if ((rc = batch_options(o, &b)) == EXIT_OK) {
		if ((f = fopen(b.file, "r")) == NULL)
			rc =
			    fail(EXIT_USAGE, "%s: %s", b.file, strerror(errno));
		else {
			rc = read_rows(&b, f);
			fclose(f);
		}
		if (rc == EXIT_OK) {
			run_all(&b);
			rc = write_all(&b);
		}
	}
	free_batch(&b);
	return rc;
}
