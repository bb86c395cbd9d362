/* commands.c - twcost: subcommands, help, version, and the run of one
 * command line (main.c for the program, src/web/web.c for the page). */
#include <config.h>

#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "flags.h"
#include "output.h"
#include "suggest.h"

/* What a command's operands are: the profile (one, like --profile), one
 * CSV file, any number of profiles to check, or a name. */
enum operands { OPERANDS_PROFILE, OPERANDS_CSV, OPERANDS_FILES, OPERANDS_NAME };

typedef struct command {
	const char *name;
	unsigned bit; /* flags.h: which flags it takes */
	int (*run)(const options *o);
	enum operands operands;
	unsigned formats; /* 1 << enum format, for each it writes */
	const char *summary;
	const char *usage;
} command;

#define F_TABLE (1u << FORMAT_TABLE)
#define F_CSV (1u << FORMAT_CSV)
#define F_JSON (1u << FORMAT_JSON)
#define F_XLSX (1u << FORMAT_XLSX)
#define F_ALL (F_TABLE | F_CSV | F_JSON | F_XLSX)

static const command commands[] = {
    {"compare", CMD_COMPARE, cmd_compare, OPERANDS_PROFILE, F_ALL,
     N_("every plan side by side: cost, grant, net"),
     N_("twcost compare [PROFILE] [OPTIONS]\n\n"
        "Compares every deployment plan of the scenario over its fiscal years:\n"
        "initial, running and replacement cost, the part the special allocation\n"
        "tax (特別交付税措置) covers, the grant, the net cost, the cost per user\n"
        "and year, and the difference from the J-LIS plan.\n")},
    {"estimate", CMD_ESTIMATE, cmd_estimate, OPERANDS_PROFILE, F_ALL,
     N_("one plan's items and fiscal years in detail"),
     N_("twcost estimate [PROFILE] [--plan ID] [OPTIONS]\n\n"
        "Shows each plan's cost items (quantity, unit price, total, eligible\n"
        "part) and its fiscal-year table.\n")},
    {"budget", CMD_BUDGET, cmd_budget, OPERANDS_PROFILE, F_ALL,
     N_("the budget request (予算見積書) in 千円"),
     N_("twcost budget [PROFILE] [--plan ID] [--fy YEAR] [--by category] "
        "[--negative △|▲] [OPTIONS]\n\n"
        "The budget request of each plan for each fiscal year (or --fy R9):\n"
        "lines by 節, 細節 and item with their 積算基礎, 事業費計, its 財源内訳\n"
        "(国県支出金, 地方債, その他特定財源, 一般財源), the expected special\n"
        "allocation tax and the real burden as reference lines, own staff time\n"
        "as a reference outside 事業費, and the 債務負担行為 of contracts that\n"
        "span fiscal years.  In 千円, each line rounded half-up; totals add the\n"
        "lines shown; negatives marked △ (--negative ▲).  --by category gives\n"
        "the grant's categories by fiscal year instead.\n")},
    {"simulate", CMD_SIMULATE, cmd_simulate, OPERANDS_PROFILE, F_TABLE | F_JSON,
     N_("Monte Carlo: percentiles, cheapest plan, tornado"),
     N_("twcost simulate [PROFILE] [--draws N] [--seed N] [--threads N] "
        "[--plot FILE] [OPTIONS]\n\n"
        "Draws every uncertain input (prices with a range, and shares, days and\n"
        "the peak factor when the profile gives them one) N times (default\n"
        "10,000, at most 1,000,000), every plan on the same draws, and reports\n"
        "mean, P10, P50, P90 of net cost, the chance of each plan being the\n"
        "cheapest - among the plans shown whose security fit is ok; \"any\n"
        "plan\" ranks them all - and of beating the J-LIS plan, a histogram,\n"
        "and the inputs that move net cost most (by default for the allowed\n"
        "plan most often cheapest).  --seed (default 1) makes it reproducible;\n"
        "--threads (default: every core) does not change the figures.\n"
        "--plot FILE.png|svg|pdf draws the S-curves and the tornado.\n")},
    {"sensitivity", CMD_SENSITIVITY, cmd_sensitivity, OPERANDS_PROFILE,
     F_TABLE | F_JSON, N_("the tornado of every input, every plan"),
     N_("twcost sensitivity [PROFILE] [--draws N] [--seed N] [OPTIONS]\n\n"
        "As simulate, listing every input's swing of each plan's net cost (P10\n"
        "to P90, others at base) and its rank correlation with net cost.\n")},
    {"breakeven", CMD_BREAKEVEN, cmd_breakeven, OPERANDS_PROFILE,
     F_TABLE | F_JSON, N_("where two plans' net costs cross"),
     N_("twcost breakeven [PROFILE] --plan A --vs B --over staff|home|years "
        "[--range LO:HI] [OPTIONS]\n\n"
        "Finds every staff count, home share or number of years at which the\n"
        "net costs of plan A and plan B cross (a scan of the range, then GSL\n"
        "root bracketing of each change), with both net costs on each side;\n"
        "when they never cross, says which plan is cheaper throughout.  The\n"
        "search starts at the first value at which either plan enrols anyone.\n"
        "Default ranges: staff 1:10000, home 0 to what the other shares leave,\n"
        "years 1:30.\n")},
    {"batch", CMD_BATCH, cmd_batch, OPERANDS_CSV, F_CSV,
     N_("many entities from a CSV file, one row each"),
     N_("twcost batch FILE.csv [--draws N] [--seed N] [--threads N]\n"
        "                    [--encoding utf-8|cp932|auto] [OPTIONS]\n\n"
        "Estimates every plan for each row of FILE.csv: a header of input keys\n"
        "(name, staff, home, satellite, mobile, fiscal_index, start, kind,\n"
        "years, recipient, ...), one entity a row; empty cells keep the\n"
        "value of the profile and the flags (a row's cell wins over a flag).\n"
        "With --draws, each row is also simulated.  Writes CSV, one line per\n"
        "entity and plan, in the rows' order, each ending with its warnings\n"
        "(\"; \"-separated: why a grant is 0, the plan's security fit...);\n"
        "--strict exits 1 when any row has one.\n"
        "FILE.csv may be UTF-8 (with or without a BOM) or Shift_JIS (CP932),\n"
        "as Excel saves it: the first row that is not ASCII decides, unless\n"
        "--encoding names the encoding.\n")},
    {"check", CMD_CHECK, cmd_check, OPERANDS_FILES, 0,
     N_("validate profiles (scenario, catalogue or grant rule)"),
     N_("twcost check --profile FILE | twcost check FILE...\n\n"
        "Validates each file and prints FILE: ok, or the first error with its\n"
        "file and line.  Exit 0 when all are valid, 2 otherwise.\n")},
    {"profiles", CMD_PROFILES, cmd_profiles, OPERANDS_NAME, 0,
     N_("list the bundled profiles, or print one"),
     N_("twcost profiles [NAME]\n\n"
        "Lists the profiles compiled into the library; with a NAME, prints that\n"
        "profile, to copy and edit.\n")},
};

enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

/* The names every command can be called by, "help" and "version" too. */
static int
all_names(const char **names)
{
	int i;

	for (i = 0; i < N_COMMANDS; i++)
		names[i] = commands[i].name;
	names[i++] = "help";
	names[i++] = "version";
	return i;
}

const char *
command_names(unsigned bits, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < N_COMMANDS && len < n; i++)
		if (bits & commands[i].bit)
			len +=
			    (size_t)snprintf(buf + len, n - len, "%s%s",
			                     len ? ", " : "", commands[i].name);
	if ((bits & CMD_HELP) && len < n)
		len += (size_t)snprintf(buf + len, n - len, "%shelp",
		                        len ? ", " : "");
	if ((bits & CMD_VERSION) && len < n)
		snprintf(buf + len, n - len, "%sversion", len ? ", " : "");
	return buf;
}

static const command *
find_command(const char *name)
{
	int i;

	for (i = 0; name != NULL && i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0)
			return &commands[i];
	return NULL;
}

/* The overview: what twcost does and its commands. */
static void
overview(FILE *f)
{
	int i;

	fputs(
	    _("Usage: twcost COMMAND [PROFILE] [OPTIONS]\n\n"
	      "Estimates the cost of staff telework for a Japanese local "
	      "government,\n"
	      "the special allocation tax (特別交付税措置) that pays part of "
	      "it back,\n"
	      "and how each plan compares with the free J-LIS LGWAN system.\n\n"
	      "Commands:\n"),
	    f);
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name,
		        _(commands[i].summary));
	fputs(_("\nRun twcost COMMAND --help for its options.  With no "
	        "profile, the\n"
	        "bundled default scenario is used.  Prices are catalogue "
	        "defaults,\n"
	        "not quotes: replace them with your own.\n\n"
	        "Exit status: 0 success; 1 warnings with --strict; 2 bad usage "
	        "or\n"
	        "input; 3 output could not be written.\n"),
	      f);
}

void
print_help(FILE *f, const char *name)
{
	const command *c = find_command(name);

	if (c == NULL) {
		overview(f);
		return;
	}
	fprintf(f, _("Usage: %s"), _(c->usage));
	flags_help(f, c->bit, c->formats);
}

static int
version(void)
{
	printf("twcost %s (libtwcost %s)\n", PACKAGE_VERSION, twc_version());
	return EXIT_OK;
}

/* 1 when path names a regular file. */
static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Refuse name, which is not a command: a file given first, a command
 * misspelt, or none of them. */
static int
unknown_command(const char *name)
{
	const char *names[N_COMMANDS + 2], *near;
	char list[256];
	int n = all_names(names);

	if (is_file(name))
		return fail(EXIT_USAGE,
		            "'%s' is a file, not a command: put the command "
		            "first (twcost compare %s)",
		            name, name);
	if ((near = cli_nearest(name, names, n)) != NULL)
		return fail(EXIT_USAGE,
		            "unknown command '%s' (did you mean '%s'?)", name,
		            near);
	return fail(EXIT_USAGE, "unknown command '%s'; the commands are %s",
	            name, command_names(CMD_ALL, list, sizeof list));
}

/* Refuse the first flag given that command c does not use. */
static int
check_flags(const options *o, const command *c)
{
	char list[256];
	int i;

	for (i = 0; i < o->n_given; i++) {
		const cli_flag *f = &flags[o->given[i]];
		if (f->commands & c->bit)
			continue;
		return fail(EXIT_USAGE, "--%s is not used by %s; it is for %s",
		            f->name, c->name,
		            command_names(f->commands, list, sizeof list));
	}
	return EXIT_OK;
}

/* Refuse a --format that command c does not write. */
static int
check_format(const options *o, const command *c)
{
	char list[64];

	if (!o->format_given || (c->formats & (1u << o->format)))
		return EXIT_OK;
	return fail(EXIT_USAGE, "--format %s: %s writes %s",
	            format_names[o->format], c->name,
	            format_list(c->formats, list, sizeof list));
}

/* Refuse operand arg, neither a file nor a bundled profile: say what it
 * may have meant. */
static int
not_a_profile(const char *arg)
{
	const char *names[N_COMMANDS + 2], *near;

	if ((near = cli_bundled_nearest(arg, "scenario")) != NULL)
		return fail(EXIT_USAGE,
		            "'%s' is not a file (did you mean the bundled "
		            "profile '%s'?)",
		            arg, near);
	near = cli_nearest(arg, names, all_names(names));
	if (near != NULL && strcmp(near, arg) == 0)
		return fail(
		    EXIT_USAGE,
		    "'%s' is a command, not a profile: one command at a "
		    "time",
		    arg);
	if (near != NULL)
		return fail(
		    EXIT_USAGE,
		    "'%s' is not a file, nor a bundled profile (did you "
		    "mean the command '%s'? one command at a time)",
		    arg, near);
	return fail(EXIT_USAGE,
	            "'%s' is not a file, nor a bundled profile; name a "
	            "profile with --profile FILE (see twcost profiles)",
	            arg);
}

/* A command's operand that is a file (or a bundled name) is its profile,
 * as --profile would name it. */
static int
profile_operand(options *o)
{
	const char *arg = o->args[0];

	if (o->n_args == 0)
		return EXIT_OK;
	if (!is_file(arg) && twc_bundled_text(arg) == NULL)
		return not_a_profile(arg);
	if (o->profile != NULL)
		return fail(EXIT_USAGE,
		            "two profiles: '%s' and --profile %s; give one",
		            arg, o->profile);
	if (o->n_args > 1)
		return fail(EXIT_USAGE,
		            "unexpected argument '%s': one profile is enough "
		            "('%s')",
		            o->args[1], arg);
	o->profile = arg;
	o->n_args = 0;
	return EXIT_OK;
}

/* Check the operands of command c; the profile one names joins o. */
static int
check_operands(options *o, const command *c)
{
	switch (c->operands) {
	case OPERANDS_PROFILE: return profile_operand(o);
	case OPERANDS_CSV:
		if (o->n_args > 1)
			return fail(EXIT_USAGE,
			            "unexpected argument '%s': batch reads one "
			            "CSV file",
			            o->args[1]);
		return EXIT_OK;
	case OPERANDS_NAME:
		if (o->n_args > 1)
			return fail(
			    EXIT_USAGE,
			    "unexpected argument '%s': name one profile",
			    o->args[1]);
		return EXIT_OK;
	default: return EXIT_OK;
	}
}

/* twcost help [COMMAND], twcost --help, twcost COMMAND --help. */
static int
help(const options *o)
{
	const char *name = o->command;

	if (name == NULL || strcmp(name, "help") == 0)
		name = o->n_args ? o->args[0] : NULL;
	if (o->n_args > 1)
		return fail(EXIT_USAGE,
		            "unexpected argument '%s': name one command",
		            o->args[1]);
	if (name != NULL && find_command(name) == NULL &&
	    strcmp(name, "help") != 0 && strcmp(name, "version") != 0)
		return unknown_command(name);
	print_help(stdout, name);
	return EXIT_OK;
}

/* Run command c with the options of its command line. */
static int
run(options *o, const command *c)
{
	int rc;

	if ((rc = check_flags(o, c)) != EXIT_OK ||
	    (rc = check_format(o, c)) != EXIT_OK ||
	    (rc = check_operands(o, c)) != EXIT_OK)
		return rc;
	out_protect(o->profile);
	out_set_width(o->wide ? 0 : terminal_width());
	return c->run(o);
}

int
cli_run(int argc, char **argv)
{
	options o;
	const command *c = NULL;
	int rc;

	out_protect_reset();
	cli_language(argc, argv);
	if ((rc = parse_options(argc, argv, &o)) != EXIT_OK)
		return rc;
	if (o.command != NULL && strcmp(o.command, "version") == 0)
		return version();
	if (o.command == NULL && !o.help)
		return fail(EXIT_USAGE, "no command given; see twcost --help");
	if (o.command != NULL && strcmp(o.command, "help") != 0 &&
	    (c = find_command(o.command)) == NULL)
		return unknown_command(o.command);
	if (o.help || strcmp(o.command, "help") == 0)
		return help(&o);
	return run(&o, c);
}
