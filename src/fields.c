/* fields.c - results by plan and field name: the one resolver behind
 * twc_result, twc_result_yen, twc_text and twc_count.
 *
 * A field is a name (net_yen) or a path of colon-separated parts
 * (fy:2026:net_yen, item:3:total_yen, item:vdi_server:year:0:yen). */
#include <config.h>

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handle.h"
#include "scenario.h"

/* The most parts a field path has. */
#define MAX_PARTS 6

typedef struct path {
	char buf[128];
	const char *part[MAX_PARTS];
	int n;
} path;

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

static int
unknown(twc_model *m, const char *plan_id, const char *field)
{
	return err_set(&m->err, TWC_EKEY, "unknown field '%.60s'%s%.40s%s",
	               field, plan_id ? " for plan '" : "",
	               plan_id ? plan_id : "", plan_id ? "'" : "");
}

static int
message(twc_model *m, const message_list *l, const char *index, field_value *v)
{
	long i = index_of(index);

	if (i < 0 || i >= l->n)
		return err_set(&m->err, TWC_EKEY,
		               "no message %.20s (there are %d)", index, l->n);
	return set_text(v, l->text[i]);
}

/* ---- one fiscal year of a plan ------------------------------------------ */

static int
year_field(twc_model *m, const year_result *y, const char *f, field_value *v)
{
	if (strcmp(f, "fy") == 0)
		return set_int(v, y->fy);
	if (strcmp(f, "label") == 0)
		return set_text(v, y->label);
	if (strcmp(f, "cost_yen") == 0)
		return set_int(v, y->cost);
	if (strcmp(f, "eligible_yen") == 0)
		return set_int(v, y->eligible);
	if (strcmp(f, "grant_yen") == 0)
		return set_int(v, y->grant);
	if (strcmp(f, "net_yen") == 0)
		return set_int(v, y->net);
	if (strcmp(f, "initial_yen") == 0)
		return set_int(v, y->initial);
	if (strcmp(f, "running_yen") == 0)
		return set_int(v, y->running);
	if (strcmp(f, "replacement_yen") == 0)
		return set_int(v, y->replacement);
	return err_set(&m->err, TWC_EKEY, "unknown year field '%.40s'", f);
}

/* The year index that parts "year:N" or "fy:YYYY" name, or a negative
 * status. */
static int
year_index(twc_model *m, const char *kind, const char *arg)
{
	long i = index_of(arg);
	const results *r = &m->r;

	if (strcmp(kind, "fy") == 0 && i >= 0)
		i -= m->sc.start_fy;
	if (i < 0 || i >= r->n_years)
		return err_set(&m->err, TWC_EKEY,
		               "%s:%.20s is outside the horizon (FY%d to FY%d, "
		               "year 0 to %d)",
		               kind, arg, m->sc.start_fy,
		               m->sc.start_fy + r->n_years - 1, r->n_years - 1);
	return (int)i;
}

static int
is_year_kind(const char *s)
{
	return strcmp(s, "year") == 0 || strcmp(s, "fy") == 0;
}

/* ---- one item of a plan ---------------------------------------------------
 */

static int
item_text(twc_model *m, const item_result *ir, const char *f, field_value *v)
{
	const catalog *c = &m->p->cat;
	const item *it = ir->item >= 0 ? &c->items[ir->item] : NULL;
	int cat = it ? it->category : grant_category(&m->p->grant, "licence");

	if (strcmp(f, "id") == 0)
		return set_text(v, it ? it->id : "trial_fee");
	if (strcmp(f, "label") == 0 || strcmp(f, "label_ja") == 0)
		return set_text(v, it ? it->label_ja
		                      : "試行終了後の利用料（想定）");
	if (strcmp(f, "label_en") == 0)
		return set_text(v, it ? it->label_en
		                      : "Fee after the free trial (assumed)");
	if (strcmp(f, "category") == 0)
		return set_text(v, cat >= 0 ? m->p->grant.cats[cat].id
		                            : "licence");
	if (strcmp(f, "category_label") == 0)
		return set_text(v,
		                cat >= 0 ? m->p->grant.cats[cat].label_ja : "");
	if (strcmp(f, "phase") == 0)
		return set_text(v, phase_name(it ? it->phase : PHASE_ANNUAL));
	if (strcmp(f, "driver") == 0)
		return set_text(v, driver_name(it ? it->driver : DRIVER_USERS));
	if (strcmp(f, "option") == 0)
		return set_text(v, c->options[ir->option].id);
	return unknown(m, NULL, f);
}

static int
item_field(twc_model *m, const item_result *ir, const path *p, field_value *v)
{
	const char *f = p->part[2];
	int k;

	if (p->n == 5 && is_year_kind(f) && strcmp(p->part[4], "yen") == 0) {
		if ((k = year_index(m, f, p->part[3])) < 0)
			return k;
		return set_int(v, ir->per_year[k]);
	}
	if (p->n != 3)
		return unknown(m, NULL, f);
	if (strcmp(f, "quantity") == 0)
		return set_int(v, ir->quantity);
	if (strcmp(f, "unit_yen") == 0)
		return set_int(v, ir->unit_yen);
	if (strcmp(f, "total_yen") == 0)
		return set_int(v, ir->total);
	if (strcmp(f, "eligible_yen") == 0)
		return set_int(v, ir->eligible);
	if (strcmp(f, "eligible") == 0)
		return set_int(v, ir->eligible > 0);
	if (strcmp(f, "every") == 0)
		return set_int(
		    v, ir->item >= 0 ? m->p->cat.items[ir->item].every : 0);
	return item_text(m, ir, f, v);
}

static int
find_item(twc_model *m, const plan_result *pr, const char *arg)
{
	long i = index_of(arg);
	int k;

	if (i >= 0 && i < pr->n_items)
		return (int)i;
	for (k = 0; i < 0 && k < pr->n_items; k++) {
		const item_result *ir = &pr->items[k];
		const char *id =
		    ir->item >= 0 ? m->p->cat.items[ir->item].id : "trial_fee";
		if (strcmp(id, arg) == 0)
			return k;
	}
	return err_set(&m->err, TWC_EKEY,
	               "this plan has no item %.40s (%d items)", arg,
	               pr->n_items);
}

/* ---- simulation --------------------------------------------------------- */

static int
need_sim(twc_model *m)
{
	if (m->sim.draws > 0)
		return TWC_OK;
	return err_set(&m->err, TWC_ESTATE,
	               "no simulation has run: call twc_simulate first");
}

static int
stat_field(twc_model *m, const sim_stats *st, const char *f, field_value *v)
{
	static const char *const names[] = {"mean", "p5",  "p10", "p50",
	                                    "p90",  "p95", "min", "max"};
	const double vals[] = {st->mean, st->p5,  st->p10, st->p50,
	                       st->p90,  st->p95, st->min, st->max};
	size_t i;

	for (i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(f, names[i]) == 0)
			return set_int(v, llround(vals[i]));
	return err_set(
	    &m->err, TWC_EKEY,
	    "'%.20s' is not mean, p5, p10, p50, p90, p95, min or max", f);
}

/* sim:cdf:K - the net cost at percentile K (0 to 100). */
static int
cdf_field(twc_model *m, int pi, const char *arg, field_value *v)
{
	long k = index_of(arg);
	const double *sorted;

	if (k < 0 || k > 100)
		return err_set(&m->err, TWC_EKEY,
		               "sim:cdf:%.20s: the percentile must be 0 to 100",
		               arg);
	if ((sorted = sim_sorted(&m->sim, pi)) == NULL)
		return err_set(&m->err, TWC_ENOMEM, "out of memory");
	return set_int(
	    v, llround(sim_quantile(sorted, m->sim.draws, (double)k / 100.0)));
}

/* sim:hist:K:count, :from_yen, :to_yen */
static int
hist_field(twc_model *m, const sim_plan *sp, const path *p, field_value *v)
{
	long k = p->n == 4 ? index_of(p->part[2]) : -1;
	double w = (sp->net.max - sp->net.min) / SIM_HIST_BINS;

	if (k < 0 || k >= SIM_HIST_BINS)
		return err_set(&m->err, TWC_EKEY,
		               "sim:hist:K:count with K from 0 to %d",
		               SIM_HIST_BINS - 1);
	if (strcmp(p->part[3], "count") == 0)
		return set_int(v, sp->hist[k]);
	if (strcmp(p->part[3], "from_yen") == 0)
		return set_int(v, llround(sp->net.min + w * (double)k));
	if (strcmp(p->part[3], "to_yen") == 0)
		return set_int(v, llround(sp->net.min + w * (double)(k + 1)));
	return unknown(m, NULL, p->buf);
}

static int
plan_sim_field(twc_model *m, int pi, const path *p, field_value *v)
{
	const sim_plan *sp;
	const char *what = p->n >= 2 ? p->part[1] : "";
	int rc;

	if ((rc = need_sim(m)))
		return rc;
	sp = &m->sim.plans[pi];
	if (p->n == 2 && strcmp(what, "prob_cheapest") == 0)
		return set_real(v, sp->prob_cheapest);
	if (p->n == 2 && strcmp(what, "prob_below_reference") == 0)
		return set_real(v, sp->prob_below_reference);
	if (p->n == 3 && strcmp(what, "net_yen") == 0)
		return stat_field(m, &sp->net, p->part[2], v);
	if (p->n == 3 && (strcmp(what, "total_yen") == 0 ||
	                  strcmp(what, "grant_yen") == 0)) {
		if (sim_more_stats(&m->sim, pi))
			return err_set(&m->err, TWC_ENOMEM, "out of memory");
		return stat_field(m, what[0] == 't' ? &sp->total : &sp->grant,
		                  p->part[2], v);
	}
	if (p->n == 3 && strcmp(what, "cdf") == 0)
		return cdf_field(m, pi, p->part[2], v);
	if (strcmp(what, "hist") == 0)
		return hist_field(m, sp, p, v);
	return unknown(m, NULL, p->buf);
}

static int
tornado_field(twc_model *m, int pi, const path *p, field_value *v)
{
	const sim_plan *sp;
	const tornado_bar *b;
	long k = p->n == 3 ? index_of(p->part[1]) : -1;
	const char *f = p->n == 3 ? p->part[2] : "";
	int rc;

	if ((rc = need_sim(m)) ||
	    (rc = sim_sensitivity(m->p, &m->sc, &m->r, &m->sim, &m->err)))
		return rc;
	sp = &m->sim.plans[pi];
	if (k < 0 || k >= sp->n_bars)
		return err_set(&m->err, TWC_EKEY,
		               "no tornado bar %.20s (there are %d)",
		               p->n == 3 ? p->part[1] : "", sp->n_bars);
	b = &sp->bars[k];
	if (strcmp(f, "input") == 0)
		return set_text(v, m->sim.inputs[b->input].id);
	if (strcmp(f, "low_yen") == 0)
		return set_int(v, b->low_yen);
	if (strcmp(f, "high_yen") == 0)
		return set_int(v, b->high_yen);
	if (strcmp(f, "swing_yen") == 0)
		return set_int(v, b->swing_yen);
	if (strcmp(f, "low_value") == 0)
		return set_real(v, b->low_value);
	if (strcmp(f, "high_value") == 0)
		return set_real(v, b->high_value);
	if (strcmp(f, "rank_corr") == 0)
		return set_real(v, b->rank_corr);
	return unknown(m, NULL, p->buf);
}

/* input:N, input:N:kind|dist|low|base|high|mean|p10|p90 */
static int
input_field(twc_model *m, const path *p, field_value *v)
{
	static const char *const kinds[] = {"price", "share", "days", "peak"};
	long k = index_of(p->part[1]);
	const char *f = p->n == 3 ? p->part[2] : "id";
	const sim_input *in;
	int rc;

	if ((rc = need_sim(m)))
		return rc;
	if (k < 0 || k >= m->sim.n_inputs)
		return err_set(&m->err, TWC_EKEY,
		               "no input %.20s (there are %d)", p->part[1],
		               m->sim.n_inputs);
	in = &m->sim.inputs[k];
	if (strcmp(f, "id") == 0)
		return set_text(v, in->id);
	if (strcmp(f, "kind") == 0)
		return set_text(v, kinds[in->kind]);
	if (strcmp(f, "dist") == 0)
		return set_text(v, dist_name(in->d.kind));
	if (strcmp(f, "base") == 0)
		return set_real(v, in->d.base);
	if (strcmp(f, "mean") == 0)
		return set_real(v, dist_mean(&in->d));
	if (strcmp(f, "p10") == 0)
		return set_real(v, dist_quantile(&in->d, 0.1));
	if (strcmp(f, "p90") == 0)
		return set_real(v, dist_quantile(&in->d, 0.9));
	if (strcmp(f, "low") == 0)
		return set_real(v, in->d.low);
	if (strcmp(f, "high") == 0)
		return set_real(v, in->d.high);
	return unknown(m, NULL, p->buf);
}

static int
scenario_sim_field(twc_model *m, const path *p, field_value *v)
{
	const char *f = p->n == 2 ? p->part[1] : "";
	int rc;

	if ((rc = need_sim(m)))
		return rc;
	if (strcmp(f, "draws") == 0)
		return set_int(v, m->sim.draws);
	if (strcmp(f, "seed") == 0)
		return set_int(v, (long long)m->sim.seed);
	if (strcmp(f, "threads") == 0)
		return set_int(v, m->sim.threads);
	if (strcmp(f, "inputs") == 0)
		return set_int(v, m->sim.n_inputs);
	if (strcmp(f, "quantities_vary") == 0)
		return set_int(v, m->sim.quantities_vary);
	return unknown(m, NULL, p->buf);
}

static int
breakeven_field(twc_model *m, const path *p, field_value *v)
{
	const breakeven *b = &m->be;
	const char *f = p->n == 2 ? p->part[1] : "";

	if (!b->valid)
		return err_set(
		    &m->err, TWC_ESTATE,
		    "no break-even search has run: call twc_breakeven");
	if (strcmp(f, "found") == 0)
		return set_int(v, b->found);
	if (strcmp(f, "over") == 0)
		return set_text(v, over_name(b->over));
	if (strcmp(f, "value") == 0)
		return set_real(v, b->value);
	if (strcmp(f, "below") == 0)
		return set_real(v, b->below);
	if (strcmp(f, "above") == 0)
		return set_real(v, b->above);
	if (strcmp(f, "below_net_a_yen") == 0)
		return set_int(v, b->below_a);
	if (strcmp(f, "below_net_b_yen") == 0)
		return set_int(v, b->below_b);
	if (strcmp(f, "above_net_a_yen") == 0)
		return set_int(v, b->above_a);
	if (strcmp(f, "above_net_b_yen") == 0)
		return set_int(v, b->above_b);
	return unknown(m, NULL, p->buf);
}

/* ---- a plan ------------------------------------------------------------ */

static int
plan_money(const plan_result *pr, const char *f, field_value *v)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
	    {"initial_yen", offsetof(plan_result, initial)},
	    {"annual_yen", offsetof(plan_result, annual)},
	    {"running_yen", offsetof(plan_result, running)},
	    {"replacement_yen", offsetof(plan_result, replacement)},
	    {"total_yen", offsetof(plan_result, total)},
	    {"eligible_yen", offsetof(plan_result, eligible)},
	    {"grant_yen", offsetof(plan_result, grant)},
	    {"net_yen", offsetof(plan_result, net)},
	    {"per_user_year_yen", offsetof(plan_result, per_user_year)},
	    {"vs_jlis_yen", offsetof(plan_result, vs_reference)},
	    {"vs_reference_yen", offsetof(plan_result, vs_reference)},
	    {"users", offsetof(plan_result, users)},
	    {"concurrent", offsetof(plan_result, concurrent)},
	};
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(f, fields[i].name) == 0)
			return set_int(v,
			               *(const long long *)((const char *)pr +
			                                    fields[i].offset));
	return TWC_EKEY;
}

static int
plan_simple(twc_model *m, int pi, const char *f, field_value *v)
{
	const plan_spec *pl = &m->p->cat.plans[pi];
	const plan_result *pr = &m->r.plans[pi];

	if (plan_money(pr, f, v) == TWC_OK)
		return TWC_OK;
	if (strcmp(f, "effective_rate") == 0)
		return set_real(v, pr->effective_rate);
	if (strcmp(f, "security_ok") == 0)
		return set_int(v, pr->security_ok);
	if (strcmp(f, "flip_fy") == 0)
		return set_int(v, pr->flip_fy);
	if (strcmp(f, "security_fit") == 0)
		return set_text(v, pr->security_ok ? "ok" : "warning");
	if (strcmp(f, "id") == 0)
		return set_text(v, pl->id);
	if (strcmp(f, "label") == 0 || strcmp(f, "label_ja") == 0)
		return set_text(v, pl->label_ja);
	if (strcmp(f, "label_en") == 0)
		return set_text(v, pl->label_en);
	if (strcmp(f, "index") == 0)
		return set_int(v, pi);
	if (strcmp(f, "is_reference") == 0)
		return set_int(v, pi == m->r.reference);
	return unknown(m, pl->id, f);
}

static int
plan_field(twc_model *m, int pi, const path *p, field_value *v)
{
	const plan_result *pr = &m->r.plans[pi];
	const char *head = p->part[0];
	int k;

	if (p->n == 1)
		return plan_simple(m, pi, head, v);
	if (p->n == 2 && strcmp(head, "warning") == 0)
		return message(m, &pr->warnings, p->part[1], v);
	if (p->n == 2 && strcmp(head, "note") == 0)
		return message(m, &pr->notes, p->part[1], v);
	if (p->n == 3 && is_year_kind(head)) {
		if ((k = year_index(m, head, p->part[1])) < 0)
			return k;
		return year_field(m, &pr->years[k], p->part[2], v);
	}
	if (strcmp(head, "sim") == 0)
		return plan_sim_field(m, pi, p, v);
	if (strcmp(head, "tornado") == 0)
		return tornado_field(m, pi, p, v);
	if (p->n >= 3 && strcmp(head, "item") == 0) {
		if ((k = find_item(m, pr, p->part[1])) < 0)
			return k;
		return item_field(m, &pr->items[k], p, v);
	}
	return unknown(m, m->p->cat.plans[pi].id, p->buf);
}

/* ---- the scenario -----------------------------------------------------------
 */

static int
style_count(twc_model *m, const path *p, field_value *v)
{
	int st = style_of(p->part[1]);

	if (st < 0)
		return err_set(&m->err, TWC_EKEY,
		               "'%.20s' is not home, satellite or mobile",
		               p->part[1]);
	return set_int(v, strcmp(p->part[0], "users") == 0
	                      ? m->r.users[st]
	                      : m->r.concurrent[st]);
}

static int
scenario_text(twc_model *m, const char *f, field_value *v)
{
	const profile *p = m->p;
	int st;

	if (strcmp(f, "name") == 0)
		return set_text(v, m->sc.name);
	if (strcmp(f, "kind") == 0)
		return set_text(v, kind_name(m->sc.kind));
	if (strcmp(f, "start") == 0)
		return set_text(v, m->start_text);
	if (strcmp(f, "start_label") == 0)
		return set_text(v, m->start_label);
	if (strcmp(f, "end_label") == 0)
		return set_text(v, m->end_label);
	if (strcmp(f, "profile") == 0)
		return set_text(v, p->name);
	if (strcmp(f, "catalog") == 0)
		return set_text(v, p->catalog_name);
	if (strcmp(f, "grant") == 0)
		return set_text(v, p->grant_name);
	if (strcmp(f, "grant_title") == 0)
		return set_text(v, p->grant.title);
	if (strcmp(f, "reference_plan") == 0)
		return set_text(v, m->r.reference >= 0
		                       ? p->cat.plans[m->r.reference].id
		                       : "");
	for (st = 0; st < STYLE_COUNT; st++)
		if (strncmp(f, style_name(st), strlen(style_name(st))) == 0 &&
		    strcmp(f + strlen(style_name(st)), "_segment") == 0)
			return set_text(v,
			                segment_name(m->sc.style[st].segment));
	return TWC_EKEY; /* not a text field: the caller tries numbers */
}

static int
scenario_simple(twc_model *m, const char *f, field_value *v)
{
	const grant_rule *g = &m->p->grant;
	twc_error ignored;
	double x;

	if (strcmp(f, "users") == 0)
		return set_int(v,
		               m->r.users[0] + m->r.users[1] + m->r.users[2]);
	if (strcmp(f, "end_fy") == 0)
		return set_int(v, m->sc.start_fy + m->sc.years - 1);
	if (strcmp(f, "start_fy") == 0)
		return set_int(v, m->sc.start_fy);
	if (strcmp(f, "fiscal_index_rounded") == 0)
		return set_real(v, m->r.index100 / 100.0);
	if (strcmp(f, "m") == 0)
		return set_real(v, m->r.m100 / 100.0);
	if (strcmp(f, "rate") == 0)
		return set_real(v, g->rate_bp / 10000.0);
	if (strcmp(f, "effective_rate") == 0)
		return set_real(v, m->r.effective_rate);
	if (strcmp(f, "grant_applies") == 0)
		return set_int(v, m->r.grant_applies);
	if (strcmp(f, "deadline_fy") == 0)
		return set_int(v, g->deadline_fy);
	if (strcmp(f, "first_fy") == 0)
		return set_int(v, g->first_fy);
	x = scenario_get(&m->sc, f, &ignored);
	if (x != x)
		return unknown(m, NULL, f);
	return scenario_whole(f) ? set_int(v, (long long)x) : set_real(v, x);
}

/* category:N, category:N:label, category:N:label_en, category:N:eligible */
static int
category_field(twc_model *m, const path *p, field_value *v)
{
	const grant_rule *g = &m->p->grant;
	long i = index_of(p->part[1]);
	const char *f = p->n == 3 ? p->part[2] : "id";

	if (i < 0 || i >= g->n_cats)
		return err_set(&m->err, TWC_EKEY,
		               "no category %.20s (there are %d)", p->part[1],
		               g->n_cats);
	if (strcmp(f, "id") == 0)
		return set_text(v, g->cats[i].id);
	if (strcmp(f, "label") == 0 || strcmp(f, "label_ja") == 0)
		return set_text(v, g->cats[i].label_ja);
	if (strcmp(f, "label_en") == 0)
		return set_text(v, g->cats[i].label_en);
	if (strcmp(f, "eligible") == 0)
		return set_int(v, g->cats[i].eligible);
	return unknown(m, NULL, p->buf);
}

static int
enumerated(twc_model *m, const path *p, field_value *v)
{
	const catalog *c = &m->p->cat;
	const char *head = p->part[0];
	long i = index_of(p->part[1]);

	if (strcmp(head, "plan") == 0 && i >= 0 && i < c->n_plans)
		return set_text(v, c->plans[i].id);
	if (strcmp(head, "option") == 0 && i >= 0 && i < c->n_options)
		return set_text(v, c->options[i].id);
	return err_set(&m->err, TWC_EKEY, "no %s %.20s (there are %d)", head,
	               p->part[1],
	               strcmp(head, "plan") == 0 ? c->n_plans : c->n_options);
}

static int
scenario_field(twc_model *m, const path *p, field_value *v)
{
	const char *head = p->part[0];
	int k;

	if (p->n == 1)
		return scenario_text(m, head, v) == TWC_OK
		           ? TWC_OK
		           : scenario_simple(m, head, v);
	if (p->n == 2 && strcmp(head, "warning") == 0)
		return message(m, &m->r.warnings, p->part[1], v);
	if (p->n == 2 && strcmp(head, "note") == 0)
		return message(m, &m->r.notes, p->part[1], v);
	if (p->n == 2 &&
	    (strcmp(head, "users") == 0 || strcmp(head, "concurrent") == 0))
		return style_count(m, p, v);
	if (p->n == 2 &&
	    (strcmp(head, "plan") == 0 || strcmp(head, "option") == 0))
		return enumerated(m, p, v);
	if ((p->n == 2 || p->n == 3) && strcmp(head, "category") == 0)
		return category_field(m, p, v);
	if ((p->n == 2 || p->n == 3) && strcmp(head, "input") == 0)
		return input_field(m, p, v);
	if (strcmp(head, "sim") == 0)
		return scenario_sim_field(m, p, v);
	if (strcmp(head, "breakeven") == 0)
		return breakeven_field(m, p, v);
	if (p->n == 3 && is_year_kind(head)) {
		if ((k = year_index(m, head, p->part[1])) < 0)
			return k;
		if (strcmp(p->part[2], "fy") == 0)
			return set_int(v, m->sc.start_fy + k);
		if (strcmp(p->part[2], "label") == 0)
			return set_text(v, m->r.plans[0].years[k].label);
	}
	return unknown(m, NULL, p->buf);
}

/* ---- entry points
 * --------------------------------------------------------------- */

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

int
handle_field(twc_model *m, const char *plan_id, const char *field,
             field_value *v)
{
	path p;
	int rc, pi;

	if ((rc = split(m, field, &p)) || (rc = handle_refresh(m)))
		return rc;
	if (plan_id == NULL || plan_id[0] == '\0')
		return scenario_field(m, &p, v);
	if ((pi = handle_plan(m, plan_id)) < 0)
		return pi;
	return plan_field(m, pi, &p, v);
}

int
handle_count(twc_model *m, const char *plan_id, const char *what)
{
	const plan_result *pr;
	int rc, pi;

	if (what == NULL)
		return err_set(&m->err, TWC_EINVAL, "no count named");
	if ((rc = handle_refresh(m)))
		return rc;
	if (plan_id == NULL || plan_id[0] == '\0') {
		if (strcmp(what, "plans") == 0)
			return m->r.n_plans;
		if (strcmp(what, "years") == 0)
			return m->r.n_years;
		if (strcmp(what, "warnings") == 0)
			return m->r.warnings.n;
		if (strcmp(what, "notes") == 0)
			return m->r.notes.n;
		if (strcmp(what, "options") == 0)
			return m->p->cat.n_options;
		if (strcmp(what, "categories") == 0)
			return m->p->grant.n_cats;
		if (strcmp(what, "inputs") == 0)
			return need_sim(m) ? m->err.status : m->sim.n_inputs;
		return unknown(m, NULL, what);
	}
	if ((pi = handle_plan(m, plan_id)) < 0)
		return pi;
	pr = &m->r.plans[pi];
	if (strcmp(what, "items") == 0)
		return pr->n_items;
	if (strcmp(what, "warnings") == 0)
		return pr->warnings.n;
	if (strcmp(what, "notes") == 0)
		return pr->notes.n;
	if (strcmp(what, "years") == 0)
		return m->r.n_years;
	if (strcmp(what, "hist") == 0)
		return need_sim(m) ? m->err.status : SIM_HIST_BINS;
	if (strcmp(what, "tornado") == 0)
		return need_sim(m) ? m->err.status
		       : sim_sensitivity(m->p, &m->sc, &m->r, &m->sim, &m->err)
		           ? m->err.status
		           : m->sim.plans[pi].n_bars;
	return unknown(m, plan_id, what);
}
