/* breakeven.c - where two plans' net costs cross, by GSL root bracketing. */
#include <config.h>

#include "breakeven.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_roots.h>
#include <math.h>
#include <string.h>

#include "scenario.h"

/* Points of the first scan: a crossing narrower than a 64th of the range
 * that comes back before the next point may be missed (documented). */
#define BREAKEVEN_GRID 64

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

typedef struct search {
	const profile *p;
	scenario sc;
	int a, b, over, status;
	twc_error *e;
} search;

/* Both plans' net costs with the input at v. */
static int
nets_at(search *s, double v, long long *na, long long *nb)
{
	scenario sc = s->sc;
	results r;
	int rc;

	if (s->over == OVER_STAFF)
		sc.staff = (long long)v;
	else if (s->over == OVER_YEARS)
		sc.years = (int)v;
	else
		sc.style[STYLE_HOME].share = v;
	if ((rc = model_compute(s->p, &sc, &r, s->e)))
		return rc;
	*na = r.plans[s->a].net;
	*nb = r.plans[s->b].net;
	results_free(&r);
	return TWC_OK;
}

static int
sign_at(search *s, double v)
{
	long long na = 0, nb = 0;

	if (s->status == TWC_OK)
		s->status = nets_at(s, v, &na, &nb);
	return (na > nb) - (na < nb);
}

/* The function GSL brackets: the sign of the difference, so that yen
 * amounts of any size bracket the same way. */
static double
difference(double x, void *arg)
{
	search *s = arg;

	return (double)sign_at(s, s->over == OVER_HOME ? x : floor(x));
}

static int
discrete(int over)
{
	return over != OVER_HOME;
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

/* From the narrowed bracket, the first value with the new sign: a whole
 * number, or the home share at which enrolment reaches a whole person. */
static double
snap(search *s, double lo, double hi, int before, double *below)
{
	double staff = (double)s->sc.staff, v;

	if (discrete(s->over)) {
		v = ceil(lo);
		while (v > lo && v - 1 >= lo && sign_at(s, v - 1) != before)
			v--;
		while (v < hi && sign_at(s, v) == before)
			v++;
		*below = v - 1;
		return v;
	}
	/* enrolment at hi is u; the share where it becomes u is (u - 0.5) /
	 * staff (users round half-up); one person fewer is (u - 1) / staff. */
	v = (double)count_round(staff * hi);
	*below = (v - 1) / staff; /* the caller keeps it inside the range */
	return (v - 0.5) / staff > lo ? (v - 0.5) / staff : hi;
}

static int
record(search *s, breakeven *out)
{
	int rc = nets_at(s, out->below, &out->below_a, &out->below_b);

	if (rc == TWC_OK)
		rc = nets_at(s, out->above, &out->above_a, &out->above_b);
	return rc;
}

/* Scan the grid for the first change between nonzero signs (a stretch
 * where both plans cost the same, as with no staff enrolled, is not a
 * crossing); [*l, *h] brackets it, *found says whether there is one. */
static int
scan(search *s, double lo, double hi, double *l, double *h, int *found)
{
	int n = BREAKEVEN_GRID, k, prev = 0, sg;
	double x, last = lo;

	if (discrete(s->over) && hi - lo < n)
		n = (int)(hi - lo);
	*found = 0;
	for (k = 0; k <= n; k++) {
		x = lo + (hi - lo) * k / n;
		if (discrete(s->over))
			x = floor(x);
		sg = sign_at(s, x);
		if (s->status != TWC_OK)
			return s->status;
		if (sg == 0)
			continue;
		if (prev != 0 && sg != prev) {
			*l = last;
			*h = x;
			*found = 1;
			return TWC_OK;
		}
		prev = sg;
		last = x;
	}
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

int
breakeven_find(const profile *p, const scenario *sc, int a, int b, int over,
               double lo, double hi, breakeven *out, twc_error *e)
{
	search s = {p, *sc, a, b, over, TWC_OK, e};
	double l = 0, h = 0;
	int rc, found, before;

	memset(out, 0, sizeof *out);
	out->over = over;
	out->value = NAN;
	if ((rc = check_range(sc, over, &lo, &hi, e)) ||
	    (rc = scan(&s, lo, hi, &l, &h, &found)))
		return rc;
	out->valid = 1;
	out->below = lo;
	out->above = hi;
	if (found) {
		before = sign_at(&s, l);
		if ((rc = narrow(&s, &l, &h)))
			return rc;
		out->found = 1;
		out->above = out->value = snap(&s, l, h, before, &out->below);
		if (out->below < lo)
			out->below = lo;
		if (s.status != TWC_OK)
			return s.status;
	}
	return record(&s, out);
}
