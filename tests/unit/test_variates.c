/* test_variates.c - the simulation's parts on their own: the generator,
 * each inverse CDF against GSL or the textbook formula, and the
 * statistics gathered from counts against the exact ones of the same
 * numbers.  Tolerances are five standard errors where a figure is random,
 * and the stated accuracy where it is not. */
#include <config.h>

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <stdint.h>

#include "handle.h"
#include "harness.h"
#include "linear.h"
#include "simstat.h"
#include "variates.h"

#define Z_TOL 5.0

/* ---- the generator ------------------------------------------------------- */

/* A million uniforms from 100 blocks: every one inside (0, 1); mean,
 * variance and the correlation of neighbours (lane j with lane j + 1,
 * and step i with step i + 1 of a lane) within five standard errors of
 * 1/2, 1/12 and 0. */
static void
test_uniforms_are_uniform_and_independent(void)
{
	enum { BLOCKS = 100, PER = 10240 };
	double *u = malloc(sizeof *u * PER), sum = 0, sq = 0, lag1 = 0,
	       lag8 = 0;
	long n = 0, b, i;
	rng_lanes g;

	CU_ASSERT_PTR_NOT_NULL_FATAL(u);
	for (b = 0; b < BLOCKS; b++) {
		variate_seed(&g, variate_key(variate_mix(7), 12345, b));
		variate_uniforms(&g, u, PER);
		for (i = 0; i < PER; i++) {
			CU_ASSERT_TRUE(u[i] > 0 && u[i] < 1);
			sum += u[i];
			sq += (u[i] - 0.5) * (u[i] - 0.5);
			if (i > 0)
				lag1 += (u[i] - 0.5) * (u[i - 1] - 0.5);
			if (i >= VARIATE_LANES)
				lag8 +=
				    (u[i] - 0.5) * (u[i - VARIATE_LANES] - 0.5);
		}
		n += PER;
	}
	/* sd of u: 1/sqrt(12); of (u - 1/2)^2: sqrt(1/80 - 1/144); of a
	 * product of two independent (u - 1/2): 1/12 */
	CU_ASSERT_DOUBLE_EQUAL(sum / n, 0.5, Z_TOL / sqrt(12.0 * n));
	CU_ASSERT_DOUBLE_EQUAL(sq / n, 1.0 / 12,
	                       Z_TOL * sqrt(1.0 / 80 - 1.0 / 144) / sqrt(n));
	CU_ASSERT_DOUBLE_EQUAL(lag1 / n, 0, Z_TOL / 12 / sqrt(n));
	CU_ASSERT_DOUBLE_EQUAL(lag8 / n, 0, Z_TOL / 12 / sqrt(n));
	free(u);
}

/* The same key gives the same numbers; blocks and streams differ. */
static void
test_blocks_and_streams_are_reproducible_and_distinct(void)
{
	double a[64], b[64], c[64], d[64];
	rng_lanes g;

	variate_seed(&g, variate_key(variate_mix(1), 99, 3));
	variate_uniforms(&g, a, 64);
	variate_seed(&g, variate_key(variate_mix(1), 99, 3));
	variate_uniforms(&g, b, 64);
	variate_seed(&g, variate_key(variate_mix(1), 99, 4));
	variate_uniforms(&g, c, 64);
	variate_seed(&g, variate_key(variate_mix(1), 98, 3));
	variate_uniforms(&g, d, 64);
	CU_ASSERT_EQUAL(memcmp(a, b, sizeof a), 0);
	CU_ASSERT_NOT_EQUAL(memcmp(a, c, sizeof a), 0);
	CU_ASSERT_NOT_EQUAL(memcmp(a, d, sizeof a), 0);
}

/* ---- the inverse CDFs ---------------------------------------------------- */

/* The branch-free triangular is the inverse with a branch, to the bit,
 * at 100,001 points and on both sides of the mode (the products w (mode -
 * lo) and w (hi - mode) made once, as both forms do). */
static void
test_triangular_is_the_textbook_inverse(void)
{
	const dist d = {DIST_TRIANGULAR, 200000, 100000, 400000};
	const double w = 300000, f = 1.0 / 3, wa = w * 1e5, wb = w * 2e5;
	variate v;
	twc_error e;
	int i, wrong = 0;

	CU_ASSERT_EQUAL_FATAL(variate_init(&v, &d, &e), TWC_OK);
	for (i = 0; i <= 100001; i++) {
		double u = i == 100001 ? nextafter(f, 0) : (i + 0.5) / 100001;
		double x =
		    u < f ? 1e5 + sqrt(u * wa) : 4e5 - sqrt((1 - u) * wb);
		wrong += variate_at(&v, u) != x;
	}
	CU_ASSERT_EQUAL(wrong, 0);
	variate_free(&v);
}

/* The PERT table against GSL's beta inverse, for modes from an end to
 * the middle, as variates.h states: within 5e-6 of the range between P1
 * and P99, 3e-4 between P0.1 and P99.9, 0.08 in the outermost 1/4096;
 * its mean within 1e-6 of the range of the beta's. */
static void
test_pert_table_follows_the_beta(void)
{
	static const double modes[] = {0, 0.1, 1.0 / 3, 0.5, 0.9, 1};
	size_t m;
	int i;

	for (m = 0; m < sizeof modes / sizeof *modes; m++) {
		const dist d = {DIST_PERT, modes[m], 0, 1};
		double a, b, worst = 0, outer = 0, tail = 0, mean = 0;
		variate v;
		twc_error e;
		CU_ASSERT_EQUAL_FATAL(variate_init(&v, &d, &e), TWC_OK);
		dist_pert_shape(&d, &a, &b);
		for (i = 1; i < 100000; i++) {
			double u = i / 100000.0;
			double err = fabs(variate_at(&v, u) -
			                  gsl_cdf_beta_Pinv(u, a, b));
			if (u >= 0.01 && u <= 0.99)
				worst = fmax(worst, err);
			if (u >= 0.001 && u <= 0.999)
				outer = fmax(outer, err);
			tail = fmax(tail, err);
		}
		for (i = 0; i < 1000000; i++)
			mean += variate_at(&v, (i + 0.5) / 1000000);
		CU_ASSERT_TRUE(worst < 5e-6);
		CU_ASSERT_TRUE(outer < 3e-4);
		CU_ASSERT_TRUE(tail < 0.08);
		CU_ASSERT_DOUBLE_EQUAL(mean / 1000000, a / (a + b), 1e-6);
		variate_free(&v);
	}
}

/* The lognormal's normal quantile (AS 241, every branch computed) against
 * GSL's, from 2^-53 to 1 - 2^-53: the same to a few ulps. */
static void
test_lognormal_quantile_matches_gsl(void)
{
	const dist d = {DIST_LOGNORMAL, 200000, 0, 300000};
	const double sigma = log(1.5) / Z90;
	double worst = 0;
	variate v;
	twc_error e;
	int i;

	CU_ASSERT_EQUAL_FATAL(variate_init(&v, &d, &e), TWC_OK);
	for (i = 0; i <= 200000; i++) {
		double u = i == 0        ? 0x1p-53
		           : i == 200000 ? 1 - 0x1p-53
		                         : i / 200000.0;
		double x = 2e5 * exp(sigma * gsl_cdf_ugaussian_Pinv(u));
		worst = fmax(worst, fabs(variate_at(&v, u) / x - 1));
	}
	CU_ASSERT_TRUE(worst < 1e-14);
	variate_free(&v);
}

/* ---- the grant over a chunk ---------------------------------------------- */

/* linear_grant_chunk equals the exact rule for amounts on and around
 * every half-thousand boundary and for random amounts up to ten
 * trillion yen, on the fast path and on the exact one. */
static void
test_grant_chunk_equals_the_exact_rule(void)
{
	twc_model *m = open_profile("profiles/default.cfg");
	static const int ms[] = {100, 83, 67, 50, 20, 73};
	double el[LINEAR_CHUNK], gr[LINEAR_CHUNK];
	int32_t flag[LINEAR_CHUNK];
	long long yen[LINEAR_CHUNK];
	unsigned long long s = 777;
	linear lin = {0};
	size_t k;
	int c, i, wrong = 0;

	CU_ASSERT_FATAL(twc_count(m, NULL, "plans") > 0);
	lin.applies = 1;
	lin.rule = &m->p->grant;
	lin.unit = 1000;
	for (k = 0; k < 2 * sizeof ms / sizeof *ms; k++) {
		int mm = ms[k % 6];
		lin.m100 = mm;
		lin.factor = 0.5 * mm / 100.0 / 1000.0;
		lin.exact = k >= 6;
		for (c = 0; c < 200; c++) {
			for (i = 0; i < LINEAR_CHUNK; i++) {
				s = s * 6364136223846793005ULL +
				    1442695040888963407ULL;
				yen[i] =
				    (long long)(s >> 20) % 10000000000000LL;
				if (i % 2)
					yen[i] =
					    (long long)((s >> 33) % 100000) *
					        100000 / mm +
					    (i % 5) - 2;
				yen[i] = yen[i] < 0 ? 0 : yen[i];
				el[i] = (double)yen[i];
				gr[i] = 1000; /* added to */
			}
			linear_grant_chunk(&lin, el, gr, flag);
			for (i = 0; i < LINEAR_CHUNK; i++)
				wrong +=
				    gr[i] - 1000 !=
				    (double)grant_amount(lin.rule, yen[i], mm);
		}
	}
	CU_ASSERT_EQUAL(wrong, 0);
	twc_close(m);
}

/* ---- statistics from counts ---------------------------------------------- */

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The exact value at probability q of sorted v (GSL's convention). */
static double
exact_quantile(const double *v, long n, double q)
{
	double h = (double)(n - 1) * q, f = floor(h);
	long i = (long)f;

	return i + 1 < n ? v[i] + (h - f) * (v[i + 1] - v[i]) : v[n - 1];
}

/* The width of the bin of the stat that holds x: the range's bin width
 * inside it, else the gap from its end to the extreme draw. */
static double
bin_width_at(const stat_range *r, const stat_acc *a, double x)
{
	double hi = r->lo + STAT_BINS * r->width;

	if (x < r->lo)
		return r->lo - a->min;
	if (x >= hi)
		return a->max - hi;
	return r->width;
}

/* n draws of one of five shapes: a sum of twelve uniforms (near normal),
 * a uniform, whole thousands (as grants are), a constant with rare
 * outliers far beyond the first draws' span, and a lognormal. */
static double
sample(int shape, unsigned long long *s)
{
	double u[12], x = 0;
	int i;

	for (i = 0; i < 12; i++) {
		*s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
		u[i] = ((double)(*s >> 11) + 0.5) * 0x1p-53;
	}
	switch (shape) {
	case 0:
		for (i = 0; i < 12; i++)
			x += u[i];
		return 1e7 + 1e6 * (x - 6);
	case 1: return 5e6 + 2e6 * u[0];
	case 2: return 1000 * floor(2000 + 400 * (u[0] + u[1] + u[2]));
	case 3: return u[0] < 0.002 ? 9e6 + 1e6 * u[1] : 250000;
	}
	return 2e5 * exp(0.3 * gsl_cdf_ugaussian_Pinv(u[0]));
}

/* Each percentile from the counts lies within one bin width of the exact
 * one of the same numbers; the mean, least and greatest are exact (to
 * rounding); each coarse bin counts exactly the draws between its
 * edges; counts added in two halves equal the counts of the whole. */
static void
test_statistics_from_counts(void)
{
	enum { N = 50001 };
	double *v = malloc(sizeof *v * N), *sorted = malloc(sizeof *v * N);
	int32_t *scratch = malloc(sizeof *scratch * N);
	stat_acc *a = malloc(sizeof *a), *h1 = malloc(sizeof *h1),
	         *h2 = malloc(sizeof *h2);
	unsigned long long s = 2024;
	int shape, i, k;

	CU_ASSERT_FATAL(v && sorted && scratch && a && h1 && h2);
	for (shape = 0; shape < 5; shape++) {
		double q[STAT_CDF], est[STAT_CDF], edge[STAT_HIST + 1], sum = 0;
		long count[STAT_HIST];
		stat_range r;
		stat_summary sm;
		for (i = 0; i < N; i++)
			sum += v[i] = sorted[i] = sample(shape, &s);
		qsort(sorted, N, sizeof *sorted, cmp_double);
		stat_range_of(v, STAT_PILOT, &r);
		stat_init(a);
		stat_init(h1);
		stat_init(h2);
		stat_add(a, &r, v, N, scratch);
		stat_add(h1, &r, v, 20000, scratch);
		stat_add(h2, &r, v + 20000, N - 20000, scratch);
		stat_merge(h1, h2);
		CU_ASSERT_EQUAL(memcmp(a->count, h1->count, sizeof a->count),
		                0);
		stat_summarise(a, &r, N, &sm);
		CU_ASSERT_DOUBLE_EQUAL(sm.mean, sum / N, 1e-9 * fabs(sum / N));
		CU_ASSERT_DOUBLE_EQUAL(sm.min, sorted[0], 0);
		CU_ASSERT_DOUBLE_EQUAL(sm.max, sorted[N - 1], 0);
		for (k = 0; k < STAT_CDF; k++)
			q[k] = k / 100.0;
		stat_quantiles(a, &r, N, q, STAT_CDF, est);
		for (k = 0; k < STAT_CDF; k++) {
			double x = exact_quantile(sorted, N, q[k]);
			double tol = bin_width_at(&r, a, x);
			if (!(fabs(est[k] - x) <= tol)) {
				fprintf(stderr,
				        "\n  shape %d q %.2f: %.3f, exact "
				        "%.3f, bin %.3f\n",
				        shape, q[k], est[k], x, tol);
				CU_FAIL("percentile outside its bin");
			}
		}
		stat_histogram(a, &r, N, edge, count);
		CU_ASSERT_DOUBLE_EQUAL(edge[0], sorted[0], 0);
		CU_ASSERT_DOUBLE_EQUAL(edge[STAT_HIST], sorted[N - 1], 0);
		for (k = 0; k < STAT_HIST; k++) {
			long c = 0;
			for (i = 0; i < N; i++)
				c += v[i] >= edge[k] && (v[i] < edge[k + 1] ||
				                         (k == STAT_HIST - 1 &&
				                          v[i] <= edge[k + 1]));
			CU_ASSERT_EQUAL(count[k], c);
		}
	}
	free(v);
	free(sorted);
	free(scratch);
	free(a);
	free(h1);
	free(h2);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"uniforms_are_uniform_and_independent",
	     test_uniforms_are_uniform_and_independent},
	    {"blocks_and_streams_are_reproducible_and_distinct",
	     test_blocks_and_streams_are_reproducible_and_distinct},
	    {"triangular_is_the_textbook_inverse",
	     test_triangular_is_the_textbook_inverse},
	    {"pert_table_follows_the_beta", test_pert_table_follows_the_beta},
	    {"lognormal_quantile_matches_gsl",
	     test_lognormal_quantile_matches_gsl},
	    {"grant_chunk_equals_the_exact_rule",
	     test_grant_chunk_equals_the_exact_rule},
	    {"statistics_from_counts", test_statistics_from_counts},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("variates", tests);
}
