/* dist.h - the distribution of an uncertain input (a price, a share...).
 *
 * Every uncertain input has a base value, the one the deterministic
 * estimate uses, and a distribution the simulation draws from:
 *   fixed       base only;
 *   triangular  low, mode (= base), high;
 *   pert        low, mode (= base), high: a beta scaled to [low, high]
 *               with shape 4 (Vose's PERT);
 *   uniform     low, high; base = their midpoint;
 *   lognormal   median (= base) and p90: ln X ~ N(ln median, sigma) with
 *               sigma = ln(p90 / median) / z(0.9). */
#ifndef TWC_DIST_H
#define TWC_DIST_H

/* z(0.9), the standard normal quantile that maps a lognormal's P90 to its
 * sigma: sigma = ln(p90 / median) / Z90. */
#define Z90 1.2815515655446004

enum dist_kind {
	DIST_FIXED,
	DIST_TRIANGULAR,
	DIST_PERT,
	DIST_UNIFORM,
	DIST_LOGNORMAL
};

typedef struct dist {
	enum dist_kind kind;
	double base;      /* the deterministic value */
	double low, high; /* support (lognormal: low unused, high = p90) */
} dist;

/* The name of a kind ("triangular"...), and the kind of a name (-1 when
 * unknown). */
const char *dist_name(enum dist_kind k);
int dist_kind_of(const char *name);

/* 1 when the distribution is random at all (not fixed, and not a range of
 * zero width). */
int dist_is_random(const dist *d);

/* PERT's beta shape parameters a and b (shape 4 on the mode, Vose). */
void dist_pert_shape(const dist *d, double *a, double *b);

/* The value with cumulative probability u in [0, 1): the inverse CDF for
 * triangular, uniform and lognormal, a numerical inverse for PERT.  Used
 * for tornado swings (P10 / P90) and checked against sampling in tests. */
double dist_quantile(const dist *d, double u);

/* The mean of the distribution. */
double dist_mean(const dist *d);

#endif
