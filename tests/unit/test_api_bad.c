/* test_api_bad.c - every exported function against every kind of bad
 * argument a host may pass: NULL, NaN, +-inf, 1e300, an unknown key, text
 * that is not UTF-8, and tiny, zero or negative buffer lengths.  Each must
 * answer with a status or NaN (or NULL), leave the inputs as they were,
 * and say why in a message that names the key and the allowed range.
 * test_api.c has the everyday cases; this file adds the rest. */
#include <config.h>

#include <limits.h>
#include <math.h>
#include <unistd.h>

#include "harness.h"
#include "twcost.h"

/* Text that is not UTF-8: a lone continuation byte, an overlong form, a
 * surrogate encoded in UTF-8, and a truncated sequence. */
static const char *const not_utf8[] = {"\x80", "\xC0\xAF", "\xED\xA0\x80",
                                       "R\xE4\xBB", "staff\xFF"};
#define N_NOT_UTF8 (int)(sizeof not_utf8 / sizeof *not_utf8)

/* The numeric keys and the ranges docs/api.md promises. */
static const struct {
	const char *key, *range;
	double lo, hi;
	int whole;
} keys[] = {
    {"staff", "1 to 500000)", 1, 500000, 1},
    {"home", "0 to 1)", 0, 1, 0},
    {"satellite", "0 to 1)", 0, 1, 0},
    {"mobile", "0 to 1)", 0, 1, 0},
    {"home_days", "0 to 5)", 0, 5, 0},
    {"satellite_days", "0 to 5)", 0, 5, 0},
    {"mobile_days", "0 to 5)", 0, 5, 0},
    {"satellite_sites", "0 to 1000)", 0, 1000, 1},
    {"peak", "1 to 3)", 1, 3, 0},
    {"lent_share", "0 to 1)", 0, 1, 0},
    {"fiscal_index", "0 to 5)", 0, 5, 0},
    {"years", "1 to 30)", 1, 30, 1},
    {"start", "1989 to 2100)", 1989, 2100, 1},
    {"recipient", "0 to 1)", 0, 1, 1},
    {"grant_override", "0 to 1)", 0, 1, 1},
    {"sensitive_data", "0 to 1)", 0, 1, 1},
    {"jlis_free_until", "1989 to 9999)", 1989, 9999, 1},
    {"jlis_fee_yen", "0 to 10000000)", 0, 10000000, 1},
};
#define N_KEYS (int)(sizeof keys / sizeof *keys)

/* The message of the last call names the key and its range. */
static void
assert_names(twc_model *m, const char *key, const char *range)
{
	char want[64];

	snprintf(want, sizeof want, "%s: ", key);
	ASSERT_CONTAINS(twc_last_error(m), want);
	if (range != NULL)
		ASSERT_CONTAINS(twc_last_error(m), range);
}

static void
test_every_key_refuses_every_bad_number(void)
{
	static const double bad[] = {NAN,   INFINITY, -INFINITY,
	                             1e300, -1e300,   -1e-300};
	twc_model *m = open_default();
	int k, i;

	for (k = 0; k < N_KEYS; k++) {
		double before = twc_get(m, keys[k].key);

		CU_ASSERT_FALSE(isnan(before));
		for (i = 0; i < (int)(sizeof bad / sizeof *bad); i++) {
			/* -1e-300 is below every range but one whose low
			 * end is 0: skip it there. */
			if (bad[i] == -1e-300 && keys[k].lo == 0)
				continue;
			CU_ASSERT_EQUAL(twc_set(m, keys[k].key, bad[i]),
			                TWC_ERANGE);
			assert_names(m, keys[k].key, keys[k].range);
		}
		/* Just outside each end. */
		CU_ASSERT_EQUAL(twc_set(m, keys[k].key, keys[k].hi + 1),
		                TWC_ERANGE);
		assert_names(m, keys[k].key, keys[k].range);
		CU_ASSERT_EQUAL(twc_set(m, keys[k].key, keys[k].lo - 1),
		                TWC_ERANGE);
		assert_names(m, keys[k].key, keys[k].range);
		if (keys[k].whole) {
			CU_ASSERT_EQUAL(
			    twc_set(m, keys[k].key, keys[k].lo + 0.5),
			    TWC_ERANGE);
			assert_names(m, keys[k].key, "whole number");
		}
		/* Nothing changed. */
		CU_ASSERT_DOUBLE_EQUAL(twc_get(m, keys[k].key), before, 0);
		CU_ASSERT_STRING_EQUAL(twc_last_error(m), "");
		/* Both ends are allowed. */
		CU_ASSERT_EQUAL(twc_set(m, keys[k].key, keys[k].lo), TWC_OK);
		CU_ASSERT_EQUAL(twc_set(m, keys[k].key, keys[k].hi), TWC_OK);
		CU_ASSERT_EQUAL(twc_reset(m), TWC_OK);
	}
	twc_close(m);
}

static void
test_every_key_refuses_bad_text(void)
{
	static const char *const bad[] = {
	    "nan", "inf", "-inf", "1e300", "1e99999", "", "12abc", "0x", "  "};
	twc_model *m = open_default();
	int k, i;

	for (k = 0; k < N_KEYS; k++) {
		double before = twc_get(m, keys[k].key);

		if (strcmp(keys[k].key, "start") == 0 ||
		    strcmp(keys[k].key, "jlis_free_until") == 0)
			continue; /* dates: below */
		for (i = 0; i < (int)(sizeof bad / sizeof *bad); i++) {
			int rc = twc_set_text(m, keys[k].key, bad[i]);
			CU_ASSERT_TRUE(rc == TWC_EVALUE || rc == TWC_ERANGE);
			assert_names(m, keys[k].key, NULL);
		}
		for (i = 0; i < N_NOT_UTF8; i++) {
			CU_ASSERT_EQUAL(
			    twc_set_text(m, keys[k].key, not_utf8[i]),
			    TWC_EVALUE);
			/* The message stays UTF-8 itself. */
			ASSERT_CONTAINS(twc_last_error(m), "(not UTF-8)");
		}
		CU_ASSERT_EQUAL(twc_set_text(m, keys[k].key, NULL), TWC_EINVAL);
		CU_ASSERT_DOUBLE_EQUAL(twc_get(m, keys[k].key), before, 0);
	}
	twc_close(m);
}

static void
test_text_keys_refuse_bad_text(void)
{
	static const char *const text_keys[] = {
	    "start",         "jlis_free_until", "kind",
	    "work_segment",  "home_segment",    "satellite_segment",
	    "mobile_segment"};
	twc_model *m = open_default();
	char long_text[2048];
	int k, i;

	memset(long_text, '7', sizeof long_text - 1);
	long_text[sizeof long_text - 1] = '\0';
	for (k = 0; k < (int)(sizeof text_keys / sizeof *text_keys); k++) {
		CU_ASSERT_EQUAL(twc_set_text(m, text_keys[k], "???"),
		                TWC_EVALUE);
		assert_names(m, text_keys[k], NULL);
		CU_ASSERT_EQUAL(twc_set_text(m, text_keys[k], ""), TWC_EVALUE);
		CU_ASSERT_EQUAL(twc_set_text(m, text_keys[k], long_text),
		                TWC_EVALUE);
		for (i = 0; i < N_NOT_UTF8; i++) {
			CU_ASSERT_EQUAL(
			    twc_set_text(m, text_keys[k], not_utf8[i]),
			    TWC_EVALUE);
			CU_ASSERT_PTR_NOT_NULL(
			    strstr(twc_last_error(m), text_keys[k]));
		}
		CU_ASSERT_EQUAL(twc_set_text(m, text_keys[k], NULL),
		                TWC_EINVAL);
	}
	/* Dates that do not exist, or lie outside the years covered. */
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "2025-13-01"), TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text(m, "start", "2023-02-29"), TWC_EVALUE);
	CU_ASSERT_NOT_EQUAL(twc_set_text(m, "start", "FY1800"), TWC_OK);
	CU_ASSERT_NOT_EQUAL(twc_set_text(m, "start", "R999"), TWC_OK);
	/* A name must be UTF-8 and fit. */
	CU_ASSERT_EQUAL(twc_set_text(m, "name", long_text), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "name: must be UTF-8 and under");
	CU_ASSERT_EQUAL(twc_set_text(m, "name", "\xFF"), TWC_EVALUE);
	/* Nothing changed. */
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "start"), "2025-10-01");
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "kind"), "municipality");
	CU_ASSERT_STRING_EQUAL(twc_text(m, NULL, "home_segment"), "lgwan");
	twc_close(m);
}

static void
test_unknown_and_broken_keys(void)
{
	static const unsigned short r7[] = {'R', '7', 0};
	twc_model *m = open_default();
	int i;

	CU_ASSERT_EQUAL(twc_set(m, "", 1), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_set(m, "Staff", 1), TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m), "unknown key 'Staff'");
	CU_ASSERT_EQUAL(twc_set(m, "fiscal-index", 0.5), TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m), "did you mean 'fiscal_index'?");
	CU_ASSERT_EQUAL(twc_set_text(m, "kindd", "prefecture"), TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m), "did you mean 'kind'?");
	CU_ASSERT_EQUAL(twc_set_text(m, NULL, "1"), TWC_EINVAL);
	CU_ASSERT_TRUE(isnan(twc_get(m, NULL)));
	CU_ASSERT_TRUE(isnan(twc_get(m, "nothing")));
	ASSERT_CONTAINS(twc_last_error(m), "unknown key 'nothing'");
	CU_ASSERT_TRUE(isnan(twc_get(m, "kind"))); /* text, not a number */
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "strat", r7), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, NULL, r7), TWC_EINVAL);
	for (i = 0; i < N_NOT_UTF8; i++) {
		CU_ASSERT_EQUAL(twc_set(m, not_utf8[i], 1), TWC_EKEY);
		ASSERT_CONTAINS(twc_last_error(m), "(not UTF-8)");
		CU_ASSERT_EQUAL(twc_set_text(m, not_utf8[i], "1"), TWC_EKEY);
		CU_ASSERT_TRUE(isnan(twc_get(m, not_utf8[i])));
		CU_ASSERT_EQUAL(twc_set_text_utf16(m, not_utf8[i], r7),
		                TWC_EKEY);
	}
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "start"), 2025, 0);
	twc_close(m);
}

static void
test_utf16_bad_values(void)
{
	static const unsigned short lone_low[] = {0xDC00, 0};
	static const unsigned short high_at_end[] = {'R', '7', 0xD83D, 0};
	static unsigned short too_long[4000];
	twc_model *m = open_default();
	int i;

	for (i = 0; i < 3999; i++)
		too_long[i] = 0x4EE4; /* 令, 3 bytes in UTF-8 */
	too_long[3999] = 0;
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "start", lone_low), TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "start", high_at_end),
	                TWC_EVALUE);
	CU_ASSERT_EQUAL(twc_set_text_utf16(m, "name", too_long), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "name: text is not valid UTF-16 "
	                                   "or is too long");
	CU_ASSERT_DOUBLE_EQUAL(twc_get(m, "start"), 2025, 0);
	twc_close(m);
}

static void
test_shares_over_one_fail_every_result(void)
{
	twc_model *m = open_default();
	long long yen = 12345;

	CU_ASSERT_EQUAL(twc_set(m, "home", 0.6), TWC_OK);
	CU_ASSERT_EQUAL(twc_set(m, "satellite", 0.5), TWC_OK);
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "net_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "together they must be at most 1");
	ASSERT_CONTAINS(twc_last_error(m), "home 0.6");
	CU_ASSERT_EQUAL(twc_result_yen(m, "jlis-lgwan", "net_yen", &yen),
	                TWC_ERANGE);
	CU_ASSERT_EQUAL(yen, 12345); /* untouched */
	CU_ASSERT_PTR_NULL(twc_text(m, NULL, "start_label"));
	CU_ASSERT_EQUAL(twc_count(m, NULL, "plans"), TWC_ERANGE);
	/* Putting one back makes every result work again. */
	CU_ASSERT_EQUAL(twc_set(m, "satellite", 0.05), TWC_OK);
	CU_ASSERT_FALSE(isnan(twc_result(m, "jlis-lgwan", "net_yen")));
	twc_close(m);
}

static void
test_results_with_bad_plans_and_fields(void)
{
	static const char *const bad_fields[] = {
	    "",
	    ":",
	    "::",
	    "net_yen:",
	    ":net_yen",
	    "fy::net_yen",
	    "fy:abc:net_yen",
	    "fy:-2025:net_yen",
	    "fy:+2025:net_yen",
	    "fy:2025.0:net_yen",
	    "year:-1:net_yen",
	    "year:99999999999999999999:net_yen",
	    "year:0:",
	    "year:0:nett_yen",
	    "item:-1:total_yen",
	    "item:no_such_item:total_yen",
	    "item:0:year:9:yen",
	    "item:0:year:0:yen:x",
	    "warning:0",
	    "warning:x",
	    "NET_YEN"};
	twc_model *m = open_default();
	char field[300];
	long long yen;
	int i;

	for (i = 0; i < (int)(sizeof bad_fields / sizeof *bad_fields); i++) {
		CU_ASSERT_TRUE(
		    isnan(twc_result(m, "jlis-lgwan", bad_fields[i])));
		CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
		CU_ASSERT_EQUAL(
		    twc_result_yen(m, "jlis-lgwan", bad_fields[i], &yen),
		    TWC_EKEY);
	}
	/* Messages that tell the user what exists. */
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "year:7:net_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "year 0 to 4");
	CU_ASSERT_TRUE(isnan(twc_result(m, "vdi-owm", "net_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "did you mean 'vdi-own'?");
	CU_ASSERT_TRUE(isnan(twc_result(m, "zzzzzzzzzzzz", "net_yen")));
	ASSERT_CONTAINS(twc_last_error(m), "plans: vdi-own, ");
	/* An overlong field, and one of 300 characters. */
	memset(field, 'f', sizeof field - 1);
	field[sizeof field - 1] = '\0';
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", field)));
	ASSERT_CONTAINS(twc_last_error(m), "is not a field name");
	CU_ASSERT_PTR_NULL(twc_text(m, "jlis-lgwan", field));
	/* Not UTF-8, as plan or field. */
	for (i = 0; i < N_NOT_UTF8; i++) {
		CU_ASSERT_TRUE(isnan(twc_result(m, not_utf8[i], "net_yen")));
		ASSERT_CONTAINS(twc_last_error(m), "(not UTF-8)");
		CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", not_utf8[i])));
		ASSERT_CONTAINS(twc_last_error(m), "(not UTF-8)");
		CU_ASSERT_PTR_NULL(twc_text(m, not_utf8[i], "label"));
		CU_ASSERT_PTR_NULL(twc_text(m, NULL, not_utf8[i]));
		CU_ASSERT_EQUAL(twc_count(m, not_utf8[i], "items"), TWC_EKEY);
		CU_ASSERT_EQUAL(twc_count(m, NULL, not_utf8[i]), TWC_EKEY);
	}
	/* Numbers and texts are not each other. */
	CU_ASSERT_PTR_NULL(twc_text(m, NULL, "staff"));
	ASSERT_CONTAINS(twc_last_error(m), "is a number: use twc_result");
	CU_ASSERT_TRUE(isnan(twc_result(m, NULL, "start_label")));
	ASSERT_CONTAINS(twc_last_error(m), "is text: use twc_text");
	CU_ASSERT_EQUAL(twc_result_yen(m, NULL, "name", &yen), TWC_EKEY);
	CU_ASSERT_PTR_NULL(twc_text(m, "jlis-lgwan", NULL));
	CU_ASSERT_EQUAL(twc_result_yen(m, "jlis-lgwan", NULL, &yen),
	                TWC_EINVAL);
	/* Plan-only counts asked of the scenario, and the other way. */
	CU_ASSERT_EQUAL(twc_count(m, NULL, "items"), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_count(m, "jlis-lgwan", "plans"), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_count(m, "jlis", "items"), TWC_EKEY);
	/* After all that, a good call works and clears the message. */
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "net_yen"),
	                       14270000.0, 0);
	CU_ASSERT_STRING_EQUAL(twc_last_error(m), "");
	twc_close(m);
}

/* Every _buf form with NULL, zero, negative, one-byte and exact-size
 * buffers: it writes nothing it must not, always NUL-terminates when it
 * may write, and returns the length the whole text needs. */
static void
test_buffer_lengths(void)
{
	twc_model *m = open_default();
	char buf[64];
	const char *name = twc_bundled(0, "name");
	int need, lens[] = {INT_MIN, -1, 0};
	int i;

	CU_ASSERT_PTR_NOT_NULL_FATAL(name);
	for (i = 0; i < 3; i++) {
		memset(buf, 'x', sizeof buf);
		CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start", buf, lens[i]),
		                10);
		CU_ASSERT_EQUAL(buf[0], 'x'); /* untouched */
		CU_ASSERT_EQUAL(twc_bundled_buf(0, "name", buf, lens[i]),
		                (int)strlen(name));
		CU_ASSERT_EQUAL(buf[0], 'x');
		CU_ASSERT_EQUAL(twc_last_error_buf(NULL, buf, lens[i]), 16);
		CU_ASSERT_EQUAL(buf[0], 'x');
	}
	/* One byte: just the NUL. */
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start", buf, 1), 10);
	CU_ASSERT_STRING_EQUAL(buf, "");
	/* Exactly the text, no room for the NUL: cut by one. */
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start", buf, 10), 10);
	CU_ASSERT_STRING_EQUAL(buf, "2025-10-0");
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start", buf, 11), 10);
	CU_ASSERT_STRING_EQUAL(buf, "2025-10-01");
	/* NULL buffer with a length: only the length. */
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "start", NULL, 64), 10);
	CU_ASSERT_EQUAL(twc_last_error_buf(m, NULL, 64), 0);
	/* The last error through a buffer. */
	CU_ASSERT_EQUAL(twc_set(m, "years", 31), TWC_ERANGE);
	need = twc_last_error_buf(m, buf, 8);
	CU_ASSERT_EQUAL(need, (int)strlen(twc_last_error(m)));
	CU_ASSERT_STRING_EQUAL(buf, "years: ");
	/* Failures are statuses, with nothing copied. */
	memset(buf, 'x', sizeof buf);
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "nothing", buf, sizeof buf),
	                TWC_EKEY);
	CU_ASSERT_EQUAL(twc_text_buf(m, NULL, "staff", buf, sizeof buf),
	                TWC_EKEY);
	CU_ASSERT_EQUAL(twc_bundled_buf(-1, "name", buf, sizeof buf), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_bundled_buf(0, NULL, buf, sizeof buf), TWC_EKEY);
	CU_ASSERT_EQUAL(twc_bundled_buf(INT_MAX, "name", buf, sizeof buf),
	                TWC_EKEY);
	CU_ASSERT_EQUAL(buf[0], 'x');
	twc_close(m);
}

static void
test_open_and_check_with_bad_paths(void)
{
	char err[256], path[5000], tiny[4];
	twc_model *m = NULL;
	FILE *f;
	int i;

	/* No place for the handle: the reason still arrives. */
	CU_ASSERT_EQUAL(twc_open_buf(NULL, NULL, err, sizeof err), TWC_EINVAL);
	ASSERT_CONTAINS(err, "out is NULL");
	/* err NULL, zero, negative or tiny. */
	CU_ASSERT_EQUAL(twc_open_buf("/no/such.cfg", &m, NULL, 100),
	                TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(m);
	memset(tiny, 'x', sizeof tiny);
	CU_ASSERT_EQUAL(twc_open_buf("/no/such.cfg", &m, tiny, 0),
	                TWC_EPROFILE);
	CU_ASSERT_EQUAL(tiny[0], 'x');
	CU_ASSERT_EQUAL(twc_open_buf("/no/such.cfg", &m, tiny, -7),
	                TWC_EPROFILE);
	CU_ASSERT_EQUAL(tiny[0], 'x');
	CU_ASSERT_EQUAL(twc_open_buf("/no/such.cfg", &m, tiny, sizeof tiny),
	                TWC_EPROFILE);
	CU_ASSERT_STRING_EQUAL(tiny, "/no");
	/* A directory, a path too long, not UTF-8, an unknown bundled name. */
	CU_ASSERT_EQUAL(twc_open_buf("/", &m, err, sizeof err), TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(m);
	memset(path, 'a', sizeof path - 1);
	path[0] = '/';
	path[sizeof path - 1] = '\0';
	CU_ASSERT_EQUAL(twc_open_buf(path, &m, err, sizeof err), TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(m);
	for (i = 0; i < N_NOT_UTF8; i++) {
		CU_ASSERT_EQUAL(twc_open_buf(not_utf8[i], &m, err, sizeof err),
		                TWC_EPROFILE);
		CU_ASSERT_PTR_NULL(m);
		CU_ASSERT_EQUAL(twc_check(not_utf8[i], err, sizeof err),
		                TWC_EPROFILE);
		CU_ASSERT_PTR_NULL(twc_bundled_text(not_utf8[i]));
	}
	CU_ASSERT_EQUAL(twc_open_buf("no-such-profile", &m, err, sizeof err),
	                TWC_EPROFILE);
	ASSERT_CONTAINS(err, "no-such-profile");
	/* "" is the default, as NULL is. */
	CU_ASSERT_EQUAL(twc_open_buf("", &m, err, sizeof err), TWC_OK);
	twc_close(m);
	/* A file that is not a profile: file and line in the message. */
	snprintf(path, sizeof path, "/tmp/twcost-bad-%d.cfg", (int)getpid());
	f = fopen(path, "w");
	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("scenario = {\n  staff = ;\n};\n", f);
	fclose(f);
	m = NULL;
	CU_ASSERT_EQUAL(twc_open_buf(path, &m, err, sizeof err), TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(m);
	ASSERT_CONTAINS(err, path);
	ASSERT_CONTAINS(err, ":2:");
	CU_ASSERT_EQUAL(twc_check(path, err, sizeof err), TWC_EPROFILE);
	ASSERT_CONTAINS(err, ":2:");
	CU_ASSERT_EQUAL(twc_check(path, NULL, 0), TWC_EPROFILE);
	CU_ASSERT_EQUAL(twc_check(path, tiny, -1), TWC_EPROFILE);
	remove(path);
	CU_ASSERT_EQUAL(twc_check("/", err, sizeof err), TWC_EPROFILE);
	CU_ASSERT_EQUAL(twc_check("", err, sizeof err), TWC_OK);
}

static void
test_quick_with_bad_arguments(void)
{
	static const double bad[] = {INFINITY, -INFINITY, 1e300, -1e300};
	double good =
	    twc_quick("jlis-lgwan", "net_yen", NAN, NAN, NAN, NAN, NULL, NAN);
	int i;

	CU_ASSERT_DOUBLE_EQUAL(good, 14270000.0, 0);
	/* NaN means "the default's": the same figure. */
	CU_ASSERT_DOUBLE_EQUAL(
	    twc_quick("jlis-lgwan", "net_yen", NAN, NAN, NAN, NAN, "", NAN),
	    good, 0);
	for (i = 0; i < 4; i++) {
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", bad[i],
		                               NAN, NAN, NAN, NULL, NAN)));
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", NAN,
		                               bad[i], NAN, NAN, NULL, NAN)));
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", NAN,
		                               NAN, bad[i], NAN, NULL, NAN)));
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", NAN,
		                               NAN, NAN, bad[i], NULL, NAN)));
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", NAN,
		                               NAN, NAN, NAN, NULL, bad[i])));
	}
	CU_ASSERT_TRUE(
	    isnan(twc_quick("jlis-lgwan", NULL, 80, NAN, NAN, NAN, NULL, NAN)));
	CU_ASSERT_TRUE(
	    isnan(twc_quick("jlis-lgwan", "", 80, NAN, NAN, NAN, NULL, NAN)));
	/* Plan "" is the scenario: it has staff, not net_yen. */
	CU_ASSERT_TRUE(
	    isnan(twc_quick("", "net_yen", 80, NAN, NAN, NAN, NULL, NAN)));
	CU_ASSERT_DOUBLE_EQUAL(
	    twc_quick("", "staff", 81, NAN, NAN, NAN, NULL, NAN), 81, 0);
	CU_ASSERT_TRUE(isnan(
	    twc_quick("jlis-lgwan", "label", 80, NAN, NAN, NAN, NULL, NAN)));
	CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", 80, NAN, NAN,
	                               NAN, "someday", NAN)));
	for (i = 0; i < N_NOT_UTF8; i++) {
		CU_ASSERT_TRUE(isnan(twc_quick(not_utf8[i], "net_yen", 80, NAN,
		                               NAN, NAN, NULL, NAN)));
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", not_utf8[i], 80,
		                               NAN, NAN, NAN, NULL, NAN)));
		CU_ASSERT_TRUE(isnan(twc_quick("jlis-lgwan", "net_yen", 80, NAN,
		                               NAN, NAN, not_utf8[i], NAN)));
	}
	/* And the cache is still fine afterwards. */
	CU_ASSERT_DOUBLE_EQUAL(
	    twc_quick("jlis-lgwan", "net_yen", NAN, NAN, NAN, NAN, NULL, NAN),
	    good, 0);
}

static void
test_library_functions_with_bad_numbers(void)
{
	int n = twc_bundled_count();

	CU_ASSERT_STRING_EQUAL(twc_strerror(INT_MIN), "unknown status");
	CU_ASSERT_STRING_EQUAL(twc_strerror(INT_MAX), "unknown status");
	CU_ASSERT_STRING_EQUAL(twc_strerror(-9), "unknown status");
	CU_ASSERT_STRING_EQUAL(twc_strerror(TWC_ESTATE),
	                       "results asked before they exist");
	CU_ASSERT_PTR_NULL(twc_bundled(INT_MIN, "name"));
	CU_ASSERT_PTR_NULL(twc_bundled(INT_MAX, "name"));
	CU_ASSERT_PTR_NULL(twc_bundled(n - 1, "\xFF"));
	CU_ASSERT_PTR_NOT_NULL(twc_bundled(n - 1, "title"));
	CU_ASSERT_PTR_NULL(twc_bundled_text(""));
}

/* The simulation and break-even entry points refuse bad arguments with a
 * message naming the argument and its range. */
static void
test_simulation_entry_points(void)
{
	static const double bad_seeds[] = {NAN, INFINITY, -INFINITY,
	                                   -1,  1.5,      1e300};
	twc_model *m = open_default();
	int i;

	CU_ASSERT_EQUAL(twc_simulate(NULL, 100, 1, 1), TWC_EINVAL);
	CU_ASSERT_TRUE(isnan(twc_progress(NULL)));
	CU_ASSERT_TRUE(isnan(
	    twc_breakeven(NULL, "jlis-lgwan", "vdi-own", "staff", 10, 1000)));
	CU_ASSERT_EQUAL(twc_simulate(m, 0, 1, 1), TWC_ERANGE);
	assert_names(m, "draws", "(1 to 1000000)");
	CU_ASSERT_EQUAL(twc_simulate(m, -5, 1, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, INT_MAX, 1, 1), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, INT_MIN, 1, 1), TWC_ERANGE);
	for (i = 0; i < (int)(sizeof bad_seeds / sizeof *bad_seeds); i++) {
		CU_ASSERT_EQUAL(twc_simulate(m, 10, bad_seeds[i], 1),
		                TWC_ERANGE);
		assert_names(m, "seed", "0 to 2^53");
	}
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1, -1), TWC_ERANGE);
	assert_names(m, "threads", "(0 to 64)");
	CU_ASSERT_EQUAL(twc_simulate(m, 10, 1, 65), TWC_ERANGE);
	CU_ASSERT_EQUAL(twc_simulate(m, 1000001, 1, 1), TWC_ERANGE);
	/* No simulation has run: its fields are not there yet. */
	CU_ASSERT_TRUE(isnan(twc_result(m, "jlis-lgwan", "sim:net_yen:p50")));
	ASSERT_CONTAINS(twc_last_error(m), "twc_simulate");

	/* Each limit itself is accepted: 1,000,000 draws, 64 threads, the
	 * largest seed. */
	CU_ASSERT_EQUAL(twc_simulate(m, 1000000, 9007199254740992.0, 0),
	                TWC_OK);
	CU_ASSERT_EQUAL(twc_simulate(m, 100, 0, 64), TWC_OK);
	CU_ASSERT_EQUAL(twc_reset(m), TWC_OK);
	CU_ASSERT_TRUE(
	    isnan(twc_breakeven(m, NULL, "vdi-own", "staff", 10, 1000)));
	CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
	CU_ASSERT_TRUE(
	    isnan(twc_breakeven(m, "jlis-lgwan", "vdi-own", NULL, 10, 1000)));
	CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
	CU_ASSERT_TRUE(
	    isnan(twc_breakeven(m, "jlis-lgwan", "nope", "staff", 10, 1000)));
	ASSERT_CONTAINS(twc_last_error(m), "nope");
	CU_ASSERT_TRUE(isnan(
	    twc_breakeven(m, "jlis-lgwan", "vdi-own", "colour", 10, 1000)));
	ASSERT_CONTAINS(twc_last_error(m), "staff, home or years");
	CU_ASSERT_TRUE(
	    isnan(twc_breakeven(m, "\xFF", "vdi-own", "staff", 10, 1000)));
	CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
	CU_ASSERT_TRUE(
	    isnan(twc_breakeven(m, "jlis-lgwan", "vdi-own", "\xFF", 10, 1000)));
	CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
	CU_ASSERT_TRUE(isnan(
	    twc_breakeven(m, "jlis-lgwan", "vdi-own", "staff", NAN, 1000)));
	CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
	CU_ASSERT_TRUE(isnan(
	    twc_breakeven(m, "jlis-lgwan", "vdi-own", "staff", 10, INFINITY)));
	CU_ASSERT_NOT_EQUAL(twc_last_error(m)[0], '\0');
	CU_ASSERT_TRUE(isnan(
	    twc_breakeven(m, "jlis-lgwan", "vdi-own", "staff", -1e300, 1e300)));
	ASSERT_CONTAINS(twc_last_error(m), "staff");
	CU_ASSERT_TRUE(
	    isnan(twc_breakeven(m, "jlis-lgwan", "vdi-own", "home", 0.9, 0.1)));
	ASSERT_CONTAINS(twc_last_error(m), "home");
	/* The inputs are still the default's. */
	CU_ASSERT_DOUBLE_EQUAL(twc_result(m, "jlis-lgwan", "net_yen"),
	                       14270000.0, 0);
	twc_close(m);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"every_key_refuses_every_bad_number",
	     test_every_key_refuses_every_bad_number},
	    {"every_key_refuses_bad_text", test_every_key_refuses_bad_text},
	    {"text_keys_refuse_bad_text", test_text_keys_refuse_bad_text},
	    {"unknown_and_broken_keys", test_unknown_and_broken_keys},
	    {"utf16_bad_values", test_utf16_bad_values},
	    {"shares_over_one_fail_every_result",
	     test_shares_over_one_fail_every_result},
	    {"results_with_bad_plans_and_fields",
	     test_results_with_bad_plans_and_fields},
	    {"buffer_lengths", test_buffer_lengths},
	    {"open_and_check_with_bad_paths",
	     test_open_and_check_with_bad_paths},
	    {"quick_with_bad_arguments", test_quick_with_bad_arguments},
	    {"library_functions_with_bad_numbers",
	     test_library_functions_with_bad_numbers},
	    {"simulation_entry_points", test_simulation_entry_points},
	    CU_TEST_INFO_NULL,
	};
	return run_suite("api_bad", tests);
}
