/* request.c - the budget request (予算見積書) of a plan: a line for each
 * item's spending in each fiscal year, with its 節, 細節 and 積算基礎, and
 * the contracts that span fiscal years (債務負担行為).
 *
 * Lines are ordered by year, then 節, 細節 and the catalogue's order.  The
 * entity's own staff time (節 0) is not a line: the model keeps it apart
 * as a reference figure. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* The 積算基礎 of a line: label, unit price, units, months; in Japanese
 * as a budget writes it (貸与用ノートPC 180,000円×16台), or in English
 * (Lent laptops: ¥180,000 × 16). */
static void
basis_text(const item *it, const item_result *ir, int k, int lang, char *buf,
           size_t n)
{
	char p[32], q[32], m[16] = "";
	const char *label = lang == LANG_JA ? it->label_ja : it->label_en;
	const char *counter = lang == LANG_JA ? it->counter : "";
	long long unit = ir->unit_yen;
	int months = ir->months[k];

	fmt_thousands(ir->qty[k], q, sizeof q);
	if (ir->way == WAY_LEASED ||
	    (ir->way != WAY_BOUGHT && it->monthly && ir->unit_yen % 12 == 0)) {
		unit = ir->way == WAY_LEASED ? ir->unit_yen : ir->unit_yen / 12;
		snprintf(m, sizeof m,
		         lang == LANG_JA ? "×%d月" : " × %d months", months);
	} else if (ir->way != WAY_BOUGHT && months != 12)
		snprintf(m, sizeof m, lang == LANG_JA ? "×%d/12" : " × %d/12",
		         months);
	fmt_thousands(unit, p, sizeof p);
	if (lang == LANG_JA)
		snprintf(buf, n, "%s %s円×%s%s%s", label, p, q, counter, m);
	else
		snprintf(buf, n, "%s: ¥%s × %s%s", label, p, q, m);
}

static const item *
item_of(const profile *p, const plan_result *pr, int i)
{
	return &p->cat.items[pr->items[i].item];
}

/* Lines of year k: every item that spends and is a budget line. */
static int
year_lines(const profile *p, results *r, plan_result *pr, int k)
{
	char basis[512], basis_en[512];
	int i;

	for (i = 0; i < pr->n_items; i++) {
		const item *it = item_of(p, pr, i);
		line_result *l = &pr->lines[pr->n_lines];
		if (pr->items[i].per_year[k] == 0 || it->setsu == 0)
			continue;
		basis_text(it, &pr->items[i], k, LANG_JA, basis, sizeof basis);
		basis_text(it, &pr->items[i], k, LANG_EN, basis_en,
		           sizeof basis_en);
		l->year = k;
		l->item = i;
		l->setsu = it->setsu;
		l->saisetsu = it->saisetsu ? it->saisetsu : "";
		l->yen = pr->items[i].per_year[k];
		if ((l->basis = arena_strdup(&r->mem, basis)) == NULL ||
		    (l->basis_en = arena_strdup(&r->mem, basis_en)) == NULL)
			return TWC_ENOMEM;
		pr->n_lines++;
	}
	return TWC_OK;
}

static int
by_year_setsu(const void *a, const void *b)
{
	const line_result *x = a, *y = b;
	int c;

	if (x->year != y->year)
		return x->year - y->year;
	if (x->setsu != y->setsu)
		return x->setsu - y->setsu;
	if ((c = strcmp(x->saisetsu, y->saisetsu)) != 0)
		return c;
	return x->item - y->item;
}

/* ---- 債務負担行為 -------------------------------------------------------- */

static debt_result *
new_debt(results *r, plan_result *pr, int i, int contract_fy)
{
	debt_result *d;

	if (pr->n_debts % 8 == 0) {
		debt_result *more = arena_alloc(
		    &r->mem, sizeof *more * (size_t)(pr->n_debts + 8));
		if (more == NULL)
			return NULL;
		if (pr->n_debts > 0)
			memcpy(more, pr->debts,
			       sizeof *more * (size_t)pr->n_debts);
		pr->debts = more;
	}
	d = &pr->debts[pr->n_debts++];
	d->item = i;
	d->contract_fy = contract_fy;
	return d;
}

/* 期間 of a contract: 令和8年度から令和11年度まで. */
static void
period_text(debt_result *d)
{
	char from[FY_LABEL_MAX], to[FY_LABEL_MAX];

	fy_label(d->from_fy, from, sizeof from);
	fy_label(d->to_fy, to, sizeof to);
	snprintf(d->period, sizeof d->period, "%sから%sまで", from, to);
}

/* The lease of the units added in year k: from the month it starts (the
 * go-live month in the go-live year, else April) for the lease's months;
 * what it commits after its first fiscal year. */
static int
lease_debts(results *r, plan_result *pr, int i, const item *it)
{
	const item_result *ir = &pr->items[i];
	long long held = 0;
	int k;

	for (k = 0; k < r->n_years; k++) {
		long long added = ir->qty[k] > held ? ir->qty[k] - held : 0;
		int later = it->lease_months - ir->months[k];
		debt_result *d;
		held = ir->qty[k] > held ? ir->qty[k] : held;
		if (added == 0 || later <= 0)
			continue;
		if ((d = new_debt(r, pr, i, pr->years[k].fy)) == NULL)
			return TWC_ENOMEM;
		d->from_fy = d->contract_fy + 1;
		d->to_fy = d->contract_fy + (later + 11) / 12;
		d->limit = ir->unit_yen * added * later;
		period_text(d);
	}
	return TWC_OK;
}

/* A running item contracted for several years at once: a contract in the
 * first year it is paid and every `years` years after; what each commits
 * after its first year (at the last year's amount past the horizon). */
static int
contract_debts(results *r, plan_result *pr, int i, const item *it)
{
	const item_result *ir = &pr->items[i];
	int first, k, y, last = r->n_years - 1;

	for (first = 0; first < r->n_years && ir->per_year[first] == 0; first++)
		;
	for (k = first; k < r->n_years; k += it->contract_years) {
		debt_result *d = new_debt(r, pr, i, pr->years[k].fy);
		if (d == NULL)
			return TWC_ENOMEM;
		d->from_fy = d->contract_fy + 1;
		d->to_fy = d->contract_fy + it->contract_years - 1;
		for (y = k + 1; y < k + it->contract_years; y++)
			d->limit += ir->per_year[y <= last ? y : last];
		period_text(d);
	}
	return TWC_OK;
}

int
request_build(const profile *p, const scenario *sc, results *r, plan_result *pr,
              twc_error *e)
{
	int k, i, rc = TWC_OK;

	(void)sc;
	pr->lines =
	    arena_alloc(&r->mem, sizeof *pr->lines * (size_t)(pr->n_items + 1) *
	                             (size_t)r->n_years);
	if (pr->lines == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	for (k = 0; rc == TWC_OK && k < r->n_years; k++)
		rc = year_lines(p, r, pr, k);
	for (i = 0; rc == TWC_OK && i < pr->n_items; i++) {
		const item *it = item_of(p, pr, i);
		if (it->long_term)
			continue;
		if (pr->items[i].way == WAY_LEASED)
			rc = lease_debts(r, pr, i, it);
		else if (it->contract_years > 1)
			rc = contract_debts(r, pr, i, it);
	}
	if (rc != TWC_OK)
		return err_set(e, TWC_ENOMEM, "out of memory");
	qsort(pr->lines, (size_t)pr->n_lines, sizeof *pr->lines, by_year_setsu);
	return TWC_OK;
}

int
model_request(const profile *p, const scenario *sc, results *r, twc_error *e)
{
	int i, rc = TWC_OK;

	for (i = 0; !r->requested && rc == TWC_OK && i < r->n_plans; i++)
		rc = request_build(p, sc, r, &r->plans[i], e);
	if (rc == TWC_OK)
		r->requested = 1;
	return rc;
}
