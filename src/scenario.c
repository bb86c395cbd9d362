/* scenario.c - scenario inputs by key, with their allowed ranges. */
#include <config.h>

#include "scenario.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "phasing.h"

enum key_id {
	K_STAFF,
	K_HOME,
	K_SATELLITE,
	K_MOBILE,
	K_HOME_DAYS,
	K_SATELLITE_DAYS,
	K_MOBILE_DAYS,
	K_SATELLITE_SITES,
	K_SATELLITE_REUSE,
	K_PEAK,
	K_LENT_SHARE,
	K_OFFICE_PC_SHARE,
	K_FISCAL_INDEX,
	K_YEARS,
	K_START,
	K_RECIPIENT,
	K_GRANT_OVERRIDE,
	K_SENSITIVE,
	K_TRIAL_UNTIL,
	K_AFTER_TRIAL,
	K_COUNT
};

/* Each numeric key with its range; whole keys take whole numbers only;
 * fiscal-year keys also take a fiscal year in any form as text (and, for
 * a last free year, "never"); shares (0 to 1) also take 30% as text. */
enum { WHOLE = 1, FISCAL_YEAR = 2, OR_NEVER = 4, SHARE = 8 };

static const struct {
	double lo, hi;
	int flags;
} limits[K_COUNT] = {
    [K_STAFF] = {1, STAFF_MAX, WHOLE},
    [K_HOME] = {0, 1, SHARE},
    [K_SATELLITE] = {0, 1, SHARE},
    [K_MOBILE] = {0, 1, SHARE},
    [K_HOME_DAYS] = {0, 5, 0},
    [K_SATELLITE_DAYS] = {0, 5, 0},
    [K_MOBILE_DAYS] = {0, 5, 0},
    [K_SATELLITE_SITES] = {0, 1000, WHOLE},
    [K_SATELLITE_REUSE] = {0, 1000, WHOLE},
    [K_PEAK] = {1, 3, 0},
    [K_LENT_SHARE] = {0, 1, SHARE},
    [K_OFFICE_PC_SHARE] = {0, 1, SHARE},
    [K_FISCAL_INDEX] = {0, 5, 0},
    [K_YEARS] = {1, 30, WHOLE},
    [K_START] = {FY_MIN, FY_MAX, WHOLE | FISCAL_YEAR},
    [K_RECIPIENT] = {0, 1, WHOLE},
    [K_GRANT_OVERRIDE] = {0, 1, WHOLE},
    [K_SENSITIVE] = {0, 1, WHOLE},
    [K_TRIAL_UNTIL] = {FY_MIN, FY_NEVER, WHOLE | FISCAL_YEAR | OR_NEVER},
    [K_AFTER_TRIAL] = {0, 10000000, WHOLE},
};

const char *const scenario_keys[K_COUNT + 1] = {
    [K_STAFF] = "staff",
    [K_HOME] = "home",
    [K_SATELLITE] = "satellite",
    [K_MOBILE] = "mobile",
    [K_HOME_DAYS] = "home_days",
    [K_SATELLITE_DAYS] = "satellite_days",
    [K_MOBILE_DAYS] = "mobile_days",
    [K_SATELLITE_SITES] = "satellite_sites",
    [K_SATELLITE_REUSE] = "satellite_reuse",
    [K_PEAK] = "peak",
    [K_LENT_SHARE] = "lent_share",
    [K_OFFICE_PC_SHARE] = "office_pc_share",
    [K_FISCAL_INDEX] = "fiscal_index",
    [K_YEARS] = "years",
    [K_START] = "start",
    [K_RECIPIENT] = "recipient",
    [K_GRANT_OVERRIDE] = "grant_override",
    [K_SENSITIVE] = "sensitive_data",
    [K_TRIAL_UNTIL] = "jlis_free_until",
    [K_AFTER_TRIAL] = "jlis_fee_yen",
    [K_COUNT] = NULL,
};

/* Text-only keys, for "did you mean" suggestions. */
static const char *const text_keys[] = {"kind",           "sizing",
                                        "name",           "work_segment",
                                        "home_segment",   "satellite_segment",
                                        "mobile_segment", NULL};

/* Text keys of a phased introduction, its funding and the readings. */
static const char *const phasing_keys[] = {
    "rollout", "home_rollout", "satellite_rollout",      "mobile_rollout",
    "go_live", "funding",      "later_initial_spending", "lease_payments",
    NULL};

static int
key_index(const char *key)
{
	return name_index(key, scenario_keys);
}

static int
unknown_key(const char *key, twc_error *e)
{
	const char *all[K_COUNT + 16];
	const char *near;
	char v[ECHO_MAX];
	int i, n = 0;

	if (key == NULL)
		return err_set(e, TWC_EINVAL, "no key given");
	for (i = 0; i < K_COUNT; i++)
		all[n++] = scenario_keys[i];
	for (i = 0; text_keys[i] != NULL; i++)
		all[n++] = text_keys[i];
	for (i = 0; phasing_keys[i] != NULL; i++)
		all[n++] = phasing_keys[i];
	near = utf8_valid(key) ? nearest_word(key, all, n) : NULL;
	if (near != NULL)
		return err_set(e, TWC_EKEY,
		               "unknown key '%s' (did you mean '%s'?)",
		               text_value(key, v, sizeof v), near);
	return err_set(e, TWC_EKEY, "unknown key '%s'",
	               text_value(key, v, sizeof v));
}

/* The number rules of key k (number.h). */
static int
num_flags(int k)
{
	return ((limits[k].flags & WHOLE) ? NUM_WHOLE : 0) |
	       ((limits[k].flags & SHARE) ? NUM_SHARE : 0);
}

/* Refuse value for key: not one of names (NULL-terminated), with the one
 * the user may have meant. */
static int
not_one_of(const char *key, const char *value, const char *const *names,
           twc_error *e)
{
	char v[ECHO_MAX], list[160];
	const char *near;
	size_t len = 0;
	int n;

	list[0] = '\0';
	for (n = 0; names[n] != NULL && len < sizeof list; n++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		                        n ? ", " : "", names[n]);
	near = utf8_valid(value) ? nearest_word(value, names, n) : NULL;
	text_value(value, v, sizeof v);
	if (near != NULL)
		return err_set(e, TWC_EVALUE,
		               "%s: '%s' is not one of %s (did you mean '%s'?)",
		               key, v, list, near);
	return err_set(e, TWC_EVALUE, "%s: '%s' is not one of %s", key, v,
	               list);
}

/* Why v (written as text) is not allowed for key k, in e: TWC_ERANGE; or
 * TWC_OK. */
static int
why_not(int k, double v, const char *text, twc_error *e)
{
	return num_within(v, text, limits[k].lo, limits[k].hi, num_flags(k), e);
}

int
scenario_why_not(const char *key, double v, twc_error *why)
{
	char x[NUM_MAX];
	int k = key_index(key);

	if (k < 0)
		return unknown_key(key, why);
	return why_not(k, v, fmt_num(v, x, sizeof x), why);
}

/* "key: " and why. */
static int
refuse(const char *key, const twc_error *why, twc_error *e)
{
	char prefix[80];

	snprintf(prefix, sizeof prefix, "%s: ", key);
	return err_relay(e, why->status, prefix, why);
}

int
scenario_whole(const char *key)
{
	int k = key_index(key);

	return k >= 0 && (limits[k].flags & WHOLE);
}

int
scenario_range(const char *key, double *lo, double *hi)
{
	int k = key_index(key);

	if (k < 0)
		return TWC_EKEY;
	*lo = limits[k].lo;
	*hi = limits[k].hi;
	return TWC_OK;
}

static void
store(scenario *sc, int k, double v)
{
	switch (k) {
	case K_STAFF: sc->staff = (long long)v; break;
	case K_HOME: sc->style[STYLE_HOME].share = v; break;
	case K_SATELLITE: sc->style[STYLE_SATELLITE].share = v; break;
	case K_MOBILE: sc->style[STYLE_MOBILE].share = v; break;
	case K_HOME_DAYS: sc->style[STYLE_HOME].days = v; break;
	case K_SATELLITE_DAYS: sc->style[STYLE_SATELLITE].days = v; break;
	case K_MOBILE_DAYS: sc->style[STYLE_MOBILE].days = v; break;
	case K_SATELLITE_SITES:
		sc->style[STYLE_SATELLITE].sites = (int)v;
		break;
	case K_SATELLITE_REUSE:
		sc->style[STYLE_SATELLITE].reuse = (int)v;
		break;
	case K_PEAK: sc->peak = v; break;
	case K_LENT_SHARE: sc->lent_share = v; break;
	case K_OFFICE_PC_SHARE: sc->office_pc_share = v; break;
	case K_FISCAL_INDEX: sc->fiscal_index = v; break;
	case K_YEARS: sc->years = (int)v; break;
	case K_START:
		sc->start_fy = (int)v;
		sc->start_date.year = sc->start_date.month =
		    sc->start_date.day = 0;
		sc->start_bare = 1; /* a number: a year alone */
		break;
	case K_RECIPIENT: sc->recipient = (int)v; break;
	case K_GRANT_OVERRIDE: sc->grant_override = (int)v; break;
	case K_SENSITIVE: sc->sensitive = (int)v; break;
	case K_TRIAL_UNTIL: sc->trial_until = (int)v; break;
	case K_AFTER_TRIAL: sc->after_trial_yen = (long long)v; break;
	}
}

/* scenario_set of the key of index k (one that exists). */
static int
set_at(scenario *sc, int k, double v, twc_error *e)
{
	char buf[NUM_MAX];
	twc_error why;

	if (!num_allowed(v, limits[k].lo, limits[k].hi, num_flags(k)) &&
	    why_not(k, v, fmt_num(v, buf, sizeof buf), &why) != TWC_OK)
		return refuse(scenario_keys[k], &why, e);
	store(sc, k, v);
	return TWC_OK;
}

int
scenario_set(scenario *sc, const char *key, double v, twc_error *e)
{
	int k = key_index(key);

	if (k < 0)
		return unknown_key(key, e);
	return set_at(sc, k, v, e);
}

int
scenario_key(const char *name)
{
	return key_index(name);
}

double
scenario_get(const scenario *sc, const char *key, twc_error *e)
{
	int k = key_index(key);

	if (k < 0) {
		unknown_key(key, e);
		return NAN;
	}
	return scenario_value(sc, k);
}

double
scenario_value(const scenario *sc, int k)
{
	switch (k) {
	case K_STAFF: return (double)sc->staff;
	case K_HOME: return sc->style[STYLE_HOME].share;
	case K_SATELLITE: return sc->style[STYLE_SATELLITE].share;
	case K_MOBILE: return sc->style[STYLE_MOBILE].share;
	case K_HOME_DAYS: return sc->style[STYLE_HOME].days;
	case K_SATELLITE_DAYS: return sc->style[STYLE_SATELLITE].days;
	case K_MOBILE_DAYS: return sc->style[STYLE_MOBILE].days;
	case K_SATELLITE_SITES: return sc->style[STYLE_SATELLITE].sites;
	case K_SATELLITE_REUSE: return sc->style[STYLE_SATELLITE].reuse;
	case K_PEAK: return sc->peak;
	case K_LENT_SHARE: return sc->lent_share;
	case K_OFFICE_PC_SHARE: return sc->office_pc_share;
	case K_FISCAL_INDEX: return sc->fiscal_index;
	case K_YEARS: return sc->years;
	case K_START: return sc->start_fy;
	case K_RECIPIENT: return sc->recipient;
	case K_GRANT_OVERRIDE: return sc->grant_override;
	case K_SENSITIVE: return sc->sensitive;
	case K_TRIAL_UNTIL: return sc->trial_until;
	case K_AFTER_TRIAL: return (double)sc->after_trial_yen;
	}
	return NAN;
}

/* The style a segment key names (STYLE_COUNT: work_segment, every style),
 * or -1 when key is no segment key. */
static int
segment_key(const char *key)
{
	int st;

	if (strcmp(key, "work_segment") == 0)
		return STYLE_COUNT;
	for (st = 0; st < STYLE_COUNT; st++)
		if (strncmp(key, style_name(st), strlen(style_name(st))) == 0 &&
		    strcmp(key + strlen(style_name(st)), "_segment") == 0)
			return st;
	return -1;
}

static int
set_segment(scenario *sc, const char *key, const char *value, twc_error *e)
{
	int seg = segment_of(value), which = segment_key(key), st;

	if (which < 0) /* before the value: a message echoes a known key */
		return unknown_key(key, e);
	if (seg < 0)
		return not_one_of(key, value, segment_names, e);
	for (st = 0; st < STYLE_COUNT; st++)
		if (which == STYLE_COUNT || which == st)
			sc->style[st].segment = seg;
	return TWC_OK;
}

/* A fiscal-year key from text: "FY2025", "R7", a date...  A date is kept
 * for start, whose day the messages show, and so is whether it was a
 * year alone (2025), which reports say was read as the fiscal year. */
static int
set_fiscal_year(scenario *sc, int k, const char *value, twc_error *e)
{
	fy_reading r;
	int rc;

	if ((limits[k].flags & OR_NEVER) && strcmp(value, "never") == 0) {
		store(sc, k, limits[k].hi);
		return TWC_OK;
	}
	rc = fy_read(scenario_keys[k], value, &r, e);
	if (rc != TWC_OK)
		return rc;
	if ((rc = set_at(sc, k, r.fy, e)) != TWC_OK)
		return rc;
	if (k == K_START) {
		sc->start_date = r.date;
		sc->start_bare = r.form == FY_FORM_BARE;
	}
	return TWC_OK;
}

/* A numeric key's value as text (number.h: 1,200, 30% for a share; not
 * 0x50 or 010): the message shows the text as the user wrote it ("1e12
 * is out of range", not 1000000000000). */
static int
set_number_text(scenario *sc, const char *key, const char *value, twc_error *e)
{
	char shown[NUM_SHOWN_MAX];
	int k = key_index(key), flags = num_flags(k) | NUM_TEXT;
	twc_error why;
	double v;

	if (num_read(value, flags, &v, shown, sizeof shown, &why) != TWC_OK ||
	    num_within(v, shown, limits[k].lo, limits[k].hi, flags, &why) !=
	        TWC_OK)
		return refuse(key, &why, e);
	return scenario_set(sc, key, v, e);
}

/* rollout (every style) or STYLE_rollout. */
static int
set_rollout(scenario *sc, const char *key, const char *value, twc_error *e)
{
	rollout r;
	int st, rc = rollout_parse(key, value, &r, e);

	if (rc != TWC_OK)
		return rc;
	for (st = 0; st < STYLE_COUNT; st++)
		if (strcmp(key, "rollout") == 0 ||
		    (strncmp(key, style_name(st), strlen(style_name(st))) ==
		         0 &&
		     strcmp(key + strlen(style_name(st)), "_rollout") == 0))
			sc->roll[st] = r;
	return TWC_OK;
}

static int
set_go_live(scenario *sc, const char *value, twc_error *e)
{
	twc_date d;
	int fy, rc;

	if (value[0] == '\0' || strcmp(value, "none") == 0) {
		memset(&sc->go_live, 0, sizeof sc->go_live);
		return TWC_OK;
	}
	if ((rc = fy_parse("go_live", value, &fy, &d, e)))
		return rc;
	if (d.day == 0)
		return err_set(e, TWC_EVALUE,
		               "go_live: '%.40s' is a fiscal year, not a date "
		               "such as 2025-10-01",
		               value);
	sc->go_live = d;
	return TWC_OK;
}

/* The keys of a phased introduction (phasing.c reads their values). */
static int
set_phasing(scenario *sc, const char *key, const char *value, twc_error *e)
{
	if (strstr(key, "rollout") != NULL)
		return set_rollout(sc, key, value, e);
	if (strcmp(key, "go_live") == 0)
		return set_go_live(sc, value, e);
	if (strcmp(key, "funding") == 0)
		return funding_parse(value, sc->funds, &sc->n_funds, e);
	if (strcmp(key, "later_initial_spending") == 0)
		return reading_parse(key, value, &sc->read.later_initial, e);
	return reading_parse(key, value, &sc->read.lease, e);
}

static int
set_sizing(scenario *sc, const char *value, twc_error *e)
{
	int k = name_index(value, sizing_names);

	if (k < 0)
		return not_one_of("sizing", value, sizing_names, e);
	sc->sizing = k;
	return TWC_OK;
}

int
scenario_set_text(scenario *sc, const char *key, const char *value,
                  twc_error *e)
{
	int kind, k;

	if (key == NULL || value == NULL)
		return err_set(e, TWC_EINVAL, "no key or value given");
	k = key_index(key);
	if (k >= 0 && (limits[k].flags & FISCAL_YEAR))
		return set_fiscal_year(sc, k, value, e);
	if (strcmp(key, "kind") == 0) {
		if ((kind = kind_of(value)) < 0)
			return not_one_of("kind", value, kind_names, e);
		sc->kind = kind;
		return TWC_OK;
	}
	if (strcmp(key, "sizing") == 0)
		return set_sizing(sc, value, e);
	if (strcmp(key, "name") == 0) {
		if (!utf8_valid(value) || strlen(value) >= sizeof sc->name)
			return err_set(
			    e, TWC_EVALUE,
			    "name: must be UTF-8 and under %zu bytes",
			    sizeof sc->name);
		strcpy(sc->name, value);
		return TWC_OK;
	}
	if (strstr(key, "segment") != NULL)
		return set_segment(sc, key, value, e);
	if (name_index(key, phasing_keys) >= 0)
		return set_phasing(sc, key, value, e);
	if (k < 0)
		return unknown_key(key, e);
	return set_number_text(sc, key, value, e);
}

int
scenario_check(const scenario *sc, twc_error *e)
{
	const style_input *s = sc->style;
	double sum = s[0].share + s[1].share + s[2].share;
	char a[NUM_MAX], b[NUM_MAX], c[NUM_MAX], t[NUM_MAX];

	if (sum > 1.0 + TWC_COUNT_EPS)
		return err_set(
		    e, TWC_ERANGE,
		    "shares home %s + satellite %s + mobile %s = %s: "
		    "together they must be at most 1",
		    fmt_num(s[0].share, a, sizeof a),
		    fmt_num(s[1].share, b, sizeof b),
		    fmt_num(s[2].share, c, sizeof c),
		    fmt_num(floor(sum * 1e9 + 0.5) / 1e9, t, sizeof t));
	if (s[STYLE_SATELLITE].reuse > s[STYLE_SATELLITE].sites)
		return err_set(e, TWC_ERANGE,
		               "satellite_reuse: %d is more than "
		               "satellite_sites (%d): allowed 0 to %d",
		               s[STYLE_SATELLITE].reuse,
		               s[STYLE_SATELLITE].sites,
		               s[STYLE_SATELLITE].sites);
	return phasing_check(sc, e);
}

int
scenario_set_quick(scenario *sc, const double *v, const char *start,
                   twc_error *e)
{
	static const int keys[] = {K_STAFF, K_HOME, K_SATELLITE, K_MOBILE,
	                           K_FISCAL_INDEX};
	int i, rc;

	for (i = 0; i < 5; i++)
		if (!isnan(v[i]) && (rc = set_at(sc, keys[i], v[i], e)))
			return rc;
	if (start != NULL && start[0] != '\0')
		return set_fiscal_year(sc, K_START, start, e);
	return TWC_OK;
}
