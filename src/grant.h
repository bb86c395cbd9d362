/* grant.h - the special allocation tax rule (特別交付税措置) as data, and the
 * arithmetic it prescribes.
 *
 * grant = unit x round_half_up(eligible x rate x m(I) / unit), per fiscal
 * year, for entities and years the rule covers.  The rule itself - rate,
 * categories, phases, years, correction tables, rounding - is read from a
 * grant profile (profiles/grant-telework.cfg). */
#ifndef TWC_GRANT_H
#define TWC_GRANT_H

#include "fiscal.h"
#include "messages.h"
#include "util.h"

struct scenario;

enum phase { PHASE_INITIAL, PHASE_ANNUAL, PHASE_REPLACEMENT, PHASE_COUNT };

enum entity_kind {
	KIND_PREFECTURE,
	KIND_DESIGNATED_CITY,
	KIND_MUNICIPALITY,
	KIND_SPECIAL_WARD,
	KIND_ASSOCIATION,
	KIND_COUNT
};

enum rounding { ROUND_HALF_UP, ROUND_DOWN };

/* A cost category and whether the rule covers it. */
typedef struct category {
	const char *id, *label_ja, *label_en;
	int eligible;
} category;

/* The fiscal-capacity correction m(I) for one kind of entity, all in
 * hundredths: m = high_m when I >= high_from, low_m when I < low_below,
 * else a - b x I rounded half-up to hundredths, with a and b fractions. */
typedef struct correction {
	int high_from, high_m, low_below, low_m;
	long long a_num, a_den, b_num, b_den;
} correction;

typedef struct grant_rule {
	const char *id, *title, *source;
	int rate_bp;        /* 措置率 in basis points: 5000 is 0.5 */
	int first_fy;       /* the first fiscal year the rule covers */
	int deadline_fy;    /* introduction must start by this FY */
	long long cap_yen;  /* per fiscal year; 0 is no cap (上限なし) */
	unsigned phases;    /* bit (1 << phase) for each eligible phase */
	long long unit_yen; /* rounding unit: 1000 (thousand yen) */
	enum rounding rounding;
	int zero_non_recipient; /* 不交付団体 get 0 unless overridden */
	unsigned zero_kinds;    /* bit (1 << kind) for kinds that get 0 */
	/* Why, in the rule's own words (not_covered.reasons); NULL: a
	 * generic sentence. */
	const char *non_recipient_reason;
	const char *kind_reason[KIND_COUNT];
	/* The same in Japanese (non_recipient_ja, KIND_ja), or NULL. */
	const char *non_recipient_reason_ja;
	const char *kind_reason_ja[KIND_COUNT];
	correction municipal, prefectural;
	category *cats;
	int n_cats;
	/* Readings of what the notice leaves open, as the rule's defaults:
	 * initial spending after the deadline year of an introduction
	 * started by it is covered; lease payments are eligible. */
	int later_initial_covered, lease_eligible;
	/* Other funding for eligible spending is deducted from it before
	 * the grant (no double recovery). */
	int deduct_other_funding;
} grant_rule;

/* Names of phases and kinds (NULL-terminated), and back (-1 when
 * unknown). */
extern const char *const phase_names[];
extern const char *const kind_names[];
const char *phase_name(int phase);
int phase_of(const char *name);
const char *kind_name(int kind);
int kind_of(const char *name);

/* How the rule reads what the notice leaves open. */
typedef struct readings {
	int later_initial; /* 1: initial spending after the deadline year of
	                      an introduction started by it is covered */
	int lease;         /* 1: lease payments are eligible */
} readings;

/* The readings a run uses: the scenario's where it sets one (>= 0), else
 * the rule's; and the strictest and most generous there are. */
readings grant_readings(const grant_rule *g, const readings *scenario);
extern const readings reading_strict, reading_generous;

/* Names of a reading's values, for messages and outputs. */
const char *reading_later_name(int covered);
const char *reading_lease_name(int eligible);

/* What kind of eligible spending a cost is, for the readings: initial
 * spending after the deadline year, a lease payment, or both. */
enum { SPEND_LATER = 1, SPEND_LEASE = 2, SPEND_KINDS = 4 };

/* One fiscal year's eligible yen by kind: every reading's eligible sum
 * comes from these four numbers. */
typedef struct eligible_parts {
	long long yen[SPEND_KINDS];
} eligible_parts;

/* 1 when spending of kind (SPEND_* bits) is eligible under readings r.
 * Inline, as grant_spend_kind, grant_lists and grant_pays_in: the model
 * asks for each spending (twc_quick's one plan: about 60 a call). */
static inline int
grant_counts(unsigned kind, const readings *r)
{
	return (!(kind & SPEND_LATER) || r->later_initial) &&
	       (!(kind & SPEND_LEASE) || r->lease);
}

/* The eligible yen of parts under readings r. */
long long grant_eligible(const eligible_parts *parts, const readings *r);

/* The kind (SPEND_* bits) of spending in phase, fiscal year fy, for a
 * lease payment or not. */
static inline unsigned
grant_spend_kind(const grant_rule *g, int phase, int fy, int lease)
{
	unsigned kind = lease ? SPEND_LEASE : 0;

	if ((phase == PHASE_INITIAL || lease) && fy > g->deadline_fy)
		kind |= SPEND_LATER;
	return kind;
}

/* What the rule gives one entity. */
typedef struct grant_terms {
	int index100;          /* the fiscal index, half-up to hundredths */
	int m100;              /* m(I) in hundredths */
	int applies;           /* the rule covers this entity and start */
	double effective_rate; /* rate x m actually applied; 0 when none */
} grant_terms;

/* The whole rule for one scenario: who is covered (kind, recipient,
 * override), the start deadline and first year, m(I) and the effective
 * rate.  Anything that removes or questions the grant is explained in
 * warnings (formatted in mem; warnings NULL: none made).  The one
 * function the model calls before grant_year. */
void grant_assess(const grant_rule *g, const struct scenario *sc,
                  grant_terms *t, arena *mem, message_list *warnings);

/* The grant of fiscal year fy's eligible yen under terms t: 0 when the
 * rule does not apply to the entity or not yet in fy (before its first
 * year), else grant_amount.  The reason is among the warnings of
 * grant_assess. */
long long grant_year(const grant_rule *g, const grant_terms *t, int fy,
                     long long eligible_yen);

/* Fiscal year fy's grant under readings r: its eligible yen less the
 * other funding deducted from it (when the rule deducts), through
 * grant_year.  *eligible and *deducted receive the two. */
long long grant_of_year(const grant_rule *g, const grant_terms *t, int fy,
                        const eligible_parts *parts, const readings *r,
                        long long other, long long *eligible,
                        long long *deducted);

/* rate x m(I) as a real number: the one place the effective rate is
 * computed (the simulation's fast path scales it by the rounding unit). */
double grant_rate(const grant_rule *g, int m100);

/* The start of introduction as messages show it: "2025-10-01 (FY2025,
 * 令和7年度)" or "in FY2025 (令和7年度)". */
void grant_describe_start(const struct scenario *sc, int lang, char *buf,
                          size_t n);

/* m(I) in hundredths for a fiscal index in hundredths. */
int grant_multiplier(const grant_rule *g, int kind, int index100);

/* The grant for one fiscal year's eligible yen, with m in hundredths. */
long long grant_amount(const grant_rule *g, long long eligible_yen, int m100);

/* 1 when a cost of this category index and phase is of a kind the rule
 * names (対象経費): the eligible spending, whoever the entity is and
 * whenever it falls. */
static inline int
grant_lists(const grant_rule *g, int cat, int phase)
{
	return cat >= 0 && cat < g->n_cats && g->cats[cat].eligible &&
	       (g->phases & (1u << phase));
}

/* 1 when the rule pays for spending in fiscal year fy (from its first
 * year on). */
static inline int
grant_pays_in(const grant_rule *g, int fy)
{
	return fy >= g->first_fy;
}

/* 1 when such a cost in fiscal year fy is also in a year the rule pays
 * for (from its first year): the spending a grant is computed on. */
int grant_covers(const grant_rule *g, int cat, int phase, int fy);

/* Index of a category id, or -1. */
int grant_category(const grant_rule *g, const char *id);

#endif
