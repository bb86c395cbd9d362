/* po2c - compile the translations of the library's messages in a PO file
 * into C (src/po_ja.c): the entries whose references name a library
 * source (src/, not src/cli/), translated and not fuzzy, sorted by msgid
 * for bsearch.  A c-format entry whose translation does not take the same
 * arguments (in number, order of position and type) is an error: the
 * library formats the translation with the English format's arguments.
 *
 * Usage: po2c FILE.po NAME > src/po_NAME.c  (make update-po-c).
 * Exit 1, naming the entry, on a malformed file or a format mismatch. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ENTRIES 8192
#define MAX_ARGS 32

typedef struct entry {
	char *msgid, *msgstr;
	int line, lib, fuzzy, c_format, plural;
} entry;

static entry entries[MAX_ENTRIES];
static int n_entries;
static const char *po_file;

static void
die(int line, const char *what)
{
	fprintf(stderr, "%s:%d: %s\n", po_file, line, what);
	exit(1);
}

/* Append the unescaped text of the quoted string at s to *buf. */
static void
append_quoted(const char *s, char **buf, int line)
{
	size_t len = *buf ? strlen(*buf) : 0, cap = len + strlen(s) + 1;
	char *out = realloc(*buf, cap), *o;

	if (out == NULL)
		die(line, "out of memory");
	o = out + len;
	if (*s++ != '"')
		die(line, "a string must start with \"");
	for (; *s && *s != '"'; s++) {
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case 'n': *o++ = '\n'; break;
		case 't': *o++ = '\t'; break;
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		default: die(line, "an escape po2c does not know");
		}
	}
	if (*s != '"')
		die(line, "a string must end with \"");
	*o = '\0';
	*buf = out;
}

static int
is_library_ref(const char *refs)
{
	const char *p = refs;

	while ((p = strstr(p, "src/")) != NULL) {
		if (strncmp(p, "src/cli/", 8) != 0)
			return 1;
		p += 4;
	}
	return 0;
}

/* Read the PO file into entries[]. */
static void
read_po(FILE *f)
{
	char line[16384];
	char **target = NULL;
	entry cur = {0};
	int n = 0;

	for (;;) {
		int end = fgets(line, sizeof line, f) == NULL;
		char *s = line;

		n++;
		if (!end)
			line[strcspn(line, "\n")] = '\0';
		if (end || (line[0] == '\0' && cur.msgid != NULL)) {
			if (cur.msgid != NULL) {
				if (n_entries == MAX_ENTRIES)
					die(n, "too many entries");
				entries[n_entries++] = cur;
			}
			memset(&cur, 0, sizeof cur);
			target = NULL;
			if (end)
				return;
			continue;
		}
		if (strncmp(s, "#~", 2) == 0 || line[0] == '\0')
			continue;
		if (strncmp(s, "#:", 2) == 0)
			cur.lib |= is_library_ref(s);
		else if (strncmp(s, "#,", 2) == 0) {
			cur.fuzzy |= strstr(s, "fuzzy") != NULL;
			cur.c_format |= strstr(s, " c-format") != NULL;
		} else if (s[0] == '#')
			continue;
		else if (strncmp(s, "msgid_plural ", 13) == 0)
			cur.plural = 1, target = NULL;
		else if (strncmp(s, "msgid ", 6) == 0)
			cur.line = n, target = &cur.msgid,
			append_quoted(s + 6, target, n);
		else if (strncmp(s, "msgstr ", 7) == 0)
			target = &cur.msgstr, append_quoted(s + 7, target, n);
		else if (strncmp(s, "msgstr[", 7) == 0)
			target = NULL;
		else if (s[0] == '"') {
			if (target != NULL)
				append_quoted(s, target, n);
		} else
			die(n, "a line po2c does not understand");
	}
}

/* The conversions of a printf format: for each argument position, its
 * type ("d", "ld", "lld", "s", "f", "c", "zu", ...; "*" for a width). */
typedef struct conv {
	char type[MAX_ARGS][8];
	int n;
} conv;

static int
parse_format(const char *f, conv *c)
{
	int next = 0;

	memset(c, 0, sizeof *c);
	for (; *f; f++) {
		char len[4] = "", *t;
		int pos = -1, k = 0;

		if (*f != '%')
			continue;
		if (*++f == '%')
			continue;
		if (isdigit((unsigned char)*f)) {
			const char *d = f;
			int v = 0;
			while (isdigit((unsigned char)*d))
				v = v * 10 + (*d++ - '0');
			if (*d == '$')
				pos = v - 1, f = d + 1;
		}
		while (*f && strchr("-+ #0'", *f))
			f++;
		if (*f == '*') {
			int p = pos >= 0 ? pos : next++;
			if (p >= MAX_ARGS)
				return -1;
			strcpy(c->type[p], "*");
			pos = pos >= 0 ? pos + 1 : pos;
			f++;
		}
		while (isdigit((unsigned char)*f))
			f++;
		if (*f == '.') {
			f++;
			if (*f == '*') {
				int p = next++;
				if (p >= MAX_ARGS)
					return -1;
				strcpy(c->type[p], "*");
				f++;
			}
			while (isdigit((unsigned char)*f))
				f++;
		}
		while (*f && strchr("hlLzjtq", *f) && k < 3)
			len[k++] = *f++;
		len[k] = '\0';
		if (*f == '\0' || !strchr("diouxXeEfFgGaAcsp", *f))
			return -1;
		if (pos < 0)
			pos = next++;
		if (pos >= MAX_ARGS)
			return -1;
		t = c->type[pos];
		snprintf(t, sizeof c->type[0], "%s%c", len,
		         strchr("di", *f)         ? 'd'
		         : strchr("ouxX", *f)     ? 'u'
		         : strchr("eEfFgGaA", *f) ? 'f'
		                                  : *f);
		if (pos + 1 > c->n)
			c->n = pos + 1;
	}
	return c->n;
}

static void
check_format(const entry *e)
{
	conv a, b;
	int i;

	if (parse_format(e->msgid, &a) < 0)
		die(e->line, "the msgid is not a format po2c understands");
	if (parse_format(e->msgstr, &b) < 0)
		die(e->line, "the msgstr is not a format po2c understands");
	if (a.n != b.n)
		die(e->line,
		    "the msgstr takes a different number of arguments");
	for (i = 0; i < a.n; i++)
		if (strcmp(a.type[i], b.type[i]) != 0)
			die(e->line,
			    "the msgstr takes an argument of another type");
}

static int
by_msgid(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->msgid, ((const entry *)b)->msgid);
}

static void
put_c_string(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c < 0x20 || c == 0x7F)
			printf("\\%03o", c);
		else
			putchar(c);
	}
	putchar('"');
}

int
main(int argc, char **argv)
{
	FILE *f;
	int i, kept = 0;

	if (argc != 3) {
		fputs("usage: po2c FILE.po NAME\n", stderr);
		return 2;
	}
	po_file = argv[1];
	if ((f = fopen(po_file, "r")) == NULL) {
		perror(po_file);
		return 1;
	}
	read_po(f);
	fclose(f);
	qsort(entries, (size_t)n_entries, sizeof entries[0], by_msgid);
	printf(
	    "/* po_%s.c - from po/%s.po by tests/po2c (make update-po-c). */\n"
	    "#include <config.h>\n\n#include \"po_%s.h\"\n\n"
	    "/* clang-format off */\nconst po_entry po_%s[] = {\n",
	    argv[2], argv[2], argv[2], argv[2]);
	for (i = 0; i < n_entries; i++) {
		const entry *e = &entries[i];
		if (!e->lib || e->fuzzy || e->plural || e->msgstr == NULL ||
		    e->msgstr[0] == '\0' || e->msgid[0] == '\0')
			continue;
		if (e->c_format)
			check_format(e);
		fputs("    {", stdout);
		put_c_string(e->msgid);
		fputs(",\n     ", stdout);
		put_c_string(e->msgstr);
		fputs("},\n", stdout);
		kept++;
	}
	if (kept == 0)
		fputs("    {NULL, NULL},\n", stdout);
	printf("};\nconst size_t po_%s_count = %d;\n/* clang-format on */\n",
	       argv[2], kept);
	return 0;
}
