/* linear.h - each plan's cost as a linear function of the uncertain
 * prices, for fixed quantities:
 *   total        = constant + sum of coef x price
 *   eligible(fy) = constant + sum of coef x price, for each fiscal year
 *                  with eligible spending
 *   net          = total - sum over those years of grant(eligible(fy))
 * The coefficients are the units each item is paid for over the horizon
 * (units bought, or units x months / 12 for running costs), so with every
 * price at its base the form gives the estimate to the yen (less than a
 * yen an item and year apart where running costs are pro-rated by the
 * month, whose fractions of a yen the estimate drops). */
#ifndef TWC_LINEAR_H
#define TWC_LINEAR_H

#include <math.h>
#include <stdint.h>

#include "model.h"

typedef struct term {
	int input;
	double coef;
} term;

typedef struct linear_sum {
	double constant;
	term *terms;
	int n_terms;
	/* For a year's eligible cost: other funding deducted before the
	 * grant leaves max(keep x sum - minus, 0) (keep 1, minus 0 when
	 * there is none). */
	double keep, minus;
} linear_sum;

/* A plan's budget request of one fiscal year, for the per-year figures
 * of a simulation (sim_years): 事業費 (the items that are budget lines,
 * not the entity's own staff time), its constant set so that at the
 * estimate's prices the sum is the estimate's to the yen; the year's
 * eligible sum (an index into eligible, -1 when none); the other funding
 * the estimate counts, the share of eligible cost part of it is and the
 * eligible sum at the estimate's prices, so that a draw counts
 * funding + fund_share x (eligible - eligible_base). */
typedef struct linear_year {
	linear_sum cost;
	int eligible;
	double funding, fund_share, eligible_base;
} linear_year;

typedef struct linear_plan {
	linear_sum total;
	linear_sum *eligible; /* one per fiscal year with eligible spending */
	int n_eligible;
	linear_year *years; /* one per fiscal year of the horizon */
	int n_years;
} linear_plan;

typedef struct linear {
	arena mem;
	linear_plan *plans;
	int n_plans;
	/* the grant: applies, m in hundredths, and the exact rule */
	int applies, m100;
	double factor; /* grant units per eligible yen: rate x m / unit */
	double unit;   /* the rule's rounding unit in yen */
	int exact;     /* always take the integer path (caps, rounding
	                  down, amounts past 2^53) */
	const grant_rule *rule;
} linear;

/* Build the form of every plan from an estimate r of scenario sc;
 * item_input[i] is the input index of catalogue item i, or -1 when its
 * price is fixed (then it joins the constants). */
int linear_build(const profile *p, const results *r, const int *item_input,
                 int n_inputs, linear *out, twc_error *e);

/* How close to a half a scaled amount must be for the exact integer path:
 * double products of amounts up to 10^13 err by a few 1e-16 relative. */
#define HALF_TOL_ABS 1e-9
#define HALF_TOL_REL 1e-14

/* The grant by exact integer arithmetic (the slow path). */
double linear_grant_exact(const linear *l, long long yen);

/* The grant in yen for one year's eligible cost (rounded to whole yen
 * first), exactly as grant_amount computes it: in doubles, unless the
 * amount lies within rounding error of a half unit, or the rule caps or
 * rounds down. */
static inline double
linear_grant(const linear *l, double eligible)
{
	double yen, t, frac;

	if (!l->applies || !(eligible >= 0.5))
		return 0;
	yen = floor(eligible + 0.5);
	t = yen * l->factor;
	frac = t - floor(t);
	if (l->exact || fabs(frac - 0.5) <= HALF_TOL_ABS + HALF_TOL_REL * t)
		return linear_grant_exact(l, (long long)yen);
	return floor(t + 0.5) * l->unit;
}

/* What the grant applies to of a year's eligible sum. */
static inline double
linear_after(const linear_sum *s, double eligible)
{
	double v = s->keep * eligible - s->minus;

	return v > 0 ? v : 0;
}

/* Amounts a chunk of linear_grant_chunk has: the simulation's SIM_CHUNK. */
#define LINEAR_CHUNK 256

/* gr[d] += linear_grant(l, el[d]) for a chunk of LINEAR_CHUNK amounts,
 * vectorised: the double path for all, then the exact rule for the few
 * within rounding error of a half unit (flag is scratch). */
void linear_grant_chunk(const linear *l, const double *el, double *gr,
                        int32_t *flag);

/* The form compiled for the simulation: inputs whose coefficients are in
 * the same proportion in every sum (items bought together, say) are first
 * added into one composite column, so that each sum has fewer terms.
 * Columns 0 .. n_inputs - 1 are the inputs, n_inputs + g composite g, a
 * sum over inputs (constant 0); the plans' sums are over columns. */
typedef struct linear_prog {
	arena mem;
	int n_inputs, n_groups;
	linear_sum *group;
	linear_plan *plans;
	int n_plans;
} linear_prog;

int linear_compile(const linear *l, int n_inputs, linear_prog *out);
void linear_prog_free(linear_prog *p);

/* A plan's net cost for input values x (x[input]). */
double linear_net(const linear *l, int plan, const double *x);

/* Other funding a draw counts in a year, from the year's eligible sum el
 * (before any deduction), at most cost and at least 0. */
static inline double
linear_funding(const linear_year *y, double el, double cost)
{
	double f = y->funding + y->fund_share * (el - y->eligible_base);

	return f < 0 ? 0 : f > cost ? cost : f;
}

/* Year k of a plan for input values x: the request's 事業費 (cost) and
 * 実質負担額 (real: 事業費 less other funding less the grant). */
void linear_year_figures(const linear *l, int plan, int k, const double *x,
                         double *cost, double *real);

void linear_free(linear *l);

#endif
