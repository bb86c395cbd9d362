/* fuzz_date.c - the date and fiscal-year parser (fy_parse): any bytes, as
 * UTF-8, CP932 or neither.  Checks: a result is a real date in a fiscal
 * year the library allows; every era label it makes reads back as the
 * same year; a failure has a valid message. */
#include <config.h>

#include "fiscal.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* fy's labels read back as fy. */
static void
round_trip(int fy)
{
	char label[FY_LABEL_MAX], s[16];
	twc_date d;
	twc_error e;
	int back = 0;

	fy_label(fy, label, sizeof label);
	FUZZ_CHECK(fy_parse("x", label, &back, &d, &e) == TWC_OK);
	FUZZ_CHECK(back == fy && d.day == 0);
	fy_short(fy, s, sizeof s);
	FUZZ_CHECK(fy_parse("x", s, &back, &d, &e) == TWC_OK && back == fy);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[256];
	twc_date d = {0, 0, 0};
	twc_error e;
	int fy = 0, rc;

	if (size >= sizeof text)
		size = sizeof text - 1;
	memcpy(text, data, size);
	text[size] = '\0';
	err_clear(&e);
	rc = fy_parse("start", text, &fy, &d, &e);
	if (rc != TWC_OK) {
		FUZZ_CHECK(rc == TWC_EVALUE || rc == TWC_ERANGE);
		FUZZ_CHECK(strncmp(e.msg, "start: ", 7) == 0);
		check_message(e.msg);
		return 0;
	}
	FUZZ_CHECK(fy >= FY_MIN && fy <= FY_MAX);
	if (d.day != 0) {
		FUZZ_CHECK(date_valid(d.year, d.month, d.day));
		FUZZ_CHECK(date_fy(d) == fy);
	}
	round_trip(fy);
	return 0;
}
