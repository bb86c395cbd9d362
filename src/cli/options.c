/* options.c - the command line read against the table of flags
 * (flags.c), and the flags that become scenario inputs. */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "flags.h"
#include "output.h"
#include "suggest.h"

/* getopt's table, made from flags[] (flags.c): an option's val is its
 * index in flags[] + FLAG_VAL. */
static struct option all_options[MAX_FLAGS + 1];
#define FLAG_VAL 1000

/* The longest error line, so that no input is echoed whole. */
#define FAIL_MAX 1024

int
fail(int code, const char *fmt, ...)
{
	char buf[FAIL_MAX];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof buf, gettext(fmt), ap);
	va_end(ap);
	if (n >= (int)sizeof buf)
		cut_utf8(buf, sizeof buf);
	fprintf(stderr, "twcost: %s\n", buf);
	return code;
}

static void
build_table(void)
{
	int i;

	for (i = 0; i < n_flags && i < MAX_FLAGS; i++) {
		all_options[i].name = flags[i].name;
		all_options[i].has_arg =
		    flags[i].arg != NULL ? required_argument : no_argument;
		all_options[i].flag = NULL;
		all_options[i].val = FLAG_VAL + i;
	}
	memset(&all_options[i], 0, sizeof all_options[0]);
}

static int
add_setting(options *o, const char *flag, const char *key, const char *value)
{
	if (o->n_sets >= MAX_SETTINGS)
		return fail(EXIT_USAGE, "too many inputs (at most %d)",
		            MAX_SETTINGS);
	o->sets[o->n_sets].flag = flag;
	o->sets[o->n_sets].key = key;
	o->sets[o->n_sets].value = value;
	o->n_sets++;
	return EXIT_OK;
}

/* --set KEY=VALUE: any input the library takes. */
static int
add_set(options *o, char *arg)
{
	char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg)
		return fail(EXIT_USAGE, "--set: '%s' is not KEY=VALUE", arg);
	*eq = '\0';
	return add_setting(o, "--set", arg, eq + 1);
}

/* --funding SOURCE:YEAR:AMOUNT, repeatable: joined into one list. */
static int
add_funding(options *o, const char *arg)
{
	size_t len = strlen(o->funding);

	if (len + strlen(arg) + 2 > sizeof o->funding)
		return fail(EXIT_USAGE, "--funding: too many entries");
	snprintf(o->funding + len, sizeof o->funding - len, "%s%s",
	         len ? ";" : "", arg);
	return EXIT_OK;
}

/* --reading KEY=VALUE: later_initial_spending or lease_payments. */
static int
add_reading(options *o, char *arg)
{
	char *eq = strchr(arg, '=');

	static const char *const keys[] = {"later_initial_spending",
	                                   "lease_payments"};
	const char *near;

	if (eq != NULL)
		*eq = '\0';
	if (eq != NULL &&
	    (strcmp(arg, keys[0]) == 0 || strcmp(arg, keys[1]) == 0))
		return add_setting(o, "--reading", arg, eq + 1);
	near = cli_nearest(arg, keys, 2);
	if (near != NULL && strcmp(near, arg) != 0)
		return fail(EXIT_USAGE,
		            "--reading: '%s' is not later_initial_spending=... "
		            "or lease_payments=... (did you mean '%s'?)",
		            arg, near);
	return fail(EXIT_USAGE,
	            "--reading: '%s' is not later_initial_spending=... or "
	            "lease_payments=...",
	            arg);
}

/* --plan a,b --plan c */
static int
add_plans(options *o, char *arg)
{
	char *save = NULL, *tok;

	for (tok = strtok_r(arg, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		if (o->n_plans >= MAX_PLANS)
			return fail(EXIT_USAGE, "--plan: at most %d plans",
			            MAX_PLANS);
		o->plans[o->n_plans++] = tok;
	}
	return EXIT_OK;
}

const char *const format_names[] = {"table", "csv", "json", "xlsx", NULL};

static int
set_format(options *o, const char *arg)
{
	int i = cli_choice("--format", arg, format_names);

	if (i < 0)
		return EXIT_USAGE;
	o->format = (enum format)i;
	o->format_given = 1;
	return EXIT_OK;
}

/* --lang ja|en|auto (cli_language has already acted on it). */
static int
set_lang(options *o, const char *arg)
{
	static const char *const names[] = {"ja", "en", "auto", NULL};

	if (cli_choice("--lang", arg, names) < 0)
		return EXIT_USAGE;
	o->lang = arg;
	return EXIT_OK;
}

/* The flags that name (without "--") begins, into buf; their number. */
static int
flags_begun(const char *name, char *buf, size_t n)
{
	size_t len = 0, k = strlen(name);
	int i, hits = 0;

	buf[0] = '\0';
	for (i = 0; i < n_flags; i++)
		if (strncmp(flags[i].name, name, k) == 0) {
			hits++;
			if (len < n)
				len += (size_t)snprintf(
				    buf + len, n - len, "%s--%s",
				    len ? ", " : "", flags[i].name);
		}
	return hits;
}

static int
unknown_option(char **argv)
{
	const char *names[MAX_FLAGS], *near;
	const char *bad = argv[optind - 1];
	char name[64], list[512];
	int i;

	if (optopt != 0 && optopt < 256)
		return fail(EXIT_USAGE,
		            "unknown option '-%c'; see twcost --help", optopt);
	while (*bad == '-' && bad[1] == '-' && bad[2] == '-')
		bad++;
	snprintf(name, sizeof name, "%.*s", (int)strcspn(bad + 2, "="),
	         bad + 2);
	if (strncmp(bad, "--", 2) == 0 && name[0] != '\0' &&
	    flags_begun(name, list, sizeof list) > 1)
		return fail(EXIT_USAGE, "option '--%s' is ambiguous: %s", name,
		            list);
	for (i = 0; i < n_flags && i < MAX_FLAGS; i++)
		names[i] = flags[i].name;
	if ((near = cli_nearest(name, names, i)) != NULL)
		return fail(EXIT_USAGE,
		            "unknown option '%s' (did you mean '--%s'?)", bad,
		            near);
	return fail(EXIT_USAGE, "unknown option '%s'; see twcost --help", bad);
}

/* Remember that f was given (once, in the order given). */
static void
note_given(options *o, const cli_flag *f)
{
	int i, k = (int)(f - flags);

	for (i = 0; i < o->n_given; i++)
		if (o->given[i] == k)
			return;
	if (o->n_given < MAX_FLAGS)
		o->given[o->n_given++] = k;
}

static int
value_option(options *o, const cli_flag *f)
{
	switch (f->id) {
	case OPT_PROFILE: o->profile = optarg; return EXIT_OK;
	case OPT_PLAN: return add_plans(o, optarg);
	case OPT_FORMAT: return set_format(o, optarg);
	case OPT_OUTPUT: o->output = optarg; return EXIT_OK;
	case OPT_LANG: return set_lang(o, optarg);
	case OPT_SET: return add_set(o, optarg);
	case OPT_SEED: o->seed = optarg; return EXIT_OK;
	case OPT_DRAWS: o->draws = optarg; return EXIT_OK;
	case OPT_THREADS: o->threads = optarg; return EXIT_OK;
	case OPT_VS: o->vs = optarg; return EXIT_OK;
	case OPT_OVER: o->over = optarg; return EXIT_OK;
	case OPT_RANGE: o->range = optarg; return EXIT_OK;
	case OPT_PLOT: o->plot = optarg; return EXIT_OK;
	case OPT_FUNDING: return add_funding(o, optarg);
	case OPT_READING: return add_reading(o, optarg);
	case OPT_FY: o->fy = optarg; return EXIT_OK;
	case OPT_BY: o->by = optarg; return EXIT_OK;
	case OPT_NEGATIVE: o->negative = optarg; return EXIT_OK;
	case OPT_PERCENTILE: o->percentile = optarg; return EXIT_OK;
	case OPT_BASIS: o->basis = optarg; return EXIT_OK;
	case OPT_ENCODING: o->encoding = optarg; return EXIT_OK;
	case OPT_INPUT:
		return add_setting(o, f->name, f->key,
		                   f->fixed ? f->fixed : optarg);
	default: return EXIT_OK;
	}
}

static int
one_option(options *o, const cli_flag *f)
{
	note_given(o, f);
	switch (f->id) {
	case OPT_STRICT: o->strict = 1; return EXIT_OK;
	case OPT_WIDE: o->wide = 1; return EXIT_OK;
	case OPT_SHOW: o->show = 1; return EXIT_OK;
	case OPT_HELP: o->help = 1; return EXIT_OK;
	case OPT_VERSION: o->command = "version"; return EXIT_OK;
	default: return value_option(o, f);
	}
}

/* The flag getopt_long returned c for (a short option's letter, or
 * FLAG_VAL + its index); NULL for an error. */
static const cli_flag *
flag_of(int c)
{
	int i;

	if (c >= FLAG_VAL && c < FLAG_VAL + n_flags)
		return &flags[c - FLAG_VAL];
	for (i = 0; i < n_flags && c > 0 && c < 128; i++)
		if (flags[i].short_name == c)
			return &flags[i];
	return NULL;
}

int
parse_options(int argc, char **argv, options *o)
{
	int c, rc, version = 0;

	memset(o, 0, sizeof *o);
	build_table();
	opterr = 0;
	/* 0, not 1: a full reset of getopt (glibc's and musl's), so that a
	 * process can parse many command lines (the web page does), even
	 * after one that stopped inside a group of short options. */
	optind = 0;
	while ((c = getopt_long(argc, argv, ":ho:V", all_options, NULL)) !=
	       -1) {
		const cli_flag *f = flag_of(c);
		if (c == ':')
			return fail(EXIT_USAGE, "option '%s' needs a value",
			            argv[optind - 1]);
		if (f == NULL)
			return unknown_option(argv);
		if ((rc = one_option(o, f)) != EXIT_OK)
			return rc;
		if (o->command != NULL && strcmp(o->command, "version") == 0)
			version = 1;
	}
	if (version)
		return EXIT_OK;
	if (o->funding[0] != '\0' &&
	    (rc = add_setting(o, "--funding", "funding", o->funding)))
		return rc;
	if (optind < argc)
		o->command = argv[optind++];
	while (optind < argc && o->n_args < 8)
		o->args[o->n_args++] = argv[optind++];
	if (optind < argc)
		return fail(EXIT_USAGE, "too many operands");
	return EXIT_OK;
}

int
plan_selected(const options *o, const char *plan)
{
	int i;

	if (o->n_plans == 0)
		return 1;
	for (i = 0; i < o->n_plans; i++)
		if (strcmp(o->plans[i], plan) == 0)
			return 1;
	return 0;
}

/* The message of m without a leading "KEY: ", which the flag replaces. */
static const char *
after_key(const char *msg, const char *key)
{
	size_t n = strlen(key);

	return strncmp(msg, key, n) == 0 && strncmp(msg + n, ": ", 2) == 0
	           ? msg + n + 2
	           : msg;
}

static int
yes_no(const char *v)
{
	if (!strcmp(v, "yes") || !strcmp(v, "true") || !strcmp(v, "1"))
		return 1;
	if (!strcmp(v, "no") || !strcmp(v, "false") || !strcmp(v, "0"))
		return 0;
	return -1;
}

/* Apply s to m; 0, or -1 with the reason, naming the flag, in err. */
static int
apply(twc_model *m, const setting *s, char *err, size_t n)
{
	const char *value = s->value;
	char flag[64];
	int yn;

	snprintf(flag, sizeof flag, "%s%s", s->flag[0] == '-' ? "" : "--",
	         s->flag);
	if (strcmp(s->key, "recipient") == 0 ||
	    strcmp(s->key, "grant_override") == 0 ||
	    strcmp(s->key, "sensitive_data") == 0) {
		if ((yn = yes_no(value)) < 0) {
			snprintf(err, n, _("%s: '%s' is not yes or no"), flag,
			         value);
			return -1;
		}
		value = yn ? "1" : "0";
	}
	if (twc_set_text(m, s->key, value) == TWC_OK)
		return 0;
	snprintf(err, n, "%s: %s", flag, after_key(twc_last_error(m), s->key));
	return -1;
}

int
apply_settings(const options *o, twc_model *m, char *err, size_t n)
{
	int i;

	for (i = 0; i < o->n_sets; i++)
		if (apply(m, &o->sets[i], err, n) != 0)
			return -1;
	return 0;
}

int
open_scenario(const options *o, twc_model **m)
{
	char err[512];
	int i, rc;

	if (twc_open_buf(o->profile, m, err, sizeof err) != TWC_OK)
		return fail(EXIT_USAGE, "%s", err);
	if (apply_settings(o, *m, err, sizeof err) != 0) {
		twc_close(*m);
		*m = NULL;
		return fail(EXIT_USAGE, "%s", err);
	}
	out_protect(twc_text(*m, NULL, "catalog"));
	out_protect(twc_text(*m, NULL, "grant"));
	if (twc_count(*m, NULL, "plans") < 0) {
		rc = fail_model(*m, TWC_ERANGE);
		twc_close(*m);
		*m = NULL;
		return rc;
	}
	for (i = 0; i < o->n_plans; i++)
		if (twc_count(*m, o->plans[i], "items") < 0) {
			rc = fail(EXIT_USAGE, "--plan: %s", twc_last_error(*m));
			twc_close(*m);
			*m = NULL;
			return rc;
		}
	return EXIT_OK;
}

int
rank_among(const options *o, twc_model *m)
{
	char list[1024];
	size_t len = 0;
	int i;

	list[0] = '\0';
	for (i = 0; i < o->n_plans && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		                        i ? "," : "", o->plans[i]);
	if (o->n_plans == 0)
		return TWC_OK;
	return twc_set_text(m, "cheapest_among", list);
}

int
fail_model(const twc_model *m, int status)
{
	if (m == NULL)
		return fail(EXIT_USAGE, "%s", twc_strerror(status));
	return fail(status == TWC_ENOMEM ? EXIT_FAILURE_IO : EXIT_USAGE, "%s",
	            twc_last_error(m));
}
