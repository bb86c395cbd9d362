/* bundled.h - the profiles compiled into the library, so that a copied
 * shared library or DLL works alone.  bundled.c is generated at build time
 * from profiles/ by scripts/embed-profiles. */
#ifndef TWC_BUNDLED_H
#define TWC_BUNDLED_H

typedef struct bundled_profile {
	const char *name;  /* base name: "default.cfg" */
	const char *kind;  /* scenario, catalog or grant */
	const char *title; /* the first comment line, after "NAME - " */
	const char *text;  /* the whole file */
} bundled_profile;

extern const bundled_profile bundled_profiles[];
extern const int bundled_count;

/* The bundled profile called name, or name + ".cfg", or NULL. */
const bundled_profile *bundled_find(const char *name);

#endif
