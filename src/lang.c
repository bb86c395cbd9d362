/* lang.c - which language, and the compiled-in Japanese catalogue. */
#include <config.h>

#include "lang.h"

#include <stdlib.h>
#include <string.h>

#if defined(_WIN32)
#include <windows.h>
#endif

#include "po_ja.h"

static int
is_ja(const char *name)
{
	return name != NULL && strncmp(name, "ja", 2) == 0;
}

static const char *
nonempty(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

static int
from_windows(void)
{
#if defined(_WIN32)
	return PRIMARYLANGID(GetUserDefaultUILanguage()) == LANG_JAPANESE
	           ? LANG_JA
	           : LANG_EN;
#else
	return LANG_EN;
#endif
}

int
lang_default(void)
{
	const char *v = nonempty("TWCOST_LANG"), *lang;

	if (v != NULL)
		return is_ja(v) ? LANG_JA : LANG_EN;
	if ((v = nonempty("LC_ALL")) == NULL &&
	    (v = nonempty("LC_MESSAGES")) == NULL)
		v = nonempty("LANG");
	if (v == NULL)
		return from_windows();
	if (strcmp(v, "C") == 0 || strcmp(v, "POSIX") == 0)
		return LANG_EN;
	/* gettext reads LANGUAGE (a list, the first preferred) unless the
	 * locale is C. */
	if ((lang = nonempty("LANGUAGE")) != NULL)
		return is_ja(lang) ? LANG_JA : LANG_EN;
	return is_ja(v) ? LANG_JA : LANG_EN;
}

int
lang_parse(const char *name)
{
	if (name == NULL)
		return -1;
	if (strcmp(name, "ja") == 0)
		return LANG_JA;
	if (strcmp(name, "en") == 0)
		return LANG_EN;
	if (strcmp(name, "auto") == 0)
		return lang_default();
	return -1;
}

const char *
lang_name(int lang)
{
	return lang == LANG_JA ? "ja" : "en";
}

static int
by_msgid(const void *key, const void *entry)
{
	return strcmp(key, ((const po_entry *)entry)->msgid);
}

const char *
lang_tr(int lang, const char *msgid)
{
	const po_entry *hit;

	if (lang != LANG_JA || msgid == NULL)
		return msgid;
	hit = bsearch(msgid, po_ja, po_ja_count, sizeof po_ja[0], by_msgid);
	return hit != NULL ? hit->msgstr : msgid;
}
