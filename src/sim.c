/* sim.c - Monte Carlo simulation on common random numbers. */
#include <config.h>

#include "sim.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include "kernel.h"
#include "linear.h"
#include "scenario.h"

/* The three quantities kept per plan, in this order: stat s of plan p is
 * number 3 p + s everywhere below. */
enum { Q_NET, Q_TOTAL, Q_GRANT, N_Q };

/* ---- inputs -------------------------------------------------------------- */

/* FNV-1a of an id: stable across machines and releases. */
static unsigned long long
hash_id(const char *id)
{
	unsigned long long h = 0xCBF29CE484222325ULL;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 0x100000001B3ULL;
	return h;
}

static int
item_in_plans(const catalog *c, int item_index)
{
	int o = c->items[item_index].option, p, st, i;

	for (p = 0; p < c->n_plans; p++)
		for (st = 0; st < STYLE_COUNT; st++)
			for (i = 0; i < c->plans[p].n_opts[st]; i++)
				if (c->plans[p].opts[st][i] == o)
					return 1;
	return 0;
}

/* key names the scenario input whose allowed range clamps the draws (NULL
 * for a price). */
static void
add_input(sim_input *in, int *n, const char *id, int kind, int index,
          const dist *d, const char *key)
{
	sim_input *s = &in[(*n)++];

	snprintf(s->id, sizeof s->id, "%s", id);
	s->kind = kind;
	s->index = index;
	s->d = *d;
	s->stream = hash_id(id);
	s->mean = dist_mean(d);
	s->p10 = dist_quantile(d, 0.1);
	s->p90 = dist_quantile(d, 0.9);
	s->min = -HUGE_VAL;
	s->max = HUGE_VAL;
	if (key != NULL)
		scenario_range(key, &s->min, &s->max);
}

static void
add_style_inputs(const profile *p, unsigned fixed, int st, sim_input *in,
                 int *n)
{
	char id[64], key[32];

	snprintf(key, sizeof key, "%s", style_name(st));
	if (dist_is_random(&p->share_dist[st]) &&
	    !(fixed & (FIXED_SHARE << st))) {
		snprintf(id, sizeof id, "%s_share", style_name(st));
		add_input(in, n, id, INPUT_SHARE, st, &p->share_dist[st], key);
	}
	snprintf(key, sizeof key, "%s_days", style_name(st));
	if (dist_is_random(&p->days_dist[st]) && !(fixed & (FIXED_DAYS << st)))
		add_input(in, n, key, INPUT_DAYS, st, &p->days_dist[st], key);
}

int
sim_inputs(const profile *p, unsigned fixed, sim_input **out, int *n,
           twc_error *e)
{
	const catalog *c = &p->cat;
	sim_input *in =
	    calloc((size_t)c->n_items + 2 * STYLE_COUNT + 2, sizeof *in);
	int i, st;

	*n = 0;
	if (in == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	for (i = 0; i < c->n_items; i++)
		if (dist_is_random(&c->items[i].price) && item_in_plans(c, i))
			add_input(in, n, c->items[i].id, INPUT_PRICE, i,
			          &c->items[i].price, NULL);
	for (st = 0; st < STYLE_COUNT; st++)
		add_style_inputs(p, fixed, st, in, n);
	if (dist_is_random(&p->peak_dist) && !(fixed & FIXED_PEAK))
		add_input(in, n, "peak", INPUT_PEAK, 0, &p->peak_dist, "peak");
	*out = in;
	return TWC_OK;
}

/* ---- the job and each thread's scratch ----------------------------------- */

typedef struct job {
	const profile *p;
	const scenario *sc;
	const sim_input *inputs;
	variate *var;      /* each input's transform */
	const linear *lin; /* fixed quantities: one form for all draws */
	linear_prog prog;  /* it compiled: composite columns after the inputs */
	int n_cols;        /* inputs and composites: the chunk's columns */
	int *map;          /* item -> input, for the slow path */
	int n_inputs, n_plans, reference, draws, threads;
	long n_blocks;
	uint64_t seed_key;
	int *all, *ranked, n_ranked; /* every plan; those prob_cheapest
	                                ranks (fit ok, among those asked) */
	const unsigned char *among;  /* the plans asked for, or NULL */
	const results *base;         /* the estimate: each plan's fit */
	stat_range *range;           /* [3 x plans] */
	int n_years;                 /* per-year figures: the years, or 0 */
	int net_only;                /* total and grant not gathered */
	stat_range *yrange; /* [plans x years x 2]: 事業費, 実質負担 */
	sim_progress *progress;
	const sim_observer *obs;
	/* Written by every thread, once a block: a cache line of their
	 * own, away from the fields above that each thread reads all the
	 * time. */
	_Alignas(64) atomic_long next; /* the next block to take */
	atomic_int failed;
	char pad[64 - sizeof(atomic_long) - sizeof(atomic_int)];
} job;

typedef struct scratch {
	job *j;
	rng_lanes *g;       /* each input's lanes in the current block */
	double *x;          /* [input][SIM_CHUNK] */
	double *q;          /* [3 x plans][SIM_CHUNK]: net, total, grant */
	double *el, *best;  /* best: and each draw's cheapest plan after it */
	double *xd;         /* one draw's inputs (slow path) */
	int32_t *idx;       /* bin indices, then the grant's flags */
	const double **net; /* each plan's net costs in q, for observers */
	stat_acc *acc;      /* [3 x plans] */
	double *yq;         /* [plans x years x 2][SIM_CHUNK], when asked */
	double *yt;         /* [3][SIM_CHUNK]: a year's eligible, after
	                       funding, grant */
	stat_acc *yacc;     /* [plans x years x 2] */
	long *cheapest, *below, *ranked; /* of all, below the reference,
	                                    of those ranked */
	int status;
} scratch;

static void
scratch_free(scratch *w)
{
	free(w->g);
	free(w->x);
	free(w->q);
	free(w->el);
	free(w->xd);
	free(w->idx);
	free(w->acc);
	free(w->yq);
	free(w->yt);
	free(w->yacc);
	free(w->cheapest);
	free(w->net);
	memset(w, 0, sizeof *w);
}

/* The year quantities: 2 per plan and year. */
static int
year_quantities(const job *j)
{
	return 2 * j->n_plans * j->n_years;
}

static int
scratch_years(scratch *w, const job *j)
{
	size_t n = (size_t)year_quantities(j);
	size_t s;

	w->yq = calloc(n * SIM_CHUNK, sizeof *w->yq);
	w->yt = calloc(3 * SIM_CHUNK, sizeof *w->yt);
	w->yacc = malloc(n * sizeof *w->yacc);
	if (!w->yq || !w->yt || !w->yacc) {
		scratch_free(w);
		return TWC_ENOMEM;
	}
	for (s = 0; s < n; s++)
		stat_init(&w->yacc[s]);
	return TWC_OK;
}

static int
scratch_init(scratch *w, job *j)
{
	size_t ni = (size_t)j->n_cols + 1, np = (size_t)j->n_plans;
	int s;

	memset(w, 0, sizeof *w);
	w->j = j;
	w->g = calloc(ni, sizeof *w->g);
	w->x = malloc(ni * SIM_CHUNK * sizeof *w->x); /* filled each chunk */
	w->q = calloc(N_Q * np * SIM_CHUNK, sizeof *w->q);
	w->el = calloc(3 * SIM_CHUNK, sizeof *w->el);
	w->xd = calloc(ni, sizeof *w->xd);
	w->idx = calloc(SIM_CHUNK + 8, sizeof *w->idx);
	w->acc = malloc(N_Q * np * sizeof *w->acc);
	w->cheapest = calloc(3 * np, sizeof *w->cheapest);
	w->net = calloc(np, sizeof *w->net);
	if (!w->g || !w->x || !w->q || !w->el || !w->xd || !w->idx || !w->acc ||
	    !w->cheapest || !w->net) {
		scratch_free(w);
		return TWC_ENOMEM;
	}
	w->best = w->el + SIM_CHUNK;
	w->below = w->cheapest + np;
	w->ranked = w->below + np;
	for (s = 0; s < N_Q * j->n_plans; s += j->net_only ? N_Q : 1)
		stat_init(&w->acc[s]); /* net_only: the others never read */
	for (s = 0; s < j->n_plans; s++)
		w->net[s] = w->q + (size_t)N_Q * (size_t)s * SIM_CHUNK;
	return j->n_years > 0 ? scratch_years(w, j) : TWC_OK;
}

/* ---- the model per chunk: fixed quantities ------------------------------- */

/* Terms added in one pass over a chunk. */
#define PASS_TERMS 8

/* out[d] (= c when first, else out[d]) + the n terms' a_t x_t[d], added
 * in order: inlined with n constant, so that each case below is a loop
 * the compiler unrolls over the terms and vectorises over the draws. */
static inline __attribute__((always_inline)) void
pass(const double *const *xs, const double *a, int n, double c, int first,
     double *restrict out)
{
	const double *restrict x0 = xs[0], *restrict x1 = xs[1],
	                       *restrict x2 = xs[2], *restrict x3 = xs[3],
	                       *restrict x4 = xs[4], *restrict x5 = xs[5],
	                       *restrict x6 = xs[6], *restrict x7 = xs[7];
	const double a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3], a4 = a[4],
	             a5 = a[5], a6 = a[6], a7 = a[7];
	int d;

	for (d = 0; d < SIM_CHUNK; d++) {
		double v = first ? c : out[d]; /* first: a constant */
		v = n > 0 ? v + a0 * x0[d] : v;
		v = n > 1 ? v + a1 * x1[d] : v;
		v = n > 2 ? v + a2 * x2[d] : v;
		v = n > 3 ? v + a3 * x3[d] : v;
		v = n > 4 ? v + a4 * x4[d] : v;
		v = n > 5 ? v + a5 * x5[d] : v;
		v = n > 6 ? v + a6 * x6[d] : v;
		v = n > 7 ? v + a7 * x7[d] : v;
		out[d] = v;
	}
}

/* out[d] = constant + the sum of the terms' coef x x[column][d], up to
 * PASS_TERMS terms a pass: out is written once for a sum of up to eight
 * terms, as most are once inputs bought together are composites. */
TWC_KERNEL static void
row_sum(const linear_sum *s, const double *x, double *restrict out)
{
	const double *xs[PASS_TERMS] = {x, x, x, x, x, x, x, x};
	double a[PASS_TERMS] = {0};
	int k = 0, n, t;

	do {
		n = s->n_terms - k < PASS_TERMS ? s->n_terms - k : PASS_TERMS;
		for (t = 0; t < n; t++) {
			xs[t] = x + (size_t)s->terms[k + t].input * SIM_CHUNK;
			a[t] = s->terms[k + t].coef;
		}
		if (k == 0)
			switch (n) {
			case 0: pass(xs, a, 0, s->constant, 1, out); break;
			case 1: pass(xs, a, 1, s->constant, 1, out); break;
			case 2: pass(xs, a, 2, s->constant, 1, out); break;
			case 3: pass(xs, a, 3, s->constant, 1, out); break;
			case 4: pass(xs, a, 4, s->constant, 1, out); break;
			case 5: pass(xs, a, 5, s->constant, 1, out); break;
			case 6: pass(xs, a, 6, s->constant, 1, out); break;
			case 7: pass(xs, a, 7, s->constant, 1, out); break;
			default: pass(xs, a, 8, s->constant, 1, out); break;
			}
		else
			switch (n) {
			case 1: pass(xs, a, 1, 0, 0, out); break;
			case 2: pass(xs, a, 2, 0, 0, out); break;
			case 3: pass(xs, a, 3, 0, 0, out); break;
			case 4: pass(xs, a, 4, 0, 0, out); break;
			case 5: pass(xs, a, 5, 0, 0, out); break;
			case 6: pass(xs, a, 6, 0, 0, out); break;
			case 7: pass(xs, a, 7, 0, 0, out); break;
			default: pass(xs, a, 8, 0, 0, out); break;
			}
		k += n;
	} while (k < s->n_terms);
}

/* A year's eligible cost less other funding (linear_after), when the
 * rule deducts it. */
TWC_KERNEL static void
after_funding(const linear_sum *s, double *restrict el)
{
	const double keep = s->keep, minus = s->minus;
	int d;

	if (keep == 1 && minus == 0)
		return;
	for (d = 0; d < SIM_CHUNK; d++) {
		double v = keep * el[d] - minus;
		el[d] = v > 0 ? v : 0;
	}
}

TWC_KERNEL static void
net_of(const double *restrict tot, const double *restrict gr,
       double *restrict net)
{
	int d;

	for (d = 0; d < SIM_CHUNK; d++)
		net[d] = tot[d] - gr[d];
}

static void
eval_fixed(scratch *w)
{
	const job *j = w->j;
	int p, y, g;

	for (g = 0; g < j->prog.n_groups; g++)
		row_sum(&j->prog.group[g], w->x,
		        w->x + (size_t)(j->n_inputs + g) * SIM_CHUNK);
	for (p = 0; p < j->n_plans; p++) {
		const linear_plan *lp = &j->prog.plans[p];
		double *q = w->q + (size_t)N_Q * (size_t)p * SIM_CHUNK;
		double *net = q, *tot = q + SIM_CHUNK, *gr = q + 2 * SIM_CHUNK;
		row_sum(&lp->total, w->x, tot);
		memset(gr, 0, sizeof *gr * SIM_CHUNK);
		for (y = 0; j->lin->applies && y < lp->n_eligible; y++) {
			row_sum(&lp->eligible[y], w->x, w->el);
			after_funding(&lp->eligible[y], w->el);
			linear_grant_chunk(j->lin, w->el, gr, w->idx);
		}
		net_of(tot, gr, net);
	}
}

/* A year's 実質負担額: 事業費 less the other funding a draw counts
 * (linear_funding) less the grant. */
TWC_KERNEL static void
real_of(const linear_year *y, const double *restrict cost,
        const double *restrict el, const double *restrict gr,
        double *restrict real)
{
	const double base = y->funding, share = y->fund_share,
	             el0 = y->eligible_base;
	int d;

	for (d = 0; d < SIM_CHUNK; d++) {
		double f = base + share * (el[d] - el0);
		f = f < 0 ? 0 : f > cost[d] ? cost[d] : f;
		real[d] = cost[d] - f - gr[d];
	}
}

/* Each plan's request per year, when asked: its sums are over the
 * inputs' columns, uncompiled. */
static void
eval_years(scratch *w)
{
	const job *j = w->j;
	double *el = w->yt, *after = w->yt + SIM_CHUNK,
	       *gr = w->yt + 2 * SIM_CHUNK;
	int p, k;

	for (p = 0; p < j->n_plans; p++) {
		const linear_plan *lp = &j->lin->plans[p];
		for (k = 0; k < j->n_years; k++) {
			const linear_year *y = &lp->years[k];
			double *cost =
			    w->yq +
			    (size_t)(2 * (p * j->n_years + k)) * SIM_CHUNK;
			memset(el, 0, sizeof *el * SIM_CHUNK);
			memset(gr, 0, sizeof *gr * SIM_CHUNK);
			row_sum(&y->cost, w->x, cost);
			if (y->eligible >= 0) {
				const linear_sum *s =
				    &lp->eligible[y->eligible];
				row_sum(s, w->x, el);
				memcpy(after, el, sizeof *el * SIM_CHUNK);
				after_funding(s, after);
				linear_grant_chunk(j->lin, after, gr, w->idx);
			}
			real_of(y, cost, el, gr, cost + SIM_CHUNK);
		}
	}
}

/* ---- the model per chunk: uncertain quantities --------------------------- */

/* One draw's scenario, with its share, days and peak inputs applied,
 * each within its allowed range. */
static void
draw_scenario(const job *j, const double *x, scenario *sc)
{
	double sum;
	int k, st;

	*sc = *j->sc;
	for (k = 0; k < j->n_inputs; k++) {
		const sim_input *in = &j->inputs[k];
		double v =
		    fmin(fmax(x[(size_t)k * SIM_CHUNK], in->min), in->max);
		if (in->kind == INPUT_SHARE)
			sc->style[in->index].share = v;
		else if (in->kind == INPUT_DAYS)
			sc->style[in->index].days = v;
		else if (in->kind == INPUT_PEAK)
			sc->peak = v;
	}
	sum = sc->style[0].share + sc->style[1].share + sc->style[2].share;
	if (sum > 1) /* drawn shares past 1 are scaled back to 1 */
		for (st = 0; st < STYLE_COUNT; st++)
			sc->style[st].share /= sum;
}

/* Draw d of the chunk: the estimate and its linear form recomputed. */
static int
eval_draw(scratch *w, int d)
{
	const job *j = w->j;
	scenario sc;
	results r;
	linear lin;
	twc_error e;
	int k, p, rc;

	draw_scenario(j, w->x + d, &sc);
	for (k = 0; k < j->n_inputs; k++)
		w->xd[k] = w->x[(size_t)k * SIM_CHUNK + (size_t)d];
	if ((rc = model_compute(j->p, &sc, &r, &e)))
		return rc;
	rc = linear_build(j->p, &r, j->map, j->n_inputs, &lin, &e);
	for (p = 0; rc == TWC_OK && p < j->n_plans; p++) {
		const linear_sum *t = &lin.plans[p].total;
		double *q = w->q + (size_t)N_Q * (size_t)p * SIM_CHUNK;
		double tot = t->constant;
		for (k = 0; k < t->n_terms; k++)
			tot += t->terms[k].coef * w->xd[t->terms[k].input];
		q[d] = linear_net(&lin, p, w->xd);
		q[SIM_CHUNK + d] = tot;
		q[2 * SIM_CHUNK + d] = tot - q[d];
		for (k = 0; k < j->n_years; k++) {
			double *y = w->yq + (size_t)(2 * (p * j->n_years + k)) *
			                        SIM_CHUNK;
			linear_year_figures(&lin, p, k, w->xd, &y[d],
			                    &y[SIM_CHUNK + d]);
		}
	}
	linear_free(&lin);
	results_free(&r);
	return rc;
}

static int
eval_varying(scratch *w, int len)
{
	int d, rc = TWC_OK;

	for (d = 0; d < len && rc == TWC_OK; d++)
		rc = eval_draw(w, d);
	return rc;
}

/* ---- a chunk: draw, evaluate, gather ------------------------------------- */

/* Draw chunk c of block b of every input and evaluate every plan on it. */
static int
eval_chunk(scratch *w, long b, int c, int len)
{
	const job *j = w->j;
	int k;

	for (k = 0; k < j->n_inputs; k++) {
		if (c == 0)
			variate_seed(
			    &w->g[k],
			    variate_key(j->seed_key, j->inputs[k].stream, b));
		variate_fill(&w->g[k], &j->var[k], w->x + (size_t)k * SIM_CHUNK,
		             SIM_CHUNK);
	}
	if (j->lin != NULL) {
		eval_fixed(w);
		if (j->n_years > 0)
			eval_years(w);
		return TWC_OK;
	}
	return eval_varying(w, len);
}

/* The cheapest of plans[0..n) in each draw, the first on ties, as a
 * double: who + m (p - who) with m 0 or 1 is exact, and like the minimum
 * it is an unconditional store, which the compiler vectorises (a select
 * of the old value it would turn into a conditional store, which it does
 * not). */
TWC_KERNEL static void
cheapest_of(const double *q, const int *plans, int n, double *restrict best,
            double *restrict who)
{
	const double *restrict v0 =
	    q + (size_t)N_Q * (size_t)plans[0] * SIM_CHUNK;
	const double id0 = plans[0];
	int d, k;

	for (d = 0; d < SIM_CHUNK; d++) {
		best[d] = v0[d];
		who[d] = id0;
	}
	for (k = 1; k < n; k++) {
		const double *restrict v =
		    q + (size_t)N_Q * (size_t)plans[k] * SIM_CHUNK;
		const double id = plans[k];
		for (d = 0; d < SIM_CHUNK; d++) {
			double x = v[d], b = best[d], m = (double)(x < b);
			best[d] = x < b ? x : b;
			who[d] += m * (id - who[d]);
		}
	}
}

/* Over n draws (a multiple of 8): how often v is below ref, counted in
 * lanes of doubles (exact). */
TWC_KERNEL static long
count_below(const double *restrict v, const double *restrict ref, int n)
{
	double b[8] = {0};
	long sum = 0;
	int i, j;

	for (i = 0; i < n; i += 8)
		for (j = 0; j < 8; j++)
			b[j] += v[i + j] < ref[i + j] ? 1.0 : 0.0;
	for (j = 0; j < 8; j++)
		sum += (long)b[j];
	return sum;
}

/* The cheapest of plans[0..n) of each of len draws, counted into count
 * by its index: one increment a draw. */
static void
count_cheapest(scratch *w, const int *plans, int n, int len, long *count)
{
	double *who = w->best + SIM_CHUNK;
	int d;

	cheapest_of(w->q, plans, n, w->best, who);
	for (d = 0; d < len; d++)
		count[(int)who[d]]++;
}

/* The cheapest plan of each of len draws (of all, and of those ranked)
 * and the plans cheaper than the reference, counted. */
static void
rank_chunk(scratch *w, int len)
{
	const job *j = w->j;
	const int whole = len - len % 8;
	int p, d;

	count_cheapest(w, j->all, j->n_plans, len, w->cheapest);
	if (j->n_ranked > 0)
		count_cheapest(w, j->ranked, j->n_ranked, len, w->ranked);
	for (p = 0; j->reference >= 0 && p < j->n_plans; p++) {
		const double *v = w->net[p], *r = w->net[j->reference];
		long b = count_below(v, r, whole);
		for (d = whole; d < len; d++)
			b += v[d] < r[d];
		w->below[p] += b;
	}
}

static void
gather(scratch *w, long first, int len)
{
	const job *j = w->j;
	int s;

	for (s = 0; s < N_Q * j->n_plans; s += j->net_only ? N_Q : 1)
		stat_add(&w->acc[s], &j->range[s], w->q + (size_t)s * SIM_CHUNK,
		         len, w->idx);
	for (s = 0; s < year_quantities(j); s++)
		stat_add(&w->yacc[s], &j->yrange[s],
		         w->yq + (size_t)s * SIM_CHUNK, len, w->idx);
	rank_chunk(w, len);
	if (j->obs != NULL)
		j->obs->chunk(j->obs->ctx, first, len, w->net, w->x);
}

static int
run_block(scratch *w, long b)
{
	const job *j = w->j;
	int c, rc;

	for (c = 0; c < SIM_BLOCK / SIM_CHUNK; c++) {
		long first = b * SIM_BLOCK + (long)c * SIM_CHUNK;
		int len = j->draws - first < SIM_CHUNK ? (int)(j->draws - first)
		                                       : SIM_CHUNK;
		if (len <= 0)
			break;
		if ((rc = eval_chunk(w, b, c, len)) != TWC_OK)
			return rc;
		gather(w, first, len);
	}
	return TWC_OK;
}

/* A thread: blocks taken one at a time, whichever come next.  Its status
 * is stored once, at the end: the scratch structs lie next to each other,
 * and a store each block would bounce the cache line another thread's
 * pointers are read from. */
static void *
work(void *arg)
{
	scratch *w = arg;
	job *j = w->j;
	int status = w->status;

	while (status == TWC_OK && !atomic_load(&j->failed)) {
		long b = atomic_fetch_add(&j->next, 1);
		if (b >= j->n_blocks)
			break;
		if ((status = run_block(w, b)) != TWC_OK)
			atomic_store(&j->failed, 1);
		if (j->progress != NULL)
			atomic_fetch_add(&j->progress->done, 1);
	}
	w->status = status;
	return NULL;
}

/* A thread other than the first: its scratch made by itself, in its own
 * allocator arena (away from the other threads' counts, which it would
 * otherwise share cache lines with), while the others start. */
static void *
start_work(void *arg)
{
	scratch *w = arg;
	job *j = w->j;

	if ((w->status = scratch_init(w, j)) != TWC_OK) {
		atomic_store(&j->failed, 1);
		return NULL;
	}
	return work(w);
}

/* ---- set-up, threads and the final figures ------------------------------- */

/* The bins of every quantity, from the first draws of block 0. */
static int
fix_ranges(job *j, scratch *w)
{
	int len = j->draws < STAT_PILOT ? j->draws : STAT_PILOT, s, rc;

	if ((rc = eval_chunk(w, 0, 0, len)) != TWC_OK)
		return rc;
	for (s = 0; s < N_Q * j->n_plans; s++)
		stat_range_of(w->q + (size_t)s * SIM_CHUNK, len, &j->range[s]);
	for (s = 0; s < year_quantities(j); s++)
		stat_range_of(w->yq + (size_t)s * SIM_CHUNK, len,
		              &j->yrange[s]);
	return TWC_OK;
}

static int
run_threads(job *j, scratch *w)
{
	pthread_t tid[SIM_MAX_THREADS];
	int t, started = 1, rc = TWC_OK;

	if ((w[0].status = scratch_init(&w[0], j)) != TWC_OK)
		return TWC_ENOMEM;
	if ((rc = fix_ranges(j, &w[0])) != TWC_OK)
		return rc;
	for (t = 1; t < j->threads; t++, started++) {
		w[t].j = j;
		if (pthread_create(&tid[t], NULL, start_work, &w[t]) != 0)
			break;
	}
	work(&w[0]);
	for (t = 1; t < started; t++)
		pthread_join(tid[t], NULL);
	for (t = 0; t < started && rc == TWC_OK; t++)
		rc = w[t].status;
	return rc;
}

/* Every thread's counts into w[0]'s. */
static void
merge(job *j, scratch *w)
{
	int t, s, p;

	for (t = 1; t < j->threads && w[t].acc != NULL; t++) {
		for (s = 0; s < N_Q * j->n_plans; s += j->net_only ? N_Q : 1)
			stat_merge(&w[0].acc[s], &w[t].acc[s]);
		for (s = 0; s < year_quantities(j); s++)
			stat_merge(&w[0].yacc[s], &w[t].yacc[s]);
		for (p = 0; p < j->n_plans; p++) {
			w[0].cheapest[p] += w[t].cheapest[p];
			w[0].below[p] += w[t].below[p];
			w[0].ranked[p] += w[t].ranked[p];
		}
	}
}

static int
exact(const stat_acc *a)
{
	return a->min >= -TWC_EXACT_MAX && a->max <= TWC_EXACT_MAX;
}

/* Each plan's year figures, from the year quantities' counts. */
static int
finish_years(job *j, const scratch *w, const double *q, sim_result *out)
{
	stat_summary sum;
	int p, k, s;

	for (s = 0; s < year_quantities(j); s++)
		if (!exact(&w->yacc[s]))
			return TWC_EOVERFLOW;
	for (p = 0; p < j->n_plans; p++) {
		sim_year *y = calloc((size_t)j->n_years, sizeof *y);
		if (y == NULL)
			return TWC_ENOMEM;
		out->plans[p].years = y;
		for (k = 0; k < j->n_years; k++) {
			int c = 2 * (p * j->n_years + k), r = c + 1;
			stat_quantiles(&w->yacc[c], &j->yrange[c], j->draws, q,
			               STAT_CDF, y[k].cost);
			stat_quantiles(&w->yacc[r], &j->yrange[r], j->draws, q,
			               STAT_CDF, y[k].real);
			stat_summarise(&w->yacc[c], &j->yrange[c], j->draws,
			               &sum);
			y[k].cost_mean = sum.mean;
			stat_summarise(&w->yacc[r], &j->yrange[r], j->draws,
			               &sum);
			y[k].real_mean = sum.mean;
		}
	}
	out->n_years = j->n_years;
	return TWC_OK;
}

static int
finish(job *j, const scratch *w, sim_result *out)
{
	double q[STAT_CDF];
	int p, s, k;

	for (s = 0; s < N_Q * j->n_plans; s += j->net_only ? N_Q : 1)
		if (!exact(&w->acc[s]))
			return TWC_EOVERFLOW;
	for (k = 0; k < STAT_CDF; k++)
		q[k] = k / 100.0;
	for (p = 0; p < j->n_plans; p++) {
		sim_plan *sp = &out->plans[p];
		const stat_acc *a = w->acc + N_Q * p;
		const stat_range *r = j->range + N_Q * p;
		stat_summarise(&a[Q_NET], &r[Q_NET], j->draws, &sp->net);
		if (!j->net_only) {
			stat_summarise(&a[Q_TOTAL], &r[Q_TOTAL], j->draws,
			               &sp->total);
			stat_summarise(&a[Q_GRANT], &r[Q_GRANT], j->draws,
			               &sp->grant);
		}
		stat_quantiles(&a[Q_NET], &r[Q_NET], j->draws, q, STAT_CDF,
		               sp->cdf);
		stat_histogram(&a[Q_NET], &r[Q_NET], j->draws, sp->hist_edge,
		               sp->hist);
		sp->prob_below_reference = (double)w->below[p] / j->draws;
		sp->prob_cheapest_any = (double)w->cheapest[p] / j->draws;
		sp->excluded =
		    !j->base->plans[p].security_ok     ? SIM_EXCLUDED_SECURITY
		    : j->among != NULL && !j->among[p] ? SIM_EXCLUDED_AMONG
		                                       : SIM_RANKED;
		sp->prob_cheapest = sp->excluded == SIM_RANKED
		                        ? (double)w->ranked[p] / j->draws
		                        : (double)NAN;
	}
	return j->n_years > 0 ? finish_years(j, w, q, out) : TWC_OK;
}

static int
run_job(job *j, sim_result *out)
{
	scratch *w = calloc((size_t)j->threads, sizeof *w);
	int t, rc;

	j->range = malloc(sizeof *j->range * N_Q * (size_t)j->n_plans);
	j->yrange =
	    malloc(sizeof *j->yrange * ((size_t)year_quantities(j) + 1));
	out->plans = calloc((size_t)j->n_plans, sizeof *out->plans);
	if (w == NULL || j->range == NULL || j->yrange == NULL ||
	    out->plans == NULL)
		rc = TWC_ENOMEM;
	else if ((rc = run_threads(j, w)) == TWC_OK) {
		out->n_plans = j->n_plans;
		merge(j, w);
		rc = finish(j, &w[0], out);
	}
	for (t = 0; w != NULL && t < j->threads; t++)
		scratch_free(&w[t]);
	free(w);
	free(j->range);
	free(j->yrange);
	return rc;
}

static int
check_args(int draws, double seed, int threads, twc_error *e)
{
	if (draws < 1 || draws > SIM_MAX_DRAWS)
		return err_set(e, TWC_ERANGE,
		               "draws: %d is out of range (1 to %d)", draws,
		               SIM_MAX_DRAWS);
	if (!(seed >= 0 && seed <= TWC_EXACT_MAX) || seed != floor(seed))
		return err_set(e, TWC_ERANGE,
		               "seed: %g is not a whole number from 0 to 2^53",
		               seed);
	if (threads < 0 || threads > SIM_MAX_THREADS)
		return err_set(e, TWC_ERANGE,
		               "threads: %d is out of range (0 to %d)", threads,
		               SIM_MAX_THREADS);
	return TWC_OK;
}

/* The item -> input map. */
static int *
item_inputs(const profile *p, const sim_input *in, int n)
{
	int *map = malloc(sizeof *map * (size_t)(p->cat.n_items + 1));
	int i;

	if (map == NULL)
		return NULL;
	for (i = 0; i < p->cat.n_items; i++)
		map[i] = -1;
	for (i = 0; i < n; i++)
		if (in[i].kind == INPUT_PRICE)
			map[in[i].index] = i;
	return map;
}

/* Inputs, transforms and (for fixed quantities) the linear form. */
static int
prepare(job *j, sim_result *out, const results *base, linear *lin, twc_error *e)
{
	int k, rc;

	if ((rc =
	         sim_inputs(j->p, out->fixed, &out->inputs, &out->n_inputs, e)))
		return rc;
	j->inputs = out->inputs;
	j->n_inputs = j->n_cols = out->n_inputs;
	j->var = calloc((size_t)j->n_inputs + 1, sizeof *j->var);
	j->map = item_inputs(j->p, out->inputs, out->n_inputs);
	j->all = malloc(sizeof *j->all * 2 * (size_t)(j->n_plans + 1));
	if (j->var == NULL || j->map == NULL || j->all == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	j->ranked = j->all + j->n_plans;
	for (k = 0; k < j->n_plans; k++) {
		j->all[k] = k;
		if (base->plans[k].security_ok &&
		    (j->among == NULL || j->among[k]))
			j->ranked[j->n_ranked++] = k;
	}
	for (k = 0; k < j->n_inputs; k++) {
		if ((rc = variate_init(&j->var[k], &out->inputs[k].d, e)))
			return rc;
		out->quantities_vary |= out->inputs[k].kind != INPUT_PRICE;
	}
	if (out->quantities_vary)
		return TWC_OK;
	if ((rc = linear_build(j->p, base, j->map, j->n_inputs, lin, e)))
		return rc;
	if (linear_compile(lin, j->n_inputs, &j->prog))
		return err_set(e, TWC_ENOMEM, "out of memory");
	j->lin = lin;
	j->n_cols = j->n_inputs + j->prog.n_groups;
	return TWC_OK;
}

static void
unprepare(job *j)
{
	int k;

	for (k = 0; j->var != NULL && k < j->n_inputs; k++)
		variate_free(&j->var[k]);
	free(j->var);
	free(j->map);
	free(j->all);
	linear_prog_free(&j->prog);
}

static int
default_threads(void)
{
	long n = 2;

#ifdef _SC_NPROCESSORS_ONLN
	n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
	return n < 1 ? 1 : n > SIM_MAX_THREADS ? SIM_MAX_THREADS : (int)n;
}

static void
start_job(job *j, const profile *p, const scenario *sc, const results *base,
          int draws, double seed, int threads)
{
	memset(j, 0, sizeof *j);
	j->p = p;
	j->sc = sc;
	j->draws = draws;
	j->seed_key = variate_mix((uint64_t)seed);
	j->base = base;
	j->n_plans = base->n_plans;
	j->reference = base->reference;
	j->n_blocks = (draws + SIM_BLOCK - 1) / SIM_BLOCK;
	j->threads = threads > 0 ? threads : default_threads();
	if (j->threads > j->n_blocks)
		j->threads = (int)j->n_blocks;
	atomic_init(&j->next, 0);
	atomic_init(&j->failed, 0);
}

/* What a run gathers besides every plan's net cost and chances. */
enum gather { GATHER_ALL, GATHER_NET, GATHER_YEARS };

/* sim_run, with each plan's year figures too (GATHER_YEARS), or without
 * its total and grant (GATHER_NET). */
static int
run(const profile *p, const scenario *sc, const results *base, unsigned fixed,
    const unsigned char *among, int draws, double seed, int threads,
    sim_progress *progress, const sim_observer *obs, enum gather what,
    sim_result *out, twc_error *e)
{
	linear lin = {0};
	job j;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_args(draws, seed, threads, e)))
		return rc;
	start_job(&j, p, sc, base, draws, seed, threads);
	j.n_years = what == GATHER_YEARS ? base->n_years : 0;
	j.net_only = what == GATHER_NET;
	j.progress = progress;
	j.obs = obs;
	j.among = among;
	out->draws = draws;
	out->seed = seed;
	out->fixed = fixed;
	out->threads = j.threads;
	if (progress != NULL) {
		atomic_store(&progress->done, 0);
		atomic_store(&progress->total, j.n_blocks);
	}
	if ((rc = prepare(&j, out, base, &lin, e)) == TWC_OK)
		rc = run_job(&j, out);
	out->totals_pending = rc == TWC_OK && j.net_only;
	unprepare(&j);
	linear_free(&lin);
	if (rc == TWC_OK)
		return TWC_OK;
	sim_free(out);
	if (rc == TWC_ENOMEM)
		return err_set(e, rc, "out of memory for %d draws", draws);
	if (rc == TWC_EOVERFLOW)
		return err_set(e, rc,
		               "a draw's cost is past 2^53 yen: too large to "
		               "count in exact yen");
	return e != NULL && e->status == rc
	           ? rc
	           : err_set(e, rc, "a draw could not be evaluated");
}

int
sim_run(const profile *p, const scenario *sc, const results *base,
        unsigned fixed, const unsigned char *among, int draws, double seed,
        int threads, sim_progress *progress, const sim_observer *obs,
        sim_result *out, twc_error *e)
{
	return run(p, sc, base, fixed, among, draws, seed, threads, progress,
	           obs, GATHER_ALL, out, e);
}

int
sim_run_net(const profile *p, const scenario *sc, const results *base,
            unsigned fixed, const unsigned char *among, int draws, double seed,
            int threads, sim_progress *progress, sim_result *out, twc_error *e)
{
	return run(p, sc, base, fixed, among, draws, seed, threads, progress,
	           NULL, GATHER_NET, out, e);
}

int
sim_totals(const profile *p, const scenario *sc, const results *base,
           sim_result *s, twc_error *e)
{
	sim_result t;
	int i, rc;

	if (!s->totals_pending || s->draws <= 0)
		return TWC_OK;
	rc = run(p, sc, base, s->fixed, NULL, s->draws, s->seed, s->threads,
	         NULL, NULL, GATHER_ALL, &t, e);
	if (rc != TWC_OK)
		return rc;
	for (i = 0; i < s->n_plans && i < t.n_plans; i++) {
		s->plans[i].total = t.plans[i].total;
		s->plans[i].grant = t.plans[i].grant;
	}
	s->totals_pending = 0;
	sim_free(&t);
	return TWC_OK;
}

int
sim_years(const profile *p, const scenario *sc, const results *base,
          sim_result *s, twc_error *e)
{
	sim_result t;
	int i, rc;

	if (s->n_years > 0 || s->draws <= 0)
		return TWC_OK;
	rc = run(p, sc, base, s->fixed, NULL, s->draws, s->seed, s->threads,
	         NULL, NULL, GATHER_YEARS, &t, e);
	if (rc != TWC_OK)
		return rc;
	for (i = 0; i < s->n_plans && i < t.n_plans; i++) {
		s->plans[i].years = t.plans[i].years;
		t.plans[i].years = NULL;
	}
	s->n_years = t.n_years;
	sim_free(&t);
	return TWC_OK;
}

/* A cheap use of a chunk of draws, in lanes, so that the sum does not
 * chain every draw to the last. */
static double
chunk_sum(const double *x)
{
	double s[8] = {0}, sum = 0;
	int i, j;

	for (i = 0; i < SIM_CHUNK; i += 8)
		for (j = 0; j < 8; j++)
			s[j] += x[i + j];
	for (j = 0; j < 8; j++)
		sum += s[j];
	return sum;
}

double
sim_generate(const profile *p, int draws, double seed)
{
	sim_input *in = NULL;
	variate *v = NULL;
	double *x = malloc(sizeof *x * SIM_CHUNK), sum = 0;
	uint64_t key = variate_mix((uint64_t)seed);
	rng_lanes g;
	long b, n_blocks = (draws + SIM_BLOCK - 1) / SIM_BLOCK;
	int n = 0, k, c;

	if (x != NULL && sim_inputs(p, 0, &in, &n, NULL) == TWC_OK &&
	    (v = calloc((size_t)n + 1, sizeof *v)) != NULL)
		for (k = 0; k < n; k++)
			if (variate_init(&v[k], &in[k].d, NULL) != TWC_OK)
				n = k;
	for (k = 0; v != NULL && k < n; k++)
		for (b = 0; b < n_blocks; b++) {
			variate_seed(&g, variate_key(key, in[k].stream, b));
			for (c = 0; c < SIM_BLOCK / SIM_CHUNK; c++) {
				variate_fill(&g, &v[k], x, SIM_CHUNK);
				sum += chunk_sum(x);
			}
		}
	for (k = 0; v != NULL && k < n; k++)
		variate_free(&v[k]);
	free(v);
	free(in);
	free(x);
	return sum;
}

void
sim_free(sim_result *s)
{
	int p;

	for (p = 0; s->plans != NULL && p < s->n_plans; p++) {
		free(s->plans[p].bars);
		free(s->plans[p].years);
	}
	free(s->plans);
	free(s->inputs);
	memset(s, 0, sizeof *s);
}
