/* yen.h - exact yen arithmetic, whole people from computed counts, and yen
 * with thousands separators. */
#ifndef TWC_YEN_H
#define TWC_YEN_H

#include <math.h>
#include <stddef.h>

#include "twcost.h"

/* The largest amount of yen any single figure may reach: ten trillion yen,
 * well above any local government's whole budget, and small enough that a
 * product with a rate in basis points and a multiplier in hundredths stays
 * inside 64 bits after the exact division in muldiv_half_up. */
#define TWC_YEN_MAX 10000000000000LL

/* 2^53: the largest whole number a double holds exactly, and so the
 * largest seed, and the largest yen a double result is exact up to. */
#define TWC_EXACT_MAX 9007199254740992.0

/* Tolerance for turning a computed head count such as 80 x 0.2 into whole
 * people: 16.000000000000004 must count as 16, not 17.  Shares and days are
 * given to a few decimals, so anything within 1e-9 of a whole number is
 * taken as that number. */
#define TWC_COUNT_EPS 1e-9

/* a + b and a * b into *out, or TWC_EOVERFLOW when the result leaves
 * [-TWC_YEN_MAX, TWC_YEN_MAX].  Inline, as the counts below: the model
 * adds yen a few hundred times for one plan's figures (twc_quick). */
static inline int
yen_add(long long a, long long b, long long *out)
{
	long long r;

	if (__builtin_add_overflow(a, b, &r) || r < -TWC_YEN_MAX ||
	    r > TWC_YEN_MAX)
		return TWC_EOVERFLOW;
	*out = r;
	return TWC_OK;
}

static inline int
yen_mul(long long a, long long b, long long *out)
{
	long long r;

	if (__builtin_mul_overflow(a, b, &r) || r < -TWC_YEN_MAX ||
	    r > TWC_YEN_MAX)
		return TWC_EOVERFLOW;
	*out = r;
	return TWC_OK;
}

/* round_half_up(a * k / d) for a, k >= 0 and d > 0, computed exactly. */
long long muldiv_half_up(long long a, long long k, long long d);

/* Whole people from a computed count: round half-up, and ceiling, both
 * forgiving TWC_COUNT_EPS of floating-point noise. */
static inline long long
count_round(double x)
{
	return (long long)floor(x + 0.5 + TWC_COUNT_EPS);
}

static inline long long
count_ceil(double x)
{
	return (long long)ceil(x - TWC_COUNT_EPS);
}

/* Round x (>= 0) half-up to hundredths and return the hundredths. */
int hundredths_half_up(double x);

/* v with thousands separators ("1,234,567"; "-12,000") into buf. */
char *fmt_thousands(long long v, char *buf, size_t n);

#endif
