/* test_breakeven.c - break-even searches that find every crossing in the
 * range, start where someone is enrolled, and say which plan is cheaper
 * when there is none (issue 10).  Figures worked out by hand from
 * tests/data/breakeven.cfg, whose items the grant does not cover (net =
 * total):
 *   A: 1,010,000 once + 10,000 a user a year
 *   B: 30,000 a user a year
 *   R: 1,000,000 once, bought again every 5 years */
#include <config.h>

#include <math.h>

#include "harness.h"

static double
r(twc_model *m, const char *plan, const char *field)
{
	return twc_result(m, plan, field);
}

static void
set(twc_model *m, const char *key, double v)
{
	CU_ASSERT_EQUAL_FATAL(twc_set(m, key, v), TWC_OK);
}

/* Ten staff at home, over years: B = 300,000 y; R = 1,000,000 for years
 * 1 to 5, 2,000,000 from 6 (the purchase again in the sixth year):
 *   y 3: R 1,000,000 > B   900,000    y 4: R 1,000,000 < B 1,200,000
 *   y 5: R 1,000,000 < B 1,500,000    y 6: R 2,000,000 > B 1,800,000
 *   y 7: R 2,000,000 < B 2,100,000
 * so from 1 to 6 they cross twice, at 4 and at 6; from 1 to 10 a third
 * time, at 7 (y 10: 2,000,000 against 3,000,000). */
static void
test_every_crossing_is_reported(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	set(m, "staff", 10);
	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "R", "B", "years", 1, 6), 4, 0);
	CU_ASSERT_EQUAL(twc_count(m, NULL, "crossings"), 2);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:crossings"), 2, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:crossings:0:value"), 4, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:crossings:0:below"), 3, 0);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:0:below_net_a_yen"),
	           1000000);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:0:below_net_b_yen"), 900000);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:0:above_net_a_yen"),
	           1000000);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:0:above_net_b_yen"),
	           1200000);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:crossings:1:value"), 6, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:crossings:1:below"), 5, 0);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:1:below_net_a_yen"),
	           1000000);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:1:below_net_b_yen"),
	           1500000);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:1:above_net_a_yen"),
	           2000000);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:1:above_net_b_yen"),
	           1800000);
	/* value, below and above stay those of the first crossing */
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:value"), 4, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below"), 3, 0);
	ASSERT_YEN(r(m, NULL, "breakeven:above_net_b_yen"), 1200000);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "breakeven:cheaper"), "");

	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "R", "B", "years", 1, 10), 4,
	                       0);
	CU_ASSERT_EQUAL(twc_count(m, NULL, "crossings"), 3);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:crossings:2:value"), 7, 0);
	ASSERT_YEN(r(m, NULL, "breakeven:crossings:2:above_net_b_yen"),
	           2100000);
	CU_ASSERT_TRUE(isnan(r(m, NULL, "breakeven:crossings:3:value")));
	ASSERT_CONTAINS(twc_last_error(m), "no crossing 3 (there are 3)");
	twc_close(m);
}

/* 1 to 40 staff (users = staff): A - B = 1,010,000 - 20,000 u > 0 for
 * every u up to 50, so B is cheaper at each of the 40 values. */
static void
test_never_crossing_names_the_cheaper_plan(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "staff", 1, 40)));
	CU_ASSERT_STRING_EQUAL(twc_last_error(m), "");
	CU_ASSERT_EQUAL(twc_count(m, NULL, "crossings"), 0);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "breakeven:cheaper"), "B");
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:scanned"), 40, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:enrolled"), 1, 0);
	/* the other way round, the same plan */
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "B", "A", "staff", 1, 40)));
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "breakeven:cheaper"), "B");
	twc_close(m);
}

/* A fifth of the staff at home: users = round(0.2 s) is 0 for s = 1 and
 * 2 (0.2, 0.4), 1 from s = 3 (0.6): the search starts at 3.  A is dearer
 * up to 50 users; 51 users from s = 253 (0.2 x 253 = 50.6, while 252 gives
 * 50.4 -> 50):
 *   s 252: A 1,010,000 + 50 x 10,000 = 1,510,000, B 50 x 30,000 =
 *          1,500,000
 *   s 253: A 1,520,000, B 1,530,000 */
static void
test_search_starts_where_someone_is_enrolled(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	set(m, "home", 0.2);
	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "A", "B", "staff", 1, 1000),
	                       253, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:from"), 3, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:to"), 1000, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:below"), 252, 0);
	ASSERT_YEN(r(m, NULL, "breakeven:below_net_a_yen"), 1510000);
	ASSERT_YEN(r(m, NULL, "breakeven:below_net_b_yen"), 1500000);
	ASSERT_YEN(r(m, NULL, "breakeven:above_net_a_yen"), 1520000);
	ASSERT_YEN(r(m, NULL, "breakeven:above_net_b_yen"), 1530000);
	/* the home share: 0 staff enrolled below 0.5 / 200 = 0.0025 */
	set(m, "staff", 200);
	CU_ASSERT_DOUBLE_EQUAL(twc_breakeven(m, "A", "B", "home", 0, 1), 0.2525,
	                       1e-12);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:from"), 0.0025, 1e-12);
	twc_close(m);
}

/* Nobody at home: neither plan enrols anyone, both cost 0 everywhere. */
static void
test_nobody_enrolled(void)
{
	twc_model *m = open_profile("tests/data/breakeven.cfg");

	set(m, "home", 0);
	CU_ASSERT_TRUE(isnan(twc_breakeven(m, "A", "B", "staff", 1, 100)));
	CU_ASSERT_STRING_EQUAL(twc_last_error(m), "");
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:enrolled"), 0, 0);
	CU_ASSERT_DOUBLE_EQUAL(r(m, NULL, "breakeven:found"), 0, 0);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "breakeven:cheaper"), "");
	ASSERT_YEN(r(m, NULL, "breakeven:above_net_a_yen"), 0);
	twc_close(m);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"every_crossing_is_reported", test_every_crossing_is_reported},
	    {"never_crossing_names_the_cheaper_plan",
	     test_never_crossing_names_the_cheaper_plan},
	    {"search_starts_where_someone_is_enrolled",
	     test_search_starts_where_someone_is_enrolled},
	    {"nobody_enrolled", test_nobody_enrolled},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("breakeven", tests);
}
