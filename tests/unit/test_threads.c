/* test_threads.c - the API from many threads at once.
 *
 * Every figure is first computed sequentially; then 8 threads make 10,000
 * calls each with varied inputs and compare every answer with the
 * sequential one.  Six threads call twc_quick (which shares the profile
 * cache), two hold handles of their own (twc_open, twc_set, twc_result,
 * twc_close, with their own error messages) and open a profile file as
 * well as the bundled default.  Run under ThreadSanitizer by
 * `scripts/check --tsan`. */
#include <config.h>

#include <math.h>
#include <pthread.h>

#include "harness.h"
#include "twcost.h"

enum {
	N_THREADS = 8,
	N_CALLS = 10000,
	N_HANDLE_THREADS = 2,
	N_INPUTS = 60,
	N_PLANS = 6,
	N_FIELDS = 7,
};

typedef struct input {
	double staff, home, satellite, mobile, fiscal_index;
	const char *start;
} input;

static const char *const plans[N_PLANS] = {"jlis-lgwan",     "vdi-own",
                                           "secure-browser", "rdp-office",
                                           "lgwan-remote",   "no-such-plan"};
static const char *const fields[N_FIELDS] = {
    "net_yen",        "grant_yen",       "total_yen",       "fy:2026:net_yen",
    "effective_rate", "year:0:cost_yen", "item:0:total_yen"};

static input inputs[N_INPUTS];
static double expected[N_INPUTS][N_PLANS][N_FIELDS];
/* The same figures for the profile file the handle threads also open. */
static double expected_file[N_PLANS][N_FIELDS];
static char file_profile[1024];

/* Varied inputs, some of them refused (staff 0, shares over 1): those
 * must give NaN every time. */
static void
make_inputs(void)
{
	static const double staff[] = {80, 1, 12, 45, 160, 250, 1200, 5000, 0};
	static const double home[] = {NAN, 0, 0.1, 0.2, 0.35, 0.9};
	static const double satellite[] = {NAN, 0, 0.05, 0.1};
	static const double mobile[] = {NAN, 0, 0.05, 0.2, 0.15};
	static const double index[] = {NAN, 0.3, 0.55, 0.8, 1.2, 0.4};
	static const char *const start[] = {
	    NULL, "R6", "R7", "R8", "2025-10-01", "FY2024", "令和7年度", ""};
	int i;

	for (i = 0; i < N_INPUTS; i++) {
		inputs[i].staff = staff[i % 9];
		inputs[i].home = home[(i / 2) % 6];
		inputs[i].satellite = satellite[(i / 3) % 4];
		inputs[i].mobile = mobile[(i / 5) % 5];
		inputs[i].fiscal_index = index[(i / 7) % 6];
		inputs[i].start = start[(i / 4) % 8];
	}
}

static double
quick(int in, int plan, int field)
{
	const input *x = &inputs[in];

	return twc_quick(plans[plan], fields[field], x->staff, x->home,
	                 x->satellite, x->mobile, x->start, x->fiscal_index);
}

/* What twc_quick does, through a handle the caller owns. */
static double
through_handle(twc_model *m, int in, int plan, int field)
{
	const input *x = &inputs[in];
	const double v[] = {x->staff, x->home, x->satellite, x->mobile,
	                    x->fiscal_index};
	const char *keys[] = {"staff", "home", "satellite", "mobile",
	                      "fiscal_index"};
	int k;

	if (twc_reset(m) != TWC_OK)
		return -1; /* never a figure: counts as a mismatch */
	for (k = 0; k < 5; k++)
		if (!isnan(v[k]) && twc_set(m, keys[k], v[k]) != TWC_OK) {
			/* The message names this handle's own key. */
			if (strstr(twc_last_error(m), keys[k]) == NULL)
				return -2;
			return NAN;
		}
	if (x->start != NULL && x->start[0] != '\0' &&
	    twc_set_text(m, "start", x->start) != TWC_OK)
		return NAN;
	return twc_result(m, plans[plan], fields[field]);
}

static int
same(double a, double b)
{
	return (isnan(a) && isnan(b)) || a == b;
}

typedef struct worker {
	pthread_t tid;
	int id;
	int calls, mismatches, nans, opens;
	char first_error[200];
} worker;

static void
note_mismatch(worker *w, int in, int plan, int field, double got, double want)
{
	if (w->mismatches++ == 0)
		snprintf(w->first_error, sizeof w->first_error,
		         "thread %d input %d %s %s: got %.17g, expected %.17g",
		         w->id, in, plans[plan], fields[field], got, want);
}

static void *
quick_worker(void *arg)
{
	worker *w = arg;
	int k;

	for (k = 0; k < N_CALLS; k++) {
		int in = (k * 7 + w->id * 13) % N_INPUTS;
		int plan = (k + w->id) % N_PLANS;
		int field = (k / N_PLANS + w->id) % N_FIELDS;
		double got = quick(in, plan, field);

		w->calls++;
		w->nans += isnan(got);
		if (!same(got, expected[in][plan][field]))
			note_mismatch(w, in, plan, field, got,
			              expected[in][plan][field]);
	}
	return NULL;
}

/* Its own handle on the default, reopened now and then, and a second one
 * on a profile file, opened and closed every 50 calls. */
static void *
handle_worker(void *arg)
{
	worker *w = arg;
	twc_model *m = NULL;
	int k;

	for (k = 0; k < N_CALLS; k++) {
		int in = (k * 11 + w->id * 5) % N_INPUTS;
		int plan = (k + w->id) % N_PLANS;
		int field = (k / N_PLANS + w->id) % N_FIELDS;
		double got;

		if (m == NULL || k % 500 == 0) {
			twc_close(m);
			if (twc_open(NULL, &m) != TWC_OK) {
				note_mismatch(w, in, plan, field, -3, 0);
				return NULL;
			}
			w->opens++;
		}
		if (k % 50 == 25) {
			twc_model *f = NULL;
			if (twc_open(file_profile, &f) != TWC_OK) {
				note_mismatch(w, -1, plan, field, -4, 0);
			} else {
				got = twc_result(f, plans[plan], fields[field]);
				if (!same(got, expected_file[plan][field]))
					note_mismatch(
					    w, -1, plan, field, got,
					    expected_file[plan][field]);
				twc_close(f);
				w->opens++;
			}
		}
		got = through_handle(m, in, plan, field);
		w->calls++;
		w->nans += isnan(got);
		if (!same(got, expected[in][plan][field]))
			note_mismatch(w, in, plan, field, got,
			              expected[in][plan][field]);
	}
	twc_close(m);
	return NULL;
}

static void
test_sequential_results_are_sane(void)
{
	int in, p, f, nans = 0, figures = 0;

	/* Sanity of the baseline itself: the default input row is the
	 * default scenario (tests/cli/golden.sh: J-LIS net 14,270,000). */
	CU_ASSERT_DOUBLE_EQUAL(expected[0][0][0], 14270000.0, 0);
	for (in = 0; in < N_INPUTS; in++)
		for (p = 0; p < N_PLANS; p++)
			for (f = 0; f < N_FIELDS; f++) {
				nans += isnan(expected[in][p][f]);
				figures += !isnan(expected[in][p][f]);
			}
	/* Both kinds occur: real figures and refusals. */
	CU_ASSERT_TRUE(figures > N_INPUTS * N_FIELDS * 3);
	CU_ASSERT_TRUE(nans > N_INPUTS * N_FIELDS);
	/* Refused inputs refuse every field. */
	for (in = 0; in < N_INPUTS; in++)
		if (inputs[in].staff == 0)
			CU_ASSERT_TRUE(isnan(expected[in][0][0]));
	CU_ASSERT_FALSE(isnan(expected_file[0][0]));
	/* The profile file differs from the default: the test tells them
	 * apart. */
	CU_ASSERT_TRUE(expected_file[0][0] != expected[0][0][0]);
}

static void
test_eight_threads_agree_with_sequential_results(void)
{
	worker w[N_THREADS];
	int t, total = 0, opens = 0;

	memset(w, 0, sizeof w);
	for (t = 0; t < N_THREADS; t++) {
		w[t].id = t;
		CU_ASSERT_EQUAL_FATAL(
		    pthread_create(&w[t].tid, NULL,
		                   t < N_THREADS - N_HANDLE_THREADS
		                       ? quick_worker
		                       : handle_worker,
		                   &w[t]),
		    0);
	}
	for (t = 0; t < N_THREADS; t++)
		CU_ASSERT_EQUAL(pthread_join(w[t].tid, NULL), 0);
	for (t = 0; t < N_THREADS; t++) {
		if (w[t].mismatches > 0)
			fprintf(stderr, "\n  %d mismatches; first: %s\n",
			        w[t].mismatches, w[t].first_error);
		CU_ASSERT_EQUAL(w[t].mismatches, 0);
		CU_ASSERT_EQUAL(w[t].calls, N_CALLS);
		/* Each thread met both figures and refusals. */
		CU_ASSERT_TRUE(w[t].nans > 0 && w[t].nans < N_CALLS);
		total += w[t].calls;
		opens += w[t].opens;
	}
	CU_ASSERT_EQUAL(total, N_THREADS * N_CALLS);
	/* 20 reopenings of the default + 200 of the file per handle thread */
	CU_ASSERT_EQUAL(opens,
	                N_HANDLE_THREADS * (N_CALLS / 500 + N_CALLS / 50));
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"sequential_results_are_sane", test_sequential_results_are_sane},
	    {"eight_threads_agree_with_sequential_results",
	     test_eight_threads_agree_with_sequential_results},
	    CU_TEST_INFO_NULL,
	};
	twc_model *m;
	int in, p, f;

	make_inputs();
	snprintf(file_profile, sizeof file_profile, "%s",
	         src_path("profiles/entities/city-220.cfg"));
	for (in = 0; in < N_INPUTS; in++)
		for (p = 0; p < N_PLANS; p++)
			for (f = 0; f < N_FIELDS; f++)
				expected[in][p][f] = quick(in, p, f);
	if (twc_open(file_profile, &m) != TWC_OK) {
		fprintf(stderr, "cannot open %s\n", file_profile);
		return 1;
	}
	for (p = 0; p < N_PLANS; p++)
		for (f = 0; f < N_FIELDS; f++)
			expected_file[p][f] =
			    twc_result(m, plans[p], fields[f]);
	twc_close(m);
	return run_suite("threads", tests);
}
