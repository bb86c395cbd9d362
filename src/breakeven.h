/* breakeven.h - where two plans' net costs cross as one input moves. */
#ifndef TWC_BREAKEVEN_H
#define TWC_BREAKEVEN_H

#include "model.h"

enum over { OVER_STAFF, OVER_HOME, OVER_YEARS };

typedef struct breakeven {
	int valid;           /* a search has run */
	int found;           /* the net costs cross in the range */
	int over;            /* enum over */
	double value;        /* the first value with the crossed ordering (NaN
	                        when not found) */
	double below, above; /* values just before and at the crossing, or
	                        the range's ends when not found */
	long long below_a, below_b, above_a, above_b; /* net costs there */
} breakeven;

/* Name of an `over` and back (-1 when unknown). */
int over_of(const char *name);
const char *over_name(int over);

/* Search [lo, hi] for the first value where net(a) - net(b) changes sign:
 * a scan of up to BREAKEVEN_GRID points finds the first bracket, then
 * GSL's bisection solver narrows it; whole staff and years are steps, and
 * a home share crosses where enrolment reaches a whole person. */
int breakeven_find(const profile *p, const scenario *sc, int a, int b, int over,
                   double lo, double hi, breakeven *out, twc_error *e);

#endif
