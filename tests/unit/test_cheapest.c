/* test_cheapest.c - "cheapest" among the plans that are allowed (issue
 * 10): prob_cheapest ranks only plans whose security fit is ok (and, with
 * cheapest_among, only the plans named); the others get NaN and the
 * reason; prob_cheapest_any keeps the figure over every plan. */
#include <config.h>

#include <math.h>

#include "harness.h"

static const char *const plans[] = {
    "vdi-own",    "secure-browser", "rdp-office", "lgwan-remote",
    "jlis-lgwan", "daas",           NULL};

static double
prob(twc_model *m, const char *plan, const char *field)
{
	char f[64];

	snprintf(f, sizeof f, "sim:%s", field);
	return twc_result(m, plan, f);
}

/* The bundled default: home work needs the LGWAN segment, which the
 * secure browser and the remote desktop service do not reach (their
 * security fit is a warning): they are not ranked. */
static void
test_plans_with_a_security_warning_are_not_ranked(void)
{
	twc_model *m = open_default();
	double ranked = 0, any = 0;
	int i;

	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 2000, 7, 1), TWC_OK);
	for (i = 0; plans[i] != NULL; i++) {
		const char *fit = twc_text(m, plans[i], "security_fit");
		double p = prob(m, plans[i], "prob_cheapest");
		CU_ASSERT_PTR_NOT_NULL_FATAL(fit);
		if (strcmp(fit, "ok") == 0) {
			CU_ASSERT_FALSE(isnan(p));
			CU_ASSERT_STRING_EQUAL(
			    twc_text(m, plans[i], "sim:cheapest_excluded"), "");
			ranked += p;
		} else {
			CU_ASSERT_TRUE(isnan(p));
			CU_ASSERT_STRING_EQUAL(
			    twc_text(m, plans[i], "sim:cheapest_excluded"),
			    "security");
		}
		any += prob(m, plans[i], "prob_cheapest_any");
	}
	CU_ASSERT_STRING_EQUAL(twc_text(m, "rdp-office", "security_fit"),
	                       "warning");
	CU_ASSERT_DOUBLE_EQUAL(ranked, 1, 1e-12);
	CU_ASSERT_DOUBLE_EQUAL(any, 1, 1e-12);
	/* the secure browser, not allowed, is the cheapest of all in most
	 * draws: that figure stays, as prob_cheapest_any */
	CU_ASSERT_TRUE(prob(m, "secure-browser", "prob_cheapest_any") > 0.5);
	twc_close(m);
}

/* cheapest_among: the plans a simulation ranks; the rest are "among". */
static void
test_cheapest_among_the_plans_named(void)
{
	twc_model *m = open_default();

	CU_ASSERT_EQUAL_FATAL(
	    twc_set_text(m, "cheapest_among", "vdi-own,jlis-lgwan,rdp-office"),
	    TWC_OK);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "cheapest_among"),
	                       "vdi-own,jlis-lgwan,rdp-office");
	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 2000, 7, 1), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(prob(m, "vdi-own", "prob_cheapest") +
	                           prob(m, "jlis-lgwan", "prob_cheapest"),
	                       1, 1e-12);
	CU_ASSERT_TRUE(isnan(prob(m, "lgwan-remote", "prob_cheapest")));
	CU_ASSERT_STRING_EQUAL(
	    twc_text(m, "lgwan-remote", "sim:cheapest_excluded"), "among");
	CU_ASSERT_STRING_EQUAL(
	    twc_text(m, "rdp-office", "sim:cheapest_excluded"), "security");
	/* an unknown plan is refused and changes nothing */
	CU_ASSERT_EQUAL(twc_set_text(m, "cheapest_among", "vdi-own,nope"),
	                TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m), "unknown plan 'nope'");
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "cheapest_among"),
	                       "vdi-own,jlis-lgwan,rdp-office");
	/* "" and twc_reset rank every plan again */
	CU_ASSERT_EQUAL(twc_set_text(m, "cheapest_among", ""), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(twc_simulate(m, 500, 7, 1), TWC_OK);
	CU_ASSERT_FALSE(isnan(prob(m, "lgwan-remote", "prob_cheapest")));
	CU_ASSERT_EQUAL(twc_set_text(m, "cheapest_among", "vdi-own"), TWC_OK);
	CU_ASSERT_EQUAL(twc_reset(m), TWC_OK);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "cheapest_among"), "");
	twc_close(m);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"plans_with_a_security_warning_are_not_ranked",
	     test_plans_with_a_security_warning_are_not_ranked},
	    {"cheapest_among_the_plans_named",
	     test_cheapest_among_the_plans_named},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("cheapest", tests);
}
