/* text.h - UTF-8 and UTF-16 text, numbers read in the C locale, name
 * look-ups and "did you mean" suggestions. */
#ifndef TWC_TEXT_H
#define TWC_TEXT_H

#include <stddef.h>

/* Length of the longest prefix of s, at most max bytes, that ends on a
 * UTF-8 character boundary. */
size_t utf8_cut(const char *s, size_t max);

/* The ASCII character that a wide one at s stands for - a full-width
 * form (U+FF01 to U+FF5E: ２, Ｒ, ／, ％, ，), the ideographic space
 * U+3000 (a space) or the minus sign U+2212 - or 0.  Each is 3 bytes of
 * UTF-8. */
char wide_ascii(const char *s);

/* 1 when s is valid UTF-8. */
int utf8_valid(const char *s);

/* UTF-16 (NUL-terminated) to UTF-8 in out (n bytes); 0 when the text has
 * an unpaired surrogate or does not fit. */
int utf16_to_utf8(const unsigned short *s, char *out, size_t n);

/* Copy text into buf as the _buf functions of the API do: at most len
 * bytes, NUL-terminated, cut at a UTF-8 boundary; return strlen(text). */
int copy_out(const char *text, char *buf, int len);

/* strtod in the C locale: "0.25" is a quarter even inside a host that set
 * a locale with a decimal comma (a spreadsheet in Germany). */
double c_strtod(const char *s, char **end);

/* The index of name in names (NULL-terminated), or -1 (also for a NULL
 * name). */
int name_index(const char *name, const char *const *names);

/* Edit distance between two words (capped at 99): letters added,
 * removed, changed, or two neighbours swapped, one each; ASCII case and
 * '-' against '_' cost nothing.  Bytes are letters. */
int edit_distance(const char *a, const char *b);

/* The candidate word most plausibly meant, or NULL: the closest one when
 * it is at most a third of the word's letters away (at least 1), else the
 * only candidate that word (3 letters or more) begins ("jlis" for
 * "jlis-lgwan"), else the only one that has it as a part between '-', '_'
 * or '.' ("browser" for "secure-browser").  The same rule as the tool's
 * cli_nearest (src/cli/suggest.c). */
const char *nearest_word(const char *word, const char *const *candidates,
                         int n);

/* s for a message, at most n bytes with its NUL: cut at a character
 * boundary and ended with "…" when longer, bytes that are not UTF-8
 * shown as '?'.  Returns buf. */
const char *text_echo(const char *s, char *buf, size_t n);

/* A user's value for a message: text_echo of s, or "(not UTF-8)". */
const char *text_value(const char *s, char *buf, size_t n);

/* Bytes of an echoed value in a message: 40 and an ellipsis. */
#define ECHO_MAX 44

/* A number as the user would have written it: whole numbers in full
 * (-2147483648, 10000000000), others with the fewest digits that read
 * back as the same double (500000.4, 0.1), NaN, inf.  Returns buf. */
const char *fmt_num(double v, char *buf, size_t n);

/* Room for any fmt_num. */
#define NUM_MAX 32

#endif
