/* profile.h - profiles: a scenario with the grant rule and option catalogue
 * it uses, loaded from libconfig files (or from the copies bundled in the
 * library), validated, and cached read-only.
 *
 * A scenario file names its catalogue and grant rule by file name,
 * resolved beside the scenario, falling back to the bundled profile of the
 * same base name.  Every error names the file, the line, the setting and
 * the allowed range. */
#ifndef TWC_PROFILE_H
#define TWC_PROFILE_H

#include <stddef.h>

#include "catalog.h"
#include "source.h"

/* A loaded profile.  Immutable once loaded; shared by every handle that
 * opened it, through profile_acquire / profile_release. */
typedef struct profile {
	arena mem;
	const char *name;         /* the path, or bundled:NAME */
	const char *catalog_name; /* where the catalogue came from */
	const char *grant_name;   /* where the grant rule came from */
	scenario sc;              /* the scenario as the file gives it */
	/* Uncertainty of scenario inputs (fixed unless the file gives a
	 * range). */
	dist share_dist[STYLE_COUNT], days_dist[STYLE_COUNT], peak_dist;
	grant_rule grant;
	setsu_table setsu;      /* the 節 its items name */
	const char *setsu_name; /* where the 節 table came from */
	catalog cat;            /* with the scenario's quotes applied */
	source_set src;         /* every file read, includes too: the cache's
	                           change check */
	int refs;               /* guarded by the cache's lock */
} profile;

/* Load and validate a scenario profile: a file path, or a bundled name. */
int profile_load(const char *path, profile **out, twc_error *e);
void profile_free(profile *p);

/* Validate any profile - scenario, catalogue or grant rule. */
int profile_check(const char *path, twc_error *e);

/* The cache key of a profile path: the absolute path of a file, or the
 * bundled name.  0 when it does not fit in n bytes. */
int profile_key(const char *path, char *buf, size_t n);

/* The cached profile for path (loading it, or reloading it when one of its
 * files changed), with a reference the caller gives back with
 * profile_release.  NULL or "" is the bundled default. */
int profile_acquire(const char *path, profile **out, twc_error *e);
void profile_release(profile *p);

/* Free every cached profile nobody holds (for leak checkers). */
void profile_cache_clear(void);

#endif
