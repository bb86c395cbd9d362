/* fuzz_date.c - the date and fiscal-year parser (fy_read): any bytes, as
 * UTF-8, CP932 or neither, in any of its forms (2025-10-01, R7.10.1,
 * 令和7年10月, 2025年10月1日, FY2025, 2025, full-width...).  Checks: a
 * result is a real date (when its form is a date; none otherwise) in a
 * fiscal year the library allows; every era label it makes reads back as
 * the same year; a failure has a valid message that lists the forms. */
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
	fy_reading r;
	twc_error e;
	int rc;

	if (size >= sizeof text)
		size = sizeof text - 1;
	memcpy(text, data, size);
	text[size] = '\0';
	err_clear(&e);
	rc = fy_read("start", text, &r, &e);
	if (rc != TWC_OK) {
		FUZZ_CHECK(rc == TWC_EVALUE || rc == TWC_ERANGE);
		FUZZ_CHECK(strncmp(e.msg, "start: ", 7) == 0);
		FUZZ_CHECK(strstr(e.msg, "; write a date as ") != NULL);
		check_message(e.msg);
		check_message(e.msg_ja);
		return 0;
	}
	FUZZ_CHECK(r.fy >= FY_MIN && r.fy <= FY_MAX);
	if (r.form == FY_FORM_DATE) {
		FUZZ_CHECK(date_valid(r.date.year, r.date.month, r.date.day));
		FUZZ_CHECK(date_fy(r.date) == r.fy);
	} else {
		FUZZ_CHECK(r.form == FY_FORM_FY || r.form == FY_FORM_BARE);
		FUZZ_CHECK(r.date.day == 0);
	}
	round_trip(r.fy);
	return 0;
}
