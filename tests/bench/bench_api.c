/* bench_api.c - what the API costs a spreadsheet: one line per figure,
 * "NAME VALUE UNIT".
 *
 *   quick_call_us     one twc_quick call, the profile cached (mean)
 *   quick_call_cpu_us the same in this thread's CPU time, which a busy
 *                     machine does not inflate
 *   cells_10000_ms    10,000 twc_quick calls with varied inputs: a
 *                     workbook of 10,000 cells recalculating
 *   open_cached_us    twc_open + twc_close of the cached default scenario
 *   open_cached_file_us  the same for a scenario file already cached
 *                     (the cache checks the file's time and size)
 *   open_uncached_us  twc_open + twc_close of a scenario file not yet in
 *                     the cache (each one a new file)
 *   set_result_us     twc_set + twc_result on an open handle (one
 *                     recomputation)
 *
 * Built on demand only, never run by make check (timings do not decide
 * whether a test passes):
 *   make tests/bench/bench_api && tests/bench/bench_api [SCALE]
 * SCALE (default 1) multiplies the number of repetitions. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "twcost.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static volatile double sink;

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Inputs that vary from cell to cell as in a real workbook. */
static double
cell(int i)
{
	static const char *const plans[] = {"jlis-lgwan", "vdi-own",
	                                    "secure-browser", "rdp-office",
	                                    "lgwan-remote"};
	static const char *const fields[] = {"net_yen", "grant_yen",
	                                     "total_yen", "year:0:net_yen"};
	static const char *const starts[] = {"R7", "R6", "2025-10-01", NULL};

	return twc_quick(plans[i % 5], fields[(i / 5) % 4], 40 + i % 200,
	                 0.1 + 0.01 * (i % 20), 0.05, 0.05, starts[i % 4],
	                 0.3 + 0.01 * (i % 50));
}

static int
bench_quick(int n)
{
	double t0, t1, c0;
	int i;

	if (isnan(cell(0))) {
		fprintf(stderr, "bench_api: twc_quick failed\n");
		return 1;
	}
	t0 = now();
	c0 = cpu_now();
	for (i = 0; i < n; i++)
		sink = twc_quick("jlis-lgwan", "net_yen", 80, 0.2, NAN, NAN,
		                 "R7", 0.4);
	t1 = now();
	printf("quick_call_us %.2f us\n", (t1 - t0) / n * 1e6);
	printf("quick_call_cpu_us %.2f us\n", (cpu_now() - c0) / n * 1e6);

	t0 = now();
	for (i = 0; i < 10000; i++)
		sink = cell(i);
	t1 = now();
	printf("cells_10000_ms %.1f ms\n", (t1 - t0) * 1e3);
	return 0;
}

static int
bench_open_cached(int n)
{
	double t0, t1;
	twc_model *m;
	int i;

	if (twc_open(NULL, &m) != TWC_OK)
		return 1;
	twc_close(m);
	t0 = now();
	for (i = 0; i < n; i++) {
		if (twc_open(NULL, &m) != TWC_OK)
			return 1;
		twc_close(m);
	}
	t1 = now();
	printf("open_cached_us %.2f us\n", (t1 - t0) / n * 1e6);
	return 0;
}

/* A copy of the bundled default scenario as a file, opened again and
 * again once it is cached. */
static int
bench_open_cached_file(int n)
{
	const char *text = twc_bundled_text("default");
	char dir[] = "/tmp/twcost-bench-XXXXXX", path[64];
	double t0, t1;
	twc_model *m;
	FILE *f;
	int i, rc = TWC_OK;

	if (text == NULL || mkdtemp(dir) == NULL)
		return 1;
	snprintf(path, sizeof path, "%s/cached.cfg", dir);
	if ((f = fopen(path, "w")) == NULL)
		return 1;
	fputs(text, f);
	fclose(f);
	if (twc_open(path, &m) == TWC_OK) /* now it is cached */
		twc_close(m);
	t0 = now();
	for (i = 0; i < n && rc == TWC_OK; i++)
		if ((rc = twc_open(path, &m)) == TWC_OK)
			twc_close(m);
	t1 = now();
	remove(path);
	rmdir(dir);
	if (rc != TWC_OK)
		return 1;
	printf("open_cached_file_us %.2f us\n", (t1 - t0) / n * 1e6);
	return 0;
}

/* Copies of the bundled default scenario, each a file the cache has not
 * seen (its catalogue and grant rule resolve to the bundled ones). */
static int
bench_open_uncached(int n)
{
	const char *text = twc_bundled_text("default");
	char dir[] = "/tmp/twcost-bench-XXXXXX", path[64];
	double total = 0, t0;
	twc_model *m;
	int i, rc = 0;

	if (text == NULL || mkdtemp(dir) == NULL)
		return 1;
	for (i = 0; i < n && rc == 0; i++) {
		FILE *f;

		snprintf(path, sizeof path, "%s/s%d.cfg", dir, i);
		if ((f = fopen(path, "w")) == NULL)
			return 1;
		fputs(text, f);
		fclose(f);
		t0 = now();
		rc = twc_open(path, &m);
		if (rc == TWC_OK)
			twc_close(m);
		total += now() - t0;
		remove(path);
	}
	rmdir(dir);
	if (rc != TWC_OK) {
		fprintf(stderr, "bench_api: twc_open(%s): %s\n", path,
		        twc_strerror(rc));
		return 1;
	}
	printf("open_uncached_us %.1f us\n", total / n * 1e6);
	return 0;
}

static int
bench_set_result(int n)
{
	double t0, t1;
	twc_model *m;
	int i;

	if (twc_open(NULL, &m) != TWC_OK)
		return 1;
	t0 = now();
	for (i = 0; i < n; i++) {
		if (twc_set(m, "staff", 50 + i % 100) != TWC_OK) {
			twc_close(m);
			return 1;
		}
		sink = twc_result(m, "jlis-lgwan", "net_yen");
	}
	t1 = now();
	twc_close(m);
	printf("set_result_us %.2f us\n", (t1 - t0) / n * 1e6);
	return 0;
}

int
main(int argc, char **argv)
{
	int scale = argc > 1 ? atoi(argv[1]) : 1;

	if (scale < 1 || scale > 1000) {
		fprintf(stderr, "usage: bench_api [SCALE 1-1000]\n");
		return 2;
	}
	if (bench_quick(100000 * scale) || bench_open_cached(100000 * scale) ||
	    bench_open_cached_file(20000 * scale) ||
	    bench_open_uncached(200 * scale) ||
	    bench_set_result(100000 * scale))
		return 1;
	return 0;
}
