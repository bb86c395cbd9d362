/* suggest.h - "did you mean": the name a user most plausibly meant, and
 * the refusal of a value that is not one of a list. */
#ifndef TWC_CLI_SUGGEST_H
#define TWC_CLI_SUGGEST_H

#include <stddef.h>

/* The name in names (n of them) that word most plausibly means, or NULL:
 * the closest when at most a third of the word's letters away (at least
 * 1; a swap of two neighbours is one; ASCII case and '-'/'_' cost
 * nothing), else the only name word (3 letters or more) begins, else the
 * only one with word as a part between '-', '_' or '.'.  The library's
 * rule (nearest_word, src/text.c): tests/unit/test_suggest.c holds the
 * two to the same answers. */
const char *cli_nearest(const char *word, const char *const *names, int n);

/* names (NULL-terminated) joined with ", " into buf; returns buf. */
const char *cli_join(const char *const *names, char *buf, size_t n);

/* The index of value in names (NULL-terminated); else print
 * "FLAG: 'VALUE' is not one of A, B, C (did you mean 'B'?)" and return
 * -1. */
int cli_choice(const char *flag, const char *value, const char *const *names);

/* A bundled profile's name as a user may have meant it: the name closest
 * to word, both without ".cfg", among the bundled profiles of kind (NULL:
 * all); NULL when none is close. */
const char *cli_bundled_nearest(const char *word, const char *kind);

#endif
