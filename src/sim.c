/* sim.c - Monte Carlo simulation on common random numbers. */
#include <config.h>

#include "sim.h"

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifndef _WIN32
#include <unistd.h>
#endif

#include "linear.h"
#include "scenario.h"

/* ---- streams ------------------------------------------------------------ */

static unsigned long long
splitmix64(unsigned long long x)
{
	x += 0x9E3779B97F4A7C15ULL;
	x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
	x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
	return x ^ (x >> 31);
}

/* FNV-1a of an id: stable across machines and releases. */
static unsigned long long
hash_id(const char *id)
{
	unsigned long long h = 0xCBF29CE484222325ULL;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 0x100000001B3ULL;
	return h;
}

/* The 32-bit seed of block b of a stream: taus2 uses 32 bits of its seed,
 * so this is the same on every platform whatever unsigned long is. */
static unsigned long
block_seed(unsigned long long stream, long block)
{
	unsigned long long h =
	    splitmix64(stream ^ splitmix64((unsigned long long)block));

	return (unsigned long)(h & 0xFFFFFFFFULL) | 1UL;
}

/* ---- inputs ------------------------------------------------------------- */

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

static void
add_input(sim_input *in, int *n, const char *id, int kind, int index,
          const dist *d)
{
	sim_input *s = &in[(*n)++];

	snprintf(s->id, sizeof s->id, "%s", id);
	s->kind = kind;
	s->index = index;
	s->d = *d;
	s->stream = hash_id(id);
}

int
sim_inputs(const profile *p, unsigned fixed, sim_input **out, int *n,
           twc_error *e)
{
	const catalog *c = &p->cat;
	sim_input *in =
	    calloc((size_t)c->n_items + 2 * STYLE_COUNT + 2, sizeof *in);
	char id[64];
	int i, st;

	*n = 0;
	if (in == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	for (i = 0; i < c->n_items; i++)
		if (dist_is_random(&c->items[i].price) && item_in_plans(c, i))
			add_input(in, n, c->items[i].id, INPUT_PRICE, i,
			          &c->items[i].price);
	for (st = 0; st < STYLE_COUNT; st++) {
		if (dist_is_random(&p->share_dist[st]) &&
		    !(fixed & (FIXED_SHARE << st))) {
			snprintf(id, sizeof id, "%s_share", style_name(st));
			add_input(in, n, id, INPUT_SHARE, st,
			          &p->share_dist[st]);
		}
		if (dist_is_random(&p->days_dist[st]) &&
		    !(fixed & (FIXED_DAYS << st))) {
			snprintf(id, sizeof id, "%s_days", style_name(st));
			add_input(in, n, id, INPUT_DAYS, st, &p->days_dist[st]);
		}
	}
	if (dist_is_random(&p->peak_dist) && !(fixed & FIXED_PEAK))
		add_input(in, n, "peak", INPUT_PEAK, 0, &p->peak_dist);
	*out = in;
	return TWC_OK;
}

/* ---- drawing ------------------------------------------------------------ */

/* Fill x[0..len) with draws of input in from block b of its stream.  The
 * triangular inverse CDF is computed without a branch: both roots, then a
 * select the compiler turns into a blend. */
static void
draw_block(gsl_rng *r, const sim_input *in, unsigned long long seed, long b,
           double *x, int len)
{
	const dist *d = &in->d;
	int i;

	gsl_rng_set(r, block_seed(in->stream ^ seed, b));
	if (d->kind == DIST_TRIANGULAR) {
		double lo = d->low, hi = d->high, w = hi - lo;
		double f = (d->base - lo) / w, wa = w * (d->base - lo),
		       wb = w * (hi - d->base);
		for (i = 0; i < len; i++) {
			double u = gsl_rng_uniform(r);
			double left = lo + sqrt(u * wa),
			       right = hi - sqrt((1 - u) * wb);
			x[i] = u < f ? left : right;
		}
	} else if (d->kind == DIST_UNIFORM) {
		for (i = 0; i < len; i++)
			x[i] = d->low + gsl_rng_uniform(r) * (d->high - d->low);
	} else if (d->kind == DIST_PERT) {
		double w = d->high - d->low, a, bb;
		dist_pert_shape(d, &a, &bb);
		for (i = 0; i < len; i++)
			x[i] = d->low + w * gsl_ran_beta(r, a, bb);
	} else if (d->kind == DIST_LOGNORMAL) {
		double s = log(d->high / d->base) / Z90;
		for (i = 0; i < len; i++)
			x[i] = d->base *
			       exp(s * gsl_ran_gaussian_ziggurat(r, 1.0));
	} else {
		for (i = 0; i < len; i++)
			x[i] = d->base;
	}
}

/* ---- the run ---------------------------------------------------------- */

typedef struct job {
	const profile *p;
	const scenario *sc;
	const linear *lin; /* fixed quantities: one form for all draws */
	const sim_input *inputs;
	int n_inputs, n_plans, draws, threads, reference;
	long n_blocks;
	unsigned long long seed;
	sim_result *out;
	double *grant; /* [plan][draw] */
	size_t stride; /* draws rounded up to whole blocks */
	sim_progress *progress;
} job;

typedef struct worker {
	job *j;
	int t;
	long long *cheapest, *below; /* [plan] counts; cheapest[n_plans +
	                                plan]: of the plans that fit */
	int *who;                    /* the cheapest plan of each draw */
	int status;
} worker;

/* One draw's scenario, with its share, days and peak inputs applied. */
static void
draw_scenario(const job *j, const double *x, int stride, scenario *sc)
{
	double sum;
	int k, st;

	*sc = *j->sc;
	for (k = 0; k < j->n_inputs; k++) {
		const sim_input *in = &j->inputs[k];
		double v = x[(size_t)k * (size_t)stride];
		if (in->kind == INPUT_SHARE)
			sc->style[in->index].share = fmin(fmax(v, 0), 1);
		else if (in->kind == INPUT_DAYS)
			sc->style[in->index].days = fmin(fmax(v, 0), 5);
		else if (in->kind == INPUT_PEAK)
			sc->peak = fmin(fmax(v, 1), 3);
	}
	sum = sc->style[0].share + sc->style[1].share + sc->style[2].share;
	if (sum > 1) /* drawn shares past 1 are scaled back to 1 */
		for (st = 0; st < STYLE_COUNT; st++)
			sc->style[st].share /= sum;
}

/* The item -> input map of a job. */
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

/* out[d] = constant + sum of the terms' coef x x[input][d] over a block:
 * four terms a pass, so that out is loaded and stored a quarter as often.
 * Loops run over whole blocks (the arrays are padded to whole blocks), so
 * their trip count is a constant the compiler vectorises at -O2. */
static void
block_sum(const linear_sum *s, const double *x, double *restrict out)
{
	int k = 0, d;

	for (d = 0; d < SIM_BLOCK; d++)
		out[d] = s->constant;
	for (; k + 4 <= s->n_terms; k += 4) {
		const term *t = s->terms + k;
		const double a0 = t[0].coef, a1 = t[1].coef, a2 = t[2].coef,
		             a3 = t[3].coef;
		const double *restrict x0 = x + (size_t)t[0].input * SIM_BLOCK;
		const double *restrict x1 = x + (size_t)t[1].input * SIM_BLOCK;
		const double *restrict x2 = x + (size_t)t[2].input * SIM_BLOCK;
		const double *restrict x3 = x + (size_t)t[3].input * SIM_BLOCK;
		for (d = 0; d < SIM_BLOCK; d++)
			out[d] +=
			    a0 * x0[d] + a1 * x1[d] + a2 * x2[d] + a3 * x3[d];
	}
	for (; k < s->n_terms; k++) {
		const double a = s->terms[k].coef;
		const double *restrict xk =
		    x + (size_t)s->terms[k].input * SIM_BLOCK;
		for (d = 0; d < SIM_BLOCK; d++)
			out[d] += a * xk[d];
	}
}

/* Net, total and grant of every plan for the block of draws starting at
 * first, whose inputs are in x (input-major, stride SIM_BLOCK). */
static void
evaluate_fixed(const job *j, const double *x, long first, double *restrict tot,
               double *restrict el)
{
	int p, d, y;

	for (p = 0; p < j->n_plans; p++) {
		const linear_plan *lp = &j->lin->plans[p];
		double *restrict net = j->out->plans[p].draw + first;
		double *restrict gr = j->grant + (size_t)p * j->stride + first;
		block_sum(&lp->total, x, tot);
		for (d = 0; d < SIM_BLOCK; d++)
			gr[d] = 0;
		for (y = 0; y < lp->n_eligible; y++) {
			block_sum(&lp->eligible[y], x, el);
			for (d = 0; d < SIM_BLOCK; d++)
				gr[d] += linear_grant(
				    j->lin,
				    linear_after(&lp->eligible[y], el[d]));
		}
		for (d = 0; d < SIM_BLOCK; d++)
			net[d] = tot[d] - gr[d];
	}
}

/* The same when quantities vary: each draw recomputes the estimate and its
 * linear form. */
static int
evaluate_varying(const job *j, const double *x, long first, int len,
                 const int *map)
{
	double xd[512];
	int d, k, p, rc = TWC_OK;

	for (d = 0; d < len && rc == TWC_OK; d++) {
		scenario sc;
		results r;
		linear lin;
		twc_error e;
		draw_scenario(j, x + d, SIM_BLOCK, &sc);
		for (k = 0; k < j->n_inputs && k < 512; k++)
			xd[k] = x[(size_t)k * SIM_BLOCK + (size_t)d];
		if ((rc = model_compute(j->p, &sc, &r, &e)))
			break;
		rc = linear_build(j->p, &r, map, j->n_inputs, &lin, &e);
		for (p = 0; rc == TWC_OK && p < j->n_plans; p++) {
			size_t at = (size_t)p * j->stride + (size_t)(first + d);
			double net = linear_net(&lin, p, xd);
			double tot = lin.plans[p].total.constant;
			for (k = 0; k < lin.plans[p].total.n_terms; k++)
				tot += lin.plans[p].total.terms[k].coef *
				       xd[lin.plans[p].total.terms[k].input];
			j->out->plans[p].draw[first + d] = net;
			j->grant[at] = tot - net;
		}
		linear_free(&lin);
		results_free(&r);
	}
	return rc;
}

/* The cheapest plan of each draw (the first on ties) into who, among all
 * plans or, with ranked, those not excluded; 0 when there is none. */
static int
cheapest_of(const job *j, long first, int len, int ranked,
            double *restrict best, int *restrict who)
{
	const sim_plan *sp = j->out->plans;
	int d, p, any = 0;

	for (p = 0; p < j->n_plans; p++) {
		const double *restrict v = sp[p].draw + first;
		if (ranked && sp[p].excluded != SIM_RANKED)
			continue;
		for (d = 0; d < len; d++) {
			int take = !any || v[d] < best[d];
			best[d] = take ? v[d] : best[d];
			who[d] = take ? p : who[d];
		}
		any = 1;
	}
	return any;
}

/* Count, for each draw, the cheapest plan of those ranked and of all, and
 * the plans cheaper than the reference.  Plan by plan over the block, so
 * that the comparisons vectorise. */
static void
rank_draws(const job *j, long first, int len, long long *cheapest,
           long long *below, double *restrict best, int *restrict who)
{
	const sim_plan *sp = j->out->plans;
	int d, p;

	if (cheapest_of(j, first, len, 1, best, who))
		for (d = 0; d < len; d++)
			cheapest[who[d]]++;
	if (cheapest_of(j, first, len, 0, best, who))
		for (d = 0; d < len; d++)
			cheapest[j->n_plans + who[d]]++;
	for (p = 0; j->reference >= 0 && p < j->n_plans; p++) {
		const double *restrict v = sp[p].draw + first;
		const double *restrict ref = sp[j->reference].draw + first;
		long long n = 0;
		for (d = 0; d < len; d++)
			n += v[d] < ref[d];
		below[p] += n;
	}
}

static void
keep_draws(const job *j, const double *x, long first, int len)
{
	sim_result *s = j->out;
	int k, n = (int)fmin((double)len, (double)(s->n_kept - first));

	for (k = 0; n > 0 && k < j->n_inputs; k++)
		memcpy(s->kept + (size_t)k * (size_t)s->n_kept + (size_t)first,
		       x + (size_t)k * SIM_BLOCK, sizeof *x * (size_t)n);
}

static void
block_done(job *j)
{
	if (j->progress != NULL)
		atomic_fetch_add(&j->progress->done, 1);
}

static int
run_blocks(worker *w, gsl_rng *r, double *x, double *tot, double *el,
           const int *map)
{
	job *j = w->j;
	long b;
	int k, rc = TWC_OK;

	for (b = w->t; b < j->n_blocks && rc == TWC_OK; b += j->threads) {
		long first = b * SIM_BLOCK;
		int len = (int)fmin(SIM_BLOCK, (double)(j->draws - first));
		for (k = 0; k < j->n_inputs; k++) {
			double *xk = x + (size_t)k * SIM_BLOCK;
			int i;
			draw_block(r, &j->inputs[k], j->seed, b, xk, len);
			for (i = len; i < SIM_BLOCK; i++) /* padding */
				xk[i] = j->inputs[k].d.base;
		}
		if (j->lin != NULL)
			evaluate_fixed(j, x, first, tot, el);
		else
			rc = evaluate_varying(j, x, first, len, map);
		if (first < j->out->n_kept)
			keep_draws(j, x, first, len);
		if (rc == TWC_OK)
			rank_draws(j, first, len, w->cheapest, w->below, tot,
			           w->who);
		block_done(j);
	}
	return rc;
}

static void *
work(void *arg)
{
	worker *w = arg;
	job *j = w->j;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	double *x = malloc(sizeof *x * SIM_BLOCK * (size_t)(j->n_inputs + 1));
	double *tot = malloc(sizeof *tot * SIM_BLOCK);
	double *el = malloc(sizeof *el * SIM_BLOCK);
	int *map = item_inputs(j->p, j->inputs, j->n_inputs);

	w->who = malloc(sizeof *w->who * SIM_BLOCK);
	w->status = TWC_ENOMEM;
	if (r != NULL && x != NULL && tot != NULL && el != NULL &&
	    map != NULL && w->who != NULL)
		w->status = run_blocks(w, r, x, tot, el, map);
	free(w->who);
	free(map);
	free(el);
	free(tot);
	free(x);
	if (r != NULL)
		gsl_rng_free(r);
	return NULL;
}

/* ---- statistics --------------------------------------------------------- */

static void
swap(double *a, size_t i, size_t k)
{
	double t = a[i];

	a[i] = a[k];
	a[k] = t;
}

/* Rearrange a[lo..hi] so that a[k] holds the value a sort would put there,
 * smaller values before it and larger after: Hoare's selection with a
 * median-of-three pivot and a three-way partition, so that the many equal
 * values of grant amounts (whole thousands) cost nothing extra. */
static void
select_kth(double *a, size_t lo_, size_t hi_, size_t k_)
{
	long lo = (long)lo_, hi = (long)hi_, k = (long)k_;

	while (hi > lo) {
		long mid = lo + (hi - lo) / 2, lt = lo, gt = hi, i = lo;
		double x = a[lo], y = a[mid], z = a[hi];
		double pivot = x < y ? (y < z ? y : (x < z ? z : x))
		                     : (x < z ? x : (y < z ? z : y));
		while (i <= gt) {
			if (a[i] < pivot)
				swap(a, (size_t)lt++, (size_t)i++);
			else if (a[i] > pivot)
				swap(a, (size_t)i, (size_t)gt--);
			else
				i++;
		}
		if (k < lt)
			hi = lt - 1;
		else if (k > gt)
			lo = gt + 1;
		else
			return;
	}
}

double
sim_quantile(const double *sorted, int n, double q)
{
	double h = (n - 1) * q, f = floor(h);
	int i = (int)f;

	if (n <= 0)
		return NAN;
	if (i >= n - 1)
		return sorted[n - 1];
	return sorted[i] + (h - f) * (sorted[i + 1] - sorted[i]);
}

/* Buckets of the quantile histogram: 4096 counts fit in L1 cache, and
 * with 100,000 draws a bucket holds some 25 values. */
#define QUANTILE_BUCKETS 4096

/* The quantiles the simulation reports, in ascending order. */
static const double report_q[] = {0.05, 0.10, 0.50, 0.90, 0.95};
enum { N_REPORT_Q = sizeof report_q / sizeof *report_q };

typedef struct quantile_job {
	double lo, scale;
	unsigned counts[QUANTILE_BUCKETS];
	size_t start[QUANTILE_BUCKETS + 1]; /* prefix sums */
} quantile_job;

static int
bucket_of(const quantile_job *q, double x)
{
	int b = (int)((x - q->lo) * q->scale);

	return b < 0 ? 0 : b >= QUANTILE_BUCKETS ? QUANTILE_BUCKETS - 1 : b;
}

/* The bucket whose range of ranks holds rank r. */
static int
bucket_of_rank(const quantile_job *q, size_t r)
{
	int lo = 0, hi = QUANTILE_BUCKETS;

	while (hi - lo > 1) {
		int mid = (lo + hi) / 2;
		if (q->start[mid] <= r)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* The reported quantiles of v[0..n) (min and max known), by a fine
 * histogram: one counting pass; one pass that gathers the values of the
 * few buckets holding the order statistics needed, each bucket to its own
 * place in scratch (as a counting sort would); selection within them.
 * Exact, and without sorting every draw. */
static void
quantiles(const double *v, size_t n, double lo, double hi, double *out,
          double *scratch)
{
	quantile_job *q = hi > lo ? calloc(1, sizeof *q) : NULL;
	unsigned char need[QUANTILE_BUCKETS];
	size_t i, rank[2 * N_REPORT_Q], fill[QUANTILE_BUCKETS];
	int k, b;

	if (q == NULL) { /* every draw the same (or no memory to say more) */
		for (k = 0; k < N_REPORT_Q; k++)
			out[k] = hi <= lo ? lo : (double)NAN;
		return;
	}
	q->lo = lo;
	q->scale = QUANTILE_BUCKETS / (hi - lo);
	for (i = 0; i < n; i++)
		q->counts[bucket_of(q, v[i])]++;
	for (b = 0; b < QUANTILE_BUCKETS; b++)
		q->start[b + 1] = q->start[b] + q->counts[b];
	memset(need, 0, sizeof need);
	for (k = 0; k < N_REPORT_Q; k++) {
		double h = (double)(n - 1) * report_q[k];
		rank[2 * k] = (size_t)floor(h);
		rank[2 * k + 1] = rank[2 * k] + 1 < n ? rank[2 * k] + 1 : n - 1;
		need[bucket_of_rank(q, rank[2 * k])] = 1;
		need[bucket_of_rank(q, rank[2 * k + 1])] = 1;
	}
	for (b = 0; b < QUANTILE_BUCKETS; b++)
		fill[b] = q->start[b];
	for (i = 0; i < n; i++) {
		b = bucket_of(q, v[i]);
		if (need[b])
			scratch[fill[b]++] = v[i];
	}
	for (k = 0; k < N_REPORT_Q; k++) {
		double h = (double)(n - 1) * report_q[k], a, c;
		b = bucket_of_rank(q, rank[2 * k]);
		select_kth(scratch, q->start[b], q->start[b + 1] - 1,
		           rank[2 * k]);
		a = scratch[rank[2 * k]];
		b = bucket_of_rank(q, rank[2 * k + 1]);
		select_kth(scratch, q->start[b], q->start[b + 1] - 1,
		           rank[2 * k + 1]);
		c = scratch[rank[2 * k + 1]];
		out[k] = a + (h - floor(h)) * (c - a);
	}
	free(q);
}

static void
stats_of(const double *v, size_t n, double *scratch, sim_stats *st)
{
	double sum = 0, lo = v[0], hi = v[0], out[N_REPORT_Q];
	size_t i;

	for (i = 0; i < n; i++) {
		sum += v[i];
		lo = v[i] < lo ? v[i] : lo;
		hi = v[i] > hi ? v[i] : hi;
	}
	st->mean = sum / (double)n;
	st->min = lo;
	st->max = hi;
	quantiles(v, n, lo, hi, out, scratch);
	st->p5 = out[0];
	st->p10 = out[1];
	st->p50 = out[2];
	st->p90 = out[3];
	st->p95 = out[4];
}

static void
histogram(sim_plan *sp, int n)
{
	double lo = sp->net.min, w = (sp->net.max - lo) / SIM_HIST_BINS;
	int i;

	memset(sp->hist, 0, sizeof sp->hist);
	for (i = 0; i < n; i++) {
		int b = w > 0 ? (int)((sp->draw[i] - lo) / w) : 0;
		sp->hist[b >= SIM_HIST_BINS ? SIM_HIST_BINS - 1 : b]++;
	}
}

/* Statistics of net cost for plans t, t + threads, ... (those of total
 * and grant wait until asked: see sim_more_stats). */
typedef struct summary {
	job *j;
	int t, status;
} summary;

static void *
summarise_some(void *arg)
{
	summary *sm = arg;
	job *j = sm->j;
	double *scratch = malloc(sizeof *scratch * (size_t)j->draws);
	int p;

	sm->status = scratch ? TWC_OK : TWC_ENOMEM;
	for (p = sm->t; scratch != NULL && p < j->n_plans; p += j->threads) {
		sim_plan *sp = &j->out->plans[p];
		stats_of(sp->draw, (size_t)j->draws, scratch, &sp->net);
		histogram(sp, j->draws);
	}
	free(scratch);
	return NULL;
}

/* The statistics of every plan, plans shared among the threads. */
static int
summarise(job *j, long long *cheapest, long long *below)
{
	pthread_t tid[SIM_MAX_THREADS];
	summary sm[SIM_MAX_THREADS];
	int started[SIM_MAX_THREADS] = {0};
	int t, p, n = j->threads < j->n_plans ? j->threads : j->n_plans,
	          rc = TWC_OK;

	for (t = 0; t < n; t++) {
		sm[t].j = j;
		sm[t].t = t;
		sm[t].status = TWC_ENOMEM;
	}
	for (t = 1; t < n; t++)
		started[t] =
		    pthread_create(&tid[t], NULL, summarise_some, &sm[t]) == 0;
	for (t = 0; t < n; t++) /* ours, and any share no thread took */
		if (!started[t])
			summarise_some(&sm[t]);
	for (t = 1; t < n; t++)
		if (started[t])
			pthread_join(tid[t], NULL);
	for (t = 0; t < n; t++)
		if (sm[t].status != TWC_OK)
			rc = TWC_ENOMEM;
	for (p = 0; p < j->n_plans; p++) {
		sim_plan *sp = &j->out->plans[p];
		sp->prob_cheapest = sp->excluded == SIM_RANKED
		                        ? (double)cheapest[p] / j->draws
		                        : (double)NAN;
		sp->prob_cheapest_any =
		    (double)cheapest[j->n_plans + p] / j->draws;
		sp->prob_below_reference = (double)below[p] / j->draws;
	}
	return rc;
}

int
sim_more_stats(sim_result *s, int plan)
{
	sim_plan *sp = &s->plans[plan];
	size_t n = (size_t)s->draws, off = (size_t)plan * s->stride;
	double *scratch, *total;
	size_t i;

	if (sp->more_stats)
		return TWC_OK;
	scratch = malloc(sizeof *scratch * n);
	total = malloc(sizeof *total * n);
	if (scratch != NULL && total != NULL) {
		for (i = 0; i < n; i++) /* total = net + grant */
			total[i] = sp->draw[i] + s->grant[off + i];
		stats_of(total, n, scratch, &sp->total);
		stats_of(s->grant + off, n, scratch, &sp->grant);
	}
	free(scratch);
	free(total);
	if (scratch == NULL || total == NULL)
		return TWC_ENOMEM;
	sp->more_stats = 1;
	return TWC_OK;
}

/* ---- set-up and threads -------------------------------------------------- */

static int
alloc_result(sim_result *s, int n_plans, int draws, size_t stride, int n_inputs)
{
	int p;

	s->plans = calloc((size_t)n_plans, sizeof *s->plans);
	if (s->plans == NULL)
		return TWC_ENOMEM;
	s->n_plans = n_plans;
	for (p = 0; p < n_plans; p++)
		if ((s->plans[p].draw = malloc(sizeof(double) * stride)) ==
		    NULL)
			return TWC_ENOMEM;
	s->n_kept = draws < SIM_RANK_DRAWS ? draws : SIM_RANK_DRAWS;
	s->kept =
	    malloc(sizeof(double) * (size_t)s->n_kept * (size_t)(n_inputs + 1));
	return s->kept ? TWC_OK : TWC_ENOMEM;
}

static int
run_threads(job *j, long long *cheapest, long long *below)
{
	pthread_t tid[SIM_MAX_THREADS];
	worker w[SIM_MAX_THREADS];
	int started[SIM_MAX_THREADS] = {0};
	int t, p, rc = TWC_OK;

	memset(w, 0, sizeof w);
	for (t = 0; t < j->threads; t++) {
		w[t].j = j;
		w[t].t = t;
		w[t].cheapest =
		    calloc(2 * (size_t)j->n_plans, sizeof(long long));
		w[t].below = calloc((size_t)j->n_plans, sizeof(long long));
		if (w[t].cheapest == NULL || w[t].below == NULL)
			rc = TWC_ENOMEM;
	}
	for (t = 1; rc == TWC_OK && t < j->threads; t++)
		started[t] = pthread_create(&tid[t], NULL, work, &w[t]) == 0;
	/* The calling thread does its own share, and the share of any thread
	 * that could not start (a WebAssembly page has no threads): the
	 * blocks and their seeds are the same, and so are the figures. */
	for (t = 0; rc == TWC_OK && t < j->threads; t++)
		if (!started[t])
			work(&w[t]);
	for (t = 1; t < j->threads; t++)
		if (started[t])
			pthread_join(tid[t], NULL);
	for (t = 0; t < j->threads; t++) {
		if (rc == TWC_OK && w[t].status != TWC_OK)
			rc = w[t].status;
		for (p = 0; w[t].cheapest && w[t].below && p < j->n_plans;
		     p++) {
			cheapest[p] += w[t].cheapest[p];
			cheapest[j->n_plans + p] +=
			    w[t].cheapest[j->n_plans + p];
			below[p] += w[t].below[p];
		}
		free(w[t].cheapest);
		free(w[t].below);
	}
	return rc;
}

static int
run_job(job *j)
{
	long long *cheapest = calloc(2 * (size_t)j->n_plans, sizeof *cheapest);
	long long *below = calloc((size_t)j->n_plans, sizeof *below);
	int rc = TWC_ENOMEM;

	j->grant = j->out->grant =
	    malloc(sizeof(double) * (size_t)j->n_plans * j->stride);
	if (cheapest != NULL && below != NULL && j->grant != NULL &&
	    (rc = run_threads(j, cheapest, below)) == TWC_OK)
		rc = summarise(j, cheapest, below);
	free(cheapest);
	free(below);
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

static int
prepare(job *j, const results *base, unsigned fixed, linear *lin, twc_error *e)
{
	sim_result *s = j->out;
	int *map, k, rc;

	if ((rc = sim_inputs(j->p, fixed, &s->inputs, &s->n_inputs, e)))
		return rc;
	j->inputs = s->inputs;
	j->n_inputs = s->n_inputs;
	for (k = 0; k < s->n_inputs; k++)
		s->quantities_vary |= s->inputs[k].kind != INPUT_PRICE;
	if (s->quantities_vary)
		return TWC_OK;
	if ((map = item_inputs(j->p, s->inputs, s->n_inputs)) == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	rc = linear_build(j->p, base, map, s->n_inputs, lin, e);
	free(map);
	j->lin = rc == TWC_OK ? lin : NULL;
	return rc;
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

/* Which plans prob_cheapest ranks: security fit ok, and asked for. */
static void
mark_ranked(const results *base, const unsigned char *among, sim_result *out)
{
	int p;

	for (p = 0; p < out->n_plans; p++)
		out->plans[p].excluded =
		    !base->plans[p].security_ok  ? SIM_EXCLUDED_SECURITY
		    : among != NULL && !among[p] ? SIM_EXCLUDED_AMONG
		                                 : SIM_RANKED;
}

int
sim_run(const profile *p, const scenario *sc, const results *base,
        unsigned fixed, const unsigned char *among, int draws, double seed,
        int threads, sim_progress *progress, sim_result *out, twc_error *e)
{
	linear lin = {0};
	job j;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_args(draws, seed, threads, e)))
		return rc;
	memset(&j, 0, sizeof j);
	j.p = p;
	j.sc = sc;
	j.out = out;
	j.draws = out->draws = draws;
	out->seed = seed;
	j.seed = splitmix64((unsigned long long)seed);
	j.n_plans = base->n_plans;
	j.reference = base->reference;
	j.n_blocks = (draws + SIM_BLOCK - 1) / SIM_BLOCK;
	j.stride = out->stride = (size_t)j.n_blocks * SIM_BLOCK;
	j.threads = out->threads = threads > 0 ? threads : default_threads();
	if (j.threads > j.n_blocks)
		j.threads = (int)j.n_blocks;
	j.progress = progress;
	if (progress != NULL) {
		atomic_store(&progress->done, 0);
		atomic_store(&progress->total, j.n_blocks);
	}
	if ((rc = prepare(&j, base, fixed, &lin, e)) == TWC_OK &&
	    (rc = alloc_result(out, j.n_plans, draws, j.stride,
	                       out->n_inputs)) == TWC_OK) {
		mark_ranked(base, among, out);
		rc = run_job(&j);
	}
	linear_free(&lin);
	if (rc != TWC_OK) {
		sim_free(out);
		if (rc == TWC_ENOMEM)
			return err_set(e, rc, "out of memory for %d draws",
			               draws);
		return err_set(e, rc, "a draw could not be evaluated");
	}
	return TWC_OK;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
sim_generate(const profile *p, int draws, double seed)
{
	sim_input *in = NULL;
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	double *x = malloc(sizeof *x * SIM_BLOCK), sum = 0;
	unsigned long long s = splitmix64((unsigned long long)seed);
	long b, n_blocks = (draws + SIM_BLOCK - 1) / SIM_BLOCK;
	int n = 0, k, i;

	if (r != NULL && x != NULL && sim_inputs(p, 0, &in, &n, NULL) == TWC_OK)
		for (b = 0; b < n_blocks; b++) {
			int len = (int)fmin(SIM_BLOCK,
			                    (double)(draws - b * SIM_BLOCK));
			for (k = 0; k < n; k++) {
				draw_block(r, &in[k], s, b, x, len);
				for (i = 0; i < len; i++)
					sum += x[i];
			}
		}
	free(in);
	free(x);
	if (r != NULL)
		gsl_rng_free(r);
	return sum;
}

const double *
sim_sorted(sim_result *s, int plan)
{
	sim_plan *sp = &s->plans[plan];

	if (sp->sorted == NULL) {
		sp->sorted = malloc(sizeof(double) * (size_t)s->draws);
		if (sp->sorted == NULL)
			return NULL;
		memcpy(sp->sorted, sp->draw, sizeof(double) * (size_t)s->draws);
		qsort(sp->sorted, (size_t)s->draws, sizeof(double), cmp_double);
	}
	return sp->sorted;
}

void
sim_free(sim_result *s)
{
	int p;

	for (p = 0; s->plans != NULL && p < s->n_plans; p++) {
		free(s->plans[p].draw);
		free(s->plans[p].sorted);
		free(s->plans[p].bars);
	}
	free(s->plans);
	free(s->inputs);
	free(s->kept);
	free(s->grant);
	memset(s, 0, sizeof *s);
}
