/* main.c - the twcost program: the process-wide settings, then one
 * command line. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <locale.h>

#include "cli.h"

int
main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	/* GSL's error handler belongs to the application: off, so that the
	 * library's checked statuses are all that report a failure. */
	gsl_set_error_handler_off();
	return cli_run(argc, argv);
}
