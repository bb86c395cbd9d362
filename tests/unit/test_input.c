/* test_input.c - input as people write it (issue 11): numbers with
 * thousands separators, full-width digits and percentages, hexadecimal and
 * leading zeros refused with a message that says how to write the number;
 * a year alone read as the fiscal year and marked so; profiles saved with
 * a byte-order mark. */
#include <config.h>

#include <math.h>
#include <unistd.h>

#include "harness.h"
#include "number.h"

/* text read with flags gives v exactly. */
static void
expect_number(const char *text, int flags, double v)
{
	twc_error e;
	double got = NAN;
	int rc = num_read(text, flags, &got, NULL, 0, &e);

	CU_ASSERT_EQUAL(rc, TWC_OK);
	if (rc != TWC_OK || got != v)
		fprintf(stderr, "\n  '%s': %s (%.17g)\n", text,
		        rc != TWC_OK ? e.msg : "", got);
	CU_ASSERT_TRUE(got == v);
}

/* text read with flags is refused with part in the message. */
static void
expect_refusal(const char *text, int flags, const char *part)
{
	twc_error e;
	double got;

	err_clear(&e);
	CU_ASSERT_EQUAL(num_read(text, flags, &got, NULL, 0, &e), TWC_EVALUE);
	ASSERT_CONTAINS(e.msg, part);
}

static void
test_counts_with_separators_and_wide_digits(void)
{
	expect_number("1,200", NUM_WHOLE, 1200);
	expect_number("1,234,567", NUM_WHOLE, 1234567);
	expect_number("1,234,567.5", 0, 1234567.5);
	/* １，２００: full-width digits and comma (U+FF11 U+FF0C ...) */
	expect_number("１，２００", NUM_WHOLE, 1200);
	expect_number("８０", NUM_WHOLE, 80);
	expect_number(" 80 ", NUM_WHOLE, 80);
	/* an ideographic space (U+3000) around it */
	expect_number("\xE3\x80\x80"
	              "80\xE3\x80\x80",
	              NUM_WHOLE, 80);
	expect_number("0", NUM_WHOLE, 0);
	expect_number("0.5", 0, 0.5);
	expect_number(".5", 0, 0.5);
	expect_number("-2.5", 0, -2.5);
	expect_number("1e3", 0, 1000);
}

/* 30% is 30 hundredths: the same double as 0.3 (not 30 / 100 computed
 * in binary, which could differ in the last bit: 0.07 * 100 != 7). */
static void
test_shares_as_percentages(void)
{
	expect_number("30%", NUM_SHARE, 0.3);
	expect_number("12.5%", NUM_SHARE, 0.125);
	expect_number("7%", NUM_SHARE, 0.07);
	expect_number("33.3%", NUM_SHARE, 0.333);
	expect_number("100%", NUM_SHARE, 1);
	expect_number("３０％", NUM_SHARE, 0.3);
	expect_number("0.3", NUM_SHARE, 0.3);
	expect_refusal("30%", NUM_WHOLE, "only a share takes a percentage");
	expect_refusal("30%", 0, "only a share takes a percentage");
}

/* 0x50 read as 80 and 010 read as 10 (or 8) are guesses: refused. */
static void
test_hex_and_leading_zeros_are_refused(void)
{
	expect_refusal("0x50", NUM_WHOLE, "'0x50' is hexadecimal");
	expect_refusal("0X50", NUM_WHOLE, "hexadecimal");
	expect_refusal("-0x1", 0, "hexadecimal");
	expect_refusal("0x50", NUM_WHOLE, "write a whole number such as 80");
	expect_refusal("010", NUM_WHOLE,
	               "'010' starts with 0, which some programs read as "
	               "octal: write it without the leading zero (10)");
	expect_refusal("00.5", 0, "without the leading zero (0.5)");
	expect_refusal("-010", 0, "(-10)");
}

/* A comma separates thousands, never a decimal (1,5 in some countries). */
static void
test_misplaced_commas_are_refused(void)
{
	static const char *const bad[] = {"12,00", "1,5",    "1,2345",  ",100",
	                                  "1,",    "1,,000", "1000,000"};
	size_t k;

	for (k = 0; k < sizeof bad / sizeof bad[0]; k++)
		expect_refusal(bad[k], NUM_WHOLE,
		               "a comma goes between groups of three digits");
}

static void
test_refusals_say_how_to_write_it(void)
{
	expect_refusal("eighty", NUM_WHOLE,
	               "'eighty' is not a number; write a whole number such "
	               "as 80 or 1,200");
	expect_refusal("half", NUM_SHARE,
	               "'half' is not a number; write a share as 0.3 or 30%");
	expect_refusal("1 200", NUM_WHOLE, "is not a number");
	expect_refusal("", 0, "'' is not a number; write a number such as 2.5");
	expect_refusal("3e1%", NUM_SHARE, "is not a number");
}

/* A share out of range: a whole number from 2 to 100 was most likely a
 * percentage, so it is the example; written as text, both forms are
 * offered. */
static void
test_share_out_of_range_suggests_both_forms(void)
{
	twc_error e;

	num_within(30, "30", 0, 1, NUM_SHARE | NUM_TEXT, &e);
	CU_ASSERT_STRING_EQUAL(
	    e.msg, "30 is out of range (0 to 1): write a share as 0.3 or 30%");
	num_within(45, "45", 0, 1, NUM_SHARE | NUM_TEXT, &e);
	CU_ASSERT_STRING_EQUAL(
	    e.msg, "45 is out of range (0 to 1): write a share as 0.45 or 45%");
	/* 1.5 is no percentage: the generic example. */
	num_within(1.5, "1.5", 0, 1, NUM_SHARE | NUM_TEXT, &e);
	CU_ASSERT_STRING_EQUAL(
	    e.msg, "1.5 is out of range (0 to 1): write a share as 0.3 or 30%");
	/* As a number (twc_set, a profile) 30% cannot be written. */
	num_within(30, "30", 0, 1, NUM_SHARE, &e);
	CU_ASSERT_STRING_EQUAL(
	    e.msg, "30 is out of range (0 to 1): write a share as 0.3");
	num_within(1.5, "1.5", 0, 1, NUM_SHARE, &e);
	CU_ASSERT_STRING_EQUAL(e.msg, "1.5 is out of range (0 to 1)");
	num_within(120, "120%", 0, 1, NUM_SHARE | NUM_TEXT, &e);
	ASSERT_CONTAINS(e.msg, "120% is out of range (0 to 1)");
}

/* Through the API: the default town has 80 staff, home 0.2. */
static void
test_set_text_reads_numbers_as_people_write_them(void)
{
	twc_model *m = open_default();

	/* home 30%: round(80 x 0.3) = 24 at home. */
	CU_ASSERT_EQUAL(twc_set_text(m, "home", "30%"), TWC_OK);
	CU_ASSERT_TRUE(twc_get(m, "home") == 0.3);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "users:home"), 24, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "home", "30"), TWC_ERANGE);
	CU_ASSERT_STRING_EQUAL(twc_last_error(m),
	                       "home: 30 is out of range (0 to 1): write a "
	                       "share as 0.3 or 30%");
	CU_ASSERT_TRUE(twc_get(m, "home") == 0.3);
	CU_ASSERT_EQUAL(twc_set_text(m, "lent_share", "50%"), TWC_OK);
	CU_ASSERT_TRUE(twc_get(m, "lent_share") == 0.5);
	CU_ASSERT_EQUAL(twc_set_text(m, "office_pc_share", "２５％"), TWC_OK);
	CU_ASSERT_TRUE(twc_get(m, "office_pc_share") == 0.25);
	CU_ASSERT_EQUAL(twc_set_text(m, "fiscal_index", "40%"), TWC_EVALUE);
	/* staff 0x50 used to read as 80; 1,200 as 1. */
	CU_ASSERT_EQUAL(twc_set_text(m, "staff", "0x50"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "staff: '0x50' is hexadecimal");
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "staff"), 80, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "staff", "1,200"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "staff"), 1200, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "years", "010"), TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text(m, "jlis_fee_yen", "１，２００"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "jlis_fee_yen"), 1200, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "satellite_sites", "1,0"), TWC_EVALUE);
	twc_close(m);
}

/* Funding amounts and rollout shares follow the same rules. */
static void
test_funding_and_rollout_numbers(void)
{
	twc_model *m = open_default();

	CU_ASSERT_EQUAL(
	    twc_set_text(m, "funding", "prefectural:R7:1,000,000;bond:R8:90%"),
	    TWC_OK);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "funding"),
	                       "prefectural:FY2025:1000000;bond:FY2026:90%");
	CU_ASSERT_EQUAL(twc_set_text(m, "funding", "prefectural:R7:0x50"),
	                TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text(m, "funding", "prefectural:R7:1,00"),
	                TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text(m, "rollout", "R7=30%,R9=100%"), TWC_OK);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "home_rollout"),
	                       "FY2025=0.3,FY2027=1");
	twc_close(m);
}

static void
test_read_number_for_flags(void)
{
	char err[256];
	double v = -1;

	CU_ASSERT_EQUAL(twc_read_number("1,000", 1, 1e6, TWC_NUMBER_WHOLE, &v,
	                                err, sizeof err),
	                TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(v, 1000, 0);
	CU_ASSERT_STRING_EQUAL(err, "");
	CU_ASSERT_EQUAL(
	    twc_read_number("50%", 0, 1, TWC_NUMBER_SHARE, &v, err, sizeof err),
	    TWC_OK);
	CU_ASSERT_TRUE(v == 0.5);
	CU_ASSERT_EQUAL(twc_read_number("0x10", 1, 1e6, TWC_NUMBER_WHOLE, &v,
	                                err, sizeof err),
	                TWC_EVALUE);
	ASSERT_CONTAINS(err, "'0x10' is hexadecimal");
	CU_ASSERT_DOUBLE_EQUAL(v, 0.5, 0); /* kept */
	CU_ASSERT_EQUAL(twc_read_number("2.5", 1, 10, TWC_NUMBER_WHOLE, &v, err,
	                                sizeof err),
	                TWC_ERANGE);
	CU_ASSERT_STRING_EQUAL(err, "2.5 must be a whole number (1 to 10)");
	CU_ASSERT_EQUAL(twc_read_number("0", 1, 1000000, TWC_NUMBER_WHOLE, &v,
	                                err, sizeof err),
	                TWC_ERANGE);
	CU_ASSERT_STRING_EQUAL(err, "0 is out of range (1 to 1000000)");
	CU_ASSERT_EQUAL(twc_read_number(NULL, 0, 1, 0, &v, err, sizeof err),
	                TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_read_number("1", 0, 1, 0, NULL, NULL, 0),
	                TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_read_number("1", 2, 1, 0, &v, NULL, 0), TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_read_number("1", NAN, 1, 0, &v, NULL, 0),
	                TWC_EINVAL);
}

/* 2025 alone is FY2025, and the handle says it was a year alone; FY2025,
 * R7 and a date are not. */
static void
test_a_year_alone_is_marked(void)
{
	twc_model *m = open_default(); /* start = "2025-10-01" */

	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 0, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "2025"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 1, 0);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "start"), "FY2025");
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "令和7年"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 1, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "FY2025"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 0, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "R7.10.1"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 0, 0);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "start"), "2025-10-01");
	/* A number, as a spreadsheet cell passes it, is a year alone. */
	CU_ASSERT_EQUAL(twc_set(m, "start", 2026), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 1, 0);
	CU_ASSERT_EQUAL(twc_reset(m), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "start_bare_year"), 0, 0);
	twc_close(m);
}

/* twc_fiscal_year takes every form; 1 April turns the year. */
static void
test_fiscal_year_of_every_form(void)
{
	CU_ASSERT_EQUAL(twc_fiscal_year("R8.3.31"), 2025);
	CU_ASSERT_EQUAL(twc_fiscal_year("令和8年4月1日"), 2026);
	CU_ASSERT_EQUAL(twc_fiscal_year("令和7年10月"), 2025);
	CU_ASSERT_EQUAL(twc_fiscal_year("2025/10/1"), 2025);
	CU_ASSERT_EQUAL(twc_fiscal_year("R7/10/1"), 2025);
	CU_ASSERT_EQUAL(twc_fiscal_year("2025年10月1日"), 2025);
	CU_ASSERT_EQUAL(twc_fiscal_year("H30"), 2018);
	CU_ASSERT_EQUAL(twc_fiscal_year("soon"), TWC_EVALUE);
}

/* A refused start lists the forms, through the handle too. */
static void
test_refused_start_lists_the_forms(void)
{
	twc_model *m = open_default();

	CU_ASSERT_EQUAL(twc_set_text(m, "start", "10/1/2025"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m),
	                "start: '10/1/2025' is not a date or fiscal year; "
	                "write a date as 2025-10-01, 2025/10/1, 2025年10月1日, "
	                "R7.10.1 or 令和7年10月1日");
	twc_close(m);
}

/* A key that is no segment key but has "segment" in it was echoed raw,
 * not UTF-8, by the segment's message (found by fuzz_set). */
static void
test_a_bad_segment_key_is_an_unknown_key(void)
{
	twc_model *m = open_default();

	CU_ASSERT_EQUAL(twc_set_text(m, "\x99id\x99segment", "x"), TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m), "unknown key");
	CU_ASSERT_EQUAL(twc_set_text(m, "home_segment", "x"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m),
	                "home_segment: 'x' is not one of internet, lgwan");
	CU_ASSERT_EQUAL(twc_set_text(m, "work_segment", "internet"), TWC_OK);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "satellite_segment"),
	                       "internet");
	twc_close(m);
}

/* ---- profiles saved with a byte-order mark ---------------------------- */

static char dir[] = "/tmp/twc-input-XXXXXX";

/* Write text to dir/name; its path. */
static const char *
write_file(const char *name, const char *text)
{
	static char path[4][512];
	static int next;
	char *p = path[next++ % 4];
	FILE *f;

	snprintf(p, 512, "%s/%s", dir, name);
	f = fopen(p, "wb");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* Remove what the tests wrote. */
static void
remove_files(void)
{
	static const char *const names[] = {"main.cfg", "body.cfg", "u16.cfg"};
	char path[512];
	size_t k;

	for (k = 0; k < sizeof names / sizeof names[0]; k++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[k]);
		unlink(path);
	}
	rmdir(dir);
}

#define BOM "\xEF\xBB\xBF"

/* A scenario whose body is in an included file, both saved by Notepad as
 * UTF-8 with a BOM. */
static const char bom_main[] = BOM "scenario = {\n"
                                   "  @include \"body.cfg\"\n"
                                   "};\n"
                                   "catalog = \"catalog.cfg\";\n"
                                   "grant = \"grant-telework.cfg\";\n";

static const char *
bom_body(int staff)
{
	static char buf[512];

	snprintf(buf, sizeof buf,
	         BOM "name = \"BOM町\"; kind = \"municipality\";\r\n"
	             "fiscal_index = 0.6; start = \"R7\";\r\n"
	             "staff = %d;\r\n"
	             "home = { share = 0.2; days = 2; };\r\n",
	         staff);
	return buf;
}

/* The staff count of the profile at path, or -1 with the reason shown. */
static double
staff_of(const char *path)
{
	twc_model *m = NULL;
	char err[512];
	double staff;

	if (twc_open_buf(path, &m, err, sizeof err) != TWC_OK) {
		fprintf(stderr, "\n  %s\n", err);
		return -1;
	}
	staff = twc_get(m, "staff");
	twc_close(m);
	return staff;
}

/* Notepad's BOM made line 1 a syntax error; in an included file it broke
 * the including group.  Stripped from every file, the cache still sees
 * an edit of the included one. */
static void
test_profiles_with_a_bom_load(void)
{
	const char *path = write_file("main.cfg", bom_main);
	char err[512];

	write_file("body.cfg", bom_body(321));
	CU_ASSERT_DOUBLE_EQUAL(staff_of(path), 321, 0);
	CU_ASSERT_EQUAL(twc_check(path, err, sizeof err), TWC_OK);
	write_file("body.cfg", bom_body(4321)); /* one byte longer */
	CU_ASSERT_DOUBLE_EQUAL(staff_of(path), 4321, 0);
}

/* A profile saved as UTF-16 ("Unicode" in Notepad) says how to re-save. */
static void
test_a_utf16_profile_says_how_to_save_it(void)
{
	const char *path = write_file("u16.cfg", "\xFF\xFEs\0c\0");
	twc_model *m = NULL;
	char err[512];

	CU_ASSERT_EQUAL(twc_open_buf(path, &m, err, sizeof err), TWC_EPROFILE);
	ASSERT_CONTAINS(err, "u16.cfg: is saved as UTF-16 (Unicode): save it "
	                     "again as UTF-8");
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"counts_with_separators_and_wide_digits",
	     test_counts_with_separators_and_wide_digits},
	    {"shares_as_percentages", test_shares_as_percentages},
	    {"hex_and_leading_zeros_are_refused",
	     test_hex_and_leading_zeros_are_refused},
	    {"misplaced_commas_are_refused", test_misplaced_commas_are_refused},
	    {"refusals_say_how_to_write_it", test_refusals_say_how_to_write_it},
	    {"share_out_of_range_suggests_both_forms",
	     test_share_out_of_range_suggests_both_forms},
	    {"set_text_reads_numbers_as_people_write_them",
	     test_set_text_reads_numbers_as_people_write_them},
	    {"funding_and_rollout_numbers", test_funding_and_rollout_numbers},
	    {"read_number_for_flags", test_read_number_for_flags},
	    {"a_year_alone_is_marked", test_a_year_alone_is_marked},
	    {"fiscal_year_of_every_form", test_fiscal_year_of_every_form},
	    {"refused_start_lists_the_forms",
	     test_refused_start_lists_the_forms},
	    {"a_bad_segment_key_is_an_unknown_key",
	     test_a_bad_segment_key_is_an_unknown_key},
	    {"profiles_with_a_bom_load", test_profiles_with_a_bom_load},
	    {"a_utf16_profile_says_how_to_save_it",
	     test_a_utf16_profile_says_how_to_save_it},
	    CU_TEST_INFO_NULL,
	};
	int rc;

	if (mkdtemp(dir) == NULL)
		return 2;
	rc = run_suite("input", tests);
	remove_files();
	return rc;
}
