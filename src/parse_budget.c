/* parse_budget.c - reading what the budget request needs: the 節 table,
 * each item's 節, 細節 and counter, a scenario's leases and multi-year
 * contracts, and the inputs of a phased introduction (rollout, go-live,
 * other funding, readings). */
#include <config.h>

#include "parse.h"

#include <stdio.h>
#include <string.h>

#include "phasing.h"
#include "scenario.h"

/* ---- the 節 table ------------------------------------------------------- */

const char *
setsu_name(const setsu_table *t, int code)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->code[i] == code)
			return t->name[i];
	return NULL;
}

/* A 節 code that is in the table (or 0 when zero is allowed). */
static int
read_code(reader *rd, const config_setting_t *g, const char *key,
          const setsu_table *t, int zero_ok, int *out)
{
	long long code = 0;
	int rc = rd_int(rd, g, key, 0, 0, 99, &code);

	if (rc || config_setting_get_member(g, key) == NULL)
		return rc;
	if (!(zero_ok && code == 0) && setsu_name(t, (int)code) == NULL)
		return rd_fail(rd, config_setting_get_member(g, key),
		               "節 %lld is not in the table of %s (1 to %d)",
		               code, t->title ? t->title : "節", t->n);
	*out = (int)code;
	return TWC_OK;
}

static int
read_setsu_list(reader *rd, const config_setting_t *g, setsu_table *t)
{
	int rc, i, n;
	const config_setting_t *list = rd_member(rd, g, "list", 1, &rc);

	if (list == NULL)
		return rc;
	n = config_setting_length(list);
	if (config_setting_type(list) != CONFIG_TYPE_LIST || n < 1 ||
	    n > SETSU_MAX)
		return rd_fail(rd, list,
		               "must be a list of 1 to %d { code; name; }",
		               SETSU_MAX);
	for (i = 0; i < n; i++) {
		const config_setting_t *s =
		    config_setting_get_elem(list, (unsigned)i);
		long long code = 0;
		if (config_setting_type(s) != CONFIG_TYPE_GROUP)
			return rd_fail(rd, s,
			               "must be a group { code; name; }");
		if ((rc = rd_keys(rd, s, PLACE_KEYS(PL_SETSU_ENTRY))) ||
		    (rc = rd_int(rd, s, "code", 1, 1, 99, &code)) ||
		    (rc = rd_string(rd, s, "name", 1, &t->name[t->n])))
			return rc;
		if (setsu_name(t, (int)code) != NULL)
			return rd_fail(rd, s, "節 %lld is listed twice", code);
		t->code[t->n++] = (int)code;
	}
	return TWC_OK;
}

/* by_category = { ict_equipment = 17; ... }: categories of the rule. */
static int
read_by_category(reader *rd, const config_setting_t *g, const grant_rule *gr,
                 setsu_table *t)
{
	int rc, i, n;
	const config_setting_t *m = rd_member(rd, g, "by_category", 1, &rc);

	if (m == NULL)
		return rc;
	if (config_setting_type(m) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, m, "must be a group { category = 節; }");
	n = config_setting_length(m);
	for (i = 0; i < n; i++) {
		const config_setting_t *s =
		    config_setting_get_elem(m, (unsigned)i);
		int cat = grant_category(gr, config_setting_name(s));
		if (cat < 0 || cat >= 64)
			return rd_fail(
			    rd, s, "'%s' is not a category of the grant rule",
			    config_setting_name(s));
		if ((rc = read_code(rd, m, config_setting_name(s), t, 1,
		                    &t->by_category[cat])))
			return rc;
	}
	return TWC_OK;
}

static int
read_counters(reader *rd, const config_setting_t *g, setsu_table *t)
{
	int rc, d;
	const config_setting_t *m = rd_member(rd, g, "counters", 1, &rc);

	if (m == NULL)
		return rc;
	if (config_setting_type(m) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, m, "must be a group { driver = \"台\"; }");
	if ((rc = rd_keys(rd, m, driver_names)))
		return rc;
	for (d = 0; d < DRIVER_COUNT; d++)
		if ((rc = rd_string(rd, m, driver_names[d], 1, &t->counter[d])))
			return rc;
	return TWC_OK;
}

int
parse_setsu(reader *rd, const config_setting_t *g, const grant_rule *gr,
            setsu_table *t)
{
	const config_setting_t *lease;
	int rc;

	memset(t, 0, sizeof *t);
	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g, "must be a group { ... }");
	if ((rc = rd_keys(rd, g, PLACE_KEYS(PL_SETSU))) ||
	    (rc = rd_string(rd, g, "title", 1, &t->title)) ||
	    (rc = rd_string(rd, g, "source", 0, &t->source)) ||
	    (rc = read_setsu_list(rd, g, t)) ||
	    (rc = read_by_category(rd, g, gr, t)) ||
	    (rc = read_counters(rd, g, t)))
		return rc;
	if ((lease = rd_member(rd, g, "lease", 1, &rc)) == NULL)
		return rc;
	if (config_setting_type(lease) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, lease,
		               "must be a group { setsu; saisetsu; }");
	if ((rc = rd_keys(rd, lease, PLACE_KEYS(PL_SETSU_LEASE))) ||
	    (rc = read_code(rd, lease, "setsu", t, 0, &t->lease)))
		return rc;
	return rd_string(rd, lease, "saisetsu", 0, &t->lease_saisetsu);
}

/* ---- an item's place in the request ------------------------------------ */

int
parse_item_budget(reader *rd, const config_setting_t *s, const setsu_table *t,
                  item *it)
{
	int rc;

	it->setsu = it->category >= 0 && it->category < 64
	                ? t->by_category[it->category]
	                : 0;
	it->counter = t->counter[it->driver];
	if ((rc = read_code(rd, s, "setsu", t, 1, &it->setsu)) ||
	    (rc = rd_string(rd, s, "saisetsu", 0, &it->saisetsu)) ||
	    (rc = rd_string(rd, s, "counter", 0, &it->counter)) ||
	    (rc = rd_bool(rd, s, "monthly", 0, &it->monthly)))
		return rc;
	if (it->monthly && it->phase != PHASE_ANNUAL)
		return rd_fail(rd, config_setting_get_member(s, "monthly"),
		               "only phase \"annual\" items are paid by the "
		               "month");
	return TWC_OK;
}

/* ---- leases and contracts of a scenario ------------------------------- */

/* The catalogue item a member of leases or contracts names. */
static int
named_item(reader *rd, const config_setting_t *s, catalog *c, item **out)
{
	int k = catalog_item(c, config_setting_name(s));

	if (k < 0)
		return rd_fail(rd, s, "'%s' is not an item of the catalogue",
		               config_setting_name(s));
	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, s, "must be a group { ... }");
	*out = &c->items[k];
	return TWC_OK;
}

static int
read_lease(reader *rd, const config_setting_t *s, const setsu_table *t,
           catalog *c)
{
	long long months = 0, monthly = 0;
	item *it;
	int rc;

	if ((rc = named_item(rd, s, c, &it)) ||
	    (rc = rd_keys(rd, s, PLACE_KEYS(PL_LEASE))) ||
	    (rc = rd_int(rd, s, "months", 1, 1, 120, &months)) ||
	    (rc = rd_int(rd, s, "monthly_yen", 1, 0, TWC_YEN_MAX, &monthly)) ||
	    (rc = rd_bool(rd, s, "long_term", 0, &it->long_term)))
		return rc;
	if (it->phase == PHASE_ANNUAL)
		return rd_fail(rd, s,
		               "'%s' is paid year by year already: only items "
		               "bought can be leased",
		               it->id);
	it->lease_months = (int)months;
	it->lease_monthly = monthly;
	it->setsu = t->lease;
	it->saisetsu = t->lease_saisetsu;
	return TWC_OK;
}

int
parse_leases(reader *rd, const config_setting_t *g, const setsu_table *t,
             catalog *c)
{
	int i, n = config_setting_length(g), rc;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g,
		               "must be a group { item_id = { months = 60; "
		               "monthly_yen = 4400; }; }");
	for (i = 0; i < n; i++)
		if ((rc = read_lease(
		         rd, config_setting_get_elem(g, (unsigned)i), t, c)))
			return rc;
	return TWC_OK;
}

static int
read_contract(reader *rd, const config_setting_t *s, catalog *c)
{
	long long years = 0;
	item *it;
	int rc;

	if ((rc = named_item(rd, s, c, &it)) ||
	    (rc = rd_keys(rd, s, PLACE_KEYS(PL_CONTRACT))) ||
	    (rc = rd_int(rd, s, "years", 1, 2, 10, &years)) ||
	    (rc = rd_bool(rd, s, "long_term", 0, &it->long_term)))
		return rc;
	if (it->phase != PHASE_ANNUAL)
		return rd_fail(rd, s,
		               "'%s' is bought, not paid year by year: lease "
		               "it to spread its cost",
		               it->id);
	it->contract_years = (int)years;
	return TWC_OK;
}

int
parse_contracts(reader *rd, const config_setting_t *g, catalog *c)
{
	int i, n = config_setting_length(g), rc;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g,
		               "must be a group { item_id = { years = 3; }; }");
	for (i = 0; i < n; i++)
		if ((rc = read_contract(
		         rd, config_setting_get_elem(g, (unsigned)i), c)))
			return rc;
	return TWC_OK;
}

/* ---- a phased introduction, inside the scenario group ------------------ */

/* A text input of the scenario, read by twc_set_text's own parser. */
static int
text_input(reader *rd, const config_setting_t *g, const char *key, scenario *sc)
{
	twc_error e;
	const char *v = NULL;
	int rc = rd_string(rd, g, key, 0, &v);

	if (rc || v == NULL)
		return rc;
	if (scenario_set_text(sc, key, v, &e) || phasing_check(sc, &e))
		return rd_fail_err(rd, config_setting_get_member(g, key), &e);
	return TWC_OK;
}

static int
read_funding_entry(reader *rd, const config_setting_t *s, funding *out)
{
	const char *source = NULL, *fy = NULL;
	double yen = 0, share = 0;
	twc_error e;
	int rc;

	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, s,
		               "must be a group { source; fy; yen or share; }");
	if ((rc = rd_keys(rd, s, PLACE_KEYS(PL_FUNDING))) ||
	    (rc = rd_string(rd, s, "source", 1, &source)) ||
	    (rc = rd_string(rd, s, "fy", 1, &fy)) ||
	    (rc = rd_number(rd, s, "yen", 0, 0, (double)TWC_YEN_MAX, &yen)) ||
	    (rc = rd_number(rd, s, "share", 0, 0, 1, &share)))
		return rc;
	if ((config_setting_get_member(s, "yen") == NULL) ==
	    (config_setting_get_member(s, "share") == NULL))
		return rd_fail(rd, s, "needs one of yen or share");
	if (funding_entry(source, fy, yen, share, out, &e))
		return rd_fail_err(rd, s, &e);
	return TWC_OK;
}

static int
read_funding(reader *rd, const config_setting_t *g, scenario *sc)
{
	twc_error e;
	int rc, i, n;
	const config_setting_t *list = rd_member(rd, g, "funding", 0, &rc);

	if (list == NULL)
		return rc;
	n = config_setting_length(list);
	if (config_setting_type(list) != CONFIG_TYPE_LIST || n > FUNDING_MAX)
		return rd_fail(rd, list,
		               "must be a list of at most %d { source; fy; yen "
		               "or share; }",
		               FUNDING_MAX);
	for (i = 0; i < n; i++)
		if ((rc = read_funding_entry(
		         rd, config_setting_get_elem(list, (unsigned)i),
		         &sc->funds[i])))
			return rc;
	sc->n_funds = n;
	if (phasing_check(sc, &e))
		return rd_fail_err(rd, list, &e);
	return TWC_OK;
}

static int
read_readings(reader *rd, const config_setting_t *g, scenario *sc)
{
	const char *const *keys = PLACE_KEYS(PL_READINGS);
	int rc, i;
	const config_setting_t *r = rd_member(rd, g, "readings", 0, &rc);

	if (r == NULL)
		return rc;
	if (config_setting_type(r) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, r, "must be a group { %s = ...; }", keys[0]);
	if ((rc = rd_keys(rd, r, keys)))
		return rc;
	for (i = 0; keys[i] != NULL; i++)
		if ((rc = text_input(rd, r, keys[i], sc)))
			return rc;
	return TWC_OK;
}

int
parse_phasing(reader *rd, const config_setting_t *g, scenario *sc)
{
	int rc;

	if ((rc = text_input(rd, g, "rollout", sc)) ||
	    (rc = text_input(rd, g, "go_live", sc)) ||
	    (rc = read_funding(rd, g, sc)))
		return rc;
	return read_readings(rd, g, sc);
}

int
parse_style_rollout(reader *rd, const config_setting_t *g, int st, scenario *sc)
{
	char key[32];
	twc_error e;
	const char *v = NULL;
	int rc = rd_string(rd, g, "rollout", 0, &v);

	if (rc || v == NULL)
		return rc;
	snprintf(key, sizeof key, "%s_rollout", style_name(st));
	if (scenario_set_text(sc, key, v, &e) || phasing_check(sc, &e))
		return rd_fail_err(rd, config_setting_get_member(g, "rollout"),
		                   &e);
	return TWC_OK;
}
