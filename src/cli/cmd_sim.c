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

#ifdef HAVE_CAIRO
#include "plot.h"
#endif
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

static int
run_options(const options *o, run *r)
{
	double draws = DEFAULT_DRAWS, seed = DEFAULT_SEED, threads = 0;
	int rc;

	if ((rc = draw_numbers(o, &draws, &seed, &threads)) != EXIT_OK)
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
stats_json(const vstats *st)
{
	json_t *o = json_object();

	json_object_set_new(o, "mean", json_integer(st->mean));
	json_object_set_new(o, "p5", json_integer(st->p5));
	json_object_set_new(o, "p10", json_integer(st->p10));
	json_object_set_new(o, "p50", json_integer(st->p50));
	json_object_set_new(o, "p90", json_integer(st->p90));
	json_object_set_new(o, "p95", json_integer(st->p95));
	json_object_set_new(o, "min", json_integer(st->min));
	json_object_set_new(o, "max", json_integer(st->max));
	return o;
}

static json_t *
cdf_json(const vsim_plan *sp)
{
	json_t *a = json_array();
	int k;

	for (k = 0; k <= 100; k += 5) {
		json_t *pt = json_object();
		json_object_set_new(pt, "p", json_real(k / 100.0));
		json_object_set_new(pt, "net_yen", json_integer(sp->cdf[k]));
		json_array_append_new(a, pt);
	}
	return a;
}

static json_t *
hist_json(const vsim_plan *sp)
{
	json_t *a = json_array();
	int k;

	for (k = 0; k < sp->n_hist; k++) {
		json_t *o = json_object();
		json_object_set_new(o, "from_yen",
		                    json_integer(sp->hist_from[k]));
		json_object_set_new(o, "to_yen", json_integer(sp->hist_to[k]));
		json_object_set_new(o, "count",
		                    json_integer(sp->hist_count[k]));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
tornado_json(const vsim_plan *sp)
{
	json_t *a = json_array();
	int k;

	for (k = 0; k < sp->n_bars; k++) {
		const vbar *b = &sp->bars[k];
		json_t *o = json_object();
		json_object_set_new(o, "input", json_string(b->input));
		json_object_set_new(o, "low_yen", json_integer(b->low_yen));
		json_object_set_new(o, "high_yen", json_integer(b->high_yen));
		json_object_set_new(o, "swing_yen", json_integer(b->swing_yen));
		json_object_set_new(o, "low_value",
		                    json_real_or_null(b->low_value));
		json_object_set_new(o, "high_value",
		                    json_real_or_null(b->high_value));
		json_object_set_new(o, "rank_corr",
		                    json_real_or_null(b->rank_corr));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
plan_json(const vplan *p, const vsim_plan *sp)
{
	json_t *o = json_object();

	json_object_set_new(o, "id", json_string(p->id));
	json_object_set_new(o, "label", json_string(p->label));
	json_object_set_new(o, "deterministic_net_yen", json_integer(p->net));
	json_object_set_new(o, "net_yen", stats_json(&sp->net));
	json_object_set_new(o, "total_yen", stats_json(&sp->total));
	json_object_set_new(o, "grant_yen", stats_json(&sp->grant));
	json_object_set_new(o, "prob_cheapest",
	                    json_real_or_null(sp->prob_cheapest));
	json_object_set_new(o, "cheapest_excluded",
	                    sp->excluded[0] ? json_string(sp->excluded)
	                                    : json_null());
	json_object_set_new(o, "prob_cheapest_any",
	                    json_real_or_null(sp->prob_cheapest_any));
	json_object_set_new(
	    o, "prob_cheapest_fit",
	    json_real(isnan(sp->prob_cheapest) ? 0 : sp->prob_cheapest));
	json_object_set_new(o, "prob_below_reference",
	                    json_real_or_null(sp->prob_below_reference));
	json_object_set_new(o, "cdf", cdf_json(sp));
	json_object_set_new(o, "hist", hist_json(sp));
	json_object_set_new(o, "tornado", tornado_json(sp));
	return o;
}

static json_t *
inputs_json(const sim_view *s)
{
	json_t *a = json_array();
	int k;

	for (k = 0; k < s->n_inputs; k++) {
		const vinput *in = &s->inputs[k];
		json_t *o = json_object();
		json_object_set_new(o, "id", json_string(in->id));
		json_object_set_new(o, "kind", json_string(in->kind));
		json_object_set_new(o, "dist", json_string(in->dist));
		json_object_set_new(o, "base", json_real_or_null(in->base));
		json_object_set_new(o, "p10", json_real_or_null(in->p10));
		json_object_set_new(o, "p90", json_real_or_null(in->p90));
		json_object_set_new(o, "mean", json_real_or_null(in->mean));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
sim_json(const view *v, const sim_view *s)
{
	json_t *root = json_object(), *plans = json_array();
	json_t *estimate = json_estimate(v);
	int i;

	json_object_set_new(root, "version", json_string(twc_version()));
	json_object_set(root, "scenario",
	                json_object_get(estimate, "scenario"));
	json_object_set(root, "warnings",
	                json_object_get(estimate, "warnings"));
	json_object_set(root, "notes", json_object_get(estimate, "notes"));
	json_decref(estimate);
	json_object_set_new(root, "draws", json_integer(s->draws));
	json_object_set_new(root, "seed", json_integer(s->seed));
	json_object_set_new(root, "threads", json_integer(s->threads));
	json_object_set_new(root, "inputs", json_integer(s->n_draws_inputs));
	json_object_set_new(root, "reference_plan",
	                    json_string(v->reference_plan));
	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			json_array_append_new(
			    plans, plan_json(&v->plans[i], &s->plans[i]));
	json_object_set_new(root, "plans", plans);
	json_object_set_new(root, "input_list", inputs_json(s));
	return root;
}

/* ---- the chart ---------------------------------------------------------- */

#ifdef HAVE_CAIRO

/* The plan whose tornado is drawn: the first --plan, or the plan most
 * often cheapest among those ranked (security fit ok); a plan shown when
 * none is ranked. */
static int
tornado_plan(const view *v, const sim_view *s, const options *o)
{
	int i, best = -1;

	for (i = 0; i < v->n_plans; i++) {
		if (o->n_plans > 0 && strcmp(v->plans[i].id, o->plans[0]) == 0)
			return i;
		if (v->plans[i].selected && !isnan(s->plans[i].prob_cheapest) &&
		    (best < 0 ||
		     s->plans[i].prob_cheapest > s->plans[best].prob_cheapest))
			best = i;
	}
	for (i = 0; best < 0 && i < v->n_plans; i++)
		if (v->plans[i].selected)
			best = i;
	return best;
}

typedef struct chart {
	plot_curve curves[PLOT_MAX_CURVES];
	double yen[PLOT_MAX_CURVES][VIEW_CDF_POINTS], prob[VIEW_CDF_POINTS];
	plot_bar *bars;
	char (*labels)[160];
	char title[256], tornado_title[160];
} chart;

static int
fill_curves(const view *v, const sim_view *s, chart *c)
{
	int i, k, n = 0;

	for (k = 0; k < VIEW_CDF_POINTS; k++)
		c->prob[k] = k / 100.0;
	for (i = 0; n < PLOT_MAX_CURVES && i < v->n_plans; i++) {
		plot_curve *cv = &c->curves[n];
		const vsim_plan *sp = &s->plans[i];
		if (!v->plans[i].selected)
			continue;
		for (k = 0; k < VIEW_CDF_POINTS; k++)
			c->yen[n][k] = (double)sp->cdf[k];
		cv->label = v->plans[i].id;
		cv->colour = i + 1; /* the plan's own colour in every chart */
		cv->n = VIEW_CDF_POINTS;
		cv->yen = c->yen[n];
		cv->prob = c->prob;
		cv->p10 = (double)sp->net.p10;
		cv->p50 = (double)sp->net.p50;
		cv->p90 = (double)sp->net.p90;
		n++;
	}
	return n;
}

/* "VDIホストサーバ (vdi_server)" for a price, the id for other inputs. */
static int
fill_bars(const vsim_plan *sp, chart *c)
{
	int k, n = sp->n_bars;

	if (n <= 0)
		return 0;
	c->bars = calloc((size_t)n, sizeof *c->bars);
	c->labels = calloc((size_t)n, sizeof *c->labels);
	if (c->bars == NULL || c->labels == NULL)
		return 0;
	for (k = 0; k < n; k++) {
		const vbar *b = &sp->bars[k];
		if (b->label != NULL)
			snprintf(c->labels[k], sizeof c->labels[k], "%s (%s)",
			         b->label, b->input);
		else
			snprintf(c->labels[k], sizeof c->labels[k], "%s",
			         b->input);
		c->bars[k].label = c->labels[k];
		c->bars[k].low_yen = (double)b->low_yen;
		c->bars[k].high_yen = (double)b->high_yen;
	}
	return n;
}

/* Draw the S-curves and the tornado into o->plot. */
static int
draw_chart(const view *v, const sim_view *s, const options *o)
{
	chart *c = calloc(1, sizeof *c);
	plot_spec spec = {0};
	int plan = tornado_plan(v, s, o);
	char err[256], font[128];
	out dst;
	int rc = EXIT_OK;

	if (c == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	snprintf(c->title, sizeof c->title,
	         _("%s: net cost over %lld fiscal years"), v->name, v->years);
	snprintf(c->tornado_title, sizeof c->tornado_title,
	         _("%s: what moves net cost most"),
	         plan >= 0 ? v->plans[plan].id : "");
	spec.title = c->title;
	spec.curves = c->curves;
	spec.n_curves = fill_curves(v, s, c);
	spec.tornado_title = c->tornado_title;
	spec.tornado_base_yen = plan >= 0 ? (double)v->plans[plan].net : 0;
	spec.tornado_colour = plan + 1;
	spec.n_bars = plan >= 0 ? fill_bars(&s->plans[plan], c) : 0;
	spec.bars = c->bars;
	spec.draws = (int)s->draws;
	spec.seed = (unsigned long long)s->seed;
	/* Through out_open, as --output: never over an input, a link or a
	 * device, and no temporary file left by a signal. */
	if ((rc = out_open_as(&dst, o->plot, "--plot")) != EXIT_OK)
		;
	else if (plot_write_file(dst.f, o->plot, &spec, err, sizeof err) != 0) {
		out_close(&dst, 0);
		rc = fail(EXIT_FAILURE_IO, "--plot %s: %s", o->plot, err);
	} else if ((rc = out_close(&dst, 1)) != EXIT_OK)
		;
	else if (plot_font(spec.title, font, sizeof font) > 0)
		fprintf(stderr,
		        _("twcost: the chart's font %s lacks some Japanese "
		          "characters: install fonts-noto-cjk\n"),
		        font);
	free(c->bars);
	free(c->labels);
	free(c);
	plot_cleanup(); /* one chart a run */
	return rc;
}
#else
/* Built without cairo (configure --without-cairo): plot_ok has refused
 * --plot before the run. */
static int
draw_chart(const view *v, const sim_view *s, const options *o)
{
	(void)v;
	(void)s;
	(void)o;
	return EXIT_USAGE;
}
#endif

/* ---- tables ---------------------------------------------------------------
 */

/* A compact histogram of 20 bins as block characters. */
static void
sparkline(const vsim_plan *sp, char *buf, size_t n)
{
	static const char *const blocks[] = {" ", "▁", "▂", "▃", "▄",
	                                     "▅", "▆", "▇", "█"};
	long long max = 0;
	int k;
	size_t len = 0;

	for (k = 0; k < sp->n_hist; k++)
		max = sp->hist_count[k] > max ? sp->hist_count[k] : max;
	buf[0] = '\0';
	for (k = 0; k < sp->n_hist && len + 4 < n; k++) {
		int level =
		    max ? (int)((sp->hist_count[k] * 8 + max - 1) / max) : 0;
		len +=
		    (size_t)snprintf(buf + len, n - len, "%s", blocks[level]);
	}
}

static void
percentile_table(FILE *f, const view *v, const sim_view *s)
{
	const char *ref = v->reference_plan;
	table t;
	char a[32], spark[256];
	int i;

	table_init(&t, 10, 0x1FEu);
	table_add(&t, "%s", _("plan"));
	table_add(&t, "%s", _("estimate"));
	table_add(&t, "%s", _("mean"));
	table_add(&t, "P10");
	table_add(&t, "P50");
	table_add(&t, "P90");
	table_add(&t, "%s", _("cheapest"));
	table_add(&t, "%s", _("any plan"));
	if (ref[0])
		table_add(&t, _("< %s"), ref);
	else
		table_add(&t, "-");
	table_add(&t, "%s", _("distribution (P0 to P100)"));
	t.right = 0x1FEu;
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		const vsim_plan *sp = &s->plans[i];
		const long long cols[] = {sp->net.mean, sp->net.p10,
		                          sp->net.p50, sp->net.p90};
		int c;
		if (!p->selected)
			continue;
		table_add(&t, "%s", p->id);
		table_add(&t, "%s", fmt_yen(p->net, a, sizeof a));
		for (c = 0; c < 4; c++)
			table_add(&t, "%s", fmt_yen(cols[c], a, sizeof a));
		if (isnan(sp->prob_cheapest))
			table_add(&t, "-");
		else
			table_add(&t, "%.1f%%", 100 * sp->prob_cheapest);
		table_add(&t, "%.1f%%", 100 * sp->prob_cheapest_any);
		if (ref[0])
			table_add(&t, "%.1f%%", 100 * sp->prob_below_reference);
		else
			table_add(&t, "-");
		sparkline(sp, spark, sizeof spark);
		table_add(&t, "%s", spark);
	}
	t.right &= ~(1u << 9);
	table_print(f, &t, 0);
	table_free(&t);
}

static void
tornado_table(FILE *f, const vplan *p, const vsim_plan *sp, int max_bars)
{
	table t;
	char a[32], b[32], c[32], line[512];
	int k, n = sp->n_bars;

	if (n <= 0)
		return;
	snprintf(line, sizeof line,
	         _("%s: what moves net cost most (each input from its P10 to "
	           "its P90, others at base)"),
	         p->id);
	print_wrapped(f, "", "  ", line);
	table_init(&t, 5, 0x1Eu);
	table_add(&t, "%s", _("input"));
	table_add(&t, "%s", _("net at P10"));
	table_add(&t, "%s", _("net at P90"));
	table_add(&t, "%s", _("swing"));
	table_add(&t, "%s", _("rank corr"));
	for (k = 0; k < n && k < max_bars; k++) {
		const vbar *bar = &sp->bars[k];
		table_add(&t, "%s", bar->input);
		table_add(&t, "%s", fmt_yen(bar->low_yen, a, sizeof a));
		table_add(&t, "%s", fmt_yen(bar->high_yen, b, sizeof b));
		table_add(&t, "%s", fmt_yen(bar->swing_yen, c, sizeof c));
		if (isnan(bar->rank_corr))
			table_add(&t, "-");
		else
			table_add(&t, "%+.2f", bar->rank_corr);
	}
	table_print(f, &t, 2);
	table_free(&t);
	if (n > max_bars)
		fprintf(f,
		        _("  (%d more inputs; all of them in --format json)\n"),
		        n - max_bars);
	fputc('\n', f);
}

/* Which plans the cheapest column ranks, and why the others are not. */
static void
ranked_note(FILE *f, const view *v, const sim_view *s)
{
	char line[1024];
	size_t len;
	int i, shown = 0, ranked = 0, insecure = 0;

	for (i = 0; i < v->n_plans; i++) {
		if (!v->plans[i].selected)
			continue;
		shown++;
		ranked += s->plans[i].excluded[0] == '\0';
		insecure += strcmp(s->plans[i].excluded, "security") == 0;
	}
	snprintf(line, sizeof line,
	         ngettext("cheapest: among the %d of the %d plan shown whose "
	                  "security fit is ok; any plan: among all %d plans.",
	                  "cheapest: among the %d of the %d plans shown whose "
	                  "security fit is ok; any plan: among all %d plans.",
	                  (unsigned long)shown),
	         ranked, shown, v->n_plans);
	print_wrapped(f, "", "", line);
	if (insecure == 0)
		return;
	len = (size_t)snprintf(line, sizeof line, "%s",
	                       _("not ranked as cheapest (a security warning, "
	                         "see below):"));
	for (i = 0; i < v->n_plans && len < sizeof line; i++)
		if (v->plans[i].selected &&
		    strcmp(s->plans[i].excluded, "security") == 0)
			len += (size_t)snprintf(line + len, sizeof line - len,
			                        " %s", v->plans[i].id);
	print_wrapped(f, "", "  ", line);
}

static void
sim_header(FILE *f, const view *v, const sim_view *s)
{
	char a[32], line[512];

	snprintf(line, sizeof line,
	         ngettext("Monte Carlo: %s draws, seed %lld, %lld uncertain "
	                  "inputs, %lld thread; every plan on the same draws.",
	                  "Monte Carlo: %s draws, seed %lld, %lld uncertain "
	                  "inputs, %lld threads; every plan on the same draws.",
	                  (unsigned long)s->threads),
	         fmt_yen(s->draws, a, sizeof a), s->seed, s->n_draws_inputs,
	         s->threads);
	print_wrapped(f, "", "", line);
	print_wrapped(f, "", "",
	              _("Net cost in yen over the horizon (estimate: every "
	                "input at its base value)."));
	ranked_note(f, v, s);
}

static void
sim_table(FILE *f, const view *v, const sim_view *s, int bars,
          const char *command)
{
	int i;

	print_scenario(f, v, command);
	sim_header(f, v, s);
	percentile_table(f, v, s);
	fputc('\n', f);
	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			tornado_table(f, &v->plans[i], &s->plans[i], bars);
	print_messages(f, v);
}

/* --plot FILE names a format plot_write draws; checked before the run. */
static int
plot_ok(const options *o)
{
	const char *dot = o->plot ? strrchr(o->plot, '.') : NULL;

	if (o->plot == NULL)
		return EXIT_OK;
#ifdef HAVE_CAIRO
	if (dot == NULL ||
	    (strcasecmp(dot, ".png") != 0 && strcasecmp(dot, ".svg") != 0 &&
	     strcasecmp(dot, ".pdf") != 0))
		return fail(EXIT_USAGE,
		            "--plot: '%s' must end in .png, .svg or .pdf",
		            o->plot);
	return EXIT_OK;
#else
	(void)dot;
	return fail(EXIT_USAGE,
	            "--plot: this twcost was built without cairo, so it draws "
	            "no charts");
#endif
}

/* Write the report of a finished simulation. */
static int
sim_write(const options *o, const view *v, const sim_view *s, int bars)
{
	out dst;
	int rc = EXIT_OK;

	if (o->plot != NULL && (rc = draw_chart(v, s, o)) != EXIT_OK)
		return rc;
	if (o->format == FORMAT_JSON)
		return write_json(sim_json(v, s), o);
	if ((rc = out_open(&dst, o->output)) == EXIT_OK) {
		sim_table(dst.f, v, s, bars, o->command);
		rc = out_close(&dst, 1);
	}
	return rc;
}

static int
sim_report(const options *o, int bars)
{
	run r = {0};
	view v;
	sim_view s;
	int rc;

	if ((rc = run_options(o, &r)) != EXIT_OK ||
	    (rc = plot_ok(o)) != EXIT_OK)
		return rc;
	if ((rc = open_scenario(o, &r.m)) != EXIT_OK)
		return rc;
	if (rank_among(o, r.m) != TWC_OK)
		rc = fail(EXIT_USAGE, "--plan: %s", twc_last_error(r.m));
	if (rc != EXIT_OK || (rc = simulate(&r)) != EXIT_OK ||
	    (rc = view_load(r.m, o, VIEW_FULL, &v)) != EXIT_OK) {
		twc_close(r.m);
		return rc;
	}
	rc = sim_view_load(r.m, &v, VIEW_FULL, &s);
	twc_close(r.m);
	if (rc == EXIT_OK)
		rc = strict_code(&v, o, sim_write(o, &v, &s, bars));
	view_free(&v);
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
