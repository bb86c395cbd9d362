/* phasing.c - rollout schedules, go-live, other funding and readings as
 * text, and their checks against the horizon. */
#include <config.h>

#include "phasing.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

const char *const funding_sources[FUND_COUNT + 1] = {"national", "prefectural",
                                                     "bond", "other", NULL};

/* The longest text of a list these parsers take. */
#define LIST_MAX 2048

/* A copy of text in buf to cut into pieces, or an error naming key. */
static int
copy_list(const char *key, const char *text, char *buf, twc_error *e)
{
	if (strlen(text) >= LIST_MAX)
		return err_set(e, TWC_EVALUE, "%s: longer than %d bytes", key,
		               LIST_MAX - 1);
	strcpy(buf, text);
	return TWC_OK;
}

/* A share written as 0.3 or 30% (number.h), in [0, 1]; -1 when it is not
 * one. */
static double
share_of(const char *s)
{
	double v;

	if (num_read(s, NUM_SHARE, &v, NULL, 0, NULL) != TWC_OK)
		return -1;
	return v >= 0 && v <= 1 ? v : -1;
}

static int
rollout_point(const char *key, char *point, rollout *r, twc_error *e)
{
	char *eq = strchr(point, '='), v[ECHO_MAX];
	twc_date d;
	double f;
	int fy, rc;

	if (eq == NULL)
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' is not YEAR=SHARE (R7=0.3)", key,
		               text_echo(point, v, sizeof v));
	*eq = '\0';
	if ((rc = fy_parse(key, point, &fy, &d, e)))
		return rc;
	if ((f = share_of(eq + 1)) < 0)
		return err_set(e, TWC_ERANGE,
		               "%s: '%s' is not a share from 0 to 1 (0.3 or "
		               "30%%)",
		               key, text_echo(eq + 1, v, sizeof v));
	if (r->n > 0 && fy <= r->fy[r->n - 1])
		return err_set(e, TWC_EVALUE,
		               "%s: the years must rise (FY%d after FY%d)", key,
		               fy, r->fy[r->n - 1]);
	if (r->n > 0 && f < r->fraction[r->n - 1])
		return err_set(e, TWC_ERANGE,
		               "%s: the share falls from %g to %g in FY%d: a "
		               "rollout reaches more staff each year, never "
		               "fewer",
		               key, r->fraction[r->n - 1], f, fy);
	if (r->n >= ROLLOUT_MAX)
		return err_set(e, TWC_ERANGE, "%s: at most %d years", key,
		               ROLLOUT_MAX);
	r->fy[r->n] = fy;
	r->fraction[r->n++] = f;
	return TWC_OK;
}

int
rollout_parse(const char *key, const char *text, rollout *out, twc_error *e)
{
	char buf[LIST_MAX], *save = NULL, *tok;
	rollout r = {0};
	int rc;

	if ((rc = copy_list(key, text, buf, e)))
		return rc;
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save))
		if ((rc = rollout_point(key, tok, &r, e)))
			return rc;
	if (r.n > 0 && r.fraction[r.n - 1] != 1)
		return err_set(
		    e, TWC_ERANGE,
		    "%s: the last share is %g, not 1: a rollout ends "
		    "with everyone the scenario enrols",
		    key, r.fraction[r.n - 1]);
	*out = r;
	return TWC_OK;
}

int
funding_entry(const char *source, const char *fy, double yen, double share,
              funding *out, twc_error *e)
{
	char v[ECHO_MAX];
	twc_date d;
	int rc;

	memset(out, 0, sizeof *out);
	if ((out->source = name_index(source, funding_sources)) < 0)
		return err_set(e, TWC_EVALUE,
		               "funding: '%s' is not national, prefectural, "
		               "bond or other",
		               text_echo(source, v, sizeof v));
	if ((rc = fy_parse("funding", fy, &out->fy, &d, e)))
		return rc;
	if (share > 0) {
		if (share > 1)
			return err_set(e, TWC_ERANGE,
			               "funding: a share of %g is more than 1",
			               share);
		out->share = share;
		return TWC_OK;
	}
	if (!(yen >= 0 && yen <= (double)TWC_YEN_MAX) || yen != floor(yen))
		return err_set(e, TWC_ERANGE,
		               "funding: ¥%.0f is not a whole number of yen "
		               "from 0 to 10 trillion",
		               yen);
	out->yen = (long long)yen;
	return TWC_OK;
}

/* An amount: yen (1000000 or 1,000,000; number.h), or a share (90% or
 * 0.9). */
static int
amount_of(const char *s, double *yen, double *share)
{
	char shown[NUM_SHOWN_MAX];
	double v;

	*yen = *share = 0;
	if (num_read(s, NUM_SHARE, &v, shown, sizeof shown, NULL) != TWC_OK)
		return TWC_EVALUE;
	if (strpbrk(shown, "%.") == NULL) {
		*yen = v;
		return TWC_OK;
	}
	*share = v;
	return v > 0 && v <= 1 ? TWC_OK : TWC_EVALUE;
}

static int
funding_item(char *entry, funding *out, twc_error *e)
{
	char *fy = strchr(entry, ':'), *amount, v[ECHO_MAX];
	double yen, share;

	amount = fy ? strchr(fy + 1, ':') : NULL;
	if (amount == NULL)
		return err_set(e, TWC_EVALUE,
		               "funding: '%s' is not SOURCE:YEAR:AMOUNT "
		               "(prefectural:R7:1000000 or bond:R9:90%%)",
		               text_echo(entry, v, sizeof v));
	*fy++ = '\0';
	*amount++ = '\0';
	if (amount_of(amount, &yen, &share))
		return err_set(e, TWC_EVALUE,
		               "funding: '%s' is not yen (1000000) or a "
		               "share (90%%)",
		               text_echo(amount, v, sizeof v));
	return funding_entry(entry, fy, yen, share, out, e);
}

int
funding_parse(const char *text, funding *out, int *n, twc_error *e)
{
	char buf[LIST_MAX], *save = NULL, *tok;
	funding list[FUNDING_MAX];
	int count = 0, rc;

	if ((rc = copy_list("funding", text, buf, e)))
		return rc;
	for (tok = strtok_r(buf, ";", &save); tok != NULL;
	     tok = strtok_r(NULL, ";", &save)) {
		if (count >= FUNDING_MAX)
			return err_set(e, TWC_ERANGE,
			               "funding: at most %d entries",
			               FUNDING_MAX);
		if ((rc = funding_item(tok, &list[count++], e)))
			return rc;
	}
	memcpy(out, list, sizeof *list * (size_t)count);
	*n = count;
	return TWC_OK;
}

int
reading_parse(const char *key, const char *text, int *out, twc_error *e)
{
	static const char *const later[] = {"not_covered", "covered", "rule",
	                                    NULL};
	static const char *const lease[] = {"not_eligible", "eligible", "rule",
	                                    NULL};
	int is_later = strcmp(key, "later_initial_spending") == 0;
	const char *const *names = is_later ? later : lease;
	const char *near;
	char shown[ECHO_MAX];
	int v = name_index(text, names);

	if (v == 2) /* rule */
		v = -1;
	else if (v < 0) {
		near = utf8_valid(text) ? nearest_word(text, names, 3) : NULL;
		if (near != NULL)
			return err_set(e, TWC_EVALUE,
			               "%s: '%s' is not %s or rule (did you "
			               "mean '%s'?)",
			               key, text_echo(text, shown, sizeof shown),
			               is_later ? "covered, not_covered"
			                        : "eligible, not_eligible",
			               near);
		return err_set(e, TWC_EVALUE, "%s: '%s' is not %s or rule", key,
		               text_value(text, shown, sizeof shown),
		               is_later ? "covered, not_covered"
		                        : "eligible, not_eligible");
	}
	*out = v;
	return TWC_OK;
}

/* ---- checks ------------------------------------------------------------- */

static int
inside(const scenario *sc, int fy)
{
	return fy >= sc->start_fy && fy < sc->start_fy + sc->years;
}

static int
check_rollout(const scenario *sc, int st, twc_error *e)
{
	const rollout *r = &sc->roll[st];
	int i;

	for (i = 0; i < r->n; i++)
		if (!inside(sc, r->fy[i]))
			return err_set(
			    e, TWC_ERANGE,
			    "%s rollout: FY%d is outside the horizon "
			    "(FY%d to FY%d)",
			    style_name(st), r->fy[i], sc->start_fy,
			    sc->start_fy + sc->years - 1);
	return TWC_OK;
}

static int
check_go_live(const scenario *sc, twc_error *e)
{
	const twc_date *g = &sc->go_live, *s = &sc->start_date;
	int before = s->day > 0 ? g->year * 10000 + g->month * 100 + g->day <
	                              s->year * 10000 + s->month * 100 + s->day
	                        : date_fy(*g) < sc->start_fy;

	if (g->day == 0)
		return TWC_OK;
	if (before)
		return err_set(e, TWC_ERANGE,
		               "go_live: %04d-%02d-%02d is before the start of "
		               "introduction",
		               g->year, g->month, g->day);
	if (!inside(sc, date_fy(*g)))
		return err_set(e, TWC_ERANGE,
		               "go_live: %04d-%02d-%02d (FY%d) is outside the "
		               "horizon (FY%d to FY%d)",
		               g->year, g->month, g->day, date_fy(*g),
		               sc->start_fy, sc->start_fy + sc->years - 1);
	return TWC_OK;
}

int
phasing_check(const scenario *sc, twc_error *e)
{
	int st, i, rc;

	for (st = 0; st < STYLE_COUNT; st++)
		if ((rc = check_rollout(sc, st, e)))
			return rc;
	if ((rc = check_go_live(sc, e)))
		return rc;
	for (i = 0; i < sc->n_funds; i++)
		if (!inside(sc, sc->funds[i].fy))
			return err_set(e, TWC_ERANGE,
			               "funding: FY%d is outside the horizon "
			               "(FY%d to FY%d)",
			               sc->funds[i].fy, sc->start_fy,
			               sc->start_fy + sc->years - 1);
	return TWC_OK;
}

void
rollout_text(const rollout *r, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < r->n && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%sFY%d=%g",
		                        i ? "," : "", r->fy[i], r->fraction[i]);
}

void
funding_text(const funding *f, int n, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		if (f[i].share > 0)
			len += (size_t)snprintf(buf + len, size - len,
			                        "%s%s:FY%d:%g%%", i ? ";" : "",
			                        funding_sources[f[i].source],
			                        f[i].fy, f[i].share * 100);
		else
			len += (size_t)snprintf(buf + len, size - len,
			                        "%s%s:FY%d:%lld", i ? ";" : "",
			                        funding_sources[f[i].source],
			                        f[i].fy, f[i].yen);
	}
}
