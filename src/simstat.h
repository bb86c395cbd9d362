/* simstat.h - the statistics of one simulated quantity (a plan's net
 * cost, total or grant), gathered while drawing, in memory that does not
 * grow with the draws.
 *
 * Each thread keeps, per quantity, the least and greatest draw, their sum
 * in fixed point (so that the mean does not depend on which thread added
 * which block), and counts in STAT_BINS equal bins over a range fixed
 * before the run (twice the span of the first draws, from stat_range),
 * with one bin below it and one above.  Threads' counts add up exactly.
 *
 * Percentiles.  The order statistic of rank r is placed inside the bin
 * that holds it, as if that bin's draws were evenly spread over it; the
 * least and greatest draws are exact.  So each estimate lies in the same
 * bin as the exact order statistic: within one bin width of it (1/1024
 * of the span of the first draws), or, beyond the range, within the gap
 * between the range's end and the extreme draw.  Percentiles between
 * order statistics interpolate as GSL does (rank (n - 1) q). */
#ifndef TWC_SIMSTAT_H
#define TWC_SIMSTAT_H

#include <stdint.h>

/* Bins over the range; two more catch draws below and above it. */
#define STAT_BINS 2048

/* Draws that fix the range: the first of block 0. */
#define STAT_PILOT 256

/* Points of the S-curve (cdf:0 to cdf:100) and bins of the coarse
 * histogram (hist:K, from the least to the greatest draw). */
#define STAT_CDF 101
#define STAT_HIST 20

typedef struct stat_range {
	double lo, width, scale; /* scale = 1 / width */
} stat_range;

typedef struct stat_acc {
	double min, max;
	int64_t sum_hi, sum_lo; /* sum = sum_hi 2^32 + sum_lo 2^-16 */
	uint32_t count[STAT_BINS + 2];
} stat_acc;

/* What a quantity's statistics are, once the run is over. */
typedef struct stat_summary {
	double mean, p5, p10, p50, p90, p95, min, max;
} stat_summary;

/* The range of a quantity from the values of its first draws. */
void stat_range_of(const double *v, int n, stat_range *r);

void stat_init(stat_acc *a);

/* Add v[0..n), n > 0; scratch holds n indices. */
void stat_add(stat_acc *a, const stat_range *r, const double *v, int n,
              int32_t *scratch);

/* a += b. */
void stat_merge(stat_acc *a, const stat_acc *b);

/* The mean, the reported percentiles and the extremes of n draws. */
void stat_summarise(const stat_acc *a, const stat_range *r, long n,
                    stat_summary *s);

/* The values at cumulative probabilities q[0..nq), ascending, in [0, 1]. */
void stat_quantiles(const stat_acc *a, const stat_range *r, long n,
                    const double *q, int nq, double *out);

/* The coarse histogram: STAT_HIST bins from the least to the greatest
 * draw, each edge moved to the nearest edge of a fine bin (so each count
 * is exact for the edges given): edge[0..STAT_HIST], count[0..STAT_HIST). */
void stat_histogram(const stat_acc *a, const stat_range *r, long n,
                    double *edge, long *count);

#endif
