/* main.c - the twcost program: the process-wide settings, then one
 * command line. */
#include <config.h>

#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"

#if ENABLE_NLS
/* Where the translations are: TWCOST_LOCALEDIR when set (the tests);
 * else the installed ones, or, while twcost is not installed (src/twcost
 * after the quick start), those of the build tree it was built in. */
static const char *
locale_dir(void)
{
	const char *dir = getenv("TWCOST_LOCALEDIR");
	char mo[4096];

	if (dir != NULL && dir[0])
		return dir;
	snprintf(mo, sizeof mo, "%s/ja/LC_MESSAGES/%s.mo", LOCALEDIR, PACKAGE);
	if (access(mo, R_OK) != 0 && access(BUILD_LOCALEDIR, R_OK) == 0)
		return BUILD_LOCALEDIR;
	return LOCALEDIR;
}
#endif

int
main(int argc, char **argv)
{
	/* Characters and messages from the environment; numbers stay C. */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
#if ENABLE_NLS
	bindtextdomain(PACKAGE, locale_dir());
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#endif
	/* GSL's error handler belongs to the application: off, so that the
	 * library's checked statuses are all that report a failure. */
	gsl_set_error_handler_off();
	return cli_run(argc, argv);
}
