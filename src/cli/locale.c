/* locale.c - which language the tool speaks, and making gettext and the
 * library speak it. */
#include <config.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int speaking_ja;

int
cli_ja(void)
{
	return speaking_ja;
}

const char *
pick(const char *ja, const char *en)
{
	return speaking_ja || en == NULL || en[0] == '\0' ? ja : en;
}

static const char *
nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* --lang X or --lang=X anywhere before "--", or NULL. */
static const char *
lang_flag(int argc, char **argv)
{
	const char *found = NULL;
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			found = argv[++i];
		else if (strncmp(argv[i], "--lang=", 7) == 0)
			found = argv[i] + 7;
	}
	return found;
}

/* gettext's order: LANGUAGE unless the locale is C, LC_ALL, LC_MESSAGES,
 * LANG. */
static int
environment_is_ja(void)
{
	const char *v = nonempty("TWCOST_LANG"), *list;

	if (v != NULL)
		return strncmp(v, "ja", 2) == 0;
	if ((v = nonempty("LC_ALL")) == NULL &&
	    (v = nonempty("LC_MESSAGES")) == NULL)
		v = nonempty("LANG");
	if (v == NULL || strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0)
		return 0;
	if ((list = nonempty("LANGUAGE")) != NULL)
		return strncmp(list, "ja", 2) == 0;
	return strncmp(v, "ja", 2) == 0;
}

int
cli_language(int argc, char **argv)
{
	const char *flag = lang_flag(argc, argv);
	/* --lang auto, or a value parse_options will refuse: the
	 * environment's (so that the refusal is in the user's language). */
	int ja =
	    flag != NULL && (strcmp(flag, "ja") == 0 || strcmp(flag, "en") == 0)
	        ? strcmp(flag, "ja") == 0
	        : environment_is_ja();
	const char *now;

	speaking_ja = ja;
	setenv("TWCOST_LANG", ja ? "ja" : "en", 1);
	/* LANGUAGE decides among catalogues; "en" has none, so English is
	 * the text as written. */
	setenv("LANGUAGE", ja ? "ja" : "en", 1);
	/* gettext translates nothing under the C locale: when ja_JP.UTF-8
	 * is not installed, C.UTF-8 (built into glibc) still lets LANGUAGE
	 * choose. */
	now = setlocale(LC_MESSAGES, NULL);
	if (ja &&
	    (now == NULL || strcmp(now, "C") == 0 || strcmp(now, "POSIX") == 0))
		setlocale(LC_MESSAGES, "C.UTF-8");
	return ja;
}
