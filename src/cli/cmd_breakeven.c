/* cmd_breakeven.c - `twcost breakeven`: the value of staff, home share or
 * years at which two plans' net costs cross. */
#include <config.h>

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "suggest.h"

/* LO:HI into lo and hi, each read as numeric inputs are (1,200; for the
 * home share also 30%). */
static int
parse_range(const char *text, const char *over, double *lo, double *hi)
{
	int flags = strcmp(over, "home") == 0 ? TWC_NUMBER_SHARE : 0;
	const char *colon = strchr(text, ':');
	char low[128];
	int rc;

	if (colon == NULL || (size_t)(colon - text) >= sizeof low)
		return fail(EXIT_USAGE,
		            "--range: '%s' is not LO:HI (such as 1:1,000, or "
		            "10%%:50%% for the home share)",
		            text);
	memcpy(low, text, (size_t)(colon - text));
	low[colon - text] = '\0';
	if ((rc = flag_number("--range", low, -HUGE_VAL, HUGE_VAL, flags,
	                      lo)) != EXIT_OK)
		return rc;
	return flag_number("--range", colon + 1, -HUGE_VAL, HUGE_VAL, flags,
	                   hi);
}

/* The default range: staff 1 to 10,000; the home share from 0 to what the
 * other shares leave; years 1 to 30.  The library raises the low end to
 * the first value at which either plan enrols anyone. */
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

/* One side of a crossing (or one end of the range). */
static void
side(FILE *f, const options *o, const char *indent, const be_side *sd)
{
	char v[32], a[32], b[32], d[32], line[512], more[16];
	size_t len;

	format_value(o->over, sd->value, v, sizeof v);
	len = (size_t)snprintf(line, sizeof line, _("%s %s: %s ¥%s, %s ¥%s"),
	                       o->over, v, o->plans[0],
	                       fmt_yen(sd->a, a, sizeof a), o->vs,
	                       fmt_yen(sd->b, b, sizeof b));
	if (len >= sizeof line)
		len = sizeof line - 1;
	if (sd->a == sd->b)
		snprintf(line + len, sizeof line - len, "%s", _(" (the same)"));
	else
		snprintf(line + len, sizeof line - len,
		         _(" (%s dearer by ¥%s)"),
		         sd->a > sd->b ? o->plans[0] : o->vs,
		         fmt_yen(llabs(sd->a - sd->b), d, sizeof d));
	snprintf(more, sizeof more, "%s  ", indent);
	print_wrapped(f, indent, more, line);
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

static json_t *
crossings_json(const be_view *be)
{
	json_t *a = json_array();
	int k;

	for (k = 0; k < be->n_crossings; k++) {
		const be_crossing_view *x = &be->crossings[k];
		json_t *o = json_object();
		json_object_set_new(o, "value", json_real(x->above.value));
		json_object_set_new(o, "below", side_json(&x->below));
		json_object_set_new(o, "above", side_json(&x->above));
		json_array_append_new(a, o);
	}
	return a;
}

static int
report_json(const be_view *be, const options *o, double lo, double hi)
{
	json_t *root = json_object();

	json_object_set_new(root, "plan_a", json_string(o->plans[0]));
	json_object_set_new(root, "plan_b", json_string(o->vs));
	json_object_set_new(root, "over", json_string(o->over));
	json_object_set_new(root, "range", json_pack("[f,f]", lo, hi));
	json_object_set_new(root, "from", json_real(be->from));
	json_object_set_new(root, "to", json_real(be->to));
	json_object_set_new(root, "enrolled", json_boolean(be->enrolled));
	json_object_set_new(root, "scanned", json_integer(be->scanned));
	json_object_set_new(root, "found", json_boolean(be->found));
	json_object_set_new(root, "value",
	                    be->found ? json_real(be->value) : json_null());
	json_object_set_new(root, "crossings", crossings_json(be));
	json_object_set_new(root, "cheaper",
	                    be->cheaper[0] ? json_string(be->cheaper)
	                                   : json_null());
	json_object_set_new(root, "below", side_json(&be->below));
	json_object_set_new(root, "above", side_json(&be->above));
	return write_json(root, o);
}

/* "over staff, 3 to 10,000 (nobody is enrolled below 3)" */
static void
heading(FILE *f, const be_view *be, const options *o, double lo)
{
	char l[32], h[32], line[512];

	format_value(o->over, be->from, l, sizeof l);
	format_value(o->over, be->to, h, sizeof h);
	if (be->enrolled && be->from > lo)
		snprintf(line, sizeof line,
		         _("Break-even of %s against %s over %s, %s to %s "
		           "(neither plan enrols anyone below %s):"),
		         o->plans[0], o->vs, o->over, l, h, l);
	else
		snprintf(line, sizeof line,
		         _("Break-even of %s against %s over %s, %s to %s:"),
		         o->plans[0], o->vs, o->over, l, h);
	print_wrapped(f, "", "  ", line);
}

/* No crossing: say which plan is cheaper throughout, then both ends. */
static void
no_crossing(FILE *f, const be_view *be, const options *o)
{
	char n[32], line[512];

	fmt_yen(be->scanned, n, sizeof n);
	if (!be->enrolled)
		snprintf(line, sizeof line, "%s",
		         _("neither plan enrols anyone in the range: both cost "
		           "nothing; at each end:"));
	else if (strcmp(be->cheaper, "same") == 0)
		snprintf(line, sizeof line,
		         _("the net costs never cross: they are the same at "
		           "every one of the %s values scanned; at each end:"),
		         n);
	else
		snprintf(line, sizeof line,
		         _("the net costs never cross: %s is cheaper at every "
		           "one of the %s values scanned; at each end:"),
		         be->cheaper, n);
	print_wrapped(f, "  ", "    ", line);
	side(f, o, "  ", &be->below);
	side(f, o, "  ", &be->above);
}

static void
crossings(FILE *f, const be_view *be, const options *o)
{
	char v[32];
	int k;

	if (be->n_crossings == 1) {
		format_value(o->over, be->value, v, sizeof v);
		fprintf(f, _("  the net costs cross at %s = %s\n"), o->over, v);
		side(f, o, "  ", &be->below);
		side(f, o, "  ", &be->above);
		return;
	}
	fprintf(f, _("  the net costs cross %d times in the range:\n"),
	        be->n_crossings);
	for (k = 0; k < be->n_crossings; k++) {
		format_value(o->over, be->crossings[k].above.value, v,
		             sizeof v);
		fprintf(f, _("  at %s = %s\n"), o->over, v);
		side(f, o, "    ", &be->crossings[k].below);
		side(f, o, "    ", &be->crossings[k].above);
	}
}

static int
report(const be_view *be, const options *o, double lo, double hi)
{
	out dst;
	int rc;

	if (o->format == FORMAT_JSON)
		return report_json(be, o, lo, hi);
	if ((rc = out_open(&dst, o->output)) != EXIT_OK)
		return rc;
	heading(dst.f, be, o, lo);
	if (be->found)
		crossings(dst.f, be, o);
	else
		no_crossing(dst.f, be, o);
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

/* The inputs a break-even search varies (--over). */
static const char *const over_names[] = {"staff", "home", "years", NULL};

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
	if (cli_choice("--over", o->over, over_names) < 0)
		return EXIT_USAGE;
	if ((rc = open_scenario(o, &m)) != EXIT_OK)
		return rc;
	if (twc_count(m, o->vs, "items") < 0) {
		rc = fail(EXIT_USAGE, "--vs: %s", twc_last_error(m));
		twc_close(m);
		return rc;
	}
	default_range(m, o->over, &lo, &hi);
	if (o->range != NULL &&
	    (rc = parse_range(o->range, o->over, &lo, &hi))) {
		twc_close(m);
		return rc;
	}
	rc = search(m, o, lo, hi);
	twc_close(m);
	return rc;
}
