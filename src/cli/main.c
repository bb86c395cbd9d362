/* main.c - the twcost program: the process-wide settings, then one
 * command line. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdlib.h>

#include "cli.h"

int
main(int argc, char **argv)
{
	const char *dir = getenv("TWCOST_LOCALEDIR");

	/* Characters and messages from the environment; numbers stay C. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
#if ENABLE_NLS
	/* TWCOST_LOCALEDIR: the translations of an uninstalled build (the
	 * tests). */
	bindtextdomain(PACKAGE, dir != NULL && dir[0] ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)dir;
#endif
	/* GSL's error handler belongs to the application: off, so that the
	 * library's checked statuses are all that report a failure. */
	gsl_set_error_handler_off();
	return cli_run(argc, argv);
}
