/* commands.c - twcost: subcommands, help, version, and the run of one
 * command line (main.c for the program, src/web/web.c for the page). */
#include <config.h>

#include <string.h>

#include "cli.h"
#include "output.h"

typedef struct command {
	const char *name;
	int (*run)(const options *o);
	const char *summary;
	const char *usage;
} command;

static const char scenario_flags[] =
    "Scenario (override the profile):\n"
    "  --profile FILE       scenario profile (default: the bundled default)\n"
    "  --staff N            general administrative staff (1 to 500000)\n"
    "  --home SHARE         share of staff working from home (0 to 1: 0.3\n"
    "                       or 30%; so are the other shares)\n"
    "  --satellite SHARE    share working at a satellite office (0 to 1)\n"
    "  --mobile SHARE       share doing mobile work (0 to 1)\n"
    "                       (the three shares sum to at most 1)\n"
    "  --home-days D, --satellite-days D, --mobile-days D   days a week (0 to "
    "5)\n"
    "  --sites N            satellite-office sites (0 to 1000)\n"
    "  --satellite-reuse N  of them, existing offices (支所) reused: no\n"
    "                       fit-out or entry works, only the line and the\n"
    "                       terminals (0 to the number of sites)\n"
    "  --peak X             peak day / average day (1 to 3)\n"
    "  --sizing S           ordinary (an ordinary day: days a week x peak)\n"
    "                       or continuity (every enrolled user at once, as\n"
    "                       in a disaster) for servers, seats and\n"
    "                       concurrent licences\n"
    "  --lent-share X       home workers given a lent device (0 to 1)\n"
    "  --office-pc-share X  of the staff who connect to their office PC\n"
    "                       from home (J-LIS, remote desktop), those who\n"
    "                       have one of their own to leave on (0 to 1,\n"
    "                       default 1); a PC is bought for the others\n"
    "  --start DATE|FY      start of introduction: 2025-10-01, 2025/10/1,\n"
    "                       R7.10.1, 令和7年10月1日, FY2025, R7, 令和7年度\n"
    "  --years N            fiscal years to cover (1 to 30)\n"
    "  --kind KIND          prefecture, designated_city, municipality,\n"
    "                       special_ward, association\n"
    "  --fiscal-index X     財政力指数 (0 to 5): the three-year average\n"
    "                       published for the fiscal year before the grant\n"
    "                       year (a grant in FY2025: the index of FY2024,\n"
    "                       averaging FY2022-2024)\n"
    "  --recipient yes|no, --non-recipient   receives the ordinary allocation "
    "tax\n"
    "  --grant-override     assume the grant for a non-recipient, ward or "
    "association\n"
    "  --sensitive          LGWAN work handles large or important resident "
    "data\n"
    "  --work-segment SEG   segment all enrolled work needs: lgwan, internet\n"
    "  --jlis-free-until FY last free year of the J-LIS system\n"
    "  --jlis-fee YEN       its fee per user per year after that\n"
    "  --rollout FY=SHARE,...  share of the enrolment reached by each year\n"
    "                       (R7=0.3,R9=1: rising, the last 1)\n"
    "  --go-live DATE       running costs by the month from this date\n"
    "  --funding SOURCE:FY:AMOUNT   other money: national, prefectural,\n"
    "                       bond, other; yen or a share of eligible cost\n"
    "                       (prefectural:R9:1000000, bond:R9:90%%); repeatable\n"
    "  --reading KEY=VALUE  later_initial_spending=covered|not_covered,\n"
    "                       lease_payments=eligible|not_eligible (repeatable)\n"
    "  --set KEY=VALUE      any input the library takes (see docs/api.md)\n";

static const char output_flags[] =
    "Simulation and break-even:\n"
    "  --draws N, --seed N, --threads N, --plot FILE   (simulate, "
    "sensitivity)\n"
    "  --vs PLAN, --over staff|home|years, --range LO:HI   (breakeven)\n"
    "Output:\n"
    "  --plan ID[,ID]       show only these plans (repeatable)\n"
    "  --format FMT         table (default), csv (UTF-8 with BOM), json, or\n"
    "                       xlsx (compare, estimate, budget: one workbook\n"
    "                       with formulas and a chart; needs --output)\n"
    "  -o, --output FILE    write to FILE (whole or not at all)\n"
    "  --strict             exit 1 when there are warnings\n";

static const command commands[] = {
    {"compare", cmd_compare, "every plan side by side: cost, grant, net",
     "twcost compare [OPTIONS]\n\n"
     "Compares every deployment plan of the scenario over its fiscal years:\n"
     "initial, running and replacement cost, the part the special allocation\n"
     "tax (特別交付税措置) covers, the grant, the net cost, the cost per user\n"
     "and year, and the difference from the J-LIS plan.\n"},
    {"estimate", cmd_estimate, "one plan's items and fiscal years in detail",
     "twcost estimate [--plan ID] [OPTIONS]\n\n"
     "Shows each plan's cost items (quantity, unit price, total, eligible\n"
     "part) and its fiscal-year table.\n"},
    {"budget", cmd_budget, "the budget request (予算見積書) in 千円",
     "twcost budget [--plan ID] [--fy YEAR] [--by category] [--negative △|▲] "
     "[OPTIONS]\n\n"
     "The budget request of each plan for each fiscal year (or --fy R9):\n"
     "lines by 節, 細節 and item with their 積算基礎, 事業費計, its 財源内訳\n"
     "(国県支出金, 地方債, その他特定財源, 一般財源), the expected special\n"
     "allocation tax and the real burden as reference lines, own staff time\n"
     "as a reference outside 事業費, and the 債務負担行為 of contracts that\n"
     "span fiscal years.  In 千円, each line rounded half-up; totals add the\n"
     "lines shown; negatives marked △ (--negative ▲).  --by category gives\n"
     "the grant's categories by fiscal year instead.\n"},
    {"simulate", cmd_simulate,
     "Monte Carlo: percentiles, cheapest plan, tornado",
     "twcost simulate [--draws N] [--seed N] [--threads N] [--plot FILE] "
     "[OPTIONS]\n\n"
     "Draws every uncertain input (prices with a range, and shares, days and\n"
     "the peak factor when the profile gives them one) N times (default\n"
     "10,000, at most 1,000,000), every plan on the same draws, and reports\n"
     "mean, P10, P50, P90 of net cost, the chance of each plan being the\n"
     "cheapest - among the plans shown whose security fit is ok; \"any\n"
     "plan\" ranks them all - and of beating the J-LIS plan, a histogram,\n"
     "and the inputs that move net cost most (by default for the allowed\n"
     "plan most often cheapest).  --seed (default 1) makes it reproducible;\n"
     "--threads (default: every core) does not change the figures.\n"
     "--plot FILE.png|svg|pdf draws the S-curves and the tornado.\n"},
    {"sensitivity", cmd_sensitivity, "the tornado of every input, every plan",
     "twcost sensitivity [--draws N] [--seed N] [OPTIONS]\n\n"
     "As simulate, listing every input's swing of each plan's net cost (P10\n"
     "to P90, others at base) and its rank correlation with net cost.\n"},
    {"breakeven", cmd_breakeven, "where two plans' net costs cross",
     "twcost breakeven --plan A --vs B --over staff|home|years "
     "[--range LO:HI] [OPTIONS]\n\n"
     "Finds every staff count, home share or number of years at which the\n"
     "net costs of plan A and plan B cross (a scan of the range, then GSL\n"
     "root bracketing of each change), with both net costs on each side;\n"
     "when they never cross, says which plan is cheaper throughout.  The\n"
     "search starts at the first value at which either plan enrols anyone.\n"
     "Default ranges: staff 1:10000, home 0 to what the other shares leave,\n"
     "years 1:30.\n"},
    {"batch", cmd_batch, "many entities from a CSV file, one row each",
     "twcost batch FILE.csv [--draws N] [--seed N] [--threads N]\n"
     "                    [--encoding utf-8|cp932|auto] [OPTIONS]\n\n"
     "Estimates every plan for each row of FILE.csv: a header of input keys\n"
     "(name, staff, home, satellite, mobile, fiscal_index, start, kind,\n"
     "years, recipient, ...), one entity a row; empty cells keep the\n"
     "profile's value.  With --draws, each row is also simulated.  Writes\n"
     "CSV, one line per entity and plan, in the rows' order, each ending\n"
     "with its warnings (\"; \"-separated: why a grant is 0, the plan's\n"
     "security fit...); --strict exits 1 when any row has one.\n"
     "FILE.csv may be UTF-8 (with or without a BOM) or Shift_JIS (CP932),\n"
     "as Excel saves it: the first row that is not ASCII decides, unless\n"
     "--encoding names the encoding.\n"},
    {"check", cmd_check,
     "validate profiles (scenario, catalogue or grant rule)",
     "twcost check --profile FILE | twcost check FILE...\n\n"
     "Validates each file and prints FILE: ok, or the first error with its\n"
     "file and line.  Exit 0 when all are valid, 2 otherwise.\n"},
    {"profiles", cmd_profiles, "list the bundled profiles, or print one",
     "twcost profiles [NAME]\n\n"
     "Lists the profiles compiled into the library; with a NAME, prints that\n"
     "profile, to copy and edit.\n"},
};

enum { N_COMMANDS = sizeof commands / sizeof commands[0] };

void
print_help(FILE *f, const char *name)
{
	int i;

	for (i = 0; name != NULL && i < N_COMMANDS; i++)
		if (strcmp(name, commands[i].name) == 0) {
			fprintf(f, "Usage: %s\n%s\n%s", commands[i].usage,
			        scenario_flags, output_flags);
			return;
		}
	fputs("Usage: twcost COMMAND [OPTIONS]\n\n"
	      "Estimates the cost of staff telework for a Japanese local "
	      "government,\n"
	      "the special allocation tax (特別交付税措置) that pays part of "
	      "it back,\n"
	      "and how each plan compares with the free J-LIS LGWAN system.\n\n"
	      "Commands:\n",
	      f);
	for (i = 0; i < N_COMMANDS; i++)
		fprintf(f, "  %-12s %s\n", commands[i].name,
		        commands[i].summary);
	fputs(
	    "\nRun twcost COMMAND --help for its options.  With no --profile,\n"
	    "the bundled default scenario is used.  Prices are catalogue\n"
	    "defaults, not quotes: replace them with your own.\n\n"
	    "Exit status: 0 success; 1 warnings with --strict; 2 bad usage or\n"
	    "input; 3 output could not be written.\n",
	    f);
}

static int
version(void)
{
	printf("twcost %s (libtwcost %s)\n", PACKAGE_VERSION, twc_version());
	return EXIT_OK;
}

int
cli_run(int argc, char **argv)
{
	options o;
	int rc, i;

	out_protect_reset();
	cli_language(argc, argv);
	if ((rc = parse_options(argc, argv, &o)) != EXIT_OK)
		return rc;
	out_protect(o.profile);
	out_set_width(o.wide ? 0 : terminal_width());
	if (o.command != NULL && strcmp(o.command, "version") == 0)
		return version();
	if (o.command == NULL || strcmp(o.command, "help") == 0) {
		if (o.command == NULL && !o.help)
			return fail(EXIT_USAGE,
			            "no command given; see twcost --help");
		print_help(stdout, o.n_args ? o.args[0] : NULL);
		return EXIT_OK;
	}
	for (i = 0; i < N_COMMANDS; i++)
		if (strcmp(o.command, commands[i].name) == 0) {
			if (o.help) {
				print_help(stdout, o.command);
				return EXIT_OK;
			}
			return commands[i].run(&o);
		}
	return fail(EXIT_USAGE, "unknown command '%s'; see twcost --help",
	            o.command);
}
