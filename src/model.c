/* model.c - the estimate: quantities, schedule, grant, warnings. */
#include <config.h>

#include "model.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scenario.h"

typedef struct ctx {
	const profile *p;
	const scenario *sc;
	results *r;
	twc_error *e;
} ctx;

/* One option's drivers within a plan. */
typedef struct drivers {
	long long v[DRIVER_COUNT];
} drivers;

static int
overflow(ctx *c)
{
	return err_set(c->e, TWC_EOVERFLOW, MSG_OVERFLOW);
}

/* *sum += v, or TWC_EOVERFLOW. */
static int
acc(long long *sum, long long v)
{
	return yen_add(*sum, v, sum);
}

/* ---- quantities --------------------------------------------------------- */

static void
style_quantities(const scenario *sc, results *r)
{
	int st;

	for (st = 0; st < STYLE_COUNT; st++) {
		const style_input *s = &sc->style[st];
		long long users = count_round((double)sc->staff * s->share);
		long long conc =
		    count_ceil((double)users * s->days / 5.0 * sc->peak);
		r->users[st] = users;
		r->concurrent[st] = conc < users ? conc : users;
	}
}

static void
option_drivers(const ctx *c, const option *o, unsigned styles, drivers *d)
{
	const results *r = c->r;
	int st;

	memset(d, 0, sizeof *d);
	for (st = 0; st < STYLE_COUNT; st++)
		if (styles & (1u << st)) {
			d->v[DRIVER_USERS] += r->users[st];
			d->v[DRIVER_CONCURRENT] += r->concurrent[st];
		}
	if (styles & (1u << STYLE_HOME))
		d->v[DRIVER_LENT_DEVICES] =
		    o->byod ? count_ceil((double)r->users[STYLE_HOME] *
		                         c->sc->lent_share)
		            : r->users[STYLE_HOME];
	if ((styles & (1u << STYLE_SATELLITE)) &&
	    r->users[STYLE_SATELLITE] > 0) {
		d->v[DRIVER_SEATS] = r->concurrent[STYLE_SATELLITE];
		d->v[DRIVER_SITES] = c->sc->style[STYLE_SATELLITE].sites;
	}
	if (o->users_per_server > 0)
		d->v[DRIVER_SERVERS] =
		    (d->v[DRIVER_CONCURRENT] + o->users_per_server - 1) /
		    o->users_per_server;
	d->v[DRIVER_FIXED] = d->v[DRIVER_USERS] > 0;
}

/* The distinct options of a plan, each with the styles it serves there. */
static int
plan_options(const plan_spec *pl, int *opts, unsigned *styles)
{
	int n = 0, st, i, k;

	for (st = 0; st < STYLE_COUNT; st++)
		for (i = 0; i < pl->n_opts[st]; i++) {
			int o = pl->opts[st][i];
			for (k = 0; k < n && opts[k] != o; k++)
				;
			if (k == n) {
				opts[n] = o;
				styles[n++] = 0;
			}
			styles[k] |= 1u << st;
		}
	return n;
}

/* ---- the schedule of one item ------------------------------------------- */

/* Spend amount on ir in year k, in the given phase. */
static int
spend(ctx *c, plan_result *pr, item_result *ir, int cat, int k, int phase,
      long long amount)
{
	year_result *y = &pr->years[k];
	long long *part = phase == PHASE_INITIAL  ? &y->initial
	                  : phase == PHASE_ANNUAL ? &y->running
	                                          : &y->replacement;

	if (acc(&ir->per_year[k], amount) || acc(&ir->total, amount) ||
	    acc(&y->cost, amount) || acc(part, amount))
		return overflow(c);
	if (grant_covers(&c->p->grant, cat, phase, y->fy) &&
	    (acc(&y->eligible, amount) || acc(&ir->eligible, amount)))
		return overflow(c);
	return TWC_OK;
}

int
phase_in_year(const item *it, int k)
{
	switch (it->phase) {
	case PHASE_INITIAL: return k == 0 ? PHASE_INITIAL : -1;
	case PHASE_ANNUAL: return PHASE_ANNUAL;
	case PHASE_REPLACEMENT:
		return k == 0               ? PHASE_INITIAL
		       : k % it->every == 0 ? PHASE_REPLACEMENT
		                            : -1;
	}
	return -1;
}

int
item_phase(const item *it, const item_result *ir, int k, int fy)
{
	return fy < ir->from_fy ? -1 : phase_in_year(it, k);
}

static int
schedule_item(ctx *c, plan_result *pr, item_result *ir, const item *it)
{
	long long amount;
	int k, phase, rc;

	if (yen_mul(ir->quantity, ir->unit_yen, &amount))
		return overflow(c);
	for (k = 0; k < c->r->n_years; k++) {
		phase = item_phase(it, ir, k, pr->years[k].fy);
		if (phase >= 0 &&
		    (rc = spend(c, pr, ir, it->category, k, phase, amount)))
			return rc;
	}
	if (it->phase == PHASE_ANNUAL && ir->from_fy <= c->sc->start_fy &&
	    acc(&pr->annual, amount))
		return overflow(c);
	return TWC_OK;
}

/* An item's unit price and first paid year: the catalogue's, or the
 * scenario inputs the item names (a trial programme's fee). */
static void
price_item(const scenario *sc, const item *it, item_result *ir)
{
	ir->unit_yen = it->price_input >= 0
	                   ? (long long)scenario_value(sc, it->price_input)
	                   : (long long)it->price.base;
	ir->from_fy = it->until_input >= 0
	                  ? (int)scenario_value(sc, it->until_input) + 1
	                  : 0;
}

/* ---- one plan ------------------------------------------------------------ */

static item_result *
new_item(ctx *c, plan_result *pr, int item_index, int opt)
{
	item_result *ir = &pr->items[pr->n_items];

	ir->per_year = arena_alloc(&c->r->mem, sizeof *ir->per_year *
	                                           (size_t)c->r->n_years);
	if (ir->per_year == NULL)
		return NULL;
	ir->item = item_index;
	ir->option = opt;
	pr->n_items++;
	return ir;
}

static int
cost_option(ctx *c, plan_result *pr, int o, unsigned styles)
{
	const option *opt = &c->p->cat.options[o];
	drivers d;
	int i, rc;

	option_drivers(c, opt, styles, &d);
	for (i = 0; i < opt->n_items; i++) {
		int idx = opt->first_item + i;
		const item *it = &c->p->cat.items[idx];
		item_result *ir = new_item(c, pr, idx, o);
		if (ir == NULL)
			return err_set(c->e, TWC_ENOMEM, "out of memory");
		ir->quantity =
		    count_ceil((double)d.v[it->driver] * it->multiplier);
		price_item(c->sc, it, ir);
		if ((rc = schedule_item(c, pr, ir, it)))
			return rc;
	}
	return TWC_OK;
}

/* Per-year grants and the plan's totals. */
static int
settle(ctx *c, plan_result *pr)
{
	const grant_rule *g = &c->p->grant;
	int k;

	for (k = 0; k < c->r->n_years; k++) {
		year_result *y = &pr->years[k];
		y->grant = grant_year(g, &c->r->terms, y->eligible);
		y->net = y->cost - y->grant;
		if (acc(&pr->initial, y->initial) ||
		    acc(&pr->running, y->running) ||
		    acc(&pr->replacement, y->replacement) ||
		    acc(&pr->total, y->cost) ||
		    acc(&pr->eligible, y->eligible) ||
		    acc(&pr->grant, y->grant))
			return overflow(c);
	}
	pr->net = pr->total - pr->grant;
	pr->effective_rate = c->r->effective_rate;
	return TWC_OK;
}

static int
alloc_plan(ctx *c, const plan_spec *pl, plan_result *pr)
{
	int st, i, n = 1, k;

	for (st = 0; st < STYLE_COUNT; st++)
		for (i = 0; i < pl->n_opts[st]; i++)
			n += c->p->cat.options[pl->opts[st][i]].n_items;
	pr->items = arena_alloc(&c->r->mem, sizeof *pr->items * (size_t)n);
	pr->years =
	    arena_alloc(&c->r->mem, sizeof *pr->years * (size_t)c->r->n_years);
	if (pr->items == NULL || pr->years == NULL)
		return err_set(c->e, TWC_ENOMEM, "out of memory");
	for (k = 0; k < c->r->n_years; k++) {
		pr->years[k].fy = c->sc->start_fy + k;
		fy_label(pr->years[k].fy, pr->years[k].label,
		         sizeof pr->years[k].label);
	}
	return TWC_OK;
}

static void plan_messages(ctx *c, const plan_spec *pl, plan_result *pr,
                          const int *opts, const unsigned *styles, int n);

static int
cost_plan(ctx *c, const plan_spec *pl, plan_result *pr)
{
	int opts[STYLE_COUNT * PLAN_MAX_OPTIONS];
	unsigned styles[STYLE_COUNT * PLAN_MAX_OPTIONS];
	int n, i, rc, st;

	if ((rc = alloc_plan(c, pl, pr)))
		return rc;
	n = plan_options(pl, opts, styles);
	for (i = 0; i < n; i++)
		if ((rc = cost_option(c, pr, opts[i], styles[i])))
			return rc;
	for (st = 0; st < STYLE_COUNT; st++)
		if (pl->n_opts[st] > 0) {
			pr->users += c->r->users[st];
			pr->concurrent += c->r->concurrent[st];
		}
	if ((rc = settle(c, pr)))
		return rc;
	if (pr->users > 0)
		pr->per_user_year = muldiv_half_up(pr->net > 0 ? pr->net : 0, 1,
		                                   pr->users * c->sc->years);
	plan_messages(c, pl, pr, opts, styles, n);
	return TWC_OK;
}

/* ---- warnings and notes ---------------------------------------------------
 */

static void
security_messages(ctx *c, const plan_spec *pl, plan_result *pr)
{
	const catalog *cat = &c->p->cat;
	int st, i;

	for (st = 0; st < STYLE_COUNT; st++) {
		unsigned reach = 0;
		int grade = 0, need = c->sc->style[st].segment;
		if (c->r->users[st] == 0 || pl->n_opts[st] == 0)
			continue;
		for (i = 0; i < pl->n_opts[st]; i++) {
			reach |= cat->options[pl->opts[st][i]].segments;
			grade |= cat->options[pl->opts[st][i]].office_grade;
		}
		if (!(reach & (unsigned)need)) {
			pr->security_ok = 0;
			msg_add(&c->r->mem, &pr->warnings,
			        MSG_SEGMENT_UNREACHED, style_name(st),
			        need == SEGMENT_LGWAN ? "LGWAN" : "internet",
			        style_name(st));
		}
		if (c->sc->sensitive && need == SEGMENT_LGWAN && !grade) {
			pr->security_ok = 0;
			msg_add(&c->r->mem, &pr->warnings, MSG_SENSITIVE_WORK,
			        c->r->users[st], style_name(st),
			        cat->sensitive_rule);
		}
	}
}

static void
limit_messages(ctx *c, plan_result *pr, const option *o, unsigned styles)
{
	long long users = 0, conc = 0;
	int st;

	for (st = 0; st < STYLE_COUNT; st++)
		if (styles & (1u << st)) {
			users += c->r->users[st];
			conc += c->r->concurrent[st];
		}
	if (o->id_limit > 0 && users > o->id_limit)
		msg_add(&c->r->mem, &pr->warnings, MSG_ID_LIMIT, o->id, users,
		        o->id_limit);
	if (o->concurrency_limit > 0 && conc > o->concurrency_limit)
		msg_add(&c->r->mem, &pr->warnings, MSG_CONCURRENCY_LIMIT, o->id,
		        conc, o->concurrency_limit);
}

/* A note for each item whose price is a scenario assumption that starts
 * after a free period (a trial programme's fee). */
static void
priced_after_notes(ctx *c, plan_result *pr)
{
	char label[FY_LABEL_MAX], yen[32];
	int i;

	for (i = 0; i < pr->n_items; i++) {
		const item_result *ir = &pr->items[i];
		const item *it = &c->p->cat.items[ir->item];
		if (it->until_input < 0 || ir->unit_yen <= 0)
			continue;
		fy_label(ir->from_fy - 1, label, sizeof label);
		msg_add(&c->r->mem, &pr->notes, MSG_PRICED_AFTER,
		        c->p->cat.options[ir->option].id, ir->from_fy - 1,
		        label, fmt_thousands(ir->unit_yen, yen, sizeof yen),
		        driver_unit(it->driver));
	}
}

static void
plan_messages(ctx *c, const plan_spec *pl, plan_result *pr, const int *opts,
              const unsigned *styles, int n)
{
	int st, i;

	pr->security_ok = 1;
	for (st = 0; st < STYLE_COUNT; st++)
		if (c->r->users[st] > 0 && pl->n_opts[st] == 0)
			msg_add(&c->r->mem, &pr->warnings, MSG_STYLE_UNSERVED,
			        c->r->users[st], style_name(st),
			        style_name(st));
	security_messages(c, pl, pr);
	for (i = 0; i < n; i++) {
		const option *o = &c->p->cat.options[opts[i]];
		limit_messages(c, pr, o, styles[i]);
		if (o->note != NULL)
			msg_add(&c->r->mem, &pr->notes, "%s", o->note);
	}
	priced_after_notes(c, pr);
}

/* ---- the whole estimate
 * ------------------------------------------------------ */

/* The first fiscal year at which plan p's cumulative net cost crosses the
 * reference plan's (the ordering differs from the first year's), or 0:
 * where a J-LIS fee or a dear build changes which plan is cheaper. */
static int
flip_year(const results *r, int p)
{
	const plan_result *a = &r->plans[p], *b = &r->plans[r->reference];
	long long ca = 0, cb = 0;
	int k, first = 0, sign;

	for (k = 0; k < r->n_years; k++) {
		ca += a->years[k].net;
		cb += b->years[k].net;
		sign = (ca > cb) - (ca < cb);
		if (k == 0)
			first = sign;
		else if (sign != first && sign != 0)
			return a->years[k].fy;
	}
	return 0;
}

static void
flip_note(ctx *c, int p)
{
	results *r = c->r;
	plan_result *pr = &r->plans[p];
	char label[FY_LABEL_MAX];

	pr->flip_fy = flip_year(r, p);
	if (pr->flip_fy == 0)
		return;
	fy_label(pr->flip_fy, label, sizeof label);
	msg_add(&r->mem, &pr->notes,
	        pr->years[0].net > r->plans[r->reference].years[0].net
	            ? MSG_FLIPS_LOWER
	            : MSG_FLIPS_HIGHER,
	        pr->flip_fy, label, c->p->cat.plans[r->reference].id);
}

static int
compute_plans(ctx *c)
{
	const catalog *cat = &c->p->cat;
	results *r = c->r;
	int i, rc;

	r->plans =
	    arena_alloc(&r->mem, sizeof *r->plans * (size_t)cat->n_plans);
	if (r->plans == NULL)
		return err_set(c->e, TWC_ENOMEM, "out of memory");
	r->n_plans = cat->n_plans;
	for (i = 0; i < cat->n_plans; i++)
		if ((rc = cost_plan(c, &cat->plans[i], &r->plans[i])))
			return rc;
	r->reference = cat->reference_plan;
	for (i = 0; r->reference >= 0 && i < r->n_plans; i++) {
		r->plans[i].vs_reference =
		    r->plans[i].net - r->plans[r->reference].net;
		if (i != r->reference)
			flip_note(c, i);
	}
	return TWC_OK;
}

int
model_compute(const profile *p, const scenario *sc, results *r, twc_error *e)
{
	ctx c = {p, sc, r, e};
	int rc;

	memset(r, 0, sizeof *r);
	arena_init(&r->mem);
	if ((rc = scenario_check(sc, e)))
		return rc;
	r->n_years = sc->years;
	style_quantities(sc, r);
	grant_assess(&p->grant, sc, &r->terms, &r->mem, &r->warnings);
	r->index100 = r->terms.index100;
	r->m100 = r->terms.m100;
	r->grant_applies = r->terms.applies;
	r->effective_rate = r->terms.effective_rate;
	msg_add(&r->mem, &r->notes, MSG_DEFAULT_PRICES, p->catalog_name);
	rc = compute_plans(&c);
	if (rc != TWC_OK)
		results_free(r);
	return rc;
}

void
results_free(results *r)
{
	arena_free(&r->mem);
	memset(r, 0, sizeof *r);
}
