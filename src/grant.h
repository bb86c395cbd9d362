/* grant.h - the special allocation tax rule (特別交付税措置) as data, and the
 * arithmetic it prescribes.
 *
 * grant = unit x round_half_up(eligible x rate x m(I) / unit), per fiscal
 * year, for entities and years the rule covers.  The rule itself - rate,
 * categories, phases, years, correction tables, rounding - is read from a
 * grant profile (profiles/grant-telework.cfg). */
#ifndef TWC_GRANT_H
#define TWC_GRANT_H

#include "util.h"

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
	correction municipal, prefectural;
	category *cats;
	int n_cats;
} grant_rule;

/* Names of phases and kinds (NULL-terminated), and back (-1 when
 * unknown). */
extern const char *const phase_names[];
extern const char *const kind_names[];
const char *phase_name(int phase);
int phase_of(const char *name);
const char *kind_name(int kind);
int kind_of(const char *name);

/* m(I) in hundredths for a fiscal index in hundredths. */
int grant_multiplier(const grant_rule *g, int kind, int index100);

/* The grant for one fiscal year's eligible yen, with m in hundredths. */
long long grant_amount(const grant_rule *g, long long eligible_yen, int m100);

/* 1 when a cost of this category index and phase in fiscal year fy is of a
 * kind the rule covers (regardless of who the entity is). */
int grant_covers(const grant_rule *g, int cat, int phase, int fy);

/* Index of a category id, or -1. */
int grant_category(const grant_rule *g, const char *id);

#endif
