/* harness.h - the few helpers every CUnit suite shares. */
#ifndef TWC_TEST_HARNESS_H
#define TWC_TEST_HARNESS_H

#include <CUnit/Basic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "twcost.h"

/* Money is exact: compare yen as integers. */
#define ASSERT_YEN(actual, expected)                                           \
	CU_ASSERT_EQUAL((long long)(actual), (long long)(expected))

/* Shares and rates are compared to this tolerance: far below the 0.01
 * steps of the inputs and the rule, far above double rounding noise. */
#define RATE_TOL 1e-12

#define ASSERT_CONTAINS(text, part)                                            \
	do {                                                                   \
		const char *t_ = (text);                                       \
		CU_ASSERT_PTR_NOT_NULL(t_);                                    \
		if (t_ != NULL && strstr(t_, (part)) == NULL) {                \
			fprintf(stderr, "\n  '%s'\n  lacks '%s'\n", t_,        \
			        (part));                                       \
			CU_FAIL("text lacks the expected part");               \
		}                                                              \
	} while (0)

/* A path under the source tree: "profiles/default.cfg". */
static inline const char *
src_path(const char *rel)
{
	static char buf[4][1024];
	static int next;
	char *b = buf[next++ % 4];
	const char *top = getenv("TOP_SRCDIR_OVERRIDE");

	snprintf(b, 1024, "%s/%s", top ? top : TOP_SRCDIR, rel);
	return b;
}

/* A handle on the profile at rel under the source tree; the test stops
 * when it cannot be opened.  (Unused static inline functions cost the
 * suites that do not link the library nothing.) */
static inline twc_model *
open_profile(const char *rel)
{
	twc_model *m = NULL;
	char err[512];

	if (twc_open_buf(src_path(rel), &m, err, sizeof err) != TWC_OK)
		fprintf(stderr, "\n  %s\n", err);
	CU_ASSERT_PTR_NOT_NULL_FATAL(m);
	return m;
}

/* A handle on the bundled default scenario. */
static inline twc_model *
open_default(void)
{
	twc_model *m = NULL;

	CU_ASSERT_EQUAL_FATAL(twc_open(NULL, &m), TWC_OK);
	return m;
}

/* Run one suite of tests; exit status 0 when every assertion held. */
static inline int
run_suite(const char *name, CU_TestInfo *tests)
{
	CU_SuiteInfo suites[] = {{name, NULL, NULL, NULL, NULL, tests},
	                         CU_SUITE_INFO_NULL};
	unsigned failed;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	if (CU_register_suites(suites) != CUE_SUCCESS) {
		CU_cleanup_registry();
		return 2;
	}
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return failed ? 1 : 0;
}

#endif
