/* parse_rule.c - reading a grant rule and an option catalogue from libconfig
 * settings into their structures, with every field checked. */
#include <config.h>

#include "parse.h"
#include "scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The dearest single unit price a profile may state: ten billion yen. */
#define PRICE_MAX 1e10

/* ---- the grant rule ---------------------------------------------------- */

/* "11/6" into a fraction with 1 <= numerator, denominator <= 1000. */
static int
read_fraction(reader *rd, const config_setting_t *g, const char *key,
              long long *num, long long *den)
{
	const char *text = NULL;
	char *end, cut[ECHO_MAX];
	long n, d;
	int rc = rd_string(rd, g, key, 1, &text);

	if (rc)
		return rc;
	n = strtol(text, &end, 10);
	d = *end == '/' ? strtol(end + 1, &end, 10) : 1;
	if (*end != '\0' || n < 0 || n > 1000 || d < 1 || d > 1000)
		return rd_fail(
		    rd, config_setting_get_member(g, key),
		    "'%s' is not a fraction such as \"11/6\" (0..1000 "
		    "over 1..1000)",
		    text_echo(text, cut, sizeof cut));
	*num = n;
	*den = d;
	return TWC_OK;
}

/* A number in hundredths: 0.80 -> 80. */
static int
read_hundredths(reader *rd, const config_setting_t *g, const char *key,
                double hi, int *out)
{
	double v = 0;
	char x[NUM_MAX];
	int rc = rd_number(rd, g, key, 1, 0, hi, &v);

	if (rc)
		return rc;
	if (fabs(v * 100 - floor(v * 100 + 0.5)) > TWC_COUNT_EPS * 100)
		return rd_fail(rd, config_setting_get_member(g, key),
		               "%s has more than 2 decimals",
		               fmt_num(v, x, sizeof x));
	*out = hundredths_half_up(v);
	return TWC_OK;
}

static int
read_correction(reader *rd, const config_setting_t *parent, const char *key,
                correction *c)
{
	int rc;
	const config_setting_t *g = rd_member(rd, parent, key, 1, &rc);

	if (g == NULL)
		return rc;
	if ((rc = rd_keys(rd, g, PLACE_KEYS(PL_CORRECTION_TABLE))) ||
	    (rc = read_hundredths(rd, g, "high_from", 5, &c->high_from)) ||
	    (rc = read_hundredths(rd, g, "high_m", 9.99, &c->high_m)) ||
	    (rc = read_hundredths(rd, g, "low_below", 5, &c->low_below)) ||
	    (rc = read_hundredths(rd, g, "low_m", 9.99, &c->low_m)) ||
	    (rc = read_fraction(rd, g, "constant", &c->a_num, &c->a_den)) ||
	    (rc = read_fraction(rd, g, "slope", &c->b_num, &c->b_den)))
		return rc;
	if (c->low_below > c->high_from)
		return rd_fail(rd, g, "needs low_below <= high_from");
	return TWC_OK;
}

static int
read_categories(reader *rd, const config_setting_t *g, grant_rule *gr)
{
	int rc, i, n;
	const config_setting_t *list = rd_member(rd, g, "categories", 1, &rc);

	if (list == NULL)
		return rc;
	n = config_setting_length(list);
	if (config_setting_type(list) != CONFIG_TYPE_LIST || n < 1)
		return rd_fail(rd, list,
		               "must be a list ( { id = ...; }, ... )");
	gr->cats = arena_alloc(rd->mem, sizeof *gr->cats * (size_t)n);
	if (gr->cats == NULL)
		return err_set(rd->e, TWC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++) {
		const config_setting_t *c =
		    config_setting_get_elem(list, (unsigned)i);
		category *cat = &gr->cats[i];
		if ((rc = rd_keys(rd, c, PLACE_KEYS(PL_CATEGORY))) ||
		    (rc = rd_string(rd, c, "id", 1, &cat->id)) ||
		    (rc = rd_bool(rd, c, "eligible", 1, &cat->eligible)) ||
		    (rc = rd_string(rd, c, "label_ja", 1, &cat->label_ja)) ||
		    (rc = rd_string(rd, c, "label_en", 1, &cat->label_en)))
			return rc;
		gr->n_cats = i;
		if (grant_category(gr, cat->id) >= 0)
			return rd_fail(rd, c, "category '%s' is listed twice",
			               cat->id);
	}
	gr->n_cats = n;
	return TWC_OK;
}

static int
read_rounding(reader *rd, const config_setting_t *g, grant_rule *gr)
{
	static const char *const methods[] = {"half_up", "down", NULL};
	int rc, method = 0;
	const config_setting_t *r = rd_member(rd, g, "rounding", 1, &rc);

	if (r == NULL)
		return rc;
	if ((rc = rd_keys(rd, r, PLACE_KEYS(PL_ROUNDING))) ||
	    (rc = rd_int(rd, r, "unit_yen", 1, 1, 1000000, &gr->unit_yen)) ||
	    (rc = rd_choice(rd, r, "method", 1, methods, &method)))
		return rc;
	gr->rounding = method == 0 ? ROUND_HALF_UP : ROUND_DOWN;
	return TWC_OK;
}

/* reasons = { non_recipient = "..."; special_ward = "..."; ... }: why
 * each is not covered, in the words the rule's sources give; KEY_ja the
 * same in Japanese. */
static int
read_reasons(reader *rd, const config_setting_t *n, grant_rule *gr)
{
	char ja[KIND_COUNT + 1][32];
	const char *keys[2 * KIND_COUNT + 3];
	int rc, k;
	const config_setting_t *r = rd_member(rd, n, "reasons", 0, &rc);

	if (r == NULL)
		return rc;
	for (k = 0; k <= KIND_COUNT; k++) {
		keys[2 * k] = k == 0 ? "non_recipient" : kind_names[k - 1];
		snprintf(ja[k], sizeof ja[k], "%s_ja", keys[2 * k]);
		keys[2 * k + 1] = ja[k];
	}
	keys[2 * KIND_COUNT + 2] = NULL;
	if ((rc = rd_keys(rd, r, keys)) ||
	    (rc = rd_string(rd, r, keys[0], 0, &gr->non_recipient_reason)) ||
	    (rc = rd_string(rd, r, keys[1], 0, &gr->non_recipient_reason_ja)))
		return rc;
	for (k = 0; k < KIND_COUNT; k++)
		if ((rc = rd_string(rd, r, keys[2 * k + 2], 0,
		                    &gr->kind_reason[k])) ||
		    (rc = rd_string(rd, r, keys[2 * k + 3], 0,
		                    &gr->kind_reason_ja[k])))
			return rc;
	return TWC_OK;
}

static int
read_not_covered(reader *rd, const config_setting_t *g, grant_rule *gr)
{
	int rc;
	const config_setting_t *n = rd_member(rd, g, "not_covered", 1, &rc);

	if (n == NULL)
		return rc;
	if ((rc = rd_keys(rd, n, PLACE_KEYS(PL_NOT_COVERED))) ||
	    (rc =
	         rd_bool(rd, n, "non_recipient", 1, &gr->zero_non_recipient)) ||
	    (rc =
	         rd_choice_set(rd, n, "kinds", 1, kind_names, &gr->zero_kinds)))
		return rc;
	return read_reasons(rd, n, gr);
}

static int
read_rate(reader *rd, const config_setting_t *g, grant_rule *gr)
{
	double rate = 0;
	char x[NUM_MAX];
	int rc = rd_number(rd, g, "rate", 1, 0, 1, &rate);

	if (rc)
		return rc;
	gr->rate_bp = (int)floor(rate * 10000 + 0.5);
	if (fabs(rate * 10000 - gr->rate_bp) > 1e-6)
		return rd_fail(rd, config_setting_get_member(g, "rate"),
		               "%s has more than 4 decimals",
		               fmt_num(rate, x, sizeof x));
	return TWC_OK;
}

/* The rule's default readings and whether other funding is deducted. */
static int
read_readings(reader *rd, const config_setting_t *g, grant_rule *gr)
{
	static const char *const later[] = {"not_covered", "covered", NULL};
	static const char *const lease[] = {"not_eligible", "eligible", NULL};
	int rc;

	gr->later_initial_covered = 1;
	gr->lease_eligible = 0;
	gr->deduct_other_funding = 1;
	if ((rc = rd_choice(rd, g, "later_initial_spending", 0, later,
	                    &gr->later_initial_covered)) ||
	    (rc = rd_choice(rd, g, "lease_payments", 0, lease,
	                    &gr->lease_eligible)))
		return rc;
	return rd_bool(rd, g, "deduct_other_funding", 0,
	               &gr->deduct_other_funding);
}

int
parse_grant(reader *rd, const config_setting_t *g, grant_rule *gr)
{
	long long first = 0, deadline = 0;
	int rc;
	const config_setting_t *corr;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g, "must be a group { ... }");
	gr->source = "";
	if ((rc = rd_keys(rd, g, PLACE_KEYS(PL_GRANT))) ||
	    (rc = rd_string(rd, g, "id", 1, &gr->id)) ||
	    (rc = rd_string(rd, g, "title", 1, &gr->title)) ||
	    (rc = rd_string(rd, g, "source", 0, &gr->source)) ||
	    (rc = read_rate(rd, g, gr)) ||
	    (rc = rd_int(rd, g, "first_fy", 1, FY_MIN, FY_MAX, &first)) ||
	    (rc = rd_int(rd, g, "start_deadline_fy", 1, FY_MIN, FY_MAX,
	                 &deadline)) ||
	    (rc = rd_int(rd, g, "cap_yen", 0, 0, TWC_YEN_MAX, &gr->cap_yen)) ||
	    (rc = rd_choice_set(rd, g, "eligible_phases", 1, phase_names,
	                        &gr->phases)) ||
	    (rc = read_rounding(rd, g, gr)) ||
	    (rc = read_not_covered(rd, g, gr)) ||
	    (rc = read_categories(rd, g, gr)))
		return rc;
	gr->first_fy = (int)first;
	gr->deadline_fy = (int)deadline;
	if ((rc = read_readings(rd, g, gr)))
		return rc;
	corr = rd_member(rd, g, "correction", 1, &rc);
	if (corr == NULL)
		return rc;
	if ((rc = rd_keys(rd, corr, PLACE_KEYS(PL_CORRECTION))) ||
	    (rc = read_correction(rd, corr, "municipality", &gr->municipal)) ||
	    (rc = read_correction(rd, corr, "prefecture", &gr->prefectural)))
		return rc;
	return TWC_OK;
}

/* ---- prices ------------------------------------------------------------ */

/* Add consumption tax to a tax-exclusive yen amount, dropping fractions of
 * a yen. */
static double
with_tax(double yen, int tax_percent)
{
	return floor(yen * (100 + tax_percent) / 100.0 + TWC_COUNT_EPS);
}

int
parse_price(reader *rd, const config_setting_t *s, int tax_percent,
            int excluded, dist *out)
{
	static const char *const taxes[] = {"included", "excluded", NULL};
	int rc = rd_dist(rd, s, 0, PRICE_MAX, 1, out), t = excluded;

	if (rc)
		return rc;
	if (config_setting_type(s) == CONFIG_TYPE_GROUP &&
	    (rc = rd_choice(rd, s, "tax", 0, taxes, &t)))
		return rc;
	if (t) {
		out->base = with_tax(out->base, tax_percent);
		out->low = with_tax(out->low, tax_percent);
		out->high = with_tax(out->high, tax_percent);
	}
	return TWC_OK;
}

/* ---- the catalogue ----------------------------------------------------- */

/* users_from, users_to: the size band an item is bought in. */
static int
read_band(reader *rd, const config_setting_t *s, item *it)
{
	int rc;

	if ((rc = rd_int(rd, s, "users_from", 0, 1, STAFF_MAX,
	                 &it->users_from)) ||
	    (rc = rd_int(rd, s, "users_to", 0, 1, STAFF_MAX, &it->users_to)))
		return rc;
	if (it->users_to > 0 && it->users_to < it->users_from)
		return rd_fail(rd, config_setting_get_member(s, "users_to"),
		               "users_to %lld is below users_from %lld",
		               it->users_to, it->users_from);
	return TWC_OK;
}

static int
read_item(reader *rd, const config_setting_t *s, const grant_rule *gr,
          const catalog *c, item *it)
{
	static const char *const taxes[] = {"included", "excluded", NULL};
	const char *cat = NULL;
	char cut[ECHO_MAX];
	const config_setting_t *price;
	long long every = 0;
	unsigned at;
	int rc, excluded = 0;

	it->multiplier = 1.0;
	it->price_input = it->until_input = -1;
	if ((rc = rd_keys(rd, s, PLACE_KEYS(PL_ITEM))) ||
	    (rc = rd_string(rd, s, "id", 1, &it->id)) ||
	    (rc = rd_string(rd, s, "label_ja", 1, &it->label_ja)) ||
	    (rc = rd_string(rd, s, "label_en", 1, &it->label_en)) ||
	    (rc = rd_string(rd, s, "category", 1, &cat)) ||
	    (rc = rd_choice(rd, s, "phase", 1, phase_names, &it->phase)) ||
	    (rc = rd_int(rd, s, "every", it->phase == PHASE_REPLACEMENT, 1, 30,
	                 &every)) ||
	    (rc = rd_choice(rd, s, "driver", 1, driver_names, &it->driver)) ||
	    (rc = rd_number(rd, s, "multiplier", 0, 1e-6, 1000,
	                    &it->multiplier)) ||
	    (rc = rd_choice(rd, s, "tax", 0, taxes, &excluded)) ||
	    (rc = rd_string(rd, s, "source", 0, &it->source)))
		return rc;
	it->category = grant_category(gr, cat);
	if (it->category < 0)
		return rd_fail(rd, config_setting_get_member(s, "category"),
		               "category '%s' is not one the grant rule lists",
		               text_echo(cat, cut, sizeof cut));
	if (every && it->phase != PHASE_REPLACEMENT)
		return rd_fail(rd, config_setting_get_member(s, "every"),
		               "only phase \"replacement\" takes 'every'");
	it->every = (int)every;
	if ((rc = parse_item_budget(rd, s, c->setsu, it)) ||
	    (rc = read_band(rd, s, it)))
		return rc;
	price = rd_member(rd, s, "price", 1, &rc);
	if (price == NULL)
		return rc;
	it->file = rd_where(rd, s, &at);
	it->line = (int)at;
	return parse_price(rd, price, c->tax_percent, excluded, &it->price);
}

static int
read_option_flags(reader *rd, const config_setting_t *s, option *o)
{
	long long ups = 0, ids = 0, conc = 0;
	int rc;

	if ((rc = rd_string(rd, s, "id", 1, &o->id)) ||
	    (rc = rd_string(rd, s, "label_ja", 1, &o->label_ja)) ||
	    (rc = rd_string(rd, s, "label_en", 1, &o->label_en)) ||
	    (rc = rd_choice_set(rd, s, "styles", 1, style_names, &o->styles)) ||
	    (rc = rd_choice_set(rd, s, "segments", 1, segment_names,
	                        &o->segments)) ||
	    (rc = rd_bool(rd, s, "byod", 0, &o->byod)) ||
	    (rc = rd_bool(rd, s, "office_grade", 0, &o->office_grade)) ||
	    (rc = rd_bool(rd, s, "trial", 0, &o->trial)) ||
	    (rc = rd_int(rd, s, "users_per_server", 0, 1, 100000, &ups)) ||
	    (rc = rd_int(rd, s, "id_limit", 0, 0, 10000000, &ids)) ||
	    (rc = rd_int(rd, s, "concurrency_limit", 0, 0, 10000000, &conc)) ||
	    (rc = rd_string(rd, s, "note", 0, &o->note)) ||
	    (rc = rd_string(rd, s, "note_ja", 0, &o->note_ja)))
		return rc;
	if (o->styles == 0)
		return rd_fail(
		    rd, config_setting_get_member(s, "styles"),
		    "must name at least one of home, satellite, mobile");
	o->users_per_server = (int)ups;
	o->id_limit = (int)ids;
	o->concurrency_limit = (int)conc;
	return TWC_OK;
}

static int
count_items(reader *rd, const config_setting_t *options, int *total)
{
	int i, n = config_setting_length(options), rc;

	*total = 0;
	for (i = 0; i < n; i++) {
		const config_setting_t *o =
		    config_setting_get_elem(options, (unsigned)i);
		const config_setting_t *items;
		if (config_setting_type(o) != CONFIG_TYPE_GROUP)
			return rd_fail(rd, o, "must be a group { id = ...; }");
		items = rd_member(rd, o, "items", 1, &rc);
		if (items == NULL)
			return rc;
		if (config_setting_type(items) != CONFIG_TYPE_LIST)
			return rd_fail(rd, items,
			               "must be a list ( { ... }, ... )");
		*total += config_setting_length(items) + 1; /* a trial fee */
	}
	return TWC_OK;
}

/* A trial programme (J-LIS's free system) may start charging: the scenario
 * says from when and how much (jlis_free_until, jlis_fee_yen; twcost
 * --jlis-free-until, --jlis-fee).  That fee becomes an ordinary item of
 * the option, a yearly charge per user in the category the option names
 * (fee_category, "licence" by default), priced by those two inputs. */
static int
add_trial_fee(reader *rd, const config_setting_t *s, const grant_rule *gr,
              catalog *c, int index)
{
	item *it = &c->items[c->n_items];
	const char *cat = "licence";
	int rc;

	if ((rc = rd_string(rd, s, "fee_category", 0, &cat)))
		return rc;
	if (catalog_item(c, "trial_fee") >= 0)
		return rd_fail(
		    rd, s,
		    "only one option may be a trial programme, and "
		    "no item may be called trial_fee: its fee is the "
		    "scenario's jlis_fee_yen");
	it->id = "trial_fee";
	it->label_ja = "試行終了後の利用料（想定）";
	it->label_en = "Fee after the free trial (assumed)";
	it->category = grant_category(gr, cat);
	if (it->category < 0)
		return rd_fail(rd, s,
		               "fee_category '%s' is not one the grant rule "
		               "lists",
		               cat);
	it->phase = PHASE_ANNUAL;
	it->driver = DRIVER_USERS;
	it->multiplier = 1.0;
	it->price.kind = DIST_FIXED;
	it->setsu = c->setsu->by_category[it->category];
	it->counter = c->setsu->counter[DRIVER_USERS];
	it->price_input = scenario_key("jlis_fee_yen");
	it->until_input = scenario_key("jlis_free_until");
	it->option = index;
	it->file = rd->file;
	it->line = (int)config_setting_source_line(s);
	c->options[index].n_items++;
	c->n_items++;
	return TWC_OK;
}

static int
read_option(reader *rd, const config_setting_t *s, const grant_rule *gr,
            catalog *c, int index)
{
	option *o = &c->options[index];
	const config_setting_t *items = config_setting_get_member(s, "items");
	int rc, i, n = config_setting_length(items);

	if ((rc = rd_keys(rd, s, PLACE_KEYS(PL_OPTION))) ||
	    (rc = read_option_flags(rd, s, o)))
		return rc;
	c->n_options = index;
	if (catalog_option(c, o->id) >= 0)
		return rd_fail(rd, s, "option '%s' is listed twice", o->id);
	c->n_options = index + 1;
	o->first_item = c->n_items;
	o->n_items = n;
	for (i = 0; i < n; i++) {
		const config_setting_t *is =
		    config_setting_get_elem(items, (unsigned)i);
		item *it = &c->items[c->n_items];
		if (config_setting_type(is) != CONFIG_TYPE_GROUP)
			return rd_fail(rd, is, "must be a group { id = ...; }");
		if ((rc = read_item(rd, is, gr, c, it)))
			return rc;
		if (catalog_item(c, it->id) >= 0)
			return rd_fail(rd, is, "item id '%s' is used twice",
			               it->id);
		if (it->driver == DRIVER_SERVERS && o->users_per_server == 0)
			return rd_fail(
			    rd, is,
			    "driver \"servers\" needs users_per_server "
			    "on option '%s'",
			    o->id);
		it->option = index;
		c->n_items++;
	}
	return o->trial ? add_trial_fee(rd, s, gr, c, index) : TWC_OK;
}

static int
read_options(reader *rd, const config_setting_t *g, const grant_rule *gr,
             catalog *c)
{
	int rc, i, n, total;
	const config_setting_t *list = rd_member(rd, g, "options", 1, &rc);

	if (list == NULL)
		return rc;
	n = config_setting_length(list);
	if (config_setting_type(list) != CONFIG_TYPE_LIST || n < 1)
		return rd_fail(rd, list,
		               "must be a list of options ( { ... } )");
	if ((rc = count_items(rd, list, &total)))
		return rc;
	c->options = arena_alloc(rd->mem, sizeof *c->options * (size_t)n);
	c->items = arena_alloc(rd->mem, sizeof *c->items * (size_t)(total + 1));
	if (c->options == NULL || c->items == NULL)
		return err_set(rd->e, TWC_ENOMEM, "out of memory");
	for (i = 0; i < n; i++)
		if ((rc = read_option(
		         rd, config_setting_get_elem(list, (unsigned)i), gr, c,
		         i)))
			return rc;
	return TWC_OK;
}

/* ---- plans ------------------------------------------------------------- */

static int
read_plan_style(reader *rd, const config_setting_t *s, const catalog *c,
                plan_spec *p, int style)
{
	const config_setting_t *list =
	    config_setting_get_member(s, style_names[style]);
	char cut[ECHO_MAX];
	int i, j, n;

	p->n_opts[style] = 0;
	if (list == NULL)
		return TWC_OK;
	n = config_setting_length(list);
	if ((config_setting_type(list) != CONFIG_TYPE_ARRAY &&
	     config_setting_type(list) != CONFIG_TYPE_LIST) ||
	    n > PLAN_MAX_OPTIONS)
		return rd_fail(rd, list,
		               "must be an array of 0 to %d option ids",
		               PLAN_MAX_OPTIONS);
	for (i = 0; i < n; i++) {
		const config_setting_t *e =
		    config_setting_get_elem(list, (unsigned)i);
		const char *id = config_setting_get_string(e);
		int o = id ? catalog_option(c, id) : -1;
		if (o < 0)
			return rd_fail(rd, e,
			               "'%s' is not an option of the catalogue",
			               id ? text_value(id, cut, sizeof cut)
			                  : "(not a string)");
		if (!(c->options[o].styles & (1u << style)))
			return rd_fail(rd, e,
			               "option '%s' does not serve %s work", id,
			               style_names[style]);
		for (j = 0; j < i; j++)
			if (p->opts[style][j] == o)
				return rd_fail(
				    rd, e, "option '%s' is listed twice", id);
		p->opts[style][i] = o;
	}
	p->n_opts[style] = n;
	return TWC_OK;
}

static int
read_plan(reader *rd, const config_setting_t *s, const catalog *c, plan_spec *p)
{
	int rc, st;

	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, s, "must be a group { id = ...; }");
	if ((rc = rd_keys(rd, s, PLACE_KEYS(PL_PLAN))) ||
	    (rc = rd_string(rd, s, "id", 1, &p->id)) ||
	    (rc = rd_string(rd, s, "label_ja", 1, &p->label_ja)) ||
	    (rc = rd_string(rd, s, "label_en", 1, &p->label_en)))
		return rc;
	for (st = 0; st < STYLE_COUNT; st++)
		if ((rc = read_plan_style(rd, s, c, p, st)))
			return rc;
	if (catalog_plan(c, p->id) >= 0)
		return rd_fail(rd, s, "plan '%s' is defined twice", p->id);
	return TWC_OK;
}

int
parse_plans(reader *rd, const config_setting_t *list, catalog *c)
{
	int i, n = config_setting_length(list), rc;
	plan_spec *plans;

	if (config_setting_type(list) != CONFIG_TYPE_LIST)
		return rd_fail(rd, list, "must be a list of plans ( { ... } )");
	plans = arena_alloc(rd->mem, sizeof *plans * (size_t)(c->n_plans + n));
	if (plans == NULL)
		return err_set(rd->e, TWC_ENOMEM, "out of memory");
	if (c->n_plans > 0)
		memcpy(plans, c->plans, sizeof *plans * (size_t)c->n_plans);
	c->plans = plans;
	for (i = 0; i < n; i++) {
		if ((rc = read_plan(rd,
		                    config_setting_get_elem(list, (unsigned)i),
		                    c, &plans[c->n_plans])))
			return rc;
		c->n_plans++;
	}
	return TWC_OK;
}

int
parse_catalog(reader *rd, const config_setting_t *g, const grant_rule *gr,
              const setsu_table *st, catalog *c)
{
	const char *ref = NULL;
	char cut[ECHO_MAX];
	long long tax = 0;
	int rc;
	const config_setting_t *plans;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP)
		return rd_fail(rd, g, "must be a group { ... }");
	c->source = "";
	c->setsu = st;
	c->allowance_days_per_month = 10;
	c->sensitive_rule = "the security guideline";
	c->reference_plan = -1;
	if ((rc = rd_keys(rd, g, PLACE_KEYS(PL_CATALOG))) ||
	    (rc = rd_string(rd, g, "title", 1, &c->title)) ||
	    (rc = rd_string(rd, g, "source", 0, &c->source)) ||
	    (rc = rd_int(rd, g, "tax_percent", 1, 0, 100, &tax)) ||
	    (rc = rd_string(rd, g, "reference_plan", 0, &ref)) ||
	    (rc = rd_string(rd, g, "sensitive_data_rule", 0,
	                    &c->sensitive_rule)) ||
	    (rc = rd_string(rd, g, "sensitive_data_rule_ja", 0,
	                    &c->sensitive_rule_ja)) ||
	    (rc = rd_number(rd, g, "allowance_days_per_month", 0, 0, 31,
	                    &c->allowance_days_per_month)))
		return rc;
	c->tax_percent = (int)tax;
	if ((rc = read_options(rd, g, gr, c)))
		return rc;
	plans = rd_member(rd, g, "plans", 1, &rc);
	if (plans == NULL || (rc = parse_plans(rd, plans, c)))
		return rc;
	if (c->n_plans == 0)
		return rd_fail(rd, plans, "must define at least one plan");
	if (ref != NULL && (c->reference_plan = catalog_plan(c, ref)) < 0)
		return rd_fail(rd,
		               config_setting_get_member(g, "reference_plan"),
		               "'%s' is not a plan of this catalogue",
		               text_echo(ref, cut, sizeof cut));
	return TWC_OK;
}
