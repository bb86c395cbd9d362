/* test_quick.c - twc_quick computes only what the field asked needs (one
 * plan, or it and the reference plan, without warnings or notes: issue
 * 13); what it returns must be what a handle with the same inputs gives
 * from the whole estimate.  Every field of every plan of the default
 * scenario, walked from the field tables themselves (src/fields.c), so
 * that a field added later is compared too, over inputs that reach the
 * edges: one member of staff and 5,000, shares of 0, a start after the
 * grant's deadline, fiscal indices of 0.2 and 1.5, inputs refused. */
#include <config.h>

#include <math.h>

#include "fields.h"
#include "harness.h"

typedef struct inputs {
	double staff, home, satellite, mobile;
	const char *start;
	double fiscal_index;
} inputs;

static const inputs cases[] = {
    {NAN, NAN, NAN, NAN, NULL, NAN}, /* the default scenario itself */
    {80, 0.2, NAN, NAN, "2025-10-01", 0.4},
    {1, 0.2, NAN, NAN, NULL, 0.2},
    {1, 1, 0, 0, "R7", 1.5},
    {5000, 0.3, 0.1, 0.05, "2025-04-01", 1.5},
    {5000, 0, 0, 0, NULL, 0.2},
    {80, 0, 0.3, 0.2, "2026-04-01", 0.4}, /* after the deadline */
    {300, 0.25, 0.05, 0.1, "R9", NAN},    /* after the deadline */
    {120, 0.3, NAN, NAN, "R6", 0.7},
    {500000, 1, 0, 0, NULL, 5}, /* the largest figures: no plan overflows */
    {500000, 0.4, 0.3, 0.3, "R7", 0},
    {80, 0.9, 0.9, NAN, NULL, NAN},   /* shares over 1: refused */
    {-1, NAN, NAN, NAN, NULL, NAN},   /* refused */
    {80, NAN, NAN, NAN, "R99x", NAN}, /* refused */
};

/* The handle twc_quick stands for: the default with the same inputs, or
 * NULL when one is refused (twc_quick is NaN then). */
static twc_model *
open_case(const inputs *in)
{
	const char *keys[] = {"staff", "home", "satellite", "mobile",
	                      "fiscal_index"};
	double values[] = {in->staff, in->home, in->satellite, in->mobile,
	                   in->fiscal_index};
	twc_model *m = open_default();
	int i;

	for (i = 0; i < 5; i++)
		if (!isnan(values[i]) &&
		    twc_set(m, keys[i], values[i]) != TWC_OK)
			goto refused;
	if (in->start != NULL && twc_set_text(m, "start", in->start) != TWC_OK)
		goto refused;
	return m;
refused:
	twc_close(m);
	return NULL;
}

static long compared, numbers;

/* twc_quick's value of plan's field, and the handle's (NaN without one):
 * the same bits, or both NaN. */
static void
compare(twc_model *m, const inputs *in, const char *plan, const char *field)
{
	double q = twc_quick(plan, field, in->staff, in->home, in->satellite,
	                     in->mobile, in->start, in->fiscal_index);
	double full = m != NULL ? twc_result(m, plan, field) : (double)NAN;

	compared++;
	if (!isnan(full))
		numbers++;
	if (q == full || (isnan(q) && isnan(full)))
		return;
	fprintf(stderr, "\n  %s %s: twc_quick %.17g, the handle %.17g\n", plan,
	        field, q, full);
	CU_FAIL("twc_quick differs from the whole estimate");
}

/* Keys of a level reached by entry name: every horizon year, fiscal year
 * or item and one past the end; two for any other level. */
static int
keys_of(twc_model *m, const char *plan, const char *name, char keys[][16],
        int max)
{
	int n = 2, k, first = 0, by_fy = 0;

	if (m != NULL && strcmp(name, "year") == 0)
		n = twc_count(m, plan, "years");
	else if (m != NULL && strcmp(name, "fy") == 0) {
		n = twc_count(m, plan, "years");
		first = (int)twc_result(m, plan, "year:0:fy");
		by_fy = 1;
	} else if (m != NULL && strcmp(name, "item") == 0)
		n = twc_count(m, plan, "items");
	if (n < 0)
		n = 0;
	if (n + 1 > max)
		n = max - 1;
	for (k = 0; k <= n; k++)
		snprintf(keys[k], sizeof keys[k], "%d", by_fy ? first + k : k);
	return n + 1;
}

/* Every path from level lv on, prefix its parts so far. */
static void
walk(twc_model *m, const inputs *in, const char *plan, const level *lv,
     const char *prefix, int depth)
{
	const field_def *f;
	char path[128], keys[64][16];
	int n, k;

	for (f = lv->fields; f->name != NULL; f++) {
		snprintf(path, sizeof path, "%s%s", prefix, f->name);
		if (f->get != NULL)
			compare(m, in, plan, path);
		if (f->sub == NULL || depth >= 4)
			continue;
		if (f->sub->key_doc == NULL) {
			snprintf(path, sizeof path, "%s%s:", prefix, f->name);
			walk(m, in, plan, f->sub, path, depth + 1);
			continue;
		}
		n = keys_of(m, plan, f->name, keys, 64);
		for (k = 0; k < n; k++) {
			snprintf(path, sizeof path, "%s%s:%s", prefix, f->name,
			         keys[k]);
			compare(m, in, plan,
			        path); /* a default field, or none */
			strncat(path, ":", sizeof path - strlen(path) - 1);
			walk(m, in, plan, f->sub, path, depth + 1);
		}
	}
}

static void
test_quick_equals_the_whole_estimate(void)
{
	static const char *const odd[] = {"",
	                                  "nope",
	                                  "year",
	                                  "year:99:net_yen",
	                                  "net_yen:",
	                                  "fy:1999:net_yen",
	                                  "item:jlis_laptop:quantity",
	                                  "item:vdi_server:total_yen",
	                                  "warning:0",
	                                  "note:0",
	                                  "line:0:yen",
	                                  "sim:net_yen:p50"};
	const char *plans[66];
	twc_model *d = open_default();
	size_t c;
	int n = twc_count(d, NULL, "plans"), p, i;

	/* every plan of the catalogue, by id, an unknown one and none */
	CU_ASSERT_FATAL(n >= 6 && n <= 64);
	for (p = 0; p < n; p++) {
		char key[32];
		snprintf(key, sizeof key, "plan:%d", p);
		plans[p] = twc_text(d, NULL, key);
		CU_ASSERT_PTR_NOT_NULL_FATAL(plans[p]);
	}
	plans[n++] = "no-such-plan";
	plans[n++] = "";
	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		twc_model *m = open_case(&cases[c]);
		for (p = 0; p < n; p++) {
			walk(m, &cases[c], plans[p], &plan_level, "", 0);
			for (i = 0; i < (int)(sizeof odd / sizeof odd[0]); i++)
				compare(m, &cases[c], plans[p], odd[i]);
		}
		twc_close(m);
	}
	twc_close(d);
	/* the walk reached the figures, not only refusals */
	CU_ASSERT_TRUE(numbers > 10000);
	CU_ASSERT_TRUE(compared > numbers);
}

/* A handle's results after twc_quick-like reads are the whole estimate
 * again: a partial computation never stays. */
static void
test_quick_leaves_no_partial_results(void)
{
	twc_model *m = open_default();
	double before = twc_result(m, "vdi-own", "vs_jlis_yen");
	int warnings = twc_count(m, "vdi-own", "warnings");

	CU_ASSERT_FALSE(isnan(
	    twc_quick("vdi-own", "net_yen", NAN, NAN, NAN, NAN, NULL, NAN)));
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "vdi-own", "vs_jlis_yen"), before,
	                       0);
	CU_ASSERT_EQUAL(twc_count(m, "vdi-own", "warnings"), warnings);
	twc_close(m);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"quick_equals_the_whole_estimate",
	     test_quick_equals_the_whole_estimate},
	    {"quick_leaves_no_partial_results",
	     test_quick_leaves_no_partial_results},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("quick", tests);
}
