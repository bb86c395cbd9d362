/* flags.h - every flag of the command line and the commands that take
 * it: one table (flags.c) that the parser reads, that refuses a flag
 * given to a command that would ignore it, and that each command's --help
 * lists. */
#ifndef TWC_CLI_FLAGS_H
#define TWC_CLI_FLAGS_H

#include <stdio.h>

/* The commands, one bit each (a flag's `commands`). */
enum command_bit {
	CMD_COMPARE = 1u << 0,
	CMD_ESTIMATE = 1u << 1,
	CMD_BUDGET = 1u << 2,
	CMD_SIMULATE = 1u << 3,
	CMD_SENSITIVITY = 1u << 4,
	CMD_BREAKEVEN = 1u << 5,
	CMD_BATCH = 1u << 6,
	CMD_CHECK = 1u << 7,
	CMD_PROFILES = 1u << 8,
	CMD_HELP = 1u << 9,
	CMD_VERSION = 1u << 10
};

/* The commands that print a report of a scenario. */
#define CMD_REPORTS                                                            \
	(CMD_COMPARE | CMD_ESTIMATE | CMD_BUDGET | CMD_SIMULATE |              \
	 CMD_SENSITIVITY | CMD_BREAKEVEN)
/* The commands that open a scenario: they take its input flags. */
#define CMD_SCENARIO (CMD_REPORTS | CMD_BATCH)
#define CMD_ALL                                                                \
	(CMD_SCENARIO | CMD_CHECK | CMD_PROFILES | CMD_HELP | CMD_VERSION)

/* What a flag does when it is parsed (options.c). */
enum flag_id {
	OPT_PROFILE = 256,
	OPT_PLAN,
	OPT_FORMAT,
	OPT_OUTPUT,
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
	OPT_PERCENTILE,
	OPT_BASIS,
	OPT_ENCODING,
	OPT_LANG,
	OPT_WIDE,
	OPT_HELP,
	OPT_VERSION,
	OPT_INPUT /* a scenario input: key, fixed */
};

/* The groups of a command's --help. */
enum flag_section {
	SEC_SCENARIO,
	SEC_SIMULATION,
	SEC_BREAKEVEN,
	SEC_BUDGET,
	SEC_OUTPUT,
	SEC_OTHER,
	SEC_COUNT
};

typedef struct cli_flag {
	const char *name;  /* the long name, without "--" */
	char short_name;   /* 'o' for -o, or 0 */
	const char *arg;   /* its value in --help ("N", "FILE"), or NULL */
	unsigned commands; /* the command_bits that take it */
	enum flag_section section;
	enum flag_id id;
	const char *key;   /* OPT_INPUT: the library's input key */
	const char *fixed; /* OPT_INPUT without a value: the value it sets */
	const char *help;  /* N_(): lines after the first indented */
} cli_flag;

extern const cli_flag flags[];
extern const int n_flags; /* at most MAX_FLAGS (cli.h) */

/* The formats in formats (1 << enum format each), ", "-separated, into
 * buf; returns buf. */
const char *format_list(unsigned formats, char *buf, size_t n);

/* Print the flags that the command bit takes, by section, to f;
 * formats: those it writes (1 << enum format each), for --format. */
void flags_help(FILE *f, unsigned bit, unsigned formats);

#endif
