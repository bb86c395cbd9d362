/* breakeven.c - where two plans' net costs cross, by a scan of the range
 * and GSL root bracketing of each change of sign. */
#include <config.h>

#include "breakeven.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <string.h>

#include "scenario.h"
#include "text.h"

/* GSL iterations are bounded although bisection halves the bracket each
 * time: 200 halvings of any range reach below any tolerance used. */
#define BREAKEVEN_MAX_ITER 200

/* A home share is located to this before it is snapped to a whole person. */
#define SHARE_TOL 1e-9

static const char *const over_names[] = {"staff", "home", "years", NULL};

int
over_of(const char *name)
{
	int i;

	for (i = 0; name != NULL && over_names[i] != NULL; i++)
		if (strcmp(name, over_names[i]) == 0)
			return i;
	return -1;
}

const char *
over_name(int over)
{
	return over >= 0 && over <= OVER_YEARS ? over_names[over] : "?";
}

const char *
over_nearest(const char *name)
{
	return name != NULL && utf8_valid(name)
	           ? nearest_word(name, over_names, OVER_YEARS + 1)
	           : NULL;
}

typedef struct search {
	const profile *p;
	scenario sc;
	int a, b, over, status;
	twc_error *e;
} search;

/* Both plans' net costs, and the users either serves, with the input at
 * v. */
typedef struct point {
	long long na, nb, users;
} point;

static int
discrete(int over)
{
	return over != OVER_HOME;
}

static int
point_at(search *s, double v, point *pt)
{
	scenario sc = s->sc;
	results r;
	int rc;

	memset(pt, 0, sizeof *pt);
	if (s->over == OVER_STAFF)
		sc.staff = (long long)v;
	else if (s->over == OVER_YEARS)
		sc.years = (int)v;
	else
		sc.style[STYLE_HOME].share = v;
	if ((rc = model_compute(s->p, &sc, &r, s->e)))
		return rc;
	pt->na = r.plans[s->a].net;
	pt->nb = r.plans[s->b].net;
	pt->users = r.plans[s->a].users + r.plans[s->b].users;
	results_free(&r);
	return TWC_OK;
}

/* The sign of net(a) - net(b) at v; 0 where they are equal, as where
 * neither plan enrols anyone.  A failure is kept in s->status. */
static int
sign_at(search *s, double v)
{
	point pt = {0, 0, 0};

	if (s->status == TWC_OK)
		s->status = point_at(s, v, &pt);
	return (pt.na > pt.nb) - (pt.na < pt.nb);
}

static int
enrolled_at(search *s, double v)
{
	point pt = {0, 0, 0};

	if (s->status == TWC_OK)
		s->status = point_at(s, v, &pt);
	return pt.users > 0;
}

/* The function GSL brackets: the sign of the difference, so that yen
 * amounts of any size bracket the same way. */
static double
difference(double x, void *arg)
{
	search *s = arg;

	return (double)sign_at(s, s->over == OVER_HOME ? x : floor(x));
}

/* Narrow [lo, hi] (signs differ at the ends) with GSL's bisection. */
static int
narrow(search *s, double *lo, double *hi)
{
	gsl_function f = {difference, s};
	gsl_root_fsolver *solver =
	    gsl_root_fsolver_alloc(gsl_root_fsolver_bisection);
	double tol = discrete(s->over) ? 0.5 : SHARE_TOL;
	int i, status;

	if (solver == NULL)
		return err_set(s->e, TWC_ENOMEM, "out of memory");
	status = gsl_root_fsolver_set(solver, &f, *lo, *hi);
	for (i = 0; status == GSL_SUCCESS && i < BREAKEVEN_MAX_ITER; i++) {
		if ((status = gsl_root_fsolver_iterate(solver)) != GSL_SUCCESS)
			break;
		*lo = gsl_root_fsolver_x_lower(solver);
		*hi = gsl_root_fsolver_x_upper(solver);
		if (gsl_root_test_interval(*lo, *hi, tol, 0) == GSL_SUCCESS)
			break;
	}
	gsl_root_fsolver_free(solver);
	if (s->status != TWC_OK)
		return s->status;
	if (status != GSL_SUCCESS)
		return err_set(s->e, TWC_ERANGE, "break-even: %s",
		               gsl_strerror(status));
	return TWC_OK;
}

/* The home share at which enrolment reaches the whole person it has at
 * hi, if that lies above lo; else hi.  *below is one person fewer. */
static double
whole_person(const search *s, double lo, double hi, double *below)
{
	double staff = (double)s->sc.staff;
	double u = (double)count_round(staff * hi);

	*below = (u - 1) / staff;
	return (u - 0.5) / staff > lo ? (u - 0.5) / staff : hi;
}

/* From the narrowed bracket, the first value with the new sign: a whole
 * number, or the home share at which enrolment reaches a whole person. */
static double
snap(search *s, double lo, double hi, int before, double *below)
{
	double v;

	if (!discrete(s->over))
		return whole_person(s, lo, hi, below);
	v = ceil(lo);
	while (v > lo && v - 1 >= lo && sign_at(s, v - 1) != before)
		v--;
	while (v < hi && sign_at(s, v) == before)
		v++;
	*below = v - 1;
	return v;
}

/* The first value of [lo, hi] at which either plan enrols anyone, into
 * *from (enrolment only grows with staff and the home share, and does not
 * change with years); *any is 0 when nobody is enrolled even at hi. */
static int
first_enrolled(search *s, double lo, double hi, double *from, int *any)
{
	double l = lo, h = hi, below;

	*from = lo;
	*any = enrolled_at(s, lo);
	if (*any || s->status != TWC_OK)
		return s->status;
	*any = enrolled_at(s, hi);
	if (!*any || s->status != TWC_OK)
		return s->status;
	while (s->status == TWC_OK &&
	       h - l > (discrete(s->over) ? 1 : SHARE_TOL)) {
		double mid =
		    discrete(s->over) ? floor((l + h) / 2) : (l + h) / 2;
		if (enrolled_at(s, mid))
			h = mid;
		else
			l = mid;
	}
	*from = h;
	if (!discrete(s->over)) {
		double v = whole_person(s, l, h, &below);
		*from = enrolled_at(s, v) ? v : h;
	}
	return s->status;
}

static int
nets(search *s, double v, long long *na, long long *nb)
{
	point pt;
	int rc = point_at(s, v, &pt);

	*na = pt.na;
	*nb = pt.nb;
	return rc;
}

/* Narrow the bracket [l, h] and keep the crossing it holds. */
static int
add_crossing(search *s, breakeven *out, double l, double h)
{
	be_crossing *x = &out->crossings[out->n_crossings];
	int before = sign_at(s, l), rc;

	out->n_found++;
	if (out->n_crossings >= BREAKEVEN_MAX_CROSSINGS)
		return s->status;
	if ((rc = narrow(s, &l, &h)))
		return rc;
	x->value = snap(s, l, h, before, &x->below);
	if (x->below < out->from)
		x->below = out->from;
	if (s->status != TWC_OK)
		return s->status;
	if ((rc = nets(s, x->below, &x->below_a, &x->below_b)) ||
	    (rc = nets(s, x->value, &x->above_a, &x->above_b)))
		return rc;
	out->n_crossings++;
	return TWC_OK;
}

/* How many values the scan takes between from and to. */
static int
steps(const search *s, double from, double to)
{
	double n = discrete(s->over) ? to - from
	                             : ceil((to - from) * (double)s->sc.staff);

	if (n > BREAKEVEN_GRID)
		n = BREAKEVEN_GRID;
	return n < 1 ? 1 : (int)n;
}

/* Scan [from, to]: every change between nonzero signs is a crossing (a
 * stretch where both plans cost the same, as where nobody is enrolled, is
 * not one); when there is none, which plan is cheaper throughout. */
static int
scan(search *s, breakeven *out)
{
	int n = steps(s, out->from, out->to), k, prev = 0, sg, rc;
	double x, last = out->from;

	for (k = 0; k <= n; k++) {
		x = out->from + (out->to - out->from) * k / n;
		if (discrete(s->over))
			x = floor(x);
		sg = sign_at(s, x);
		out->scanned++;
		if (s->status != TWC_OK)
			return s->status;
		if (sg == 0)
			continue;
		if (prev != 0 && sg != prev &&
		    (rc = add_crossing(s, out, last, x)))
			return rc;
		prev = sg;
		last = x;
	}
	out->cheaper = !out->enrolled ? CHEAPER_NONE
	               : prev > 0     ? CHEAPER_B
	               : prev < 0     ? CHEAPER_A
	                              : CHEAPER_SAME;
	return TWC_OK;
}

static int
check_range(const scenario *sc, int over, double *lo, double *hi, twc_error *e)
{
	double min = 1, max = over == OVER_YEARS ? 30 : STAFF_MAX;

	if (over == OVER_HOME) {
		min = 0;
		max = 1 - sc->style[STYLE_SATELLITE].share -
		      sc->style[STYLE_MOBILE].share;
	}
	if (discrete(over)) {
		*lo = ceil(*lo);
		*hi = floor(*hi);
	}
	if (!(*lo >= min && *hi <= max + 1e-12 && *lo < *hi))
		return err_set(
		    e, TWC_ERANGE,
		    "break-even over %s: range %g:%g must lie within "
		    "%g:%g with low < high",
		    over_name(over), *lo, *hi, min, max);
	return TWC_OK;
}

/* The first crossing's sides, or the ends of the range searched. */
static int
summarise(search *s, breakeven *out)
{
	const be_crossing *x = &out->crossings[0];
	int rc;

	if (out->n_crossings == 0) {
		out->below = out->from;
		out->above = out->to;
		if ((rc = nets(s, out->from, &out->below_a, &out->below_b)))
			return rc;
		return nets(s, out->to, &out->above_a, &out->above_b);
	}
	out->found = 1;
	out->value = x->value;
	out->below = x->below;
	out->above = x->value;
	out->below_a = x->below_a;
	out->below_b = x->below_b;
	out->above_a = x->above_a;
	out->above_b = x->above_b;
	return TWC_OK;
}

int
breakeven_find(const profile *p, const scenario *sc, int a, int b, int over,
               double lo, double hi, breakeven *out, twc_error *e)
{
	search s = {p, *sc, a, b, over, TWC_OK, e};
	int rc;

	memset(out, 0, sizeof *out);
	out->over = over;
	out->a = a;
	out->b = b;
	out->value = NAN;
	out->cheaper = CHEAPER_NONE;
	if ((rc = check_range(sc, over, &lo, &hi, e)) ||
	    (rc = first_enrolled(&s, lo, hi, &out->from, &out->enrolled)))
		return rc;
	out->to = hi;
	if (out->enrolled && (rc = scan(&s, out)))
		return rc;
	if ((rc = summarise(&s, out)))
		return rc;
	out->valid = 1;
	return TWC_OK;
}
