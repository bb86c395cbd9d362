/* fields.c - the result fields as tables (see fields.h), and the walk
 * that resolves a field path against them: the one resolver behind
 * twc_result, twc_result_yen, twc_text and twc_count. */
#include <config.h>

#include "fields.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "phasing.h"
#include "scenario.h"

/* The most parts a field path has. */
#define MAX_PARTS 6

typedef struct path {
	char buf[128];
	const char *part[MAX_PARTS];
	int n;
} path;

/* ---- values ------------------------------------------------------------- */

static int
set_int(field_value *v, long long i)
{
	v->kind = VALUE_INT;
	v->i = i;
	v->d = (double)i;
	return TWC_OK;
}

static int
set_real(field_value *v, double d)
{
	v->kind = VALUE_REAL;
	v->d = d;
	return TWC_OK;
}

static int
set_text(field_value *v, const char *s)
{
	v->kind = VALUE_TEXT;
	v->s = s;
	return TWC_OK;
}

static const results *
res(const cursor *c)
{
	return &c->m->r;
}

static const plan_result *
plan_of(const cursor *c)
{
	return &c->m->r.plans[c->plan];
}

static const catalog *
cat_of(const cursor *c)
{
	return &c->m->p->cat;
}

/* Members read at an offset: arg is offsetof(the struct, the member). */
#define MEMBER(type, base, off) (*(const type *)((const char *)(base) + (off)))

static int
plan_ll(const cursor *c, int off, field_value *v)
{
	return set_int(v, MEMBER(long long, plan_of(c), off));
}

static int
year_ll(const cursor *c, int off, field_value *v)
{
	return set_int(v, MEMBER(long long, &plan_of(c)->years[c->year], off));
}

static int
item_ll(const cursor *c, int off, field_value *v)
{
	return set_int(v, MEMBER(long long, &plan_of(c)->items[c->item], off));
}

static int
breakeven_ll(const cursor *c, int off, field_value *v)
{
	return set_int(v, MEMBER(long long, &c->m->be, off));
}

static int
breakeven_real(const cursor *c, int off, field_value *v)
{
	return set_real(v, MEMBER(double, &c->m->be, off));
}

/* ---- keys ------------------------------------------------------------------
 */

/* A non-negative whole number in text, or -1. */
static long
index_of(const char *s)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	return *end != '\0' || errno || v > INT_MAX ? -1 : v;
}

/* c->index = key, a whole number below n, or TWC_EKEY naming what. */
static int
enter_index(cursor *c, const char *key, int n, const char *what)
{
	long i = index_of(key);

	if (i < 0 || i >= n)
		return err_set(&c->m->err, TWC_EKEY,
		               "no %s %.20s (there are %d)", what, key, n);
	c->index = (int)i;
	return TWC_OK;
}

static int
enter_year(cursor *c, const char *key, int by_fy)
{
	long i = index_of(key);
	int first = c->m->sc.start_fy, n = res(c)->n_years;

	if (by_fy && i >= 0)
		i -= first;
	if (i < 0 || i >= n)
		return err_set(&c->m->err, TWC_EKEY,
		               "%s:%.20s is outside the horizon (FY%d to FY%d, "
		               "year 0 to %d)",
		               by_fy ? "fy" : "year", key, first, first + n - 1,
		               n - 1);
	c->year = (int)i;
	return TWC_OK;
}

static int
enter_year_index(cursor *c, const char *key)
{
	return enter_year(c, key, 0);
}

static int
enter_fy(cursor *c, const char *key)
{
	return enter_year(c, key, 1);
}

/* An item by index, or by its catalogue id. */
static int
enter_item(cursor *c, const char *key)
{
	const plan_result *pr = plan_of(c);
	long i = index_of(key);
	int k;

	if (i >= 0 && i < pr->n_items) {
		c->item = (int)i;
		return TWC_OK;
	}
	for (k = 0; i < 0 && k < pr->n_items; k++)
		if (strcmp(cat_of(c)->items[pr->items[k].item].id, key) == 0) {
			c->item = k;
			return TWC_OK;
		}
	return err_set(&c->m->err, TWC_EKEY,
	               "this plan has no item %.40s (%d items)", key,
	               pr->n_items);
}

static const message_list *
messages_of(const cursor *c)
{
	int notes = c->arg;

	if (c->plan < 0)
		return notes ? &res(c)->notes : &res(c)->warnings;
	return notes ? &plan_of(c)->notes : &plan_of(c)->warnings;
}

static int
enter_message(cursor *c, const char *key)
{
	return enter_index(c, key, messages_of(c)->n, "message");
}

static int
enter_style(cursor *c, const char *key)
{
	int st = style_of(key);

	if (st < 0)
		return err_set(&c->m->err, TWC_EKEY,
		               "'%.20s' is not home, satellite or mobile", key);
	c->index = st;
	return TWC_OK;
}

/* plan:N (arg 0) or option:N (arg 1). */
static int
enter_listed(cursor *c, const char *key)
{
	return c->arg ? enter_index(c, key, cat_of(c)->n_options, "option")
	              : enter_index(c, key, cat_of(c)->n_plans, "plan");
}

static int
enter_category(cursor *c, const char *key)
{
	return enter_index(c, key, c->m->p->grant.n_cats, "category");
}

static int
enter_input(cursor *c, const char *key)
{
	return enter_index(c, key, c->m->sim.n_inputs, "input");
}

static int
enter_percentile(cursor *c, const char *key)
{
	long k = index_of(key);

	if (k < 0 || k > 100)
		return err_set(&c->m->err, TWC_EKEY,
		               "sim:cdf:%.20s: the percentile must be 0 to 100",
		               key);
	c->index = (int)k;
	return TWC_OK;
}

static int
enter_bin(cursor *c, const char *key)
{
	long k = index_of(key);

	if (k < 0 || k >= SIM_HIST_BINS)
		return err_set(&c->m->err, TWC_EKEY,
		               "sim:hist:K:count with K from 0 to %d",
		               SIM_HIST_BINS - 1);
	c->index = (int)k;
	return TWC_OK;
}

static int
enter_bar(cursor *c, const char *key)
{
	twc_model *m = c->m;
	int rc = sim_sensitivity(m->p, &m->sc, &m->r, &m->sim, &m->err);

	if (rc != TWC_OK)
		return rc;
	return enter_index(c, key, m->sim.plans[c->plan].n_bars, "tornado bar");
}

/* ---- the scenario ------------------------------------------------------- */

static int
scenario_text(const cursor *c, int which, field_value *v)
{
	const twc_model *m = c->m;
	const profile *p = m->p;
	int ref = res(c)->reference;
	const char *const texts[] = {
	    m->sc.name,        kind_name(m->sc.kind),
	    m->start_text,     m->start_label,
	    m->end_label,      p->name,
	    p->catalog_name,   p->grant_name,
	    p->grant.title,    ref >= 0 ? p->cat.plans[ref].id : "",
	    m->among_text,     sizing_names[m->sc.sizing],
	    lang_name(m->lang)};

	return set_text(v, texts[which]);
}

enum {
	PH_LATER,
	PH_LEASE,
	PH_GO_LIVE,
	PH_FUNDING,
	PH_SETSU,
	PH_ROLLOUT /* + style */
};

/* The phasing inputs and readings as text (made when results are). */
static int
phasing_text(const cursor *c, int which, field_value *v)
{
	const twc_model *m = c->m;

	switch (which) {
	case PH_LATER:
		return set_text(v,
		                reading_later_name(res(c)->read.later_initial));
	case PH_LEASE:
		return set_text(v, reading_lease_name(res(c)->read.lease));
	case PH_GO_LIVE: return set_text(v, m->go_live_text);
	case PH_FUNDING: return set_text(v, m->funding_text);
	case PH_SETSU: return set_text(v, m->p->setsu_name);
	}
	return set_text(v, m->rollout_text[which - PH_ROLLOUT]);
}

static int
style_segment(const cursor *c, int st, field_value *v)
{
	return set_text(v, segment_name(c->m->sc.style[st].segment));
}

static int
total_users(const cursor *c, int arg, field_value *v)
{
	const results *r = res(c);

	(void)arg;
	return set_int(v, r->users[0] + r->users[1] + r->users[2]);
}

/* users:STYLE (arg 0) and concurrent:STYLE (arg 1). */
static int
style_count(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, c->arg ? res(c)->concurrent[c->index]
	                         : res(c)->users[c->index]);
}

enum scenario_number {
	S_START_FY,
	S_START_BARE,
	S_END_FY,
	S_DEADLINE_FY,
	S_FIRST_FY,
	S_GRANT_APPLIES,
	S_INDEX,
	S_M,
	S_RATE,
	S_EFFECTIVE_RATE
};

static int
scenario_number(const cursor *c, int which, field_value *v)
{
	const twc_model *m = c->m;
	const grant_rule *g = &m->p->grant;
	const results *r = res(c);

	switch (which) {
	case S_START_FY: return set_int(v, m->sc.start_fy);
	case S_START_BARE: return set_int(v, m->sc.start_bare);
	case S_END_FY: return set_int(v, m->sc.start_fy + m->sc.years - 1);
	case S_DEADLINE_FY: return set_int(v, g->deadline_fy);
	case S_FIRST_FY: return set_int(v, g->first_fy);
	case S_GRANT_APPLIES: return set_int(v, r->grant_applies);
	case S_INDEX: return set_real(v, r->index100 / 100.0);
	case S_M: return set_real(v, r->m100 / 100.0);
	case S_RATE: return set_real(v, g->rate_bp / 10000.0);
	}
	return set_real(v, r->effective_rate);
}

static int
scenario_year(const cursor *c, int label, field_value *v)
{
	const year_result *y = &res(c)->plans[0].years[c->year];

	return label ? set_text(v, y->label) : set_int(v, y->fy);
}

static int
message_text(const cursor *c, int arg, field_value *v)
{
	int lang = arg < 0 ? c->m->lang : arg;

	return set_text(v, messages_of(c)->text[c->index][lang]);
}

static int
listed_id(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_text(v, c->arg ? cat_of(c)->options[c->index].id
	                          : cat_of(c)->plans[c->index].id);
}

enum { C_ID, C_LABEL, C_LABEL_EN, C_ELIGIBLE };

static int
category_field(const cursor *c, int which, field_value *v)
{
	const category *k = &c->m->p->grant.cats[c->index];

	switch (which) {
	case C_ID: return set_text(v, k->id);
	case C_LABEL: return set_text(v, k->label_ja);
	case C_LABEL_EN: return set_text(v, k->label_en);
	}
	return set_int(v, k->eligible);
}

static const field_def message_fields[] = {
    {"text", VALUE_TEXT, message_text, -1, NULL,
     "warning or note N, as text in the handle's language (lang)"},
    {"text_en", VALUE_TEXT, message_text, LANG_EN, NULL, "the same in English"},
    {"text_ja", VALUE_TEXT, message_text, LANG_JA, NULL,
     "the same in Japanese"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level message_level = {
    "N",           "0 to twc_count of \"warnings\" (or \"notes\") - 1",
    enter_message, NEEDS_ESTIMATE,
    "text",        message_fields};

static const field_def style_fields[] = {
    {"count", VALUE_INT, style_count, 0, NULL,
     "enrolled staff (users:) or peak-day concurrent users (concurrent:) "
     "of that style"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level style_level = {"STYLE",     "home, satellite or mobile",
                                  enter_style, NEEDS_ESTIMATE,
                                  "count",     style_fields};

static const field_def scenario_year_fields[] = {
    {"fy", VALUE_INT, scenario_year, 0, NULL, "the fiscal year"},
    {"label", VALUE_TEXT, scenario_year, 1, NULL, "its era label, 令和7年度"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level scenario_year_level = {
    "N",
    "0 to twc_count(m, NULL, \"years\") - 1",
    enter_year_index,
    NEEDS_ESTIMATE,
    NULL,
    scenario_year_fields};

static const level scenario_fy_level = {
    "YYYY",   "a fiscal year of the horizon",
    enter_fy, NEEDS_ESTIMATE,
    NULL,     scenario_year_fields};

static const field_def listed_fields[] = {
    {"id", VALUE_TEXT, listed_id, 0, NULL, "the id of plan (or option) N"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level listed_level = {
    "N",          "0 to twc_count(m, NULL, \"plans\") (or \"options\") - 1",
    enter_listed, NEEDS_ESTIMATE,
    "id",         listed_fields};

static const field_def category_fields[] = {
    {"id", VALUE_TEXT, category_field, C_ID, NULL,
     "the id of grant category N (ict_equipment, ...)"},
    {"label", VALUE_TEXT, category_field, C_LABEL, NULL,
     "its name in Japanese"},
    {"label_ja", VALUE_TEXT, category_field, C_LABEL, NULL,
     "its name in Japanese"},
    {"label_en", VALUE_TEXT, category_field, C_LABEL_EN, NULL,
     "its name in English"},
    {"eligible", VALUE_INT, category_field, C_ELIGIBLE, NULL,
     "1 when the grant covers it"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level category_level = {
    "N",
    "0 to twc_count(m, NULL, \"categories\") - 1",
    enter_category,
    NEEDS_ESTIMATE,
    "id",
    category_fields};

/* ---- simulation inputs (scenario-wide) ------------------------------------
 */

enum { I_ID, I_KIND, I_DIST, I_BASE, I_MEAN, I_P10, I_P90, I_LOW, I_HIGH };

static int
input_field(const cursor *c, int which, field_value *v)
{
	static const char *const kinds[] = {"price", "share", "days", "peak"};
	const sim_input *in = &c->m->sim.inputs[c->index];
	const dist *d = &in->d;

	switch (which) {
	case I_ID: return set_text(v, in->id);
	case I_KIND: return set_text(v, kinds[in->kind]);
	case I_DIST: return set_text(v, dist_name(d->kind));
	case I_BASE: return set_real(v, d->base);
	case I_MEAN: return set_real(v, in->mean);
	case I_P10: return set_real(v, in->p10);
	case I_P90: return set_real(v, in->p90);
	case I_LOW: return set_real(v, d->low);
	}
	return set_real(v, d->high);
}

static const field_def input_fields[] = {
    {"id", VALUE_TEXT, input_field, I_ID, NULL,
     "input N's id: a catalogue item id (its price), or home_share, "
     "satellite_days, peak..."},
    {"kind", VALUE_TEXT, input_field, I_KIND, NULL,
     "price, share, days or peak"},
    {"dist", VALUE_TEXT, input_field, I_DIST, NULL,
     "triangular, pert, uniform or lognormal"},
    {"base", VALUE_REAL, input_field, I_BASE, NULL,
     "the value the estimate uses"},
    {"mean", VALUE_REAL, input_field, I_MEAN, NULL, "its mean"},
    {"p10", VALUE_REAL, input_field, I_P10, NULL, "its P10"},
    {"p90", VALUE_REAL, input_field, I_P90, NULL, "its P90"},
    {"low", VALUE_REAL, input_field, I_LOW, NULL, "its range's low end"},
    {"high", VALUE_REAL, input_field, I_HIGH, NULL,
     "its range's high end (a lognormal's P90)"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level input_level = {
    "N",         "0 to twc_count(m, NULL, \"inputs\") - 1",
    enter_input, NEEDS_SIMULATION,
    "id",        input_fields};

enum { R_DRAWS, R_SEED, R_THREADS, R_INPUTS, R_VARY };

static int
run_field(const cursor *c, int which, field_value *v)
{
	const sim_result *s = &c->m->sim;
	const long long vals[] = {s->draws, (long long)s->seed, s->threads,
	                          s->n_inputs, s->quantities_vary};

	return set_int(v, vals[which]);
}

static const field_def run_fields[] = {
    {"draws", VALUE_INT, run_field, R_DRAWS, NULL, "the run's draws"},
    {"seed", VALUE_INT, run_field, R_SEED, NULL, "its seed"},
    {"threads", VALUE_INT, run_field, R_THREADS, NULL, "the threads it used"},
    {"inputs", VALUE_INT, run_field, R_INPUTS, NULL,
     "the uncertain inputs, i.e. variates drawn per draw"},
    {"quantities_vary", VALUE_INT, run_field, R_VARY, NULL,
     "1 when a share, days or peak input made each draw recompute "
     "quantities"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level run_level = {NULL, NULL,      NULL, NEEDS_SIMULATION,
                                NULL, run_fields};

/* ---- break-even (scenario-wide) ---------------------------------------- */

static int
breakeven_text(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_text(v, over_name(c->m->be.over));
}

enum { B_FOUND, B_ENROLLED, B_SCANNED, B_CROSSINGS };

static int
breakeven_int(const cursor *c, int which, field_value *v)
{
	const breakeven *be = &c->m->be;
	const int vals[] = {be->found, be->enrolled, be->scanned,
	                    be->n_crossings};

	return set_int(v, vals[which]);
}

/* The plan cheaper at every value scanned when the two never cross: its
 * id, "same" when they cost the same throughout, "" when they cross or
 * nobody is enrolled. */
static int
breakeven_cheaper(const cursor *c, int arg, field_value *v)
{
	const breakeven *be = &c->m->be;

	(void)arg;
	if (be->found || be->cheaper == CHEAPER_NONE)
		return set_text(v, "");
	if (be->cheaper == CHEAPER_SAME)
		return set_text(v, "same");
	return set_text(
	    v, cat_of(c)->plans[be->cheaper == CHEAPER_A ? be->a : be->b].id);
}

static int
enter_crossing(cursor *c, const char *key)
{
	return enter_index(c, key, c->m->be.n_crossings, "crossing");
}

static int
crossing_real(const cursor *c, int off, field_value *v)
{
	return set_real(v, MEMBER(double, &c->m->be.crossings[c->index], off));
}

static int
crossing_ll(const cursor *c, int off, field_value *v)
{
	return set_int(v,
	               MEMBER(long long, &c->m->be.crossings[c->index], off));
}

static const field_def crossing_fields[] = {
    {"value", VALUE_REAL, crossing_real, offsetof(be_crossing, value), NULL,
     "the first value with the new ordering"},
    {"below", VALUE_REAL, crossing_real, offsetof(be_crossing, below), NULL,
     "the value just before it"},
    {"below_net_a_yen", VALUE_INT, crossing_ll, offsetof(be_crossing, below_a),
     NULL, "plan A's net cost at below"},
    {"below_net_b_yen", VALUE_INT, crossing_ll, offsetof(be_crossing, below_b),
     NULL, "plan B's net cost at below"},
    {"above_net_a_yen", VALUE_INT, crossing_ll, offsetof(be_crossing, above_a),
     NULL, "plan A's net cost at value"},
    {"above_net_b_yen", VALUE_INT, crossing_ll, offsetof(be_crossing, above_b),
     NULL, "plan B's net cost at value"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level crossing_level = {
    "N",
    "0 to twc_count(m, NULL, \"crossings\") - 1",
    enter_crossing,
    NEEDS_BREAKEVEN,
    "value",
    crossing_fields};

static const field_def breakeven_fields[] = {
    {"found", VALUE_INT, breakeven_int, B_FOUND, NULL,
     "1 when the net costs cross in the range"},
    {"over", VALUE_TEXT, breakeven_text, 0, NULL, "staff, home or years"},
    {"value", VALUE_REAL, breakeven_real, offsetof(breakeven, value), NULL,
     "the first value at which the ordering has changed (NaN when not "
     "found)"},
    {"below", VALUE_REAL, breakeven_real, offsetof(breakeven, below), NULL,
     "the value just before the first crossing, or the low end searched"},
    {"above", VALUE_REAL, breakeven_real, offsetof(breakeven, above), NULL,
     "the value at the first crossing, or the range's high end"},
    {"below_net_a_yen", VALUE_INT, breakeven_ll, offsetof(breakeven, below_a),
     NULL, "plan A's net cost at below"},
    {"below_net_b_yen", VALUE_INT, breakeven_ll, offsetof(breakeven, below_b),
     NULL, "plan B's net cost at below"},
    {"above_net_a_yen", VALUE_INT, breakeven_ll, offsetof(breakeven, above_a),
     NULL, "plan A's net cost at above"},
    {"above_net_b_yen", VALUE_INT, breakeven_ll, offsetof(breakeven, above_b),
     NULL, "plan B's net cost at above"},
    {"from", VALUE_REAL, breakeven_real, offsetof(breakeven, from), NULL,
     "the low end searched: the range's, raised to the first value at "
     "which either plan enrols anyone"},
    {"to", VALUE_REAL, breakeven_real, offsetof(breakeven, to), NULL,
     "the high end searched"},
    {"enrolled", VALUE_INT, breakeven_int, B_ENROLLED, NULL,
     "1 when either plan enrols anyone in the range (0: both cost "
     "nothing)"},
    {"scanned", VALUE_INT, breakeven_int, B_SCANNED, NULL,
     "values the scan computed"},
    {"crossings", VALUE_INT, breakeven_int, B_CROSSINGS, &crossing_level,
     "the number of crossings; crossings:N:F is crossing N's field F "
     "(also twc_count(m, NULL, \"crossings\"))"},
    {"cheaper", VALUE_TEXT, breakeven_cheaper, 0, NULL,
     "when the plans never cross: the id of the one cheaper at every value "
     "scanned, or \"same\"; \"\" when they cross or nobody is enrolled"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level breakeven_level = {
    NULL, NULL, NULL, NEEDS_BREAKEVEN, NULL, breakeven_fields};

/* The scenario-wide entries, in the order docs list them. */
static const field_def scenario_fields[] = {
    {"name", VALUE_TEXT, scenario_text, 0, NULL, "the entity's name"},
    {"kind", VALUE_TEXT, scenario_text, 1, NULL,
     "prefecture, designated_city, municipality, special_ward or "
     "association"},
    {"start", VALUE_TEXT, scenario_text, 2, NULL,
     "the start as a date (2025-10-01) or FY2025"},
    {"start_label", VALUE_TEXT, scenario_text, 3, NULL,
     "the start year's era label, 令和7年度"},
    {"end_label", VALUE_TEXT, scenario_text, 4, NULL,
     "the last year's era label"},
    {"profile", VALUE_TEXT, scenario_text, 5, NULL,
     "where the scenario came from (bundled:default.cfg or a path)"},
    {"catalog", VALUE_TEXT, scenario_text, 6, NULL,
     "where the option catalogue came from"},
    {"grant", VALUE_TEXT, scenario_text, 7, NULL,
     "where the grant rule came from"},
    {"grant_title", VALUE_TEXT, scenario_text, 8, NULL,
     "the grant rule's title"},
    {"reference_plan", VALUE_TEXT, scenario_text, 9, NULL,
     "the plan others are compared with (J-LIS)"},
    {"sizing", VALUE_TEXT, scenario_text, 11, NULL,
     "how concurrent users are counted: ordinary (enrolled x days/5 x "
     "peak) or continuity (every enrolled user at once)"},
    {"cheapest_among", VALUE_TEXT, scenario_text, 10, NULL,
     "the plans a simulation ranks for prob_cheapest, comma-separated "
     "(twc_set_text key cheapest_among; \"\": every plan)"},
    {"lang", VALUE_TEXT, scenario_text, 12, NULL,
     "the language of messages and of text, label and warning fields: ja "
     "or en (twc_set_text key lang: ja, en, or auto for the environment's)"},
    {"home_segment", VALUE_TEXT, style_segment, STYLE_HOME, NULL,
     "the network segment home work needs: internet or lgwan"},
    {"satellite_segment", VALUE_TEXT, style_segment, STYLE_SATELLITE, NULL,
     "the same for satellite-office work"},
    {"mobile_segment", VALUE_TEXT, style_segment, STYLE_MOBILE, NULL,
     "the same for mobile work"},
    {"home_rollout", VALUE_TEXT, phasing_text, PH_ROLLOUT + STYLE_HOME, NULL,
     "home enrolment by fiscal year (FY2025=0.3,FY2027=1; \"\": all "
     "from the start)"},
    {"satellite_rollout", VALUE_TEXT, phasing_text,
     PH_ROLLOUT + STYLE_SATELLITE, NULL, "the same for satellite offices"},
    {"mobile_rollout", VALUE_TEXT, phasing_text, PH_ROLLOUT + STYLE_MOBILE,
     NULL, "the same for mobile work"},
    {"go_live", VALUE_TEXT, phasing_text, PH_GO_LIVE, NULL,
     "the go-live date running costs start from (\"\": the start of "
     "each year)"},
    {"funding", VALUE_TEXT, phasing_text, PH_FUNDING, NULL,
     "other funding, SOURCE:FY:AMOUNT;..."},
    {"later_initial_spending", VALUE_TEXT, phasing_text, PH_LATER, NULL,
     "the reading used: covered or not_covered"},
    {"lease_payments", VALUE_TEXT, phasing_text, PH_LEASE, NULL,
     "the reading used: eligible or not_eligible"},
    {"setsu", VALUE_TEXT, phasing_text, PH_SETSU, NULL,
     "where the 節 table came from"},
    {"users", VALUE_INT, total_users, 0, &style_level,
     "enrolled staff, all styles"},
    {"concurrent", VALUE_INT, NULL, 1, &style_level,
     "peak-day concurrent users of one style"},
    {"start_fy", VALUE_INT, scenario_number, S_START_FY, NULL,
     "the first fiscal year of the horizon"},
    {"start_bare_year", VALUE_INT, scenario_number, S_START_BARE, NULL,
     "1 when start was a year alone (2025, 2025年, 令和7年, or a number), "
     "which is read as that fiscal year (FY2025), not the calendar year; "
     "0 for a date or FY2025, R7, 令和7年度"},
    {"end_fy", VALUE_INT, scenario_number, S_END_FY, NULL,
     "the last fiscal year of the horizon"},
    {"deadline_fy", VALUE_INT, scenario_number, S_DEADLINE_FY, NULL,
     "the grant rule's start deadline"},
    {"first_fy", VALUE_INT, scenario_number, S_FIRST_FY, NULL,
     "the grant rule's first fiscal year"},
    {"grant_applies", VALUE_INT, scenario_number, S_GRANT_APPLIES, NULL,
     "1 when the entity and start qualify"},
    {"fiscal_index_rounded", VALUE_REAL, scenario_number, S_INDEX, NULL,
     "the fiscal index as the correction uses it"},
    {"m", VALUE_REAL, scenario_number, S_M, NULL,
     "the fiscal-capacity correction m(I)"},
    {"rate", VALUE_REAL, scenario_number, S_RATE, NULL,
     "the rule's rate (措置率)"},
    {"effective_rate", VALUE_REAL, scenario_number, S_EFFECTIVE_RATE, NULL,
     "rate x m actually applied (0 when no grant)"},
    {"year", VALUE_INT, NULL, 0, &scenario_year_level,
     "horizon year N (0 = the start year)"},
    {"fy", VALUE_INT, NULL, 0, &scenario_fy_level, "fiscal year YYYY"},
    {"warning", VALUE_TEXT, NULL, 0, &message_level, "scenario-wide warning N"},
    {"note", VALUE_TEXT, NULL, 1, &message_level, "scenario-wide note N"},
    {"plan", VALUE_TEXT, NULL, 0, &listed_level, "the id of plan N"},
    {"option", VALUE_TEXT, NULL, 1, &listed_level,
     "the id of catalogue option N"},
    {"category", VALUE_TEXT, NULL, 0, &category_level, "grant category N"},
    {"input", VALUE_TEXT, NULL, 0, &input_level,
     "uncertain input N of the last simulation"},
    {"sim", VALUE_INT, NULL, 0, &run_level, "the last simulation's run"},
    {"breakeven", VALUE_INT, NULL, 0, &breakeven_level,
     "the last break-even search"},
    {NULL, 0, NULL, 0, NULL, NULL}};

const char input_fields_doc[] =
    "every numeric input key (staff, home, ...) is also a field: its "
    "current value, int for whole-number keys, else real (start as a "
    "field is the text above; start_fy is its number)";

const level scenario_level = {NULL,           NULL, NULL,
                              NEEDS_ESTIMATE, NULL, scenario_fields};

/* ---- a plan's years and items ------------------------------------------- */

static int
year_label(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_text(v, plan_of(c)->years[c->year].label);
}

static int
year_fy(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, plan_of(c)->years[c->year].fy);
}

enum {
	Y_REQUEST,
	Y_GENERAL,
	Y_REAL_BURDEN,
	Y_FUND /* + source */
};

/* The budget request's figures of a year: 事業費 (cost less own staff
 * time), 一般財源 (事業費 less other funding), 実質負担 (一般財源 less
 * the grant), and the funding of each source. */
static int
year_request(const cursor *c, int which, field_value *v)
{
	const year_result *y = &plan_of(c)->years[c->year];
	long long request = y->cost - y->staff_time;
	long long general = request - y->funding_total;

	switch (which) {
	case Y_REQUEST: return set_int(v, request);
	case Y_GENERAL: return set_int(v, general);
	case Y_REAL_BURDEN: return set_int(v, general - y->grant);
	}
	return set_int(v, y->funding[which - Y_FUND]);
}

static int
year_months(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, plan_of(c)->years[c->year].months);
}

static const field_def year_fields[] = {
    {"fy", VALUE_INT, year_fy, 0, NULL, "the fiscal year"},
    {"label", VALUE_TEXT, year_label, 0, NULL, "its era label, 令和7年度"},
    {"cost_yen", VALUE_INT, year_ll, offsetof(year_result, cost), NULL,
     "the year's cost"},
    {"eligible_yen", VALUE_INT, year_ll, offsetof(year_result, eligible), NULL,
     "the year's eligible spending (対象経費), also when no grant is paid "
     "on it"},
    {"grant_yen", VALUE_INT, year_ll, offsetof(year_result, grant), NULL,
     "the year's grant"},
    {"net_yen", VALUE_INT, year_ll, offsetof(year_result, net), NULL,
     "cost - grant"},
    {"initial_yen", VALUE_INT, year_ll, offsetof(year_result, initial), NULL,
     "initial spending in the year"},
    {"running_yen", VALUE_INT, year_ll, offsetof(year_result, running), NULL,
     "running costs in the year"},
    {"replacement_yen", VALUE_INT, year_ll, offsetof(year_result, replacement),
     NULL, "replacements in the year"},
    {"months", VALUE_INT, year_months, 0, NULL,
     "months of running costs (12; fewer in the go-live year)"},
    {"staff_time_yen", VALUE_INT, year_ll, offsetof(year_result, staff_time),
     NULL, "the entity's own staff time (in cost, not a budget line)"},
    {"eligible_strict_yen", VALUE_INT, year_ll,
     offsetof(year_result, eligible_strict), NULL,
     "eligible cost under the strictest readings"},
    {"eligible_generous_yen", VALUE_INT, year_ll,
     offsetof(year_result, eligible_generous), NULL,
     "eligible cost under the most generous readings"},
    {"grant_strict_yen", VALUE_INT, year_ll,
     offsetof(year_result, grant_strict), NULL,
     "the grant under the strictest readings"},
    {"grant_generous_yen", VALUE_INT, year_ll,
     offsetof(year_result, grant_generous), NULL,
     "the grant under the most generous readings"},
    {"funding_yen", VALUE_INT, year_ll, offsetof(year_result, funding_total),
     NULL, "other funding (特定財源) counted"},
    {"funding_national_yen", VALUE_INT, year_request, Y_FUND + FUND_NATIONAL,
     NULL, "of which 国庫支出金"},
    {"funding_prefectural_yen", VALUE_INT, year_request,
     Y_FUND + FUND_PREFECTURAL, NULL, "of which 都道府県支出金"},
    {"funding_bond_yen", VALUE_INT, year_request, Y_FUND + FUND_BOND, NULL,
     "of which 地方債"},
    {"funding_other_yen", VALUE_INT, year_request, Y_FUND + FUND_OTHER, NULL,
     "of which other (その他特定財源)"},
    {"deducted_yen", VALUE_INT, year_ll, offsetof(year_result, deducted), NULL,
     "other funding deducted from eligible cost before the grant"},
    {"request_cost_yen", VALUE_INT, year_request, Y_REQUEST, NULL,
     "事業費: the year's cost less own staff time"},
    {"general_yen", VALUE_INT, year_request, Y_GENERAL, NULL,
     "一般財源: 事業費 less other funding"},
    {"real_burden_yen", VALUE_INT, year_request, Y_REAL_BURDEN, NULL,
     "実質負担額: 一般財源 less the expected grant"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level year_level = {"N",
                                 "0 to twc_count(m, plan, \"years\") - 1",
                                 enter_year_index,
                                 NEEDS_ESTIMATE,
                                 NULL,
                                 year_fields};

static const level fy_level = {"YYYY",   "a fiscal year of the horizon",
                               enter_fy, NEEDS_ESTIMATE,
                               NULL,     year_fields};

static int
item_year_yen(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, plan_of(c)->items[c->item].per_year[c->year]);
}

static int
item_year_count(const cursor *c, int months, field_value *v)
{
	const item_result *ir = &plan_of(c)->items[c->item];

	return set_int(v, months ? ir->months[c->year] : ir->qty[c->year]);
}

static const field_def item_year_fields[] = {
    {"yen", VALUE_INT, item_year_yen, 0, NULL,
     "the item's cost in that fiscal year"},
    {"qty", VALUE_INT, item_year_count, 0, NULL,
     "the units bought or paid for that year"},
    {"months", VALUE_INT, item_year_count, 1, NULL,
     "the months paid that year (running and leased items)"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level item_year_level = {"K",
                                      "0 to twc_count(m, plan, \"years\") - 1",
                                      enter_year_index,
                                      NEEDS_ESTIMATE,
                                      NULL,
                                      item_year_fields};

static const level item_fy_level = {"YYYY",   "a fiscal year of the horizon",
                                    enter_fy, NEEDS_ESTIMATE,
                                    NULL,     item_year_fields};

enum {
	T_ID,
	T_LABEL,
	T_LABEL_EN,
	T_CATEGORY,
	T_CATEGORY_LABEL,
	T_PHASE,
	T_DRIVER,
	T_OPTION,
	T_WAY,
	T_SOURCE
};

static int
item_text(const cursor *c, int which, field_value *v)
{
	const item_result *ir = &plan_of(c)->items[c->item];
	const item *it = &cat_of(c)->items[ir->item];
	const category *k = &c->m->p->grant.cats[it->category];

	switch (which) {
	case T_ID: return set_text(v, it->id);
	case T_LABEL: return set_text(v, it->label_ja);
	case T_LABEL_EN: return set_text(v, it->label_en);
	case T_CATEGORY: return set_text(v, k->id);
	case T_CATEGORY_LABEL: return set_text(v, k->label_ja);
	case T_PHASE: return set_text(v, phase_name(it->phase));
	case T_DRIVER: return set_text(v, driver_name(it->driver));
	case T_WAY:
		return set_text(v, ir->way == WAY_LEASED    ? "leased"
		                   : ir->way == WAY_RUNNING ? "running"
		                                            : "bought");
	case T_SOURCE: return set_text(v, it->source ? it->source : "");
	}
	return set_text(v, cat_of(c)->options[ir->option].id);
}

static int
item_eligible(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, plan_of(c)->items[c->item].eligible > 0);
}

static int
item_every(const cursor *c, int arg, field_value *v)
{
	const item_result *ir = &plan_of(c)->items[c->item];

	(void)arg;
	return set_int(v, cat_of(c)->items[ir->item].every);
}

static const field_def item_fields[] = {
    {"quantity", VALUE_INT, item_ll, offsetof(item_result, quantity), NULL,
     "units bought or paid for"},
    {"unit_yen", VALUE_INT, item_ll, offsetof(item_result, unit_yen), NULL,
     "yen a unit, consumption tax included"},
    {"total_yen", VALUE_INT, item_ll, offsetof(item_result, total), NULL,
     "the item's cost over the horizon"},
    {"eligible_yen", VALUE_INT, item_ll, offsetof(item_result, eligible), NULL,
     "the part of it that is eligible spending (対象経費)"},
    {"eligible", VALUE_INT, item_eligible, 0, NULL,
     "1 when any of it is eligible"},
    {"every", VALUE_INT, item_every, 0, NULL,
     "replacement cycle in years (0 if none)"},
    {"id", VALUE_TEXT, item_text, T_ID, NULL, "the item's catalogue id"},
    {"label", VALUE_TEXT, item_text, T_LABEL, NULL, "its name in Japanese"},
    {"label_ja", VALUE_TEXT, item_text, T_LABEL, NULL, "its name in Japanese"},
    {"label_en", VALUE_TEXT, item_text, T_LABEL_EN, NULL,
     "its name in English"},
    {"category", VALUE_TEXT, item_text, T_CATEGORY, NULL,
     "its grant category id"},
    {"category_label", VALUE_TEXT, item_text, T_CATEGORY_LABEL, NULL,
     "the category's name"},
    {"phase", VALUE_TEXT, item_text, T_PHASE, NULL,
     "initial, annual or replacement"},
    {"driver", VALUE_TEXT, item_text, T_DRIVER, NULL,
     "users, concurrent, lent_devices, seats, sites, servers, fixed, "
     "allowance_users, new_sites or office_pcs"},
    {"option", VALUE_TEXT, item_text, T_OPTION, NULL,
     "the option it belongs to"},
    {"way", VALUE_TEXT, item_text, T_WAY, NULL,
     "bought, running (paid year by year) or leased"},
    {"source", VALUE_TEXT, item_text, T_SOURCE, NULL,
     "where its price comes from, as the catalogue states it (\"\" when "
     "it states it only in a comment)"},
    {"year", VALUE_INT, NULL, 0, &item_year_level,
     "horizon year K: year:K:yen"},
    {"fy", VALUE_INT, NULL, 0, &item_fy_level, "fiscal year YYYY: fy:YYYY:yen"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level item_level = {
    "N",        "0 to twc_count(m, plan, \"items\") - 1, or the item's id",
    enter_item, NEEDS_ESTIMATE,
    NULL,       item_fields};

/* ---- the budget request's lines and contracts -------------------------- */

static int
enter_line(cursor *c, const char *key)
{
	return enter_index(c, key, plan_of(c)->n_lines, "request line");
}

enum {
	L_YEAR,
	L_FY,
	L_SETSU,
	L_SETSU_NAME,
	L_SAISETSU,
	L_ITEM,
	L_LABEL,
	L_LABEL_EN
};

static int
line_field(const cursor *c, int which, field_value *v)
{
	const plan_result *pr = plan_of(c);
	const line_result *l = &pr->lines[c->index];
	const item *it = &cat_of(c)->items[pr->items[l->item].item];
	const char *name = setsu_name(&c->m->p->setsu, l->setsu);

	switch (which) {
	case L_YEAR: return set_int(v, l->year);
	case L_FY: return set_int(v, pr->years[l->year].fy);
	case L_SETSU: return set_int(v, l->setsu);
	case L_SETSU_NAME: return set_text(v, name ? name : "");
	case L_SAISETSU: return set_text(v, l->saisetsu);
	case L_ITEM: return set_text(v, it->id);
	case L_LABEL_EN: return set_text(v, it->label_en);
	}
	return set_text(v, it->label_ja);
}

static int
line_text(const cursor *c, int arg, field_value *v)
{
	const line_result *l = &plan_of(c)->lines[c->index];

	return set_text(v, arg == LANG_EN ? l->basis_en : l->basis);
}

static int
line_yen(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, plan_of(c)->lines[c->index].yen);
}

static const field_def line_fields[] = {
    {"year", VALUE_INT, line_field, L_YEAR, NULL,
     "its horizon year (0 = the start year)"},
    {"fy", VALUE_INT, line_field, L_FY, NULL, "its fiscal year"},
    {"setsu", VALUE_INT, line_field, L_SETSU, NULL, "its 節 (17 備品購入費)"},
    {"setsu_name", VALUE_TEXT, line_field, L_SETSU_NAME, NULL, "the 節's name"},
    {"saisetsu", VALUE_TEXT, line_field, L_SAISETSU, NULL,
     "its 細節 (\"\" when none)"},
    {"item", VALUE_TEXT, line_field, L_ITEM, NULL, "the item's id"},
    {"label", VALUE_TEXT, line_field, L_LABEL, NULL, "the item's name"},
    {"label_en", VALUE_TEXT, line_field, L_LABEL_EN, NULL,
     "the item's name in English"},
    {"basis", VALUE_TEXT, line_text, LANG_JA, NULL,
     "its 積算基礎: 貸与用ノートPC 180,000円×16台"},
    {"basis_en", VALUE_TEXT, line_text, LANG_EN, NULL,
     "the same in English: Lent laptops: ¥180,000 × 16"},
    {"yen", VALUE_INT, line_yen, 0, NULL, "the line's amount"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level line_level = {
    "N",        "0 to twc_count(m, plan, \"lines\") - 1",
    enter_line, NEEDS_REQUEST,
    NULL,       line_fields};

static int
enter_debt(cursor *c, const char *key)
{
	return enter_index(c, key, plan_of(c)->n_debts, "contract");
}

enum {
	D_ITEM,
	D_LABEL,
	D_LABEL_EN,
	D_CONTRACT,
	D_FROM,
	D_TO,
	D_LIMIT,
	D_PERIOD
};

static int
debt_field(const cursor *c, int which, field_value *v)
{
	const plan_result *pr = plan_of(c);
	const debt_result *d = &pr->debts[c->index];
	const item *it = &cat_of(c)->items[pr->items[d->item].item];

	switch (which) {
	case D_PERIOD: return set_text(v, d->period);
	case D_ITEM: return set_text(v, it->id);
	case D_LABEL: return set_text(v, it->label_ja);
	case D_LABEL_EN: return set_text(v, it->label_en);
	case D_CONTRACT: return set_int(v, d->contract_fy);
	case D_FROM: return set_int(v, d->from_fy);
	case D_TO: return set_int(v, d->to_fy);
	}
	return set_int(v, d->limit);
}

static const field_def debt_fields[] = {
    {"item", VALUE_TEXT, debt_field, D_ITEM, NULL, "the item's id"},
    {"label", VALUE_TEXT, debt_field, D_LABEL, NULL, "the item's name"},
    {"label_en", VALUE_TEXT, debt_field, D_LABEL_EN, NULL,
     "the item's name in English"},
    {"contract_fy", VALUE_INT, debt_field, D_CONTRACT, NULL,
     "the budget year the contract is made in"},
    {"from_fy", VALUE_INT, debt_field, D_FROM, NULL,
     "the first fiscal year it commits"},
    {"to_fy", VALUE_INT, debt_field, D_TO, NULL, "the last"},
    {"limit_yen", VALUE_INT, debt_field, D_LIMIT, NULL,
     "限度額: what it commits in those years"},
    {"period", VALUE_TEXT, debt_field, D_PERIOD, NULL,
     "期間 as a budget writes it: 令和8年度から令和11年度まで"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level debt_level = {
    "N",        "0 to twc_count(m, plan, \"debts\") - 1",
    enter_debt, NEEDS_REQUEST,
    NULL,       debt_fields};

/* ---- a plan's simulation -------------------------------------------------
 */

static const sim_plan *
sim_plan_of(const cursor *c)
{
	return &c->m->sim.plans[c->plan];
}

enum { PROB_CHEAPEST, PROB_BELOW, PROB_CHEAPEST_ANY, PROB_CHEAPEST_FIT };

static int
sim_prob(const cursor *c, int which, field_value *v)
{
	const sim_plan *sp = sim_plan_of(c);

	if (which == PROB_CHEAPEST_FIT) /* 0, not NaN, when not ranked */
		return set_real(
		    v, isnan(sp->prob_cheapest) ? 0 : sp->prob_cheapest);
	return set_real(v, which == PROB_BELOW ? sp->prob_below_reference
	                   : which == PROB_CHEAPEST_ANY ? sp->prob_cheapest_any
	                                                : sp->prob_cheapest);
}

/* Why prob_cheapest leaves this plan out: "" when it is ranked. */
static int
sim_excluded(const cursor *c, int arg, field_value *v)
{
	static const char *const why[] = {"", "security", "among"};

	(void)arg;
	return set_text(v, why[sim_plan_of(c)->excluded]);
}

/* A statistic (arg: its offset in sim_stats) of net (c->arg 0), total (1)
 * or grant (2); total and grant made first, when the simulation left them
 * (sim_figures net). */
static int
stat_value(const cursor *c, int off, field_value *v)
{
	twc_model *m = c->m;
	const sim_plan *sp;
	const sim_stats *st;
	int rc;

	if (c->arg != 0 &&
	    (rc = sim_totals(m->p, &m->sc, &m->r, &m->sim, &m->err)) != TWC_OK)
		return rc;
	sp = sim_plan_of(c);
	st = c->arg == 0 ? &sp->net : c->arg == 1 ? &sp->total : &sp->grant;

	return set_int(v, llround(MEMBER(double, st, off)));
}

static const field_def stat_fields[] = {
    {"mean", VALUE_INT, stat_value, offsetof(sim_stats, mean), NULL,
     "the mean over the draws"},
    {"p5", VALUE_INT, stat_value, offsetof(sim_stats, p5), NULL,
     "the 5th percentile"},
    {"p10", VALUE_INT, stat_value, offsetof(sim_stats, p10), NULL,
     "the 10th percentile"},
    {"p50", VALUE_INT, stat_value, offsetof(sim_stats, p50), NULL,
     "the median"},
    {"p90", VALUE_INT, stat_value, offsetof(sim_stats, p90), NULL,
     "the 90th percentile"},
    {"p95", VALUE_INT, stat_value, offsetof(sim_stats, p95), NULL,
     "the 95th percentile"},
    {"min", VALUE_INT, stat_value, offsetof(sim_stats, min), NULL,
     "the lowest draw"},
    {"max", VALUE_INT, stat_value, offsetof(sim_stats, max), NULL,
     "the highest draw"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level stat_level = {NULL, NULL,       NULL, NEEDS_SIMULATION,
                                 NULL, stat_fields};

static int
cdf_value(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_int(v, llround(sim_plan_of(c)->cdf[c->index]));
}

static const field_def cdf_fields[] = {
    {"yen", VALUE_INT, cdf_value, 0, NULL,
     "net cost at percentile K, 0 to 100 (the S-curve)"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level cdf_level = {
    "K", "0 to 100", enter_percentile, NEEDS_SIMULATION, "yen", cdf_fields};

enum { H_COUNT, H_FROM, H_TO };

static int
hist_value(const cursor *c, int which, field_value *v)
{
	const sim_plan *sp = sim_plan_of(c);

	if (which == H_COUNT)
		return set_int(v, sp->hist[c->index]);
	return set_int(v, llround(sp->hist_edge[c->index + (which == H_TO)]));
}

static const field_def hist_fields[] = {
    {"count", VALUE_INT, hist_value, H_COUNT, NULL,
     "draws in bin K of the net-cost histogram"},
    {"from_yen", VALUE_INT, hist_value, H_FROM, NULL, "the bin's low end"},
    {"to_yen", VALUE_INT, hist_value, H_TO, NULL, "the bin's high end"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level hist_level = {
    "K",       "0 to twc_count(m, plan, \"hist\") - 1",
    enter_bin, NEEDS_SIMULATION,
    NULL,      hist_fields};

/* ---- the budget request per fiscal year over the draws ----------------- */

/* sim:year:N - made on first need (sim_years), then year N. */
static int
enter_sim_year(cursor *c, const char *key)
{
	twc_model *m = c->m;
	int rc = sim_years(m->p, &m->sc, &m->r, &m->sim, &m->err);

	if (rc != TWC_OK)
		return rc;
	return enter_year(c, key, 0);
}

static const sim_year *
sim_year_of(const cursor *c)
{
	return &sim_plan_of(c)->years[c->year];
}

/* 事業費 (arg 0) or 実質負担額 (arg 1) at percentile c->index. */
static int
year_pct(const cursor *c, int arg, field_value *v)
{
	const sim_year *y = sim_year_of(c);

	(void)arg;
	return set_int(v,
	               llround(c->arg ? y->real[c->index] : y->cost[c->index]));
}

enum { YS_FY, YS_COST_MEAN, YS_REAL_MEAN };

static int
year_sim_value(const cursor *c, int which, field_value *v)
{
	const sim_year *y = sim_year_of(c);

	switch (which) {
	case YS_FY: return set_int(v, plan_of(c)->years[c->year].fy);
	case YS_COST_MEAN: return set_int(v, llround(y->cost_mean));
	}
	return set_int(v, llround(y->real_mean));
}

static const field_def cost_pct_fields[] = {
    {"yen", VALUE_INT, year_pct, 0, NULL,
     "the budget request's 事業費 of the year (its cost less own staff "
     "time) at percentile K, 0 to 100, over the draws; with every input "
     "at its mode it is year:N:request_cost_yen"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const field_def real_pct_fields[] = {
    {"yen", VALUE_INT, year_pct, 0, NULL,
     "its 実質負担額 (事業費 less other funding less the expected grant) "
     "at percentile K, 0 to 100; with every input at its mode it is "
     "year:N:real_burden_yen"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level cost_pct_level = {
    "K",   "0 to 100",     enter_percentile, NEEDS_SIMULATION,
    "yen", cost_pct_fields};

static const level real_pct_level = {
    "K",   "0 to 100",     enter_percentile, NEEDS_SIMULATION,
    "yen", real_pct_fields};

static const field_def sim_year_fields[] = {
    {"fy", VALUE_INT, year_sim_value, YS_FY, NULL, "the fiscal year"},
    {"cost", VALUE_INT, NULL, 0, &cost_pct_level,
     "cost:K, 事業費 at percentile K"},
    {"real_burden", VALUE_INT, NULL, 1, &real_pct_level,
     "real_burden:K, 実質負担額 at percentile K"},
    {"cost_mean_yen", VALUE_INT, year_sim_value, YS_COST_MEAN, NULL,
     "the mean of 事業費 over the draws"},
    {"real_burden_mean_yen", VALUE_INT, year_sim_value, YS_REAL_MEAN, NULL,
     "the mean of 実質負担額 over the draws"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level sim_year_level = {
    "N",
    "0 to twc_count(m, plan, \"years\") - 1 (the first read runs the "
    "draws again, gathering each year)",
    enter_sim_year,
    NEEDS_SIMULATION,
    NULL,
    sim_year_fields};

static const field_def plan_sim_fields[] = {
    {"prob_cheapest", VALUE_REAL, sim_prob, PROB_CHEAPEST, NULL,
     "share of draws in which this plan's net cost is the lowest of the "
     "plans ranked: those whose security fit is ok, among the plans "
     "cheapest_among names (all when unset); the first on a tie; NaN for "
     "a plan not ranked (cheapest_excluded says why); the ranked plans' "
     "values add up to 1"},
    {"prob_cheapest_any", VALUE_REAL, sim_prob, PROB_CHEAPEST_ANY, NULL,
     "the same over every plan, whatever its security fit"},
    {"prob_cheapest_fit", VALUE_REAL, sim_prob, PROB_CHEAPEST_FIT, NULL,
     "prob_cheapest with 0 instead of NaN for a plan not ranked (the "
     "name the web page reads)"},
    {"cheapest_excluded", VALUE_TEXT, sim_excluded, 0, NULL,
     "why prob_cheapest leaves this plan out: \"security\" (its security "
     "fit is a warning), \"among\" (cheapest_among leaves it out), or "
     "\"\" when it is ranked"},
    {"prob_below_reference", VALUE_REAL, sim_prob, PROB_BELOW, NULL,
     "share of draws in which it is lower than the reference plan's"},
    {"net_yen", VALUE_INT, NULL, 0, &stat_level,
     "net_yen:S, statistic S of the net cost over the draws"},
    {"total_yen", VALUE_INT, NULL, 1, &stat_level,
     "total_yen:S, the same of the total cost"},
    {"grant_yen", VALUE_INT, NULL, 2, &stat_level,
     "grant_yen:S, the same of the grant"},
    {"cdf", VALUE_INT, NULL, 0, &cdf_level, "cdf:K, the S-curve"},
    {"hist", VALUE_INT, NULL, 0, &hist_level, "hist:K:F, the histogram"},
    {"year", VALUE_INT, NULL, 0, &sim_year_level,
     "year:N:F, the budget request of fiscal year N over the draws"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level plan_sim_level = {
    NULL, NULL, NULL, NEEDS_SIMULATION, NULL, plan_sim_fields};

static const tornado_bar *
bar_of(const cursor *c)
{
	return &sim_plan_of(c)->bars[c->index];
}

static int
bar_ll(const cursor *c, int off, field_value *v)
{
	return set_int(v, MEMBER(long long, bar_of(c), off));
}

static int
bar_real(const cursor *c, int off, field_value *v)
{
	return set_real(v, MEMBER(double, bar_of(c), off));
}

static int
bar_input(const cursor *c, int arg, field_value *v)
{
	(void)arg;
	return set_text(v, c->m->sim.inputs[bar_of(c)->input].id);
}

static const field_def bar_fields[] = {
    {"input", VALUE_TEXT, bar_input, 0, NULL,
     "the input with the Nth largest swing of this plan's net cost"},
    {"low_value", VALUE_REAL, bar_real, offsetof(tornado_bar, low_value), NULL,
     "that input at its P10"},
    {"high_value", VALUE_REAL, bar_real, offsetof(tornado_bar, high_value),
     NULL, "that input at its P90"},
    {"low_yen", VALUE_INT, bar_ll, offsetof(tornado_bar, low_yen), NULL,
     "the plan's net cost with the input at its P10, every other at base"},
    {"high_yen", VALUE_INT, bar_ll, offsetof(tornado_bar, high_yen), NULL,
     "the same with the input at its P90"},
    {"swing_yen", VALUE_INT, bar_ll, offsetof(tornado_bar, swing_yen), NULL,
     "the difference"},
    {"rank_corr", VALUE_REAL, bar_real, offsetof(tornado_bar, rank_corr), NULL,
     "Spearman's rank correlation of the input's draws with net cost; "
     "NaN when either never varies"},
    {NULL, 0, NULL, 0, NULL, NULL}};

static const level bar_level = {
    "N",       "0 to twc_count(m, plan, \"tornado\") - 1",
    enter_bar, NEEDS_SIMULATION,
    NULL,      bar_fields};

/* ---- a plan ---------------------------------------------------------------
 */

enum { P_ID, P_LABEL, P_LABEL_EN, P_SECURITY_FIT };

static int
plan_text(const cursor *c, int which, field_value *v)
{
	const plan_spec *pl = &cat_of(c)->plans[c->plan];

	switch (which) {
	case P_ID: return set_text(v, pl->id);
	case P_LABEL: return set_text(v, pl->label_ja);
	case P_LABEL_EN: return set_text(v, pl->label_en);
	}
	return set_text(v, plan_of(c)->security_ok ? "ok" : "warning");
}

enum {
	P_RATE,
	P_SECURITY_OK,
	P_FLIP_FY,
	P_INDEX,
	P_IS_REFERENCE,
	P_CAPPED,
	P_REQUEST,
	P_GENERAL,
	P_REAL_BURDEN
};

static int
plan_number(const cursor *c, int which, field_value *v)
{
	const plan_result *pr = plan_of(c);

	switch (which) {
	case P_RATE: return set_real(v, pr->effective_rate);
	case P_SECURITY_OK: return set_int(v, pr->security_ok);
	case P_FLIP_FY: return set_int(v, pr->flip_fy);
	case P_INDEX: return set_int(v, c->plan);
	case P_IS_REFERENCE: return set_int(v, c->plan == res(c)->reference);
	case P_CAPPED: return set_int(v, pr->funding_capped);
	case P_REQUEST: return set_int(v, pr->total - pr->staff_time);
	case P_GENERAL:
		return set_int(v, pr->total - pr->staff_time - pr->funding);
	}
	return set_int(v, pr->total - pr->staff_time - pr->funding - pr->grant);
}

static const field_def plan_fields[] = {
    {"initial_yen", VALUE_INT, plan_ll, offsetof(plan_result, initial), NULL,
     "initial cost (first year's one-off spending)"},
    {"annual_yen", VALUE_INT, plan_ll, offsetof(plan_result, annual), NULL,
     "running cost of one full year"},
    {"running_yen", VALUE_INT, plan_ll, offsetof(plan_result, running), NULL,
     "running cost over the horizon"},
    {"replacement_yen", VALUE_INT, plan_ll, offsetof(plan_result, replacement),
     NULL, "replacements over the horizon"},
    {"total_yen", VALUE_INT, plan_ll, offsetof(plan_result, total), NULL,
     "initial + running + replacement"},
    {"eligible_yen", VALUE_INT, plan_ll, offsetof(plan_result, eligible), NULL,
     "the eligible spending (対象経費: initial spending in the categories "
     "the rule names), also when no grant is paid on it (the warnings say "
     "why)"},
    {"grant_yen", VALUE_INT, plan_ll, offsetof(plan_result, grant), NULL,
     "特別交付税措置: 1000 x round_half_up(eligible x rate x m / 1000) a "
     "year"},
    {"net_yen", VALUE_INT, plan_ll, offsetof(plan_result, net), NULL,
     "total - grant: what the entity pays"},
    {"per_user_year_yen", VALUE_INT, plan_ll,
     offsetof(plan_result, per_user_year), NULL,
     "net per enrolled user per year"},
    {"vs_jlis_yen", VALUE_INT, plan_ll, offsetof(plan_result, vs_reference),
     NULL, "net minus the reference (J-LIS) plan's net"},
    {"vs_reference_yen", VALUE_INT, plan_ll,
     offsetof(plan_result, vs_reference), NULL, "the same"},
    {"users", VALUE_INT, plan_ll, offsetof(plan_result, users), NULL,
     "the users this plan serves"},
    {"concurrent", VALUE_INT, plan_ll, offsetof(plan_result, concurrent), NULL,
     "their peak-day concurrency"},
    {"effective_rate", VALUE_REAL, plan_number, P_RATE, NULL,
     "rate x m applied to this plan"},
    {"security_ok", VALUE_INT, plan_number, P_SECURITY_OK, NULL,
     "1 when the plan fits the work's network segment"},
    {"flip_fy", VALUE_INT, plan_number, P_FLIP_FY, NULL,
     "the fiscal year from which this plan's cumulative net cost is on "
     "the other side of the reference plan's (0: never)"},
    {"index", VALUE_INT, plan_number, P_INDEX, NULL,
     "the plan's position (as in plan:N)"},
    {"is_reference", VALUE_INT, plan_number, P_IS_REFERENCE, NULL,
     "1 for the reference plan"},
    {"id", VALUE_TEXT, plan_text, P_ID, NULL, "the plan's id"},
    {"label", VALUE_TEXT, plan_text, P_LABEL, NULL, "its name in Japanese"},
    {"label_ja", VALUE_TEXT, plan_text, P_LABEL, NULL, "its name in Japanese"},
    {"label_en", VALUE_TEXT, plan_text, P_LABEL_EN, NULL,
     "its name in English"},
    {"security_fit", VALUE_TEXT, plan_text, P_SECURITY_FIT, NULL,
     "ok or warning"},
    {"grant_strict_yen", VALUE_INT, plan_ll,
     offsetof(plan_result, grant_strict), NULL,
     "the grant under the strictest readings (later initial spending "
     "not covered, lease payments not eligible)"},
    {"grant_generous_yen", VALUE_INT, plan_ll,
     offsetof(plan_result, grant_generous), NULL,
     "the grant under the most generous readings"},
    {"funding_yen", VALUE_INT, plan_ll, offsetof(plan_result, funding), NULL,
     "other funding (特定財源) counted over the horizon"},
    {"deducted_yen", VALUE_INT, plan_ll, offsetof(plan_result, deducted), NULL,
     "other funding deducted from eligible cost before the grant"},
    {"staff_time_yen", VALUE_INT, plan_ll, offsetof(plan_result, staff_time),
     NULL, "the entity's own staff time (in total cost, not a budget line)"},
    {"funding_capped", VALUE_INT, plan_number, P_CAPPED, NULL,
     "1 when other funding was more than a year's cost (then cut to it)"},
    {"request_cost_yen", VALUE_INT, plan_number, P_REQUEST, NULL,
     "事業費 over the horizon: total less own staff time"},
    {"general_yen", VALUE_INT, plan_number, P_GENERAL, NULL,
     "一般財源 over the horizon"},
    {"real_burden_yen", VALUE_INT, plan_number, P_REAL_BURDEN, NULL,
     "実質負担額 over the horizon: 一般財源 less the grant"},
    {"year", VALUE_INT, NULL, 0, &year_level,
     "horizon year N (0 = the start year)"},
    {"fy", VALUE_INT, NULL, 0, &fy_level, "fiscal year YYYY"},
    {"item", VALUE_INT, NULL, 0, &item_level, "cost item N, or by id"},
    {"warning", VALUE_TEXT, NULL, 0, &message_level, "this plan's warning N"},
    {"note", VALUE_TEXT, NULL, 1, &message_level, "this plan's note N"},
    {"sim", VALUE_INT, NULL, 0, &plan_sim_level,
     "the last simulation, for this plan"},
    {"tornado", VALUE_INT, NULL, 0, &bar_level,
     "tornado bar N of the last simulation, largest swing first"},
    {"line", VALUE_INT, NULL, 0, &line_level,
     "line N of the budget request, by year, 節 and 細節"},
    {"debt", VALUE_INT, NULL, 0, &debt_level,
     "contract N that spans fiscal years (債務負担行為)"},
    {NULL, 0, NULL, 0, NULL, NULL}};

const level plan_level = {NULL, NULL, NULL, NEEDS_ESTIMATE, NULL, plan_fields};

/* ---- counts ------------------------------------------------------------- */

static int
count_plans(const cursor *c)
{
	return res(c)->n_plans;
}

static int
count_years(const cursor *c)
{
	return res(c)->n_years;
}

static int
count_warnings(const cursor *c)
{
	return c->plan < 0 ? res(c)->warnings.n : plan_of(c)->warnings.n;
}

static int
count_notes(const cursor *c)
{
	return c->plan < 0 ? res(c)->notes.n : plan_of(c)->notes.n;
}

static int
count_options(const cursor *c)
{
	return cat_of(c)->n_options;
}

static int
count_categories(const cursor *c)
{
	return c->m->p->grant.n_cats;
}

static int
count_inputs(const cursor *c)
{
	return c->m->sim.n_inputs;
}

static int
count_crossings(const cursor *c)
{
	return c->m->be.n_crossings;
}

static int
count_items(const cursor *c)
{
	return plan_of(c)->n_items;
}

static int
count_lines(const cursor *c)
{
	return plan_of(c)->n_lines;
}

static int
count_debts(const cursor *c)
{
	return plan_of(c)->n_debts;
}

static int
count_bins(const cursor *c)
{
	(void)c;
	return SIM_HIST_BINS;
}

static int
count_bars(const cursor *c)
{
	twc_model *m = c->m;

	if (sim_sensitivity(m->p, &m->sc, &m->r, &m->sim, &m->err))
		return m->err.status;
	return m->sim.plans[c->plan].n_bars;
}

const count_def scenario_counts[] = {
    {"plans", NEEDS_ESTIMATE, count_plans, "plans of the catalogue"},
    {"years", NEEDS_ESTIMATE, count_years, "fiscal years of the horizon"},
    {"warnings", NEEDS_ESTIMATE, count_warnings, "scenario-wide warnings"},
    {"notes", NEEDS_ESTIMATE, count_notes, "scenario-wide notes"},
    {"options", NEEDS_ESTIMATE, count_options, "options of the catalogue"},
    {"categories", NEEDS_ESTIMATE, count_categories,
     "cost categories of the grant rule"},
    {"inputs", NEEDS_SIMULATION, count_inputs,
     "uncertain inputs of the last simulation"},
    {"crossings", NEEDS_BREAKEVEN, count_crossings,
     "crossings the last break-even search found"},
    {NULL, 0, NULL, NULL}};

const count_def plan_counts[] = {
    {"items", NEEDS_ESTIMATE, count_items, "the plan's cost items"},
    {"years", NEEDS_ESTIMATE, count_years, "fiscal years of the horizon"},
    {"warnings", NEEDS_ESTIMATE, count_warnings, "the plan's warnings"},
    {"notes", NEEDS_ESTIMATE, count_notes, "the plan's notes"},
    {"lines", NEEDS_REQUEST, count_lines, "lines of the budget request"},
    {"debts", NEEDS_REQUEST, count_debts,
     "contracts that span fiscal years (債務負担行為)"},
    {"hist", NEEDS_SIMULATION, count_bins, "histogram bins"},
    {"tornado", NEEDS_SIMULATION, count_bars, "tornado bars"},
    {NULL, 0, NULL, NULL}};

/* ---- the walk -------------------------------------------------------------
 */

static int
split(twc_model *m, const char *field, path *p)
{
	char *s;

	if (field == NULL)
		return err_set(&m->err, TWC_EINVAL, "no field given");
	if (strlen(field) >= sizeof p->buf || !utf8_valid(field))
		return err_set(&m->err, TWC_EKEY,
		               "field '%.40s' is not a field name",
		               utf8_valid(field) ? field : "(not UTF-8)");
	strcpy(p->buf, field);
	p->n = 0;
	for (s = p->buf; p->n < MAX_PARTS; s++) {
		p->part[p->n++] = s;
		s = strchr(s, ':');
		if (s == NULL)
			return TWC_OK;
		*s = '\0';
	}
	return err_set(&m->err, TWC_EKEY, "field '%s' has too many parts",
	               field);
}

/* The original path, for messages. */
static void
join_path(const path *p, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < p->n && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
		                        i ? ":" : "", p->part[i]);
}

/* "unknown field (or count) NAME" in lang, for plan PLAN (an id, or
 * NULL), with the name meant when there is one: each a whole sentence,
 * for its translation. */
static void
name_message(char *buf, size_t n, int lang, int count, const char *name,
             const char *plan, const char *near)
{
	if (count && plan != NULL && near != NULL)
		msg_format(buf, n, lang,
		           "unknown count '%.60s' for plan '%.40s' (did you "
		           "mean '%s'?)",
		           name, plan, near);
	else if (count && plan != NULL)
		msg_format(buf, n, lang,
		           "unknown count '%.60s' for plan '%.40s'", name,
		           plan);
	else if (count && near != NULL)
		msg_format(buf, n, lang,
		           "unknown count '%.60s' (did you mean '%s'?)", name,
		           near);
	else if (count)
		msg_format(buf, n, lang, "unknown count '%.60s'", name);
	else if (plan != NULL && near != NULL)
		msg_format(buf, n, lang,
		           "unknown field '%.60s' for plan '%.40s' (did you "
		           "mean '%s'?)",
		           name, plan, near);
	else if (plan != NULL)
		msg_format(buf, n, lang,
		           "unknown field '%.60s' for plan '%.40s'", name,
		           plan);
	else if (near != NULL)
		msg_format(buf, n, lang,
		           "unknown field '%.60s' (did you mean '%s'?)", name,
		           near);
	else
		msg_format(buf, n, lang, "unknown field '%.60s'", name);
}

/* Refuse name, unknown at this level (a field, or a count), with the
 * plan the cursor is at and the name meant, in each language. */
static int
refuse_name(const cursor *c, int count, const char *name, const char *near)
{
	char msg[LANG_COUNT][TWC_MSG_MAX];
	const char *plan = c->plan >= 0 ? cat_of(c)->plans[c->plan].id : NULL;
	char cut[ECHO_MAX];
	int l;

	text_value(name, cut, sizeof cut);
	for (l = 0; l < LANG_COUNT; l++)
		name_message(msg[l], sizeof msg[l], l, count, cut, plan, near);
	return err_set_pair(&c->m->err, TWC_EKEY, msg[LANG_EN], msg[LANG_JA]);
}

static int
unknown(const cursor *c, const level *lv, const path *p, int at)
{
	const char *names[128], *near = NULL;
	char whole[160];
	int n = 0, k;

	join_path(p, whole, sizeof whole);
	while (at < p->n && lv->fields[n].name != NULL && n < 64) {
		names[n] = lv->fields[n].name;
		n++;
	}
	/* the scenario's numeric inputs read as fields too (walk) */
	for (k = 0; lv == &scenario_level && p->n == 1 &&
	            scenario_keys[k] != NULL && n < 128;
	     k++)
		names[n++] = scenario_keys[k];
	if (at < p->n && utf8_valid(p->part[at]))
		near = nearest_word(p->part[at], names, n);
	return refuse_name(c, 0, whole, near);
}

static int
needs_met(const cursor *c, enum level_needs needs)
{
	twc_model *m = c->m;

	if (needs == NEEDS_REQUEST)
		return model_request(m->p, &m->sc, &m->r, &m->err);
	if (needs == NEEDS_SIMULATION && c->m->sim.draws <= 0)
		return err_set(
		    &c->m->err, TWC_ESTATE,
		    "no simulation has run: call twc_simulate first");
	if (needs == NEEDS_BREAKEVEN && !c->m->be.valid)
		return err_set(
		    &c->m->err, TWC_ESTATE,
		    "no break-even search has run: call twc_breakeven");
	return TWC_OK;
}

static const field_def *
find_field(const level *lv, const char *name)
{
	const field_def *f;

	for (f = lv->fields; f->name != NULL; f++)
		if (f->name[0] == name[0] && strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* A numeric input key read as a field (scenario-wide, one part). */
static int
input_value(cursor *c, const char *key, field_value *v)
{
	twc_error ignored;
	double x = scenario_get(&c->m->sc, key, &ignored);

	if (isnan(x))
		return TWC_EKEY;
	return scenario_whole(key) ? set_int(v, (long long)x) : set_real(v, x);
}

/* Enter level lv through entry f: check what it needs, and read its key
 * from part *at when it has one. */
static int
descend(cursor *c, const field_def *f, const path *p, int *at)
{
	const level *lv = f->sub;
	int rc;

	c->arg = f->arg;
	if ((rc = needs_met(c, lv->needs)))
		return rc;
	if (lv->key_doc == NULL)
		return TWC_OK;
	if (*at >= p->n)
		return TWC_EKEY;
	return lv->enter(c, p->part[(*at)++]);
}

static int
walk(cursor *c, const level *lv, const path *p, field_value *v)
{
	const field_def *f;
	int at = 0, rc;

	if (lv == &scenario_level && p->n == 1 &&
	    find_field(lv, p->part[0]) == NULL &&
	    input_value(c, p->part[0], v) == TWC_OK)
		return TWC_OK;
	for (;;) {
		if (at >= p->n || (f = find_field(lv, p->part[at])) == NULL)
			return unknown(c, lv, p, at);
		at++;
		if (at == p->n && f->get != NULL)
			return f->get(c, f->arg, v);
		if (f->sub == NULL)
			return unknown(c, lv, p, at);
		rc = descend(c, f, p, &at);
		if (rc == TWC_EKEY && c->m->err.status == TWC_OK)
			return unknown(c, lv, p, at);
		if (rc != TWC_OK)
			return rc;
		lv = f->sub;
		if (at == p->n && lv->default_field != NULL &&
		    (f = find_field(lv, lv->default_field)) != NULL)
			return f->get(c, f->arg, v);
	}
}

/* ---- entry points ------------------------------------------------------- */

int
handle_plan(twc_model *m, const char *id)
{
	const catalog *c = &m->p->cat;
	const char *ids[64], *near;
	char list[512];
	size_t len = 0;
	int i = catalog_plan(c, id), n = c->n_plans < 64 ? c->n_plans : 64;

	if (i >= 0)
		return i;
	list[0] = '\0';
	for (i = 0; i < n; i++) {
		ids[i] = c->plans[i].id;
		if (len < sizeof list)
			len += (size_t)snprintf(list + len, sizeof list - len,
			                        "%s%s", i ? ", " : "", ids[i]);
	}
	near = utf8_valid(id) ? nearest_word(id, ids, n) : NULL;
	if (near != NULL)
		return err_set(&m->err, TWC_EKEY,
		               "unknown plan '%.40s' (did you mean '%s'?)", id,
		               near);
	return err_set(&m->err, TWC_EKEY, "unknown plan '%.40s' (plans: %s)",
	               utf8_valid(id) ? id : "(not UTF-8)", list);
}

/* A cursor at the scenario or at plan_id, with results up to date. */
static int
start(twc_model *m, const char *plan_id, cursor *c)
{
	int rc;

	memset(c, 0, sizeof *c);
	c->m = m;
	c->plan = -1;
	if ((rc = handle_refresh(m)))
		return rc;
	if (plan_id == NULL || plan_id[0] == '\0')
		return TWC_OK;
	c->plan = handle_plan(m, plan_id);
	return c->plan < 0 ? c->plan : TWC_OK;
}

int
handle_field(twc_model *m, const char *plan_id, const char *field,
             field_value *v)
{
	cursor c;
	path p;
	int rc;

	if ((rc = split(m, field, &p)) || (rc = start(m, plan_id, &c)))
		return rc;
	return walk(&c, c.plan < 0 ? &scenario_level : &plan_level, &p, v);
}

/* ---- one plan's own figure ---------------------------------------------- */

enum field_scope { SCOPE_ALL, SCOPE_PLAN, SCOPE_REFERENCE };

/* What a plan's field path (its first part, name) reads of the estimate:
 * the plan's own figures (a value of the plan's table, or of its years'
 * and items' levels), those and the reference plan's (the difference
 * from it, the year their order flips), or more (warnings and notes, the
 * budget request, a simulation...: computed in full).  A field added to
 * the plan's table that reads another plan's figures must be named here;
 * tests/unit/test_quick.c compares every one with the full estimate. */
static enum field_scope
field_scope(const char *name)
{
	static const char *const with_reference[] = {
	    "vs_jlis_yen", "vs_reference_yen", "flip_fy", NULL};
	static const char *const own_levels[] = {"year", "fy", "item", NULL};
	const field_def *f = find_field(&plan_level, name);
	int i;

	if (f == NULL)
		return SCOPE_ALL; /* refused by the full walk */
	for (i = 0; with_reference[i] != NULL; i++)
		if (strcmp(name, with_reference[i]) == 0)
			return SCOPE_REFERENCE;
	if (f->sub == NULL)
		return SCOPE_PLAN;
	for (i = 0; own_levels[i] != NULL; i++)
		if (strcmp(name, own_levels[i]) == 0)
			return SCOPE_PLAN;
	return SCOPE_ALL;
}

/* Whether path p reads a figure under the strictest or the most generous
 * readings (model.h's MODEL_EXTREMES), at any level: a field of the plan's
 * or its years' table that reads one must be named here
 * (tests/unit/test_quick.c compares every one with the full estimate). */
static int
reads_extremes(const path *p)
{
	static const char *const extremes[] = {
	    "grant_strict_yen", "grant_generous_yen", "eligible_strict_yen",
	    "eligible_generous_yen", NULL};
	int i, k;

	for (k = 0; k < p->n; k++)
		for (i = 0; extremes[i] != NULL; i++)
			if (strcmp(p->part[k], extremes[i]) == 0)
				return 1;
	return 0;
}

int
handle_field_once(twc_model *m, const char *plan_id, const char *field,
                  field_value *v)
{
	/* One plan's results fit here (two in not much more): no malloc. */
	max_align_t buf[16384 / sizeof(max_align_t)];
	enum field_scope scope;
	cursor c;
	path p;
	int plan, rc;

	v->kind = VALUE_INT;
	if (plan_id == NULL || field == NULL ||
	    (plan = catalog_plan(&m->p->cat, plan_id)) < 0 ||
	    split(m, field, &p) != TWC_OK ||
	    (scope = field_scope(p.part[0])) == SCOPE_ALL)
		return handle_field(m, plan_id, field, v);
	handle_invalidate(m);
	results_free(&m->r);
	rc = model_compute_plan(
	    m->p, &m->sc, &m->r, &m->err, plan,
	    (scope == SCOPE_REFERENCE ? MODEL_REFERENCE : 0u) |
	        (reads_extremes(&p) ? MODEL_EXTREMES : 0u),
	    buf, sizeof buf);
	if (rc == TWC_OK) {
		memset(&c, 0, sizeof c);
		c.m = m;
		c.plan = plan;
		rc = walk(&c, &plan_level, &p, v);
	}
	/* partial results: never read as the estimate */
	results_free(&m->r);
	if (v->kind == VALUE_TEXT)
		v->s = NULL; /* it was in the results */
	return rc;
}

/* Refuse a count that defs do not name, with the one meant. */
static int
unknown_count(const cursor *c, const count_def *defs, const char *what)
{
	const char *names[64], *near = NULL;
	int n = 0;

	while (defs[n].name != NULL && n < 64) {
		names[n] = defs[n].name;
		n++;
	}
	if (utf8_valid(what))
		near = nearest_word(what, names, n);
	return refuse_name(c, 1, what, near);
}

int
handle_count(twc_model *m, const char *plan_id, const char *what)
{
	const count_def *d;
	cursor c;
	int rc;

	if (what == NULL)
		return err_set(&m->err, TWC_EINVAL, "no count named");
	if ((rc = start(m, plan_id, &c)))
		return rc;
	for (d = c.plan < 0 ? scenario_counts : plan_counts; d->name; d++)
		if (strcmp(d->name, what) == 0)
			return (rc = needs_met(&c, d->needs)) ? rc
			                                      : d->count(&c);
	return unknown_count(&c, c.plan < 0 ? scenario_counts : plan_counts,
	                     what);
}
