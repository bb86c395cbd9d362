/* parse_scenario.c - reading a scenario group and its quotes.  Ranges come
 * from scenario.c, so a file accepts exactly what twc_set accepts. */
#include <config.h>

#include "parse.h"
#include "scenario.h"

#include <stdio.h>
#include <string.h>

/* Store value under key through scenario_set, reporting a refusal at the
 * setting s. */
static int
store(reader *rd, const config_setting_t *s, scenario *sc, const char *key,
      double value)
{
	twc_error e, why;

	if (scenario_set(sc, key, value, &e) == TWC_OK)
		return TWC_OK;
	if (scenario_why_not(key, value, &why) != TWC_OK)
		return rd_fail_err(rd, s, &why);
	return rd_fail_err(rd, s, &e);
}

/* A plain number for an API key. */
static int
number(reader *rd, const config_setting_t *g, const char *file_key,
       const char *key, int required, scenario *sc)
{
	double lo, hi;
	int rc;
	const config_setting_t *s = rd_member(rd, g, file_key, required, &rc);

	if (s == NULL)
		return rc;
	if (config_setting_type(s) == CONFIG_TYPE_BOOL)
		return store(rd, s, sc, key, config_setting_get_bool(s));
	if (!rd_is_number(s)) {
		scenario_range(key, &lo, &hi);
		return rd_not_number(rd, s, lo, hi);
	}
	return store(rd, s, sc, key, rd_as_number(s));
}

/* A number or a range for an API key; the base value is stored, the range
 * kept in *d. */
static int
uncertain(reader *rd, const config_setting_t *g, const char *file_key,
          const char *key, scenario *sc, dist *d)
{
	double lo = 0, hi = 0;
	int rc;
	const config_setting_t *s = rd_member(rd, g, file_key, 0, &rc);

	if (s == NULL)
		return rc;
	scenario_range(key, &lo, &hi);
	if ((rc = rd_dist(rd, s, lo, hi, 0, d)))
		return rc;
	return store(rd, s, sc, key, d->base);
}

static void
fixed_at(dist *d, double v)
{
	d->kind = DIST_FIXED;
	d->base = d->low = d->high = v;
}

static int
read_style(reader *rd, const config_setting_t *g, int st, profile *p)
{
	char key[32];
	int rc, seg = 1;
	const config_setting_t *s = rd_member(rd, g, style_name(st), 0, &rc);

	fixed_at(&p->share_dist[st], 0);
	fixed_at(&p->days_dist[st], 0);
	if (s == NULL)
		return rc;
	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, s,
		               "must be a group { share = ...; days = ...; }");
	if ((rc = rd_keys(
	         rd, s,
	         PLACE_KEYS(st == STYLE_SATELLITE ? PL_SATELLITE : PL_HOME))) ||
	    (rc = uncertain(rd, s, "share", style_name(st), &p->sc,
	                    &p->share_dist[st])))
		return rc;
	snprintf(key, sizeof key, "%s_days", style_name(st));
	if ((rc = uncertain(rd, s, "days", key, &p->sc, &p->days_dist[st])))
		return rc;
	if (st == STYLE_SATELLITE &&
	    ((rc = number(rd, s, "sites", "satellite_sites", 0, &p->sc)) ||
	     (rc = number(rd, s, "reuse", "satellite_reuse", 0, &p->sc))))
		return rc;
	if ((rc = rd_choice(rd, s, "segment", 0, segment_names, &seg)))
		return rc;
	p->sc.style[st].segment = 1 << seg;
	return parse_style_rollout(rd, s, st, &p->sc);
}

static int
read_start(reader *rd, const config_setting_t *g, const char *file_key,
           const char *key, int required, scenario *sc)
{
	twc_error e;
	int rc;
	const config_setting_t *s = rd_member(rd, g, file_key, required, &rc);

	if (s == NULL)
		return rc;
	if (rd_is_number(s))
		return store(rd, s, sc, key, rd_as_number(s));
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return rd_fail(
		    rd, s,
		    "must be a date or fiscal year such as "
		    "\"2025-10-01\", \"FY2025\", \"R7\" or \"令和7年度\"");
	if (scenario_set_text(sc, key, config_setting_get_string(s), &e))
		return rd_fail_err(rd, s, &e);
	return TWC_OK;
}

static int
read_jlis(reader *rd, const config_setting_t *g, scenario *sc)
{
	int rc;
	const config_setting_t *s = rd_member(rd, g, "jlis", 0, &rc);

	if (s == NULL)
		return rc;
	if ((rc = rd_keys(rd, s, PLACE_KEYS(PL_JLIS))) ||
	    (rc = read_start(rd, s, "free_until", "jlis_free_until", 0, sc)))
		return rc;
	return number(rd, s, "fee_per_user_yen", "jlis_fee_yen", 0, sc);
}

static int
read_identity(reader *rd, const config_setting_t *g, scenario *sc)
{
	const char *name = "";
	int rc;

	if ((rc = rd_string(rd, g, "name", 0, &name)))
		return rc;
	if (strlen(name) >= sizeof sc->name)
		return rd_fail(rd, config_setting_get_member(g, "name"),
		               "is longer than %zu bytes", sizeof sc->name - 1);
	strcpy(sc->name, name);
	return rd_choice(rd, g, "kind", 1, kind_names, &sc->kind);
}

static void
defaults(scenario *sc)
{
	int st;

	memset(sc, 0, sizeof *sc);
	sc->years = 5;
	sc->peak = 1.0;
	sc->lent_share = 1.0;
	sc->office_pc_share = 1.0;
	sc->recipient = 1;
	sc->trial_until = FY_NEVER;
	sc->read.later_initial = sc->read.lease = -1; /* the rule's */
	for (st = 0; st < STYLE_COUNT; st++)
		sc->style[st].segment = SEGMENT_LGWAN;
}

int
parse_scenario(reader *rd, const config_setting_t *g, profile *p)
{
	scenario *sc = &p->sc;
	twc_error e;
	int rc, st;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g, "must be a group { ... }");
	defaults(sc);
	fixed_at(&p->peak_dist, 1.0);
	if ((rc = rd_keys(rd, g, PLACE_KEYS(PL_SCENARIO))) ||
	    (rc = read_identity(rd, g, sc)) ||
	    (rc = number(rd, g, "staff", "staff", 1, sc)) ||
	    (rc = number(rd, g, "fiscal_index", "fiscal_index", 1, sc)) ||
	    (rc = number(rd, g, "recipient", "recipient", 0, sc)) ||
	    (rc = number(rd, g, "grant_override", "grant_override", 0, sc)) ||
	    (rc = read_start(rd, g, "start", "start", 1, sc)) ||
	    (rc = number(rd, g, "years", "years", 0, sc)) ||
	    (rc = uncertain(rd, g, "peak", "peak", sc, &p->peak_dist)) ||
	    (rc = number(rd, g, "lent_share", "lent_share", 0, sc)) ||
	    (rc = number(rd, g, "office_pc_share", "office_pc_share", 0, sc)) ||
	    (rc = number(rd, g, "sensitive_data", "sensitive_data", 0, sc)) ||
	    (rc = rd_choice(rd, g, "sizing", 0, sizing_names, &sc->sizing)) ||
	    (rc = read_jlis(rd, g, sc)))
		return rc;
	for (st = 0; st < STYLE_COUNT; st++)
		if ((rc = read_style(rd, g, st, p)))
			return rc;
	if ((rc = parse_phasing(rd, g, sc)))
		return rc;
	if (scenario_check(sc, &e))
		return rd_fail_err(rd, g, &e);
	return TWC_OK;
}

int
parse_quotes(reader *rd, const config_setting_t *g, catalog *c)
{
	int i, n = config_setting_length(g), rc;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g,
		               "must be a group { item_id = price; ... }");
	for (i = 0; i < n; i++) {
		const config_setting_t *q =
		    config_setting_get_elem(g, (unsigned)i);
		const char *id = config_setting_name(q);
		char cut[ECHO_MAX];
		int k = catalog_item(c, id);
		if (k < 0) {
			const char *ids[512];
			int j, m = c->n_items < 512 ? c->n_items : 512;
			const char *near;
			for (j = 0; j < m; j++)
				ids[j] = c->items[j].id;
			near = nearest_word(id, ids, m);
			if (near != NULL)
				return rd_fail(
				    rd, q,
				    "'%s' is not an item of the catalogue (did "
				    "you mean '%s'?)",
				    text_echo(id, cut, sizeof cut), near);
			return rd_fail(rd, q,
			               "'%s' is not an item of the catalogue",
			               text_echo(id, cut, sizeof cut));
		}
		if (c->items[k].price_input >= 0)
			return rd_fail(rd, q,
			               "'%s' is priced by the scenario's "
			               "jlis_fee_yen, not by a quote",
			               id);
		if ((rc = parse_price(rd, q, c->tax_percent, 0,
		                      &c->items[k].price)))
			return rc;
		c->items[k].quoted = 1;
	}
	return TWC_OK;
}
