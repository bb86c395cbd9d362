/* fields.h - the result fields as tables: one table a level of result
 * (scenario, plan, fiscal year, item, simulation, break-even...), each
 * entry a name, a type, how to get it and a one-line description.
 * twc_result, twc_result_yen, twc_text and twc_count walk these tables;
 * docs/api.md's field list and the summaries in include/twcost.h are
 * generated from them (tests/fields_doc.c), so the three cannot drift.
 *
 * A field is a path of colon-separated parts.  Each part names an entry
 * of the current level's table; an entry that leads to another level
 * takes the next part as that level's key (an index, a fiscal year, an
 * item id, a work style) when the level has one:
 *   net_yen          a plan's entry
 *   fy:2026:net_yen  entry "fy" -> the year level, key 2026, its entry
 *   sim:net_yen:p50  entry "sim" -> the plan's simulation level (no key),
 *                    entry "net_yen" -> the statistics level, entry p50
 * A level with a key and a default entry may end after the key
 * ("warning:0" is "warning:0:text"). */
#ifndef TWC_FIELDS_H
#define TWC_FIELDS_H

#include "handle.h"

/* Where a path has got to. */
typedef struct cursor {
	twc_model *m;
	int plan;  /* -1: scenario-wide */
	int year;  /* horizon year, 0 = the start year */
	int item;  /* index into the plan's items */
	int index; /* a list's index: message, category, input, bar... */
	int arg;   /* the entry's argument, for levels that share a table */
} cursor;

typedef int (*field_getter)(const cursor *c, int arg, field_value *v);

struct level;

/* One entry: a value (get), another level (sub), or both (the value when
 * the path ends here, the level when it goes on). */
typedef struct field_def {
	const char *name;
	enum value_kind kind; /* of the value */
	field_getter get;
	int arg; /* passed to get, and to the sub-level's cursor */
	const struct level *sub;
	const char *doc;
} field_def;

/* What a level needs before its fields exist. */
enum level_needs {
	NEEDS_ESTIMATE,
	NEEDS_REQUEST, /* the estimate's budget request (made on first need) */
	NEEDS_SIMULATION,
	NEEDS_BREAKEVEN
};

/* A level: its key (if any), its entries, and the counts twc_count gives
 * of it. */
typedef struct level {
	const char *key_doc;    /* how its key reads in docs: "N", "YYYY"; NULL:
	                           no key */
	const char *key_values; /* for docs: the keys it takes, e.g. "0 to
	                           twc_count(m, plan, \"items\") - 1" */
	int (*enter)(cursor *c, const char *key); /* resolve the key */
	enum level_needs needs;
	const char *default_field; /* the entry a path ending at the key
	                              names, or NULL */
	const field_def *fields;   /* ends with a NULL name */
} level;

/* A count twc_count answers. */
typedef struct count_def {
	const char *name;
	enum level_needs needs;
	int (*count)(const cursor *c);
	const char *doc;
} count_def;

/* The top levels and their counts: scenario-wide (plan NULL) and a plan. */
extern const level scenario_level, plan_level;
extern const count_def scenario_counts[], plan_counts[];

/* The description of the scenario level's fall-back entries: every
 * numeric input key is also a field. */
extern const char input_fields_doc[];

#endif
