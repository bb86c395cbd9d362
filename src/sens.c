/* sens.c - sensitivity of each plan's net cost to each uncertain input:
 * the tornado (the input swung from its P10 to its P90 with every other
 * input at base, Crystal Ball's convention) and Spearman's rank
 * correlation of the input's draws with the simulated net cost. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "linear.h"
#include "sim.h"

/* The tornado's swing: from this quantile of an input to its mirror. */
#define SWING_LOW 0.10
#define SWING_HIGH 0.90

typedef struct ranked {
	double v;
	int i;
} ranked;

static int
cmp_ranked(const void *a, const void *b)
{
	double x = ((const ranked *)a)->v, y = ((const ranked *)b)->v;

	return (x > y) - (x < y);
}

/* Ranks of v[0..n) into r, ties sharing their average rank. */
static int
rank_of(const double *v, int n, double *r)
{
	ranked *t = malloc(sizeof *t * (size_t)n);
	int i, k;

	if (t == NULL)
		return TWC_ENOMEM;
	for (i = 0; i < n; i++) {
		t[i].v = v[i];
		t[i].i = i;
	}
	qsort(t, (size_t)n, sizeof *t, cmp_ranked);
	for (i = 0; i < n; i = k) {
		double average;
		int m;
		for (k = i + 1; k < n && t[k].v == t[i].v; k++)
			;
		average = 0.5 * (double)(i + k - 1);
		for (m = i; m < k; m++)
			r[t[m].i] = average;
	}
	free(t);
	return TWC_OK;
}

/* Pearson correlation of two rank vectors; NaN when one is constant. */
static double
correlation(const double *a, const double *b, int n)
{
	double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
	int i;

	for (i = 0; i < n; i++) {
		ma += a[i];
		mb += b[i];
	}
	ma /= n;
	mb /= n;
	for (i = 0; i < n; i++) {
		sab += (a[i] - ma) * (b[i] - mb);
		saa += (a[i] - ma) * (a[i] - ma);
		sbb += (b[i] - mb) * (b[i] - mb);
	}
	return saa > 0 && sbb > 0 ? sab / sqrt(saa * sbb) : (double)NAN;
}

/* 1 when plan pi's cost depends on input k in the linear form. */
static int
depends(const linear_plan *lp, int k)
{
	int i, y;

	for (i = 0; i < lp->total.n_terms; i++)
		if (lp->total.terms[i].input == k)
			return 1;
	for (y = 0; y < lp->n_eligible; y++)
		for (i = 0; i < lp->eligible[y].n_terms; i++)
			if (lp->eligible[y].terms[i].input == k)
				return 1;
	return 0;
}

/* Every plan's net cost with scenario input in set to v (prices at base). */
static int
scenario_swing(const profile *p, const scenario *sc, const sim_input *in,
               double v, double *net, int n_plans, twc_error *e)
{
	scenario s = *sc;
	results r;
	int i, rc;

	if (in->kind == INPUT_SHARE)
		s.style[in->index].share = v;
	else if (in->kind == INPUT_DAYS)
		s.style[in->index].days = v;
	else
		s.peak = v;
	if ((rc = model_compute(p, &s, &r, e)))
		return rc;
	for (i = 0; i < n_plans; i++)
		net[i] = (double)r.plans[i].net;
	results_free(&r);
	return TWC_OK;
}

/* Net cost at each input's P10 and P90: lo[k * n_plans + p]. */
static int
swings(const profile *p, const scenario *sc, const linear *lin,
       const sim_result *s, double *lo, double *hi, twc_error *e)
{
	double *x = malloc(sizeof *x * (size_t)(s->n_inputs + 1));
	int k, pl, rc = TWC_OK;

	if (x == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	for (k = 0; k < s->n_inputs; k++)
		x[k] = s->inputs[k].d.base;
	for (k = 0; k < s->n_inputs && rc == TWC_OK; k++) {
		const sim_input *in = &s->inputs[k];
		double a = dist_quantile(&in->d, SWING_LOW);
		double b = dist_quantile(&in->d, SWING_HIGH);
		double *l = lo + (size_t)k * (size_t)s->n_plans;
		double *h = hi + (size_t)k * (size_t)s->n_plans;
		if (in->kind != INPUT_PRICE) {
			if ((rc = scenario_swing(p, sc, in, a, l, s->n_plans,
			                         e)) == 0)
				rc = scenario_swing(p, sc, in, b, h, s->n_plans,
				                    e);
			continue;
		}
		for (pl = 0; pl < s->n_plans; pl++) {
			x[k] = a;
			l[pl] = linear_net(lin, pl, x);
			x[k] = b;
			h[pl] = linear_net(lin, pl, x);
		}
		x[k] = in->d.base;
	}
	free(x);
	return rc;
}

static int
cmp_bars(const void *a, const void *b)
{
	const tornado_bar *x = a, *y = b;

	if (x->swing_yen != y->swing_yen)
		return x->swing_yen < y->swing_yen ? 1 : -1;
	return x->input - y->input;
}

/* The bars of one plan, sorted by swing. */
static int
plan_bars(sim_result *s, const linear *lin, int pl, const double *lo,
          const double *hi, const double *rank_in, const double *rank_net)
{
	sim_plan *sp = &s->plans[pl];
	int k;

	sp->bars = calloc((size_t)s->n_inputs + 1, sizeof *sp->bars);
	if (sp->bars == NULL)
		return TWC_ENOMEM;
	for (k = 0; k < s->n_inputs; k++) {
		tornado_bar *b = &sp->bars[sp->n_bars];
		const sim_input *in = &s->inputs[k];
		size_t at = (size_t)k * (size_t)s->n_plans + (size_t)pl;
		if (in->kind == INPUT_PRICE && lin != NULL &&
		    !depends(&lin->plans[pl], k))
			continue;
		b->input = k;
		b->low_value = dist_quantile(&in->d, SWING_LOW);
		b->high_value = dist_quantile(&in->d, SWING_HIGH);
		b->low_yen = llround(lo[at]);
		b->high_yen = llround(hi[at]);
		b->swing_yen = llabs(b->high_yen - b->low_yen);
		if (in->kind != INPUT_PRICE && b->swing_yen == 0)
			continue; /* a style this plan does not serve */
		b->rank_corr =
		    correlation(rank_in + (size_t)k * (size_t)s->n_kept,
		                rank_net, s->n_kept);
		sp->n_bars++;
	}
	qsort(sp->bars, (size_t)sp->n_bars, sizeof *sp->bars, cmp_bars);
	return TWC_OK;
}

static int
all_bars(sim_result *s, const linear *lin, const double *lo, const double *hi)
{
	int n = s->n_kept, k, pl, rc = TWC_OK;
	double *rank_in =
	    malloc(sizeof(double) * (size_t)n * (size_t)(s->n_inputs + 1));
	double *rank_net = malloc(sizeof(double) * (size_t)n);

	if (rank_in == NULL || rank_net == NULL)
		rc = TWC_ENOMEM;
	for (k = 0; rc == TWC_OK && k < s->n_inputs; k++)
		rc = rank_of(s->kept + (size_t)k * (size_t)n, n,
		             rank_in + (size_t)k * (size_t)n);
	for (pl = 0; rc == TWC_OK && pl < s->n_plans; pl++)
		if ((rc = rank_of(s->plans[pl].draw, n, rank_net)) == TWC_OK)
			rc = plan_bars(s, lin, pl, lo, hi, rank_in, rank_net);
	free(rank_in);
	free(rank_net);
	return rc;
}

int
sim_sensitivity(const profile *p, const scenario *sc, const results *base,
                sim_result *s, twc_error *e)
{
	size_t cells = (size_t)s->n_inputs * (size_t)s->n_plans + 1;
	double *lo = malloc(sizeof *lo * cells),
	       *hi = malloc(sizeof *hi * cells);
	int *map = malloc(sizeof *map * (size_t)(p->cat.n_items + 1));
	linear lin = {0};
	int i, rc;

	if (s->sensitivity_done) {
		free(lo);
		free(hi);
		free(map);
		return TWC_OK;
	}
	rc = lo && hi && map ? TWC_OK : TWC_ENOMEM;
	for (i = 0; rc == TWC_OK && i < p->cat.n_items; i++)
		map[i] = -1;
	for (i = 0; rc == TWC_OK && i < s->n_inputs; i++)
		if (s->inputs[i].kind == INPUT_PRICE)
			map[s->inputs[i].index] = i;
	if (rc == TWC_OK)
		rc = linear_build(p, base, map, s->n_inputs, &lin, e);
	if (rc == TWC_OK && (rc = swings(p, sc, &lin, s, lo, hi, e)) == TWC_OK)
		rc = all_bars(s, &lin, lo, hi);
	linear_free(&lin);
	free(lo);
	free(hi);
	free(map);
	if (rc == TWC_ENOMEM)
		return err_set(e, rc,
		               "out of memory for the sensitivity analysis");
	if (rc == TWC_OK)
		s->sensitivity_done = 1;
	return rc;
}
