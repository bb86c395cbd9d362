/* sens.c - sensitivity of each plan's net cost to each uncertain input:
 * the tornado (the input swung from its P10 to its P90 with every other
 * input at base, Crystal Ball's convention) and Spearman's rank
 * correlation of the input's draws with the simulated net cost. */
#include <config.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linear.h"
#include "sim.h"

/* A bucket of the rank sort holding more than this many draws is sorted
 * by qsort rather than by insertion. */
#define SMALL_BUCKET 24

typedef struct entry {
	double v;
	uint32_t i;
} entry;

static int
cmp_entry(const void *a, const void *b)
{
	double x = ((const entry *)a)->v, y = ((const entry *)b)->v;

	return (x > y) - (x < y);
}

static void
sort_bucket(entry *e, int n)
{
	int i, k;

	if (n > SMALL_BUCKET) {
		qsort(e, (size_t)n, sizeof *e, cmp_entry);
		return;
	}
	for (i = 1; i < n; i++) {
		entry t = e[i];
		for (k = i; k > 0 && e[k - 1].v > t.v; k--)
			e[k] = e[k - 1];
		e[k] = t;
	}
}

/* The least and greatest of v[0..n), n > 0, in lanes. */
static void
extremes(const double *v, int n, double *lo, double *hi)
{
	double a[8], b[8];
	int i, j;

	for (j = 0; j < 8; j++)
		a[j] = b[j] = v[0];
	for (i = 0; i + 8 <= n; i += 8)
		for (j = 0; j < 8; j++) {
			a[j] = v[i + j] < a[j] ? v[i + j] : a[j];
			b[j] = v[i + j] > b[j] ? v[i + j] : b[j];
		}
	for (; i < n; i++) {
		a[0] = v[i] < a[0] ? v[i] : a[0];
		b[0] = v[i] > b[0] ? v[i] : b[0];
	}
	*lo = a[0];
	*hi = b[0];
	for (j = 1; j < 8; j++) {
		*lo = a[j] < *lo ? a[j] : *lo;
		*hi = b[j] > *hi ? b[j] : *hi;
	}
}

static double
sum_of_squares(const double *r, int n)
{
	double s[8] = {0}, sum = 0;
	int i, j;

	for (i = 0; i + 8 <= n; i += 8)
		for (j = 0; j < 8; j++)
			s[j] += r[i + j] * r[i + j];
	for (; i < n; i++)
		sum += r[i] * r[i];
	for (j = 0; j < 8; j++)
		sum += s[j];
	return sum;
}

/* Ranks of v[0..n) into r, less their mean (n - 1)/2, ties sharing their
 * average rank: a bucket sort on the value (n buckets over [min, max], so
 * a bucket holds about one draw of a continuous quantity), each bucket
 * then sorted.  e holds n entries, bucket n indices and start n + 1
 * counts.  Returns the sum of the squares (for the correlations). */
static double
rank_of(const double *v, int n, double *r, entry *e, int *bucket, int *start)
{
	double lo, hi, scale, mid = 0.5 * (n - 1);
	int i, b, k;

	extremes(v, n, &lo, &hi);
	scale = hi > lo ? (n - 1) / (hi - lo) : 0;
	for (i = 0; i < n; i++)
		bucket[i] = (int)((v[i] - lo) * scale);
	memset(start, 0, sizeof *start * (size_t)(n + 1));
	for (i = 0; i < n; i++)
		start[bucket[i] + 1]++;
	for (b = 0; b < n; b++)
		start[b + 1] += start[b];
	for (i = 0; i < n; i++) { /* start[b] ends as bucket b + 1's start */
		entry *at = &e[start[bucket[i]]++];
		at->v = v[i];
		at->i = (uint32_t)i;
	}
	for (b = 0, k = 0; b < n; k = start[b++])
		if (start[b] - k > 1) /* most hold one or none */
			sort_bucket(e + k, start[b] - k);
	for (i = 0; i < n; i = k) {
		double average;
		int m;
		k = i + 1;
		if (k == n || e[k].v != e[i].v) { /* no tie: the common case */
			r[e[i].i] = i - mid;
			continue;
		}
		while (k < n && e[k].v == e[i].v)
			k++;
		average = 0.5 * (double)(i + k - 1) - mid;
		for (m = i; m < k; m++)
			r[e[m].i] = average;
	}
	return sum_of_squares(r, n);
}

/* The correlation of two centred rank vectors with sums of squares saa
 * and sbb; NaN when one is constant.  In lanes, so that it vectorises. */
static double
correlation(const double *restrict a, double saa, const double *restrict b,
            double sbb, int n)
{
	double s[8] = {0}, sab = 0;
	int i, j;

	for (i = 0; i + 8 <= n; i += 8)
		for (j = 0; j < 8; j++)
			s[j] += a[i + j] * b[i + j];
	for (; i < n; i++)
		sab += a[i] * b[i];
	for (j = 0; j < 8; j++)
		sab += s[j];
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
		double a = in->p10, b = in->p90;
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

/* The first draws of a simulation, drawn again: every input's values and
 * every plan's net cost, n of each. */
typedef struct kept {
	int n, n_inputs, n_plans;
	double *x, *net; /* [input][n], [plan][n] */
} kept;

static void
keep_chunk(void *ctx, long first, int len, const double *const *net,
           const double *x)
{
	kept *kp = ctx;
	int i, k, p;

	for (i = 0; i < len && first + i < kp->n; i++) {
		size_t at = (size_t)(first + i);
		for (k = 0; k < kp->n_inputs; k++)
			kp->x[(size_t)k * (size_t)kp->n + at] =
			    x[(size_t)k * SIM_CHUNK + (size_t)i];
		for (p = 0; p < kp->n_plans; p++)
			kp->net[(size_t)p * (size_t)kp->n + at] = net[p][i];
	}
}

static int
draw_again(const profile *p, const scenario *sc, const results *base,
           const sim_result *s, kept *kp, twc_error *e)
{
	sim_observer obs = {keep_chunk, kp};
	sim_result again;
	int rc;

	kp->n = s->draws < SIM_RANK_DRAWS ? s->draws : SIM_RANK_DRAWS;
	kp->n_inputs = s->n_inputs;
	kp->n_plans = s->n_plans;
	kp->x = malloc(sizeof *kp->x * (size_t)kp->n *
	               (size_t)(s->n_inputs + s->n_plans));
	if (kp->x == NULL)
		return TWC_ENOMEM;
	kp->net = kp->x + (size_t)kp->n * (size_t)s->n_inputs;
	rc = sim_run(p, sc, base, s->fixed, NULL, kp->n, s->seed, 1, NULL, &obs,
	             &again, e);
	sim_free(&again);
	return rc;
}

/* The bars of one plan, sorted by swing. */
static int
plan_bars(sim_result *s, const linear *lin, int pl, const double *lo,
          const double *hi, const double *rank_in, const double *ss_in,
          const double *rank_net, double ss_net, int n)
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
		b->low_value = in->p10;
		b->high_value = in->p90;
		b->low_yen = llround(lo[at]);
		b->high_yen = llround(hi[at]);
		b->swing_yen = llabs(b->high_yen - b->low_yen);
		if (in->kind != INPUT_PRICE && b->swing_yen == 0)
			continue; /* a style this plan does not serve */
		b->rank_corr = correlation(rank_in + (size_t)k * (size_t)n,
		                           ss_in[k], rank_net, ss_net, n);
		sp->n_bars++;
	}
	qsort(sp->bars, (size_t)sp->n_bars, sizeof *sp->bars, cmp_bars);
	return TWC_OK;
}

/* Rank every input's kept draws and each plan's net costs, then make the
 * bars. */
static int
all_bars(sim_result *s, const linear *lin, const double *lo, const double *hi,
         const kept *kp)
{
	size_t n = (size_t)kp->n, m = (size_t)s->n_inputs + 1;
	double *rank_in = malloc(sizeof(double) * (n + 1) * m);
	entry *e = malloc(sizeof *e * n);
	int *start = malloc(sizeof *start * (2 * n + 1));
	int k, pl, rc = TWC_OK;

	if (rank_in == NULL || e == NULL || start == NULL)
		rc = TWC_ENOMEM;
	for (k = 0; rc == TWC_OK && k < s->n_inputs; k++)
		rank_in[n * m + (size_t)k] =
		    rank_of(kp->x + (size_t)k * n, kp->n,
		            rank_in + (size_t)k * n, e, start + n + 1, start);
	for (pl = 0; rc == TWC_OK && pl < s->n_plans; pl++) {
		double *rank_net = rank_in + (size_t)s->n_inputs * n;
		double ss = rank_of(kp->net + (size_t)pl * n, kp->n, rank_net,
		                    e, start + n + 1, start);
		rc = plan_bars(s, lin, pl, lo, hi, rank_in, rank_in + n * m,
		               rank_net, ss, kp->n);
	}
	free(rank_in);
	free(e);
	free(start);
	return rc;
}

int
sim_sensitivity(const profile *p, const scenario *sc, const results *base,
                sim_result *s, twc_error *e)
{
	size_t cells = (size_t)s->n_inputs * (size_t)s->n_plans + 1;
	double *lo, *hi;
	int *map;
	kept kp = {0};
	linear lin = {0};
	int i, rc;

	if (s->sensitivity_done)
		return TWC_OK;
	lo = malloc(sizeof *lo * 2 * cells);
	map = malloc(sizeof *map * (size_t)(p->cat.n_items + 1));
	rc = lo && map ? TWC_OK : TWC_ENOMEM;
	hi = rc == TWC_OK ? lo + cells : NULL;
	for (i = 0; rc == TWC_OK && i < p->cat.n_items; i++)
		map[i] = -1;
	for (i = 0; rc == TWC_OK && i < s->n_inputs; i++)
		if (s->inputs[i].kind == INPUT_PRICE)
			map[s->inputs[i].index] = i;
	if (rc == TWC_OK)
		rc = draw_again(p, sc, base, s, &kp, e);
	if (rc == TWC_OK)
		rc = linear_build(p, base, map, s->n_inputs, &lin, e);
	if (rc == TWC_OK && (rc = swings(p, sc, &lin, s, lo, hi, e)) == TWC_OK)
		rc = all_bars(s, &lin, lo, hi, &kp);
	linear_free(&lin);
	free(kp.x);
	free(lo);
	free(map);
	if (rc == TWC_ENOMEM)
		return err_set(e, rc,
		               "out of memory for the sensitivity analysis");
	if (rc == TWC_OK)
		s->sensitivity_done = 1;
	return rc;
}
