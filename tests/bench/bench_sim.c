/* bench_sim.c - the simulation's cost per draw against the bare cost of its
 * random variates, and the speed-up from 1 to 2 threads.  Prints
 * NAME VALUE UNIT lines for scripts/bench.  Not a test: nothing fails on
 * time. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "handle.h"
#include "sim.h"

/* Repetitions of each measurement; the minimum is reported, the machine
 * being noisy (10-40% drift between runs). */
#define REPS 7

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double
time_sim(twc_model *m, int draws, int threads)
{
	double t0 = now();

	if (twc_simulate(m, draws, 1, threads) != TWC_OK) {
		fprintf(stderr, "bench: %s\n", twc_last_error(m));
		exit(1);
	}
	return now() - t0;
}

static double
time_generate(const profile *p, int draws, double *sink)
{
	double t0 = now();

	*sink += sim_generate(p, draws, 1);
	return now() - t0;
}

static double
min2(double a, double b)
{
	return a < b ? a : b;
}

int
main(int argc, char **argv)
{
	int draws = argc > 1 ? atoi(argv[1]) : 100000;
	twc_model *m;
	double gen, one, two, sink = 0;
	int i;

	if (twc_open(NULL, &m) != TWC_OK)
		return 1;
	if (twc_count(m, NULL, "plans") < 0)
		return 1;
	/* Side by side: each repetition times the variates, one thread and
	 * two threads in turn, so that drift hits all three alike. */
	gen = one = two = 1e9;
	for (i = 0; i < REPS; i++) {
		gen = min2(gen, time_generate(m->p, draws, &sink));
		one = min2(one, time_sim(m, draws, 1));
		two = min2(two, time_sim(m, draws, 2));
	}
	if (sink == 42) /* keep the work */
		puts("");
	printf("mc_inputs %d inputs\n", m->sim.n_inputs);
	printf("mc_plans %d plans\n", m->sim.n_plans);
	printf("mc_variates_ns_per_draw %.1f ns\n", gen / draws * 1e9);
	printf("mc_sim_ns_per_draw %.1f ns\n", one / draws * 1e9);
	printf("mc_cost_ratio %.2f x\n", one / gen);
	printf("mc_draws_per_second_2_threads %.0f draws/s\n", draws / two);
	printf("mc_speedup_1_to_2_threads %.2f x\n", one / two);
	twc_close(m);
	return 0;
}
