/* suggest.c - "did you mean" for the command line: commands, flags,
 * values and bundled names, by the library's own rule (twc_nearest). */
#include <config.h>

#include "suggest.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

const char *
cli_nearest(const char *word, const char *const *names, int n)
{
	return twc_nearest(word, names, n);
}

const char *
cli_join(const char *const *names, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; names[i] != NULL && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
		                        i ? ", " : "", names[i]);
	return buf;
}

int
cli_choice(const char *flag, const char *value, const char *const *names)
{
	char list[256];
	const char *near;
	int n;

	for (n = 0; names[n] != NULL; n++)
		if (strcmp(value, names[n]) == 0)
			return n;
	cli_join(names, list, sizeof list);
	if ((near = cli_nearest(value, names, n)) != NULL)
		fail(EXIT_USAGE,
		     "%s: '%s' is not one of %s (did you mean '%s'?)", flag,
		     value, list, near);
	else
		fail(EXIT_USAGE, "%s: '%s' is not one of %s", flag, value,
		     list);
	return -1;
}

/* name without ".cfg" into buf. */
static const char *
stem(const char *name, char *buf, size_t n)
{
	size_t len = strlen(name);

	if (len > 4 && strcmp(name + len - 4, ".cfg") == 0)
		len -= 4;
	snprintf(buf, n, "%.*s", (int)len, name);
	return buf;
}

const char *
cli_bundled_nearest(const char *word, const char *kind)
{
	enum { MAX_BUNDLED = 64 };
	char stems[MAX_BUNDLED][64], want[64];
	const char *names[MAX_BUNDLED] = {NULL}, *full[MAX_BUNDLED] = {NULL};
	const char *near;
	int i, n = 0, count = twc_bundled_count();

	for (i = 0; i < count && n < MAX_BUNDLED; i++) {
		const char *name = twc_bundled(i, "name");
		if (kind != NULL && strcmp(twc_bundled(i, "kind"), kind) != 0)
			continue;
		full[n] = name;
		names[n] = stem(name, stems[n], sizeof stems[n]);
		n++;
	}
	near = cli_nearest(stem(word, want, sizeof want), names, n);
	for (i = 0; near != NULL && i < n; i++)
		if (near == names[i])
			return full[i];
	return NULL;
}
