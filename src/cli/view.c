/* view.c - reading results once, through the public API, into a view: the
 * one place in the CLI that names result fields. */
#include <config.h>

#include "view.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reader: where it reads, and the first read that failed. */
typedef struct reader {
	twc_model *m;
	view *v;
	int status; /* of the first failure; TWC_OK while none */
	char field[128], plan[64], msg[512];
} reader;

/* Keep p for view_free; NULL (and the view failed) when p is NULL or the
 * list cannot grow. */
static void *
own(view *v, void *p)
{
	if (p != NULL && v->n_owned == v->cap_owned) {
		int cap = v->cap_owned ? 2 * v->cap_owned : 64;
		void **grown = realloc(v->owned, sizeof *grown * (size_t)cap);
		if (grown == NULL) {
			free(p);
			p = NULL;
		} else {
			v->owned = grown;
			v->cap_owned = cap;
		}
	}
	if (p == NULL) {
		v->failed = 1;
		return NULL;
	}
	v->owned[v->n_owned++] = p;
	return p;
}

/* n zeroed elements of size each, owned by the view. */
static void *
alloc(reader *r, size_t n, size_t size)
{
	return own(r->v, calloc(n ? n : 1, size));
}

/* Format a field path; "" after a failure, so that nothing more is read.
 * (The attribute lets clang check the callers' formats, and this one.) */
static const char *path(reader *r, char *buf, size_t n, const char *fmt,
                        va_list ap)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 0)))
#endif
    ;

static const char *
path(reader *r, char *buf, size_t n, const char *fmt, va_list ap)
{
	if (r->status != TWC_OK)
		return NULL;
	vsnprintf(buf, n, fmt, ap);
	return buf;
}

static void
failed(reader *r, const char *plan, const char *field, int status)
{
	if (r->status != TWC_OK)
		return;
	r->status = status;
	snprintf(r->field, sizeof r->field, "%s", field);
	snprintf(r->plan, sizeof r->plan, "%s", plan ? plan : "");
	snprintf(r->msg, sizeof r->msg, "%s", twc_last_error(r->m));
}

static long long yen(reader *r, const char *plan, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static double real(reader *r, const char *plan, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static const char *text(reader *r, const char *plan, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* A whole-number result. */
static long long
yen(reader *r, const char *plan, const char *fmt, ...)
{
	char f[128];
	const char *p;
	long long v = 0;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	p = path(r, f, sizeof f, fmt, ap);
	va_end(ap);
	if (p != NULL && (rc = twc_result_yen(r->m, plan, p, &v)) != TWC_OK)
		failed(r, plan, p, rc);
	return v;
}

/* A real result; NaN is a value here (a rank correlation may be one),
 * so failure is told by the handle's message. */
static double
real(reader *r, const char *plan, const char *fmt, ...)
{
	char f[128];
	const char *p;
	double v = 0;
	va_list ap;

	va_start(ap, fmt);
	p = path(r, f, sizeof f, fmt, ap);
	va_end(ap);
	if (p == NULL)
		return 0;
	v = twc_result(r->m, plan, p);
	if (twc_last_error(r->m)[0] != '\0')
		failed(r, plan, p, TWC_EKEY);
	return v;
}

/* A text result, copied into the view. */
static const char *
text(reader *r, const char *plan, const char *fmt, ...)
{
	char f[128];
	const char *p, *s;
	char *copy;
	va_list ap;

	va_start(ap, fmt);
	p = path(r, f, sizeof f, fmt, ap);
	va_end(ap);
	if (p == NULL)
		return "";
	if ((s = twc_text(r->m, plan, p)) == NULL) {
		failed(r, plan, p, TWC_EKEY);
		return "";
	}
	copy = own(r->v, strdup(s));
	return copy ? copy : "";
}

static int
count(reader *r, const char *plan, const char *what)
{
	int n;

	if (r->status != TWC_OK)
		return 0;
	n = twc_count(r->m, plan, what);
	if (n < 0) {
		failed(r, plan, what, n);
		return 0;
	}
	return n;
}

/* The exit code of a reader: a failed read is the command's failure. */
static int
finish(reader *r)
{
	if (r->v->failed)
		return fail(EXIT_FAILURE_IO, "out of memory");
	if (r->status == TWC_OK)
		return EXIT_OK;
	return fail(EXIT_FAILURE_IO, "cannot read result '%s'%s%s%s: %s",
	            r->field, r->plan[0] ? " of plan '" : "", r->plan,
	            r->plan[0] ? "'" : "", r->msg);
}

static void
start(reader *r, twc_model *m, view *v)
{
	memset(r, 0, sizeof *r);
	r->m = m;
	r->v = v;
}

/* ---- the estimate ---------------------------------------------------------
 */

static void
read_messages(reader *r, const char *plan, const char *kind, vmsgs *l)
{
	char what[16];
	int i;

	snprintf(what, sizeof what, "%ss", kind);
	l->n = count(r, plan, what);
	l->text = alloc(r, (size_t)l->n, sizeof *l->text);
	l->en = alloc(r, (size_t)l->n, sizeof *l->en);
	l->ja = alloc(r, (size_t)l->n, sizeof *l->ja);
	for (i = 0; l->ja != NULL && i < l->n; i++) {
		l->en[i] = text(r, plan, "%s:%d:text_en", kind, i);
		l->ja[i] = text(r, plan, "%s:%d:text_ja", kind, i);
		l->text[i] = pick(l->ja[i], l->en[i]);
	}
}

static void
read_style(reader *r, int st, vstyle *s)
{
	static const char *const names[] = {"home", "satellite", "mobile"};
	const char *n = names[st];

	s->name = n;
	s->share = real(r, NULL, "%s", n);
	s->days = real(r, NULL, "%s_days", n);
	s->users = yen(r, NULL, "users:%s", n);
	s->concurrent = yen(r, NULL, "concurrent:%s", n);
	s->segment = text(r, NULL, "%s_segment", n);
	r->v->rollout[st] = text(r, NULL, "%s_rollout", n);
}

static void
read_scenario(reader *r, view *v)
{
	int st;

	v->name = text(r, NULL, "name");
	v->kind = text(r, NULL, "kind");
	v->profile = text(r, NULL, "profile");
	v->catalog = text(r, NULL, "catalog");
	v->grant = text(r, NULL, "grant");
	v->grant_title = text(r, NULL, "grant_title");
	v->start = text(r, NULL, "start");
	v->start_label = text(r, NULL, "start_label");
	v->end_label = text(r, NULL, "end_label");
	v->reference_plan = text(r, NULL, "reference_plan");
	v->sizing = text(r, NULL, "sizing");
	v->staff = yen(r, NULL, "staff");
	v->start_fy = yen(r, NULL, "start_fy");
	v->start_bare = yen(r, NULL, "start_bare_year") != 0;
	v->end_fy = yen(r, NULL, "end_fy");
	v->years = yen(r, NULL, "years");
	v->users = yen(r, NULL, "users");
	v->deadline_fy = yen(r, NULL, "deadline_fy");
	v->sites = yen(r, NULL, "satellite_sites");
	v->reuse = yen(r, NULL, "satellite_reuse");
	v->jlis_free_until = yen(r, NULL, "jlis_free_until");
	v->jlis_fee_yen = yen(r, NULL, "jlis_fee_yen");
	v->fiscal_index = real(r, NULL, "fiscal_index");
	v->fiscal_index_rounded = real(r, NULL, "fiscal_index_rounded");
	v->m = real(r, NULL, "m");
	v->rate = real(r, NULL, "rate");
	v->effective_rate = real(r, NULL, "effective_rate");
	v->peak = real(r, NULL, "peak");
	v->lent_share = real(r, NULL, "lent_share");
	v->office_pc_share = real(r, NULL, "office_pc_share");
	v->recipient = yen(r, NULL, "recipient") != 0;
	v->grant_override = yen(r, NULL, "grant_override") != 0;
	v->sensitive_data = yen(r, NULL, "sensitive_data") != 0;
	v->grant_applies = yen(r, NULL, "grant_applies") != 0;
	v->later_initial_spending = text(r, NULL, "later_initial_spending");
	v->lease_payments = text(r, NULL, "lease_payments");
	v->go_live = text(r, NULL, "go_live");
	v->funding = text(r, NULL, "funding");
	v->setsu = text(r, NULL, "setsu");
	for (st = 0; st < 3; st++)
		read_style(r, st, &v->style[st]);
	read_messages(r, NULL, "warning", &v->warnings);
	read_messages(r, NULL, "note", &v->notes);
}

static void
read_calendar(reader *r, view *v)
{
	int k, c;

	v->fy = alloc(r, (size_t)v->years, sizeof *v->fy);
	for (k = 0; v->fy != NULL && k < v->years; k++) {
		v->fy[k].fy = yen(r, NULL, "year:%d:fy", k);
		v->fy[k].label = text(r, NULL, "year:%d:label", k);
	}
	v->n_cats = count(r, NULL, "categories");
	v->cats = alloc(r, (size_t)v->n_cats, sizeof *v->cats);
	for (c = 0; v->cats != NULL && c < v->n_cats; c++) {
		vcategory *k2 = &v->cats[c];
		k2->id = text(r, NULL, "category:%d", c);
		k2->label = text(r, NULL, "category:%d:label", c);
		k2->label_en = text(r, NULL, "category:%d:label_en", c);
		k2->eligible = yen(r, NULL, "category:%d:eligible", c) != 0;
	}
}

static void
read_year(reader *r, const char *id, int k, vyear *y)
{
	y->fy = yen(r, id, "year:%d:fy", k);
	y->label = text(r, id, "year:%d:label", k);
	y->cost = yen(r, id, "year:%d:cost_yen", k);
	y->eligible = yen(r, id, "year:%d:eligible_yen", k);
	y->grant = yen(r, id, "year:%d:grant_yen", k);
	y->net = yen(r, id, "year:%d:net_yen", k);
	y->initial = yen(r, id, "year:%d:initial_yen", k);
	y->running = yen(r, id, "year:%d:running_yen", k);
	y->replacement = yen(r, id, "year:%d:replacement_yen", k);
	y->months = yen(r, id, "year:%d:months", k);
	y->staff_time = yen(r, id, "year:%d:staff_time_yen", k);
	y->request_cost = yen(r, id, "year:%d:request_cost_yen", k);
	y->general = yen(r, id, "year:%d:general_yen", k);
	y->real_burden = yen(r, id, "year:%d:real_burden_yen", k);
	y->funding[VFUND_NATIONAL] =
	    yen(r, id, "year:%d:funding_national_yen", k);
	y->funding[VFUND_PREFECTURAL] =
	    yen(r, id, "year:%d:funding_prefectural_yen", k);
	y->funding[VFUND_BOND] = yen(r, id, "year:%d:funding_bond_yen", k);
	y->funding[VFUND_OTHER] = yen(r, id, "year:%d:funding_other_yen", k);
	y->funding_total = yen(r, id, "year:%d:funding_yen", k);
	y->deducted = yen(r, id, "year:%d:deducted_yen", k);
	y->grant_strict = yen(r, id, "year:%d:grant_strict_yen", k);
	y->grant_generous = yen(r, id, "year:%d:grant_generous_yen", k);
}

static void
read_lines(reader *r, const char *id, vplan *p)
{
	int i;

	p->n_lines = count(r, id, "lines");
	p->lines = alloc(r, (size_t)p->n_lines, sizeof *p->lines);
	for (i = 0; p->lines != NULL && i < p->n_lines; i++) {
		vline *l = &p->lines[i];
		l->year = yen(r, id, "line:%d:year", i);
		l->fy = yen(r, id, "line:%d:fy", i);
		l->setsu = yen(r, id, "line:%d:setsu", i);
		l->setsu_name = text(r, id, "line:%d:setsu_name", i);
		l->saisetsu = text(r, id, "line:%d:saisetsu", i);
		l->item = text(r, id, "line:%d:item", i);
		l->label = text(r, id, "line:%d:label", i);
		l->label_en = text(r, id, "line:%d:label_en", i);
		l->basis = text(r, id, "line:%d:basis", i);
		l->basis_en = text(r, id, "line:%d:basis_en", i);
		l->yen = yen(r, id, "line:%d:yen", i);
	}
	p->n_debts = count(r, id, "debts");
	p->debts = alloc(r, (size_t)p->n_debts, sizeof *p->debts);
	for (i = 0; p->debts != NULL && i < p->n_debts; i++) {
		vdebt *d = &p->debts[i];
		d->item = text(r, id, "debt:%d:item", i);
		d->label = text(r, id, "debt:%d:label", i);
		d->label_en = text(r, id, "debt:%d:label_en", i);
		d->contract_fy = yen(r, id, "debt:%d:contract_fy", i);
		d->from_fy = yen(r, id, "debt:%d:from_fy", i);
		d->to_fy = yen(r, id, "debt:%d:to_fy", i);
		d->limit = yen(r, id, "debt:%d:limit_yen", i);
		d->period = text(r, id, "debt:%d:period", i);
	}
}

static void
read_item(reader *r, const char *id, int i, int years, vitem *it)
{
	int k;

	it->id = text(r, id, "item:%d:id", i);
	it->option = text(r, id, "item:%d:option", i);
	it->category = text(r, id, "item:%d:category", i);
	it->phase = text(r, id, "item:%d:phase", i);
	it->driver = text(r, id, "item:%d:driver", i);
	it->label = text(r, id, "item:%d:label", i);
	it->label_en = text(r, id, "item:%d:label_en", i);
	it->source = text(r, id, "item:%d:source", i);
	it->quantity = yen(r, id, "item:%d:quantity", i);
	it->unit_yen = yen(r, id, "item:%d:unit_yen", i);
	it->total = yen(r, id, "item:%d:total_yen", i);
	it->eligible = yen(r, id, "item:%d:eligible_yen", i);
	it->every = yen(r, id, "item:%d:every", i);
	it->is_eligible = yen(r, id, "item:%d:eligible", i) != 0;
	it->years = alloc(r, (size_t)years, sizeof *it->years);
	for (k = 0; it->years != NULL && k < years; k++)
		it->years[k] = yen(r, id, "item:%d:year:%d:yen", i, k);
}

static void
read_plan_money(reader *r, const char *id, vplan *p)
{
	p->initial = yen(r, id, "initial_yen");
	p->annual = yen(r, id, "annual_yen");
	p->running = yen(r, id, "running_yen");
	p->replacement = yen(r, id, "replacement_yen");
	p->total = yen(r, id, "total_yen");
	p->eligible = yen(r, id, "eligible_yen");
	p->grant = yen(r, id, "grant_yen");
	p->net = yen(r, id, "net_yen");
	p->per_user_year = yen(r, id, "per_user_year_yen");
	p->vs_reference = yen(r, id, "vs_reference_yen");
	p->users = yen(r, id, "users");
	p->concurrent = yen(r, id, "concurrent");
	p->flip_fy = yen(r, id, "flip_fy");
	p->effective_rate = real(r, id, "effective_rate");
	p->grant_strict = yen(r, id, "grant_strict_yen");
	p->grant_generous = yen(r, id, "grant_generous_yen");
	p->funding = yen(r, id, "funding_yen");
	p->deducted = yen(r, id, "deducted_yen");
	p->staff_time = yen(r, id, "staff_time_yen");
	p->request_cost = yen(r, id, "request_cost_yen");
	p->general = yen(r, id, "general_yen");
	p->real_burden = yen(r, id, "real_burden_yen");
	p->funding_capped = yen(r, id, "funding_capped");
}

static void
read_plan(reader *r, int years, enum view_depth depth, vplan *p)
{
	const char *id = p->id;
	int i, k;

	p->label = text(r, id, "label");
	p->label_en = text(r, id, "label_en");
	p->security_fit = text(r, id, "security_fit");
	p->is_reference = yen(r, id, "is_reference") != 0;
	read_plan_money(r, id, p);
	read_messages(r, id, "warning", &p->warnings);
	read_messages(r, id, "note", &p->notes);
	if (depth == VIEW_TOTALS)
		return;
	p->years = alloc(r, (size_t)years, sizeof *p->years);
	for (k = 0; p->years != NULL && k < years; k++)
		read_year(r, id, k, &p->years[k]);
	p->n_items = count(r, id, "items");
	p->items = alloc(r, (size_t)p->n_items, sizeof *p->items);
	for (i = 0; p->items != NULL && i < p->n_items; i++)
		read_item(r, id, i, years, &p->items[i]);
	read_lines(r, id, p);
}

int
view_load(twc_model *m, const options *o, enum view_depth depth, view *v)
{
	reader r;
	int i, rc;

	memset(v, 0, sizeof *v);
	start(&r, m, v);
	read_scenario(&r, v);
	if (depth == VIEW_FULL)
		read_calendar(&r, v);
	v->reference = -1;
	v->n_plans = count(&r, NULL, "plans");
	v->plans = alloc(&r, (size_t)v->n_plans, sizeof *v->plans);
	for (i = 0; v->plans != NULL && i < v->n_plans; i++) {
		vplan *p = &v->plans[i];
		p->id = text(&r, NULL, "plan:%d", i);
		p->selected = plan_selected(o, p->id);
		read_plan(&r, (int)v->years, depth, p);
		if (p->is_reference)
			v->reference = i;
	}
	if ((rc = finish(&r)) != EXIT_OK)
		view_free(v);
	return rc;
}

const vplan *
view_plan(const view *v, const char *id)
{
	int i;

	for (i = 0; i < v->n_plans; i++)
		if (strcmp(v->plans[i].id, id) == 0)
			return &v->plans[i];
	return NULL;
}

int
view_warnings(const view *v)
{
	int n = v->warnings.n, i;

	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			n += v->plans[i].warnings.n;
	return n;
}

void
view_free(view *v)
{
	int i;

	for (i = 0; i < v->n_owned; i++)
		free(v->owned[i]);
	free(v->owned);
	memset(v, 0, sizeof *v);
}

/* ---- a simulation --------------------------------------------------------
 */

static void
read_stats(reader *r, const char *id, const char *what, vstats *s)
{
	s->mean = yen(r, id, "sim:%s:mean", what);
	s->p5 = yen(r, id, "sim:%s:p5", what);
	s->p10 = yen(r, id, "sim:%s:p10", what);
	s->p50 = yen(r, id, "sim:%s:p50", what);
	s->p90 = yen(r, id, "sim:%s:p90", what);
	s->p95 = yen(r, id, "sim:%s:p95", what);
	s->min = yen(r, id, "sim:%s:min", what);
	s->max = yen(r, id, "sim:%s:max", what);
}

/* The label of the item a price input is, for tornado bars; NULL for
 * other inputs (shares, days, peak) and items the plan does not have. */
static const char *
item_label(const vplan *p, const char *input)
{
	int i;

	for (i = 0; i < p->n_items; i++)
		if (strcmp(p->items[i].id, input) == 0)
			return pick(p->items[i].label, p->items[i].label_en);
	return NULL;
}

static void
read_bars(reader *r, const vplan *p, vsim_plan *s)
{
	int k;

	s->n_bars = count(r, p->id, "tornado");
	s->bars = alloc(r, (size_t)s->n_bars, sizeof *s->bars);
	for (k = 0; s->bars != NULL && k < s->n_bars; k++) {
		vbar *b = &s->bars[k];
		b->input = text(r, p->id, "tornado:%d:input", k);
		b->label = item_label(p, b->input);
		b->low_yen = yen(r, p->id, "tornado:%d:low_yen", k);
		b->high_yen = yen(r, p->id, "tornado:%d:high_yen", k);
		b->swing_yen = yen(r, p->id, "tornado:%d:swing_yen", k);
		b->low_value = real(r, p->id, "tornado:%d:low_value", k);
		b->high_value = real(r, p->id, "tornado:%d:high_value", k);
		b->rank_corr = real(r, p->id, "tornado:%d:rank_corr", k);
	}
}

static void
read_sim_plan(reader *r, const vplan *p, enum view_depth depth, vsim_plan *s)
{
	const char *id = p->id;
	int k;

	read_stats(r, id, "net_yen", &s->net);
	s->prob_cheapest = real(r, id, "sim:prob_cheapest");
	s->prob_cheapest_any = real(r, id, "sim:prob_cheapest_any");
	s->excluded = text(r, id, "sim:cheapest_excluded");
	s->prob_below_reference = real(r, id, "sim:prob_below_reference");
	if (depth == VIEW_TOTALS)
		return;
	read_stats(r, id, "total_yen", &s->total);
	read_stats(r, id, "grant_yen", &s->grant);
	for (k = 0; k < VIEW_CDF_POINTS; k++)
		s->cdf[k] = yen(r, id, "sim:cdf:%d", k);
	s->n_hist = count(r, id, "hist");
	s->hist_count = alloc(r, (size_t)s->n_hist, sizeof *s->hist_count);
	s->hist_from = alloc(r, (size_t)s->n_hist, sizeof *s->hist_from);
	s->hist_to = alloc(r, (size_t)s->n_hist, sizeof *s->hist_to);
	for (k = 0; s->hist_to != NULL && k < s->n_hist; k++) {
		s->hist_count[k] = yen(r, id, "sim:hist:%d:count", k);
		s->hist_from[k] = yen(r, id, "sim:hist:%d:from_yen", k);
		s->hist_to[k] = yen(r, id, "sim:hist:%d:to_yen", k);
	}
	read_bars(r, p, s);
}

static void
read_inputs(reader *r, sim_view *s)
{
	int k;

	s->n_inputs = count(r, NULL, "inputs");
	s->inputs = alloc(r, (size_t)s->n_inputs, sizeof *s->inputs);
	for (k = 0; s->inputs != NULL && k < s->n_inputs; k++) {
		vinput *in = &s->inputs[k];
		in->id = text(r, NULL, "input:%d:id", k);
		in->kind = text(r, NULL, "input:%d:kind", k);
		in->dist = text(r, NULL, "input:%d:dist", k);
		in->base = real(r, NULL, "input:%d:base", k);
		in->mean = real(r, NULL, "input:%d:mean", k);
		in->p10 = real(r, NULL, "input:%d:p10", k);
		in->p90 = real(r, NULL, "input:%d:p90", k);
	}
}

int
sim_view_load(twc_model *m, view *v, enum view_depth depth, sim_view *s)
{
	reader r;
	int i;

	memset(s, 0, sizeof *s);
	start(&r, m, v);
	s->draws = yen(&r, NULL, "sim:draws");
	s->seed = yen(&r, NULL, "sim:seed");
	s->threads = yen(&r, NULL, "sim:threads");
	s->n_draws_inputs = yen(&r, NULL, "sim:inputs");
	s->plans = alloc(&r, (size_t)v->n_plans, sizeof *s->plans);
	for (i = 0; s->plans != NULL && i < v->n_plans; i++)
		read_sim_plan(&r, &v->plans[i], depth, &s->plans[i]);
	if (depth == VIEW_FULL)
		read_inputs(&r, s);
	return finish(&r);
}

/* ---- a break-even search ------------------------------------------------ */

static void
read_crossing(reader *r, int k, be_crossing_view *x)
{
	x->above.value = real(r, NULL, "breakeven:crossings:%d:value", k);
	x->below.value = real(r, NULL, "breakeven:crossings:%d:below", k);
	x->below.a = yen(r, NULL, "breakeven:crossings:%d:below_net_a_yen", k);
	x->below.b = yen(r, NULL, "breakeven:crossings:%d:below_net_b_yen", k);
	x->above.a = yen(r, NULL, "breakeven:crossings:%d:above_net_a_yen", k);
	x->above.b = yen(r, NULL, "breakeven:crossings:%d:above_net_b_yen", k);
}

int
be_view_load(twc_model *m, view *v, be_view *b)
{
	reader r;
	int k;

	memset(b, 0, sizeof *b);
	start(&r, m, v);
	b->found = yen(&r, NULL, "breakeven:found") != 0;
	b->enrolled = yen(&r, NULL, "breakeven:enrolled") != 0;
	b->scanned = yen(&r, NULL, "breakeven:scanned");
	b->over = text(&r, NULL, "breakeven:over");
	b->cheaper = text(&r, NULL, "breakeven:cheaper");
	b->value = real(&r, NULL, "breakeven:value");
	b->from = real(&r, NULL, "breakeven:from");
	b->to = real(&r, NULL, "breakeven:to");
	b->below.value = real(&r, NULL, "breakeven:below");
	b->above.value = real(&r, NULL, "breakeven:above");
	b->below.a = yen(&r, NULL, "breakeven:below_net_a_yen");
	b->below.b = yen(&r, NULL, "breakeven:below_net_b_yen");
	b->above.a = yen(&r, NULL, "breakeven:above_net_a_yen");
	b->above.b = yen(&r, NULL, "breakeven:above_net_b_yen");
	b->n_crossings = count(&r, NULL, "crossings");
	b->crossings = alloc(&r, (size_t)b->n_crossings, sizeof *b->crossings);
	for (k = 0; b->crossings != NULL && k < b->n_crossings; k++)
		read_crossing(&r, k, &b->crossings[k]);
	return finish(&r);
}
