/* places.h - every group a profile may hold and the keys it takes: the
 * lists the readers check each group against (rd_keys), and where rd_keys
 * finds the group that a key written in the wrong one belongs in
 * ("quotes" inside scenario = { }).  A group keyed by data (quotes by
 * item, counters by driver, reasons by kind) is not a place. */
#ifndef TWC_PLACES_H
#define TWC_PLACES_H

enum place {
	PL_TOP,                   /* a scenario profile's top level */
	PL_SCENARIO,              /* scenario = { } */
	PL_HOME,                  /* scenario.home */
	PL_SATELLITE,             /* scenario.satellite */
	PL_MOBILE,                /* scenario.mobile */
	PL_JLIS,                  /* scenario.jlis */
	PL_READINGS,              /* scenario.readings */
	PL_FUNDING,               /* scenario.funding = ( { } ) */
	PL_LEASE,                 /* leases.item_id */
	PL_CONTRACT,              /* contracts.item_id */
	PL_PLAN,                  /* plans = ( { } ) at the top */
	PL_CATALOG_PLAN,          /* catalog.plans */
	PL_CATALOG,               /* catalog = { } */
	PL_OPTION,                /* catalog.options = ( { } ) */
	PL_ITEM,                  /* catalog.options.items = ( { } ) */
	PL_GRANT,                 /* grant = { } */
	PL_CATEGORY,              /* grant.categories = ( { } ) */
	PL_ROUNDING,              /* grant.rounding */
	PL_NOT_COVERED,           /* grant.not_covered */
	PL_CORRECTION,            /* grant.correction */
	PL_CORRECTION_TABLE,      /* grant.correction.municipality */
	PL_CORRECTION_PREFECTURE, /* grant.correction.prefecture */
	PL_SETSU,                 /* setsu = { } */
	PL_SETSU_ENTRY,           /* setsu.list = ( { } ) */
	PL_SETSU_LEASE,           /* setsu.lease */
	PL_DIST_THREE,            /* a range { low; mode; high; } */
	PL_DIST_UNIFORM,
	PL_DIST_LOGNORMAL,
	PL_COUNT
};

typedef struct place_def {
	/* Where the group is, as a message shows it (a path, or words to
	 * translate: N_). */
	const char *where;
	const char *const *keys; /* NULL-terminated */
} place_def;

extern const place_def places[PL_COUNT];

/* The keys of place p. */
#define PLACE_KEYS(p) (places[(p)].keys)

/* How a top-level key is written ("quotes = { item_id = yen; }"), or
 * NULL. */
const char *place_top_shape(const char *key);

#endif
