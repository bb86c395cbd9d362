/* test_sim.c - the Monte Carlo simulation, sensitivity and break-even.
 *
 * Distributions are checked on tests/data/sim.cfg, where each plan's net
 * cost is one draw of one price, against the analytic mean and quantiles.
 * Tolerances are five standard errors of the estimate for the sample size
 * (a chance of about 6e-7 of a false failure per comparison, and the runs
 * are seeded, so a pass is a pass for good). */
#include <config.h>

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdatomic.h>
#include <unistd.h>

#include "handle.h"
#include "harness.h"
#include "linear.h"

/* Allocations by the library while counting is on: test_sim links with
 * malloc, calloc and realloc wrapped (Makefile.am). */
static atomic_int counting;
static atomic_long allocations;

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

void *
__wrap_malloc(size_t n)
{
	if (atomic_load(&counting))
		atomic_fetch_add(&allocations, 1);
	return __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t size)
{
	if (atomic_load(&counting))
		atomic_fetch_add(&allocations, 1);
	return __real_calloc(n, size);
}

void *
__wrap_realloc(void *p, size_t n)
{
	if (atomic_load(&counting))
		atomic_fetch_add(&allocations, 1);
	return __real_realloc(p, n);
}

/* Draws for the distribution checks: 200,000 keep five standard errors of
 * a quantile near 1% of the price. */
#define DIST_DRAWS 200000

/* Standard errors allowed. */
#define Z_TOL 5.0

static double
r(twc_model *m, const char *plan, const char *f)
{
	return twc_result(m, plan, f);
}

/* Every draw's net cost of every plan, [plan][draw], as the simulation
 * made it (from whichever thread). */
typedef struct recorded {
	int draws, n_plans;
	double *net;
} recorded;

static void
record(void *ctx, long first, int len, const double *const *net,
       const double *x)
{
	recorded *rec = ctx;
	int p;

	(void)x;
	for (p = 0; p < rec->n_plans; p++)
		memcpy(rec->net + (size_t)p * (size_t)rec->draws + first,
		       net[p], sizeof(double) * (size_t)len);
}

/* Every draw's inputs and net costs, for a check of each draw (one
 * thread: the observer is called from the thread that made a chunk). */
typedef struct checked {
	const linear *lin;
	int n_inputs, n_plans, draws;
	double worst; /* the largest relative difference from linear_net */
} checked;

static void
check_draws(void *ctx, long first, int len, const double *const *net,
            const double *x)
{
	checked *c = ctx;
	double xd[256];
	int i, k, p;

	(void)first;
	for (i = 0; i < len; i++) {
		for (k = 0; k < c->n_inputs && k < 256; k++)
			xd[k] = x[(size_t)k * SIM_CHUNK + (size_t)i];
		for (p = 0; p < c->n_plans; p++) {
			double want = linear_net(c->lin, p, xd);
			double d = fabs(net[p][i] - want) / (fabs(want) + 1);
			c->worst = d > c->worst ? d : c->worst;
		}
		c->draws++;
	}
}

/* twc_simulate on m, recording every draw into rec (freed by the
 * caller). */
static int
simulate_recorded(twc_model *m, int draws, double seed, int threads,
                  recorded *rec)
{
	sim_observer obs = {record, rec};

	rec->draws = draws;
	rec->n_plans = twc_count(m, NULL, "plans");
	rec->net = calloc((size_t)rec->n_plans * (size_t)draws, sizeof(double));
	CU_ASSERT_PTR_NOT_NULL_FATAL(rec->net);
	sim_free(&m->sim);
	return sim_run(m->p, &m->sc, &m->r, m->fixed, NULL, draws, seed,
	               threads, NULL, &obs, &m->sim, &m->err);
}

/* Compare the simulated mean and P10/P50/P90 of a plan with the analytic
 * ones: mean within Z_TOL x sigma / sqrt(n); quantile q within Z_TOL x
 * sqrt(q(1-q)/n) / f(x_q), with 1/f(x_q) = dQ/dq taken numerically. */
static void
check_dist(twc_model *m, const char *plan, double mean, double sigma,
           double (*quantile)(double q))
{
	static const double qs[] = {0.10, 0.50, 0.90};
	static const char *const names[] = {
	    "sim:net_yen:p10", "sim:net_yen:p50", "sim:net_yen:p90"};
	double n = DIST_DRAWS, got = r(m, plan, "sim:net_yen:mean");
	size_t i;

	if (fabs(got - mean) > Z_TOL * sigma / sqrt(n) + 0.5) {
		fprintf(stderr, "\n  %s mean %g, expected %g\n", plan, got,
		        mean);
		CU_FAIL("mean");
	}
	for (i = 0; i < 3; i++) {
		double q = qs[i], h = 1e-4;
		double dq = (quantile(q + h) - quantile(q - h)) / (2 * h);
		double se = sqrt(q * (1 - q) / n) * dq;
		got = r(m, plan, names[i]);
		if (fabs(got - quantile(q)) > Z_TOL * se + 0.5) {
			fprintf(stderr, "\n  %s %s %g, expected %g (se %g)\n",
			        plan, names[i], got, quantile(q), se);
			CU_FAIL("quantile");
		}
	}
}

/* Triangular(100,000; 200,000; 400,000), F(mode) = 1/3:
 *   Q(q) = 100,000 + sqrt(q x 300,000 x 100,000)      for q < 1/3
 *   Q(q) = 400,000 - sqrt((1-q) x 300,000 x 200,000)  otherwise
 *   P10 = 154,772.26; P50 = 226,794.92; P90 = 322,540.33
 *   mean = 700,000/3 = 233,333.33; variance = (a2+b2+c2-ab-ac-bc)/18 =
 *   7e10/18, sigma = 62,360.96 */
static double
tri_q(double q)
{
	return q < 1.0 / 3 ? 1e5 + sqrt(q * 3e5 * 1e5)
	                   : 4e5 - sqrt((1 - q) * 3e5 * 2e5);
}

/* Uniform(100,000; 300,000): Q(q) = 100,000 + 200,000 q; mean 200,000;
 * sigma = 200,000 / sqrt(12) = 57,735.03 */
static double
unif_q(double q)
{
	return 1e5 + 2e5 * q;
}

/* PERT(100,000; 200,000; 400,000): a beta(1 + 4 x 1/3, 1 + 4 x 2/3) =
 * beta(7/3, 11/3) on [100,000, 400,000]; mean (a + 4m + b)/6 =
 * 216,666.67; variance (mean-a)(b-mean)/7, sigma = 55,277.32.  The
 * quantile here is GSL's beta inverse, independent of the bisection the
 * library uses for its tornado. */
static double
pert_q(double q)
{
	return 1e5 + 3e5 * gsl_cdf_beta_Pinv(q, 7.0 / 3, 11.0 / 3);
}

/* Lognormal with median 200,000 and P90 300,000: sigma_ln = ln 1.5 /
 * z(0.9) = 0.316387; Q(q) = 200,000 x exp(sigma_ln z(q)); P10 =
 * 133,333.33; mean = 200,000 exp(sigma_ln^2 / 2) = 210,264.6; sd = mean x
 * sqrt(exp(sigma_ln^2) - 1) = 68,205.5 */
static double
logn_q(double q)
{
	return 2e5 *
	       exp(log(1.5) / 1.2815515655446004 * gsl_cdf_ugaussian_Pinv(q));
}

static void
test_each_distribution_matches_its_analytic_form(void)
{
	twc_model *m = open_profile("tests/data/sim.cfg");

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, DIST_DRAWS, 7, 0), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "sim:inputs"), 4, 0);
	check_dist(m, "tri", 700000.0 / 3, sqrt(7e10 / 18), tri_q);
	check_dist(m, "unif", 2e5, 2e5 / sqrt(12), unif_q);
	check_dist(m, "pert", 1300000.0 / 6,
	           sqrt((1300000.0 / 6 - 1e5) * (4e5 - 1300000.0 / 6) / 7),
	           pert_q);
	check_dist(m, "logn", 210264.6, 68205.5, logn_q);
	/* Every draw of a uniform lies in its range. */
	CU_ASSERT_TRUE(r(m, "unif", "sim:net_yen:min") >= 1e5);
	CU_ASSERT_TRUE(r(m, "unif", "sim:net_yen:max") <= 3e5);
	twc_close(m);
}

/* low = mode = high: no randomness, and the simulation gives the estimate
 * exactly, in every statistic. */
static void
test_degenerate_distribution_reproduces_the_estimate(void)
{
	twc_model *m = open_profile("tests/data/sim.cfg");
	static const char *const stats[] = {"mean", "p5",  "p10", "p50",
	                                    "p90",  "p95", "min", "max"};
	char f[48];
	size_t i;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 3000, 1, 1), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "fixed", "net_yen"), 250000, 0);
	for (i = 0; i < 8; i++) {
		snprintf(f, sizeof f, "sim:net_yen:%s", stats[i]);
		CU_ASSERT_DOUBLE_EQUAL(r(m, "fixed", f), 250000, 0);
	}
	twc_close(m);
}

/* With every price at its base, each plan's linear form gives the
 * estimate's net cost to the yen, for every bundled scenario. */
static void
test_linear_form_is_exact_at_base(void)
{
	static const char *const files[] = {
	    "profiles/default.cfg",
	    "profiles/entities/village-45.cfg",
	    "profiles/entities/city-220.cfg",
	    "profiles/entities/city-1200.cfg",
	    "profiles/entities/prefecture-2400.cfg",
	    "tests/data/model.cfg"};
	size_t f;
	int i, k;

	for (f = 0; f < sizeof files / sizeof *files; f++) {
		twc_model *m = open_profile(files[f]);
		sim_input *in = NULL;
		int n = 0, *map;
		double *x;
		linear lin;
		twc_error e;
		CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 10, 1, 1), TWC_OK);
		CU_ASSERT_EQUAL_FATAL(sim_inputs(m->p, 0, &in, &n, &e), TWC_OK);
		map = malloc(sizeof *map * (size_t)(m->p->cat.n_items + 1));
		x = malloc(sizeof *x * (size_t)(n + 1));
		for (i = 0; i < m->p->cat.n_items; i++)
			map[i] = -1;
		for (k = 0; k < n; k++) {
			map[in[k].index] = k;
			x[k] = in[k].d.base;
		}
		CU_ASSERT_EQUAL_FATAL(
		    linear_build(m->p, &m->r, map, n, &lin, &e), TWC_OK);
		for (i = 0; i < m->r.n_plans; i++)
			CU_ASSERT_EQUAL(llround(linear_net(&lin, i, x)),
			                m->r.plans[i].net);
		for (i = 0; i < m->r.n_plans; i++)
			for (k = 0; k < m->r.n_years; k++) {
				const year_result *y = &m->r.plans[i].years[k];
				long long request = y->cost - y->staff_time;
				double cost, real;
				linear_year_figures(&lin, i, k, x, &cost,
				                    &real);
				CU_ASSERT_EQUAL(llround(cost), request);
				CU_ASSERT_EQUAL(llround(real),
				                request - y->funding_total -
				                    y->grant);
			}
		linear_free(&lin);
		free(x);
		free(map);
		free(in);
		twc_close(m);
	}
}

/* The fast grant (in doubles) equals the exact integer rule for amounts
 * on and around every half-thousand boundary and for random amounts up to
 * ten trillion yen. */
static void
test_fast_grant_equals_the_exact_rule(void)
{
	twc_model *m = open_profile("profiles/default.cfg");
	static const int ms[] = {100, 83, 67, 50, 20, 73};
	linear lin = {0};
	unsigned long long s = 12345;
	size_t k;
	long i;

	CU_ASSERT_EQUAL_FATAL(twc_count(m, NULL, "plans"), 6);
	lin.applies = 1;
	lin.rule = &m->p->grant;
	lin.unit = 1000;
	for (k = 0; k < sizeof ms / sizeof *ms; k++) {
		lin.m100 = ms[k];
		lin.factor = 0.5 * ms[k] / 100.0 / 1000.0;
		for (i = 0; i < 200000; i++) {
			long long yen;
			s = s * 6364136223846793005ULL + 1442695040888963407ULL;
			yen = (long long)(s >> 20) % 10000000000000LL;
			if (i % 2) /* near a half unit: a x 0.5 x m = 500 k */
				yen = (long long)((s >> 33) % 100000) * 100000 /
				          ms[k] +
				      (i % 5) - 2;
			if (yen < 0)
				yen = 0;
			if (linear_grant(&lin, (double)yen) !=
			    (double)grant_amount(lin.rule, yen, lin.m100)) {
				fprintf(stderr, "\n  %lld at m %d\n", yen,
				        ms[k]);
				CU_FAIL("fast grant differs");
				break;
			}
		}
	}
	twc_close(m);
}

/* The simulation's compiled sums (composites, passes of eight terms,
 * other funding deducted, the grant over a chunk) give linear_net's net
 * cost for every draw, to the rounding of a different order of addition:
 * with other funding, phased enrolment and a mid-year go-live too. */
static void
test_each_draw_is_the_linear_form(void)
{
	static const char *const setup[][2] = {
	    {NULL, NULL},
	    {"funding", "prefectural:R7:1000000;bond:R8:40%"},
	    {"rollout", "R7=0.3,R8=0.7,R9=1"},
	    {"go_live", "2025-12-01"}};
	twc_model *m = open_profile("profiles/default.cfg");
	size_t k;

	for (k = 0; k < sizeof setup / sizeof *setup; k++) {
		sim_input *in = NULL;
		int n = 0, i, *map;
		linear lin;
		twc_error e;
		checked c = {0};
		sim_observer obs = {check_draws, &c};
		if (setup[k][0] != NULL)
			CU_ASSERT_EQUAL_FATAL(
			    twc_set_text(m, setup[k][0], setup[k][1]), TWC_OK);
		c.n_plans = twc_count(m, NULL, "plans");
		CU_ASSERT_FATAL(c.n_plans > 0);
		CU_ASSERT_EQUAL_FATAL(sim_inputs(m->p, 0, &in, &n, &e), TWC_OK);
		map = malloc(sizeof *map * (size_t)(m->p->cat.n_items + 1));
		for (i = 0; i < m->p->cat.n_items; i++)
			map[i] = -1;
		for (i = 0; i < n; i++)
			map[in[i].index] = i;
		CU_ASSERT_EQUAL_FATAL(
		    linear_build(m->p, &m->r, map, n, &lin, &e), TWC_OK);
		c.lin = &lin;
		c.n_inputs = n;
		sim_free(&m->sim);
		CU_ASSERT_EQUAL(sim_run(m->p, &m->sc, &m->r, m->fixed, NULL,
		                        3000, 17, 1, NULL, &obs, &m->sim,
		                        &m->err),
		                TWC_OK);
		CU_ASSERT_EQUAL(c.draws, 3000);
		if (!(c.worst < 1e-12)) {
			fprintf(stderr, "\n  %s: relative difference %g\n",
			        setup[k][0] ? setup[k][0] : "default", c.worst);
			CU_FAIL("a draw differs from linear_net");
		}
		linear_free(&lin);
		free(map);
		free(in);
	}
	twc_close(m);
}

static void
test_same_seed_same_figures_other_seed_others(void)
{
	twc_model *a = open_profile("profiles/default.cfg");
	twc_model *b = open_profile("profiles/default.cfg");

	CU_ASSERT_EQUAL_FATAL(twc_simulate(a, 5000, 99, 1), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(b, 5000, 99, 2), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(r(a, "vdi-own", "sim:net_yen:mean"),
	                       r(b, "vdi-own", "sim:net_yen:mean"), 0);
	CU_ASSERT_DOUBLE_EQUAL(r(a, "jlis-lgwan", "sim:net_yen:p90"),
	                       r(b, "jlis-lgwan", "sim:net_yen:p90"), 0);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(b, 5000, 100, 1), TWC_OK);
	CU_ASSERT_NOT_EQUAL(r(a, "vdi-own", "sim:net_yen:mean"),
	                    r(b, "vdi-own", "sim:net_yen:mean"));
	twc_close(a);
	twc_close(b);
}

/* 1 and 2 threads (and 3): the very same draws, bit for bit, for a draw
 * count that is not a whole number of blocks, and the very same
 * statistics. */
static void
test_threads_do_not_change_the_figures(void)
{
	twc_model *a = open_profile("profiles/default.cfg");
	twc_model *b = open_profile("profiles/default.cfg");
	int threads[] = {2, 3}, t;
	recorded ra, rb;

	CU_ASSERT_EQUAL_FATAL(simulate_recorded(a, 5000, 3, 1, &ra), TWC_OK);
	for (t = 0; t < 2; t++) {
		CU_ASSERT_EQUAL_FATAL(
		    simulate_recorded(b, 5000, 3, threads[t], &rb), TWC_OK);
		CU_ASSERT_EQUAL(b->sim.threads, threads[t]);
		CU_ASSERT_EQUAL(
		    memcmp(ra.net, rb.net,
		           sizeof(double) * 5000 * (size_t)ra.n_plans),
		    0);
		CU_ASSERT_EQUAL(
		    memcmp(a->sim.plans, b->sim.plans,
		           sizeof *a->sim.plans * (size_t)ra.n_plans),
		    0);
		free(rb.net);
	}
	free(ra.net);
	twc_close(a);
	twc_close(b);
}

/* sim_figures net: the net cost's figures and the chances are those of
 * a whole run; total and grant, left out, are made when first read, the
 * same as a whole run's.  Other values are refused. */
static void
test_net_only_figures_are_the_same(void)
{
	static const char *const f[] = {"sim:net_yen:mean",
	                                "sim:net_yen:p10",
	                                "sim:net_yen:p90",
	                                "sim:prob_cheapest_any",
	                                "sim:cdf:37",
	                                "sim:hist:3:count",
	                                "sim:total_yen:mean",
	                                "sim:total_yen:p90",
	                                "sim:grant_yen:p50",
	                                "sim:grant_yen:min",
	                                NULL};
	twc_model *a = open_profile("profiles/default.cfg");
	twc_model *b = open_profile("profiles/default.cfg");
	int i, t;

	CU_ASSERT_EQUAL(twc_set_text(b, "sim_figures", "every"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(b), "sim_figures");
	CU_ASSERT_EQUAL_FATAL(twc_set_text(b, "sim_figures", "net"), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(a, 5000, 11, 1), TWC_OK);
	for (t = 1; t <= 2; t++) {
		CU_ASSERT_EQUAL_FATAL(twc_simulate(b, 5000, 11, t), TWC_OK);
		CU_ASSERT_TRUE(b->sim.totals_pending);
		for (i = 0; f[i] != NULL; i++)
			CU_ASSERT_DOUBLE_EQUAL(r(a, "daas", f[i]),
			                       r(b, "daas", f[i]), 0);
		CU_ASSERT_FALSE(b->sim.totals_pending);
		CU_ASSERT_EQUAL(
		    memcmp(a->sim.plans, b->sim.plans,
		           sizeof *a->sim.plans * (size_t)a->sim.n_plans),
		    0);
	}
	CU_ASSERT_EQUAL_FATAL(twc_set_text(b, "sim_figures", "all"), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(b, 500, 11, 1), TWC_OK);
	CU_ASSERT_FALSE(b->sim.totals_pending);
	twc_close(a);
	twc_close(b);
}

/* Adding an input (here first in the catalogue, so every index moves)
 * leaves the other inputs' draws unchanged. */
static void
test_adding_an_input_leaves_the_others_alone(void)
{
	const char *extra =
	    "    { id = \"z\"; label_ja = \"z\"; label_en = \"z\"; styles = "
	    "[ \"home\" ];\n      segments = [ \"lgwan\" ];\n"
	    "      items = ( { id = \"aaa_new\"; label_ja = \"n\"; label_en = "
	    "\"n\";\n        category = \"facility\"; phase = \"initial\"; "
	    "driver = \"fixed\";\n        price = { low = 1; mode = 2; high = "
	    "9; }; } ); },\n";
	const char *plan = "    { id = \"z\"; label_ja = \"z\"; label_en = "
	                   "\"z\"; home = [ \"z\" ]; },\n";
	char text[16384], path[] = "/tmp/twc_simXXXXXX";
	FILE *f = fopen(src_path("tests/data/sim.cfg"), "r");
	size_t n = fread(text, 1, sizeof text - 1, f);
	char out[20000], *at;
	twc_model *a = open_profile("tests/data/sim.cfg"), *b = NULL;
	recorded ra, rb;
	int fd;

	fclose(f);
	text[n] = '\0';
	at = strstr(text, "options = (\n") + strlen("options = (\n");
	snprintf(out, sizeof out, "%.*s%s", (int)(at - text), text, extra);
	at = strstr(at, "plans = (\n") + strlen("plans = (\n");
	snprintf(out + strlen(out), sizeof out - strlen(out), "%.*s%s%s",
	         (int)(at - (strstr(text, "options = (\n") + 12)),
	         strstr(text, "options = (\n") + 12, plan, at);
	fd = mkstemp(path);
	CU_ASSERT_TRUE_FATAL(fd >= 0);
	CU_ASSERT_EQUAL(write(fd, out, strlen(out)), (ssize_t)strlen(out));
	close(fd);
	CU_ASSERT_EQUAL_FATAL(twc_open(path, &b), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(simulate_recorded(a, 3000, 5, 1, &ra), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(simulate_recorded(b, 3000, 5, 2, &rb), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(r(b, NULL, "sim:inputs"), 5, 0);
	CU_ASSERT_STRING_EQUAL(twc_text(b, NULL, "input:0"), "aaa_new");
	CU_ASSERT_EQUAL(memcmp(ra.net, rb.net + 3000, sizeof(double) * 3000),
	                0); /* plan tri: index 0 in a, 1 in b */
	free(ra.net);
	free(rb.net);
	twc_close(a);
	twc_close(b);
	unlink(path);
}

static void
test_percentiles_are_ordered_and_probabilities_add_up(void)
{
	twc_model *m = open_profile("profiles/default.cfg");
	static const char *const order[] = {"min", "p5",  "p10", "p50",
	                                    "p90", "p95", "max"};
	double sum = 0;
	int p, k;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 20000, 1, 0), TWC_OK);
	for (p = 0; p < 5; p++) {
		const char *id = twc_text(m, NULL,
		                          p == 0   ? "plan:0"
		                          : p == 1 ? "plan:1"
		                          : p == 2 ? "plan:2"
		                          : p == 3 ? "plan:3"
		                                   : "plan:4");
		char f[48], g[48];
		for (k = 0; k + 1 < 7; k++) {
			snprintf(f, sizeof f, "sim:net_yen:%s", order[k]);
			snprintf(g, sizeof g, "sim:net_yen:%s", order[k + 1]);
			CU_ASSERT_TRUE(r(m, id, f) <= r(m, id, g));
		}
		CU_ASSERT_TRUE(r(m, id, "sim:total_yen:p10") <=
		               r(m, id, "sim:total_yen:p90"));
		CU_ASSERT_TRUE(r(m, id, "sim:grant_yen:p10") <=
		               r(m, id, "sim:grant_yen:p90"));
		CU_ASSERT_TRUE(r(m, id, "sim:cdf:0") <= r(m, id, "sim:cdf:50"));
		CU_ASSERT_DOUBLE_EQUAL(r(m, id, "sim:cdf:0"),
		                       r(m, id, "sim:net_yen:min"), 0);
		CU_ASSERT_DOUBLE_EQUAL(r(m, id, "sim:cdf:100"),
		                       r(m, id, "sim:net_yen:max"), 0);
		sum += r(m, id, "sim:prob_cheapest_any");
	}
	CU_ASSERT_DOUBLE_EQUAL(sum, 1.0, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "jlis-lgwan", "sim:prob_below_reference"),
	                       0, 0);
	CU_ASSERT_DOUBLE_EQUAL(twc_progress(m), 1.0, 0);
	twc_close(m);
}

/* Plan tri depends on one input only: its bar swings from the price's P10
 * (154,772.26) to its P90 (322,540.33), and net cost ranks exactly with
 * the price. */
static void
test_tornado_of_a_single_input(void)
{
	twc_model *m = open_profile("tests/data/sim.cfg");

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 4000, 1, 1), TWC_OK);
	CU_ASSERT_EQUAL(twc_count(m, "tri", "tornado"), 1);
	CU_ASSERT_STRING_EQUAL(twc_text(m, "tri", "tornado:0:input"), "tri");
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "tornado:0:low_yen"), 154772, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "tornado:0:high_yen"), 322540, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "tornado:0:swing_yen"), 167768, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "tornado:0:rank_corr"), 1.0, 1e-12);
	CU_ASSERT_EQUAL(twc_count(m, "fixed", "tornado"), 0);
	twc_close(m);
}

static void
test_tornado_is_sorted_by_swing(void)
{
	twc_model *m = open_profile("profiles/default.cfg");
	char f[48], g[48];
	int k, n;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 2000, 1, 0), TWC_OK);
	n = twc_count(m, "vdi-own", "tornado");
	CU_ASSERT_TRUE(n >= 10);
	for (k = 0; k + 1 < n; k++) {
		snprintf(f, sizeof f, "tornado:%d:swing_yen", k);
		snprintf(g, sizeof g, "tornado:%d:swing_yen", k + 1);
		CU_ASSERT_TRUE(r(m, "vdi-own", f) >= r(m, "vdi-own", g));
	}
	twc_close(m);
}

/* An uncertain share: users = round(100 x share), share triangular
 * 0.10/0.20/0.30 (mean 0.20, sd sqrt(0.03/18) = 0.0408): net mean 1,000 x
 * 20 = 20,000 within 5 x 40.8 x 1,000 / sqrt(20,000) = 144, plus 10 for
 * rounding to whole people. */
static void
test_uncertain_share_and_fixing_it(void)
{
	twc_model *m = open_profile("tests/data/sim-share.cfg");

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 20000, 1, 0), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "sim:quantities_vary"), 1, 0);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "input:0"), "home_share");
	CU_ASSERT_DOUBLE_EQUAL(r(m, "p", "sim:net_yen:mean"), 20000, 154);
	CU_ASSERT_TRUE(r(m, "p", "sim:net_yen:min") >= 10000);
	CU_ASSERT_TRUE(r(m, "p", "sim:net_yen:max") <= 30000);
	/* Setting the share by hand fixes it: no input left. */
	CU_ASSERT_EQUAL(twc_set(m, "home", 0.25), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 100, 1, 0), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "sim:inputs"), 0, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "p", "sim:net_yen:p50"), 25000, 0);
	twc_close(m);
}

/* Every simulation result but the tornado is made by twc_simulate:
 * reading them all, for every plan, allocates nothing (issue 7).  The
 * tornado is made on first read, as twcost.h says. */
static void
test_reading_results_allocates_nothing(void)
{
	static const char *const stats[] = {"mean", "p5",  "p10", "p50",
	                                    "p90",  "p95", "min", "max"};
	static const char *const what[] = {"net_yen", "total_yen", "grant_yen"};
	static const char *const run[] = {"draws", "seed", "threads", "inputs",
	                                  "quantities_vary"};
	static const char *const in[] = {"id",  "kind", "dist", "base", "mean",
	                                 "p10", "p90",  "low",  "high"};
	twc_model *m = open_profile("profiles/default.cfg");
	char f[64];
	double sum = 0;
	int p, i, k, n_in, n_plans;
	size_t w;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 3000, 11, 2), TWC_OK);
	n_in = twc_count(m, NULL, "inputs");
	n_plans = twc_count(m, NULL, "plans");
	atomic_store(&counting, 1);
	atomic_store(&allocations, 0);
	for (p = 0; p < n_plans; p++) {
		const char *id = m->p->cat.plans[p].id;
		for (w = 0; w < 3; w++)
			for (i = 0; i < 8; i++) {
				snprintf(f, sizeof f, "sim:%s:%s", what[w],
				         stats[i]);
				sum += r(m, id, f);
			}
		for (k = 0; k <= 100; k++) {
			snprintf(f, sizeof f, "sim:cdf:%d", k);
			sum += r(m, id, f);
		}
		for (k = 0; k < twc_count(m, id, "hist"); k++) {
			snprintf(f, sizeof f, "sim:hist:%d:count", k);
			sum += r(m, id, f);
			snprintf(f, sizeof f, "sim:hist:%d:from_yen", k);
			sum += r(m, id, f);
			snprintf(f, sizeof f, "sim:hist:%d:to_yen", k);
			sum += r(m, id, f);
		}
		sum += r(m, id, "sim:prob_cheapest_any");
		if (m->sim.plans[p].excluded == SIM_RANKED)
			sum += r(m, id, "sim:prob_cheapest");
		sum += r(m, id, "sim:prob_below_reference");
	}
	for (i = 0; i < 5; i++) {
		snprintf(f, sizeof f, "sim:%s", run[i]);
		sum += r(m, NULL, f);
	}
	for (k = 0; k < n_in; k++)
		for (i = 0; i < 9; i++) {
			snprintf(f, sizeof f, "input:%d:%s", k, in[i]);
			if (i < 3)
				sum += twc_text(m, NULL, f) != NULL;
			else
				sum += r(m, NULL, f);
		}
	atomic_store(&counting, 0);
	CU_ASSERT_FALSE(isnan(sum));
	CU_ASSERT_EQUAL(atomic_load(&allocations), 0);
	/* The tornado is drawn again and ranked on first need. */
	atomic_store(&counting, 1);
	CU_ASSERT_TRUE(twc_count(m, "vdi-own", "tornado") > 0);
	atomic_store(&counting, 0);
	CU_ASSERT_TRUE(atomic_load(&allocations) > 0);
	twc_close(m);
}

static void
test_bad_simulation_arguments(void)
{
	twc_model *m = open_profile("profiles/default.cfg");

	CU_ASSERT_TRUE(isnan(r(m, "vdi-own", "sim:net_yen:mean")));
	ASSERT_CONTAINS(twc_last_error(m), "no simulation has run");
	CU_ASSERT_EQUAL(twc_count(m, NULL, "inputs"), TWC_ESTATE);
	CU_ASSERT_EQUAL(twc_simulate(m, 0, 1, 1), TWC_ERANGE);
	ASSERT_CONTAINS(twc_last_error(m),
	                "draws: 0 is out of range (1 to 1000000)");
	CU_ASSERT_EQUAL(twc_simulate(m, -5, 1, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 1000001, 1, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 10, -1, 1), TWC_ERANGE);
	ASSERT_CONTAINS(twc_last_error(m), "seed");
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1.5, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 10, NAN, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1e300, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1, -1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1, 65), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(NULL, 10, 1, 1), TWC_EINVAL);
	CU_ASSERT_TRUE(isnan(twc_progress(NULL)));
	/* A change of input forgets the simulation. */
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1, 1), TWC_OK);
	CU_ASSERT_FALSE(isnan(r(m, "vdi-own", "sim:net_yen:mean")));
	CU_ASSERT_EQUAL(twc_set(m, "staff", 81), TWC_OK);
	CU_ASSERT_TRUE(isnan(r(m, "vdi-own", "sim:net_yen:mean")));
	CU_ASSERT_TRUE(isnan(r(m, "vdi-own", "sim:cdf:101")));
	twc_close(m);
}

/* ---- break-even on tests/data/breakeven.cfg --------------------------------
 * A - B = 1,010,000 - 20,000 x users (one year, users = staff): A dearer
 * up to 50 users (1,510,000 against 1,500,000), B from 51 (1,520,000
 * against 1,530,000). */
static void
test_breakeven_over_staff(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "A", "B", "staff", 1, 1000), 51,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:found"), 1, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below"), 50, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below_net_a_yen"), 1510000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below_net_b_yen"), 1500000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above"), 51, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_a_yen"), 1520000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_b_yen"), 1530000,
	                       0);
	/* The other way round, the same point. */
	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "B", "A", "staff", 2, 99), 51,
	                       0);
	twc_close(m);
}

/* Ten staff (10 users): A = 1,010,000 + 100,000 y, B = 300,000 y; y = 5:
 * 1,510,000 against 1,500,000; y = 6: 1,610,000 against 1,800,000. */
static void
test_breakeven_over_years(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	CU_ASSERT_EQUAL(twc_set(m, "staff", 10), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "A", "B", "years", 1, 30), 6,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below_net_a_yen"), 1510000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_b_yen"), 1800000,
	                       0);
	twc_close(m);
}

/* 200 staff: users = round(200 s); A dearer while users <= 50, so the
 * crossing is where enrolment reaches 51: s = (51 - 0.5) / 200 = 0.2525;
 * one person fewer is 50 / 200 = 0.25. */
static void
test_breakeven_over_home_share(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	CU_ASSERT_EQUAL(twc_set(m, "staff", 200), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "A", "B", "home", 0, 1), 0.2525,
	                       1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below"), 0.25, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below_net_a_yen"), 1510000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_a_yen"), 1520000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_b_yen"), 1530000,
	                       0);
	twc_close(m);
}

/* 1 to 40 staff: A is dearer throughout (1,020,000 against 30,000 at 1;
 * 1,410,000 against 1,200,000 at 40). */
static void
test_breakeven_none_in_range(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "staff", 1, 40)));
	CU_ASSERT_STRING_EQUAL(twc_last_error(m), "");
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:found"), 0, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below"), 1, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below_net_a_yen"), 1020000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below_net_b_yen"), 30000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above"), 40, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_a_yen"), 1410000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:above_net_b_yen"), 1200000,
	                       0);
	twc_close(m);
}

/* A year's request over the draws, sim:year:N:cost:K: in sim.cfg each
 * plan's one year costs one draw of one price, a facility the grant does
 * not cover, so 事業費, 実質負担額 and net cost are the same draws -
 * the same figures to the yen - and the triangular (100,000, 200,000,
 * 400,000) has its median at 400,000 - sqrt(0.5 x 300,000 x 200,000) =
 * 226,795 yen; the degenerate price is the estimate at every percentile. */
static void
test_year_figures_over_the_draws(void)
{
	twc_model *m = open_profile("tests/data/sim.cfg");
	static const int pct[] = {0, 10, 50, 80, 90, 100};
	char f[64], g[64];
	size_t i;
	/* the median's standard error: sqrt(0.25 / n) / f(median), f the
	 * density there, 2 (400,000 - m) / (300,000 x 200,000) */
	double fm = 2 * (400000 - 226795.0) / (300000.0 * 200000.0);
	double se = sqrt(0.25 / 20000) / fm;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 20000, 5, 1), TWC_OK);
	for (i = 0; i < sizeof pct / sizeof *pct; i++) {
		snprintf(f, sizeof f, "sim:year:0:cost:%d", pct[i]);
		snprintf(g, sizeof g, "sim:cdf:%d", pct[i]);
		CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", f), r(m, "tri", g), 0);
		CU_ASSERT_DOUBLE_EQUAL(r(m, "fixed", f), 250000, 0);
		snprintf(f, sizeof f, "sim:year:0:real_burden:%d", pct[i]);
		CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", f), r(m, "tri", g), 0);
		CU_ASSERT_DOUBLE_EQUAL(r(m, "fixed", f), 250000, 0);
	}
	CU_ASSERT_DOUBLE_EQUAL(r(m, "fixed", "year:0:request_cost_yen"), 250000,
	                       0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "sim:year:0:cost:50"), 226795,
	                       Z_TOL * se);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "sim:year:0:cost_mean_yen"),
	                       r(m, "tri", "sim:net_yen:mean"), 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, "tri", "sim:year:0:fy"), 2025, 0);
	CU_ASSERT_TRUE(isnan(r(m, "tri", "sim:year:1:cost:50")));
	CU_ASSERT_TRUE(isnan(r(m, "tri", "sim:year:0:cost:101")));
	twc_close(m);
}

/* The years of the default scenario, and of one whose share is
 * uncertain (each draw recomputes quantities): ordered percentiles, the
 * estimate inside the draws' range, and the same figures whatever the
 * threads. */
static void
check_year_figures(const char *file)
{
	twc_model *a = open_profile(file);
	twc_model *b = open_profile(file);
	char f[64];
	int p, k, n_plans, n_years;
	static const char *const q[] = {"cost", "real_burden"};
	size_t w;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(a, 3000, 9, 1), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(b, 3000, 9, 2), TWC_OK);
	n_plans = twc_count(a, NULL, "plans");
	n_years = twc_count(a, NULL, "years");
	for (p = 0; p < n_plans; p++) {
		const char *id = a->p->cat.plans[p].id;
		for (k = 0; k < n_years; k++)
			for (w = 0; w < 2; w++) {
				double lo, p50, p80, hi, est;
				snprintf(f, sizeof f, "sim:year:%d:%s:0", k,
				         q[w]);
				lo = r(a, id, f);
				snprintf(f, sizeof f, "sim:year:%d:%s:50", k,
				         q[w]);
				p50 = r(a, id, f);
				CU_ASSERT_DOUBLE_EQUAL(p50, r(b, id, f), 0);
				snprintf(f, sizeof f, "sim:year:%d:%s:80", k,
				         q[w]);
				p80 = r(a, id, f);
				CU_ASSERT_DOUBLE_EQUAL(p80, r(b, id, f), 0);
				snprintf(f, sizeof f, "sim:year:%d:%s:100", k,
				         q[w]);
				hi = r(a, id, f);
				snprintf(f, sizeof f, "year:%d:%s_yen", k,
				         w == 0 ? "request_cost"
				                : "real_burden");
				est = r(a, id, f);
				CU_ASSERT_TRUE(lo <= p50 && p50 <= p80 &&
				               p80 <= hi);
				CU_ASSERT_TRUE(lo <= est && est <= hi);
			}
	}
	twc_close(a);
	twc_close(b);
}

static void
test_year_figures_of_the_default_scenario(void)
{
	check_year_figures("profiles/default.cfg");
	check_year_figures("tests/data/sim-share.cfg");
}

static void
test_breakeven_bad_arguments(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	CU_ASSERT_TRUE(isnan(r(m, NULL, "breakeven:value")));
	ASSERT_CONTAINS(twc_last_error(m), "no break-even search");
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "staf", 1, 40)));
	ASSERT_CONTAINS(twc_last_error(m), "not staff, home or years");
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "C", "staff", 1, 40)));
	ASSERT_CONTAINS(twc_last_error(m), "unknown plan 'C'");
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "staff", 40, 1)));
	ASSERT_CONTAINS(twc_last_error(m), "low < high");
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "years", 1, 31)));
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "staff", NAN, 40)));
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "home", 0, 1.5)));
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, NULL, "B", "staff", 1, 4)));
	CU_ASSERT_TRUE(isnan(twc_breakeven(NULL, "A", "B", "staff", 1, 4)));
	twc_close(m);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"each_distribution_matches_its_analytic_form",
	     test_each_distribution_matches_its_analytic_form},
	    {"degenerate_distribution_reproduces_the_estimate",
	     test_degenerate_distribution_reproduces_the_estimate},
	    {"linear_form_is_exact_at_base", test_linear_form_is_exact_at_base},
	    {"fast_grant_equals_the_exact_rule",
	     test_fast_grant_equals_the_exact_rule},
	    {"each_draw_is_the_linear_form", test_each_draw_is_the_linear_form},
	    {"same_seed_same_figures_other_seed_others",
	     test_same_seed_same_figures_other_seed_others},
	    {"threads_do_not_change_the_figures",
	     test_threads_do_not_change_the_figures},
	    {"net_only_figures_are_the_same",
	     test_net_only_figures_are_the_same},
	    {"adding_an_input_leaves_the_others_alone",
	     test_adding_an_input_leaves_the_others_alone},
	    {"percentiles_are_ordered_and_probabilities_add_up",
	     test_percentiles_are_ordered_and_probabilities_add_up},
	    {"tornado_of_a_single_input", test_tornado_of_a_single_input},
	    {"tornado_is_sorted_by_swing", test_tornado_is_sorted_by_swing},
	    {"uncertain_share_and_fixing_it",
	     test_uncertain_share_and_fixing_it},
	    {"reading_results_allocates_nothing",
	     test_reading_results_allocates_nothing},
	    {"bad_simulation_arguments", test_bad_simulation_arguments},
	    {"breakeven_over_staff", test_breakeven_over_staff},
	    {"breakeven_over_years", test_breakeven_over_years},
	    {"breakeven_over_home_share", test_breakeven_over_home_share},
	    {"breakeven_none_in_range", test_breakeven_none_in_range},
	    {"breakeven_bad_arguments", test_breakeven_bad_arguments},
	    {"year_figures_over_the_draws", test_year_figures_over_the_draws},
	    {"year_figures_of_the_default_scenario",
	     test_year_figures_of_the_default_scenario},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("sim", tests);
}
