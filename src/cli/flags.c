/* flags.c - every flag, the commands that take it and its help line.
 * Giving a command a flag is adding its bit to the flag's `commands`. */
#include <config.h>

#include "flags.h"

#include <string.h>

#include "cli.h"

/* Simulation flags: the commands that draw (budget: with --draws, the
 * figures of each year over the draws). */
#define CMD_DRAWS (CMD_SIMULATE | CMD_SENSITIVITY | CMD_BATCH | CMD_BUDGET)

/* A scenario input flag that takes a value, and one that sets a fixed
 * value. */
#define INPUT(name, arg, key, help)                                            \
	{                                                                      \
		name, 0, arg, CMD_SCENARIO, SEC_SCENARIO, OPT_INPUT, key,      \
		    NULL, help                                                 \
	}
#define SWITCH(name, key, value, help)                                         \
	{                                                                      \
		name, 0, NULL, CMD_SCENARIO, SEC_SCENARIO, OPT_INPUT, key,     \
		    value, help                                                \
	}

const cli_flag flags[] = {
    {"profile", 0, "FILE", CMD_SCENARIO | CMD_CHECK, SEC_SCENARIO, OPT_PROFILE,
     NULL, NULL,
     N_("scenario profile (default: the bundled default);\n"
        "or name the file after the command")},
    INPUT("staff", "N", "staff",
          N_("general administrative staff (1 to 500000)")),
    INPUT("home", "SHARE", "home",
          N_("share of staff working from home (0 to 1: 0.3\n"
             "or 30%; so are the other shares)")),
    INPUT("satellite", "SHARE", "satellite",
          N_("share working at a satellite office (0 to 1)")),
    INPUT("mobile", "SHARE", "mobile",
          N_("share doing mobile work (0 to 1)\n"
             "(the three shares sum to at most 1)")),
    INPUT("home-days", "D", "home_days", N_("days a week at home (0 to 5)")),
    INPUT("satellite-days", "D", "satellite_days",
          N_("days a week at a satellite office (0 to 5)")),
    INPUT("mobile-days", "D", "mobile_days",
          N_("days a week of mobile work (0 to 5)")),
    INPUT("sites", "N", "satellite_sites",
          N_("satellite-office sites (0 to 1000)")),
    INPUT("satellite-reuse", "N", "satellite_reuse",
          N_("of them, existing offices (支所) reused: no\n"
             "fit-out or entry works, only the line and the\n"
             "terminals (0 to the number of sites)")),
    INPUT("peak", "X", "peak", N_("peak day / average day (1 to 3)")),
    INPUT("sizing", "S", "sizing",
          N_("ordinary (an ordinary day: days a week x peak)\n"
             "or continuity (every enrolled user at once, as\n"
             "in a disaster) for servers, seats and\n"
             "concurrent licences")),
    INPUT("lent-share", "X", "lent_share",
          N_("home workers given a lent device (0 to 1)")),
    INPUT("office-pc-share", "X", "office_pc_share",
          N_("of the staff who connect to their office PC\n"
             "from home (J-LIS, remote desktop), those who\n"
             "have one of their own to leave on (0 to 1,\n"
             "default 1); a PC is bought for the others")),
    INPUT("start", "DATE|FY", "start",
          N_("start of introduction: 2025-10-01, 2025/10/1,\n"
             "R7.10.1, 令和7年10月1日, FY2025, R7, 令和7年度")),
    INPUT("years", "N", "years", N_("fiscal years to cover (1 to 30)")),
    INPUT("kind", "KIND", "kind",
          N_("prefecture, designated_city, municipality,\n"
             "special_ward, association")),
    INPUT("fiscal-index", "X", "fiscal_index",
          N_("財政力指数 (0 to 5): the three-year average\n"
             "published for the fiscal year before the grant\n"
             "year (a grant in FY2025: the index of FY2024,\n"
             "averaging FY2022-2024)")),
    INPUT("recipient", "yes|no", "recipient",
          N_("receives the ordinary allocation tax")),
    SWITCH("non-recipient", "recipient", "0",
           N_("does not receive the ordinary allocation tax")),
    SWITCH("grant-override", "grant_override", "1",
           N_("assume the grant for a non-recipient, ward or\n"
              "association")),
    SWITCH("sensitive", "sensitive_data", "1",
           N_("LGWAN work handles large or important resident\n"
              "data")),
    INPUT("work-segment", "SEG", "work_segment",
          N_("segment all enrolled work needs: lgwan, internet")),
    INPUT("jlis-free-until", "FY", "jlis_free_until",
          N_("last free year of the J-LIS system")),
    INPUT("jlis-fee", "YEN", "jlis_fee_yen",
          N_("its fee per user per year after that")),
    INPUT("rollout", "FY=SHARE,...", "rollout",
          N_("share of the enrolment reached by each year\n"
             "(R7=0.3,R9=1: rising, the last 1)")),
    INPUT("go-live", "DATE", "go_live",
          N_("running costs by the month from this date")),
    INPUT("name", "NAME", "name", N_("the entity's name, as reports show it")),
    {"funding", 0, "SOURCE:FY:AMOUNT", CMD_SCENARIO, SEC_SCENARIO, OPT_FUNDING,
     NULL, NULL,
     N_("other money: national, prefectural,\n"
        "bond, other; yen or a share of eligible cost\n"
        "(prefectural:R9:1000000, bond:R9:90%); repeatable")},
    {"reading", 0, "KEY=VALUE", CMD_SCENARIO, SEC_SCENARIO, OPT_READING, NULL,
     NULL,
     N_("later_initial_spending=covered|not_covered,\n"
        "lease_payments=eligible|not_eligible (repeatable)")},
    {"set", 0, "KEY=VALUE", CMD_SCENARIO, SEC_SCENARIO, OPT_SET, NULL, NULL,
     N_("any input the library takes (see docs/api.md)")},

    {"draws", 0, "N", CMD_DRAWS, SEC_SIMULATION, OPT_DRAWS, NULL, NULL,
     N_("draws (1 to 1000000; default 10000)")},
    {"seed", 0, "N", CMD_DRAWS, SEC_SIMULATION, OPT_SEED, NULL, NULL,
     N_("seed (default 1): the same seed, the same figures")},
    {"threads", 0, "N", CMD_DRAWS, SEC_SIMULATION, OPT_THREADS, NULL, NULL,
     N_("threads (0, the default: every core; 1 to 64)")},
    {"plot", 0, "FILE", CMD_SIMULATE | CMD_SENSITIVITY, SEC_SIMULATION,
     OPT_PLOT, NULL, NULL,
     N_("draw the S-curves and the tornado (.png, .svg or\n"
        ".pdf)")},

    {"encoding", 0, "ENC", CMD_BATCH, SEC_OUTPUT, OPT_ENCODING, NULL, NULL,
     N_("the CSV file's encoding: utf-8, cp932 or auto\n"
        "(the default: the first row not ASCII decides)")},

    {"vs", 0, "PLAN", CMD_BREAKEVEN, SEC_BREAKEVEN, OPT_VS, NULL, NULL,
     N_("the plan compared with --plan")},
    {"over", 0, "INPUT", CMD_BREAKEVEN, SEC_BREAKEVEN, OPT_OVER, NULL, NULL,
     N_("the input varied: staff, home or years")},
    {"range", 0, "LO:HI", CMD_BREAKEVEN, SEC_BREAKEVEN, OPT_RANGE, NULL, NULL,
     N_("the values searched")},

    {"fy", 0, "YEAR", CMD_BUDGET, SEC_BUDGET, OPT_FY, NULL, NULL,
     N_("only this fiscal year (R9, FY2027, 令和9年度)")},
    {"by", 0, "VIEW", CMD_BUDGET, SEC_BUDGET, OPT_BY, NULL, NULL,
     N_("setsu (節, the default) or category (the grant's)")},
    {"negative", 0, "MARK", CMD_BUDGET, SEC_BUDGET, OPT_NEGATIVE, NULL, NULL,
     N_("the mark of negatives: △ (default), ▲ or -")},
    {"percentile", 0, "N", CMD_BUDGET, SEC_BUDGET, OPT_PERCENTILE, NULL, NULL,
     N_("with --draws: the percentile shown beside P50\n"
        "(1 to 99; default 80)")},
    {"basis", 0, "B", CMD_BUDGET, SEC_BUDGET, OPT_BASIS, NULL, NULL,
     N_("the figure to request: mode (the estimate, the\n"
        "default), mean or pNN (p80) of the draws, the\n"
        "difference shown as contingency (予備); needs\n"
        "--draws unless mode")},

    {"plan", 0, "ID[,ID]", CMD_SCENARIO, SEC_OUTPUT, OPT_PLAN, NULL, NULL,
     N_("show only these plans (repeatable)")},
    {"format", 0, "FMT", CMD_SCENARIO, SEC_OUTPUT, OPT_FORMAT, NULL, NULL,
     N_("the output's format")},
    {"output", 'o', "FILE", CMD_SCENARIO, SEC_OUTPUT, OPT_OUTPUT, NULL, NULL,
     N_("write to FILE (whole or not at all)")},
    {"strict", 0, NULL, CMD_SCENARIO & ~CMD_BREAKEVEN, SEC_OUTPUT, OPT_STRICT,
     NULL, NULL, N_("exit 1 when there are warnings")},
    {"wide", 0, NULL, CMD_REPORTS | CMD_PROFILES, SEC_OUTPUT, OPT_WIDE, NULL,
     NULL, N_("tables as wide as they are")},
    {"show", 0, NULL, CMD_PROFILES, SEC_OUTPUT, OPT_SHOW, NULL, NULL,
     N_("print the profile named (as twcost profiles NAME)")},
    {"lang", 0, "LANG", CMD_ALL, SEC_OTHER, OPT_LANG, NULL, NULL,
     N_("ja, en or auto (the locale's, the default)")},
    {"help", 'h', NULL, CMD_ALL, SEC_OTHER, OPT_HELP, NULL, NULL,
     N_("this help")},
    {"version", 'V', NULL, CMD_ALL, SEC_OTHER, OPT_VERSION, NULL, NULL,
     N_("the program's and the library's version")},
};

const int n_flags = sizeof flags / sizeof flags[0];

/* The column a flag's help starts in. */
#define HELP_COLUMN 23

/* A flag whose help differs for one command. */
static const struct {
	unsigned command;
	const char *name;
	enum flag_section section;
	const char *help;
} own_help[] = {
    {CMD_CHECK, "profile", SEC_OTHER,
     N_("a profile to check (or name the files after check)")},
};

/* f's section and help for command bit. */
static enum flag_section
section_for(const cli_flag *f, unsigned bit, const char **help)
{
	size_t i;

	*help = f->help;
	for (i = 0; i < sizeof own_help / sizeof own_help[0]; i++)
		if (own_help[i].command == bit &&
		    strcmp(own_help[i].name, f->name) == 0) {
			*help = own_help[i].help;
			return own_help[i].section;
		}
	return f->section;
}

const char *
format_list(unsigned formats, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; format_names[i] != NULL && len < n; i++)
		if (formats & (1u << i))
			len +=
			    (size_t)snprintf(buf + len, n - len, "%s%s",
			                     len ? ", " : "", format_names[i]);
	return buf;
}

/* --format's help: the formats the command writes, and what csv and
 * xlsx are. */
static const char *
format_help(unsigned formats, char *buf, size_t n)
{
	char list[64];
	size_t len;

	format_list(formats, list, sizeof list);
	if (strchr(list, ',') != NULL)
		len = (size_t)snprintf(
		    buf, n, _("%s (the first is the default)"), list);
	else
		len = (size_t)snprintf(buf, n, "%s", list);
	if ((formats & (1u << FORMAT_CSV)) && len < n)
		len += (size_t)snprintf(buf + len, n - len, "\n%s",
		                        _("csv: UTF-8 with a BOM, for Excel"));
	if ((formats & (1u << FORMAT_XLSX)) && len < n)
		snprintf(buf + len, n - len, "\n%s",
		         _("xlsx: a workbook with formulas and a chart;\n"
		           "needs --output"));
	return buf;
}

/* One flag: "  -o, --output FILE   help", the help's further lines
 * indented to its first. */
static void
flag_line(FILE *f, const cli_flag *fl, const char *help)
{
	char left[64];
	const char *nl;
	int n;

	if (fl->short_name)
		n = snprintf(left, sizeof left, "  -%c, --%s", fl->short_name,
		             fl->name);
	else
		n = snprintf(left, sizeof left, "  --%s", fl->name);
	if (fl->arg != NULL)
		n +=
		    snprintf(left + n, sizeof left - (size_t)n, " %s", fl->arg);
	fputs(left, f);
	if (n >= HELP_COLUMN)
		fprintf(f, "\n%*s", HELP_COLUMN, "");
	else
		fprintf(f, "%*s", HELP_COLUMN - n, "");
	while ((nl = strchr(help, '\n')) != NULL) {
		fprintf(f, "%.*s\n%*s", (int)(nl - help), help, HELP_COLUMN,
		        "");
		help = nl + 1;
	}
	fprintf(f, "%s\n", help);
}

void
flags_help(FILE *f, unsigned bit, unsigned formats)
{
	char buf[256];
	const char *help;
	static const char *const titles[SEC_COUNT] = {
	    N_("Scenario (override the profile):"),
	    N_("Simulation:"),
	    N_("Break-even:"),
	    N_("Budget request:"),
	    N_("Output:"),
	    N_("Other:")};
	int sec, i, shown;

	for (sec = 0; sec < SEC_COUNT; sec++) {
		for (i = 0, shown = 0; i < n_flags; i++) {
			if (!(flags[i].commands & bit) ||
			    section_for(&flags[i], bit, &help) !=
			        (enum flag_section)sec)
				continue;
			if (!shown++)
				fprintf(f, "\n%s\n", _(titles[sec]));
			if (flags[i].id == OPT_FORMAT)
				help = format_help(formats, buf, sizeof buf);
			else
				help = _(help);
			flag_line(f, &flags[i], help);
		}
	}
}
