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
	expect_error("2025-10", TWC_EVALUE, "not a date or fiscal year");
	expect_error("令和年度", TWC_EVALUE, "no era year");
	expect_error("R", TWC_EVALUE, "not a date or fiscal year");
	expect_error("令和7年度です", TWC_EVALUE, "unexpected text");
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

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"start_every_ascii_form", test_start_every_ascii_form},
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
	    CU_TEST_INFO_NULL,
	};
	return run_suite("fiscal", tests);
}
