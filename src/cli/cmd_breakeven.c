/* cmd_breakeven.c - `twcost breakeven`: the value of staff, home share or
 * years at which two plans' net costs cross. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* LO:HI into lo and hi. */
static int
parse_range(const char *text, double *lo, double *hi)
{
	char *end;

	errno = 0;
	*lo = strtod(text, &end);
	if (end == text || *end != ':')
		return fail(EXIT_USAGE, "--range: '%s' is not LO:HI", text);
	text = end + 1;
	*hi = strtod(text, &end);
	if (end == text || *end != '\0' || errno)
		return fail(EXIT_USAGE, "--range: '%s' is not LO:HI", text);
	return EXIT_OK;
}

/* The default range: staff 1 to 10,000; the home share from 0 to what the
 * other shares leave; years 1 to 30. */
static void
default_range(twc_model *m, const char *over, double *lo, double *hi)
{
	*lo = strcmp(over, "home") == 0 ? 0 : 1;
	*hi = strcmp(over, "staff") == 0 ? 10000
	      : strcmp(over, "years") == 0
	          ? 30
	          : 1 - twc_get(m, "satellite") - twc_get(m, "mobile");
}

static void
format_value(const char *over, double v, char *buf, size_t n)
{
	if (strcmp(over, "home") == 0)
		snprintf(buf, n, "%.4f", v);
	else
		fmt_yen((long long)v, buf, n);
}

/* One side of the crossing (or one end of the range). */
typedef struct be_side {
	double value;
	long long a, b;
} be_side;

static void
side(FILE *f, const options *o, const be_side *sd)
{
	char v[32], a[32], b[32], d[32];

	format_value(o->over, sd->value, v, sizeof v);
	fprintf(f, "  %s %s: %s ¥%s, %s ¥%s", o->over, v, o->plans[0],
	        fmt_yen(sd->a, a, sizeof a), o->vs,
	        fmt_yen(sd->b, b, sizeof b));
	if (sd->a == sd->b)
		fputs(" (the same)\n", f);
	else
		fprintf(f, " (%s dearer by ¥%s)\n",
		        sd->a > sd->b ? o->plans[0] : o->vs,
		        fmt_yen(llabs(sd->a - sd->b), d, sizeof d));
}

static json_t *
side_json(const be_side *sd)
{
	json_t *o = json_object();

	json_object_set_new(o, "value", json_real_or_null(sd->value));
	json_object_set_new(o, "net_a_yen", json_integer(sd->a));
	json_object_set_new(o, "net_b_yen", json_integer(sd->b));
	return o;
}

static int
report(const be_view *be, const options *o, double lo, double hi)
{
	const be_side below = {be->below, be->below_a, be->below_b};
	const be_side above = {be->above, be->above_a, be->above_b};
	char l[32], h[32], v[32];
	json_t *root;
	out dst;
	int rc;

	if (o->format == FORMAT_JSON) {
		root = json_object();
		json_object_set_new(root, "plan_a", json_string(o->plans[0]));
		json_object_set_new(root, "plan_b", json_string(o->vs));
		json_object_set_new(root, "over", json_string(o->over));
		json_object_set_new(root, "range", json_pack("[f,f]", lo, hi));
		json_object_set_new(root, "found", json_boolean(be->found));
		json_object_set_new(root, "value",
		                    be->found ? json_real(be->value)
		                              : json_null());
		json_object_set_new(root, "below", side_json(&below));
		json_object_set_new(root, "above", side_json(&above));
		return write_json(root, o);
	}
	if ((rc = out_open(&dst, o->output)) != EXIT_OK)
		return rc;
	format_value(o->over, lo, l, sizeof l);
	format_value(o->over, hi, h, sizeof h);
	fprintf(dst.f, "Break-even of %s against %s over %s, %s to %s:\n",
	        o->plans[0], o->vs, o->over, l, h);
	if (be->found) {
		format_value(o->over, be->value, v, sizeof v);
		fprintf(dst.f, "  the net costs cross at %s = %s\n", o->over,
		        v);
	} else {
		fprintf(dst.f, "  no crossing in range; at each end:\n");
	}
	side(dst.f, o, &below);
	side(dst.f, o, &above);
	return out_close(&dst, 1);
}

/* Search, read the result, report. */
static int
search(twc_model *m, const options *o, double lo, double hi)
{
	view owner;
	be_view be;
	double value = twc_breakeven(m, o->plans[0], o->vs, o->over, lo, hi);
	int rc;

	if (isnan(value) && twc_last_error(m)[0] != '\0')
		return fail(EXIT_USAGE, "%s", twc_last_error(m));
	memset(&owner, 0, sizeof owner);
	if ((rc = be_view_load(m, &owner, &be)) == EXIT_OK)
		rc = report(&be, o, lo, hi);
	view_free(&owner);
	return rc;
}

int
cmd_breakeven(const options *o)
{
	twc_model *m;
	double lo, hi;
	int rc;

	if (o->n_plans != 1 || o->vs == NULL || o->over == NULL)
		return fail(
		    EXIT_USAGE,
		    "breakeven needs --plan A --vs B --over staff|home|years");
	if ((rc = open_scenario(o, &m)) != EXIT_OK)
		return rc;
	if (twc_count(m, o->vs, "items") < 0) {
		rc = fail(EXIT_USAGE, "--vs: %s", twc_last_error(m));
		twc_close(m);
		return rc;
	}
	default_range(m, o->over, &lo, &hi);
	if (o->range != NULL && (rc = parse_range(o->range, &lo, &hi))) {
		twc_close(m);
		return rc;
	}
	rc = search(m, o, lo, hi);
	twc_close(m);
	return rc;
}
