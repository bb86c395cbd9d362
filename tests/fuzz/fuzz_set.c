/* fuzz_set.c - every text and number an input key takes: a sequence of
 * twc_set (any double), twc_set_text (any bytes) and twc_set_text_utf16
 * (any 16-bit units) on one handle, each followed by the results.
 * Checks: a refused value leaves the input as it was; every status is a
 * documented one; every message is valid UTF-8 of at most 511 bytes; an
 * accepted input gives results or a documented refusal, never a crash. */
#include <config.h>

#include <math.h>

#include "fuzz.h"
#include "scenario.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const text_only[] = {"kind",
                                        "name",
                                        "work_segment",
                                        "home_segment",
                                        "satellite_segment",
                                        "mobile_segment",
                                        NULL};

/* Any key: a numeric one, a text one, or bytes from the input. */
static const char *
take_key(bytes *b, char *buf, size_t n)
{
	unsigned c = take_byte(b), nk = 0;

	while (scenario_keys[nk] != NULL)
		nk++;
	if (c & 0x80)
		return take_text(b, buf, n);
	c %= nk + 6;
	return c < nk ? scenario_keys[c] : text_only[c - nk];
}

static int
known_status(int rc)
{
	return rc == TWC_OK || rc == TWC_EKEY || rc == TWC_ERANGE ||
	       rc == TWC_EVALUE || rc == TWC_EINVAL;
}

/* One set of key from the input, checked. */
static void
one_set(twc_model *m, bytes *b)
{
	char key[64], text[1200];
	unsigned short u16[300];
	unsigned mode = take_byte(b) % 3, k;
	const char *name = take_key(b, key, sizeof key);
	double before = twc_get(m, name), v;
	int rc;

	if (mode == 0) {
		v = take_double(b);
		rc = twc_set(m, name, v);
		if (rc == TWC_OK)
			FUZZ_CHECK(isfinite(v));
	} else if (mode == 1) {
		rc = twc_set_text(m, name, take_text(b, text, sizeof text));
	} else {
		for (k = 0; k + 1 < 300 && b->n >= 2; k++) {
			u16[k] =
			    (unsigned short)(take_byte(b) | take_byte(b) << 8);
			if (u16[k] == 0)
				break;
		}
		u16[k] = 0;
		rc = twc_set_text_utf16(m, name, u16);
	}
	FUZZ_CHECK(known_status(rc));
	check_message(twc_last_error(m));
	if (rc != TWC_OK) {
		double after;
		FUZZ_CHECK(strlen(twc_last_error(m)) > 0);
		after = twc_get(m, name);
		FUZZ_CHECK((isnan(before) && isnan(after)) || before == after);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static twc_model *m;
	bytes b = {data, size};
	int ops = 0;

	if (m == NULL && twc_open(NULL, &m) != TWC_OK)
		abort();
	FUZZ_CHECK(twc_reset(m) == TWC_OK);
	while (b.n > 0 && ops++ < 32)
		one_set(m, &b);
	read_every_plan(m);
	return 0;
}
