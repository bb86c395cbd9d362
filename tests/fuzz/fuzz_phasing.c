/* fuzz_phasing.c - the small parsers of text inputs: numbers as people
 * write them (num_read, num_within: 1,200, ３０%, 0x50...), a rollout
 * ("R7=0.3,R9=1"), other funding ("prefectural:R9:1,000,000;bond:R9:90%")
 * and a grant reading (covered, not_covered...).  The first byte picks
 * the parser, the rest is its text.  Checks: a refusal has its documented
 * status and valid messages in both languages; an accepted number is
 * finite (a share within 0 to 1 once num_within accepts it); an accepted
 * rollout rises to 1 in known fiscal years and its text reads back as
 * itself; accepted funding has known sources and fiscal years, amounts
 * that are not negative, and its text reads back as itself. */
#include <config.h>

#include <math.h>

#include "fiscal.h"
#include "fuzz.h"
#include "number.h"
#include "phasing.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_refusal(int rc, const twc_error *e)
{
	FUZZ_CHECK(rc == TWC_EVALUE || rc == TWC_ERANGE);
	FUZZ_CHECK(e->msg[0] != '\0');
	check_message(e->msg);
	check_message(e->msg_ja);
}

static void
fuzz_number(unsigned flags, const char *text)
{
	char shown[NUM_SHOWN_MAX];
	twc_error e;
	double v = 0;
	int rc;

	err_clear(&e);
	rc = num_read(text, (int)flags, &v, shown, sizeof shown, &e);
	if (rc != TWC_OK) {
		check_refusal(rc, &e);
		return;
	}
	check_message(shown);
	rc = num_within(v, shown, 0, 1e6, (int)flags, &e);
	if (rc != TWC_OK) {
		check_refusal(rc, &e);
		return;
	}
	FUZZ_CHECK(isfinite(v) && v >= 0 && v <= 1e6);
	if (flags & NUM_WHOLE)
		FUZZ_CHECK(v == floor(v));
}

static void
fuzz_rollout(const char *text)
{
	char back[512], again[512];
	rollout r, r2;
	twc_error e;
	int rc, i;

	err_clear(&e);
	rc = rollout_parse("rollout", text, &r, &e);
	if (rc != TWC_OK) {
		check_refusal(rc, &e);
		return;
	}
	FUZZ_CHECK(r.n >= 0 && r.n <= ROLLOUT_MAX);
	for (i = 0; i < r.n; i++) {
		FUZZ_CHECK(r.fy[i] >= FY_MIN && r.fy[i] <= FY_MAX);
		FUZZ_CHECK(r.fraction[i] >= 0 && r.fraction[i] <= 1);
		if (i > 0)
			FUZZ_CHECK(r.fy[i] > r.fy[i - 1] &&
			           r.fraction[i] >= r.fraction[i - 1]);
	}
	if (r.n > 0)
		FUZZ_CHECK(r.fraction[r.n - 1] == 1);
	rollout_text(&r, back, sizeof back);
	FUZZ_CHECK(rollout_parse("rollout", back, &r2, &e) == TWC_OK);
	rollout_text(&r2, again, sizeof again);
	FUZZ_CHECK(strcmp(back, again) == 0 && r2.n == r.n);
}

static void
fuzz_funding(const char *text)
{
	char back[2048], again[2048];
	funding f[FUNDING_MAX], f2[FUNDING_MAX];
	twc_error e;
	int n = 0, n2 = 0, rc, i;

	err_clear(&e);
	rc = funding_parse(text, f, &n, &e);
	if (rc != TWC_OK) {
		check_refusal(rc, &e);
		return;
	}
	FUZZ_CHECK(n >= 0 && n <= FUNDING_MAX);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(f[i].source >= 0 && f[i].source < FUND_COUNT);
		FUZZ_CHECK(f[i].fy >= FY_MIN && f[i].fy <= FY_MAX);
		FUZZ_CHECK(f[i].yen >= 0 && f[i].share >= 0 && f[i].share <= 1);
	}
	funding_text(f, n, back, sizeof back);
	FUZZ_CHECK(funding_parse(back, f2, &n2, &e) == TWC_OK);
	funding_text(f2, n2, again, sizeof again);
	FUZZ_CHECK(strcmp(back, again) == 0 && n2 == n);
}

static void
fuzz_reading(unsigned which, const char *text)
{
	static const char *const keys[] = {"later_initial_spending",
	                                   "lease_payments"};
	twc_error e;
	int out = 0, rc;

	err_clear(&e);
	rc = reading_parse(keys[which & 1], text, &out, &e);
	if (rc != TWC_OK)
		check_refusal(rc, &e);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char text[1024];
	unsigned pick;

	if (size < 1 || size > sizeof text)
		return 0;
	pick = data[0];
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	switch (pick % 4) {
	case 0: fuzz_number((pick >> 2) & 7, text); break;
	case 1: fuzz_rollout(text); break;
	case 2: fuzz_funding(text); break;
	default: fuzz_reading(pick >> 2, text); break;
	}
	return 0;
}
