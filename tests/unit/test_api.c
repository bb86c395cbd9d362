/* test_api.c - the public API: handles, inputs, results, text, errors.
 * Every function is called with every kind of bad argument a host may
 * pass, and must answer with a status or NaN and a message. */
#include <config.h>

#include <locale.h>
#include <math.h>
#include <unistd.h>

#include "harness.h"
#include "twcost.h"

static void
test_version_and_strerror(void)
{
	CU_ASSERT_STRING_EQUAL(twc_version(), PACKAGE_VERSION);
	CU_ASSERT_STRING_EQUAL(twc_strerror(TWC_OK), "success");
	CU_ASSERT_STRING_EQUAL(twc_strerror(TWC_ERANGE),
	                       "a number outside its allowed range");
	CU_ASSERT_STRING_EQUAL(twc_strerror(12345), "unknown status");
}

/* The default scenario's J-LIS plan, worked out in tests/cli/golden.sh:
 * total 16,444,000, eligible 4,348,000, grant 2,174,000 (issue 10: with
 * what the entity pays around the free system). */
static void
test_results_of_the_default_scenario(void)
{
	twc_model *m = open_default();
	long long yen = 0;

	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "total_yen"),
	                       16444000.0, 0);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "eligible_yen"),
	                       4348000.0, 0);
	CU_ASSERT_EQUAL(twc_result_yen(m, "jlis-lgwan", "grant_yen", &yen),
	                TWC_OK);
	ASSERT_YEN(yen, 2174000);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "fy:2025:grant_yen"),
	                       2174000.0, 0);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "year:0:grant_yen"),
	                       2174000.0, 0);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "effective_rate"),
	                       0.5, RATE_TOL);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "staff"), 80, 0);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "users:home"), 16, 0);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "start"), "2025-10-01");
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "start_label"), "令和7年度");
	CU_ASSERT_STRING_EQUAL(twc_text(m, "jlis-lgwan", "item:0:id"),
	                       "jlis_system");
	CU_ASSERT_DOUBLE_EQUAL(
	    twc_result(m, "jlis-lgwan", "item:jlis_laptop:quantity"), 8, 0);
	CU_ASSERT_EQUAL(twc_count(m, NULL, "plans"), 6); /* daas: issue 10 */
	CU_ASSERT_EQUAL(twc_count(m, NULL, "years"), 5);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "plan:4"), "jlis-lgwan");
	twc_close(m);
}

static void
test_set_recomputes_lazily(void)
{
	twc_model *m = open_default();

	/* 160 staff: home round(160 x 0.2) = 32 users. */
	CU_ASSERT_EQUAL(twc_set(m, "staff", 160), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "users:home"), 32, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "R8"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "grant_yen"), 0, 0);
	CU_ASSERT_EQUAL(twc_count(m, NULL, "warnings"), 1);
	CU_ASSERT_EQUAL(twc_reset(m), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "users:home"), 16, 0);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "staff"), 80, 0);
	twc_close(m);
}

static void
test_bad_numbers_are_refused_and_the_input_kept(void)
{
	twc_model *m = open_default();

	CU_ASSERT_EQUAL(twc_set(m, "staff", NAN), TWC_ERANGE);
	ASSERT_CONTAINS(twc_last_error(m), "staff: NaN");
	CU_ASSERT_EQUAL(twc_set(m, "staff", INFINITY), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_set(m, "staff", -INFINITY), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_set(m, "staff", 1e300), TWC_ERANGE);
	ASSERT_CONTAINS(twc_last_error(m), "out of range (1 to 500000)");
	CU_ASSERT_EQUAL(twc_set(m, "staff", -3), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_set(m, "staff", 80.5), TWC_ERANGE);
	ASSERT_CONTAINS(twc_last_error(m), "whole number");
	CU_ASSERT_EQUAL(twc_set(m, "home", 1.01), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_set(m, "fiscal_index", -0.01), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_set(m, "years", 0), TWC_ERANGE);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "staff"), 80, 0);
	CU_ASSERT_EQUAL(twc_set_text(m, "staff", "eighty"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "staff: 'eighty' is not a number");
	CU_ASSERT_EQUAL(twc_set_text(m, "staff", "1e12"), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "2025-02-30"), TWC_EVALUE);
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "start"), "2025-10-01");
	twc_close(m);
}

static void
test_unknown_keys_plans_and_fields(void)
{
	twc_model *m = open_default();
	long long yen;

	CU_ASSERT_EQUAL(twc_set(m, "staf", 10), TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m), "did you mean 'staff'?");
	CU_ASSERT_EQUAL(twc_set(m, NULL, 10), TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_set_text(m, "kind", "town"), TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text(m, "\xFF\xFE", "x"), TWC_EKEY);
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis", "net_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "unknown plan 'jlis'");
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "nett_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "unknown field 'nett_yen'");
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "fy:2040:net_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "outside the horizon");
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "item:99:total_yen")));
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "label")));
	CU_ASSERT_PTR_NULL(twc_text(m, "jlis-lgwan", "net_yen"));
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", NULL)));
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "a:b:c:d:e:f:g")));
	CU_ASSERT_EQUAL(twc_result_yen(m, "jlis-lgwan", "effective_rate", &yen),
	                TWC_EKEY);
	CU_ASSERT_EQUAL(twc_result_yen(m, "jlis-lgwan", "net_yen", NULL),
	                TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_count(m, NULL, "nothing"), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_count(m, NULL, NULL), TWC_EINVAL);
	twc_close(m);
}

static void
test_null_handle_everywhere(void)
{
	char buf[64];
	long long yen;

	CU_ASSERT_EQUAL(twc_set(NULL, "staff", 1), TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_set_text(NULL, "staff", "1"), TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_reset(NULL), TWC_EINVAL);
	CU_ASSERT_TRUE(isnan(twc_get(NULL, "staff")));
	CU_ASSERT_TRUE(isnan(twc_result(NULL, "jlis-lgwan", "net_yen")));
	CU_ASSERT_EQUAL(twc_result_yen(NULL, "x", "net_yen", &yen), TWC_EINVAL);
	CU_ASSERT_PTR_NULL(twc_text(NULL, NULL, "name"));
	CU_ASSERT_EQUAL(twc_text_buf(NULL, NULL, "name", buf, sizeof buf),
	                TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_count(NULL, NULL, "plans"), TWC_EINVAL);
	CU_ASSERT_STRING_EQUAL(twc_last_error(NULL), "no handle (NULL)");
	CU_ASSERT_EQUAL(twc_last_error_buf(NULL, buf, sizeof buf), 16);
	CU_ASSERT_STRING_EQUAL(buf, "no handle (NULL)");
	CU_ASSERT_EQUAL(twc_open(NULL, NULL), TWC_EINVAL);
	twc_close(NULL);
}

static void
test_open_failure_gives_the_reason(void)
{
	twc_model *m = (twc_model *)&m;
	char err[256];

	CU_ASSERT_EQUAL(twc_open_buf("/no/such/file.cfg", &m, err, sizeof err),
	                TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(m);
	ASSERT_CONTAINS(err, "/no/such/file.cfg: cannot open profile");
	CU_ASSERT_EQUAL(twc_open_buf("\xFF", &m, err, sizeof err),
	                TWC_EPROFILE);
	CU_ASSERT_EQUAL(twc_open_buf(NULL, &m, err, sizeof err), TWC_OK);
	CU_ASSERT_STRING_EQUAL(err, "");
	twc_close(m);
}

static void
test_buffers_are_cut_at_utf8_boundaries(void)
{
	twc_model *m = open_default();
	char small[8];
	int need;

	/* 令和7年度 is 4 x 3 bytes + 1 = 13 bytes. */
	need = twc_text_buf(m, NULL, "start_label", small, sizeof small);
	CU_ASSERT_EQUAL(need, 13);
	CU_ASSERT_STRING_EQUAL(small, "令和7"); /* 7 bytes fit */
	need = twc_text_buf(m, NULL, "start_label", small, 6);
	CU_ASSERT_STRING_EQUAL(small, "令"); /* 和 would need bytes 4-6 */
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start_label", NULL, 0), 13);
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start_label", small, 0), 13);
	twc_close(m);
}

static void
test_quick_equals_a_handle(void)
{
	twc_model *m = open_default();
	double q;

	CU_ASSERT_EQUAL(twc_set(m, "staff", 120), TWC_OK);
	CU_ASSERT_EQUAL(twc_set(m, "home", 0.3), TWC_OK);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "R6"), TWC_OK);
	CU_ASSERT_EQUAL(twc_set(m, "fiscal_index", 0.7), TWC_OK);
	q = twc_quick("vdi-own", "net_yen", 120, 0.3, NAN, NAN, "R6", 0.7);
	CU_ASSERT_DOUBLE_EQUAL(q, twc_result(m, "vdi-own", "net_yen"), 0);
	CU_ASSERT_TRUE(q > 0);
	CU_ASSERT_TRUE(isnan(
	    twc_quick("vdi-own", "net_yen", -1, NAN, NAN, NAN, NULL, NAN)));
	CU_ASSERT_TRUE(
	    isnan(twc_quick(NULL, "net_yen", 80, NAN, NAN, NAN, NULL, NAN)));
	CU_ASSERT_TRUE(isnan(
	    twc_quick("vdi-own", "net_yen", 80, 0.9, 0.9, NAN, NULL, NAN)));
	twc_close(m);
}

/* 令和8年度 in UTF-16: 4EE4 548C 0038 5E74 5EA6. */
static void
test_utf16_text_for_vba(void)
{
	static const unsigned short r8[] = {0x4EE4, 0x548C, 0x0038,
	                                    0x5E74, 0x5EA6, 0};
	static const unsigned short lone[] = {0x0052, 0xD800, 0x0037, 0};
	static const unsigned short emoji[] = {0xD83D, 0xDE00, 0};
	twc_model *m = open_default();

	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "start", r8), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "start"), 2026, 0);
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "start", lone), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "not valid UTF-16");
	/* A valid surrogate pair converts; it is just not a date. */
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "start", emoji), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "not a date or fiscal year");
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "start", NULL), TWC_EINVAL);
	CU_ASSERT_EQUAL(twc_set_text_utf16(NULL, "start", r8), TWC_EINVAL);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "start"), 2026, 0);
	twc_close(m);
}

/* A host (a spreadsheet) may set a locale whose decimal separator is a
 * comma; numbers in text and profiles are still read with a point.  The
 * German locale is built into a scratch directory with localedef (from
 * Debian's locales package, which scripts/install-deps installs for the
 * tests). */
static void
test_numbers_are_read_in_the_c_locale(void)
{
	char dir[] = "/tmp/twc_localeXXXXXX", cmd[256];
	twc_model *m;

	CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
	snprintf(cmd, sizeof cmd,
	         "localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8 >/dev/null 2>&1",
	         dir);
	CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
	setenv("LOCPATH", dir, 1);
	CU_ASSERT_PTR_NOT_NULL_FATAL(setlocale(LC_NUMERIC, "de_DE.UTF-8"));
	CU_ASSERT_STRING_EQUAL(localeconv()->decimal_point, ",");
	m = open_default(); /* its profile says fiscal_index = 0.40 */
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "fiscal_index"), 0.40, RATE_TOL);
	CU_ASSERT_EQUAL(twc_set_text(m, "home", "0.25"), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "home"), 0.25, RATE_TOL);
	CU_ASSERT_EQUAL(twc_set_text(m, "home", "0,25"), TWC_EVALUE);
	/* 80 x 0.25 = 20 home users */
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, NULL, "users:home"), 20, 0);
	twc_close(m);
	setlocale(LC_NUMERIC, "C");
	unsetenv("LOCPATH");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	CU_ASSERT_EQUAL(system(cmd), 0);
}

static void
test_bundled_profiles_are_listed(void)
{
	int i, n = twc_bundled_count(), scenarios = 0;
	char buf[64];

	CU_ASSERT_TRUE(n >= 7);
	for (i = 0; i < n; i++)
		scenarios += strcmp(twc_bundled(i, "kind"), "scenario") == 0;
	/* default, the four entities of issue 2 and the three of issue 9
	 * (town-expanding, city-starting, town-leasing) */
	CU_ASSERT_EQUAL(scenarios, 8);
	CU_ASSERT_PTR_NULL(twc_bundled(-1, "name"));
	CU_ASSERT_PTR_NULL(twc_bundled(n, "name"));
	CU_ASSERT_PTR_NULL(twc_bundled(0, "colour"));
	CU_ASSERT_PTR_NULL(twc_bundled(0, NULL));
	CU_ASSERT_TRUE(twc_bundled_buf(0, "name", buf, sizeof buf) > 0);
	CU_ASSERT_PTR_NOT_NULL(twc_bundled_text("default.cfg"));
	CU_ASSERT_PTR_NOT_NULL(twc_bundled_text("default"));
	CU_ASSERT_PTR_NULL(twc_bundled_text("nothing"));
	CU_ASSERT_PTR_NULL(twc_bundled_text(NULL));
}

static void
test_check_any_profile(void)
{
	char err[256];

	CU_ASSERT_EQUAL(
	    twc_check(src_path("profiles/catalog.cfg"), err, sizeof err),
	    TWC_OK);
	CU_ASSERT_EQUAL(twc_check("/no/such.cfg", err, sizeof err),
	                TWC_EPROFILE);
	CU_ASSERT_EQUAL(twc_check(NULL, NULL, 0), TWC_OK); /* the default */
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"version_and_strerror", test_version_and_strerror},
	    {"results_of_the_default_scenario",
	     test_results_of_the_default_scenario},
	    {"set_recomputes_lazily", test_set_recomputes_lazily},
	    {"bad_numbers_are_refused_and_the_input_kept",
	     test_bad_numbers_are_refused_and_the_input_kept},
	    {"unknown_keys_plans_and_fields",
	     test_unknown_keys_plans_and_fields},
	    {"null_handle_everywhere", test_null_handle_everywhere},
	    {"open_failure_gives_the_reason",
	     test_open_failure_gives_the_reason},
	    {"buffers_are_cut_at_utf8_boundaries",
	     test_buffers_are_cut_at_utf8_boundaries},
	    {"quick_equals_a_handle", test_quick_equals_a_handle},
	    {"utf16_text_for_vba", test_utf16_text_for_vba},
	    {"numbers_are_read_in_the_c_locale",
	     test_numbers_are_read_in_the_c_locale},
	    {"bundled_profiles_are_listed", test_bundled_profiles_are_listed},
	    {"check_any_profile", test_check_any_profile},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("api", tests);
}
