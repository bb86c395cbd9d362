/* test_profile.c - loading, validating and caching profiles; every error
 * names the file, the line and what is allowed. */
#include <config.h>

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "profile.h"
#include "source.h"

static char dir[256];

/* A scenario that refers to the bundled catalogue and grant rule. */
static const char good_scenario[] =
    "scenario = {\n"                         /* 1 */
    "  name = \"test\";\n"                   /* 2 */
    "  kind = \"municipality\";\n"           /* 3 */
    "  staff = 100;\n"                       /* 4 */
    "  fiscal_index = 0.6;\n"                /* 5 */
    "  start = \"R7\";\n"                    /* 6 */
    "  home = { share = 0.2; days = 2; };\n" /* 7 */
    "};\n"                                   /* 8 */
    "catalog = \"catalog.cfg\";\n"           /* 9 */
    "grant = \"grant-telework.cfg\";\n";     /* 10 */

static const char *
write_file(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f != NULL) {
		fputs(text, f);
		fclose(f);
	}
	return path;
}

/* Load text as a scenario and expect failure with each part in the
 * message. */
static void
expect_error(const char *text, const char *part1, const char *part2)
{
	const char *path = write_file("bad.cfg", text);
	twc_error e;
	profile *p = NULL;

	err_clear(&e);
	CU_ASSERT_EQUAL(profile_load(path, &p, &e), TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(p);
	ASSERT_CONTAINS(e.msg, "bad.cfg:");
	ASSERT_CONTAINS(e.msg, part1);
	if (part2 != NULL)
		ASSERT_CONTAINS(e.msg, part2);
	profile_free(p);
}

/* good_scenario with one line replaced. */
static const char *
with_line(int line, const char *replacement)
{
	static char buf[2048];
	const char *s = good_scenario;
	size_t len = 0;
	int n = 1;

	while (*s) {
		const char *eol = strchr(s, '\n');
		size_t k = (size_t)(eol - s) + 1;
		if (n == line)
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			                        "%s\n", replacement);
		else
			len += (size_t)snprintf(buf + len, sizeof buf - len,
			                        "%.*s", (int)k, s);
		s = eol + 1;
		n++;
	}
	return buf;
}

static void
test_bundled_default_loads(void)
{
	twc_error e;
	profile *p = NULL;

	CU_ASSERT_EQUAL_FATAL(profile_load(NULL, &p, &e), TWC_OK);
	CU_ASSERT_EQUAL(p->sc.staff, 80);
	CU_ASSERT_DOUBLE_EQUAL(p->sc.fiscal_index, 0.40, RATE_TOL);
	CU_ASSERT_EQUAL(p->sc.start_fy, 2025);
	CU_ASSERT_EQUAL(p->sc.start_date.month, 10);
	CU_ASSERT_EQUAL(p->sc.kind, KIND_MUNICIPALITY);
	CU_ASSERT_EQUAL(p->sc.years, 5);
	CU_ASSERT_DOUBLE_EQUAL(p->sc.style[STYLE_HOME].share, 0.20, RATE_TOL);
	CU_ASSERT_EQUAL(p->sc.style[STYLE_SATELLITE].sites, 1);
	CU_ASSERT_STRING_EQUAL(p->name, "bundled:default.cfg");
	CU_ASSERT_STRING_EQUAL(p->catalog_name, "bundled:catalog.cfg");
	CU_ASSERT_TRUE(catalog_plan(&p->cat, "jlis-lgwan") >= 0);
	CU_ASSERT_TRUE(catalog_plan(&p->cat, "vdi-own") >= 0);
	CU_ASSERT_EQUAL(p->cat.reference_plan,
	                catalog_plan(&p->cat, "jlis-lgwan"));
	profile_free(p);
}

static void
test_every_shipped_profile_loads_from_its_folder(void)
{
	static const char *const files[] = {
	    "profiles/default.cfg", "profiles/entities/village-45.cfg",
	    "profiles/entities/city-220.cfg", "profiles/entities/city-1200.cfg",
	    "profiles/entities/prefecture-2400.cfg"};
	size_t i;

	for (i = 0; i < sizeof files / sizeof *files; i++) {
		twc_error e;
		profile *p = NULL;
		int rc = profile_load(src_path(files[i]), &p, &e);
		CU_ASSERT_EQUAL(rc, TWC_OK);
		if (rc != TWC_OK)
			fprintf(stderr, "\n  %s\n", e.msg);
		else { /* the entities refer to ../catalog.cfg: the file,
			  not the bundled copy of that name */
			ASSERT_CONTAINS(p->catalog_name, "catalog.cfg");
			CU_ASSERT_NOT_EQUAL(
			    strncmp(p->catalog_name, "bundled:", 8), 0);
		}
		profile_free(p);
	}
	CU_ASSERT_EQUAL(profile_check(src_path("profiles/catalog.cfg"), NULL),
	                TWC_OK);
	CU_ASSERT_EQUAL(
	    profile_check(src_path("profiles/grant-telework.cfg"), NULL),
	    TWC_OK);
}

static void
test_references_resolve_beside_the_scenario_from_any_cwd(void)
{
	char cwd[512];
	const char *path;
	twc_error e;
	profile *p = NULL;

	/* A catalogue beside the scenario wins over the bundled one. */
	write_file(
	    "mycat.cfg",
	    "catalog = { title = \"t\"; tax_percent = 10;\n"
	    "  options = ( { id = \"o\"; label_ja = \"o\"; label_en = \"o\";\n"
	    "    styles = [\"home\"]; segments = [\"lgwan\"];\n"
	    "    items = ( { id = \"x\"; label_ja = \"x\"; label_en = \"x\";\n"
	    "      category = \"software\"; phase = \"initial\";\n"
	    "      driver = \"users\"; price = 1000; } ); } );\n"
	    "  plans = ( { id = \"p\"; label_ja = \"p\"; label_en = \"p\";\n"
	    "    home = [\"o\"]; } ); };\n");
	path = write_file("s.cfg", with_line(9, "catalog = \"mycat.cfg\";"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(getcwd(cwd, sizeof cwd));
	CU_ASSERT_EQUAL(chdir("/"), 0);
	CU_ASSERT_EQUAL(profile_load(path, &p, &e), TWC_OK);
	CU_ASSERT_EQUAL(chdir(cwd), 0);
	if (p != NULL) {
		CU_ASSERT_EQUAL(p->cat.n_plans, 1);
		CU_ASSERT_STRING_EQUAL(p->cat.items[0].id, "x");
		ASSERT_CONTAINS(p->catalog_name, "mycat.cfg");
	}
	profile_free(p);
}

static void
test_syntax_error_names_file_and_line(void)
{
	expect_error(with_line(4, "  staff 100;"),
	             "bad.cfg:4:", "syntax error");
	expect_error(with_line(8, "};;}"), "bad.cfg:8:", "syntax error");
}

static void
test_wrong_type_names_file_line_and_setting(void)
{
	expect_error(with_line(4, "  staff = \"eighty\";"), "bad.cfg:4:",
	             "scenario.staff: must be a number from 1 to 500000");
	expect_error(with_line(6, "  start = 2025.5;"),
	             "bad.cfg:6:", "must be a whole number");
	expect_error(with_line(7, "  home = 0.2;"),
	             "bad.cfg:7:", "must be a group");
}

static void
test_out_of_range_names_the_allowed_range(void)
{
	expect_error(with_line(4, "  staff = 0;"),
	             "bad.cfg:4:", "0 is out of range (1 to 500000)");
	expect_error(with_line(5, "  fiscal_index = -0.1;"),
	             "bad.cfg:5:", "out of range (0 to 5)");
	expect_error(
	    with_line(7, "  home = { share = 1.5; days = 2; };"),
	    "bad.cfg:7:", "scenario.home.share: 1.5 is out of range (0 to 1)");
	expect_error(with_line(6, "  start = \"2025-02-30\";"),
	             "bad.cfg:6:", "not a calendar date");
	expect_error(
	    with_line(7,
	              "  home = { share = 0.7; days = 2; };\n"
	              "  satellite = { share = 0.2; days = 1; sites = 1; };\n"
	              "  mobile = { share = 0.2; days = 1; };"),
	    "bad.cfg:1:", "at most 1");
}

static void
test_unknown_key_suggests_the_nearest(void)
{
	expect_error(with_line(4, "  staf = 100;"), "bad.cfg:4:",
	             "unknown key 'staf' (did you mean 'staff'?)");
	expect_error(with_line(7, "  home = { share = 0.2; dayz = 2; };"),
	             "bad.cfg:7:", "did you mean 'days'?");
	expect_error(with_line(9, "catalogue = \"catalog.cfg\";"),
	             "bad.cfg:9:", "did you mean 'catalog'?");
	expect_error(with_line(3, "  kind = \"municipalty\";"),
	             "bad.cfg:3:", "did you mean 'municipality'?");
}

/* A key known in another group says which one, from the key lists the
 * readers check (places.c); a typo in the right group still gets the key
 * meant, and a key of many groups (id) no guess. */
static void
test_key_in_the_wrong_group_says_where_it_belongs(void)
{
	expect_error(
	    with_line(4, "  staff = 100; quotes = { vdi_server = 1; };"),
	    "bad.cfg:4: scenario: ",
	    "unknown key 'quotes': it belongs at the top level of "
	    "the profile (quotes = { item_id = yen; }), not in "
	    "scenario");
	expect_error(with_line(4, "};\nstaff = 100;\nscenario2 = {"),
	             "bad.cfg:5: ",
	             "unknown key 'staff': it belongs in scenario, not at the "
	             "top level");
	expect_error(
	    with_line(7, "  home = { share = 0.2; days = 2; sites = 1; };"),
	    "bad.cfg:7: scenario.home: ",
	    "unknown key 'sites': it belongs in scenario.satellite, "
	    "not in scenario.home");
	expect_error(
	    with_line(10, "grant = \"grant-telework.cfg\"; rate = 0.5;"),
	    "bad.cfg:10: ",
	    "unknown key 'rate': it belongs in grant, not at the top "
	    "level");
	expect_error(
	    with_line(4, "  staff = 100; byod = true;"),
	    "bad.cfg:4: scenario: ",
	    "unknown key 'byod': it belongs in catalog.options, not in "
	    "scenario");
	expect_error(with_line(10, "grant = \"grant-telework.cfg\";\n"
	                           "plans = ( { id = \"p\"; label_ja = \"p\";"
	                           " label_en = \"p\"; home = [\"jlis\"];"
	                           " byod = true; } );"),
	             "bad.cfg:11: plans[0]: ",
	             "unknown key 'byod': it belongs in "
	             "catalog.options, not in plans[0]");
	expect_error(with_line(4, "  staff = 100; share = 0.2;"),
	             "bad.cfg:4: scenario: ",
	             "unknown key 'share': it belongs in scenario.home, "
	             "scenario.satellite, scenario.mobile, scenario.funding, "
	             "not in scenario");
	expect_error(with_line(4, "  staff = 100; yeers = 5;"),
	             "bad.cfg:4: scenario: ",
	             "unknown key 'yeers' (did you mean 'years'?)");
	expect_error(with_line(4, "  staff = 100; id = \"x\";"),
	             "bad.cfg:4: scenario: ", "unknown key 'id'");
}

static void
test_missing_reference_and_missing_file(void)
{
	twc_error e;
	profile *p = NULL;

	expect_error(with_line(9, "catalog = \"nowhere.cfg\";"),
	             "bad.cfg:9:", "cannot find 'nowhere.cfg'");
	err_clear(&e);
	CU_ASSERT_EQUAL(profile_load("/nonexistent/x.cfg", &p, &e),
	                TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "/nonexistent/x.cfg: cannot open profile");
	ASSERT_CONTAINS(e.msg, "default.cfg");
	/* a name close to a bundled scenario's, compared without .cfg */
	CU_ASSERT_EQUAL(profile_load("village45", &p, &e), TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "village45: cannot open profile: ");
	ASSERT_CONTAINS(e.msg, "(did you mean the bundled 'village-45.cfg'?)");
	CU_ASSERT_EQUAL(profile_load("defualt.cfg", &p, &e), TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "(did you mean the bundled 'default.cfg'?)");
	/* a path names a file: no bundled guess */
	CU_ASSERT_EQUAL(profile_load("./village45", &p, &e), TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(strstr(e.msg, "did you mean"));
	CU_ASSERT_EQUAL(profile_load("bundled:nothing", &p, &e), TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "no such bundled profile");
}

static void
test_not_a_scenario(void)
{
	twc_error e;
	profile *p = NULL;

	CU_ASSERT_EQUAL(profile_load(src_path("profiles/catalog.cfg"), &p, &e),
	                TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "is not a scenario profile");
	expect_error("x = 1;\n", "bad.cfg:", "is not a scenario profile");
	CU_ASSERT_EQUAL(profile_check(write_file("bad.cfg", "x = 1;\n"), &e),
	                TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "not a twcost profile");
}

/* A catalogue with one option and one item whose fields vary. */
static const char *
catalog_with_item(const char *item_fields)
{
	static char buf[2048];

	snprintf(buf, sizeof buf,
	         "scenario = { kind = \"municipality\"; staff = 10;\n" /* 1 */
	         "  fiscal_index = 0.4; start = \"R7\";\n"             /* 2 */
	         "  home = { share = 0.5; days = 1; }; };\n"           /* 3 */
	         "grant = \"grant-telework.cfg\";\n"                   /* 4 */
	         "catalog = { title = \"t\"; tax_percent = 10;\n"      /* 5 */
	         "  options = ( { id = \"o\"; label_ja = \"o\";\n"     /* 6 */
	         "    label_en = \"o\"; styles = [\"home\"];\n"        /* 7 */
	         "    segments = [\"lgwan\"];\n"                       /* 8 */
	         "    items = ( { id = \"x\"; label_ja = \"x\";\n"     /* 9 */
	         "      label_en = \"x\";\n"                           /* 10 */
	         "%s\n"                                                /* 11 */
	         "    } ); } );\n"                                     /* 12 */
	         "  plans = ( { id = \"p\"; label_ja = \"p\";\n"
	         "    label_en = \"p\"; home = [\"o\"]; } ); };\n",
	         item_fields);
	return buf;
}

static void
test_catalogue_item_errors(void)
{
	expect_error(catalog_with_item("category = \"softwear\"; phase = "
	                               "\"initial\"; driver = \"users\"; "
	                               "price = 1;"),
	             "bad.cfg:11:", "not one the grant rule lists");
	expect_error(
	    catalog_with_item("category = \"software\"; phase = "
	                      "\"yearly\"; driver = \"users\"; price = 1;"),
	    "bad.cfg:11:", "'yearly' is not one of initial, annual");
	expect_error(catalog_with_item("category = \"software\"; phase = "
	                               "\"replacement\"; driver = \"users\"; "
	                               "price = 1;"),
	             "bad.cfg:9:", "missing key 'every'");
	expect_error(catalog_with_item("category = \"software\"; phase = "
	                               "\"initial\"; driver = \"servers\"; "
	                               "price = 1;"),
	             "bad.cfg:9:", "needs users_per_server");
	expect_error(
	    catalog_with_item("category = \"software\"; phase = "
	                      "\"initial\"; driver = \"users\"; "
	                      "price = { low = 5; mode = 3; high = 9; };"),
	    "bad.cfg:11:", "needs low <= mode <= high");
	expect_error(catalog_with_item("category = \"software\"; phase = "
	                               "\"initial\"; driver = \"users\"; "
	                               "price = 12.5;"),
	             "bad.cfg:11:", "whole number of yen");
	expect_error(catalog_with_item("category = \"software\"; phase = "
	                               "\"initial\"; driver = \"users\"; "
	                               "price = 20000000000;"),
	             "bad.cfg:11:", "out of range (0 to 10000000000)");
	expect_error(catalog_with_item("category = \"software\"; phase = "
	                               "\"initial\"; driver = \"users\"; "
	                               "price = 1; colour = \"red\";"),
	             "bad.cfg:11:", "unknown key 'colour'");
}

/* libconfig 1.5 reads 3000000000 without an L suffix as a wrapped 32-bit
 * int (-1294967296), and 4294967396 as 100; the loader widens such
 * literals before libconfig sees them. */
static void
test_price_above_2_31_yen_is_read_exactly(void)
{
	const char *path = write_file(
	    "big.cfg", catalog_with_item("category = \"server\"; phase = "
	                                 "\"initial\"; driver = \"fixed\"; "
	                                 "price = 3000000000;"));
	twc_error e;
	profile *p = NULL;

	CU_ASSERT_EQUAL_FATAL(profile_load(path, &p, &e), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(p->cat.items[0].price.base, 3000000000.0, 0.0);
	profile_free(p);
	path = write_file("big.cfg",
	                  catalog_with_item("category = \"server\"; phase = "
	                                    "\"initial\"; driver = \"fixed\"; "
	                                    "price = 4294967396;"));
	CU_ASSERT_EQUAL_FATAL(profile_load(path, &p, &e), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(p->cat.items[0].price.base, 4294967396.0, 0.0);
	profile_free(p);
	/* A negative one wraps too (-4294967196 would read as 100): widened,
	 * it is out of range. */
	expect_error(catalog_with_item("category = \"server\"; phase = "
	                               "\"initial\"; driver = \"fixed\"; "
	                               "price = -4294967196;"),
	             "bad.cfg:11:", "-4294967196 is out of range");
}

static void
test_tax_excluded_prices_get_ten_percent(void)
{
	const char *path =
	    write_file("tax.cfg", catalog_with_item(
	                              "category = \"licence\"; phase = "
	                              "\"annual\"; driver = \"users\"; "
	                              "price = { low = 995; mode = 11940; "
	                              "high = 15001; }; tax = \"excluded\";"));
	twc_error e;
	profile *p = NULL;

	CU_ASSERT_EQUAL_FATAL(profile_load(path, &p, &e), TWC_OK);
	/* 11,940 x 1.1 = 13,134; 995 x 1.1 = 1,094.5 -> 1,094 (fraction
	 * dropped); 15,001 x 1.1 = 16,501.1 -> 16,501. */
	CU_ASSERT_DOUBLE_EQUAL(p->cat.items[0].price.base, 13134.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(p->cat.items[0].price.low, 1094.0, 0.0);
	CU_ASSERT_DOUBLE_EQUAL(p->cat.items[0].price.high, 16501.0, 0.0);
	profile_free(p);
}

static void
test_quotes_replace_catalogue_prices(void)
{
	char text[2048];
	const char *path;
	twc_error e;
	profile *p = NULL;

	snprintf(text, sizeof text, "%s%s", good_scenario,
	         "quotes = { vdi_server = 5200000;\n"
	         "  sb_licence = { low = 20000; mode = 21000; high = 25000; }; "
	         "};\n");
	path = write_file("q.cfg", text);
	CU_ASSERT_EQUAL_FATAL(profile_load(path, &p, &e), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(
	    p->cat.items[catalog_item(&p->cat, "vdi_server")].price.base,
	    5200000.0, 0.0);
	CU_ASSERT_EQUAL(
	    p->cat.items[catalog_item(&p->cat, "vdi_server")].price.kind,
	    DIST_FIXED);
	CU_ASSERT_DOUBLE_EQUAL(
	    p->cat.items[catalog_item(&p->cat, "sb_licence")].price.high,
	    25000.0, 0.0);
	profile_free(p);
	snprintf(text, sizeof text, "%s%s", good_scenario,
	         "quotes = { vdi_srever = 1; };\n");
	expect_error(text, "bad.cfg:11:", "did you mean 'vdi_server'?");
}

static void
test_plan_errors(void)
{
	char text[2048];

	snprintf(text, sizeof text, "%s%s", good_scenario,
	         "plans = ( { id = \"x\"; label_ja = \"x\"; label_en = \"x\";\n"
	         "  home = [ \"satellite-seats\" ]; } );\n");
	expect_error(text, "bad.cfg:12:", "does not serve home work");
	snprintf(text, sizeof text, "%s%s", good_scenario,
	         "plans = ( { id = \"vdi-own\"; label_ja = \"x\"; "
	         "label_en = \"x\"; } );\n");
	expect_error(text, "bad.cfg:11:", "plan 'vdi-own' is defined twice");
	snprintf(text, sizeof text, "%s%s", good_scenario,
	         "plans = ( { id = \"y\"; label_ja = \"x\"; label_en = \"x\";\n"
	         "  home = [ \"vdj\" ]; } );\n");
	expect_error(text, "bad.cfg:12:", "'vdj' is not an option");
}

static void
test_grant_rule_errors(void)
{
	twc_error e;
	const char *path = write_file(
	    "g.cfg",
	    "grant = { id = \"x\"; title = \"x\"; rate = 1.5; first_fy = "
	    "2020;\n"
	    "  start_deadline_fy = 2025; eligible_phases = [\"initial\"];\n"
	    "  rounding = { unit_yen = 1000; method = \"half_up\"; };\n"
	    "  not_covered = { non_recipient = true; kinds = []; };\n"
	    "  correction = {}; categories = (); };\n");

	CU_ASSERT_EQUAL(profile_check(path, &e), TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg,
	                "g.cfg:1: grant.rate: 1.5 is out of range (0 to 1)");
	path = write_file(
	    "g.cfg",
	    "grant = { id = \"x\"; title = \"x\"; rate = 0.5; first_fy = "
	    "2020;\n"
	    "  start_deadline_fy = 2025; eligible_phases = [\"initial\"];\n"
	    "  rounding = { unit_yen = 1000; method = \"half_up\"; };\n"
	    "  not_covered = { non_recipient = true; kinds = []; };\n"
	    "  categories = ( { id = \"a\"; eligible = true; label_ja = "
	    "\"a\";\n"
	    "    label_en = \"a\"; } );\n"
	    "  correction = { municipality = { high_from = 0.8; high_m = 0.5;\n"
	    "    low_below = 0.5; low_m = 1.0; constant = \"11:6\";\n"
	    "    slope = \"5/3\"; }; }; };\n");
	CU_ASSERT_EQUAL(profile_check(path, &e), TWC_EPROFILE);
	ASSERT_CONTAINS(e.msg, "g.cfg:8:");
	ASSERT_CONTAINS(e.msg, "not a fraction");
}

static void
test_cache_shares_and_reloads_a_changed_file(void)
{
	const char *path = write_file("c.cfg", good_scenario);
	twc_error e;
	profile *a = NULL, *b = NULL, *c = NULL;
	char text[2048];

	CU_ASSERT_EQUAL_FATAL(profile_acquire(path, &a, &e), TWC_OK);
	CU_ASSERT_EQUAL_FATAL(profile_acquire(path, &b, &e), TWC_OK);
	CU_ASSERT_PTR_EQUAL(a, b);
	CU_ASSERT_EQUAL(a->sc.staff, 100);
	/* Change the file (its size changes), and the next acquire reloads. */
	snprintf(text, sizeof text, "%s", with_line(4, "  staff = 1234;"));
	write_file("c.cfg", text);
	CU_ASSERT_EQUAL_FATAL(profile_acquire(path, &c, &e), TWC_OK);
	CU_ASSERT_PTR_NOT_EQUAL(c, a);
	CU_ASSERT_EQUAL(c->sc.staff, 1234);
	CU_ASSERT_EQUAL(a->sc.staff, 100); /* the old one lives on */
	profile_release(a);
	profile_release(b);
	profile_release(c);
	profile_cache_clear();
}

/* ---- issue 8: what a hostile or careless profile must not do ---------- */

/* text with the first occurrence of from (up to and including the first
 * `until` after it, when until is not NULL) replaced by to; *line gets the
 * line where it was. */
static const char *
replaced(const char *text, const char *from, const char *until, const char *to,
         int *line)
{
	static char buf[1 << 16];
	const char *at = strstr(text, from), *end, *p;

	CU_ASSERT_PTR_NOT_NULL_FATAL(at);
	end = until ? strstr(at, until) + strlen(until) : at + strlen(from);
	*line = 1;
	for (p = text; p < at; p++)
		*line += *p == '\n';
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - text), text, to, end);
	return buf;
}

/* Open (as a host does, through the API) a scenario whose grant rule is
 * the bundled one with a change, and expect "g.cfg:LINE: path: must be a
 * group". */
static void
expect_grant_group_error(const char *from, const char *until, const char *to,
                         const char *path)
{
	char want[128], err[512];
	twc_model *m = NULL;
	int line;

	write_file("g.cfg", replaced(twc_bundled_text("grant-telework.cfg"),
	                             from, until, to, &line));
	snprintf(want, sizeof want, "g.cfg:%d: %s: must be a group { ... }",
	         line, path);
	CU_ASSERT_EQUAL(
	    twc_open_buf(write_file("s.cfg", with_line(10, "grant = "
	                                                   "\"g.cfg\";")),
	                 &m, err, sizeof err),
	    TWC_EPROFILE);
	CU_ASSERT_PTR_NULL(m);
	ASSERT_CONTAINS(err, want);
}

/* A group written as a list or an array crashed twcost check and twc_open
 * (libconfig's member look-ups assume a group). */
static void
test_group_written_as_list_is_an_error_not_a_crash(void)
{
	expect_error(with_line(7, "  jlis = [1];"),
	             "bad.cfg:7:", "scenario.jlis: must be a group { ... }");
	expect_error(with_line(7, "  home = (1, 2);"),
	             "bad.cfg:7:", "scenario.home: must be a group");
	expect_grant_group_error("rounding = {", "};", "rounding = [1];",
	                         "grant.rounding");
	expect_grant_group_error("not_covered = {", "    };\n  };",
	                         "not_covered = (1);", "grant.not_covered");
	expect_grant_group_error("reasons = {", "    };", "reasons = [1];",
	                         "grant.not_covered.reasons");
	expect_grant_group_error("correction = {", "\"8/3\"; };\n  };",
	                         "correction = [1];", "grant.correction");
	expect_grant_group_error("municipality = {", "};",
	                         "municipality = (1);",
	                         "grant.correction.municipality");
	expect_grant_group_error("{ id = \"software\";", "},", "(1),",
	                         "grant.categories[2]");
}

static const char *
mkdir_in(const char *name)
{
	static char path[512];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	mkdir(path, 0700);
	return path;
}

/* A scenario in inc/main.cfg whose body is in another file. */
static const char main_cfg[] = "scenario = {\n"               /* 1 */
                               "  @include \"body.cfg\"\n"    /* 2 */
                               "};\n"                         /* 3 */
                               "catalog = \"catalog.cfg\";\n" /* 4 */
                               "grant = \"grant-telework.cfg\";\n";

static const char *
body_cfg(const char *staff_line)
{
	static char buf[512];

	snprintf(buf, sizeof buf,
	         "name = \"inc\"; kind = \"municipality\";\n" /* 1 */
	         "fiscal_index = 0.6; start = \"R7\";\n"      /* 2 */
	         "%s\n"                                       /* 3 */
	         "home = { share = 0.2; days = 2; };\n",      /* 4 */
	         staff_line);
	return buf;
}

/* Load inc/main.cfg; expect TWC_OK (part NULL) or an error with part. */
static profile *
load_inc(const char *part)
{
	char path[512];
	twc_error e;
	profile *p = NULL;
	int rc;

	snprintf(path, sizeof path, "%s/inc/main.cfg", dir);
	err_clear(&e);
	rc = profile_load(path, &p, &e);
	CU_ASSERT_EQUAL(rc, part ? TWC_EPROFILE : TWC_OK);
	if (part != NULL)
		ASSERT_CONTAINS(e.msg, part);
	else if (rc != TWC_OK)
		fprintf(stderr, "\n  %s\n", e.msg);
	return p;
}

/* @include was resolved against the working directory, where a file of
 * the same name was used silently. */
static void
test_include_resolves_beside_the_including_file(void)
{
	char cwd[512];
	profile *p;

	mkdir_in("inc");
	write_file("inc/main.cfg", main_cfg);
	write_file("inc/body.cfg", body_cfg("staff = 321;"));
	write_file("body.cfg", body_cfg("staff = 999;"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(getcwd(cwd, sizeof cwd));
	CU_ASSERT_EQUAL(chdir(dir), 0);
	p = load_inc(NULL);
	CU_ASSERT_EQUAL(chdir(cwd), 0);
	if (p != NULL) {
		CU_ASSERT_EQUAL(p->sc.staff, 321);
		/* main, body, and the bundled grant rule, 節 table and
		 * catalogue */
		CU_ASSERT_EQUAL(p->src.n_files, 5);
	}
	profile_free(p);
}

/* An error inside an included file was blamed on the including file. */
static void
test_include_errors_name_the_included_file_and_line(void)
{
	mkdir_in("inc");
	write_file("inc/main.cfg", main_cfg);
	write_file("inc/body.cfg", body_cfg("staff = \"many\";"));
	profile_free(load_inc("inc/body.cfg:3: scenario.staff: must be a "
	                      "number from 1 to 500000"));
	write_file("inc/body.cfg", body_cfg("staff 80;"));
	profile_free(load_inc("inc/body.cfg:3: syntax error"));
	/* A line of the including file after the include keeps its own
	 * number. */
	write_file("inc/body.cfg", body_cfg("staff = 80;"));
	write_file("inc/main.cfg",
	           "scenario = {\n  @include \"body.cfg\"\n  years = 0;\n};\n"
	           "catalog = \"catalog.cfg\";\n"
	           "grant = \"grant-telework.cfg\";\n");
	profile_free(load_inc("inc/main.cfg:3: scenario.years: 0 is out of "
	                      "range (1 to 30)"));
}

/* @include of a folder made libconfig's scanner exit() the process, and
 * of a FIFO blocked twc_open forever (the alarm ends this test if it
 * does). */
static void
test_include_of_a_folder_or_fifo_is_an_error(void)
{
	char fifo[512];

	mkdir_in("inc");
	mkdir_in("inc/folder");
	write_file("inc/main.cfg", "@include \"folder\"\n");
	profile_free(
	    load_inc("inc/main.cfg:1: @include \"folder\": is a folder"));
	snprintf(fifo, sizeof fifo, "%s/inc/fifo", dir);
	CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
	write_file("inc/main.cfg", "x = 1;\n@include \"fifo\"\n");
	alarm(20);
	profile_free(load_inc(
	    "inc/main.cfg:2: @include \"fifo\": is not a regular file"));
	alarm(0);
	write_file("inc/main.cfg", "@include \"nothing.cfg\"\n");
	profile_free(load_inc("inc/main.cfg:1: @include \"nothing.cfg\": "
	                      "No such file"));
	write_file("inc/main.cfg", "@include \"main.cfg\"\n");
	profile_free(load_inc("inc/main.cfg:1: @include \"main.cfg\": is "
	                      "already being read"));
}

/* Includes nest at most INCLUDE_MAX_DEPTH (8) deep. */
static void
test_include_depth_limit(void)
{
	char name[64], text[128];
	int i;

	mkdir_in("inc");
	write_file("inc/main.cfg", "@include \"i1.cfg\"\n");
	for (i = 1; i <= 9; i++) {
		snprintf(name, sizeof name, "inc/i%d.cfg", i);
		snprintf(text, sizeof text, "@include \"i%d.cfg\"\n", i + 1);
		write_file(name, text);
	}
	/* main -> i1 -> ... -> i8 is 8 deep, and i8 may hold settings. */
	write_file("inc/i8.cfg", "scenario = { };\n");
	profile_free(load_inc("inc/main.cfg: missing key 'grant'"));
	/* i8 -> i9 is one more. */
	write_file("inc/i8.cfg", "@include \"i9.cfg\"\n");
	write_file("inc/i9.cfg", "scenario = { };\n");
	profile_free(
	    load_inc("inc/i8.cfg:1: @include: files include one another "
	             "more than 8 deep"));
}

/* The 4 MiB cap applied to each file alone; includes bypassed it.  Now
 * the files of one profile - here main.cfg, body.cfg and a.cfg, and the
 * text of the bundled catalogue, grant rule and 節 table -
 * may hold PROFILE_MAX_BYTES together, and not one byte more. */
static void
test_size_cap_is_on_the_total(void)
{
	static char big[PROFILE_MAX_BYTES];
	static const char body[] = "@include \"a.cfg\"\n"
	                           "name = \"x\"; kind = \"municipality\";\n"
	                           "staff = 9; fiscal_index = 0.1;\n"
	                           "start = \"R7\";\n";
	size_t bundled = strlen(twc_bundled_text("catalog.cfg")) +
	                 strlen(twc_bundled_text("grant-telework.cfg")) +
	                 strlen(twc_bundled_text("setsu.cfg"));
	size_t fill = sizeof big - strlen(main_cfg) - strlen(body) - bundled;

	mkdir_in("inc");
	write_file("inc/main.cfg", main_cfg);
	write_file("inc/body.cfg", body);
	memset(big, '#', fill);
	big[fill - 1] = '\n';
	big[fill] = '\0';
	write_file("inc/a.cfg", big); /* exactly the limit */
	profile_free(load_inc(NULL));
	big[fill - 1] = '#';
	big[fill] = '\n';
	big[fill + 1] = '\0';
	write_file("inc/a.cfg", big); /* one byte more */
	profile_free(load_inc("makes the profile's text larger than 4 MiB"));
	/* Two files that fit alone do not fit together. */
	big[3 * 1024 * 1024] = '\0';
	write_file("inc/a.cfg", big);
	write_file("inc/b.cfg", big);
	write_file("inc/body.cfg", "@include \"a.cfg\"\n@include \"b.cfg\"\n");
	profile_free(load_inc("inc/body.cfg:2: @include \"b.cfg\": makes "
	                      "the profile's text larger than 4 MiB in total"));
}

/* An edited included file was not reloaded by the cache. */
static void
test_cache_reloads_an_edited_included_file(void)
{
	char path[512];
	twc_error e;
	profile *a = NULL, *b = NULL;

	mkdir_in("inc");
	write_file("inc/main.cfg", main_cfg);
	write_file("inc/body.cfg", body_cfg("staff = 321;"));
	snprintf(path, sizeof path, "%s/inc/main.cfg", dir);
	CU_ASSERT_EQUAL_FATAL(profile_acquire(path, &a, &e), TWC_OK);
	write_file("inc/body.cfg", body_cfg("staff = 4321;"));
	CU_ASSERT_EQUAL_FATAL(profile_acquire(path, &b, &e), TWC_OK);
	CU_ASSERT_EQUAL(a->sc.staff, 321);
	CU_ASSERT_EQUAL(b->sc.staff, 4321);
	profile_release(a);
	profile_release(b);
	profile_cache_clear();
}

/* source_read on text alone: TWC_OK, or an error holding part. */
static void
expect_source(const char *text, const char *part)
{
	source_set set = {0};
	source_text t;
	twc_error e;
	int rc;

	err_clear(&e);
	rc = source_read(&set, NULL, "t.cfg", text, &t, &e);
	CU_ASSERT_EQUAL(rc, part ? TWC_EPROFILE : TWC_OK);
	if (part != NULL)
		ASSERT_CONTAINS(e.msg, part);
	else if (rc != TWC_OK)
		fprintf(stderr, "\n  %s\n", e.msg);
	if (rc == TWC_OK)
		source_text_free(&t);
	source_set_free(&set);
}

/* libconfig's parse time grew with the square of the settings in one
 * group (80,000: 45 s): at most GROUP_MAX_SETTINGS are let through. */
static void
test_settings_per_group_and_nesting_limits(void)
{
	static char text[2 * 1024 * 1024];
	size_t len;
	int i;

	len = (size_t)snprintf(text, sizeof text, "q = {\n");
	for (i = 0; i < GROUP_MAX_SETTINGS; i++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		                        "k%d = %d;\n", i, i);
	snprintf(text + len, sizeof text - len, "};\n");
	expect_source(text, NULL); /* 1000: accepted */
	snprintf(text + len, sizeof text - len, "one = 1;\n};\n");
	expect_source(text, "t.cfg:1002: more than 1000 settings in one group");
	for (i = 0; i < 80000; i++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		                        "k%d = %d;\n", i, i);
	expect_source(text, "t.cfg:1002: more than 1000 settings");
	/* Nesting: 32 levels are fine, 33 are not. */
	len = 0;
	for (i = 0; i < PROFILE_MAX_NESTING; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "a = {");
	for (i = 0; i < PROFILE_MAX_NESTING; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "};");
	expect_source(text, NULL);
	snprintf(text, sizeof text,
	         "x = ((((((((((((((((((((((((((((((((("
	         ")))))))))))))))))))))))))))))))));");
	expect_source(text, "nested more than 32 deep");
}

/* Hex integers over 32 bits wrapped (0x100000064 read as 100); integers
 * over 64 bits and reals over the double range are refused with the
 * literal as written. */
static void
test_integers_that_do_not_fit_are_refused(void)
{
	const char *path = write_file(
	    "hex.cfg", catalog_with_item("category = \"server\"; phase = "
	                                 "\"initial\"; driver = \"fixed\"; "
	                                 "price = 0x100000064;"));
	twc_error e;
	profile *p = NULL;

	CU_ASSERT_EQUAL_FATAL(profile_load(path, &p, &e), TWC_OK);
	CU_ASSERT_DOUBLE_EQUAL(p->cat.items[0].price.base, 4294967396.0, 0.0);
	profile_free(p);
	expect_error(catalog_with_item("price = 0x1FFFFFFFFFFFFFFFF;"),
	             "bad.cfg:11:",
	             "0x1FFFFFFFFFFFFFFFF is larger than a 64-bit integer");
	expect_error(catalog_with_item("price = 99999999999999999999;"),
	             "bad.cfg:11:",
	             "99999999999999999999 is larger than a 64-bit integer");
	expect_error(catalog_with_item("price = 1e999;"),
	             "bad.cfg:11:", "1e999 is too large for a number");
	expect_error(with_line(4, "  staff = 0xFFFFFFFF;"),
	             "bad.cfg:4:", "4294967295 is out of range (1 to 500000)");
}

/* Messages show the number written ("500000.4", not "500000"), never
 * "-2.14748e+09". */
static void
test_messages_show_the_number_written(void)
{
	expect_error(with_line(4, "  staff = 500000.4;"), "bad.cfg:4:",
	             "scenario.staff: 500000.4 is out of range (1 to 500000)");
	expect_error(with_line(4, "  staff = -2147483648;"),
	             "bad.cfg:4:", "-2147483648 is out of range (1 to 500000)");
	expect_error(catalog_with_item("category = \"software\"; phase = "
	                               "\"initial\"; driver = \"users\"; "
	                               "price = 0.1;"),
	             "bad.cfg:11:", "0.1 must be a whole number of yen");
}

static int
setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/twc_profile_XXXXXX");
	return mkdtemp(dir) == NULL;
}

static int
teardown(void)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) != 0;
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"bundled_default_loads", test_bundled_default_loads},
	    {"every_shipped_profile_loads_from_its_folder",
	     test_every_shipped_profile_loads_from_its_folder},
	    {"references_resolve_beside_the_scenario_from_any_cwd",
	     test_references_resolve_beside_the_scenario_from_any_cwd},
	    {"syntax_error_names_file_and_line",
	     test_syntax_error_names_file_and_line},
	    {"wrong_type_names_file_line_and_setting",
	     test_wrong_type_names_file_line_and_setting},
	    {"out_of_range_names_the_allowed_range",
	     test_out_of_range_names_the_allowed_range},
	    {"unknown_key_suggests_the_nearest",
	     test_unknown_key_suggests_the_nearest},
	    {"missing_reference_and_missing_file",
	     test_missing_reference_and_missing_file},
	    {"key_in_the_wrong_group_says_where_it_belongs",
	     test_key_in_the_wrong_group_says_where_it_belongs},
	    {"not_a_scenario", test_not_a_scenario},
	    {"catalogue_item_errors", test_catalogue_item_errors},
	    {"price_above_2_31_yen_is_read_exactly",
	     test_price_above_2_31_yen_is_read_exactly},
	    {"tax_excluded_prices_get_ten_percent",
	     test_tax_excluded_prices_get_ten_percent},
	    {"quotes_replace_catalogue_prices",
	     test_quotes_replace_catalogue_prices},
	    {"plan_errors", test_plan_errors},
	    {"grant_rule_errors", test_grant_rule_errors},
	    {"cache_shares_and_reloads_a_changed_file",
	     test_cache_shares_and_reloads_a_changed_file},
	    {"group_written_as_list_is_an_error_not_a_crash",
	     test_group_written_as_list_is_an_error_not_a_crash},
	    {"include_resolves_beside_the_including_file",
	     test_include_resolves_beside_the_including_file},
	    {"include_errors_name_the_included_file_and_line",
	     test_include_errors_name_the_included_file_and_line},
	    {"include_of_a_folder_or_fifo_is_an_error",
	     test_include_of_a_folder_or_fifo_is_an_error},
	    {"include_depth_limit", test_include_depth_limit},
	    {"size_cap_is_on_the_total", test_size_cap_is_on_the_total},
	    {"cache_reloads_an_edited_included_file",
	     test_cache_reloads_an_edited_included_file},
	    {"settings_per_group_and_nesting_limits",
	     test_settings_per_group_and_nesting_limits},
	    {"integers_that_do_not_fit_are_refused",
	     test_integers_that_do_not_fit_are_refused},
	    {"messages_show_the_number_written",
	     test_messages_show_the_number_written},
	    CU_TEST_INFO_NULL,
	};
	int rc;

	if (setup())
		return 2;
	rc = run_suite("profile", tests);
	teardown();
	return rc;
}
