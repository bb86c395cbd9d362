/* sim.h - Monte Carlo simulation of every plan on common random numbers,
 * percentiles, sensitivity (tornado and rank correlation).
 *
 * Inputs.  Every catalogue price with a range, and the shares, days and
 * peak factor a profile gives a range (unless the user set them), is an
 * uncertain input with its own random stream: the stream of draw block b
 * of input k is GSL's taus2 seeded with a 32-bit hash of (seed, the
 * input's id, b).  Blocks have SIM_BLOCK draws; threads take whole blocks,
 * so the figures do not depend on the number of threads, and adding an
 * input leaves the others' draws unchanged.
 *
 * Evaluation.  With quantities fixed (no share, days or peak input), each
 * plan's total cost is linear in the prices and its eligible cost per
 * fiscal year too: the simulation evaluates those sums per draw, then the
 * grant per year with the rule's rounding, exactly as the estimate does.
 * With uncertain quantities each draw recomputes the quantities first. */
#ifndef TWC_SIM_H
#define TWC_SIM_H

#include <stdatomic.h>

#include "model.h"

/* Draws per block of one random stream: part of the reproducibility
 * contract (changing it changes every figure for a seed). */
#define SIM_BLOCK 1024

/* Limits of a run. */
#define SIM_MAX_DRAWS 1000000
#define SIM_MAX_THREADS 64

/* Draws kept per input for rank correlations: the first this many. */
#define SIM_RANK_DRAWS 10000

/* Bins of the net-cost histogram. */
#define SIM_HIST_BINS 20

enum input_kind { INPUT_PRICE, INPUT_SHARE, INPUT_DAYS, INPUT_PEAK };

typedef struct sim_input {
	char id[64]; /* vdi_server, home_share, satellite_days, peak */
	int kind;    /* enum input_kind */
	int index;   /* the item, or the style */
	dist d;
	unsigned long long stream; /* hash of seed and id */
} sim_input;

typedef struct sim_stats {
	double mean, p5, p10, p50, p90, p95, min, max;
} sim_stats;

typedef struct tornado_bar {
	int input;
	double low_value, high_value; /* the input at its P10 and P90 */
	long long low_yen, high_yen;  /* the plan's net cost then */
	long long swing_yen;
	double rank_corr; /* Spearman with net cost; NaN if the
	                     input never varies */
} tornado_bar;

/* Why a plan is left out of prob_cheapest (sim_plan.excluded). */
enum sim_excluded {
	SIM_RANKED,            /* counted */
	SIM_EXCLUDED_SECURITY, /* its security fit is a warning */
	SIM_EXCLUDED_AMONG     /* not among the plans asked for */
};

typedef struct sim_plan {
	sim_stats net, total, grant;
	/* The share of draws in which it is the cheapest of the plans
	 * ranked - those whose security fit is ok, among the plans asked
	 * for - (NaN when it is not ranked), and of all plans. */
	double prob_cheapest, prob_cheapest_any, prob_below_reference;
	int excluded;      /* enum sim_excluded */
	double *draw;      /* every draw's net cost */
	double *sorted;    /* net sorted, made on first need */
	tornado_bar *bars; /* made on first need, largest swing first */
	int n_bars;
	int hist[SIM_HIST_BINS];
	int more_stats; /* total and grant statistics are made */
} sim_plan;

typedef struct sim_result {
	int draws, threads;
	double seed;
	sim_input *inputs;
	int n_inputs;
	int quantities_vary; /* the slow path was taken */
	sim_plan *plans;
	int n_plans;
	double *grant; /* every draw's grant [plan][draw]; total is
	                  net + grant */
	size_t stride; /* their row length: draws padded to blocks */
	double *kept;  /* kept draws of each input, for ranks */
	int n_kept;
	int sensitivity_done;
} sim_result;

/* Blocks done and to do, read by another thread while a run goes on. */
typedef struct sim_progress {
	atomic_long done, total;
} sim_progress;

/* Which scenario inputs the user fixed (their profile range is ignored). */
enum {
	FIXED_SHARE = 1,               /* << style */
	FIXED_DAYS = 1 << STYLE_COUNT, /* << style */
	FIXED_PEAK = 1 << (2 * STYLE_COUNT)
};

/* The uncertain inputs of a profile and scenario (ids and distributions);
 * fixed: FIXED_* bits. */
int sim_inputs(const profile *p, unsigned fixed, sim_input **out, int *n,
               twc_error *e);

/* Run draws draws.  base must be the estimate of sc.  among, when not
 * NULL, has a flag per plan: prob_cheapest ranks only those flagged (and,
 * always, only plans whose security fit in base is ok).  progress, when
 * not NULL, counts the blocks done for another thread to read. */
int sim_run(const profile *p, const scenario *sc, const results *base,
            unsigned fixed, const unsigned char *among, int draws, double seed,
            int threads, sim_progress *progress, sim_result *out, twc_error *e);

/* Tornado bars and rank correlations, computed once on first need. */
int sim_sensitivity(const profile *p, const scenario *sc, const results *base,
                    sim_result *s, twc_error *e);

/* The statistics of a plan's total cost and grant, made on first need. */
int sim_more_stats(sim_result *s, int plan);

/* The sorted net costs of plan i, made on first need; NULL when out of
 * memory. */
const double *sim_sorted(sim_result *s, int plan);

/* The value with cumulative probability q (0..1) of sorted data: linear
 * interpolation between order statistics (GSL's convention). */
double sim_quantile(const double *sorted, int n, double q);

/* Only the draws of every input of p, summed: the floor a simulation
 * cannot go below, for scripts/bench. */
double sim_generate(const profile *p, int draws, double seed);

void sim_free(sim_result *s);

#endif
