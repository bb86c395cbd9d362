/* cmd_sim.c - `twcost simulate` and `twcost sensitivity`: Monte Carlo
 * percentiles, the probability of each plan being cheapest, histograms and
 * the tornado. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "plot.h"
#include "report.h"

/* The defaults a report can be reproduced from. */
#define DEFAULT_DRAWS 10000
#define DEFAULT_SEED 1

/* A progress bar appears only for runs longer than this. */
#define PROGRESS_AFTER_S 0.5

/* Tornado bars shown per plan in the table. */
#define TABLE_BARS 5

typedef struct run {
	twc_model *m;
	int draws, threads, status;
	double seed;
	atomic_int done;
} run;

/* A whole number from text within [lo, hi], or a message naming the flag. */
static int
whole(const char *flag, const char *text, double lo, double hi, double *value)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (end == text || *end != '\0' || errno)
		return fail(EXIT_USAGE, "%s: '%s' is not a number", flag, text);
	if (!(v >= lo && v <= hi) || v != floor(v))
		return fail(EXIT_USAGE,
		            "%s: %s is not a whole number from %.0f to %.0f",
		            flag, text, lo, hi);
	*value = v;
	return EXIT_OK;
}

static int
run_options(const options *o, run *r)
{
	double draws = DEFAULT_DRAWS, seed = DEFAULT_SEED, threads = 0;
	int rc;

	if ((o->draws &&
	     (rc = whole("--draws", o->draws, 1, 1000000, &draws))) ||
	    (o->seed &&
	     (rc = whole("--seed", o->seed, 0, 9007199254740992.0, &seed))) ||
	    (o->threads &&
	     (rc = whole("--threads", o->threads, 0, 64, &threads))))
		return rc;
	r->draws = (int)draws;
	r->seed = seed;
	r->threads = (int)threads;
	return EXIT_OK;
}

/* The simulation, run on a thread of its own when a progress bar shows. */
static void *
simulate_thread(void *arg)
{
	run *r = arg;

	r->status = twc_simulate(r->m, r->draws, r->seed, r->threads);
	atomic_store(&r->done, 1);
	return NULL;
}

static double
seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Draw the bar on stderr until the run ends (twc_progress is the one call
 * that may read a handle another thread is simulating on). */
static void
show_progress(run *r, pthread_t tid)
{
	double start = seconds();
	int shown = 0;

	while (!atomic_load(&r->done)) {
		struct timespec pause = {0, 100000000};
		nanosleep(&pause, NULL);
		if (seconds() - start > PROGRESS_AFTER_S) {
			double p = twc_progress(r->m);
			int k, width = 40, fill = (int)(p * width);
			fputs("\rsimulating [", stderr);
			for (k = 0; k < width; k++)
				fputc(k < fill ? '#' : ' ', stderr);
			fprintf(stderr, "] %3.0f%%", p * 100);
			shown = 1;
		}
	}
	pthread_join(tid, NULL);
	if (shown)
		fputs("\r\033[K", stderr);
}

/* Run the simulation, with a progress bar on a terminal. */
static int
simulate(run *r)
{
	pthread_t tid;

	atomic_init(&r->done, 0);
	if (!isatty(STDERR_FILENO) ||
	    pthread_create(&tid, NULL, simulate_thread, r) != 0)
		simulate_thread(r);
	else
		show_progress(r, tid);
	if (r->status != TWC_OK)
		return fail(EXIT_USAGE, "%s", twc_last_error(r->m));
	return EXIT_OK;
}

/* ---- JSON ---------------------------------------------------------------- */

static json_t *
stats_json(twc_model *m, const char *plan, const char *what)
{
	static const json_field fields[] = {
	    {"mean", NULL, AS_INT}, {"p5", NULL, AS_INT},
	    {"p10", NULL, AS_INT},  {"p50", NULL, AS_INT},
	    {"p90", NULL, AS_INT},  {"p95", NULL, AS_INT},
	    {"min", NULL, AS_INT},  {"max", NULL, AS_INT},
	    {NULL, NULL, AS_TEXT}};
	json_t *o = json_object();
	char prefix[48];

	json_fields(o, m, plan, field(prefix, sizeof prefix, "sim:%s:", what),
	            fields);
	return o;
}

static json_t *
cdf_json(twc_model *m, const char *plan)
{
	json_t *a = json_array();
	char f[32];
	int k;

	for (k = 0; k <= 100; k += 5) {
		json_t *pt = json_object();
		json_object_set_new(pt, "p", json_real(k / 100.0));
		json_object_set_new(
		    pt, "net_yen",
		    json_integer(
		        yen_of(m, plan, field(f, sizeof f, "sim:cdf:%d", k))));
		json_array_append_new(a, pt);
	}
	return a;
}

static json_t *
hist_json(twc_model *m, const char *plan)
{
	static const json_field fields[] = {{"from_yen", NULL, AS_INT},
	                                    {"to_yen", NULL, AS_INT},
	                                    {"count", NULL, AS_INT},
	                                    {NULL, NULL, AS_TEXT}};

	return json_list(m, plan, "hist", "sim:hist:", fields);
}

static json_t *
tornado_json(twc_model *m, const char *plan)
{
	static const json_field fields[] = {
	    {"input", NULL, AS_TEXT},     {"low_yen", NULL, AS_INT},
	    {"high_yen", NULL, AS_INT},   {"swing_yen", NULL, AS_INT},
	    {"low_value", NULL, AS_REAL}, {"high_value", NULL, AS_REAL},
	    {"rank_corr", NULL, AS_REAL}, {NULL, NULL, AS_TEXT}};

	return json_list(m, plan, "tornado", "tornado:", fields);
}

static json_t *
plan_json(twc_model *m, const char *plan)
{
	static const json_field head[] = {
	    {"label", NULL, AS_TEXT},
	    {"deterministic_net_yen", "net_yen", AS_INT},
	    {NULL, NULL, AS_TEXT}};
	static const json_field chances[] = {
	    {"prob_cheapest", "sim:prob_cheapest", AS_REAL},
	    {"prob_below_reference", "sim:prob_below_reference", AS_REAL},
	    {NULL, NULL, AS_TEXT}};
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(plan));
	json_fields(o, m, plan, "", head);
	json_object_set_new(o, "net_yen", stats_json(m, plan, "net_yen"));
	json_object_set_new(o, "total_yen", stats_json(m, plan, "total_yen"));
	json_object_set_new(o, "grant_yen", stats_json(m, plan, "grant_yen"));
	json_fields(o, m, plan, "", chances);
	json_object_set_new(o, "cdf", cdf_json(m, plan));
	json_object_set_new(o, "hist", hist_json(m, plan));
	json_object_set_new(o, "tornado", tornado_json(m, plan));
	return o;
}

static json_t *
inputs_json(twc_model *m)
{
	static const json_field fields[] = {
	    {"id", NULL, AS_TEXT},   {"kind", NULL, AS_TEXT},
	    {"dist", NULL, AS_TEXT}, {"base", NULL, AS_REAL},
	    {"p10", NULL, AS_REAL},  {"p90", NULL, AS_REAL},
	    {"mean", NULL, AS_REAL}, {NULL, NULL, AS_TEXT}};

	return json_list(m, NULL, "inputs", "input:", fields);
}

static json_t *
sim_json(twc_model *m, const options *o)
{
	static const json_field run_fields[] = {
	    {"draws", "sim:draws", AS_INT},
	    {"seed", "sim:seed", AS_INT},
	    {"threads", "sim:threads", AS_INT},
	    {"inputs", "sim:inputs", AS_INT},
	    {"reference_plan", NULL, AS_TEXT},
	    {NULL, NULL, AS_TEXT}};
	json_t *root = json_object(), *plans = json_array();
	json_t *estimate = json_estimate(m, o);
	char f[32];
	const char *id;
	int i;

	json_object_set_new(root, "version", json_string(twc_version()));
	json_object_set(root, "scenario",
	                json_object_get(estimate, "scenario"));
	json_object_set(root, "warnings",
	                json_object_get(estimate, "warnings"));
	json_object_set(root, "notes", json_object_get(estimate, "notes"));
	json_decref(estimate);
	json_fields(root, m, NULL, "", run_fields);
	for (i = 0;
	     (id = twc_text(m, NULL, field(f, sizeof f, "plan:%d", i))) != NULL;
	     i++)
		if (plan_selected(o, id))
			json_array_append_new(plans, plan_json(m, id));
	json_object_set_new(root, "plans", plans);
	json_object_set_new(root, "input_list", inputs_json(m));
	return root;
}

/* ---- the chart ---------------------------------------------------------- */

/* Points of each S-curve: the net cost at every percentile. */
#define CURVE_POINTS 101

/* The plan whose tornado is drawn: the first --plan, or the plan most
 * often cheapest. */
static const char *
tornado_plan(twc_model *m, const options *o)
{
	char f[32];
	const char *id, *best = NULL;
	double p, best_p = -1;
	int i;

	for (i = 0;
	     (id = twc_text(m, NULL, field(f, sizeof f, "plan:%d", i))) != NULL;
	     i++)
		if (plan_selected(o, id) &&
		    (p = twc_result(m, id, "sim:prob_cheapest")) > best_p) {
			best_p = p;
			best = id;
		}
	return o->n_plans > 0 ? o->plans[0] : best;
}

/* "VDIホストサーバ (vdi_server)" for a price, the id for other inputs. */
static void
bar_label(twc_model *m, const char *plan, const char *input, char *buf,
          size_t n)
{
	char f[96];
	const char *label =
	    twc_text(m, plan, field(f, sizeof f, "item:%s:label", input));

	if (label != NULL)
		snprintf(buf, n, "%s (%s)", label, input);
	else
		snprintf(buf, n, "%s", input);
}

typedef struct chart {
	plot_curve curves[PLOT_MAX_CURVES];
	double yen[PLOT_MAX_CURVES][CURVE_POINTS], prob[CURVE_POINTS];
	plot_bar *bars;
	char (*labels)[160];
	char title[256], tornado_title[160];
} chart;

static int
fill_curves(twc_model *m, const options *o, chart *c)
{
	char f[48];
	const char *id;
	int i, k, n = 0;

	for (k = 0; k < CURVE_POINTS; k++)
		c->prob[k] = k / 100.0;
	for (i = 0;
	     n < PLOT_MAX_CURVES &&
	     (id = twc_text(m, NULL, field(f, sizeof f, "plan:%d", i))) != NULL;
	     i++) {
		plot_curve *cv = &c->curves[n];
		if (!plan_selected(o, id))
			continue;
		for (k = 0; k < CURVE_POINTS; k++)
			c->yen[n][k] = twc_result(
			    m, id, field(f, sizeof f, "sim:cdf:%d", k));
		cv->label = id;
		cv->n = CURVE_POINTS;
		cv->yen = c->yen[n];
		cv->prob = c->prob;
		cv->p10 = twc_result(m, id, "sim:net_yen:p10");
		cv->p50 = twc_result(m, id, "sim:net_yen:p50");
		cv->p90 = twc_result(m, id, "sim:net_yen:p90");
		n++;
	}
	return n;
}

static int
fill_bars(twc_model *m, const char *plan, chart *c)
{
	char f[48];
	int k, n = twc_count(m, plan, "tornado");

	if (n <= 0)
		return 0;
	c->bars = calloc((size_t)n, sizeof *c->bars);
	c->labels = calloc((size_t)n, sizeof *c->labels);
	if (c->bars == NULL || c->labels == NULL)
		return 0;
	for (k = 0; k < n; k++) {
		bar_label(
		    m, plan,
		    text_of(m, plan, field(f, sizeof f, "tornado:%d:input", k)),
		    c->labels[k], sizeof c->labels[k]);
		c->bars[k].label = c->labels[k];
		c->bars[k].low_yen = twc_result(
		    m, plan, field(f, sizeof f, "tornado:%d:low_yen", k));
		c->bars[k].high_yen = twc_result(
		    m, plan, field(f, sizeof f, "tornado:%d:high_yen", k));
	}
	return n;
}

/* Draw the S-curves and the tornado into o->plot. */
static int
draw_chart(twc_model *m, const options *o)
{
	chart *c = calloc(1, sizeof *c);
	plot_spec spec = {0};
	const char *plan = tornado_plan(m, o);
	char err[256], font[128];
	int rc = EXIT_OK;

	if (c == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	snprintf(c->title, sizeof c->title,
	         "%s: net cost over %lld fiscal years",
	         text_of(m, NULL, "name"), yen_of(m, NULL, "years"));
	snprintf(c->tornado_title, sizeof c->tornado_title,
	         "%s: what moves net cost most", plan ? plan : "");
	spec.title = c->title;
	spec.curves = c->curves;
	spec.n_curves = fill_curves(m, o, c);
	spec.tornado_title = c->tornado_title;
	spec.tornado_base_yen = plan ? (double)yen_of(m, plan, "net_yen") : 0;
	spec.n_bars = plan ? fill_bars(m, plan, c) : 0;
	spec.bars = c->bars;
	spec.draws = (int)yen_of(m, NULL, "sim:draws");
	spec.seed = (unsigned long long)yen_of(m, NULL, "sim:seed");
	if (plot_write(o->plot, &spec, err, sizeof err) != 0)
		rc = fail(EXIT_FAILURE_IO, "--plot %s: %s", o->plot, err);
	else if (plot_font(spec.title, font, sizeof font) > 0)
		fprintf(stderr,
		        "twcost: the chart's font %s lacks some Japanese "
		        "characters: install fonts-noto-cjk\n",
		        font);
	free(c->bars);
	free(c->labels);
	free(c);
	plot_cleanup(); /* one chart a run */
	return rc;
}

/* ---- tables ---------------------------------------------------------------
 */

/* A compact histogram of 20 bins as block characters. */
static void
sparkline(twc_model *m, const char *plan, char *buf, size_t n)
{
	static const char *const blocks[] = {" ", "▁", "▂", "▃", "▄",
	                                     "▅", "▆", "▇", "█"};
	char f[48];
	long long counts[64], max = 0;
	int k, bins = twc_count(m, plan, "hist");
	size_t len = 0;

	for (k = 0; k < bins && k < 64; k++) {
		counts[k] =
		    yen_of(m, plan, field(f, sizeof f, "sim:hist:%d:count", k));
		max = counts[k] > max ? counts[k] : max;
	}
	buf[0] = '\0';
	for (k = 0; k < bins && k < 64 && len + 4 < n; k++) {
		int level = max ? (int)((counts[k] * 8 + max - 1) / max) : 0;
		len +=
		    (size_t)snprintf(buf + len, n - len, "%s", blocks[level]);
	}
}

static void
percentile_table(FILE *f, twc_model *m, const options *o)
{
	static const char *const cols[] = {"mean", "p10", "p50", "p90"};
	const char *ref = text_of(m, NULL, "reference_plan");
	table t;
	char fl[48], a[32], spark[256];
	const char *id;
	int i;
	size_t c;

	table_init(&t, 9, 0xFEu);
	table_add(&t, "plan");
	table_add(&t, "estimate");
	table_add(&t, "mean");
	table_add(&t, "P10");
	table_add(&t, "P50");
	table_add(&t, "P90");
	table_add(&t, "cheapest");
	table_add(&t, "%s%s", ref[0] ? "< " : "", ref[0] ? ref : "-");
	table_add(&t, "distribution (P0 to P100)");
	t.right = 0xFEu;
	for (i = 0; (id = twc_text(m, NULL,
	                           field(fl, sizeof fl, "plan:%d", i))) != NULL;
	     i++) {
		if (!plan_selected(o, id))
			continue;
		table_add(&t, "%s", id);
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id, "net_yen"), a, sizeof a));
		for (c = 0; c < 4; c++)
			table_add(
			    &t, "%s",
			    fmt_yen(yen_of(m, id,
			                   field(fl, sizeof fl,
			                         "sim:net_yen:%s", cols[c])),
			            a, sizeof a));
		table_add(&t, "%.1f%%",
		          100 * twc_result(m, id, "sim:prob_cheapest"));
		if (ref[0])
			table_add(&t, "%.1f%%",
			          100 * twc_result(m, id,
			                           "sim:prob_below_reference"));
		else
			table_add(&t, "-");
		sparkline(m, id, spark, sizeof spark);
		table_add(&t, "%s", spark);
	}
	t.right &= ~(1u << 8);
	table_print(f, &t, 0);
	table_free(&t);
}

static void
tornado_table(FILE *f, twc_model *m, const char *id, int max_bars)
{
	table t;
	char fl[48], a[32], b[32], c[32];
	int k, n = twc_count(m, id, "tornado");

	if (n <= 0)
		return;
	fprintf(f,
	        "%s: what moves net cost most (each input from its P10 to its "
	        "P90, others at base)\n",
	        id);
	table_init(&t, 5, 0x1Eu);
	table_add(&t, "input");
	table_add(&t, "net at P10");
	table_add(&t, "net at P90");
	table_add(&t, "swing");
	table_add(&t, "rank corr");
	for (k = 0; k < n && k < max_bars; k++) {
		double rc = twc_result(
		    m, id, field(fl, sizeof fl, "tornado:%d:rank_corr", k));
		table_add(&t, "%s",
		          text_of(m, id,
		                  field(fl, sizeof fl, "tornado:%d:input", k)));
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id,
		                         field(fl, sizeof fl,
		                               "tornado:%d:low_yen", k)),
		                  a, sizeof a));
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id,
		                         field(fl, sizeof fl,
		                               "tornado:%d:high_yen", k)),
		                  b, sizeof b));
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id,
		                         field(fl, sizeof fl,
		                               "tornado:%d:swing_yen", k)),
		                  c, sizeof c));
		if (isnan(rc))
			table_add(&t, "-");
		else
			table_add(&t, "%+.2f", rc);
	}
	table_print(f, &t, 2);
	table_free(&t);
	if (n > max_bars)
		fprintf(f, "  (%d more inputs; all of them in --format json)\n",
		        n - max_bars);
	fputc('\n', f);
}

static void
sim_header(FILE *f, twc_model *m)
{
	char a[32];
	long long threads = yen_of(m, NULL, "sim:threads");

	fprintf(
	    f,
	    "Monte Carlo: %s draws, seed %lld, %lld uncertain inputs, %lld "
	    "thread%s; every plan on the same draws.\n"
	    "Net cost in yen over the horizon (estimate: every input at its "
	    "base value; cheapest: of all %d plans):\n",
	    fmt_yen(yen_of(m, NULL, "sim:draws"), a, sizeof a),
	    yen_of(m, NULL, "sim:seed"), yen_of(m, NULL, "sim:inputs"), threads,
	    threads == 1 ? "" : "s", twc_count(m, NULL, "plans"));
}

static void
sim_table(FILE *f, twc_model *m, const options *o, int bars)
{
	char fl[32];
	const char *id;
	int i;

	print_scenario(f, m, "simulate");
	sim_header(f, m);
	percentile_table(f, m, o);
	fputc('\n', f);
	for (i = 0; (id = twc_text(m, NULL,
	                           field(fl, sizeof fl, "plan:%d", i))) != NULL;
	     i++)
		if (plan_selected(o, id))
			tornado_table(f, m, id, bars);
	print_messages(f, m, o);
}

/* --plot FILE names a format plot_write draws; checked before the run. */
static int
plot_ok(const options *o)
{
	const char *dot = o->plot ? strrchr(o->plot, '.') : NULL;

	if (o->plot == NULL)
		return EXIT_OK;
	if (dot == NULL ||
	    (strcasecmp(dot, ".png") != 0 && strcasecmp(dot, ".svg") != 0 &&
	     strcasecmp(dot, ".pdf") != 0))
		return fail(EXIT_USAGE,
		            "--plot: '%s' must end in .png, .svg or .pdf",
		            o->plot);
	return EXIT_OK;
}

static int
sim_report(const options *o, int bars)
{
	run r = {0};
	out dst;
	int rc;

	if ((rc = run_options(o, &r)) != EXIT_OK ||
	    (rc = plot_ok(o)) != EXIT_OK)
		return rc;
	if ((rc = open_scenario(o, &r.m)) != EXIT_OK)
		return rc;
	if ((rc = simulate(&r)) != EXIT_OK) {
		twc_close(r.m);
		return rc;
	}
	if (o->plot != NULL && (rc = draw_chart(r.m, o)) != EXIT_OK) {
		twc_close(r.m);
		return rc;
	}
	if (o->format == FORMAT_JSON)
		rc = write_json(sim_json(r.m, o), o);
	else if (o->format != FORMAT_TABLE)
		rc =
		    fail(EXIT_USAGE, "--format: simulate writes table or json");
	else if ((rc = out_open(&dst, o->output)) == EXIT_OK) {
		sim_table(dst.f, r.m, o, bars);
		rc = out_close(&dst, 1);
	}
	if (rc == EXIT_OK && o->strict && count_warnings(r.m, o) > 0)
		rc = EXIT_ATTENTION;
	twc_close(r.m);
	return rc;
}

int
cmd_simulate(const options *o)
{
	return sim_report(o, TABLE_BARS);
}

int
cmd_sensitivity(const options *o)
{
	return sim_report(o, 1000);
}
