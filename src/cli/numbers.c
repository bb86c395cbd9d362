/* numbers.c - the numbers flags take (--draws, --seed, --threads,
 * --range), read by the rules of every numeric input (twc_read_number):
 * 1,200 and full-width digits, not 0x50 or 010. */
#include <config.h>

#include "cli.h"

int
flag_number(const char *flag, const char *text, double lo, double hi, int flags,
            double *value)
{
	char err[512];

	if (twc_read_number(text, lo, hi, flags, value, err, sizeof err) ==
	    TWC_OK)
		return EXIT_OK;
	return fail(EXIT_USAGE, "%s: %s", flag, err);
}

/* 2^53, the largest seed twc_simulate takes: every whole number up to it
 * is a double exactly. */
#define SEED_MAX 9007199254740992.0

int
draw_numbers(const options *o, double *draws, double *seed, double *threads)
{
	int rc = EXIT_OK;

	if ((o->draws && (rc = flag_number("--draws", o->draws, 1, 1000000,
	                                   TWC_NUMBER_WHOLE, draws))) ||
	    (o->seed && (rc = flag_number("--seed", o->seed, 0, SEED_MAX,
	                                  TWC_NUMBER_WHOLE, seed))) ||
	    (o->threads && (rc = flag_number("--threads", o->threads, 0, 64,
	                                     TWC_NUMBER_WHOLE, threads))))
		return rc;
	return EXIT_OK;
}
