/* fields_doc.c - the result fields of docs/api.md and the summaries in
 * include/twcost.h, written from the library's own tables (src/fields.c).
 *
 *   fields_doc markdown   the block between the "fields" markers of
 *                         docs/api.md
 *   fields_doc header     the lists twcost.h's comments give, one a line
 *
 * tests/fields_doc.sh fails when the files differ from this output, and
 * `make update-docs` rewrites docs/api.md's block with it. */
#include <config.h>

#include <stdio.h>
#include <string.h>

#include "fields.h"

static const char *
type_name(enum value_kind k)
{
	return k == VALUE_INT ? "int" : k == VALUE_REAL ? "real" : "text";
}

static const char *
needs_name(enum level_needs n)
{
	return n == NEEDS_SIMULATION  ? "twc_simulate"
	       : n == NEEDS_BREAKEVEN ? "twc_breakeven"
	                              : "";
}

/* One row: `path` | type | after | doc. */
static void
row(const char *path, enum value_kind kind, enum level_needs needs,
    const char *doc)
{
	printf("| `%s` | %s | %s | %s |\n", path, type_name(kind),
	       needs_name(needs), doc);
}

static const field_def *
default_of(const level *lv)
{
	const field_def *d;

	for (d = lv->fields; lv->default_field && d->name != NULL; d++)
		if (strcmp(d->name, lv->default_field) == 0)
			return d;
	return NULL;
}

/* Every path under level lv, each prefixed with prefix.  A level with a
 * key gets a line saying what the key takes; a path that may end at the
 * key (its default entry) is listed once, ending there. */
static void
rows(const level *lv, const char *prefix)
{
	const field_def *f, *d;
	char path[160], sub[200];

	for (f = lv->fields; f->name != NULL; f++) {
		if (prefix[0] != '\0' && f == default_of(lv))
			continue;
		snprintf(path, sizeof path, "%s%s", prefix, f->name);
		if (f->get != NULL)
			row(path, f->kind, lv->needs, f->doc);
		if (f->sub == NULL)
			continue;
		snprintf(sub, sizeof sub, "%s%s%s", path,
		         f->sub->key_doc ? ":" : "",
		         f->sub->key_doc ? f->sub->key_doc : "");
		if (f->sub->key_doc != NULL)
			printf("| | | | `%s`: %s, %s |\n", sub, f->sub->key_doc,
			       f->sub->key_values);
		if ((d = default_of(f->sub)) != NULL)
			printf("| `%s` | %s | %s | %s (also `%s:%s`) |\n", sub,
			       type_name(d->kind), needs_name(f->sub->needs),
			       d->doc, sub, d->name);
		strcat(sub, ":");
		rows(f->sub, sub);
	}
}

static void
counts(const count_def *c, const char *plan)
{
	printf("\n`twc_count(m, %s, what)`:\n\n| what | after | counts |\n"
	       "|---|---|---|\n",
	       plan);
	for (; c->name != NULL; c++)
		printf("| `%s` | %s | %s |\n", c->name, needs_name(c->needs),
		       c->doc);
}

static void
markdown(void)
{
	puts("### Scenario fields (plan NULL or `\"\"`)\n");
	puts("| field | type | after | meaning |\n|---|---|---|---|");
	rows(&scenario_level, "");
	printf("| every numeric input key | int/real | | %s |\n",
	       input_fields_doc);
	counts(scenario_counts, "NULL");
	puts("\n### Plan fields (plan = a plan id such as `jlis-lgwan`)\n");
	puts("| field | type | after | meaning |\n|---|---|---|---|");
	rows(&plan_level, "");
	counts(plan_counts, "plan");
}

/* The text fields a level answers directly (no key), space-separated. */
static void
text_names(const level *lv)
{
	const field_def *f;

	for (f = lv->fields; f->name != NULL; f++)
		if (f->get != NULL && f->kind == VALUE_TEXT)
			printf(" %s", f->name);
	putchar('\n');
}

static void
count_names(const count_def *c)
{
	for (; c->name != NULL; c++)
		printf(" %s", c->name);
	putchar('\n');
}

static void
header(void)
{
	printf("counts, scenario:");
	count_names(scenario_counts);
	printf("counts, plan:");
	count_names(plan_counts);
	printf("text, scenario:");
	text_names(&scenario_level);
	printf("text, plan:");
	text_names(&plan_level);
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "markdown") == 0)
		markdown();
	else if (argc == 2 && strcmp(argv[1], "header") == 0)
		header();
	else {
		fputs("usage: fields_doc markdown|header\n", stderr);
		return 2;
	}
	return 0;
}
