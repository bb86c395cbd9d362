/* linear.c - each plan's cost as a linear function of uncertain prices. */
#include <config.h>

#include "linear.h"

#include "kernel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Add units x price of one item's spending in one year to the dense sums
 * (inputs) or the constants (fixed prices). */
static void
add_units(double *dense, double *constant, int input, double units,
          double price)
{
	if (input >= 0)
		dense[input] += units;
	else
		*constant += units * price;
}

/* Keep the nonzero entries of dense as terms. */
static int
compress(arena *mem, const double *dense, int n, linear_sum *s)
{
	int k, m = 0;

	for (k = 0; k < n; k++)
		m += dense[k] != 0;
	s->terms = arena_alloc(mem, sizeof *s->terms * (size_t)(m + 1));
	if (s->terms == NULL)
		return TWC_ENOMEM;
	for (k = 0; k < n; k++)
		if (dense[k] != 0) {
			s->terms[s->n_terms].input = k;
			s->terms[s->n_terms++].coef = dense[k];
		}
	return TWC_OK;
}

/* Accumulate one plan's items into dense[0] (total), dense[1 + k]
 * (eligible in year k under the readings used) and dense[1 + n + k] (the
 * request's 事業費 of year k, n years), with constants alongside. */
static void
accumulate(const profile *p, const results *r, const plan_result *pr,
           const int *item_input, int n_inputs, double *dense, double *cst)
{
	const size_t n = (size_t)r->n_years;
	int i, k;

	for (i = 0; i < pr->n_items; i++) {
		const item_result *ir = &pr->items[i];
		int in = item_input[ir->item];
		int line = p->cat.items[ir->item].setsu != 0;
		for (k = 0; k < r->n_years; k++) {
			size_t yk = (size_t)k;
			if (ir->units[k] == 0)
				continue;
			add_units(dense, &cst[0], in, ir->units[k],
			          (double)ir->unit_yen);
			if (ir->counted[k])
				add_units(dense + (yk + 1) * (size_t)n_inputs,
				          &cst[k + 1], in, ir->units[k],
				          (double)ir->unit_yen);
			if (line)
				add_units(dense +
				              (n + 1 + yk) * (size_t)n_inputs,
				          &cst[n + 1 + yk], in, ir->units[k],
				          (double)ir->unit_yen);
		}
	}
}

/* Year k of plan pr at the estimate's prices: the request's 事業費 as
 * the form sums it (units x price) and as the estimate has it (each
 * item's yen), and the eligible sum as the form has it. */
static void
year_base(const profile *p, const plan_result *pr, int k, double *form,
          long long *exact, double *eligible)
{
	int i;

	*form = *eligible = 0;
	*exact = 0;
	for (i = 0; i < pr->n_items; i++) {
		const item_result *ir = &pr->items[i];
		double v = ir->units[k] * (double)ir->unit_yen;
		if (ir->units[k] == 0)
			continue;
		if (p->cat.items[ir->item].setsu != 0) {
			*form += v;
			*exact += ir->per_year[k];
		}
		if (ir->counted[k])
			*eligible += v;
	}
}

/* The request's year sums of plan pi: rows 1 + n .. 2 n of dense. */
static int
build_years(linear *l, const profile *p, const results *r, int pi,
            const int *year_sum, int n_inputs, const double *dense,
            const double *cst)
{
	const plan_result *pr = &r->plans[pi];
	linear_plan *lp = &l->plans[pi];
	const size_t n = (size_t)r->n_years;
	int k;

	lp->years = arena_alloc(&l->mem, sizeof *lp->years * (n + 1));
	if (lp->years == NULL)
		return TWC_ENOMEM;
	memset(lp->years, 0, sizeof *lp->years * (n + 1));
	lp->n_years = r->n_years;
	for (k = 0; k < r->n_years; k++) {
		linear_year *y = &lp->years[k];
		const year_result *yr = &pr->years[k];
		double form, el;
		long long exact;
		year_base(p, pr, k, &form, &exact, &el);
		y->cost.constant =
		    cst[n + 1 + (size_t)k] + ((double)exact - form);
		y->cost.keep = 1;
		if (compress(&l->mem,
		             dense + (n + 1 + (size_t)k) * (size_t)n_inputs,
		             n_inputs, &y->cost))
			return TWC_ENOMEM;
		y->eligible = year_sum[k];
		y->funding = (double)yr->funding_total;
		y->fund_share = yr->fund_share;
		y->eligible_base = el;
	}
	return TWC_OK;
}

static int
has_spending(const double *dense, int n, double constant)
{
	int k;

	for (k = 0; k < n; k++)
		if (dense[k] != 0)
			return 1;
	return constant != 0;
}

/* Other funding deducted from a year's eligible cost before the grant. */
static void
deduction(const profile *p, const year_result *y, linear_sum *s)
{
	s->keep = 1;
	s->minus = 0;
	if (!p->grant.deduct_other_funding)
		return;
	s->keep = y->fund_share < 1 ? 1 - y->fund_share : 0;
	s->minus = (double)y->fund_yen;
}

static int
build_plan(linear *l, const profile *p, const results *r, int pi,
           const int *item_input, int n_inputs, double *dense, double *cst,
           int *year_sum)
{
	linear_plan *lp = &l->plans[pi];
	int k, rows = 2 * r->n_years + 1;

	memset(dense, 0, sizeof *dense * (size_t)rows * (size_t)n_inputs);
	memset(cst, 0, sizeof *cst * (size_t)rows);
	accumulate(p, r, &r->plans[pi], item_input, n_inputs, dense, cst);
	lp->total.constant = cst[0];
	lp->total.keep = 1;
	if (compress(&l->mem, dense, n_inputs, &lp->total))
		return TWC_ENOMEM;
	lp->eligible =
	    arena_alloc(&l->mem, sizeof *lp->eligible * (size_t)r->n_years);
	if (lp->eligible == NULL)
		return TWC_ENOMEM;
	for (k = 0; k < r->n_years; k++) {
		const double *row = dense + (size_t)(k + 1) * (size_t)n_inputs;
		linear_sum *s = &lp->eligible[lp->n_eligible];
		year_sum[k] = -1;
		if (!has_spending(row, n_inputs, cst[k + 1]))
			continue;
		year_sum[k] = lp->n_eligible;
		s->constant = cst[k + 1];
		deduction(p, &r->plans[pi].years[k], s);
		if (compress(&l->mem, row, n_inputs, s))
			return TWC_ENOMEM;
		lp->n_eligible++;
	}
	return build_years(l, p, r, pi, year_sum, n_inputs, dense, cst);
}

int
linear_build(const profile *p, const results *r, const int *item_input,
             int n_inputs, linear *l, twc_error *e)
{
	size_t rows = 2 * (size_t)r->n_years + 1;
	double *dense = calloc(rows * (size_t)(n_inputs + 1), sizeof *dense);
	double *cst = calloc(rows, sizeof *cst);
	int *year_sum = calloc((size_t)r->n_years + 1, sizeof *year_sum);
	int i, rc = TWC_OK;

	memset(l, 0, sizeof *l);
	arena_init(&l->mem);
	l->applies = r->grant_applies;
	l->m100 = r->m100;
	l->rule = &p->grant;
	l->factor = grant_rate(&p->grant, r->m100) / (double)p->grant.unit_yen;
	l->unit = (double)p->grant.unit_yen;
	l->exact = p->grant.rounding != ROUND_HALF_UP || p->grant.cap_yen > 0;
	l->plans = arena_alloc(&l->mem, sizeof *l->plans * (size_t)r->n_plans);
	if (dense == NULL || cst == NULL || year_sum == NULL ||
	    l->plans == NULL)
		rc = TWC_ENOMEM;
	l->n_plans = r->n_plans;
	for (i = 0; rc == TWC_OK && i < r->n_plans; i++)
		rc = build_plan(l, p, r, i, item_input, n_inputs, dense, cst,
		                year_sum);
	free(dense);
	free(cst);
	free(year_sum);
	if (rc != TWC_OK) {
		linear_free(l);
		return err_set(e, rc, "out of memory");
	}
	return TWC_OK;
}

double
linear_grant_exact(const linear *l, long long yen)
{
	return (double)grant_amount(l->rule, yen, l->m100);
}

/* The fast path of linear_grant over a chunk, added to gr; the draws
 * whose scaled amount lies within rounding error of a half unit are
 * flagged for the exact rule.  Returns whether any is. */
TWC_KERNEL static int
grant_fast(const linear *l, const double *restrict el, double *restrict gr,
           int32_t *restrict flag)
{
	const double factor = l->factor, unit = l->unit;
	int32_t any = 0;
	int d;

	for (d = 0; d < LINEAR_CHUNK; d++) {
		double yen = floor(el[d] + 0.5), t = yen * factor;
		double frac = t - floor(t), g = floor(t + 0.5) * unit;
		int32_t ok = el[d] >= 0.5;
		int32_t near =
		    fabs(frac - 0.5) <= HALF_TOL_ABS + HALF_TOL_REL * t;
		gr[d] += ok ? g : 0.0;
		flag[d] = ok & near;
		any |= flag[d];
	}
	return any;
}

/* Grants are whole yen, so correcting a flagged draw by the difference
 * between the exact and the fast amount is exact. */
void
linear_grant_chunk(const linear *l, const double *el, double *gr, int32_t *flag)
{
	int d;

	if (!l->applies)
		return;
	if (l->exact) {
		for (d = 0; d < LINEAR_CHUNK; d++)
			gr[d] += linear_grant(l, el[d]);
		return;
	}
	if (!grant_fast(l, el, gr, flag))
		return;
	for (d = 0; d < LINEAR_CHUNK; d++)
		if (flag[d]) {
			double yen = floor(el[d] + 0.5);
			double fast = floor(yen * l->factor + 0.5) * l->unit;
			gr[d] += linear_grant_exact(l, (long long)yen) - fast;
		}
}

static double
sum_of(const linear_sum *s, const double *x)
{
	double v = s->constant;
	int k;

	for (k = 0; k < s->n_terms; k++)
		v += s->terms[k].coef * x[s->terms[k].input];
	return v;
}

double
linear_net(const linear *l, int plan, const double *x)
{
	const linear_plan *lp = &l->plans[plan];
	double net = sum_of(&lp->total, x);
	int k;

	for (k = 0; k < lp->n_eligible; k++)
		net -=
		    linear_grant(l, linear_after(&lp->eligible[k],
		                                 sum_of(&lp->eligible[k], x)));
	return net;
}

void
linear_year_figures(const linear *l, int plan, int k, const double *x,
                    double *cost, double *real)
{
	const linear_plan *lp = &l->plans[plan];
	const linear_year *y = &lp->years[k];
	double c = sum_of(&y->cost, x), el = 0, grant = 0;

	if (y->eligible >= 0) {
		const linear_sum *s = &lp->eligible[y->eligible];
		el = sum_of(s, x);
		grant = linear_grant(l, linear_after(s, el));
	}
	*cost = c;
	*real = c - linear_funding(y, el, c) - grant;
}

void
linear_free(linear *l)
{
	arena_free(&l->mem);
	memset(l, 0, sizeof *l);
}

/* ---- the compiled form --------------------------------------------------- */

/* Every sum of l as a dense row over the inputs: rows[r][k]. */
static double *
dense_rows(const linear *l, int n_inputs, int *n_rows)
{
	const linear_sum **sum;
	double *rows;
	int p, y, r = 0, k;

	*n_rows = 0;
	for (p = 0; p < l->n_plans; p++)
		*n_rows += 1 + l->plans[p].n_eligible;
	rows = calloc((size_t)*n_rows * (size_t)(n_inputs + 1), sizeof *rows);
	sum = malloc(sizeof *sum * (size_t)(*n_rows + 1));
	if (rows == NULL || sum == NULL) {
		free(rows);
		free(sum);
		return NULL;
	}
	for (p = 0; p < l->n_plans; p++) {
		sum[r++] = &l->plans[p].total;
		for (y = 0; y < l->plans[p].n_eligible; y++)
			sum[r++] = &l->plans[p].eligible[y];
	}
	for (r = 0; r < *n_rows; r++)
		for (k = 0; k < sum[r]->n_terms; k++)
			rows[(size_t)r * (size_t)n_inputs +
			     (size_t)sum[r]->terms[k].input] =
			    sum[r]->terms[k].coef;
	free(sum);
	return rows;
}

/* 1 when inputs j and k have proportional columns: a_rj a_0k = a_rk a_0j
 * in every row, row 0 being their first nonzero one (exact for the whole
 * unit counts the coefficients are). */
static int
proportional(const double *rows, int n_rows, int n, int j, int k, int r0)
{
	int r;

	if (rows[(size_t)r0 * (size_t)n + (size_t)k] == 0)
		return 0;
	for (r = 0; r < n_rows; r++) {
		double aj = rows[(size_t)r * (size_t)n + (size_t)j];
		double ak = rows[(size_t)r * (size_t)n + (size_t)k];
		if (r < r0 ? ak != 0
		           : aj * rows[(size_t)r0 * (size_t)n + (size_t)k] !=
		                 ak * rows[(size_t)r0 * (size_t)n + (size_t)j])
			return 0;
	}
	return 1;
}

/* group[k]: the first input of k's group (k itself when it leads one),
 * -1 for an input no sum uses; first[k]: its first nonzero row. */
static void
find_groups(const double *rows, int n_rows, int n, int *group, int *first)
{
	int j, k, r;

	for (k = 0; k < n; k++) {
		for (r = 0; r < n_rows && rows[(size_t)r * (size_t)n + k] == 0;
		     r++)
			;
		first[k] = r < n_rows ? r : -1;
		group[k] = first[k] < 0 ? -1 : k;
		for (j = 0; first[k] >= 0 && j < k; j++)
			if (group[j] == j && first[j] == first[k] &&
			    proportional(rows, n_rows, n, j, k, first[k])) {
				group[k] = j;
				break;
			}
	}
}

/* The sum of row r over columns: a composite's leader stands for its
 * group, scaled by the row's ratio to the group's first row. */
static int
compile_row(linear_prog *pr, const double *row, const double *row0_of,
            const int *group, const int *col, const linear_sum *from,
            linear_sum *to)
{
	int k, m = 0;

	to->constant = from->constant;
	to->keep = from->keep;
	to->minus = from->minus;
	to->terms = arena_alloc(&pr->mem,
	                        sizeof *to->terms * (size_t)(pr->n_inputs + 1));
	if (to->terms == NULL)
		return TWC_ENOMEM;
	for (k = 0; k < pr->n_inputs; k++) {
		if (group[k] != k || row[k] == 0)
			continue;
		to->terms[m].input = col[k];
		to->terms[m++].coef =
		    col[k] == k ? row[k] : row[k] / row0_of[k];
	}
	to->n_terms = m;
	return TWC_OK;
}

/* The composites: column col[k] for each group of two or more, weighted
 * by each member's coefficient in the group's first row. */
static int
make_groups(linear_prog *pr, const double *rows, const int *group,
            const int *first, int *col, double *row0_of)
{
	int n = pr->n_inputs, k, j, g = 0;

	for (k = 0; k < n; k++) {
		int members = 0;
		col[k] = k;
		row0_of[k] = first[k] >= 0 ? rows[(size_t)first[k] * n + k] : 0;
		for (j = k; group[k] == k && j < n; j++)
			members += group[j] == k;
		if (members > 1)
			col[k] = n + pr->n_groups++;
	}
	pr->group = arena_alloc(&pr->mem,
	                        sizeof *pr->group * (size_t)(pr->n_groups + 1));
	if (pr->group == NULL)
		return TWC_ENOMEM;
	for (k = 0; k < n; k++) {
		linear_sum *s;
		if (group[k] != k || col[k] == k)
			continue;
		s = &pr->group[g++];
		s->terms = arena_alloc(&pr->mem, sizeof *s->terms * (size_t)n);
		if (s->terms == NULL)
			return TWC_ENOMEM;
		for (j = k; j < n; j++)
			if (group[j] == k) {
				s->terms[s->n_terms].input = j;
				s->terms[s->n_terms++].coef =
				    rows[(size_t)first[k] * n + j];
			}
	}
	return TWC_OK;
}

static int
compile_plans(linear_prog *pr, const linear *l, const double *rows,
              const int *group, const int *col, const double *row0_of)
{
	int p, y, r = 0, n = pr->n_inputs, rc = TWC_OK;

	pr->plans =
	    arena_alloc(&pr->mem, sizeof *pr->plans * (size_t)(l->n_plans + 1));
	if (pr->plans == NULL)
		return TWC_ENOMEM;
	pr->n_plans = l->n_plans;
	for (p = 0; rc == TWC_OK && p < l->n_plans; p++) {
		const linear_plan *from = &l->plans[p];
		linear_plan *to = &pr->plans[p];
		rc = compile_row(pr, rows + (size_t)r++ * n, row0_of, group,
		                 col, &from->total, &to->total);
		to->eligible =
		    arena_alloc(&pr->mem, sizeof *to->eligible *
		                              (size_t)(from->n_eligible + 1));
		if (to->eligible == NULL)
			return TWC_ENOMEM;
		to->n_eligible = from->n_eligible;
		for (y = 0; rc == TWC_OK && y < from->n_eligible; y++)
			rc = compile_row(pr, rows + (size_t)r++ * n, row0_of,
			                 group, col, &from->eligible[y],
			                 &to->eligible[y]);
	}
	return rc;
}

int
linear_compile(const linear *l, int n_inputs, linear_prog *out)
{
	int n_rows, rc = TWC_ENOMEM;
	double *rows = dense_rows(l, n_inputs, &n_rows);
	int *group = malloc(sizeof *group * 3 * (size_t)(n_inputs + 1));
	double *row0_of = malloc(sizeof *row0_of * (size_t)(n_inputs + 1));

	memset(out, 0, sizeof *out);
	arena_init(&out->mem);
	out->n_inputs = n_inputs;
	if (rows != NULL && group != NULL && row0_of != NULL) {
		int *first = group + n_inputs + 1, *col = first + n_inputs + 1;
		find_groups(rows, n_rows, n_inputs, group, first);
		if ((rc = make_groups(out, rows, group, first, col, row0_of)) ==
		    TWC_OK)
			rc = compile_plans(out, l, rows, group, col, row0_of);
	}
	free(rows);
	free(group);
	free(row0_of);
	if (rc != TWC_OK)
		linear_prog_free(out);
	return rc;
}

void
linear_prog_free(linear_prog *p)
{
	arena_free(&p->mem);
	memset(p, 0, sizeof *p);
}
