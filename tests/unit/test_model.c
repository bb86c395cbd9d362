/* test_model.c - quantities, schedule, grant and warnings of the model,
 * on tests/data/model.cfg, with every expected figure worked out by hand.
 *
 * The scenario: 100 staff, fiscal index 0.60 (municipality: m = 11/6 - 5/3
 * x 0.60 = 0.8333 -> 0.83, effective rate 0.5 x 0.83 = 0.415), start
 * 2025-10-01 (FY2025), 3 years, peak 1.2, lent share 0.5.
 *   home:      round(100 x 0.25) = 25 users, ceil(25 x 2/5 x 1.2) = 12
 *   satellite: 10 users, ceil(10 x 1/5 x 1.2 = 2.4) = 3, 2 sites
 *   mobile:    5 users, ceil(5 x 5/5 x 1.2 = 6) = 6, capped at 5 users
 */
#include <config.h>

#include "harness.h"
#include "model.h"
#include "scenario.h"

static profile *prof;

static int
load(void)
{
	twc_error e;

	if (profile_load(src_path("tests/data/model.cfg"), &prof, &e)) {
		fprintf(stderr, "%s\n", e.msg);
		return 1;
	}
	return 0;
}

/* Compute with the profile's scenario changed by key=value pairs. */
static int
compute(results *r, const char *const *sets)
{
	scenario sc = prof->sc;
	twc_error e;
	int i, rc;

	for (i = 0; sets != NULL && sets[i] != NULL; i += 2)
		if (scenario_set_text(&sc, sets[i], sets[i + 1], &e)) {
			fprintf(stderr, "\n  %s\n", e.msg);
			return e.status;
		}
	rc = model_compute(prof, &sc, r, &e);
	if (rc)
		fprintf(stderr, "\n  %s\n", e.msg);
	return rc;
}

static const plan_result *
plan_of(const results *r, const char *id)
{
	return &r->plans[catalog_plan(&prof->cat, id)];
}

static const item_result *
item_of(const plan_result *pr, const char *id)
{
	int i;

	for (i = 0; i < pr->n_items; i++)
		if (pr->items[i].item >= 0 &&
		    strcmp(prof->cat.items[pr->items[i].item].id, id) == 0)
			return &pr->items[i];
	return NULL;
}

/* 1 when a message of l, in English or in Japanese, has part. */
static int
has_message(const message_list *l, const char *part)
{
	int i, lang;

	for (i = 0; i < l->n; i++)
		for (lang = 0; lang < LANG_COUNT; lang++)
			if (strstr(l->text[i][lang], part) != NULL)
				return 1;
	return 0;
}

static void
test_style_quantities(void)
{
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	CU_ASSERT_EQUAL(r.users[STYLE_HOME], 25);
	CU_ASSERT_EQUAL(r.concurrent[STYLE_HOME], 12); /* 12.000000000000002 */
	CU_ASSERT_EQUAL(r.users[STYLE_SATELLITE], 10);
	CU_ASSERT_EQUAL(r.concurrent[STYLE_SATELLITE], 3);
	CU_ASSERT_EQUAL(r.users[STYLE_MOBILE], 5);
	CU_ASSERT_EQUAL(r.concurrent[STYLE_MOBILE], 5); /* capped at users */
	CU_ASSERT_EQUAL(r.index100, 60);
	CU_ASSERT_EQUAL(r.m100, 83);
	CU_ASSERT_DOUBLE_EQUAL(r.effective_rate, 0.415, RATE_TOL);
	results_free(&r);
}

/* Plan full: option acc serves home + mobile, seat serves satellite. */
static void
test_each_driver(void)
{
	results r;
	const plan_result *pr;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	pr = plan_of(&r, "full");
	/* users: 25 + 5 = 30 */
	ASSERT_YEN(item_of(pr, "a_users")->quantity, 30);
	/* concurrent: 12 + 5 = 17 */
	ASSERT_YEN(item_of(pr, "a_conc")->quantity, 17);
	/* lent devices: ceil(25 x 0.5 = 12.5) = 13 (acc allows own PCs) */
	ASSERT_YEN(item_of(pr, "a_lent")->quantity, 13);
	/* servers: ceil(17 / 4) = 5 */
	ASSERT_YEN(item_of(pr, "a_servers")->quantity, 5);
	/* fixed: 1 */
	ASSERT_YEN(item_of(pr, "a_fixed")->quantity, 1);
	/* users x multiplier 0.5: 15 */
	ASSERT_YEN(item_of(pr, "a_half")->quantity, 15);
	/* seats: satellite concurrent 3; sites: 2 */
	ASSERT_YEN(item_of(pr, "s_seats")->quantity, 3);
	ASSERT_YEN(item_of(pr, "s_sites")->quantity, 2);
	/* 1,001 yen before tax: 1,001 x 1.1 = 1,101.1 -> 1,101 */
	ASSERT_YEN(item_of(pr, "a_taxed")->unit_yen, 1101);
	/* No own PCs allowed: every home user gets a device. */
	ASSERT_YEN(item_of(plan_of(&r, "nobyod"), "n_lent")->quantity, 25);
	results_free(&r);
}

/* Plan full, year by year:
 * FY2025 (initial + first year's running):
 *   a_users   30 x 1,000     =    30,000 annual    (licence: not eligible)
 *   a_conc    17 x 2,000     =    34,000 initial   eligible
 *   a_lent    13 x 10,000    =   130,000 initial   eligible
 *   a_servers  5 x 100,000   =   500,000 initial   eligible
 *   a_fixed    1 x 1,000,000 = 1,000,000 initial   eligible
 *   a_half    15 x 300       =     4,500 initial   (staff_time: no)
 *   a_taxed    1 x 1,101     =     1,101 initial   eligible
 *   s_seats    3 x 50,000    =   150,000 initial   eligible
 *   s_sites    2 x 200,000   =   400,000 initial   (facility: no)
 *   s_line     2 x 30,000    =    60,000 annual    (communication: no)
 *   cost 2,309,601; eligible 34,000 + 130,000 + 500,000 + 1,000,000 +
 *   1,101 + 150,000 = 1,815,101
 * FY2026: 30,000 + 60,000 = 90,000
 * FY2027: 90,000 + a_lent replaced (every 2 years) 130,000 = 220,000
 * total 2,309,601 + 90,000 + 220,000 = 2,619,601
 * grant FY2025: 1,815,101 x 0.415 = 753,266.915 -> 753 thousand -> 753,000
 * net 2,619,601 - 753,000 = 1,866,601 */
static void
test_schedule_and_grant_of_a_plan(void)
{
	results r;
	const plan_result *pr;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	pr = plan_of(&r, "full");
	CU_ASSERT_EQUAL(pr->years[0].fy, 2025);
	CU_ASSERT_STRING_EQUAL(pr->years[0].label, "令和7年度");
	ASSERT_YEN(pr->years[0].cost, 2309601);
	ASSERT_YEN(pr->years[0].eligible, 1815101);
	ASSERT_YEN(pr->years[0].grant, 753000);
	ASSERT_YEN(pr->years[1].cost, 90000);
	ASSERT_YEN(pr->years[1].grant, 0);
	ASSERT_YEN(pr->years[2].cost, 220000);
	ASSERT_YEN(pr->years[2].replacement, 130000);
	ASSERT_YEN(pr->total, 2619601);
	/* initial 2,219,601 + running 3 x 90,000 + replacement 130,000 */
	ASSERT_YEN(pr->initial, 2219601);
	ASSERT_YEN(pr->running, 270000);
	ASSERT_YEN(pr->replacement, 130000);
	ASSERT_YEN(pr->annual, 90000);
	ASSERT_YEN(pr->eligible, 1815101);
	ASSERT_YEN(pr->grant, 753000);
	ASSERT_YEN(pr->net, 1866601);
	/* a_lent: 130,000 eligible of its 260,000 (the replacement is not) */
	ASSERT_YEN(item_of(pr, "a_lent")->total, 260000);
	ASSERT_YEN(item_of(pr, "a_lent")->eligible, 130000);
	/* 40 users over 3 years: 1,866,601 / 120 = 15,555.008 -> 15,555 */
	ASSERT_YEN(pr->per_user_year, 15555);
	CU_ASSERT_DOUBLE_EQUAL(pr->effective_rate, 0.415, RATE_TOL);
	results_free(&r);
}

/* Plan ref: seats 550,000 initial (150,000 eligible) + lines 3 x 60,000;
 * grant 150,000 x 0.415 = 62,250 -> 62 thousand; net 730,000 - 62,000 =
 * 668,000.  Differences from it: full 1,866,601 - 668,000 = 1,198,601;
 * nobyod (250,000 eligible -> 103,750 -> 104 thousand; net 146,000)
 * 146,000 - 668,000 = -522,000. */
static void
test_difference_from_the_reference_plan(void)
{
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	ASSERT_YEN(plan_of(&r, "ref")->net, 668000);
	ASSERT_YEN(plan_of(&r, "ref")->vs_reference, 0);
	ASSERT_YEN(plan_of(&r, "full")->vs_reference, 1198601);
	ASSERT_YEN(plan_of(&r, "nobyod")->grant, 104000);
	ASSERT_YEN(plan_of(&r, "nobyod")->vs_reference, -522000);
	results_free(&r);
}

/* The trial option is free; its note and the ID limit (25 > 20) show. */
static void
test_trial_option_is_free_with_a_risk_note(void)
{
	results r;
	const plan_result *pr;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	pr = plan_of(&r, "ref");
	ASSERT_YEN(item_of(pr, "t_free")->total, 0);
	CU_ASSERT_TRUE(has_message(&pr->notes, "trial note"));
	CU_ASSERT_TRUE(
	    has_message(&pr->warnings, "25 users exceed the limit of 20"));
	CU_ASSERT_FALSE(has_message(&plan_of(&r, "full")->notes, "trial note"));
	results_free(&r);
}

/* Free until FY2025, then ¥12,000 per user: 25 users x 12,000 = 300,000 in
 * FY2026 and FY2027: 600,000 more, none of it eligible (annual). */
static void
test_trial_fee_after_the_free_years(void)
{
	static const char *const sets[] = {"jlis_free_until", "R7",
	                                   "jlis_fee_yen", "12000", NULL};
	results r;
	const plan_result *pr;

	CU_ASSERT_EQUAL_FATAL(compute(&r, sets), TWC_OK);
	pr = plan_of(&r, "ref");
	ASSERT_YEN(pr->years[0].cost, 550000 + 60000);
	ASSERT_YEN(pr->years[1].cost, 60000 + 300000);
	ASSERT_YEN(pr->total, 730000 + 600000);
	ASSERT_YEN(pr->eligible, 150000);
	ASSERT_YEN(pr->net, 668000 + 600000);
	ASSERT_YEN(pr->vs_reference, 0);
	/* full is now 1,866,601 - 1,268,000 = 598,601 dearer */
	ASSERT_YEN(plan_of(&r, "full")->vs_reference, 598601);
	CU_ASSERT_TRUE(
	    has_message(&pr->notes, "free until FY2025 (令和7年度)"));
	CU_ASSERT_TRUE(has_message(&pr->notes, "¥12,000 per user"));
	results_free(&r);
}

/* The year the ranking flips.  Plan ref's net per year: FY2025 610,000 -
 * 62,000 = 548,000, then 60,000 a year; plan full's: 1,556,601, 90,000,
 * 220,000.  With a fee of 1,000,000 a user (25 users) from FY2026, ref
 * pays 25,060,000 in FY2026: cumulative 25,608,000 against full's
 * 1,646,601, so full, dearer in FY2025, is cheaper from FY2026.  Plan
 * nobyod (146,000 in FY2025, nothing after) is cheaper throughout. */
static void
test_year_the_ranking_flips(void)
{
	static const char *const sets[] = {"jlis_free_until", "FY2025",
	                                   "jlis_fee_yen", "1000000", NULL};
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	CU_ASSERT_EQUAL(plan_of(&r, "full")->flip_fy, 0);
	results_free(&r);
	CU_ASSERT_EQUAL_FATAL(compute(&r, sets), TWC_OK);
	ASSERT_YEN(plan_of(&r, "ref")->years[1].net, 25060000);
	CU_ASSERT_EQUAL(plan_of(&r, "full")->flip_fy, 2026);
	CU_ASSERT_TRUE(
	    has_message(&plan_of(&r, "full")->notes,
	                "by FY2026 (令和8年度) this plan's cumulative "
	                "net cost has become lower than ref's"));
	CU_ASSERT_EQUAL(plan_of(&r, "nobyod")->flip_fy, 0);
	results_free(&r);
}

/* Started on the last day of FY2025: covered.  A day later: nothing, and a
 * warning that names the deadline. */
static void
test_grant_at_the_deadline(void)
{
	static const char *const last_day[] = {"start", "2026-03-31", NULL};
	static const char *const next_day[] = {"start", "2026-04-01", NULL};
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, last_day), TWC_OK);
	CU_ASSERT_TRUE(r.grant_applies);
	ASSERT_YEN(plan_of(&r, "full")->grant, 753000);
	CU_ASSERT_EQUAL(r.warnings.n, 0);
	results_free(&r);

	CU_ASSERT_EQUAL_FATAL(compute(&r, next_day), TWC_OK);
	CU_ASSERT_FALSE(r.grant_applies);
	ASSERT_YEN(plan_of(&r, "full")->grant, 0);
	ASSERT_YEN(plan_of(&r, "full")->eligible, 1815101);
	ASSERT_YEN(plan_of(&r, "full")->net, 2619601);
	CU_ASSERT_DOUBLE_EQUAL(plan_of(&r, "full")->effective_rate, 0, 0);
	CU_ASSERT_EQUAL(plan_of(&r, "full")->years[0].fy, 2026);
	CU_ASSERT_TRUE(
	    has_message(&r.warnings, "2026-04-01 (FY2026, 令和8年度)"));
	CU_ASSERT_TRUE(has_message(&r.warnings, "started by 2026-03-31"));
	CU_ASSERT_TRUE(has_message(&r.warnings, "FY2025, 令和7年度"));
	results_free(&r);
}

/* Prefecture, index 0.60: m = 7/3 - 8/3 x 0.60 = 0.7333 -> 0.73;
 * 1,815,101 x 0.5 x 0.73 = 662,511.865 -> 663 thousand. */
static void
test_prefecture_table(void)
{
	static const char *const sets[] = {"kind", "prefecture", NULL};
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, sets), TWC_OK);
	CU_ASSERT_EQUAL(r.m100, 73);
	ASSERT_YEN(plan_of(&r, "full")->grant, 663000);
	results_free(&r);
}

static void
test_who_the_rule_does_not_cover(void)
{
	static const char *const nonrec[] = {"recipient", "0", NULL};
	static const char *const over[] = {"recipient", "0", "grant_override",
	                                   "1", NULL};
	static const char *const ward[] = {"kind", "special_ward", NULL};
	static const char *const assoc[] = {"kind", "association", NULL};
	static const char *const rich[] = {"fiscal_index", "1.05", NULL};
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, nonrec), TWC_OK);
	ASSERT_YEN(plan_of(&r, "full")->grant, 0);
	CU_ASSERT_TRUE(has_message(&r.warnings, "不交付団体"));
	CU_ASSERT_TRUE(has_message(&r.warnings, "grant_override"));
	results_free(&r);
	CU_ASSERT_EQUAL_FATAL(compute(&r, over), TWC_OK);
	ASSERT_YEN(plan_of(&r, "full")->grant, 753000);
	CU_ASSERT_TRUE(has_message(&r.warnings, "grant_override is set"));
	results_free(&r);
	CU_ASSERT_EQUAL_FATAL(compute(&r, ward), TWC_OK);
	ASSERT_YEN(plan_of(&r, "full")->grant, 0);
	CU_ASSERT_TRUE(has_message(&r.warnings, "特別区"));
	results_free(&r);
	CU_ASSERT_EQUAL_FATAL(compute(&r, assoc), TWC_OK);
	ASSERT_YEN(plan_of(&r, "full")->grant, 0);
	CU_ASSERT_TRUE(has_message(&r.warnings, "一部事務組合"));
	results_free(&r);
	/* I >= 0.8: m = 0.50; 1,815,101 x 0.25 = 453,775.25 -> 454 thousand */
	CU_ASSERT_EQUAL_FATAL(compute(&r, rich), TWC_OK);
	ASSERT_YEN(plan_of(&r, "full")->grant, 454000);
	CU_ASSERT_TRUE(has_message(&r.warnings, "above 1.00"));
	results_free(&r);
}

/* Started in FY2019: the measure began in FY2020, so FY2019's initial
 * spending gets no grant and nothing later is initial.  The eligible
 * spending is still the eligible spending (1,815,101, as in
 * test_schedule_and_grant_of_a_plan), as when the deadline removes the
 * grant: what removes the grant is the warning, not a 0 in eligible_yen
 * (issue 10). */
static void
test_start_before_the_first_year(void)
{
	static const char *const sets[] = {"start", "FY2019", NULL};
	results r;

	CU_ASSERT_EQUAL_FATAL(compute(&r, sets), TWC_OK);
	ASSERT_YEN(plan_of(&r, "full")->eligible, 1815101);
	ASSERT_YEN(plan_of(&r, "full")->years[0].eligible, 1815101);
	ASSERT_YEN(plan_of(&r, "full")->grant, 0);
	ASSERT_YEN(plan_of(&r, "full")->years[0].grant, 0);
	CU_ASSERT_TRUE(has_message(&r.warnings, "before the measure began"));
	results_free(&r);
}

/* Continuity sizing (issue 10): every enrolled user at once.  Plan full:
 *   concurrent: home 25 + mobile 5 = 30 (ordinary: 12 + 5 = 17)
 *   a_conc (a licence per concurrent user): 30 x 2,000 = 60,000
 *     (ordinary 17 x 2,000 = 34,000)
 *   servers: ceil(30 / 4) = 8 x 100,000 = 800,000 (ordinary 5: 500,000)
 *   seats: all 10 satellite users x 50,000 = 500,000 (ordinary 3:
 *     150,000)
 *   FY2025 cost 2,309,601 + 26,000 + 300,000 + 350,000 = 2,985,601
 *   eligible 1,815,101 + 26,000 + 300,000 + 350,000 = 2,491,101
 *   grant 2,491,101 x 0.415 = 1,033,806.915 -> 1,034 thousand */
static void
test_continuity_sizing(void)
{
	static const char *const sets[] = {"sizing", "continuity", NULL};
	results r;
	const plan_result *pr;

	CU_ASSERT_EQUAL_FATAL(compute(&r, sets), TWC_OK);
	CU_ASSERT_EQUAL(r.concurrent[STYLE_HOME], 25);
	CU_ASSERT_EQUAL(r.concurrent[STYLE_SATELLITE], 10);
	CU_ASSERT_EQUAL(r.concurrent[STYLE_MOBILE], 5);
	pr = plan_of(&r, "full");
	ASSERT_YEN(item_of(pr, "a_conc")->quantity, 30);
	ASSERT_YEN(item_of(pr, "a_servers")->quantity, 8);
	ASSERT_YEN(item_of(pr, "s_seats")->quantity, 10);
	ASSERT_YEN(item_of(pr, "a_users")->quantity, 30); /* unchanged */
	ASSERT_YEN(pr->years[0].cost, 2985601);
	ASSERT_YEN(pr->years[0].eligible, 2491101);
	ASSERT_YEN(pr->years[0].grant, 1034000);
	results_free(&r);
}

static void
test_security_fit(void)
{
	static const char *const sets[] = {"sensitive_data", "1", NULL};
	results r;
	const plan_result *pr;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	CU_ASSERT_TRUE(plan_of(&r, "full")->security_ok);
	/* nob reaches only the internet segment; home work needs LGWAN. */
	pr = plan_of(&r, "nobyod");
	CU_ASSERT_FALSE(pr->security_ok);
	CU_ASSERT_TRUE(has_message(&pr->warnings, "home work needs the LGWAN"));
	CU_ASSERT_TRUE(has_message(&pr->warnings, "10 satellite staff"));
	CU_ASSERT_TRUE(has_message(&pr->warnings, "5 mobile staff"));
	results_free(&r);

	/* Sensitive LGWAN work: not at home; the office-grade satellite
	 * office is fine; mobile work here is internet-connected. */
	CU_ASSERT_EQUAL_FATAL(compute(&r, sets), TWC_OK);
	pr = plan_of(&r, "full");
	CU_ASSERT_FALSE(pr->security_ok);
	CU_ASSERT_TRUE(has_message(&pr->warnings, "25 staff would do"));
	CU_ASSERT_TRUE(has_message(&pr->warnings, "guideline"));
	CU_ASSERT_FALSE(has_message(&pr->warnings, "by satellite work"));
	CU_ASSERT_FALSE(has_message(&pr->warnings, "by mobile work"));
	results_free(&r);
}

static void
test_invariants_on_every_plan(void)
{
	results r;
	int p, k, i;

	CU_ASSERT_EQUAL_FATAL(compute(&r, NULL), TWC_OK);
	for (p = 0; p < r.n_plans; p++) {
		const plan_result *pr = &r.plans[p];
		long long cost = 0, grant = 0, items = 0;
		ASSERT_YEN(pr->net, pr->total - pr->grant);
		CU_ASSERT_TRUE(pr->eligible <= pr->total);
		for (k = 0; k < r.n_years; k++) {
			cost += pr->years[k].cost;
			grant += pr->years[k].grant;
			ASSERT_YEN(pr->years[k].net,
			           pr->years[k].cost - pr->years[k].grant);
		}
		for (i = 0; i < pr->n_items; i++) {
			const item *it = &prof->cat.items[pr->items[i].item];
			items += pr->items[i].total;
			if (!prof->grant.cats[it->category].eligible)
				ASSERT_YEN(pr->items[i].eligible, 0);
		}
		ASSERT_YEN(cost, pr->total);
		ASSERT_YEN(grant, pr->grant);
		ASSERT_YEN(items, pr->total);
	}
	results_free(&r);
}

static void
test_shares_over_one_fail_at_compute(void)
{
	static const char *const sets[] = {"home", "0.9", NULL};
	results r;

	CU_ASSERT_EQUAL(compute(&r, sets), TWC_ERANGE);
	CU_ASSERT_EQUAL(r.n_plans, 0);
}

static void
test_overflow_is_reported_not_wrapped(void)
{
	scenario sc = prof->sc;
	profile big = *prof;
	item items[64];
	results r;
	twc_error e;

	/* 500,000 staff x 1,000 x a price of ¥10 billion overflows ¥10
	 * trillion long before 64 bits do. */
	memcpy(items, prof->cat.items,
	       sizeof(item) * (size_t)prof->cat.n_items);
	items[0].price.base = 1e10;
	big.cat.items = items;
	sc.staff = STAFF_MAX;
	CU_ASSERT_EQUAL(model_compute(&big, &sc, &r, &e), TWC_EOVERFLOW);
	ASSERT_CONTAINS(e.msg, "exceed ¥10 trillion");
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"style_quantities", test_style_quantities},
	    {"each_driver", test_each_driver},
	    {"schedule_and_grant_of_a_plan", test_schedule_and_grant_of_a_plan},
	    {"difference_from_the_reference_plan",
	     test_difference_from_the_reference_plan},
	    {"trial_option_is_free_with_a_risk_note",
	     test_trial_option_is_free_with_a_risk_note},
	    {"trial_fee_after_the_free_years",
	     test_trial_fee_after_the_free_years},
	    {"year_the_ranking_flips", test_year_the_ranking_flips},
	    {"grant_at_the_deadline", test_grant_at_the_deadline},
	    {"prefecture_table", test_prefecture_table},
	    {"who_the_rule_does_not_cover", test_who_the_rule_does_not_cover},
	    {"start_before_the_first_year", test_start_before_the_first_year},
	    {"continuity_sizing", test_continuity_sizing},
	    {"security_fit", test_security_fit},
	    {"invariants_on_every_plan", test_invariants_on_every_plan},
	    {"shares_over_one_fail_at_compute",
	     test_shares_over_one_fail_at_compute},
	    {"overflow_is_reported_not_wrapped",
	     test_overflow_is_reported_not_wrapped},
	    CU_TEST_INFO_NULL,
	};
	int rc;

	if (load())
		return 2;
	rc = run_suite("model", tests);
	profile_free(prof);
	return rc;
}
