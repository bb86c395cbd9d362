/* options.c - the command line: one option table, the help texts, and the
 * flags that become scenario inputs. */
#include <config.h>

#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

enum {
	OPT_PROFILE = 256,
	OPT_PLAN,
	OPT_FORMAT,
	OPT_STRICT,
	OPT_SET,
	OPT_SEED,
	OPT_DRAWS,
	OPT_THREADS,
	OPT_VS,
	OPT_OVER,
	OPT_RANGE,
	OPT_PLOT,
	OPT_SHOW,
	OPT_FUNDING,
	OPT_READING,
	OPT_FY,
	OPT_BY,
	OPT_NEGATIVE,
	OPT_LANG,
	OPT_WIDE,
	OPT_ENCODING,
	OPT_INPUT /* + index into inputs[] */
};

/* Flags that set one scenario input each: flag, API key, and the value a
 * flag without an argument sets. */
static const struct input_flag {
	const char *flag, *key, *fixed;
} inputs[] = {
    {"staff", "staff", NULL},
    {"home", "home", NULL},
    {"satellite", "satellite", NULL},
    {"mobile", "mobile", NULL},
    {"home-days", "home_days", NULL},
    {"satellite-days", "satellite_days", NULL},
    {"mobile-days", "mobile_days", NULL},
    {"sites", "satellite_sites", NULL},
    {"satellite-reuse", "satellite_reuse", NULL},
    {"peak", "peak", NULL},
    {"sizing", "sizing", NULL},
    {"lent-share", "lent_share", NULL},
    {"office-pc-share", "office_pc_share", NULL},
    {"start", "start", NULL},
    {"years", "years", NULL},
    {"kind", "kind", NULL},
    {"fiscal-index", "fiscal_index", NULL},
    {"recipient", "recipient", NULL},
    {"non-recipient", "recipient", "0"},
    {"grant-override", "grant_override", "1"},
    {"sensitive", "sensitive_data", "1"},
    {"work-segment", "work_segment", NULL},
    {"jlis-free-until", "jlis_free_until", NULL},
    {"jlis-fee", "jlis_fee_yen", NULL},
    {"rollout", "rollout", NULL},
    {"go-live", "go_live", NULL},
    {"name", "name", NULL},
};

enum { N_INPUTS = sizeof inputs / sizeof inputs[0] };

static const struct option fixed_options[] = {
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"plan", required_argument, NULL, OPT_PLAN},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output", required_argument, NULL, 'o'},
    {"strict", no_argument, NULL, OPT_STRICT},
    {"set", required_argument, NULL, OPT_SET},
    {"seed", required_argument, NULL, OPT_SEED},
    {"draws", required_argument, NULL, OPT_DRAWS},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"vs", required_argument, NULL, OPT_VS},
    {"over", required_argument, NULL, OPT_OVER},
    {"range", required_argument, NULL, OPT_RANGE},
    {"plot", required_argument, NULL, OPT_PLOT},
    {"show", no_argument, NULL, OPT_SHOW},
    {"funding", required_argument, NULL, OPT_FUNDING},
    {"reading", required_argument, NULL, OPT_READING},
    {"fy", required_argument, NULL, OPT_FY},
    {"by", required_argument, NULL, OPT_BY},
    {"negative", required_argument, NULL, OPT_NEGATIVE},
    {"lang", required_argument, NULL, OPT_LANG},
    {"wide", no_argument, NULL, OPT_WIDE},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
};

enum { N_FIXED = sizeof fixed_options / sizeof fixed_options[0] };

static struct option all_options[N_FIXED + N_INPUTS + 1];

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

	memcpy(all_options, fixed_options, sizeof fixed_options);
	for (i = 0; i < N_INPUTS; i++) {
		struct option *op = &all_options[N_FIXED + i];
		op->name = inputs[i].flag;
		op->has_arg = inputs[i].fixed ? no_argument : required_argument;
		op->flag = NULL;
		op->val = OPT_INPUT + i;
	}
	memset(&all_options[N_FIXED + N_INPUTS], 0, sizeof all_options[0]);
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

	if (eq != NULL)
		*eq = '\0';
	if (eq == NULL || (strcmp(arg, "later_initial_spending") != 0 &&
	                   strcmp(arg, "lease_payments") != 0))
		return fail(EXIT_USAGE,
		            "--reading: '%s' is not later_initial_spending=... "
		            "or lease_payments=...",
		            arg);
	return add_setting(o, "--reading", arg, eq + 1);
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

static int
set_format(options *o, const char *arg)
{
	static const char *const names[] = {"table", "csv", "json", "xlsx"};
	int i;

	for (i = 0; i < 4; i++)
		if (strcmp(arg, names[i]) == 0) {
			o->format = (enum format)i;
			return EXIT_OK;
		}
	return fail(EXIT_USAGE,
	            "--format: '%s' is not table, csv, json or xlsx", arg);
}

/* --lang ja|en|auto (cli_language has already acted on it). */
static int
set_lang(options *o, const char *arg)
{
	if (strcmp(arg, "ja") != 0 && strcmp(arg, "en") != 0 &&
	    strcmp(arg, "auto") != 0)
		return fail(EXIT_USAGE, "--lang: '%s' is not ja, en or auto",
		            arg);
	o->lang = arg;
	return EXIT_OK;
}

static int
unknown_option(char **argv)
{
	const char *bad = argv[optind - 1];
	const char *name = bad;
	int i;

	if (optopt != 0 && optopt < 256)
		return fail(EXIT_USAGE,
		            "unknown option '-%c'; see twcost --help", optopt);
	while (*name == '-')
		name++;
	/* getopt_long already takes unambiguous prefixes; suggest an option
	 * that starts the same way. */
	for (i = 0; i < N_FIXED + N_INPUTS && strlen(name) >= 3; i++)
		if (strncmp(name, all_options[i].name, 3) == 0)
			return fail(
			    EXIT_USAGE,
			    "unknown option '%s' (did you mean '--%s'?); see "
			    "twcost --help",
			    bad, all_options[i].name);
	return fail(EXIT_USAGE, "unknown option '%s'; see twcost --help", bad);
}

static int
one_option(options *o, int c, char **argv)
{
	switch (c) {
	case OPT_PROFILE: o->profile = optarg; return EXIT_OK;
	case OPT_PLAN: return add_plans(o, optarg);
	case OPT_FORMAT: return set_format(o, optarg);
	case 'o': o->output = optarg; return EXIT_OK;
	case OPT_STRICT: o->strict = 1; return EXIT_OK;
	case OPT_LANG: return set_lang(o, optarg);
	case OPT_WIDE: o->wide = 1; return EXIT_OK;
	case OPT_SET: return add_set(o, optarg);
	case OPT_SEED: o->seed = optarg; return EXIT_OK;
	case OPT_DRAWS: o->draws = optarg; return EXIT_OK;
	case OPT_THREADS: o->threads = optarg; return EXIT_OK;
	case OPT_VS: o->vs = optarg; return EXIT_OK;
	case OPT_OVER: o->over = optarg; return EXIT_OK;
	case OPT_RANGE: o->range = optarg; return EXIT_OK;
	case OPT_PLOT: o->plot = optarg; return EXIT_OK;
	case OPT_SHOW: o->show = 1; return EXIT_OK;
	case OPT_FUNDING: return add_funding(o, optarg);
	case OPT_READING: return add_reading(o, optarg);
	case OPT_FY: o->fy = optarg; return EXIT_OK;
	case OPT_BY: o->by = optarg; return EXIT_OK;
	case OPT_NEGATIVE: o->negative = optarg; return EXIT_OK;
	case OPT_ENCODING: o->encoding = optarg; return EXIT_OK;
	case 'h': o->help = 1; return EXIT_OK;
	case 'V': o->command = "version"; return EXIT_OK;
	case ':':
		return fail(EXIT_USAGE, "option '%s' needs a value",
		            argv[optind - 1]);
	}
	if (c >= OPT_INPUT && c < OPT_INPUT + N_INPUTS) {
		const struct input_flag *f = &inputs[c - OPT_INPUT];
		return add_setting(o, f->flag, f->key,
		                   f->fixed ? f->fixed : optarg);
	}
	return unknown_option(argv);
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
		if ((rc = one_option(o, c, argv)) != EXIT_OK)
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

static int
apply(twc_model *m, const setting *s)
{
	const char *value = s->value;
	char flag[64];
	int yn;

	snprintf(flag, sizeof flag, "%s%s",
	         strcmp(s->flag, "--set") ? "--" : "", s->flag);
	if (strcmp(s->key, "recipient") == 0 ||
	    strcmp(s->key, "grant_override") == 0 ||
	    strcmp(s->key, "sensitive_data") == 0) {
		if ((yn = yes_no(value)) < 0)
			return fail(EXIT_USAGE, "%s: '%s' is not yes or no",
			            flag, value);
		value = yn ? "1" : "0";
	}
	if (twc_set_text(m, s->key, value) == TWC_OK)
		return EXIT_OK;
	return fail(EXIT_USAGE, "%s: %s", flag,
	            after_key(twc_last_error(m), s->key));
}

int
open_scenario(const options *o, twc_model **m)
{
	char err[512];
	int i, rc;

	if (twc_open_buf(o->profile, m, err, sizeof err) != TWC_OK)
		return fail(EXIT_USAGE, "%s", err);
	for (i = 0; i < o->n_sets; i++)
		if ((rc = apply(*m, &o->sets[i])) != EXIT_OK) {
			twc_close(*m);
			*m = NULL;
			return rc;
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
