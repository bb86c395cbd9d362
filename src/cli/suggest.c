/* suggest.c - "did you mean" for the command line: commands, flags,
 * values and bundled names.  The CLI reaches the library only through
 * twcost.h, so the rule of the library's nearest_word is written again
 * here; tests/unit/test_suggest.c holds the two to the same answers. */
#include <config.h>

#include "suggest.h"

#include <stdio.h>
#include <string.h>

#include "cli.h"

/* a and b the same letter: ASCII case, and '-' against '_', aside. */
static int
same_letter(char a, char b)
{
	if (a >= 'A' && a <= 'Z')
		a = (char)(a - 'A' + 'a');
	if (b >= 'A' && b <= 'Z')
		b = (char)(b - 'A' + 'a');
	if (a == '_')
		a = '-';
	if (b == '_')
		b = '-';
	return a == b;
}

static int
min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

/* Letters added, removed, changed or two neighbours swapped, one each
 * (capped at 99). */
static int
distance(const char *a, const char *b)
{
	enum { MAXW = 64 };
	int buf[3][MAXW + 1];
	int *older = buf[0], *prev = buf[1], *row = buf[2], *t;
	size_t la = strlen(a), lb = strlen(b), i, j;

	if (la > MAXW || lb > MAXW)
		return 99;
	for (j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (i = 1; i <= la; i++) {
		row[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int cost = !same_letter(a[i - 1], b[j - 1]);
			row[j] = min3(prev[j] + 1, row[j - 1] + 1,
			              prev[j - 1] + cost);
			if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) &&
			    same_letter(a[i - 2], b[j - 1]) &&
			    older[j - 2] + 1 < row[j])
				row[j] = older[j - 2] + 1;
		}
		t = older;
		older = prev;
		prev = row;
		row = t;
	}
	return prev[lb] > 99 ? 99 : prev[lb];
}

static int
begins(const char *name, const char *word)
{
	for (; *word != '\0'; word++, name++)
		if (*name == '\0' || !same_letter(*name, *word))
			return 0;
	return 1;
}

static int
is_part(const char *name, const char *word)
{
	size_t n = strlen(word);

	for (;;) {
		size_t len = strcspn(name, "-_.");
		if (len == n && begins(name, word))
			return 1;
		if (name[len] == '\0')
			return 0;
		name += len + 1;
	}
}

static const char *
only_extension(const char *word, const char *const *names, int n)
{
	const char *found = NULL;
	int i, pass, hits;

	if (strlen(word) < 3)
		return NULL;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0, hits = 0; i < n; i++)
			if (pass == 0 ? begins(names[i], word)
			              : is_part(names[i], word)) {
				found = names[i];
				hits++;
			}
		if (hits == 1)
			return found;
		if (hits > 1)
			return NULL;
	}
	return NULL;
}

const char *
cli_nearest(const char *word, const char *const *names, int n)
{
	const char *best = NULL;
	int best_d = 99, i, limit;

	if (word == NULL || names == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		int d = distance(word, names[i]);
		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	limit = (int)strlen(word) / 3;
	if (limit < 1)
		limit = 1;
	if (best_d <= limit)
		return best;
	return only_extension(word, names, n);
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
