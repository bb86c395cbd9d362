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
