/* test_view.c - the CLI reads results once, into a view, and a read that
 * fails fails the command: nothing is printed as 0.
 *
 * The CLI's view.c is linked with the real library, with twc_result_yen
 * and twc_text wrapped (ld --wrap) so that one chosen field fails as a
 * library error would.  fail() and plan_selected() are the CLI's; the
 * test gives its own, which record what the command would print. */
#include <config.h>

#include <stdarg.h>

#include "harness.h"
#include "view.h"

/* The field the wrapped reads refuse ("" for none), and what fail() got. */
static const char *refuse = "";
static char failed_with[1024];
static int fail_code;

int __real_twc_result_yen(twc_model *m, const char *plan, const char *field,
                          long long *yen);
int __wrap_twc_result_yen(twc_model *m, const char *plan, const char *field,
                          long long *yen);
const char *__real_twc_text(twc_model *m, const char *plan, const char *field);
const char *__wrap_twc_text(twc_model *m, const char *plan, const char *field);

int
__wrap_twc_result_yen(twc_model *m, const char *plan, const char *field,
                      long long *yen)
{
	if (strcmp(field, refuse) == 0) /* as the library fails: a status */
		return __real_twc_result_yen(m, plan, "no_such_field", yen);
	return __real_twc_result_yen(m, plan, field, yen);
}

const char *
__wrap_twc_text(twc_model *m, const char *plan, const char *field)
{
	if (strcmp(field, refuse) == 0)
		return __real_twc_text(m, plan, "no_such_field");
	return __real_twc_text(m, plan, field);
}

int
fail(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(failed_with, sizeof failed_with, fmt, ap);
	va_end(ap);
	fail_code = code;
	return code;
}

int
plan_selected(const options *o, const char *plan)
{
	int i;

	for (i = 0; i < o->n_plans; i++)
		if (strcmp(o->plans[i], plan) == 0)
			return 1;
	return o->n_plans == 0;
}

/* Load the default scenario's view with field `bad` refused. */
static int
load(const char *bad, view *v)
{
	options o;
	twc_model *m = open_default();
	int rc;

	memset(&o, 0, sizeof o);
	refuse = bad;
	failed_with[0] = '\0';
	fail_code = 0;
	rc = view_load(m, &o, VIEW_FULL, v);
	refuse = "";
	twc_close(m);
	return rc;
}

/* The default scenario's J-LIS plan, as README and golden.sh give it:
 * total 16,444,000, grant 2,174,000, net 14,270,000. */
static void
test_view_reads_every_figure(void)
{
	view v;
	const vplan *p;

	CU_ASSERT_EQUAL_FATAL(load("", &v), EXIT_OK);
	p = view_plan(&v, "jlis-lgwan");
	CU_ASSERT_PTR_NOT_NULL_FATAL(p);
	ASSERT_YEN(p->total, 16444000);
	ASSERT_YEN(p->grant, 2174000);
	ASSERT_YEN(p->net, 14270000);
	CU_ASSERT_EQUAL(v.n_plans, 6);
	CU_ASSERT_EQUAL(v.years, 5);
	CU_ASSERT_EQUAL(v.start_fy, 2025);
	CU_ASSERT_STRING_EQUAL(v.fy[0].label, "令和7年度");
	CU_ASSERT_TRUE(p->is_reference);
	CU_ASSERT_EQUAL(v.reference, (int)(p - v.plans));
	view_free(&v);
}

/* A money figure that cannot be read fails the load: exit 3, the field,
 * the plan and the library's message; no view is left to print from. */
static void
test_a_failed_read_fails_the_command(void)
{
	view v;

	CU_ASSERT_EQUAL(load("year:2:net_yen", &v), EXIT_FAILURE_IO);
	CU_ASSERT_EQUAL(fail_code, EXIT_FAILURE_IO);
	ASSERT_CONTAINS(failed_with, "cannot read result 'year:2:net_yen'");
	ASSERT_CONTAINS(failed_with, "of plan 'vdi-own'");
	ASSERT_CONTAINS(failed_with, "unknown field");
	CU_ASSERT_EQUAL(v.n_plans, 0);
	CU_ASSERT_PTR_NULL(v.plans);
}

/* So does a text, and a scenario-wide one. */
static void
test_a_failed_text_fails_the_command(void)
{
	view v;

	CU_ASSERT_EQUAL(load("start_label", &v), EXIT_FAILURE_IO);
	ASSERT_CONTAINS(failed_with, "cannot read result 'start_label'");
	CU_ASSERT_PTR_NULL(strstr(failed_with, "of plan"));
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"view_reads_every_figure", test_view_reads_every_figure},
	    {"a_failed_read_fails_the_command",
	     test_a_failed_read_fails_the_command},
	    {"a_failed_text_fails_the_command",
	     test_a_failed_text_fails_the_command},
	    CU_TEST_INFO_NULL,
	};

	return run_suite("view", tests);
}
