/* variates.h - the random numbers of the simulation: a generator in lanes
 * seeded per block, and branch-free inverse CDFs drawn in blocks.
 *
 * Generator.  xoshiro256+ (Blackman and Vigna) run as VARIATE_LANES
 * independent lanes side by side, so that one step of every lane is one
 * vector operation.  Draw i of a block comes from lane i % VARIATE_LANES,
 * step i / VARIATE_LANES.  The lanes of a block are seeded from one 64-bit
 * key with SplitMix64, as the generator's authors advise; the key mixes
 * the run's seed, the input's stream (a hash of its id) and the block
 * number, so that any block of any input can be drawn on its own: by any
 * thread, and whatever other inputs exist.
 *
 * Uniforms.  The top 52 bits of a lane's output k give u = (k + 1/2) /
 * 2^52, strictly inside (0, 1), exactly.
 *
 * Transforms, one per distribution, each without a branch:
 *   uniform      lo + u (hi - lo)
 *   triangular   the inverse CDF with one square root: the root's argument
 *                and the end it is measured from are selected arithmetically
 *   pert         linear interpolation in a table of VARIATE_TABLE + 1
 *                quantiles of the beta, made once per run
 *   lognormal    median x exp(sigma z), z the normal quantile of u by
 *                Wichura's AS 241 (all three of its regions computed, one
 *                selected). */
#ifndef TWC_VARIATES_H
#define TWC_VARIATES_H

#include <stdint.h>

#include "dist.h"
#include "err.h"

/* Lanes of the generator: part of the reproducibility contract (changing
 * it changes every figure for a seed). */
#define VARIATE_LANES 8

/* Intervals of a PERT input's quantile table.  Against GSL's beta
 * inverse (tests/unit/test_variates.c), linear interpolation errs by less
 * than 5e-6 of the range from P1 to P99 and 3e-4 from P0.1 to P99.9; in
 * the outermost 1/VARIATE_TABLE at each end, where the beta's quantile
 * rises like a power of u, by up to 8% of the range.  The two end nodes
 * are placed so that the mean over those intervals is the beta's, so the
 * table's mean errs by less than 1e-6 of the range. */
#define VARIATE_TABLE 4096

/* The state of one block's lanes. */
typedef struct rng_lanes {
	uint64_t s[4][VARIATE_LANES];
} rng_lanes;

/* An input's transform, prepared once per run. */
typedef struct variate {
	enum dist_kind kind;
	double lo, hi;        /* support (lognormal: unused) */
	double f, wa, wb;     /* triangular: F(mode), (hi-lo)(mode-lo),
	                         (hi-lo)(hi-mode) */
	double median, sigma; /* lognormal */
	double *table;        /* pert: VARIATE_TABLE + 1 quantiles on [0, 1] */
} variate;

/* SplitMix64's output function (a bijection of 64-bit words). */
uint64_t variate_mix(uint64_t x);

/* The key of block b of the stream of an input; seed_key is
 * variate_mix(seed), stream the hash of the input's id. */
uint64_t variate_key(uint64_t seed_key, uint64_t stream, long block);

/* Seed every lane from a block's key. */
void variate_seed(rng_lanes *g, uint64_t key);

/* Prepare the transform of d (which must be random: dist_is_random);
 * TWC_ENOMEM, or TWC_EVALUE when the beta table cannot be made. */
int variate_init(variate *v, const dist *d, twc_error *e);
void variate_free(variate *v);

/* The next n draws of v from the lanes g (n a multiple of
 * VARIATE_LANES), into x. */
void variate_fill(rng_lanes *g, const variate *v, double *x, int n);

/* The transform of one uniform u in (0, 1): what variate_fill gives for
 * it, for tests. */
double variate_at(const variate *v, double u);

/* The next n uniforms of the lanes (n a multiple of VARIATE_LANES): the
 * generator alone, for tests and scripts/bench. */
void variate_uniforms(rng_lanes *g, double *u, int n);

#endif
