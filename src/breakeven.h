/* breakeven.h - where two plans' net costs cross as one input moves. */
#ifndef TWC_BREAKEVEN_H
#define TWC_BREAKEVEN_H

#include "model.h"

enum over { OVER_STAFF, OVER_HOME, OVER_YEARS };

/* The most crossings one search reports (the scan finds at most one a
 * step; more are counted in n_found but not kept). */
#define BREAKEVEN_MAX_CROSSINGS 32

/* Values scanned at most: every whole staff count or year, and a home
 * share at every whole person, when the range has no more than this many;
 * else this many evenly spaced. */
#define BREAKEVEN_GRID 10000

/* One crossing: the first value with the new ordering, the value just
 * before it, and both plans' net costs at each. */
typedef struct be_crossing {
	double below, value;
	long long below_a, below_b, above_a, above_b;
} be_crossing;

/* Which plan is cheaper at every value scanned, when they never cross. */
enum be_cheaper { CHEAPER_NONE = -1, CHEAPER_A, CHEAPER_B, CHEAPER_SAME };

typedef struct breakeven {
	int valid;           /* a search has run */
	int found;           /* the net costs cross in the range */
	int over;            /* enum over */
	int a, b;            /* the plans */
	double from, to;     /* the range searched: the low end raised to the
	                        first value at which either plan enrols anyone */
	int enrolled;        /* either plan enrols someone somewhere in range */
	int scanned;         /* values scanned */
	int cheaper;         /* enum be_cheaper, when there is no crossing */
	double value;        /* the first crossing (NaN when not found) */
	double below, above; /* values just before and at the first crossing,
	                        or from and to when not found */
	long long below_a, below_b, above_a, above_b; /* net costs there */
	be_crossing crossings[BREAKEVEN_MAX_CROSSINGS];
	int n_crossings; /* kept */
	int n_found;     /* found, kept or not */
} breakeven;

/* Name of an `over` and back (-1 when unknown). */
int over_of(const char *name);
const char *over_name(int over);

/* The `over` a user who wrote name most plausibly meant, or NULL. */
const char *over_nearest(const char *name);

/* Search [lo, hi] for every value where net(a) - net(b) changes sign.  The
 * low end is first raised to the first value at which either plan enrols
 * anyone (where neither does, both cost nothing: no crossing there).  A
 * scan of up to BREAKEVEN_GRID values over the rest finds each change of
 * sign between values where the nets differ; GSL's bisection solver
 * narrows each one; whole staff and years are steps, and a home share
 * crosses where enrolment reaches a whole person.  Two crossings closer
 * together than one step of the scan are missed (only with ranges of more
 * than BREAKEVEN_GRID values). */
int breakeven_find(const profile *p, const scenario *sc, int a, int b, int over,
                   double lo, double hi, breakeven *out, twc_error *e);

#endif
