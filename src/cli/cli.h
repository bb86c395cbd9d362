/* cli.h - the twcost command-line tool.  It reaches the library only
 * through include/twcost.h. */
#ifndef TWC_CLI_H
#define TWC_CLI_H

#include <stdio.h>

#include "i18n.h"
#include "twcost.h"

/* Exit codes (listed in twcost(1)). */
enum exit_code {
	EXIT_OK = 0,        /* success */
	EXIT_ATTENTION = 1, /* --strict and there are warnings */
	EXIT_USAGE = 2,     /* bad usage or bad input */
	EXIT_FAILURE_IO = 3 /* output could not be written, out of memory */
};

enum format { FORMAT_TABLE, FORMAT_CSV, FORMAT_JSON, FORMAT_XLSX };

/* The names of the formats, by enum format, NULL-terminated. */
extern const char *const format_names[];

/* The most inputs and plans one command line may name. */
#define MAX_SETTINGS 64
#define MAX_PLANS 32
/* The most flags the tool has (flags.c), and so the most different flags
 * one command line may give. */
#define MAX_FLAGS 128

/* An input given on the command line: which flag, which API key. */
typedef struct setting {
	const char *flag, *key, *value;
} setting;

typedef struct options {
	const char *command;
	const char *profile;
	setting sets[MAX_SETTINGS];
	int n_sets;
	const char *plans[MAX_PLANS];
	int n_plans;
	enum format format;
	const char *output;
	int strict, help, show;
	const char *lang; /* --lang: ja, en or auto */
	int wide;         /* --wide: tables as wide as they are */
	/* simulate / breakeven */
	const char *seed, *draws, *threads, *vs, *over, *range, *plot;
	/* budget: the fiscal year shown, the view, the sign of negatives,
	 * and with --draws the percentile and the basis of the request */
	const char *fy, *by, *negative, *percentile, *basis;
	const char *encoding; /* batch: --encoding utf-8, cp932 or auto */
	char funding[2048];   /* every --funding, joined with ';' */
	const char *args[8];  /* operands after the command */
	int n_args;
	int format_given;       /* --format was given */
	short given[MAX_FLAGS]; /* the flags given (flags.c), in order */
	int n_given;
} options;

/* Run one command line (argv[0] is the program's name): parse it, run the
 * command, print to stdout and stderr; the exit code.  May be called many
 * times in one process (the web page does). */
int cli_run(int argc, char **argv);

/* The language of this command line: --lang, else the environment's
 * (TWCOST_LANG, then gettext's order of LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG).  Makes gettext and the library (TWCOST_LANG) use it, even when
 * the Japanese locale is not installed.  Returns 1 for Japanese. */
int cli_language(int argc, char **argv);

/* 1 when this command line speaks Japanese. */
int cli_ja(void);

/* The text for the language spoken: ja, or en (ja when en is empty). */
const char *pick(const char *ja, const char *en);

/* Parse argv into o; EXIT_OK, or EXIT_USAGE after printing why. */
int parse_options(int argc, char **argv, options *o);

/* Print the help of a command (NULL: the overview) to f. */
void print_help(FILE *f, const char *command);

/* The names of the commands in bits (flags.h), ", "-separated, into buf;
 * returns buf. */
const char *command_names(unsigned bits, char *buf, size_t n);

/* Open the scenario the options name and apply every flag to it; on
 * failure print a one-line message naming the flag, return EXIT_USAGE. */
int open_scenario(const options *o, twc_model **m);

/* Apply the scenario flags of o to m, in the order given (the batch
 * applies them to each row before its cells); 0, or -1 with the reason,
 * naming the flag, in err. */
int apply_settings(const options *o, twc_model *m, char *err, size_t n);

/* With --plan, a simulation's "cheapest" ranks the plans shown: set the
 * library's cheapest_among.  TWC_OK, or a status with the reason in m. */
int rank_among(const options *o, twc_model *m);

/* 1 when the plan should be shown (no --plan given, or named by one). */
int plan_selected(const options *o, const char *plan);

/* A one-line error "twcost: ..." on stderr, its format translated (mark
 * nothing: xgettext takes fail's second argument); returns code. */
int fail(int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The number text given to flag, read as every numeric input is (1,200,
 * full-width digits; TWC_NUMBER_WHOLE, TWC_NUMBER_SHARE: twcost.h), from
 * lo to hi, into *value: EXIT_OK, or EXIT_USAGE after printing "FLAG:
 * reason". */
int flag_number(const char *flag, const char *text, double lo, double hi,
                int flags, double *value);

/* --draws (1 to 1,000,000), --seed (0 to 2^53) and --threads (0 to 64),
 * whole numbers, as every command that simulates reads them; a flag not
 * given leaves its value as the caller set it.  EXIT_OK or EXIT_USAGE. */
int draw_numbers(const options *o, double *draws, double *seed,
                 double *threads);

/* Report a library failure on m (or a status with no handle) for a
 * command: prints the message and returns EXIT_USAGE. */
int fail_model(const twc_model *m, int status);

/* Commands: each returns an exit code. */
int cmd_compare(const options *o);
int cmd_estimate(const options *o);
int cmd_budget(const options *o);
int cmd_simulate(const options *o);
int cmd_sensitivity(const options *o);
int cmd_breakeven(const options *o);
int cmd_batch(const options *o);
int cmd_check(const options *o);
int cmd_profiles(const options *o);

#endif
