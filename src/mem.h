/* mem.h - growing strings and arenas. */
#ifndef TWC_MEM_H
#define TWC_MEM_H

#include <stddef.h>

#include "err.h"

/* A growing string.  After an allocation failure it stays failed and every
 * append is a no-op; sb_take returns NULL then. */
typedef struct strbuf {
	char *buf;
	size_t len, cap;
	int failed;
} strbuf;

void sb_init(strbuf *sb);
void sb_add(strbuf *sb, const char *s);
void sb_printf(strbuf *sb, const char *fmt, ...) TWC_PRINTF(2, 3);
char *sb_take(strbuf *sb);
void sb_free(strbuf *sb);

/* An arena: many small allocations freed together.  A profile keeps all
 * its strings and arrays in one. */
typedef struct arena_block arena_block;
typedef struct arena {
	arena_block *head;
	arena_block *lent; /* the caller's block (arena_init_in), or NULL */
} arena;

void arena_init(arena *a);
/* An arena whose first allocations go to buf (size bytes, aligned for any
 * object), which the caller owns and keeps until arena_free: for results
 * made and read within one call (twc_quick), without a malloc. */
void arena_init_in(arena *a, void *buf, size_t size);
void *arena_alloc(arena *a, size_t n); /* zeroed; NULL when out of memory */
void *arena_take(arena *a, size_t n);  /* the same, not zeroed: for scratch
                                          written before it is read */
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

#endif
