/* fuzz.h - what the libFuzzer targets of tests/fuzz share: reading the
 * fuzzer's bytes as a sequence of choices, and the checks every message
 * and every text the library returns must pass.  A failed check aborts,
 * which libFuzzer reports as a crash with the input that caused it. */
#ifndef TWC_FUZZ_H
#define TWC_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "twcost.h"

/* The fuzzer's input, consumed from the front. */
typedef struct bytes {
	const uint8_t *p;
	size_t n;
} bytes;

static inline unsigned
take_byte(bytes *b)
{
	unsigned v = 0;

	if (b->n > 0) {
		v = *b->p++;
		b->n--;
	}
	return v;
}

/* A double from 8 bytes (any bit pattern: NaN, inf, denormals...). */
static inline double
take_double(bytes *b)
{
	uint8_t raw[8] = {0};
	double d;
	size_t k = b->n < 8 ? b->n : 8;

	memcpy(raw, b->p, k);
	b->p += k;
	b->n -= k;
	memcpy(&d, raw, sizeof d);
	return d;
}

/* Text of at most max bytes up to a NUL (not included), into buf. */
static inline const char *
take_text(bytes *b, char *buf, size_t max)
{
	size_t k = 0;

	while (b->n > 0 && k + 1 < max) {
		unsigned c = take_byte(b);
		if (c == 0)
			break;
		buf[k++] = (char)c;
	}
	buf[k] = '\0';
	return buf;
}

/* One of names (NULL-terminated), or, with the high bit of the choice
 * set, text taken from the input. */
static inline const char *
take_name(bytes *b, const char *const *names, char *buf, size_t max)
{
	unsigned c = take_byte(b), n = 0;

	while (names[n] != NULL)
		n++;
	if (c & 0x80)
		return take_text(b, buf, max);
	return names[c % n];
}

/* The checks on any message or text the library gives: never NULL where
 * text is promised, valid UTF-8, and as short as documented. */
#define FUZZ_CHECK(cond)                                                       \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "fuzz check failed: %s (%s:%d)\n",     \
			        #cond, __FILE__, __LINE__);                    \
			abort();                                               \
		}                                                              \
	} while (0)

static inline void
check_message(const char *msg)
{
	FUZZ_CHECK(msg != NULL);
	FUZZ_CHECK(utf8_valid(msg));
	FUZZ_CHECK(strlen(msg) < 512);
}

/* Every plan's results: whole yen, or a refusal with a valid message. */
static inline void
read_every_plan(twc_model *m)
{
	static const char *const money[] = {"net_yen", "grant_yen"};
	char field[32];
	const char *id;
	long long yen;
	int i, k, n = twc_count(m, NULL, "plans");

	check_message(twc_last_error(m));
	for (i = 0; i < n; i++) {
		snprintf(field, sizeof field, "plan:%d", i);
		id = twc_text(m, NULL, field);
		FUZZ_CHECK(id != NULL);
		for (k = 0; k < 2; k++)
			if (twc_result_yen(m, id, money[k], &yen) != TWC_OK)
				check_message(twc_last_error(m));
		check_message(twc_text(m, id, "security_fit"));
		(void)twc_count(m, id, "warnings");
	}
}

#endif
