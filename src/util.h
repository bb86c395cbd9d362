/* util.h - errors, exact yen arithmetic and small string helpers. */
#ifndef TWC_UTIL_H
#define TWC_UTIL_H

#include <stddef.h>

#include "twcost.h"

#if defined(__MINGW32__)
/* MinGW builds use __USE_MINGW_ANSI_STDIO: the GNU format rules (%zu). */
#define TWC_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#elif defined(__GNUC__)
#define TWC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TWC_PRINTF(f, a)
#endif

/* The longest message a handle keeps; longer ones are cut at a UTF-8
 * character boundary. */
#define TWC_MSG_MAX 512

/* The largest amount of yen any single figure may reach: ten trillion yen,
 * well above any local government's whole budget, and small enough that a
 * product with a rate in basis points and a multiplier in hundredths stays
 * inside 64 bits after the exact division in muldiv_half_up. */
#define TWC_YEN_MAX 10000000000000LL

/* Tolerance for turning a computed head count such as 80 x 0.2 into whole
 * people: 16.000000000000004 must count as 16, not 17.  Shares and days are
 * given to a few decimals, so anything within 1e-9 of a whole number is
 * taken as that number. */
#define TWC_COUNT_EPS 1e-9

/* The status of a failed call and the message that explains it. */
typedef struct twc_error {
	int status;
	char msg[TWC_MSG_MAX];
} twc_error;

/* Record status and a formatted message in e (which may be NULL) and return
 * status, so that callers can write `return err_set(e, ...)`. */
int err_set(twc_error *e, int status, const char *fmt, ...) TWC_PRINTF(3, 4);

/* Forget the last error. */
void err_clear(twc_error *e);

/* a + b and a * b into *out, or TWC_EOVERFLOW when the result leaves
 * [-TWC_YEN_MAX, TWC_YEN_MAX]. */
int yen_add(long long a, long long b, long long *out);
int yen_mul(long long a, long long b, long long *out);

/* round_half_up(a * k / d) for a, k >= 0 and d > 0, computed exactly. */
long long muldiv_half_up(long long a, long long k, long long d);

/* Whole people from a computed count: round half-up, and ceiling, both
 * forgiving TWC_COUNT_EPS of floating-point noise. */
long long count_round(double x);
long long count_ceil(double x);

/* strtod in the C locale: "0.25" is a quarter even inside a host that set
 * a locale with a decimal comma (a spreadsheet in Germany). */
double c_strtod(const char *s, char **end);

/* Round x (>= 0) half-up to hundredths and return the hundredths. */
int hundredths_half_up(double x);

/* v with thousands separators ("1,234,567"; "-12,000") into buf. */
char *fmt_thousands(long long v, char *buf, size_t n);

/* The index of name in names (NULL-terminated), or -1 (also for a NULL
 * name). */
int name_index(const char *name, const char *const *names);

/* Copy text into buf as the _buf functions of the API do: at most len
 * bytes, NUL-terminated, cut at a UTF-8 boundary; return strlen(text). */
int copy_out(const char *text, char *buf, int len);

/* Levenshtein distance between two ASCII words (capped at 99). */
int edit_distance(const char *a, const char *b);

/* The candidate closest to word, or NULL when none is close enough to be a
 * plausible typo. */
const char *nearest_word(const char *word, const char *const *candidates,
                         int n);

/* 1 when s is valid UTF-8. */
int utf8_valid(const char *s);

/* UTF-16 (NUL-terminated) to UTF-8 in out (n bytes); 0 when the text has
 * an unpaired surrogate or does not fit. */
int utf16_to_utf8(const unsigned short *s, char *out, size_t n);

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
} arena;

void arena_init(arena *a);
void *arena_alloc(arena *a, size_t n); /* zeroed; NULL when out of memory */
char *arena_strdup(arena *a, const char *s);
void arena_free(arena *a);

#endif
