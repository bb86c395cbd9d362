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

/* Bits of a radix sort's digit: 6 passes cover 64 bits. */
#define DIGIT_BITS 11
#define DIGITS (1 << DIGIT_BITS)

/* A double's bits as an unsigned key in the same order (-0 made +0 first,
 * so that equal values have equal keys). */
static uint64_t
order_key(double v)
{
	uint64_t b;

	v += 0.0;
	memcpy(&b, &v, sizeof b);
	return b & 0x8000000000000000ULL ? ~b : b | 0x8000000000000000ULL;
}

/* One pass of an LSD radix sort of (key, index) pairs on the digit at
 * shift; skipped when every key has the same digit there. */
static void
radix_pass(uint64_t *k, uint32_t *ix, int n, int shift, size_t *count)
{
	uint64_t *k2 = k + n;
	uint32_t *ix2 = ix + n;
	size_t sum = 0, c;
	int i, d;

	memset(count, 0, sizeof *count * DIGITS);
	for (i = 0; i < n; i++)
		count[(k[i] >> shift) & (DIGITS - 1)]++;
	if (count[(k[0] >> shift) & (DIGITS - 1)] == (size_t)n)
		return;
	for (d = 0; d < DIGITS; d++) {
		c = count[d];
		count[d] = sum;
		sum += c;
	}
	for (i = 0; i < n; i++) {
		size_t at = count[(k[i] >> shift) & (DIGITS - 1)]++;
		k2[at] = k[i];
		ix2[at] = ix[i];
	}
	memcpy(k, k2, sizeof *k * (size_t)n);
	memcpy(ix, ix2, sizeof *ix * (size_t)n);
}

/* Ranks of v[0..n) into r, ties sharing their average rank; key and idx
 * hold 2 n each, count DIGITS. */
static void
rank_of(const double *v, int n, double *r, uint64_t *key, uint32_t *idx,
        size_t *count)
{
	int i, k, shift;

	for (i = 0; i < n; i++) {
		key[i] = order_key(v[i]);
		idx[i] = (uint32_t)i;
	}
	for (shift = 0; shift < 64; shift += DIGIT_BITS)
		radix_pass(key, idx, n, shift, count);
	for (i = 0; i < n; i = k) {
		double average;
		int m;
		for (k = i + 1; k < n && key[k] == key[i]; k++)
			;
		average = 0.5 * (double)(i + k - 1);
		for (m = i; m < k; m++)
			r[idx[m]] = average;
	}
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
	rc = sim_run(p, sc, base, s->fixed, kp->n, s->seed, 1, NULL, &obs,
	             &again, e);
	sim_free(&again);
	return rc;
}

/* The bars of one plan, sorted by swing. */
static int
plan_bars(sim_result *s, const linear *lin, int pl, const double *lo,
          const double *hi, const double *rank_in, const double *rank_net,
          int n)
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
		b->rank_corr =
		    correlation(rank_in + (size_t)k * (size_t)n, rank_net, n);
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
	size_t n = (size_t)kp->n;
	double *rank_in =
	    malloc(sizeof(double) * n * (size_t)(s->n_inputs + 1));
	uint64_t *key = malloc(sizeof *key * 2 * n);
	uint32_t *idx = malloc(sizeof *idx * 2 * n);
	size_t *count = malloc(sizeof *count * DIGITS);
	int k, pl, rc = TWC_OK;

	if (rank_in == NULL || key == NULL || idx == NULL || count == NULL)
		rc = TWC_ENOMEM;
	for (k = 0; rc == TWC_OK && k < s->n_inputs; k++)
		rank_of(kp->x + (size_t)k * n, kp->n, rank_in + (size_t)k * n,
		        key, idx, count);
	for (pl = 0; rc == TWC_OK && pl < s->n_plans; pl++) {
		double *rank_net = rank_in + (size_t)s->n_inputs * n;
		rank_of(kp->net + (size_t)pl * n, kp->n, rank_net, key, idx,
		        count);
		rc = plan_bars(s, lin, pl, lo, hi, rank_in, rank_net, kp->n);
	}
	free(rank_in);
	free(key);
	free(idx);
	free(count);
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
