/* dll_test.c - twcost.dll as Excel VBA uses it: loaded with LoadLibrary
 * from the folder it is in, every exported function found by name with
 * GetProcAddress (a `Declare PtrSafe Function ... Lib`), and called.
 * Built with MinGW-w64 and run under Wine by scripts/cross-dll.
 *
 * Prints "name: ok" for every function it called and checked, then the
 * figures to compare with the native CLI's JSON, one "KEY VALUE" line
 * each (scripts/cross-dll compares them to the yen).  Exit 0 when every
 * call behaved; 1 and a "FAIL: ..." line otherwise.
 *
 * It names the functions itself (no import library, no header
 * declarations used for linking): scripts/cross-dll checks that the list
 * below is exactly the list twcost.h declares. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <windows.h>

#include "twcost.h"

static HMODULE dll;
static int failures;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			printf("FAIL: %s (line %d)\n", #cond, __LINE__);       \
			failures++;                                            \
		}                                                              \
	} while (0)

/* The address of an export by name, as VBA's Declare finds it. */
static FARPROC
need(const char *name)
{
	FARPROC f = GetProcAddress(dll, name);

	if (f == NULL) {
		printf("FAIL: %s is not exported\n", name);
		failures++;
	}
	return f;
}

/* A function pointer of the header's own type, found by name. */
#define FIND(name) ((__typeof__(&name))need(#name))

/* Every function this program calls, by name (scripts/cross-dll compares
 * this list with the header's). */
static const char *const called[] = {
    "twc_version",     "twc_strerror",       "twc_open",
    "twc_open_buf",    "twc_close",          "twc_set",
    "twc_set_text",    "twc_set_text_utf16", "twc_reset",
    "twc_get",         "twc_count",          "twc_result",
    "twc_result_yen",  "twc_text",           "twc_text_buf",
    "twc_last_error",  "twc_last_error_buf", "twc_simulate",
    "twc_progress",    "twc_breakeven",      "twc_quick",
    "twc_check",       "twc_bundled_count",  "twc_bundled",
    "twc_bundled_buf", "twc_fiscal_year",    "twc_bundled_text",
    "twc_read_number", "twc_nearest",        NULL};

/* The figures of every plan of the handle: KEY VALUE lines. */
static void
print_plans(twc_model *m, const char *scenario)
{
	static const char *const money[] = {"total_yen", "eligible_yen",
	                                    "grant_yen", "net_yen"};
	char field[32], id[64];
	long long yen;
	int i, k, y, n = FIND(twc_count)(m, NULL, "plans");
	int years = FIND(twc_count)(m, NULL, "years");

	CHECK(n > 0 && years > 0);
	for (i = 0; i < n; i++) {
		snprintf(field, sizeof field, "plan:%d", i);
		CHECK(FIND(twc_text_buf)(m, NULL, field, id, sizeof id) > 0);
		for (k = 0; k < 4; k++) {
			CHECK(FIND(twc_result_yen)(m, id, money[k], &yen) ==
			      TWC_OK);
			printf("%s %s %s %lld\n", scenario, id, money[k], yen);
		}
		for (y = 0; y < years; y++) {
			snprintf(field, sizeof field, "year:%d:net_yen", y);
			CHECK(FIND(twc_result_yen)(m, id, field, &yen) ==
			      TWC_OK);
			printf("%s %s %s %lld\n", scenario, id, field, yen);
		}
	}
}

/* Inputs by number, by text and by UTF-16 (VBA's StrPtr), as a workbook
 * sets them; refusals come back with a message. */
static void
set_inputs(twc_model *m)
{
	/* 令和6年度 in UTF-16, as StrPtr passes it. */
	static const unsigned short reiwa6[] = {0x4EE4, 0x548C, '6',
	                                        0x5E74, 0x5EA6, 0};
	char err[256];

	CHECK(FIND(twc_set)(m, "staff", 220) == TWC_OK);
	CHECK(FIND(twc_set_text)(m, "home", "0.25") == TWC_OK);
	CHECK(FIND(twc_set_text)(m, "fiscal_index", "0.62") == TWC_OK);
	CHECK(FIND(twc_set_text_utf16)(m, "start", reiwa6) == TWC_OK);
	CHECK(FIND(twc_get)(m, "start") == 2024);
	CHECK(FIND(twc_set)(m, "staff", -5) == TWC_ERANGE);
	CHECK(strstr(FIND(twc_last_error)(m), "-5 is out of range") != NULL);
	CHECK(FIND(twc_last_error_buf)(m, err, 8) > 8 && strlen(err) == 7);
	CHECK(FIND(twc_get)(m, "staff") == 220);
	printf("twc_set, twc_set_text, twc_set_text_utf16, twc_get, "
	       "twc_last_error, twc_last_error_buf: ok\n");
}

static void
misc_calls(twc_model *m)
{
	char buf[128], err[256];
	twc_model *none = NULL;
	double v;

	CHECK(strcmp(FIND(twc_version)(), "0.0.0") != 0);
	CHECK(strcmp(FIND(twc_strerror)(TWC_ERANGE),
	             "a number outside its allowed range") == 0);
	CHECK(FIND(twc_open_buf)("bundled:nothing", &none, err, sizeof err) ==
	      TWC_EPROFILE);
	CHECK(none == NULL && strstr(err, "no such bundled profile") != NULL);
	CHECK(FIND(twc_check)("bundled:catalog.cfg", err, sizeof err) ==
	      TWC_OK);
	CHECK(FIND(twc_bundled_count)() >= 3);
	CHECK(FIND(twc_bundled)(0, "name") != NULL);
	CHECK(FIND(twc_bundled_buf)(0, "kind", buf, sizeof buf) > 0);
	CHECK(FIND(twc_bundled_text)("default.cfg") != NULL);
	CHECK(FIND(twc_fiscal_year)("令和7年度") == 2025);
	CHECK(FIND(twc_fiscal_year)("2026-03-31") == 2025);
	CHECK(FIND(twc_fiscal_year)("平成99年度") == TWC_EVALUE);
	CHECK(FIND(twc_fiscal_year)("R8.4.1") == 2026);
	CHECK(FIND(twc_read_number)("1,200", 1, 500000, TWC_NUMBER_WHOLE, &v,
	                            err, sizeof err) == TWC_OK &&
	      v == 1200);
	CHECK(FIND(twc_read_number)("0x50", 1, 500000, TWC_NUMBER_WHOLE, &v,
	                            err, sizeof err) == TWC_EVALUE);
	{
		static const char *const cmds[] = {"compare", "budget", NULL};
		const char *meant = FIND(twc_nearest)("compar", cmds, 2);
		CHECK(meant != NULL && strcmp(meant, "compare") == 0);
	}
	CHECK(FIND(twc_text)(m, NULL, "name") != NULL);
	CHECK(FIND(twc_simulate)(m, 2000, 7, 1) == TWC_OK);
	CHECK(FIND(twc_progress)(m) == 1.0);
	v = FIND(twc_result)(m, "jlis-lgwan", "sim:net_yen:p50");
	CHECK(isfinite(v) && v > 0);
	v = FIND(twc_breakeven)(m, "lgwan-remote", "jlis-lgwan", "staff", 1,
	                        10000);
	CHECK(isnan(v) || v >= 1);
	CHECK(FIND(twc_reset)(m) == TWC_OK);
	printf("twc_version, twc_strerror, twc_open_buf, twc_check, "
	       "twc_bundled*, twc_fiscal_year, twc_read_number, twc_nearest, "
	       "twc_text, "
	       "twc_simulate, "
	       "twc_progress, "
	       "twc_result, twc_breakeven, twc_reset: ok\n");
}

int
main(void)
{
	twc_model *m = NULL;
	int i;

	dll = LoadLibraryA("twcost.dll");
	if (dll == NULL) {
		printf("FAIL: LoadLibrary(twcost.dll): error %lu\n",
		       (unsigned long)GetLastError());
		return 1;
	}
	for (i = 0; called[i] != NULL; i++)
		need(called[i]);
	printf("exports found by name: %d\n", i);
	CHECK(FIND(twc_open)(NULL, &m) == TWC_OK);
	if (m == NULL)
		return 1;
	print_plans(m, "default");
	set_inputs(m);
	print_plans(m, "city");
	printf(
	    "quick jlis-lgwan net_yen %.0f\n",
	    FIND(twc_quick)("jlis-lgwan", "net_yen", 80, 0.2, 0, 0, "R7", 0.4));
	misc_calls(m);
	FIND(twc_close)(m);
	FIND(twc_close)(NULL);
	FreeLibrary(dll);
	printf("%s\n", failures ? "dll_test: FAILED" : "dll_test: all passed");
	return failures ? 1 : 0;
}
