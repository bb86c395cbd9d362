/* bench_sim.c - the simulation's cost per draw against its anchors, each
 * measured in this one run, in turn, the minimum of REPS rounds kept (the
 * machine is noisy: 10-40% drift between runs).  Prints NAME VALUE UNIT
 * lines for scripts/bench.  Not a test: nothing fails on time.
 *
 *   floor_*_ns_per_variate  a triangular variate from three generators,
 *       written here, not taken from the library: GSL's taus2, a scalar
 *       xoshiro256**, and 8 lanes of xoshiro256+ (compiled for x86-64-v4,
 *       v3 and the baseline, like the library), each with the fastest
 *       branch-free inverse CDF (one square root, arithmetic selects),
 *       one long stream per input, into a chunk of 256 as a simulation
 *       uses them; the floor is the fastest of the three
 *   floor_ns_per_draw       the floor x the default scenario's inputs
 *   lib_variates_ns_per_draw  the library's own variates (sim_generate)
 *   lib_sim_ns_per_draw     twc_simulate, one thread, in this process
 *   cli_{table,json}_ns_per_draw  `twcost simulate --threads 1` as a
 *       process, start to end, when a twcost path is given
 *   mc_cost_ratio_{lib,table,json}  those over the floor
 *   mc_speedup_1_to_2_threads  twc_simulate, 1 thread over 2 (wall time)
 *   mc_two_threads_cpu_share  the 2-thread run's CPU time over twice its
 *       wall time: 1.00 when both cores were free for it
 *
 * Per-draw costs are CPU time (the thread's own, or the child's user and
 * system time), which a busy machine does not inflate by taking the CPU
 * away; wall-time ratios follow as *_wall.  The speed-up needs wall time:
 * on a machine whose other users keep a core busy it says little, and
 * mc_two_threads_cpu_share says how little.
 *
 * Usage: bench_sim [DRAWS [TWCOST]]   (default 1000000 draws)
 *        bench_sim --model FILE       write the default scenario's linear
 *                                     form as JSON (for --spreadsheet) */
#include <config.h>

#include <fcntl.h>
#include <gsl/gsl_rng.h>
#include <math.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "handle.h"
#include "kernel.h"
#include "linear.h"
#include "sim.h"

#define REPS 7
#define CHUNK 256
#define LANES 8

extern char **environ;

/* The model whose own variates gen_round draws. */
static twc_model *bench_model;

/* Wall and CPU seconds of a piece of work. */
typedef struct span {
	double wall, cpu;
} span;

static double
cpu_now(clockid_t which)
{
	struct timespec t;

	clock_gettime(which, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* ---- the floor ----------------------------------------------------------- */

typedef struct tri {
	double lo, hi, f, wa, wb;
} tri;

static tri
tri_of(const dist *d)
{
	double w = d->high - d->low;
	tri t = {d->low, d->high, (d->base - d->low) / w,
	         w * (d->base - d->low), w * (d->high - d->base)};

	return t;
}

/* The inverse CDF with one square root and no branch. */
static inline double
tri_at(const tri *t, double u)
{
	double m = (double)(u < t->f), n = 1.0 - m;
	double s = sqrt(m * (u * t->wa) + n * ((1.0 - u) * t->wb));

	return m * (t->lo + s) + n * (t->hi - s);
}

/* A cheap use of a chunk, so that no generator's work is dropped. */
static double
use(const double *x)
{
	double s[LANES] = {0}, sum = 0;
	int i, j;

	for (i = 0; i < CHUNK; i += LANES)
		for (j = 0; j < LANES; j++)
			s[j] += x[i + j];
	for (j = 0; j < LANES; j++)
		sum += s[j];
	return sum;
}

static double
floor_taus2(const tri *t, int n_inputs, long draws)
{
	gsl_rng *r = gsl_rng_alloc(gsl_rng_taus2);
	double x[CHUNK], sum = 0;
	long d;
	int k, i;

	for (k = 0; r != NULL && k < n_inputs; k++) {
		gsl_rng_set(r, (unsigned long)k + 1);
		for (d = 0; d < draws; d += CHUNK) {
			for (i = 0; i < CHUNK; i++)
				x[i] = tri_at(&t[k], gsl_rng_uniform(r));
			sum += use(x);
		}
	}
	gsl_rng_free(r);
	return sum;
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline double
unit(uint64_t r)
{
	uint64_t b = (r >> 12) | 0x3FF0000000000000ULL;
	double d;

	memcpy(&d, &b, sizeof d);
	return d - (1.0 - 0x1p-53);
}

static double
floor_xoshiro(const tri *t, int n_inputs, long draws)
{
	double x[CHUNK], sum = 0;
	long d;
	int k, i;

	for (k = 0; k < n_inputs; k++) {
		uint64_t s0 = 0x9E3779B97F4A7C15ULL * (uint64_t)(k + 1),
		         s1 = ~s0, s2 = rotl(s0, 17), s3 = rotl(s1, 31);
		for (d = 0; d < draws; d += CHUNK) {
			for (i = 0; i < CHUNK; i++) {
				uint64_t r = rotl(s1 * 5, 7) * 9, u = s1 << 17;
				s2 ^= s0;
				s3 ^= s1;
				s1 ^= s2;
				s0 ^= s3;
				s2 ^= u;
				s3 = rotl(s3, 45);
				x[i] = tri_at(&t[k], unit(r));
			}
			sum += use(x);
		}
	}
	return sum;
}

typedef struct lanes {
	uint64_t s0[LANES], s1[LANES], s2[LANES], s3[LANES];
} lanes;

TWC_KERNEL static void
fill_lanes(lanes *restrict g, const tri *t, double *restrict x)
{
	const tri c = *t;
	lanes l = *g;
	int i, j;

	for (i = 0; i < CHUNK; i += LANES)
		for (j = 0; j < LANES; j++) {
			uint64_t r = l.s0[j] + l.s3[j], u = l.s1[j] << 17;
			l.s2[j] ^= l.s0[j];
			l.s3[j] ^= l.s1[j];
			l.s1[j] ^= l.s2[j];
			l.s0[j] ^= l.s3[j];
			l.s2[j] ^= u;
			l.s3[j] = rotl(l.s3[j], 45);
			x[i + j] = tri_at(&c, unit(r));
		}
	*g = l;
}

static double
floor_lanes(const tri *t, int n_inputs, long draws)
{
	double x[CHUNK], sum = 0;
	lanes g;
	long d;
	int k, j;

	for (k = 0; k < n_inputs; k++) {
		for (j = 0; j < LANES; j++) {
			g.s0[j] =
			    0x9E3779B97F4A7C15ULL * (uint64_t)(k * 8 + j + 1);
			g.s1[j] = ~g.s0[j];
			g.s2[j] = rotl(g.s0[j], 17);
			g.s3[j] = rotl(g.s1[j], 31);
		}
		for (d = 0; d < draws; d += CHUNK) {
			fill_lanes(&g, &t[k], x);
			sum += use(x);
		}
	}
	return sum;
}

/* ---- the library and the command ----------------------------------------- */

/* twc_simulate: one thread runs on this one, whose CPU time is counted;
 * for more, the process's. */
static span
time_sim(twc_model *m, int draws, int threads)
{
	clockid_t clock =
	    threads == 1 ? CLOCK_THREAD_CPUTIME_ID : CLOCK_PROCESS_CPUTIME_ID;
	double t0 = now(), c0 = cpu_now(clock);
	span s;

	if (twc_simulate(m, draws, 1, threads) != TWC_OK) {
		fprintf(stderr, "bench_sim: %s\n", twc_last_error(m));
		exit(1);
	}
	s.wall = now() - t0;
	s.cpu = cpu_now(clock) - c0;
	return s;
}

/* `twcost simulate --draws N --threads 1 [--format json]`, start to end,
 * its output thrown away: wall time, and the child's user + system time. */
static span
time_cli(const char *twcost, int draws, int json)
{
	char args[8][512], *argv[9];
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status, i;
	struct rusage ru;
	span s;
	double t0;

	snprintf(args[0], sizeof args[0], "%s", twcost);
	snprintf(args[1], sizeof args[1], "simulate");
	snprintf(args[2], sizeof args[2], "--draws");
	snprintf(args[3], sizeof args[3], "%d", draws);
	snprintf(args[4], sizeof args[4], "--threads");
	snprintf(args[5], sizeof args[5], "1");
	snprintf(args[6], sizeof args[6], "--format");
	snprintf(args[7], sizeof args[7], "%s", json ? "json" : "table");
	for (i = 0; i < 8; i++)
		argv[i] = args[i];
	argv[8] = NULL;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	t0 = now();
	if (posix_spawn(&pid, twcost, &fa, NULL, argv, environ) != 0 ||
	    wait4(pid, &status, 0, &ru) != pid || status != 0) {
		fprintf(stderr, "bench_sim: %s simulate failed\n", twcost);
		exit(1);
	}
	s.wall = now() - t0;
	s.cpu = (double)ru.ru_utime.tv_sec +
	        (double)ru.ru_utime.tv_usec * 1e-6 +
	        (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
	posix_spawn_file_actions_destroy(&fa);
	return s;
}

/* The least of each, over rounds. */
static void
keep_min(span *best, span s)
{
	best->wall = s.wall < best->wall ? s.wall : best->wall;
	best->cpu = s.cpu < best->cpu ? s.cpu : best->cpu;
}

/* A floor generator's round, timed on this thread. */
static span
time_floor(double (*f)(const tri *, int, long), const tri *t, int n, long draws,
           double *sink)
{
	double t0 = now(), c0 = cpu_now(CLOCK_THREAD_CPUTIME_ID);
	span s;

	*sink += f(t, n, draws);
	s.wall = now() - t0;
	s.cpu = cpu_now(CLOCK_THREAD_CPUTIME_ID) - c0;
	return s;
}

static double
gen_round(const tri *t, int n, long draws)
{
	(void)t;
	(void)n;
	return sim_generate(bench_model->p, (int)draws, 1);
}

/* ---- the linear form, for the spreadsheet -------------------------------- */

static void
write_sum(FILE *f, const linear_sum *s, int n_inputs)
{
	double *dense = calloc((size_t)n_inputs + 1, sizeof *dense);
	int k;

	for (k = 0; dense != NULL && k < s->n_terms; k++)
		dense[s->terms[k].input] = s->terms[k].coef;
	fprintf(f, "{\"constant\": %.17g, \"coef\": [", s->constant);
	for (k = 0; dense != NULL && k < n_inputs; k++)
		fprintf(f, "%s%.17g", k ? ", " : "", dense[k]);
	fputs("]}", f);
	free(dense);
}

static int
write_model(twc_model *m, const char *path)
{
	FILE *f = fopen(path, "w");
	sim_input *in = NULL;
	int *map, n = 0, i, p, y;
	linear lin;
	twc_error e;

	if (f == NULL || twc_count(m, NULL, "plans") < 0 ||
	    sim_inputs(m->p, 0, &in, &n, &e) != TWC_OK)
		return 1;
	map = malloc(sizeof *map * (size_t)(m->p->cat.n_items + 1));
	for (i = 0; map != NULL && i < m->p->cat.n_items; i++)
		map[i] = -1;
	for (i = 0; map != NULL && i < n; i++)
		map[in[i].index] = i;
	if (map == NULL || linear_build(m->p, &m->r, map, n, &lin, &e))
		return 1;
	fprintf(f,
	        "{\"grant\": {\"applies\": %d, \"factor\": %.17g, "
	        "\"unit\": %.17g},\n \"inputs\": [",
	        lin.applies, lin.factor, lin.unit);
	for (i = 0; i < n; i++)
		fprintf(f,
		        "%s\n  {\"id\": \"%s\", \"low\": %.17g, \"mode\": "
		        "%.17g, \"high\": %.17g}",
		        i ? "," : "", in[i].id, in[i].d.low, in[i].d.base,
		        in[i].d.high);
	fputs("],\n \"plans\": [", f);
	for (p = 0; p < lin.n_plans; p++) {
		fprintf(f,
		        "%s\n  {\"id\": \"%s\", \"net_yen\": %lld, "
		        "\"total\": ",
		        p ? "," : "", m->p->cat.plans[p].id, m->r.plans[p].net);
		write_sum(f, &lin.plans[p].total, n);
		fputs(", \"eligible\": [", f);
		for (y = 0; y < lin.plans[p].n_eligible; y++) {
			fputs(y ? ", " : "", f);
			write_sum(f, &lin.plans[p].eligible[y], n);
		}
		fputs("]}", f);
	}
	fputs("]}\n", f);
	linear_free(&lin);
	free(map);
	free(in);
	return fclose(f) != 0;
}

/* ---- main ---------------------------------------------------------------- */

static span
none(void)
{
	span s = {1e9, 1e9};

	return s;
}

static void
report(const char *what, const char *name, span floor, span x, int draws)
{
	printf("%s_ns_per_draw %.1f ns\n", what, x.cpu / draws * 1e9);
	printf("%s_ns_per_draw_wall %.1f ns\n", what, x.wall / draws * 1e9);
	printf("mc_cost_ratio_%s %.2f x\n", name, x.cpu / floor.cpu);
	printf("mc_cost_ratio_%s_wall %.2f x\n", name, x.wall / floor.wall);
}

int
main(int argc, char **argv)
{
	int draws = argc > 1 ? atoi(argv[1]) : 1000000;
	const char *twcost = argc > 2 ? argv[2] : NULL;
	span ft = none(), fx = none(), fl = none(), gen = none(), one = none(),
	     two = none(), table = none(), json = none(), best;
	double sink = 0;
	tri t[256];
	twc_model *m;
	int i, n;

	if (twc_open(NULL, &m) != TWC_OK || twc_count(m, NULL, "plans") < 0)
		return 1;
	if (argc == 3 && strcmp(argv[1], "--model") == 0)
		return write_model(m, argv[2]);
	if (draws < CHUNK || twc_simulate(m, 10, 1, 1) != TWC_OK)
		return 1;
	bench_model = m;
	n = m->sim.n_inputs < 256 ? m->sim.n_inputs : 256;
	for (i = 0; i < n; i++)
		t[i] = tri_of(&m->sim.inputs[i].d);
	for (i = 0; i < REPS; i++) {
		keep_min(&ft, time_floor(floor_taus2, t, n, draws, &sink));
		keep_min(&fx, time_floor(floor_xoshiro, t, n, draws, &sink));
		keep_min(&fl, time_floor(floor_lanes, t, n, draws, &sink));
		keep_min(&gen, time_floor(gen_round, t, n, draws, &sink));
		keep_min(&one, time_sim(m, draws, 1));
		keep_min(&two, time_sim(m, draws, 2));
		if (twcost != NULL) {
			keep_min(&table, time_cli(twcost, draws, 0));
			keep_min(&json, time_cli(twcost, draws, 1));
		}
	}
	if (sink == 42) /* keep the work */
		puts("");
	best = ft;
	keep_min(&best, fx);
	keep_min(&best, fl);
	printf("mc_inputs %d inputs\n", m->sim.n_inputs);
	printf("mc_plans %d plans\n", m->sim.n_plans);
	printf("mc_draws %d draws\n", draws);
	printf("floor_taus2_ns_per_variate %.2f ns\n",
	       ft.cpu / draws / n * 1e9);
	printf("floor_xoshiro_ns_per_variate %.2f ns\n",
	       fx.cpu / draws / n * 1e9);
	printf("floor_lanes_ns_per_variate %.2f ns\n",
	       fl.cpu / draws / n * 1e9);
	printf("floor_ns_per_draw %.1f ns\n", best.cpu / draws * 1e9);
	printf("lib_variates_ns_per_draw %.1f ns\n", gen.cpu / draws * 1e9);
	report("lib_sim", "lib", best, one, draws);
	if (twcost != NULL) {
		report("cli_table", "table", best, table, draws);
		report("cli_json", "json", best, json, draws);
	}
	printf("mc_draws_per_second_2_threads %.0f draws/s\n",
	       draws / two.wall);
	printf("mc_speedup_1_to_2_threads %.2f x\n", one.wall / two.wall);
	printf("mc_two_threads_cpu_share %.2f\n", two.cpu / (2 * two.wall));
	twc_close(m);
	return 0;
}
