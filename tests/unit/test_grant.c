/* test_grant.c - the special allocation tax rule: m(I), rounding,
 * coverage.  The rule is the bundled profile, so these tests check the
 * data (profiles/grant-telework.cfg) as well as the arithmetic. */
#include <config.h>

#include "harness.h"
#include "profile.h"

static profile *prof;
static const grant_rule *g;

static int
load(void)
{
	twc_error e;

	if (profile_load(NULL, &prof, &e) != TWC_OK) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	g = &prof->grant;
	return 0;
}

static int
unload(void)
{
	profile_free(prof);
	return 0;
}

static void
test_rule_data_matches_the_notice(void)
{
	CU_ASSERT_EQUAL(g->rate_bp, 5000);     /* 措置率0.5 */
	CU_ASSERT_EQUAL(g->first_fy, 2020);    /* 令和2年度〜 */
	CU_ASSERT_EQUAL(g->deadline_fy, 2025); /* 令和7年度までに着手 */
	CU_ASSERT_EQUAL(g->cap_yen, 0);        /* 上限なし */
	CU_ASSERT_EQUAL(g->unit_yen, 1000);    /* thousand yen */
	CU_ASSERT_EQUAL(g->rounding, ROUND_HALF_UP);
	CU_ASSERT_EQUAL(g->phases, 1u << PHASE_INITIAL);
	CU_ASSERT_EQUAL(g->n_cats, 11); /* + utilities (issue 10) */
	CU_ASSERT_TRUE(g->cats[grant_category(g, "ict_equipment")].eligible);
	CU_ASSERT_TRUE(g->cats[grant_category(g, "support")].eligible);
	CU_ASSERT_FALSE(g->cats[grant_category(g, "communication")].eligible);
	CU_ASSERT_FALSE(g->cats[grant_category(g, "facility")].eligible);
	CU_ASSERT_FALSE(g->cats[grant_category(g, "staff_time")].eligible);
	CU_ASSERT_EQUAL(grant_category(g, "nonsense"), -1);
}

/* m(I) for a municipality at every band edge (FACTS.md section 1):
 * I >= 0.80: 0.50; I < 0.50: 1.00; between: 11/6 - 5/3 I, half-up. */
static void
test_m_municipality_band_edges(void)
{
	int k = KIND_MUNICIPALITY;

	CU_ASSERT_EQUAL(grant_multiplier(g, k, 49), 100); /* low band */
	/* 0.50: 11/6 - 5/3 x 0.50 = 1.8333 - 0.8333 = 1.00 */
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 50), 100);
	/* 0.79: 1.8333 - 1.3167 = 0.51667 -> 0.52 */
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 79), 52);
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 80), 50); /* high band */
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 0), 100);
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 250), 50);
}

/* Prefecture: I >= 0.80: 0.20; I < 0.50: 1.00; between 7/3 - 8/3 I. */
static void
test_m_prefecture_band_edges(void)
{
	int k = KIND_PREFECTURE;

	CU_ASSERT_EQUAL(grant_multiplier(g, k, 49), 100);
	/* 0.50: 2.3333 - 1.3333 = 1.00 */
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 50), 100);
	/* 0.79: 2.3333 - 2.1067 = 0.22667 -> 0.23 */
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 79), 23);
	CU_ASSERT_EQUAL(grant_multiplier(g, k, 80), 20);
}

/* The worked examples of FACTS.md section 1. */
static void
test_m_worked_examples(void)
{
	int mu = KIND_MUNICIPALITY, pr = KIND_PREFECTURE;

	CU_ASSERT_EQUAL(grant_multiplier(g, mu, 60), 83); /* 0.8333 */
	CU_ASSERT_EQUAL(grant_multiplier(g, mu, 70), 67); /* 0.6667 */
	CU_ASSERT_EQUAL(grant_multiplier(g, mu, 55), 92); /* 0.9167 */
	CU_ASSERT_EQUAL(grant_multiplier(g, mu, 75), 58); /* 0.5833 */
	CU_ASSERT_EQUAL(grant_multiplier(g, pr, 60), 73); /* 0.7333 */
	CU_ASSERT_EQUAL(grant_multiplier(g, pr, 70), 47); /* 0.4667 */
	/* Designated cities use the municipal table. */
	CU_ASSERT_EQUAL(grant_multiplier(g, KIND_DESIGNATED_CITY, 60), 83);
}

static void
test_fiscal_index_rounds_half_up_to_hundredths(void)
{
	CU_ASSERT_EQUAL(hundredths_half_up(0.40), 40);
	CU_ASSERT_EQUAL(hundredths_half_up(0.605), 61);
	CU_ASSERT_EQUAL(hundredths_half_up(0.604999), 60);
	CU_ASSERT_EQUAL(hundredths_half_up(0.57), 57); /* 56.99999... */
	CU_ASSERT_EQUAL(hundredths_half_up(1.005), 101);
}

/* grant = 1000 x round_half_up(eligible x 0.5 x m / 1000). */
static void
test_grant_rounds_thousands_half_up(void)
{
	/* 1,234,567 x 0.5 = 617,283.5 -> 617.2835 thousand -> 617 */
	ASSERT_YEN(grant_amount(g, 1234567, 100), 617000);
	/* 1,235,000 x 0.5 = 617,500 -> 617.5 -> 618 (half up) */
	ASSERT_YEN(grant_amount(g, 1235000, 100), 618000);
	/* 1,234,999 x 0.5 = 617,499.5 -> 617.4995 -> 617 */
	ASSERT_YEN(grant_amount(g, 1234999, 100), 617000);
	/* 999 x 0.5 = 499.5 -> 0.4995 -> 0 */
	ASSERT_YEN(grant_amount(g, 999, 100), 0);
	/* 1,000 x 0.5 = 500 -> 0.5 -> 1 */
	ASSERT_YEN(grant_amount(g, 1000, 100), 1000);
	/* 10,000,000 x 0.5 x 0.83 = 4,150,000 exactly */
	ASSERT_YEN(grant_amount(g, 10000000, 83), 4150000);
	/* 1,001,000 x 0.5 x 0.83 = 415,415 -> 415.415 -> 415 */
	ASSERT_YEN(grant_amount(g, 1001000, 83), 415000);
	/* 4,220,000 x 0.5 x 0.73 = 1,540,300 -> 1,540.3 -> 1,540 */
	ASSERT_YEN(grant_amount(g, 4220000, 73), 1540000);
	/* 3,001,000 x 0.5 x 0.5 = 750,250 -> 750.25 -> 750 */
	ASSERT_YEN(grant_amount(g, 3001000, 50), 750000);
	/* 3,002,000 x 0.25 = 750,500 -> 750.5 -> 751 */
	ASSERT_YEN(grant_amount(g, 3002000, 50), 751000);
	ASSERT_YEN(grant_amount(g, 0, 100), 0);
	ASSERT_YEN(grant_amount(g, -5, 100), 0);
}

static void
test_grant_is_exact_at_ten_trillion_yen(void)
{
	/* 9,999,999,999,999 x 0.5 = 4,999,999,999,999.5 yen
	 * -> 4,999,999,999.9999995 thousand -> 5,000,000,000 thousand. */
	ASSERT_YEN(grant_amount(g, 9999999999999LL, 100), 5000000000000LL);
	/* 9,999,999,998,999 x 0.5 = 4,999,999,999,499.5
	 * -> 4,999,999,999.4995 -> 4,999,999,999 thousand. */
	ASSERT_YEN(grant_amount(g, 9999999998999LL, 100), 4999999999000LL);
}

static void
test_cap_and_round_down_are_honoured_when_a_rule_sets_them(void)
{
	grant_rule r = *g;

	r.cap_yen = 500000;
	ASSERT_YEN(grant_amount(&r, 4000000, 100), 500000);
	ASSERT_YEN(grant_amount(&r, 998000, 100), 499000);
	r.cap_yen = 0;
	r.rounding = ROUND_DOWN;
	/* 1,999,999 x 0.5 = 999,999.5 -> 999.9995 -> down: 999 */
	ASSERT_YEN(grant_amount(&r, 1999999, 100), 999000);
}

static void
test_covers_only_initial_eligible_spending_from_fy2020(void)
{
	int ict = grant_category(g, "ict_equipment");
	int fac = grant_category(g, "facility");

	CU_ASSERT_TRUE(grant_covers(g, ict, PHASE_INITIAL, 2025));
	CU_ASSERT_TRUE(grant_covers(g, ict, PHASE_INITIAL, 2020));
	CU_ASSERT_FALSE(grant_covers(g, ict, PHASE_INITIAL, 2019));
	CU_ASSERT_FALSE(grant_covers(g, ict, PHASE_ANNUAL, 2025));
	CU_ASSERT_FALSE(grant_covers(g, ict, PHASE_REPLACEMENT, 2025));
	CU_ASSERT_FALSE(grant_covers(g, fac, PHASE_INITIAL, 2025));
	CU_ASSERT_FALSE(grant_covers(g, -1, PHASE_INITIAL, 2025));
	/* Eligible spending is eligible whenever it falls; the grant on it
	 * is 0 before FY2020 (issue 10: eligible_yen keeps the spending). */
	CU_ASSERT_TRUE(grant_lists(g, ict, PHASE_INITIAL));
	CU_ASSERT_FALSE(grant_lists(g, ict, PHASE_ANNUAL));
	CU_ASSERT_FALSE(grant_lists(g, fac, PHASE_INITIAL));
}

/* 1,000,000 eligible at m = 1.00: 500,000 from FY2020, 0 in FY2019. */
static void
test_no_grant_before_the_first_year(void)
{
	grant_terms t = {40, 100, 1, 0.5};

	ASSERT_YEN(grant_year(g, &t, 2020, 1000000), 500000);
	ASSERT_YEN(grant_year(g, &t, 2019, 1000000), 0);
	t.applies = 0;
	ASSERT_YEN(grant_year(g, &t, 2025, 1000000), 0);
}

static void
test_names_round_trip(void)
{
	int k;

	for (k = 0; k < KIND_COUNT; k++)
		CU_ASSERT_EQUAL(kind_of(kind_name(k)), k);
	for (k = 0; k < PHASE_COUNT; k++)
		CU_ASSERT_EQUAL(phase_of(phase_name(k)), k);
	CU_ASSERT_EQUAL(kind_of("city"), -1);
	CU_ASSERT_EQUAL(kind_of(NULL), -1);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"rule_data_matches_the_notice", test_rule_data_matches_the_notice},
	    {"m_municipality_band_edges", test_m_municipality_band_edges},
	    {"m_prefecture_band_edges", test_m_prefecture_band_edges},
	    {"m_worked_examples", test_m_worked_examples},
	    {"fiscal_index_rounds_half_up_to_hundredths",
	     test_fiscal_index_rounds_half_up_to_hundredths},
	    {"grant_rounds_thousands_half_up",
	     test_grant_rounds_thousands_half_up},
	    {"grant_is_exact_at_ten_trillion_yen",
	     test_grant_is_exact_at_ten_trillion_yen},
	    {"cap_and_round_down_are_honoured_when_a_rule_sets_them",
	     test_cap_and_round_down_are_honoured_when_a_rule_sets_them},
	    {"no_grant_before_the_first_year",
	     test_no_grant_before_the_first_year},
	    {"covers_only_initial_eligible_spending_from_fy2020",
	     test_covers_only_initial_eligible_spending_from_fy2020},
	    {"names_round_trip", test_names_round_trip},
	    CU_TEST_INFO_NULL,
	};
	int rc;

	if (load())
		return 2;
	rc = run_suite("grant", tests);
	unload();
	return rc;
}
