/* dist.c - distributions of uncertain inputs: quantiles and means. */
#include <config.h>

#include "dist.h"
#include "util.h"

#include <gsl/gsl_cdf.h>
#include <math.h>
#include <string.h>

/* PERT's shape parameter (weight of the mode), as in Vose (2008). */
#define PERT_SHAPE 4.0

/* Bisection steps for the PERT quantile: 60 halvings of [0, 1] reach
 * 1e-18, below double precision. */
#define PERT_BISECTIONS 60

static const char *const names[] = {"fixed",   "triangular", "pert",
                                    "uniform", "lognormal",  NULL};

const char *
dist_name(enum dist_kind k)
{
	return k >= DIST_FIXED && k <= DIST_LOGNORMAL ? names[k] : "?";
}

int
dist_kind_of(const char *name)
{
	return name_index(name, names);
}

int
dist_is_random(const dist *d)
{
	if (d->kind == DIST_FIXED)
		return 0;
	if (d->kind == DIST_LOGNORMAL)
		return d->high != d->base;
	return d->high > d->low;
}

void
dist_pert_shape(const dist *d, double *a, double *b)
{
	double w = d->high - d->low;

	*a = 1.0 + PERT_SHAPE * (d->base - d->low) / w;
	*b = 1.0 + PERT_SHAPE * (d->high - d->base) / w;
}

static double
triangular_quantile(const dist *d, double u)
{
	double lo = d->low, c = d->base, hi = d->high, w = hi - lo;
	double f = (c - lo) / w;

	if (u < f)
		return lo + sqrt(u * w * (c - lo));
	return hi - sqrt((1.0 - u) * w * (hi - c));
}

static double
pert_quantile(const dist *d, double u)
{
	double a, b, lo = 0.0, hi = 1.0;
	int i;

	dist_pert_shape(d, &a, &b);
	for (i = 0; i < PERT_BISECTIONS; i++) {
		double mid = 0.5 * (lo + hi);
		if (gsl_cdf_beta_P(mid, a, b) < u)
			lo = mid;
		else
			hi = mid;
	}
	return d->low + 0.5 * (lo + hi) * (d->high - d->low);
}

double
dist_quantile(const dist *d, double u)
{
	if (!dist_is_random(d))
		return d->base;
	switch (d->kind) {
	case DIST_TRIANGULAR: return triangular_quantile(d, u);
	case DIST_PERT: return pert_quantile(d, u);
	case DIST_UNIFORM: return d->low + u * (d->high - d->low);
	case DIST_LOGNORMAL:
		return d->base * exp(log(d->high / d->base) / Z90 *
		                     gsl_cdf_ugaussian_Pinv(u));
	case DIST_FIXED: break;
	}
	return d->base;
}

double
dist_mean(const dist *d)
{
	double s;

	if (!dist_is_random(d))
		return d->base;
	switch (d->kind) {
	case DIST_TRIANGULAR: return (d->low + d->base + d->high) / 3.0;
	case DIST_PERT:
		return (d->low + PERT_SHAPE * d->base + d->high) /
		       (PERT_SHAPE + 2);
	case DIST_UNIFORM: return 0.5 * (d->low + d->high);
	case DIST_LOGNORMAL:
		s = log(d->high / d->base) / Z90;
		return d->base * exp(0.5 * s * s);
	case DIST_FIXED: break;
	}
	return d->base;
}
