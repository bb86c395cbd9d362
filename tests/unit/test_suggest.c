/* test_suggest.c - "did you mean": the rule that picks the name a user
 * most plausibly meant, the tool's copy of it (src/cli/suggest.c), and
 * the library's messages that use it. */
#include <config.h>

#include <math.h>

#include <stdarg.h>

#include "cli.h"
#include "harness.h"
#include "suggest.h"
#include "text.h"

/* The tool's fail() (src/cli/options.c), kept here: the last message. */
static char failed[1024];

int
fail(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(failed, sizeof failed, fmt, ap);
	va_end(ap);
	return code;
}

static const char *const commands[] = {
    "compare", "estimate", "budget",   "simulate", "sensitivity", "breakeven",
    "batch",   "check",    "profiles", "help",     "version"};
static const char *const plans[] = {"vdi-own",    "secure-browser",
                                    "rdp-office", "lgwan-remote",
                                    "jlis-lgwan", "daas"};
static const char *const keys[] = {"staff", "home", "home_days", "satellite",
                                   "satellite_days"};

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* One word, the names it is looked up in, and the name meant (NULL:
 * none), worked out by hand below. */
typedef struct meant {
	const char *word;
	const char *const *names;
	int n;
	const char *expected;
} meant;

static const meant cases[] = {
    /* typos: at most a third of the word's letters away (at least 1) */
    {"compar", commands, N(commands), "compare"},   /* 1 of 6 */
    {"simulat", commands, N(commands), "simulate"}, /* 1 of 7 */
    {"budgte", commands, N(commands), "budget"},    /* a swap: 1 */
    {"senario", commands, N(commands), NULL},       /* no command near */
    {"staf", keys, N(keys), "staff"},               /* 1 of 4 */
    {"hoem", keys, N(keys), "home"},                /* a swap: 1 of 4 */
    {"Staff", keys, N(keys), "staff"},              /* case: 0 */
    {"home-days", keys, N(keys), "home_days"},      /* '-' is '_': 0 */
    /* the one name a word begins, else the one it is a part of */
    {"jlis", plans, N(plans), "jlis-lgwan"},
    {"vdi", plans, N(plans), "vdi-own"},
    {"lgwan", plans, N(plans), "lgwan-remote"}, /* begins one, part of 2 */
    {"browser", plans, N(plans), "secure-browser"},
    {"office", plans, N(plans), "rdp-office"},
    {"sat", keys, N(keys), NULL},  /* begins two */
    {"vd", plans, N(plans), NULL}, /* too short to say */
    {"xyz", keys, N(keys), NULL},
};

static void
check_rule(const char *(*rule)(const char *, const char *const *, int),
           const char *who)
{
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const meant *c = &cases[i];
		const char *got = rule(c->word, c->names, c->n);
		int same = got == NULL || c->expected == NULL
		               ? got == c->expected
		               : strcmp(got, c->expected) == 0;
		if (!same)
			fprintf(stderr, "\n  %s('%s'): got %s, expected %s\n",
			        who, c->word, got ? got : "NULL",
			        c->expected ? c->expected : "NULL");
		CU_ASSERT(same);
	}
	CU_ASSERT_PTR_NULL(rule(NULL, keys, N(keys)));
}

static void
test_edit_distance_counts_a_swap_as_one(void)
{
	CU_ASSERT_EQUAL(edit_distance("kitten", "sitting"), 3);
	CU_ASSERT_EQUAL(edit_distance("hoem", "home"), 1);
	CU_ASSERT_EQUAL(edit_distance("defualt", "default"), 1);
	CU_ASSERT_EQUAL(edit_distance("Staff", "staff"), 0);
	CU_ASSERT_EQUAL(edit_distance("home-days", "home_days"), 0);
	CU_ASSERT_EQUAL(edit_distance("", "abc"), 3);
}

static void
test_nearest_word_finds_the_name_meant(void)
{
	check_rule(nearest_word, "nearest_word");
}

/* The public twc_nearest, which the tool's cli_nearest calls, gives the
 * library's answers; NULL arguments give NULL. */
static void
test_cli_nearest_is_the_same_rule(void)
{
	static const char *const names[] = {"compare", "budget"};

	check_rule(twc_nearest, "twc_nearest");
	check_rule(cli_nearest, "cli_nearest");
	CU_ASSERT_PTR_NULL(twc_nearest(NULL, names, 2));
	CU_ASSERT_PTR_NULL(twc_nearest("compar", NULL, 2));
	CU_ASSERT_PTR_NULL(twc_nearest("compar", names, -1));
	CU_ASSERT_STRING_EQUAL(twc_nearest("compar", names, 2), "compare");
}

static void
test_cli_choice_names_the_value_meant(void)
{
	static const char *const formats[] = {"table", "csv", "json", "xlsx",
	                                      NULL};

	CU_ASSERT_EQUAL(cli_choice("--format", "json", formats), 2);
	failed[0] = '\0';
	CU_ASSERT_EQUAL(cli_choice("--format", "jsn", formats), -1);
	CU_ASSERT_STRING_EQUAL(failed, "--format: 'jsn' is not one of table, "
	                               "csv, json, xlsx (did you mean "
	                               "'json'?)");
	CU_ASSERT_EQUAL(cli_choice("--format", "pdf", formats), -1);
	CU_ASSERT_STRING_EQUAL(
	    failed, "--format: 'pdf' is not one of table, csv, json, xlsx");
}

/* Bundled names compare without ".cfg"; a kind narrows the names. */
static void
test_cli_bundled_nearest(void)
{
	const char *near = cli_bundled_nearest("village45", "scenario");

	CU_ASSERT_PTR_NOT_NULL_FATAL(near);
	CU_ASSERT_STRING_EQUAL(near, "village-45.cfg");
	near = cli_bundled_nearest("defualt.cfg", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(near);
	CU_ASSERT_STRING_EQUAL(near, "default.cfg");
	near = cli_bundled_nearest("catalg", NULL);
	CU_ASSERT_PTR_NOT_NULL_FATAL(near);
	CU_ASSERT_STRING_EQUAL(near, "catalog.cfg");
	CU_ASSERT_PTR_NULL(cli_bundled_nearest("catalg", "scenario"));
	CU_ASSERT_PTR_NULL(cli_bundled_nearest("mytown.cfg", "scenario"));
}

/* The library's messages name what was meant. */
static void
test_api_messages_say_what_was_meant(void)
{
	twc_model *m = open_default();
	char err[512];

	CU_ASSERT_EQUAL(twc_set_text(m, "kind", "municipalty"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m),
	                "kind: 'municipalty' is not one of prefecture, "
	                "designated_city, municipality, special_ward, "
	                "association (did you mean 'municipality'?)");
	CU_ASSERT_EQUAL(twc_set_text(m, "sizing", "continuty"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "(did you mean 'continuity'?)");
	CU_ASSERT_EQUAL(twc_set_text(m, "work_segment", "LGWAN"), TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m), "(did you mean 'lgwan'?)");
	CU_ASSERT_EQUAL(twc_set_text(m, "lease_payments", "eligable"),
	                TWC_EVALUE);
	ASSERT_CONTAINS(twc_last_error(m),
	                "lease_payments: 'eligable' is not eligible, "
	                "not_eligible or rule (did you mean 'eligible'?)");
	CU_ASSERT_EQUAL(twc_set(m, "home-days", 2), TWC_EKEY);
	ASSERT_CONTAINS(twc_last_error(m),
	                "unknown key 'home-days' (did you mean 'home_days'?)");
	CU_ASSERT(isnan(twc_result(m, "jlis", "net_yen")));
	ASSERT_CONTAINS(twc_last_error(m),
	                "unknown plan 'jlis' (did you mean 'jlis-lgwan'?)");
	CU_ASSERT(isnan(twc_result(m, "jlis-lgwan", "nett_yen")));
	ASSERT_CONTAINS(twc_last_error(m),
	                "unknown field 'nett_yen' for plan 'jlis-lgwan' (did "
	                "you mean 'net_yen'?)");
	CU_ASSERT(isnan(twc_result(m, NULL, "stafff")));
	ASSERT_CONTAINS(twc_last_error(m), "did you mean 'staff'?");
	CU_ASSERT(twc_count(m, NULL, "plan") < 0);
	ASSERT_CONTAINS(twc_last_error(m),
	                "unknown count 'plan' (did you mean 'plans'?)");
	CU_ASSERT(twc_count(m, "vdi-own", "itemz") < 0);
	ASSERT_CONTAINS(twc_last_error(m),
	                "unknown count 'itemz' for plan 'vdi-own' (did you "
	                "mean 'items'?)");
	CU_ASSERT(
	    isnan(twc_breakeven(m, "vdi-own", "jlis-lgwan", "stafff", 1, 100)));
	ASSERT_CONTAINS(twc_last_error(m), "(did you mean 'staff'?)");
	twc_close(m);
	CU_ASSERT_EQUAL(twc_check("defualt.cfg", err, sizeof err),
	                TWC_EPROFILE);
	ASSERT_CONTAINS(err, "(did you mean the bundled 'default.cfg'?)");
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"edit_distance_counts_a_swap_as_one",
	     test_edit_distance_counts_a_swap_as_one},
	    {"nearest_word_finds_the_name_meant",
	     test_nearest_word_finds_the_name_meant},
	    {"cli_nearest_is_the_same_rule", test_cli_nearest_is_the_same_rule},
	    {"cli_choice_names_the_value_meant",
	     test_cli_choice_names_the_value_meant},
	    {"cli_bundled_nearest", test_cli_bundled_nearest},
	    {"api_messages_say_what_was_meant",
	     test_api_messages_say_what_was_meant},
	    CU_TEST_INFO_NULL,
	};

	return run_suite("suggest", tests);
}
