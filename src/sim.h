/* sim.h - Monte Carlo simulation of every plan on common random numbers,
 * percentiles, sensitivity (tornado and rank correlation).
 *
 * Inputs.  Every catalogue price with a range, and the shares, days and
 * peak factor a profile gives a range (unless the user set them), is an
 * uncertain input with its own random stream: block b of input k is
 * drawn by the generator of variates.h from a key that mixes the seed, a
 * hash of the input's id and b.  Blocks have SIM_BLOCK draws; threads take
 * whole blocks, so the figures do not depend on the number of threads,
 * and adding an input leaves the others' draws unchanged.
 *
 * Evaluation.  With quantities fixed (no share, days or peak input), each
 * plan's total cost is linear in the prices and its eligible cost per
 * fiscal year too: the simulation evaluates those sums per draw, a chunk
 * of draws at a time, then the grant per year with the rule's rounding,
 * exactly as the estimate does.  With uncertain quantities each draw
 * recomputes the quantities first.
 *
 * Statistics.  Every figure twc_result reports of a simulation - net,
 * total and grant mean, percentiles and extremes, the S-curve (cdf:K),
 * the histogram, the chance of being cheapest and of beating the
 * reference - is gathered while drawing, by every thread (simstat.h), and
 * made final before sim_run returns.  Only the tornado waits until asked
 * (sim_sensitivity): it needs ranks of the first SIM_RANK_DRAWS draws,
 * which it draws again.
 *
 * Memory.  A simulation's memory is bounded by the statistics it keeps,
 * not by its draws: no draw outlives its chunk.  While it runs, each
 * thread holds
 *     8 x SIM_CHUNK x (columns + 3 x plans + 4)    bytes of draws (columns:
 *         the inputs and their composites, at most twice the inputs)
 *   + 256 x columns                                 bytes of generator state
 *   + 12 x plans x (STAT_BINS + 2)                  bytes of counts,
 * the run itself its transforms (32 kB a PERT input) and linear form; the
 * result keeps about 1.3 kB a plan.  The tornado, when asked, holds for a
 * while 16 x min(draws, SIM_RANK_DRAWS) x (inputs + plans) bytes.  The
 * default scenario (46 inputs and 11 composites, 6 plans): 0.32 MB a
 * thread whatever the draws, 8.3 MB more while its tornado is made. */
#ifndef TWC_SIM_H
#define TWC_SIM_H

#include <stdatomic.h>

#include "linear.h"
#include "model.h"
#include "simstat.h"
#include "variates.h"

/* Draws per block of one random stream: part of the reproducibility
 * contract (changing it changes every figure for a seed). */
#define SIM_BLOCK 1024

/* Draws evaluated together: a block is SIM_BLOCK / SIM_CHUNK chunks, each
 * small enough that its draws stay in the first-level cache.  Not part of
 * the contract. */
#define SIM_CHUNK LINEAR_CHUNK

/* Limits of a run. */
#define SIM_MAX_DRAWS 1000000
#define SIM_MAX_THREADS 64

/* Draws ranked for the tornado's rank correlations: the first this many. */
#define SIM_RANK_DRAWS 10000

/* Bins of the net-cost histogram (hist:K). */
#define SIM_HIST_BINS STAT_HIST

enum input_kind { INPUT_PRICE, INPUT_SHARE, INPUT_DAYS, INPUT_PEAK };

typedef struct sim_input {
	char id[64]; /* vdi_server, home_share, satellite_days, peak */
	int kind;    /* enum input_kind */
	int index;   /* the item, or the style */
	dist d;
	unsigned long long stream; /* hash of the id */
	double mean, p10, p90;     /* of d, for input:N:... */
	double min, max; /* a scenario input's allowed range (scenario.c):
	                    draws beyond it are clamped */
} sim_input;

typedef stat_summary sim_stats;

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

/* A plan's budget request of one fiscal year over the draws: 事業費 and
 * 実質負担額 (事業費 less other funding less the grant) at each
 * percentile 0 to 100, and their means.  Made by sim_years. */
typedef struct sim_year {
	double cost[STAT_CDF], real[STAT_CDF];
	double cost_mean, real_mean;
} sim_year;

typedef struct sim_plan {
	sim_stats net, total, grant;
	/* The share of draws in which it is the cheapest of the plans
	 * ranked - those whose security fit is ok, among the plans asked
	 * for - (NaN when it is not ranked), and of all plans. */
	double prob_cheapest, prob_cheapest_any, prob_below_reference;
	int excluded;                        /* enum sim_excluded */
	double cdf[STAT_CDF];                /* net at percentile K */
	double hist_edge[SIM_HIST_BINS + 1]; /* from_yen of bin K; to_yen
	                                        of the last */
	long hist[SIM_HIST_BINS];
	tornado_bar *bars; /* made by sim_sensitivity, largest swing first */
	int n_bars;
	sim_year *years; /* made by sim_years, one per fiscal year */
} sim_plan;

typedef struct sim_result {
	int draws, threads;
	double seed;
	unsigned fixed; /* the FIXED_* bits the run was made with */
	sim_input *inputs;
	int n_inputs;
	int quantities_vary; /* the slow path was taken */
	sim_plan *plans;
	int n_plans;
	int sensitivity_done;
	int n_years;        /* of each plan's years, once sim_years made them */
	int totals_pending; /* sim_run_net: total and grant not made yet */
} sim_result;

/* Blocks done and to do, read by another thread while a run goes on. */
typedef struct sim_progress {
	atomic_long done, total;
} sim_progress;

/* Shown every chunk of draws as it is made (tests, and the tornado's
 * ranks): draws first .. first + len - 1; net[p][i] is plan p's net cost
 * of draw first + i, x[k * SIM_CHUNK + i] input k's value.  Called from
 * the thread that made the chunk. */
typedef struct sim_observer {
	void (*chunk)(void *ctx, long first, int len, const double *const *net,
	              const double *x);
	void *ctx;
} sim_observer;

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
 * not NULL, counts the blocks done for another thread to read; obs, when
 * not NULL, sees every chunk. */
int sim_run(const profile *p, const scenario *sc, const results *base,
            unsigned fixed, const unsigned char *among, int draws, double seed,
            int threads, sim_progress *progress, const sim_observer *obs,
            sim_result *out, twc_error *e);

/* sim_run without each plan's total and grant statistics (the net cost's
 * and the chances are the same): a third of the counting, for a caller
 * that reads only the net cost.  sim_totals makes them, on first need. */
int sim_run_net(const profile *p, const scenario *sc, const results *base,
                unsigned fixed, const unsigned char *among, int draws,
                double seed, int threads, sim_progress *progress,
                sim_result *out, twc_error *e);

/* The total and grant statistics a sim_run_net left out, made by running
 * the same draws again (the same figures as sim_run's); nothing when s
 * has them. */
int sim_totals(const profile *p, const scenario *sc, const results *base,
               sim_result *s, twc_error *e);

/* Tornado bars and rank correlations, computed once, on first need: the
 * one part of a simulation's results made after sim_run, because it
 * costs more than a small run itself (it draws the first SIM_RANK_DRAWS
 * draws again and ranks them).  TWC_ENOMEM when memory runs out. */
int sim_sensitivity(const profile *p, const scenario *sc, const results *base,
                    sim_result *s, twc_error *e);

/* Each plan's budget request per fiscal year over the same draws (the
 * same seed, draws and threads as s): made once, on first need, by
 * running the draws again with each year's 事業費 and 実質負担額
 * gathered too - which a run does not do unasked, so that simulate does
 * not pay for them.  While it runs, each thread holds 16 x (years x
 * plans) x (STAT_BINS + 2 + SIM_CHUNK) bytes more. */
int sim_years(const profile *p, const scenario *sc, const results *base,
              sim_result *s, twc_error *e);

/* Only the draws of every input of p, summed: what the simulation's own
 * variates cost, for scripts/bench. */
double sim_generate(const profile *p, int draws, double seed);

void sim_free(sim_result *s);

#endif
