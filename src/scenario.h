/* scenario.h - the scenario's inputs by key, with their allowed ranges, for
 * twc_set / twc_get and for the profile reader: one table, so that a file,
 * a CLI flag and a spreadsheet cell accept exactly the same values. */
#ifndef TWC_SCENARIO_H
#define TWC_SCENARIO_H

#include "catalog.h"

/* The most staff a scenario may have: above any Japanese entity's general
 * administrative staff (Tokyo's is far below). */
#define STAFF_MAX 500000

/* The last free year of a trial programme that never ends. */
#define FY_NEVER 9999

/* Set a numeric input.  On error *sc is unchanged. */
int scenario_set(scenario *sc, const char *key, double value, twc_error *e);

/* Set an input from text: start, kind, name, *_segment, work_segment,
 * a last free year (any fiscal-year form, or "never"), or a number for
 * numeric keys. */
int scenario_set_text(scenario *sc, const char *key, const char *value,
                      twc_error *e);

/* twc_quick's inputs: as scenario_set of staff, home, satellite, mobile
 * and fiscal_index, in that order, with the values v[0..4] that are not
 * NaN, then scenario_set_text of start unless it is NULL or "" - without
 * looking their names up.  Stops at the first refusal (what is set before
 * it stays set). */
int scenario_set_quick(scenario *sc, const double *v, const char *start,
                       twc_error *e);

/* The index of a numeric input key, or -1. */
int scenario_key(const char *name);

/* The value of numeric input k (an index from scenario_key), or NaN. */
double scenario_value(const scenario *sc, int k);

/* The value of a numeric input, or NaN (with e set) for an unknown key. */
double scenario_get(const scenario *sc, const char *key, twc_error *e);

/* Why value is not allowed for key ("0 is out of range (1 to 500000)"), in
 * why, with its status; TWC_OK when it is allowed. */
int scenario_why_not(const char *key, double value, twc_error *why);

/* 1 when a numeric key takes whole numbers only (staff, years...). */
int scenario_whole(const char *key);

/* The allowed range of a numeric key; TWC_EKEY when unknown. */
int scenario_range(const char *key, double *lo, double *hi);

/* Checks that need several inputs at once: the shares must sum to at most
 * 1; no more satellite sites reused than there are.  Called before every
 * computation. */
int scenario_check(const scenario *sc, twc_error *e);

/* The numeric keys, NULL-terminated, for messages and documentation. */
extern const char *const scenario_keys[];

#endif
