/* fuzz_api.c - a byte-coded sequence of calls to every exported function
 * on two handles, as a spreadsheet macro might make them in any order:
 * open, close, set, reset, results, text into buffers of every length,
 * simulate, break-even, quick, check, the bundled profiles.
 * Checks: no call on a NULL or closed-and-reopened handle crashes; a
 * _buf call never writes past len bytes (the buffers are exactly len
 * bytes, so ASan sees one byte more), always ends the text with a NUL
 * and returns the whole length; texts and messages are valid UTF-8. */
#include <config.h>

#include <math.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const profiles[] = {"",
                                       "bundled:default.cfg",
                                       "village-45.cfg",
                                       "city-1200.cfg",
                                       "prefecture-2400.cfg",
                                       "bundled:nothing",
                                       "grant-telework.cfg",
                                       NULL};

static const char *const keys[] = {"staff",
                                   "home",
                                   "satellite",
                                   "mobile",
                                   "home_days",
                                   "satellite_days",
                                   "mobile_days",
                                   "satellite_sites",
                                   "peak",
                                   "lent_share",
                                   "fiscal_index",
                                   "years",
                                   "start",
                                   "recipient",
                                   "grant_override",
                                   "sensitive_data",
                                   "kind",
                                   "name",
                                   "jlis_free_until",
                                   "jlis_fee_yen",
                                   "work_segment",
                                   "home_segment",
                                   NULL};

static const char *const plans[] = {
    "jlis-lgwan", "vdi-own", "secure-browser", "rdp-office", "lgwan-remote",
    "",           NULL};

static const char *const fields[] = {"total_yen",
                                     "grant_yen",
                                     "net_yen",
                                     "eligible_yen",
                                     "effective_rate",
                                     "initial_yen",
                                     "fy:2026:net_yen",
                                     "year:0:cost_yen",
                                     "year:4:label",
                                     "item:0:total_yen",
                                     "item:3:id",
                                     "item:0:label",
                                     "warning:0",
                                     "plan:0",
                                     "plan:9",
                                     "option:1",
                                     "name",
                                     "start_label",
                                     "category:0:label",
                                     "input:0:dist",
                                     "sim:net_yen:p50",
                                     "sim:prob_cheapest",
                                     "sim:cdf:50",
                                     "sim:hist:3",
                                     "tornado:0:input",
                                     "breakeven:found",
                                     "breakeven:below_net_a_yen",
                                     "users:home",
                                     "concurrent:mobile",
                                     "m",
                                     "security_fit",
                                     "label",
                                     "catalog",
                                     NULL};

static const char *const counts[] = {"plans",      "years",   "warnings",
                                     "items",      "options", "inputs",
                                     "categories", "notes",   NULL};

static const char *const overs[] = {"staff", "home", "years", "x", NULL};

/* Text into a buffer of exactly len bytes (NULL when len is 0): the
 * result is the whole length, the buffer holds a NUL-terminated prefix. */
static void
check_buf(int rc, const char *whole, const char *buf, int len)
{
	if (rc < 0)
		return;
	if (whole != NULL)
		FUZZ_CHECK(rc == (int)strlen(whole));
	if (len > 0) {
		FUZZ_CHECK(memchr(buf, '\0', (size_t)len) != NULL);
		FUZZ_CHECK(utf8_valid(buf));
		if (whole != NULL)
			FUZZ_CHECK(strncmp(buf, whole, strlen(buf)) == 0);
	}
}

static char *
new_buf(int len)
{
	return len > 0 ? malloc((size_t)len) : NULL;
}

typedef struct state {
	twc_model *h[2];
	bytes b;
	char s1[96], s2[96], s3[96];
} state;

static void
call_text(state *st, twc_model *m)
{
	const char *plan = take_name(&st->b, plans, st->s1, sizeof st->s1);
	const char *field = take_name(&st->b, fields, st->s2, sizeof st->s2);
	int len = (int)take_byte(&st->b) - 8; /* -8 to 247 */
	const char *whole = twc_text(m, plan[0] ? plan : NULL, field);
	char *copy = whole ? strdup(whole) : NULL, *buf = new_buf(len);
	int rc = twc_text_buf(m, plan[0] ? plan : NULL, field, buf, len);

	if (whole != NULL)
		FUZZ_CHECK(utf8_valid(whole));
	check_buf(rc, copy, buf, len);
	free(buf);
	free(copy);
}

static void
call_error_buf(state *st, twc_model *m)
{
	int len = (int)take_byte(&st->b) - 8;
	char *copy = strdup(twc_last_error(m)), *buf = new_buf(len);

	check_message(copy);
	check_buf(twc_last_error_buf(m, buf, len), copy, buf, len);
	free(buf);
	free(copy);
}

static void
call_bundled(state *st)
{
	int index = (int)take_byte(&st->b) - 4;
	int len = (int)take_byte(&st->b) - 8;
	const char *field = take_name(
	    &st->b, (const char *const[]){"name", "kind", "title", "x", NULL},
	    st->s1, sizeof st->s1);
	const char *whole = twc_bundled(index, field);
	char *buf = new_buf(len);

	check_buf(twc_bundled_buf(index, field, buf, len), whole, buf, len);
	free(buf);
	if (whole != NULL)
		FUZZ_CHECK(twc_bundled_text(whole) != NULL ||
		           strcmp(field, "name") != 0);
}

static void
call_open(state *st, int k)
{
	const char *path = profiles[take_byte(&st->b) % 7];
	char err[256];

	twc_close(st->h[k]);
	st->h[k] = NULL;
	if (twc_open_buf(path, &st->h[k], err,
	                 take_byte(&st->b) % 2 ? (int)sizeof err : 0) != TWC_OK)
		FUZZ_CHECK(st->h[k] == NULL);
}

static void
call_inputs(state *st, twc_model *m, unsigned op)
{
	const char *key = take_name(&st->b, keys, st->s1, sizeof st->s1);
	unsigned short u16[40];
	unsigned k;

	if (op == 2) {
		(void)!twc_set(m, key, take_double(&st->b));
	} else if (op == 3) {
		(void)!twc_set_text(m, key,
		                    take_text(&st->b, st->s2, sizeof st->s2));
	} else if (op == 4) {
		for (k = 0; k + 1 < 40 && st->b.n >= 2; k++)
			if ((u16[k] =
			         (unsigned short)(take_byte(&st->b) |
			                          take_byte(&st->b) << 8)) == 0)
				break;
		u16[k] = 0;
		(void)!twc_set_text_utf16(m, key, u16);
	} else {
		(void)twc_get(m, key);
	}
}

static void
call_results(state *st, twc_model *m, unsigned op)
{
	const char *plan = take_name(&st->b, plans, st->s1, sizeof st->s1);
	const char *p = plan[0] ? plan : NULL;
	long long yen;

	if (op == 7)
		(void)twc_count(
		    m, p, take_name(&st->b, counts, st->s2, sizeof st->s2));
	else if (op == 8)
		(void)twc_result(
		    m, p, take_name(&st->b, fields, st->s2, sizeof st->s2));
	else
		(void)!twc_result_yen(
		    m, p, take_name(&st->b, fields, st->s2, sizeof st->s2),
		    &yen);
}

static void
call_heavy(state *st, twc_model *m, unsigned op)
{
	if (op == 13) {
		int draws = (int)take_byte(&st->b) - 10; /* -10 to 245 */
		double seed = take_byte(&st->b) == 255 ? take_double(&st->b)
		                                       : take_byte(&st->b);
		(void)!twc_simulate(m, draws, seed, (int)take_byte(&st->b) % 3);
		(void)twc_progress(m);
	} else {
		const char *a = take_name(&st->b, plans, st->s1, sizeof st->s1);
		const char *b = take_name(&st->b, plans, st->s2, sizeof st->s2);
		const char *over =
		    take_name(&st->b, overs, st->s3, sizeof st->s3);
		double lo = take_double(&st->b), hi = take_double(&st->b);
		/* Ranges are searched step by step over whole numbers: keep
		 * them short so that one input stays quick. */
		if (isfinite(lo) && isfinite(hi) && fabs(hi - lo) > 50)
			hi = lo + fmod(hi - lo, 50);
		(void)twc_breakeven(m, a, b, over, lo, hi);
	}
}

/* twc_read_number on any text, range and flags: a number it gives is in
 * the range (and whole when asked); a refusal says why. */
static void
read_number(state *st, char *err, int n)
{
	double lo = take_double(&st->b), hi = take_double(&st->b), v = NAN;
	int flags = (int)take_byte(&st->b);
	const char *text = take_text(&st->b, st->s2, sizeof st->s2);

	if (twc_read_number(text, lo, hi, flags, &v, err, n) != TWC_OK) {
		check_message(err);
		FUZZ_CHECK(err[0] != '\0');
		return;
	}
	FUZZ_CHECK(v >= lo && v <= hi);
	FUZZ_CHECK(!(flags & TWC_NUMBER_WHOLE) || v == floor(v));
}

static void
call_global(state *st, unsigned op)
{
	char err[128];

	if (op == 15) {
		double v[5];
		int i;
		for (i = 0; i < 5; i++)
			v[i] =
			    take_byte(&st->b) == 0 ? NAN : take_double(&st->b);
		(void)twc_quick(
		    take_name(&st->b, plans, st->s1, sizeof st->s1),
		    take_name(&st->b, fields, st->s2, sizeof st->s2), v[0],
		    v[1], v[2], v[3], take_text(&st->b, st->s3, sizeof st->s3),
		    v[4]);
	} else if (op == 16) {
		if (twc_check(profiles[take_byte(&st->b) % 7], err,
		              sizeof err) != TWC_OK)
			check_message(err);
	} else if (op == 17) {
		call_bundled(st);
	} else {
		int fy =
		    twc_fiscal_year(take_text(&st->b, st->s1, sizeof st->s1));
		FUZZ_CHECK(fy < 0 || (fy >= 1989 && fy <= 2100));
		FUZZ_CHECK(twc_strerror((int)take_byte(&st->b) - 128) != NULL);
		FUZZ_CHECK(twc_version() != NULL);
		read_number(st, err, sizeof err);
	}
}

/* One call: the opcode (mod 19) chooses the function, its high bit the
 * handle (which may be NULL). */
static void
one_call(state *st)
{
	unsigned c = take_byte(&st->b), op = c % 19;
	int k = (int)(c >> 7);
	twc_model *m = st->h[k];

	switch (op) {
	case 0: call_open(st, k); break;
	case 1:
		twc_close(st->h[k]);
		st->h[k] = NULL;
		break;
	case 2:
	case 3:
	case 4:
	case 6: call_inputs(st, m, op); break;
	case 5: (void)!twc_reset(m); break;
	case 7:
	case 8:
	case 9: call_results(st, m, op); break;
	case 10: call_text(st, m); break;
	case 11: call_error_buf(st, m); break;
	case 12: call_heavy(st, m, 13); break; /* simulate */
	case 13: call_heavy(st, m, 14); break; /* break-even */
	case 14: call_global(st, 15); break;   /* quick */
	case 15: call_global(st, 16); break;   /* check */
	case 16: call_global(st, 17); break;   /* bundled */
	case 17: call_global(st, 18); break;   /* strerror, version */
	default: (void)twc_progress(m); break;
	}
	check_message(twc_last_error(st->h[k]));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	state st;
	int calls = 0;

	memset(&st, 0, sizeof st);
	st.b.p = data;
	st.b.n = size;
	while (st.b.n > 0 && calls++ < 64)
		one_call(&st);
	twc_close(st.h[0]);
	twc_close(st.h[1]);
	return 0;
}
