/* phasing.h - the inputs of a phased introduction: rollout schedules, the
 * go-live date, other funding and the grant's readings, as text (the CLI,
 * twc_set_text and the profiles all write them the same way), and the
 * checks that need the horizon. */
#ifndef TWC_PHASING_H
#define TWC_PHASING_H

#include "catalog.h"

/* "R7=0.3,R9=1": fiscal years in any start form, each with the share of
 * the final enrolment reached by then (0.3 or 30%).  Shares must not fall
 * and the last must be 1.  key names the input in messages. */
int rollout_parse(const char *key, const char *text, rollout *out,
                  twc_error *e);

/* "prefectural:R7:1000000;bond:R9:90%": entries separated by ';', each
 * SOURCE:FY:AMOUNT, the amount in yen (1000000 or 1,000,000) or as a
 * share of that year's eligible cost (90% or 0.9).  "" is none. */
int funding_parse(const char *text, funding *out, int *n, twc_error *e);

/* One entry, as funding_parse reads it, for the profile reader. */
int funding_entry(const char *source, const char *fy, double yen, double share,
                  funding *out, twc_error *e);

/* A reading's value: later_initial_spending (covered, not_covered) or
 * lease_payments (eligible, not_eligible); "rule" gives the rule's own
 * back (-1). */
int reading_parse(const char *key, const char *text, int *out, twc_error *e);

/* Funding sources: national, prefectural, bond, other. */
extern const char *const funding_sources[];

/* The checks that need the horizon: rollout years inside it, go-live on
 * or after the start and inside it, funding years inside it. */
int phasing_check(const scenario *sc, twc_error *e);

/* The inputs back as text, as rollout_parse and funding_parse read them. */
void rollout_text(const rollout *r, char *buf, size_t n);
void funding_text(const funding *f, int n, char *buf, size_t size);

#endif
