/* test_fiscal.c - dates, fiscal years and era labels. */
#include <config.h>

#include "fiscal.h"
#include "harness.h"

/* Parse text and expect fiscal year fy and the date y-m-d (d 0: none). */
static void
expect(const char *text, int fy, int y, int mo, int d)
{
	twc_error e;
	twc_date date;
	int got = 0, rc = fy_parse("start", text, &got, &date, &e);

	CU_ASSERT_EQUAL(rc, TWC_OK);
	if (rc != TWC_OK) {
		fprintf(stderr, "\n  %s: %s\n", text, e.msg);
		return;
	}
	CU_ASSERT_EQUAL(got, fy);
	CU_ASSERT_EQUAL(date.day, d);
	if (d != 0) {
		CU_ASSERT_EQUAL(date.year, y);
		CU_ASSERT_EQUAL(date.month, mo);
	}
}

/* Parse text and expect a failure whose message has part in it. */
static void
expect_error(const char *text, int status, const char *part)
{
	twc_error e;
	twc_date date;
	int fy = 0;

	err_clear(&e);
	CU_ASSERT_EQUAL(fy_parse("start", text, &fy, &date, &e), status);
	ASSERT_CONTAINS(e.msg, "start: ");
	ASSERT_CONTAINS(e.msg, part);
}

static void
test_start_every_ascii_form(void)
{
	expect("2025-10-01", 2025, 2025, 10, 1);
	expect("2025/10/01", 2025, 2025, 10, 1);
	expect("FY2025", 2025, 0, 0, 0);
	expect("fy2025", 2025, 0, 0, 0);
	expect("2025", 2025, 0, 0, 0);
	expect("R7", 2025, 0, 0, 0);
	expect("r7", 2025, 0, 0, 0);
	expect("R07", 2025, 0, 0, 0);
	expect(" R7 ", 2025, 0, 0, 0);
	expect("H30", 2018, 0, 0, 0);
}

/* YYYY-MM-DD has a reader of its own (iso_day): it reads what the
 * general reader reads, and refuses what it refuses, with its words. */
static void
test_iso_days_as_the_general_reader(void)
{
	expect("2025-04-01", 2025, 2025, 4, 1);
	expect("2025-03-31", 2024, 2025, 3, 31);
	expect("2024-02-29", 2023, 2024, 2, 29);
	expect("2025-10-00", 2025, 2025, 10, 1); /* day 00: the 1st */
	expect("2025-10-1", 2025, 2025, 10, 1);
	expect(" 2025-10-01", 2025, 2025, 10, 1);
	expect("２０２５-10-01", 2025, 2025, 10, 1);
	expect_error("2025-02-29", TWC_EVALUE, "is not a calendar date");
	expect_error("2025-13-01", TWC_EVALUE, "is not a calendar date");
	expect_error("2025-00-10", TWC_EVALUE, "is not a calendar date");
	expect_error("2025-04-31", TWC_EVALUE, "is not a calendar date");
	expect_error("1900-04-01", TWC_ERANGE, "outside FY");
	expect_error("9999-04-01", TWC_ERANGE, "outside FY");
	expect_error("2025-10-01x", TWC_EVALUE, "not a date");
	expect_error("2025-10-0a", TWC_EVALUE, "not a date");
}

static void
test_start_era_forms_utf8(void)
{
	expect("令和7年度", 2025, 0, 0, 0);
	expect("令和7", 2025, 0, 0, 0);
	expect("令和７年度", 2025, 0, 0, 0); /* full-width 7 */
	expect("令和元年度", 2019, 0, 0, 0);
	expect("R1", 2019, 0, 0, 0);
	expect("平成30年度", 2018, 0, 0, 0);
	expect("平成元年度", 1989, 0, 0, 0);
	/* An era date: 令和7年10月1日 is 2025-10-01. */
	expect("令和7年10月1日", 2025, 2025, 10, 1);
	expect("令和8年3月31日", 2025, 2026, 3, 31);
}

static void
test_start_era_forms_cp932(void)
{
	/* 令和7年度 and 令和元年度 as Excel VBA passes them on Japanese
	 * Windows: 令 97DF, 和 9861, 年 944E, 度 9378, 元 8CB3. */
	expect("\x97\xDF\x98\x61"
	       "7\x94\x4E\x93\x78",
	       2025, 0, 0, 0);
	expect("\x97\xDF\x98\x61\x8C\xB3\x94\x4E\x93\x78", 2019, 0, 0, 0);
	/* full-width 7 in CP932 is 8256 */
	expect("\x97\xDF\x98\x61\x82\x56\x94\x4E\x93\x78", 2025, 0, 0, 0);
}

static void
test_fiscal_year_turns_on_1_april(void)
{
	expect("2026-03-31", 2025, 2026, 3, 31);
	expect("2026-04-01", 2026, 2026, 4, 1);
	expect("2025-04-01", 2025, 2025, 4, 1);
	expect("2025-03-31", 2024, 2025, 3, 31);
	expect("2026-01-01", 2025, 2026, 1, 1);
	expect("2025-12-31", 2025, 2025, 12, 31);
}

static void
test_leap_days(void)
{
	expect("2024-02-29", 2023, 2024, 2, 29);
	expect_error("2025-02-29", TWC_EVALUE, "not a calendar date");
	expect("2000-02-29", 1999, 2000, 2, 29);
	CU_ASSERT_FALSE(date_valid(2100, 2, 29));
	CU_ASSERT_TRUE(date_valid(2096, 2, 29));
}

static void
test_impossible_dates_and_forms_fail(void)
{
	expect_error("2025-02-30", TWC_EVALUE, "not a calendar date");
	expect_error("2025-13-01", TWC_EVALUE, "not a calendar date");
	expect_error("2025-00-10", TWC_EVALUE, "not a calendar date");
	expect_error("2025-04-31", TWC_EVALUE, "not a calendar date");
	expect_error("令和7年13月1日", TWC_EVALUE, "not a calendar date");
	expect_error("abc", TWC_EVALUE, "not a date or fiscal year");
	expect_error("FY2025-10-01", TWC_EVALUE, "not a date or fiscal year");
	expect_error("令和年度", TWC_EVALUE, "no era year");
	expect_error("R", TWC_EVALUE, "not a date or fiscal year");
	expect_error("令和7年度です", TWC_EVALUE, "not a date or fiscal year");
	expect_error("", TWC_EVALUE, "empty");
	expect_error("   ", TWC_EVALUE, "empty");
	expect_error("1900", TWC_ERANGE, "outside FY1989..FY2100");
	expect_error("FY2101", TWC_ERANGE, "outside FY1989..FY2100");
	expect_error("R99", TWC_ERANGE, "outside");
	/* Bytes that are neither UTF-8 nor an era date in CP932. */
	expect_error("\xFF\xFE", TWC_EVALUE, "neither UTF-8 nor");
	expect_error(
	    "2025-10-01 2025-10-01 2025-10-01 2025-10-01 2025-10-01 2025-10-01",
	    TWC_EVALUE, "too long");
}

static void
test_null_text_is_an_error_not_a_crash(void)
{
	twc_error e;
	twc_date d;
	int fy;

	CU_ASSERT_EQUAL(fy_parse("start", NULL, &fy, &d, &e), TWC_EINVAL);
}

static void
test_labels_use_gan_for_the_first_year(void)
{
	char b[32];

	fy_label(2019, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "令和元年度");
	fy_label(2020, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "令和2年度");
	fy_label(2025, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "令和7年度");
	fy_label(2018, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "平成30年度");
	fy_label(1989, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "平成元年度");
	fy_short(2025, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "R7");
	fy_short(2018, b, sizeof b);
	CU_ASSERT_STRING_EQUAL(b, "H30");
}

static void
test_what_names_the_input(void)
{
	twc_error e;
	twc_date d;
	int fy;

	CU_ASSERT_EQUAL(fy_parse("jlis_free_until", "R", &fy, &d, &e),
	                TWC_EVALUE);
	ASSERT_CONTAINS(e.msg, "jlis_free_until: ");
}

/* Issue 8: 平成 ended on 2019-04-30, in its 31st year.  FY2019 is
 * written both 平成31年度 and 令和元年度; no 平成 year past 31 and no 平成
 * date past its last day exists (the old parser took 平成99年度 as FY2086
 * and 平成31年5月1日 as a date). */
static void
test_era_years_stop_at_the_era_end(void)
{
	expect("平成31年度", 2019, 0, 0, 0);
	expect("H31", 2019, 0, 0, 0);
	expect("令和元年度", 2019, 0, 0, 0);
	expect("平成31年4月30日", 2019, 2019, 4, 30);
	expect("令和元年5月1日", 2019, 2019, 5, 1);
	expect("平成元年4月1日", 1989, 1989, 4, 1);
	expect_error("平成99年度", TWC_EVALUE, "平成 ended in its year 31");
	expect_error("H32", TWC_EVALUE, "平成 ended in its year 31");
	expect_error("平成31年5月1日", TWC_EVALUE,
	             "is after 平成 ended (2019-04-30)");
	expect_error("令和元年4月30日", TWC_EVALUE,
	             "is before 令和 began (2019-05-01)");
}

/* Issue 11: read text and expect fiscal year fy, the date y-mo-d (d 0:
 * none) and the form. */
static void
expect_form(const char *text, int fy, int y, int mo, int d, enum fy_form form)
{
	twc_error e;
	fy_reading r;
	int rc = fy_read("start", text, &r, &e);

	CU_ASSERT_EQUAL(rc, TWC_OK);
	if (rc != TWC_OK) {
		fprintf(stderr, "\n  %s: %s\n", text, e.msg);
		return;
	}
	if (r.fy != fy || r.date.year != y || r.date.month != mo ||
	    r.date.day != d || r.form != form)
		fprintf(stderr, "\n  %s: FY%d %d-%d-%d form %d\n", text, r.fy,
		        r.date.year, r.date.month, r.date.day, (int)r.form);
	CU_ASSERT_EQUAL(r.fy, fy);
	CU_ASSERT_EQUAL(r.date.year, y);
	CU_ASSERT_EQUAL(r.date.month, mo);
	CU_ASSERT_EQUAL(r.date.day, d);
	CU_ASSERT_EQUAL(r.form, form);
}

/* 1 October 2025 as people write it.  令和 year N is 2018 + N, so R7 is
 * 2025; October is after 1 April, so the day falls in FY2025. */
static void
test_every_form_of_a_day(void)
{
	static const char *const forms[] = {
	    "2025-10-01", "2025/10/1", "2025/10/01", "2025.10.1", "20251001",
	    "2025年10月1日", "2025年10月1", "R7.10.1", "R7/10/1", "R7-10-1",
	    "r7.10.1", "R07.10.01", "令和7年10月1日", "令和7.10.1",
	    "令和7/10/1", "2025 / 10 / 1",
	    /* full-width: ２０２５／１０／１, Ｒ７．１０．１,
	       令和７年１０月１日 */
	    "２０２５／１０／１", "Ｒ７．１０．１", "令和７年１０月１日",
	    /* an ideographic space (U+3000) inside */
	    "令和\xE3\x80\x80"
	    "7年10月1日"};
	size_t k;

	for (k = 0; k < sizeof forms / sizeof forms[0]; k++)
		expect_form(forms[k], 2025, 2025, 10, 1, FY_FORM_DATE);
}

/* A month alone is its 1st: 令和7年10月 is 2025-10-01. */
static void
test_a_month_alone_is_its_first_day(void)
{
	expect_form("令和7年10月", 2025, 2025, 10, 1, FY_FORM_DATE);
	expect_form("2025年10月", 2025, 2025, 10, 1, FY_FORM_DATE);
	expect_form("2025-10", 2025, 2025, 10, 1, FY_FORM_DATE);
	expect_form("2025/10", 2025, 2025, 10, 1, FY_FORM_DATE);
	expect_form("R7.10", 2025, 2025, 10, 1, FY_FORM_DATE);
	/* 令和8年3月 is 2026-03-01, before 1 April: still FY2025. */
	expect_form("令和8年3月", 2025, 2026, 3, 1, FY_FORM_DATE);
	/* 令和8年4月 is 2026-04-01: FY2026. */
	expect_form("令和8年4月", 2026, 2026, 4, 1, FY_FORM_DATE);
	/* 令和 began on 2019-05-01: 令和元年4月 (2019-04-01) never was. */
	expect_error("令和元年4月", TWC_EVALUE, "is before 令和 began");
}

/* Fiscal years and bare years: FY2025 = R7 = 令和7年度 = 2025年度 (a
 * fiscal year); 2025, 2025年 and 令和7年 name a year without saying
 * which kind: read as the fiscal year, and marked as bare. */
static void
test_fiscal_and_bare_years(void)
{
	static const char *const fy[] = {
	    "FY2025", "fy2025",    "ＦＹ２０２５", "2025年度", "R7",    "R07",
	    "Ｒ７",   "令和7年度", "令和７年度",   "令和7",    "R7年度"};
	static const char *const bare[] = {"2025", "２０２５", "2025年",
	                                   "令和7年", "R7年"};
	size_t k;

	for (k = 0; k < sizeof fy / sizeof fy[0]; k++)
		expect_form(fy[k], 2025, 0, 0, 0, FY_FORM_FY);
	for (k = 0; k < sizeof bare / sizeof bare[0]; k++)
		expect_form(bare[k], 2025, 0, 0, 0, FY_FORM_BARE);
	/* 平成 for past years: H30 = 1988 + 30 = 2018. */
	expect_form("平成30年度", 2018, 0, 0, 0, FY_FORM_FY);
	expect_form("H30", 2018, 0, 0, 0, FY_FORM_FY);
	expect_form("平成30年", 2018, 0, 0, 0, FY_FORM_BARE);
}

/* The fiscal year turns on 1 April in every notation: 31 March 2026
 * (R8 = 2026) is the last day of FY2025, 1 April 2026 the first of
 * FY2026. */
static void
test_1_april_in_every_notation(void)
{
	static const char *const march31[] = {
	    "2026-03-31", "2026/3/31",      "2026.3.31",
	    "20260331",   "2026年3月31日",  "R8.3.31",
	    "R8/3/31",    "令和8年3月31日", "２０２６／３／３１"};
	static const char *const april1[] = {
	    "2026-04-01",   "2026/4/1",        "2026.4.1", "20260401",
	    "2026年4月1日", "R8.4.1",          "R8/4/1",   "令和8年4月1日",
	    "令和8年4月",   "令和８年４月１日"};
	size_t k;

	for (k = 0; k < sizeof march31 / sizeof march31[0]; k++)
		expect_form(march31[k], 2025, 2026, 3, 31, FY_FORM_DATE);
	for (k = 0; k < sizeof april1 / sizeof april1[0]; k++)
		expect_form(april1[k], 2026, 2026, 4, 1, FY_FORM_DATE);
}

/* 平成 dates: H31.3.31 is 2019-03-31 (1988 + 31), in FY2018; H31.4.30,
 * the era's last day, is in FY2019; the next day is 令和元年5月1日. */
static void
test_heisei_dates(void)
{
	expect_form("H31.3.31", 2018, 2019, 3, 31, FY_FORM_DATE);
	expect_form("平成31年4月30日", 2019, 2019, 4, 30, FY_FORM_DATE);
	expect_form("H30/4/1", 2018, 2018, 4, 1, FY_FORM_DATE);
	expect_form("R1.5.1", 2019, 2019, 5, 1, FY_FORM_DATE);
	expect_error("H31.5.1", TWC_EVALUE, "is after 平成 ended (2019-04-30)");
	expect_error("R1.4.30", TWC_EVALUE,
	             "is before 令和 began (2019-05-01)");
}

/* CP932 as VBA passes it: Ｒ７．１０．１ (82 71, 82 56, 81 44, 82 50 82
 * 4F, 81 44, 82 50) and 令和7年10月1日 (97DF 9861 7 944E 10 8C8E 1
 * 93FA). */
static void
test_cp932_days(void)
{
	expect_form("\x82\x71\x82\x56\x81\x44\x82\x50\x82\x4F\x81\x44\x82\x50",
	            2025, 2025, 10, 1, FY_FORM_DATE);
	expect_form("\x97\xDF\x98\x61"
	            "7\x94\x4E"
	            "10\x8C\x8E"
	            "1\x93\xFA",
	            2025, 2025, 10, 1, FY_FORM_DATE);
}

/* Every refusal lists the forms that work, in both languages. */
static void
test_refusals_list_the_forms(void)
{
	static const char *const bad[] = {
	    "soon",       "2025-02-30", "R7.13.1",   "2025/10-1", "FY2025年度",
	    "R7.10.1x",   "1900",       "R7..10",    "令和",      "平成32年度",
	    "2025年13月", "202510011",  "10/1/2025", "\xFF\xFE",  "R7.10.1.1"};
	size_t k;

	for (k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		twc_error e;
		fy_reading r;
		err_clear(&e);
		CU_ASSERT_NOT_EQUAL(fy_read("start", bad[k], &r, &e), TWC_OK);
		ASSERT_CONTAINS(e.msg, "start: ");
		ASSERT_CONTAINS(e.msg, "write a date as 2025-10-01, "
		                       "2025/10/1, 2025年10月1日, R7.10.1 or "
		                       "令和7年10月1日");
		ASSERT_CONTAINS(e.msg, "a fiscal year as FY2025, R7 or "
		                       "令和7年度");
		/* The Japanese message carries them too. */
		ASSERT_CONTAINS(e.msg_ja, "R7.10.1");
	}
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"start_every_ascii_form", test_start_every_ascii_form},
	    {"iso_days_as_the_general_reader",
	     test_iso_days_as_the_general_reader},
	    {"start_era_forms_utf8", test_start_era_forms_utf8},
	    {"start_era_forms_cp932", test_start_era_forms_cp932},
	    {"fiscal_year_turns_on_1_april", test_fiscal_year_turns_on_1_april},
	    {"leap_days", test_leap_days},
	    {"impossible_dates_and_forms_fail",
	     test_impossible_dates_and_forms_fail},
	    {"null_text_is_an_error_not_a_crash",
	     test_null_text_is_an_error_not_a_crash},
	    {"labels_use_gan_for_the_first_year",
	     test_labels_use_gan_for_the_first_year},
	    {"what_names_the_input", test_what_names_the_input},
	    {"era_years_stop_at_the_era_end",
	     test_era_years_stop_at_the_era_end},
	    {"every_form_of_a_day", test_every_form_of_a_day},
	    {"a_month_alone_is_its_first_day",
	     test_a_month_alone_is_its_first_day},
	    {"fiscal_and_bare_years", test_fiscal_and_bare_years},
	    {"1_april_in_every_notation", test_1_april_in_every_notation},
	    {"heisei_dates", test_heisei_dates},
	    {"cp932_days", test_cp932_days},
	    {"refusals_list_the_forms", test_refusals_list_the_forms},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("fiscal", tests);
}
