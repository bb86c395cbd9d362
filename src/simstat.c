/* simstat.c - one-pass statistics of a simulated quantity. */
#include <config.h>

#include "simstat.h"

#include <math.h>
#include <string.h>

#include "kernel.h"

/* The lanes of the partial sums, minima and maxima: 8 doubles, a whole
 * AVX-512 vector. */
#define LANES 8

void
stat_range_of(const double *v, int n, stat_range *r)
{
	double lo = v[0], hi = v[0], span;
	int i;

	for (i = 1; i < n; i++) {
		lo = v[i] < lo ? v[i] : lo;
		hi = v[i] > hi ? v[i] : hi;
	}
	span = hi - lo;
	if (!(span > 0)) /* constant so far: a narrow range around it */
		span = fmax(1.0, fabs(lo) * 1e-9);
	r->lo = lo - span / 2;
	r->width = 2 * span / STAT_BINS;
	r->scale = 1 / r->width;
}

void
stat_init(stat_acc *a)
{
	memset(a, 0, sizeof *a);
	a->min = HUGE_VAL;
	a->max = -HUGE_VAL;
}

/* The sum of a block of draws in fixed point: the whole multiples of 2^32
 * yen and the rest to 2^-16 yen, each exact in an int64 for any sum of
 * STAT_PILOT.. draws below 2^53 yen each, so that the order in which
 * blocks are added cannot change the total. */
static void
add_sum(stat_acc *a, double s)
{
	double hi = floor(s * 0x1p-32), rest = s - hi * 0x1p32;

	a->sum_hi += (int64_t)hi;
	a->sum_lo += (int64_t)llround(rest * 0x1p16);
}

/* The bin of value x: t = (x - lo) / width + 1, cut at STAT_BINS + 1 in
 * double (a NaN goes there too, so no conversion overflows), truncated,
 * and negatives raised to 0 in integers: a vminpd, a conversion and a
 * vpmaxsd when vectorised. */
static inline int32_t
bin_of(double x, double lo, double scale)
{
	const double top = STAT_BINS + 1;
	double t = (x - lo) * scale + 1.0;
	int32_t i;

	t = t < top ? t : top;
	i = (int32_t)t;
	return i > 0 ? i : 0;
}

/* Over v[0..n), n a multiple of LANES: each value's bin, and the sum,
 * least and greatest value in lanes, combined in a fixed order. */
TWC_KERNEL static void
scan(const stat_range *r, const double *restrict v, int n,
     int32_t *restrict idx, double *out)
{
	const double lo = r->lo, scale = r->scale;
	double s[LANES] = {0}, mn[LANES], mx[LANES];
	int i, j;

	for (j = 0; j < LANES; j++)
		mn[j] = mx[j] = v[j];
	for (i = 0; i < n; i += LANES)
		for (j = 0; j < LANES; j++) {
			double x = v[i + j];
			idx[i + j] = bin_of(x, lo, scale);
			s[j] += x;
			mn[j] = x < mn[j] ? x : mn[j];
			mx[j] = x > mx[j] ? x : mx[j];
		}
	out[0] = 0;
	out[1] = mn[0];
	out[2] = mx[0];
	for (j = 0; j < LANES; j++) {
		out[0] += s[j];
		out[1] = mn[j] < out[1] ? mn[j] : out[1];
		out[2] = mx[j] > out[2] ? mx[j] : out[2];
	}
}

void
stat_add(stat_acc *a, const stat_range *r, const double *v, int n,
         int32_t *scratch)
{
	int whole = n - n % LANES, i;
	double o[3] = {0, HUGE_VAL, -HUGE_VAL};

	if (whole > 0)
		scan(r, v, whole, scratch, o);
	for (i = whole; i < n; i++) {
		scratch[i] = bin_of(v[i], r->lo, r->scale);
		o[0] += v[i];
		o[1] = v[i] < o[1] ? v[i] : o[1];
		o[2] = v[i] > o[2] ? v[i] : o[2];
	}
	for (i = 0; i + 4 <= n; i += 4) { /* four a turn: half the loop */
		a->count[scratch[i]]++;
		a->count[scratch[i + 1]]++;
		a->count[scratch[i + 2]]++;
		a->count[scratch[i + 3]]++;
	}
	for (; i < n; i++)
		a->count[scratch[i]]++;
	a->min = o[1] < a->min ? o[1] : a->min;
	a->max = o[2] > a->max ? o[2] : a->max;
	add_sum(a, o[0]);
}

void
stat_merge(stat_acc *a, const stat_acc *b)
{
	int i;

	a->min = b->min < a->min ? b->min : a->min;
	a->max = b->max > a->max ? b->max : a->max;
	a->sum_hi += b->sum_hi;
	a->sum_lo += b->sum_lo;
	for (i = 0; i < STAT_BINS + 2; i++)
		a->count[i] += b->count[i];
}

/* ---- reading the counts -------------------------------------------------- */

/* The value of bin boundary k: 0 is the least draw, STAT_BINS + 2 the
 * greatest, k in between lo + (k - 1) width; clamped to the draws. */
static double
boundary(const stat_acc *a, const stat_range *r, int k)
{
	double v = r->lo + (k - 1) * r->width;

	if (k <= 0)
		return a->min;
	if (k >= STAT_BINS + 2)
		return a->max;
	return v < a->min ? a->min : v > a->max ? a->max : v;
}

/* Bins summed together so that a walk over the counts can skip them. */
#define SPAN 32
#define SPANS ((STAT_BINS + 2 + SPAN - 1) / SPAN)

/* A walk over the counts in rank order, a span of SPAN bins at a time:
 * span s holds ranks start .. start + span[s] - 1. */
typedef struct cursor {
	int s, b;         /* the span, and the bin inside it */
	long start, from; /* the first rank of each */
	long span[SPANS];
} cursor;

static void
cursor_init(cursor *c, const stat_acc *a)
{
	int s, b;

	c->s = c->b = 0;
	c->start = c->from = 0;
	for (s = 0; s < SPANS - 1; s++) { /* whole spans: vectorised */
		uint32_t sum = 0;
		for (b = 0; b < SPAN; b++)
			sum += a->count[s * SPAN + b];
		c->span[s] = sum;
	}
	c->span[SPANS - 1] = 0;
	for (b = (SPANS - 1) * SPAN; b < STAT_BINS + 2; b++)
		c->span[SPANS - 1] += a->count[b];
}

/* The order statistic of rank k (0 .. n-1), placed within its bin; k no
 * less than at the cursor's last call. */
static double
order_stat(const stat_acc *a, const stat_range *r, long n, long k, cursor *c)
{
	double lo, hi;

	if (k <= 0)
		return a->min;
	if (k >= n - 1)
		return a->max;
	while (c->s < SPANS - 1 && k >= c->start + c->span[c->s])
		c->start += c->span[c->s++];
	if (c->b < c->s * SPAN) { /* a new span: its bins from the start */
		c->b = c->s * SPAN;
		c->from = c->start;
	}
	while (c->b < STAT_BINS + 1 && k >= c->from + (long)a->count[c->b])
		c->from += a->count[c->b++];
	lo = boundary(a, r, c->b);
	hi = boundary(a, r, c->b + 1);
	return lo + ((double)(k - c->from) + 0.5) / (double)a->count[c->b] *
	                (hi - lo);
}

void
stat_quantiles(const stat_acc *a, const stat_range *r, long n, const double *q,
               int nq, double *out)
{
	cursor c;
	int i;

	cursor_init(&c, a);
	for (i = 0; i < nq; i++) {
		double h = (double)(n - 1) * q[i], f = floor(h), x, y;
		long k = (long)f;
		if (a->min == a->max || n <= 1) {
			out[i] = a->min;
			continue;
		}
		x = order_stat(a, r, n, k, &c);
		y = k + 1 < n ? order_stat(a, r, n, k + 1, &c) : x;
		out[i] = x + (h - f) * (y - x);
	}
}

void
stat_summarise(const stat_acc *a, const stat_range *r, long n, stat_summary *s)
{
	static const double q[] = {0.05, 0.10, 0.50, 0.90, 0.95};
	double v[5];

	s->mean = ((double)a->sum_hi * 0x1p32 + (double)a->sum_lo * 0x1p-16) /
	          (double)n;
	s->min = a->min;
	s->max = a->max;
	stat_quantiles(a, r, n, q, 5, v);
	s->p5 = v[0];
	s->p10 = v[1];
	s->p50 = v[2];
	s->p90 = v[3];
	s->p95 = v[4];
}

/* The bin boundary nearest to value v, within the draws. */
static int
nearest_boundary(const stat_acc *a, const stat_range *r, double v)
{
	double k = floor((v - r->lo) * r->scale + 0.5) + 1;

	if (k <= 1 && r->lo <= a->min)
		return 0;
	if (k >= STAT_BINS + 1 && r->lo + STAT_BINS * r->width >= a->max)
		return STAT_BINS + 2;
	return k < 1 ? 1 : k > STAT_BINS + 1 ? STAT_BINS + 1 : (int)k;
}

void
stat_histogram(const stat_acc *a, const stat_range *r, long n, double *edge,
               long *count)
{
	int at[STAT_HIST + 1], k, b;
	double w = (a->max - a->min) / STAT_HIST;

	for (k = 0; k <= STAT_HIST; k++) {
		at[k] = k == 0 ? 0
		        : k == STAT_HIST
		            ? STAT_BINS + 2
		            : nearest_boundary(a, r, a->min + w * k);
		if (k > 0 && at[k] < at[k - 1])
			at[k] = at[k - 1];
		edge[k] = boundary(a, r, at[k]);
	}
	for (k = 0; k < STAT_HIST; k++) {
		count[k] = 0;
		for (b = at[k]; b < at[k + 1]; b++)
			count[k] += a->count[b];
	}
	if (!(w > 0)) { /* every draw the same: all in the first bin */
		memset(count, 0, sizeof *count * STAT_HIST);
		count[0] = n;
	}
}
