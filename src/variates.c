/* variates.c - the simulation's generator and inverse CDFs. */
#include <config.h>

#include "variates.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_sf_gamma.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernel.h"

/* SplitMix64's increment: 2^64 / phi. */
#define GOLDEN 0x9E3779B97F4A7C15ULL

/* Points of the beta CDF from which a PERT table is made. */
#define CDF_POINTS 1024

/* Bisection steps that place a table entry within its CDF interval:
 * 1/CDF_POINTS / 2^40, below double precision on [0, 1]. */
#define TABLE_BISECTIONS 40

uint64_t
variate_mix(uint64_t x)
{
	x += GOLDEN;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

uint64_t
variate_key(uint64_t seed_key, uint64_t stream, long block)
{
	return variate_mix(variate_mix(seed_key ^ stream) ^ (uint64_t)block);
}

/* Word k (from 1) of SplitMix64 started at key: counter-based, so the
 * loop below has no chain between its iterations.  (The kernels are
 * static, their callers plain functions: an ifunc symbol would escape the
 * static library's localisation.) */
TWC_KERNEL static void
seed_lanes(rng_lanes *g, uint64_t key)
{
	uint64_t w[4 * VARIATE_LANES];
	int k, j;

	for (k = 0; k < 4 * VARIATE_LANES; k++) {
		uint64_t x = key + (uint64_t)(k + 1) * GOLDEN;
		x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
		x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
		w[k] = x ^ (x >> 31);
	}
	for (j = 0; j < VARIATE_LANES; j++)
		for (k = 0; k < 4; k++)
			g->s[k][j] = w[4 * j + k];
}

void
variate_seed(rng_lanes *g, uint64_t key)
{
	seed_lanes(g, key);
}

/* ---- the generator, inlined into each kernel ----------------------------- */

typedef struct lanes {
	uint64_t s0[VARIATE_LANES], s1[VARIATE_LANES], s2[VARIATE_LANES],
	    s3[VARIATE_LANES];
} lanes;

static inline void
load(lanes *l, const rng_lanes *g)
{
	memcpy(l->s0, g->s[0], sizeof l->s0);
	memcpy(l->s1, g->s[1], sizeof l->s1);
	memcpy(l->s2, g->s[2], sizeof l->s2);
	memcpy(l->s3, g->s[3], sizeof l->s3);
}

static inline void
store(rng_lanes *g, const lanes *l)
{
	memcpy(g->s[0], l->s0, sizeof l->s0);
	memcpy(g->s[1], l->s1, sizeof l->s1);
	memcpy(g->s[2], l->s2, sizeof l->s2);
	memcpy(g->s[3], l->s3, sizeof l->s3);
}

/* One xoshiro256+ step of lane j: its output as u in (0, 1).  The top 52
 * bits k become the double 1 + k 2^-52 in [1, 2), and subtracting
 * 1 - 2^-53 leaves (2k + 1) 2^-53 exactly. */
static inline double
step(lanes *l, int j)
{
	uint64_t r = l->s0[j] + l->s3[j], t = l->s1[j] << 17, bits;
	double d;

	l->s2[j] ^= l->s0[j];
	l->s3[j] ^= l->s1[j];
	l->s1[j] ^= l->s2[j];
	l->s0[j] ^= l->s3[j];
	l->s2[j] ^= t;
	l->s3[j] = (l->s3[j] << 45) | (l->s3[j] >> 19);
	bits = (r >> 12) | 0x3FF0000000000000ULL;
	memcpy(&d, &bits, sizeof d);
	return d - (1.0 - 0x1p-53);
}

/* ---- transforms ---------------------------------------------------------- */

/* Triangular: with m = 1 left of the mode, 0 right of it, the root's
 * argument is m u wa + (1-m)(1-u) wb and the draw m (lo + s) + (1-m)(hi -
 * s): products by 0 and 1 are exact, so this is the textbook inverse to
 * the bit, with one square root and no branch. */
static inline double
triangular(const variate *v, double u)
{
	double m = (double)(u < v->f), n = 1.0 - m;
	double s = sqrt(m * (u * v->wa) + n * ((1.0 - u) * v->wb));

	return m * (v->lo + s) + n * (v->hi - s);
}

static inline double
uniform(const variate *v, double u)
{
	return v->lo + u * (v->hi - v->lo);
}

/* PERT: u VARIATE_TABLE is exact (a power of two), its whole part the
 * interval, its fraction the weight. */
static inline double
tabled(const variate *v, double u)
{
	double pos = u * VARIATE_TABLE, t;
	int k = (int)pos;

	t = v->table[k] + (pos - k) * (v->table[k + 1] - v->table[k]);
	return v->lo + t * (v->hi - v->lo);
}

/* Wichura's AS 241 rational approximations (Applied Statistics 37, 1988):
 * the centre for |u - 1/2| <= 0.425, the tail r = sqrt(-ln min(u, 1-u))
 * for r <= 5 and beyond.  Each is evaluated inside its own domain (the
 * arguments clamped), so all three are finite, and one is selected. */
static double
ratio(const double *p, const double *q, double r)
{
	double n = p[7], d = q[6];
	int i;

	for (i = 6; i >= 0; i--)
		n = n * r + p[i];
	for (i = 5; i >= 0; i--)
		d = d * r + q[i];
	return n / (d * r + 1.0);
}

static double
normal_quantile(double u)
{
	static const double a[8] = {
	    3.3871328727963666080e0, 1.3314166789178437745e2,
	    1.9715909503065514427e3, 1.3731693765509461125e4,
	    4.5921953931549871457e4, 6.7265770927008700853e4,
	    3.3430575583588128105e4, 2.5090809287301226727e3};
	static const double b[7] = {
	    4.2313330701600911252e1, 6.8718700749205790830e2,
	    5.3941960214247511077e3, 2.1213794301586595867e4,
	    3.9307895800092710610e4, 2.8729085735721942674e4,
	    5.2264952788528545610e3};
	static const double c[8] = {
	    1.42343711074968357734e0,  4.63033784615654529590e0,
	    5.76949722146069140550e0,  3.64784832476320460504e0,
	    1.27045825245236838258e0,  2.41780725177450611770e-1,
	    2.27238449892691845833e-2, 7.74545014278341407640e-4};
	static const double d[7] = {
	    2.05319162663775882187e0,  1.67638483018380384940e0,
	    6.89767334985100004550e-1, 1.48103976427480074590e-1,
	    1.51986665636164571966e-2, 5.47593808499534494600e-4,
	    1.05075007164441684324e-9};
	static const double e[8] = {
	    6.65790464350110377720e0,  5.46378491116411436990e0,
	    1.78482653991729133580e0,  2.96560571828504891230e-1,
	    2.65321895265761230930e-2, 1.24266094738807843860e-3,
	    2.71155556874348757815e-5, 2.01033439929228813265e-7};
	static const double f[7] = {
	    5.99832206555887937690e-1, 1.36929880922735805310e-1,
	    1.48753612908506148525e-2, 7.86869131145613259100e-4,
	    1.84631831751005468180e-5, 1.42151175831644588870e-7,
	    2.04426310338993978564e-15};
	double q = u - 0.5, qc = fmin(fmax(q, -0.425), 0.425);
	double centre = qc * ratio(a, b, 0.180625 - qc * qc);
	double r = sqrt(-log(fmin(fmin(u, 1.0 - u), 0.075)));
	double near = ratio(c, d, fmin(r, 5.0) - 1.6);
	double far = ratio(e, f, fmax(r, 5.0) - 5.0);
	double tail = r <= 5.0 ? near : far;

	tail = q < 0 ? -tail : tail;
	return fabs(q) <= 0.425 ? centre : tail;
}

static inline double
lognormal(const variate *v, double u)
{
	return v->median * exp(v->sigma * normal_quantile(u));
}

/* ---- kernels ------------------------------------------------------------- */

TWC_KERNEL static void
fill_uniforms(rng_lanes *restrict g, double *restrict u, int n)
{
	lanes l;
	int i, j;

	load(&l, g);
	for (i = 0; i < n; i += VARIATE_LANES)
		for (j = 0; j < VARIATE_LANES; j++)
			u[i + j] = step(&l, j);
	store(g, &l);
}

TWC_KERNEL static void
fill_triangular(rng_lanes *restrict g, const variate *v, double *restrict x,
                int n)
{
	const variate t = *v;
	lanes l;
	int i, j;

	load(&l, g);
	for (i = 0; i < n; i += VARIATE_LANES)
		for (j = 0; j < VARIATE_LANES; j++)
			x[i + j] = triangular(&t, step(&l, j));
	store(g, &l);
}

TWC_KERNEL static void
fill_uniform(rng_lanes *restrict g, const variate *v, double *restrict x, int n)
{
	const variate t = *v;
	lanes l;
	int i, j;

	load(&l, g);
	for (i = 0; i < n; i += VARIATE_LANES)
		for (j = 0; j < VARIATE_LANES; j++)
			x[i + j] = uniform(&t, step(&l, j));
	store(g, &l);
}

TWC_KERNEL static void
fill_tabled(rng_lanes *restrict g, const variate *v, double *restrict x, int n)
{
	const variate t = *v;
	lanes l;
	int i, j;

	load(&l, g);
	for (i = 0; i < n; i += VARIATE_LANES)
		for (j = 0; j < VARIATE_LANES; j++)
			x[i + j] = tabled(&t, step(&l, j));
	store(g, &l);
}

void
variate_uniforms(rng_lanes *g, double *u, int n)
{
	fill_uniforms(g, u, n);
}

void
variate_fill(rng_lanes *g, const variate *v, double *x, int n)
{
	int i;

	switch (v->kind) {
	case DIST_TRIANGULAR: fill_triangular(g, v, x, n); return;
	case DIST_UNIFORM: fill_uniform(g, v, x, n); return;
	case DIST_PERT: fill_tabled(g, v, x, n); return;
	case DIST_LOGNORMAL:
		variate_uniforms(g, x, n);
		for (i = 0; i < n; i++)
			x[i] = lognormal(v, x[i]);
		return;
	case DIST_FIXED: break;
	}
	for (i = 0; i < n; i++)
		x[i] = v->lo;
}

double
variate_at(const variate *v, double u)
{
	switch (v->kind) {
	case DIST_TRIANGULAR: return triangular(v, u);
	case DIST_UNIFORM: return uniform(v, u);
	case DIST_PERT: return tabled(v, u);
	case DIST_LOGNORMAL: return lognormal(v, u);
	case DIST_FIXED: break;
	}
	return v->lo;
}

/* ---- the PERT table ------------------------------------------------------ */

/* The cubic through (0, f0) and (1, f1) with slopes d0 and d1, at t. */
static double
hermite(double f0, double f1, double d0, double d1, double t)
{
	double t2 = t * t, t3 = t2 * t;

	return (2 * t3 - 3 * t2 + 1) * f0 + (t3 - 2 * t2 + t) * d0 +
	       (-2 * t3 + 3 * t2) * f1 + (t3 - t2) * d1;
}

/* The beta(a, b) CDF and density at x_j = j / CDF_POINTS. */
static int
beta_points(double a, double b, double *cdf, double *pdf)
{
	gsl_sf_result r, lb;
	int j, rc;

	if ((rc = gsl_sf_lnbeta_e(a, b, &lb)) != GSL_SUCCESS)
		return rc;
	for (j = 0; j <= CDF_POINTS; j++) {
		double x = (double)j / CDF_POINTS;
		if ((rc = gsl_sf_beta_inc_e(a, b, x, &r)) != GSL_SUCCESS)
			return rc;
		cdf[j] = r.val;
		pdf[j] =
		    j == 0 ? (a == 1.0 ? b : 0.0)
		    : j == CDF_POINTS
		        ? (b == 1.0 ? a : 0.0)
		        : exp((a - 1) * log(x) + (b - 1) * log1p(-x) - lb.val);
	}
	cdf[0] = 0;
	cdf[CDF_POINTS] = 1;
	return GSL_SUCCESS;
}

/* x in [lo, hi] with I_x(a, b) = u, by bisection on GSL's incomplete
 * beta: for the few table entries in the first and last CDF intervals,
 * where the density's power-law end makes the cubic a poor guide. */
static int
beta_solve(double a, double b, double u, double lo, double hi, double *x)
{
	gsl_sf_result r;
	int i, rc;

	for (i = 0; i < TABLE_BISECTIONS; i++) {
		double mid = 0.5 * (lo + hi);
		if ((rc = gsl_sf_beta_inc_e(a, b, mid, &r)) != GSL_SUCCESS)
			return rc;
		if (r.val < u)
			lo = mid;
		else
			hi = mid;
	}
	*x = 0.5 * (lo + hi);
	return GSL_SUCCESS;
}

/* x in CDF interval j with the cubic Hermite interpolant of the CDF
 * (values and densities at the interval's ends) equal to u. */
static double
hermite_solve(const double *cdf, const double *pdf, int j, double u)
{
	const double h = 1.0 / CDF_POINTS;
	double lo = 0, hi = 1;
	int i;

	for (i = 0; i < TABLE_BISECTIONS; i++) {
		double mid = 0.5 * (lo + hi);
		if (hermite(cdf[j], cdf[j + 1], pdf[j] * h, pdf[j + 1] * h,
		            mid) < u)
			lo = mid;
		else
			hi = mid;
	}
	return (j + 0.5 * (lo + hi)) * h;
}

/* The two end nodes, set so that the interpolant's mean over the first
 * and last intervals equals the beta's there (x f(x) integrated beyond
 * the next node: a/(a+b) times an incomplete beta of a + 1), so that the
 * table's mean is the beta's though a straight line cannot follow a
 * power-law end. */
static int
end_nodes(double a, double b, double *table)
{
	const double h = 1.0 / VARIATE_TABLE, m = a / (a + b);
	gsl_sf_result lo, hi;
	int rc;

	if ((rc = gsl_sf_beta_inc_e(a + 1, b, table[1], &lo)) != GSL_SUCCESS ||
	    (rc = gsl_sf_beta_inc_e(a + 1, b, table[VARIATE_TABLE - 1], &hi)) !=
	        GSL_SUCCESS)
		return rc;
	table[0] = fmax(0.0, 2 * m * lo.val / h - table[1]);
	table[VARIATE_TABLE] =
	    fmin(1.0, 2 * m * (1 - hi.val) / h - table[VARIATE_TABLE - 1]);
	return GSL_SUCCESS;
}

/* The quantiles of beta(a, b) at k / VARIATE_TABLE: each found inside
 * the CDF interval that brackets it. */
static int
beta_table(double a, double b, double *table)
{
	double *cdf = malloc(sizeof *cdf * 2 * (CDF_POINTS + 1)), *pdf;
	const double h = 1.0 / CDF_POINTS;
	int j = 0, k, rc;

	if (cdf == NULL)
		return GSL_ENOMEM;
	pdf = cdf + CDF_POINTS + 1;
	rc = beta_points(a, b, cdf, pdf);
	for (k = 1; rc == GSL_SUCCESS && k < VARIATE_TABLE; k++) {
		double u = (double)k / VARIATE_TABLE;
		while (j + 1 < CDF_POINTS && cdf[j + 1] < u)
			j++;
		if (j == 0 || j == CDF_POINTS - 1)
			rc = beta_solve(a, b, u, j * h, (j + 1) * h, &table[k]);
		else
			table[k] = hermite_solve(cdf, pdf, j, u);
	}
	free(cdf);
	return rc == GSL_SUCCESS ? end_nodes(a, b, table) : rc;
}

int
variate_init(variate *v, const dist *d, twc_error *e)
{
	double a, b;
	int rc;

	memset(v, 0, sizeof *v);
	v->kind = d->kind;
	v->lo = d->low;
	v->hi = d->high;
	if (d->kind == DIST_TRIANGULAR) {
		double w = d->high - d->low;
		v->f = (d->base - d->low) / w;
		v->wa = w * (d->base - d->low);
		v->wb = w * (d->high - d->base);
	} else if (d->kind == DIST_LOGNORMAL) {
		v->median = d->base;
		v->sigma = log(d->high / d->base) / Z90;
	} else if (d->kind == DIST_PERT) {
		dist_pert_shape(d, &a, &b);
		v->table = malloc(sizeof *v->table * (VARIATE_TABLE + 1));
		if (v->table == NULL)
			return err_set(e, TWC_ENOMEM, "out of memory");
		if ((rc = beta_table(a, b, v->table)) != GSL_SUCCESS) {
			variate_free(v);
			return err_set(
			    e, rc == GSL_ENOMEM ? TWC_ENOMEM : TWC_EVALUE,
			    "the PERT table of beta(%g, %g): %s", a, b,
			    gsl_strerror(rc));
		}
	} else if (d->kind == DIST_FIXED) {
		v->lo = v->hi = d->base;
	}
	return TWC_OK;
}

void
variate_free(variate *v)
{
	free(v->table);
	v->table = NULL;
}
