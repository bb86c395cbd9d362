/* model.c - the estimate: quantities year by year, the schedule of each
 * item, the grant under the readings, other funding, warnings. */
#include <config.h>

#include "model.h"

#include <stdio.h>
#include <string.h>

#include "scenario.h"

typedef struct ctx {
	const profile *p;
	const scenario *sc;
	results *r;
	twc_error *e;
	int only; /* the one plan computed (and the reference plan when
	             with_ref), or -1: every plan */
	int with_ref;
	int quiet;    /* no warnings or notes: their flags only */
	int extremes; /* the grant under the strictest and the most
	                 generous readings too */
	void *buf;    /* the arena's first block, or NULL */
	size_t buf_size;
} ctx;

/* One option's drivers within a plan, in one year. */
typedef struct drivers {
	long long v[DRIVER_COUNT];
} drivers;

static int
overflow(ctx *c)
{
	return err_set(c->e, TWC_EOVERFLOW, MSG_OVERFLOW);
}

static int
no_memory(ctx *c)
{
	return err_set(c->e, TWC_ENOMEM, "out of memory");
}

/* *sum += v, or TWC_EOVERFLOW. */
static int
acc(long long *sum, long long v)
{
	return yen_add(*sum, v, sum);
}

/* n zeroed elements of size each in the results' arena. */
static void *
zalloc(ctx *c, size_t n, size_t size)
{
	return arena_alloc(&c->r->mem, (n ? n : 1) * size);
}

/* The same not zeroed: scratch that is written before it is read. */
static void *
scratch_alloc(ctx *c, size_t n, size_t size)
{
	return arena_take(&c->r->mem, (n ? n : 1) * size);
}

/* ---- enrolment year by year ----------------------------------------------
 */

/* The share of the final enrolment reached by fiscal year fy. */
static double
reached(const rollout *ro, int fy)
{
	double f = 0;
	int i;

	if (ro->n == 0)
		return 1;
	for (i = 0; i < ro->n && ro->fy[i] <= fy; i++)
		f = ro->fraction[i];
	return f;
}

/* Users at once: an ordinary day's (days a week x peak), or every one
 * with continuity sizing. */
static long long
concurrent_of(const scenario *sc, int st, long long users)
{
	long long conc =
	    count_ceil((double)users * sc->style[st].days / 5.0 * sc->peak);

	if (sc->sizing == SIZING_CONTINUITY)
		return users; /* all at once */
	return conc < users ? conc : users;
}

static int
style_quantities(ctx *c)
{
	const scenario *sc = c->sc;
	results *r = c->r;
	int st, k;

	r->users_y = zalloc(c, (size_t)r->n_years, sizeof *r->users_y);
	r->concurrent_y =
	    zalloc(c, (size_t)r->n_years, sizeof *r->concurrent_y);
	if (r->users_y == NULL || r->concurrent_y == NULL)
		return no_memory(c);
	for (st = 0; st < STYLE_COUNT; st++) {
		r->users[st] =
		    count_round((double)sc->staff * sc->style[st].share);
		r->concurrent[st] = concurrent_of(sc, st, r->users[st]);
		for (k = 0; k < r->n_years; k++) {
			long long u = count_round(
			    (double)r->users[st] *
			    reached(&sc->roll[st], sc->start_fy + k));
			r->users_y[k][st] = u;
			r->concurrent_y[k][st] = concurrent_of(sc, st, u);
		}
	}
	return TWC_OK;
}

/* Home workers who qualify for the home-work allowance: more than the
 * catalogue's days a month at home (days a week x 52 / 12). */
static long long
allowance_users(const ctx *c, long long home_users)
{
	double per_month = c->sc->style[STYLE_HOME].days * 52.0 / 12.0;

	return per_month > c->p->cat.allowance_days_per_month + TWC_COUNT_EPS
	           ? home_users
	           : 0;
}

/* Satellite sites that are not an existing office reused. */
static long long
new_sites(const style_input *sat)
{
	return sat->sites > sat->reuse ? sat->sites - sat->reuse : 0;
}

/* The drivers of option o serving styles, in horizon year k. */
static void
option_drivers(const ctx *c, const option *o, unsigned styles, int k,
               drivers *d)
{
	const long long *users = c->r->users_y[k];
	const long long *conc = c->r->concurrent_y[k];
	int st;

	memset(d, 0, sizeof *d);
	for (st = 0; st < STYLE_COUNT; st++)
		if (styles & (1u << st)) {
			d->v[DRIVER_USERS] += users[st];
			d->v[DRIVER_CONCURRENT] += conc[st];
		}
	if (styles & (1u << STYLE_HOME)) {
		d->v[DRIVER_LENT_DEVICES] =
		    o->byod ? count_ceil((double)users[STYLE_HOME] *
		                         c->sc->lent_share)
		            : users[STYLE_HOME];
		d->v[DRIVER_ALLOWANCE] = allowance_users(c, users[STYLE_HOME]);
	}
	if ((styles & (1u << STYLE_SATELLITE)) && users[STYLE_SATELLITE] > 0) {
		d->v[DRIVER_SEATS] = conc[STYLE_SATELLITE];
		d->v[DRIVER_SITES] = c->sc->style[STYLE_SATELLITE].sites;
		d->v[DRIVER_NEW_SITES] =
		    new_sites(&c->sc->style[STYLE_SATELLITE]);
	}
	if (o->users_per_server > 0)
		d->v[DRIVER_SERVERS] =
		    (d->v[DRIVER_CONCURRENT] + o->users_per_server - 1) /
		    o->users_per_server;
	d->v[DRIVER_FIXED] = d->v[DRIVER_USERS] > 0;
	d->v[DRIVER_OFFICE_PCS] = count_ceil((double)d->v[DRIVER_USERS] *
	                                     (1 - c->sc->office_pc_share));
}

/* Counts below this (2^52) are exact as doubles, and v - TWC_COUNT_EPS
 * still rounds up to v: count_ceil((double)v) == v. */
#define COUNT_EXACT (1LL << 52)

/* ceil(driver x multiplier), count_ceil's result: without the floating
 * point for the usual multiplier of 1 (count_ceil of a whole number in
 * doubles' exact range is that number). */
static long long
units_needed(long long driver, double multiplier)
{
	if (multiplier == 1.0 && driver < COUNT_EXACT && driver > -COUNT_EXACT)
		return driver;
	return count_ceil((double)driver * multiplier);
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

int
running_months(const scenario *sc, int k)
{
	int fy = sc->start_fy + k, live, m;

	if (sc->go_live.day == 0)
		return 12;
	live = date_fy(sc->go_live);
	if (fy != live)
		return fy < live ? 0 : 12;
	m = sc->go_live.month;
	return m >= 4 ? 16 - m : 4 - m;
}

/* A spending of one item in one year: how much, in which phase, of what
 * kind for the readings. */
typedef struct spending {
	int k, phase, lease;
	long long qty, yen;
	double units;
} spending;

/* Whether spending s of ir's category is of a kind the rule names at all
 * (before the readings), whenever it falls: spending before the rule's
 * first year stays eligible spending, and gets no grant (grant_year). */
static int
covered(const ctx *c, const item *it, const spending *s)
{
	const grant_rule *g = &c->p->grant;

	return grant_lists(g, it->category,
	                   s->lease ? PHASE_INITIAL : s->phase);
}

/* Record spending s of item ir. */
static int
spend(ctx *c, plan_result *pr, item_result *ir, const item *it,
      const spending *s)
{
	year_result *y = &pr->years[s->k];
	long long *part = s->phase == PHASE_INITIAL  ? &y->initial
	                  : s->phase == PHASE_ANNUAL ? &y->running
	                                             : &y->replacement;
	unsigned kind;

	ir->qty[s->k] += s->qty;
	ir->units[s->k] += s->units;
	if (acc(&ir->per_year[s->k], s->yen) || acc(&ir->total, s->yen) ||
	    acc(&y->cost, s->yen) || acc(part, s->yen))
		return overflow(c);
	if (it->setsu == 0 && acc(&y->staff_time, s->yen))
		return overflow(c);
	if (!covered(c, it, s))
		return TWC_OK;
	kind = grant_spend_kind(&c->p->grant, s->phase, y->fy, s->lease);
	if (acc(&y->parts.yen[kind], s->yen))
		return overflow(c);
	if (grant_counts(kind, &c->r->read)) {
		ir->counted[s->k] = grant_pays_in(&c->p->grant, y->fy);
		if (acc(&ir->eligible, s->yen))
			return overflow(c);
	}
	return TWC_OK;
}

/* price x qty x months / 12, fractions of a yen dropped. */
static int
prorated(ctx *c, long long price, long long qty, int months, long long *yen)
{
	long long t;

	if (yen_mul(price, qty, &t) || yen_mul(t, months, &t))
		return overflow(c);
	*yen = t / 12;
	return TWC_OK;
}

/* A running (or leased) item's payment in year k for qty units. */
static int
pay(ctx *c, plan_result *pr, item_result *ir, const item *it, int k,
    long long qty, long long monthly_or_yearly)
{
	int months = pr->years[k].months; /* running_months, made once */
	spending s;
	int rc;

	if (pr->years[k].fy < ir->from_fy || months == 0 || qty == 0)
		return TWC_OK;
	s.k = k;
	s.phase = PHASE_ANNUAL;
	s.lease = ir->way == WAY_LEASED;
	s.qty = qty;
	ir->months[k] = months;
	if (ir->way == WAY_LEASED) {
		if (yen_mul(monthly_or_yearly, qty, &s.yen) ||
		    yen_mul(s.yen, months, &s.yen))
			return overflow(c);
		s.units = (double)qty * months;
	} else {
		if ((rc = prorated(c, monthly_or_yearly, qty, months, &s.yen)))
			return rc;
		/* a whole year: qty x 12 / 12, exactly qty (no division)
		 * while qty x 12 is exact too (below 2^53) */
		s.units = months == 12 && qty < (1LL << 49)
		              ? (double)qty
		              : (double)qty * months / 12.0;
	}
	return spend(c, pr, ir, it, &s);
}

/* qty units of ir bought in year k, in phase. */
static int
purchase(ctx *c, plan_result *pr, item_result *ir, const item *it, int k,
         int phase, long long qty)
{
	spending s = {k, phase, 0, qty, 0, (double)qty};

	if (qty == 0)
		return TWC_OK;
	if (yen_mul(ir->unit_yen, qty, &s.yen))
		return overflow(c);
	return spend(c, pr, ir, it, &s);
}

/* Units bought: for the increase over the most held before (initial
 * spending), and again every `every` years for each year's purchase;
 * bought (n_years) is scratch. */
static int
buy(ctx *c, plan_result *pr, item_result *ir, const item *it,
    const long long *need, long long *bought)
{
	long long held = 0;
	int k, j, rc;

	for (k = 0; k < c->r->n_years; k++) {
		bought[k] = need[k] > held ? need[k] - held : 0;
		held = need[k] > held ? need[k] : held;
		/* (most years buy nothing: no call) */
		if (bought[k] > 0 &&
		    (rc = purchase(c, pr, ir, it, k, PHASE_INITIAL, bought[k])))
			return rc;
		if (it->phase != PHASE_REPLACEMENT)
			continue;
		/* the years j < k with k - j a multiple of every, in order
		 * (a division a year, not one for each earlier year) */
		for (j = k % it->every; j < k; j += it->every)
			if (bought[j] > 0 &&
			    (rc = purchase(c, pr, ir, it, k, PHASE_REPLACEMENT,
			                   bought[j])))
				return rc;
	}
	return TWC_OK;
}

static int
schedule_item(ctx *c, plan_result *pr, item_result *ir, const item *it,
              const long long *need, long long *scratch)
{
	long long full;
	int k, rc;

	if (ir->way == WAY_BOUGHT)
		return buy(c, pr, ir, it, need, scratch);
	for (k = 0; k < c->r->n_years; k++)
		if ((rc = pay(c, pr, ir, it, k, need[k], ir->unit_yen)))
			return rc;
	/* one full year at full enrolment */
	if (ir->from_fy > c->sc->start_fy)
		return TWC_OK;
	if (yen_mul(ir->unit_yen, ir->quantity, &full) ||
	    (ir->way == WAY_LEASED && yen_mul(full, 12, &full)) ||
	    acc(&pr->annual, full))
		return overflow(c);
	return TWC_OK;
}

/* An item's way, unit price and first paid year: the catalogue's, a
 * lease's, or the scenario inputs the item names (a trial's fee). */
static void
price_item(const scenario *sc, const item *it, item_result *ir)
{
	ir->way = it->lease_months > 0        ? WAY_LEASED
	          : it->phase == PHASE_ANNUAL ? WAY_RUNNING
	                                      : WAY_BOUGHT;
	ir->unit_yen = it->price_input >= 0
	                   ? (long long)scenario_value(sc, it->price_input)
	               : ir->way == WAY_LEASED ? it->lease_monthly
	                                       : (long long)it->price.base;
	ir->from_fy = it->until_input >= 0
	                  ? (int)scenario_value(sc, it->until_input) + 1
	                  : 0;
}

/* ---- one plan ------------------------------------------------------------ */

/* The bytes of an item's yearly arrays (new_item), a multiple of their
 * widest member's size: the blocks of an option's items follow each
 * other in one allocation. */
static size_t
item_block_size(const results *r)
{
	const item_result *ir = NULL;
	size_t n = (size_t)r->n_years, w = sizeof *ir->per_year;
	size_t size =
	    n * (sizeof *ir->per_year + sizeof *ir->qty + sizeof *ir->units +
	         sizeof *ir->months + sizeof *ir->counted);

	return (size + w - 1) / w * w;
}

/* A new item of pr, its yearly arrays in block (item_block_size bytes,
 * zeroed). */
static item_result *
new_item(ctx *c, plan_result *pr, int item_index, int opt, char *block)
{
	item_result *ir = &pr->items[pr->n_items];
	size_t n = (size_t)c->r->n_years;

	/* the widest members first: each stays aligned */
	memset(ir, 0, sizeof *ir); /* the array is not zeroed (alloc_plan) */
	ir->per_year = (long long *)(void *)block;
	ir->qty = ir->per_year + n;
	ir->units = (double *)(void *)(ir->qty + n);
	ir->months = (int *)(void *)(ir->units + n);
	ir->counted = (unsigned char *)(ir->months + n);
	ir->item = item_index;
	ir->option = opt;
	pr->n_items++;
	return ir;
}

/* Whether an item with a size band is bought for an option serving users
 * (at full enrolment); an item without one always is. */
static int
in_band(const item *it, long long users)
{
	return users >= it->users_from &&
	       (it->users_to == 0 || users <= it->users_to);
}

/* The users an option serves in a plan, at full enrolment. */
static long long
option_users(const ctx *c, unsigned styles)
{
	long long n = 0;
	int st;

	for (st = 0; st < STYLE_COUNT; st++)
		if (styles & (1u << st))
			n += c->r->users[st];
	return n;
}

static int
cost_option(ctx *c, plan_result *pr, int o, unsigned styles)
{
	const option *opt = &c->p->cat.options[o];
	size_t n = (size_t)c->r->n_years;
	/* each year's need of an item, purchases and drivers: all written
	 * before they are read */
	long long *need = scratch_alloc(c, 2 * n, sizeof *need), *scratch;
	drivers *d = scratch_alloc(c, n, sizeof *d);
	long long users = option_users(c, styles);
	/* every item's yearly arrays, zeroed at once (those of another size
	 * band's items unused) */
	size_t block_size = item_block_size(c->r);
	char *blocks = zalloc(c, (size_t)opt->n_items, block_size);
	int i, k, rc;

	if (need == NULL || d == NULL || blocks == NULL)
		return no_memory(c);
	scratch = need + n;
	for (k = 0; k < c->r->n_years; k++)
		option_drivers(c, opt, styles, k, &d[k]);
	for (i = 0; i < opt->n_items; i++) {
		int idx = opt->first_item + i;
		const item *it = &c->p->cat.items[idx];
		item_result *ir;
		if (!in_band(it, users))
			continue; /* another size band's item */
		ir = new_item(c, pr, idx, o, blocks + (size_t)i * block_size);
		for (k = 0; k < c->r->n_years; k++) {
			need[k] =
			    units_needed(d[k].v[it->driver], it->multiplier);
			if (need[k] > ir->quantity)
				ir->quantity = need[k];
		}
		price_item(c->sc, it, ir);
		if ((rc = schedule_item(c, pr, ir, it, need, scratch)))
			return rc;
	}
	return TWC_OK;
}

/* ---- other funding and the grant, year by year ------------------------- */

/* Other money counted in year k of plan pr: each entry's sum, or its share
 * of the year's eligible cost (fractions of a yen dropped), in all at most
 * the year's cost; a warning when that cut it. */
static int
count_funding(ctx *c, plan_result *pr, int k)
{
	year_result *y = &pr->years[k];
	long long eligible = grant_eligible(&y->parts, &c->r->read), given = 0;
	char a[32], b[32];
	int i;

	for (i = 0; i < c->sc->n_funds; i++) {
		const funding *f = &c->sc->funds[i];
		long long yen = f->share > 0
		                    ? (long long)((double)eligible * f->share)
		                    : f->yen;
		if (f->fy != y->fy)
			continue;
		y->fund_share += f->share;
		y->fund_yen += f->share > 0 ? 0 : f->yen;
		given += yen;
		if (yen > y->cost - y->funding_total)
			yen = y->cost - y->funding_total;
		y->funding[f->source] += yen;
		y->funding_total += yen;
	}
	if (given > y->funding_total) {
		pr->funding_capped = 1;
		if (!c->quiet)
			msg_add(&c->r->mem, &pr->warnings, MSG_FUNDING_CAPPED,
			        fmt_thousands(given, a, sizeof a), y->fy,
			        y->label, fmt_thousands(y->cost, b, sizeof b));
	}
	return acc(&pr->funding, y->funding_total) ? overflow(c) : TWC_OK;
}

/* Per-year grants under the readings used, the strictest and the most
 * generous, and the plan's totals. */
static int
settle(ctx *c, plan_result *pr)
{
	const grant_rule *g = &c->p->grant;
	const grant_terms *t = &c->r->terms;
	long long e, d;
	int k, rc;

	for (k = 0; k < c->r->n_years; k++) {
		year_result *y = &pr->years[k];
		if ((rc = count_funding(c, pr, k)))
			return rc;
		y->grant =
		    grant_of_year(g, t, y->fy, &y->parts, &c->r->read,
		                  y->funding_total, &y->eligible, &y->deducted);
		y->net = y->cost - y->grant;
		if (acc(&pr->initial, y->initial) ||
		    acc(&pr->running, y->running) ||
		    acc(&pr->replacement, y->replacement) ||
		    acc(&pr->total, y->cost) ||
		    acc(&pr->eligible, y->eligible) ||
		    acc(&pr->grant, y->grant) ||
		    acc(&pr->deducted, y->deducted) ||
		    acc(&pr->staff_time, y->staff_time))
			return overflow(c);
		if (!c->extremes)
			continue; /* left 0, not read (model_compute_plan) */
		y->grant_strict =
		    grant_of_year(g, t, y->fy, &y->parts, &reading_strict,
		                  y->funding_total, &y->eligible_strict, &d);
		y->grant_generous =
		    grant_of_year(g, t, y->fy, &y->parts, &reading_generous,
		                  y->funding_total, &y->eligible_generous, &e);
		if (acc(&pr->grant_strict, y->grant_strict) ||
		    acc(&pr->grant_generous, y->grant_generous))
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
	/* each item is zeroed as it is added (new_item): of a size band's
	 * items only the one that fits is */
	pr->items = scratch_alloc(c, (size_t)n, sizeof *pr->items);
	pr->years = zalloc(c, (size_t)c->r->n_years, sizeof *pr->years);
	if (pr->items == NULL || pr->years == NULL)
		return no_memory(c);
	for (k = 0; k < c->r->n_years; k++) {
		pr->years[k].fy = c->sc->start_fy + k;
		pr->years[k].months = running_months(c->sc, k);
		if (!c->quiet) /* read as text only */
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

/* A warning about the work of style st, whose name differs by language:
 * its segment (need) unreached, or (need 0) no option for it at all. */
static void
style_warning(ctx *c, plan_result *pr, int st, int need)
{
	char text[LANG_COUNT][1024];
	int lang;

	if (c->quiet)
		return;
	for (lang = 0; lang < LANG_COUNT; lang++) {
		const char *style = style_label(st, lang);
		if (need != 0)
			msg_format(text[lang], sizeof text[lang], lang,
			           MSG_SEGMENT_UNREACHED, style,
			           segment_label(need, lang), style);
		else
			msg_format(text[lang], sizeof text[lang], lang,
			           MSG_STYLE_UNSERVED, c->r->users[st], style,
			           style);
	}
	msg_add_pair(&c->r->mem, &pr->warnings, text[LANG_EN], text[LANG_JA]);
}

/* Sensitive work from outside the office (the guideline's words). */
static void
sensitive_warning(ctx *c, plan_result *pr, int st)
{
	char text[LANG_COUNT][1024];
	int lang;

	if (c->quiet)
		return;
	for (lang = 0; lang < LANG_COUNT; lang++)
		msg_format(text[lang], sizeof text[lang], lang,
		           MSG_SENSITIVE_WORK, c->r->users[st],
		           style_label(st, lang),
		           lang == LANG_JA && c->p->cat.sensitive_rule_ja
		               ? c->p->cat.sensitive_rule_ja
		               : c->p->cat.sensitive_rule);
	msg_add_pair(&c->r->mem, &pr->warnings, text[LANG_EN], text[LANG_JA]);
}

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
			style_warning(c, pr, st, need);
		}
		if (c->sc->sensitive && need == SEGMENT_LGWAN && !grade) {
			pr->security_ok = 0;
			sensitive_warning(c, pr, st);
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
	char label[FY_LABEL_MAX], yen[32], text[LANG_COUNT][512];
	int i, lang;

	for (i = 0; i < pr->n_items; i++) {
		const item_result *ir = &pr->items[i];
		const item *it = &c->p->cat.items[ir->item];
		if (it->until_input < 0 || ir->unit_yen <= 0)
			continue;
		fy_label(ir->from_fy - 1, label, sizeof label);
		fmt_thousands(ir->unit_yen, yen, sizeof yen);
		for (lang = 0; lang < LANG_COUNT; lang++)
			msg_format(text[lang], sizeof text[lang], lang,
			           MSG_PRICED_AFTER,
			           c->p->cat.options[ir->option].id,
			           ir->from_fy - 1, label, yen,
			           driver_unit(it->driver, lang));
		msg_add_pair(&c->r->mem, &pr->notes, text[LANG_EN],
		             text[LANG_JA]);
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
			style_warning(c, pr, st, 0);
	security_messages(c, pl, pr);
	for (i = 0; !c->quiet && i < n; i++) {
		const option *o = &c->p->cat.options[opts[i]];
		limit_messages(c, pr, o, styles[i]);
		if (o->note != NULL)
			msg_add_pair(&c->r->mem, &pr->notes, o->note,
			             o->note_ja != NULL ? o->note_ja : o->note);
	}
	if (!c->quiet)
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
	if (pr->flip_fy == 0 || c->quiet)
		return;
	fy_label(pr->flip_fy, label, sizeof label);
	msg_add(&r->mem, &pr->notes,
	        pr->years[0].net > r->plans[r->reference].years[0].net
	            ? MSG_FLIPS_LOWER
	            : MSG_FLIPS_HIGHER,
	        pr->flip_fy, label, c->p->cat.plans[r->reference].id);
}

/* Whether plan i is computed. */
static int
wanted(const ctx *c, int i)
{
	return c->only < 0 || i == c->only ||
	       (c->with_ref && i == c->p->cat.reference_plan);
}

static int
compute_plans(ctx *c)
{
	const catalog *cat = &c->p->cat;
	results *r = c->r;
	int i, rc;

	/* with one plan (and the reference), the others are not set at all:
	 * nothing reads them (model_compute_plan) */
	r->plans =
	    c->only < 0
	        ? zalloc(c, (size_t)cat->n_plans, sizeof *r->plans)
	        : scratch_alloc(c, (size_t)cat->n_plans, sizeof *r->plans);
	if (r->plans == NULL)
		return no_memory(c);
	r->n_plans = cat->n_plans;
	for (i = 0; i < cat->n_plans; i++) {
		if (!wanted(c, i))
			continue;
		if (c->only >= 0)
			memset(&r->plans[i], 0, sizeof r->plans[i]);
		if ((rc = cost_plan(c, &cat->plans[i], &r->plans[i])))
			return rc;
	}
	r->reference = cat->reference_plan;
	for (i = 0; r->reference >= 0 && i < r->n_plans; i++) {
		if (!wanted(c, i) || !wanted(c, r->reference))
			continue;
		r->plans[i].vs_reference =
		    r->plans[i].net - r->plans[r->reference].net;
		if (i != r->reference)
			flip_note(c, i);
	}
	return TWC_OK;
}

/* Scenario-wide notes: each year's grant is decided that year (the prices
 * that are defaults have a note of their own once the plans are costed,
 * default_price_note). */
static void
scenario_notes(ctx *c)
{
	results *r = c->r;

	if (r->grant_applies)
		msg_add(&r->mem, &r->notes, MSG_DECIDED_YEARLY,
		        reading_later_name(r->read.later_initial),
		        reading_lease_name(r->read.lease));
}

/* Append ", " (after the first) and id to buf of size n holding len
 * bytes, or " ..." once when it no longer fits; the new length. */
static size_t
append_id(char *buf, size_t n, size_t len, const char *id)
{
	size_t sep = len > 0 ? 2 : 0, k = strlen(id);

	if (len + sep + k + 5 > n) {
		if (len + 5 <= n &&
		    (len < 4 || strcmp(buf + len - 4, " ...") != 0)) {
			memcpy(buf + len, " ...", 5);
			len += 4;
		}
		return len;
	}
	memcpy(buf + len, ", ", sep);
	memcpy(buf + len + sep, id, k + 1);
	return len + sep + k;
}

/* The items some plan pays for at the catalogue's price (not quoted, not
 * priced by a scenario input, not free), as one note listing their ids;
 * none when every such item has been quoted. */
static void
default_price_note(ctx *c)
{
	const catalog *cat = &c->p->cat;
	results *r = c->r;
	char ids[768], *used = arena_alloc(&r->mem, (size_t)cat->n_items + 1);
	size_t len = 0;
	int i, k, n = 0;

	if (used == NULL)
		return;
	for (i = 0; i < r->n_plans; i++)
		for (k = 0; k < r->plans[i].n_items; k++)
			if (r->plans[i].items[k].total > 0)
				used[r->plans[i].items[k].item] = 1;
	ids[0] = '\0';
	for (i = 0; i < cat->n_items; i++) {
		const item *it = &cat->items[i];
		if (!used[i] || it->quoted || it->price_input >= 0)
			continue;
		len = append_id(ids, sizeof ids, len, it->id);
		n++;
	}
	if (n > 0)
		msg_add(&r->mem, &r->notes, MSG_DEFAULT_PRICES,
		        c->p->catalog_name, n, ids);
}

static int
compute(ctx *c0)
{
	ctx c = *c0;
	const profile *p = c.p;
	const scenario *sc = c.sc;
	results *r = c.r;
	twc_error *e = c.e;
	int rc;

	memset(r, 0, sizeof *r);
	arena_init_in(&r->mem, c.buf, c.buf_size);
	if ((rc = scenario_check(sc, e)))
		return rc;
	r->n_years = sc->years;
	if ((rc = style_quantities(&c)) != TWC_OK) {
		results_free(r);
		return rc;
	}
	grant_assess(&p->grant, sc, &r->terms, &r->mem,
	             c.quiet ? NULL : &r->warnings);
	r->read = grant_readings(&p->grant, &sc->read);
	r->index100 = r->terms.index100;
	r->m100 = r->terms.m100;
	r->grant_applies = r->terms.applies;
	r->effective_rate = r->terms.effective_rate;
	if (!c.quiet)
		scenario_notes(&c);
	if ((rc = compute_plans(&c)) == TWC_OK && !c.quiet)
		default_price_note(&c);
	if (rc != TWC_OK)
		results_free(r);
	return rc;
}

int
model_compute(const profile *p, const scenario *sc, results *r, twc_error *e)
{
	ctx c = {p, sc, r, e, -1, 0, 0, 1, NULL, 0};

	return compute(&c);
}

int
model_compute_plan(const profile *p, const scenario *sc, results *r,
                   twc_error *e, int plan, unsigned what, void *buf,
                   size_t size)
{
	ctx c = {p,    sc,
	         r,    e,
	         plan, (what & MODEL_REFERENCE) != 0,
	         1,    (what & MODEL_EXTREMES) != 0,
	         buf,  size};

	if (plan < 0 || plan >= p->cat.n_plans)
		return err_set(e, TWC_EKEY, "no plan %d", plan);
	return compute(&c);
}

void
results_free(results *r)
{
	arena_free(&r->mem);
	memset(r, 0, sizeof *r);
}
