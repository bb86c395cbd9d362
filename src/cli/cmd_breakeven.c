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

static void
side(FILE *f, twc_model *m, const options *o, const char *which)
{
	char fl[48], v[32], a[32], b[32], d[32];
	long long na = yen_of(
	    m, NULL, field(fl, sizeof fl, "breakeven:%s_net_a_yen", which));
	long long nb = yen_of(
	    m, NULL, field(fl, sizeof fl, "breakeven:%s_net_b_yen", which));

	format_value(
	    o->over,
	    twc_result(m, NULL, field(fl, sizeof fl, "breakeven:%s", which)), v,
	    sizeof v);
	fprintf(f, "  %s %s: %s ¥%s, %s ¥%s", o->over, v, o->plans[0],
	        fmt_yen(na, a, sizeof a), o->vs, fmt_yen(nb, b, sizeof b));
	if (na == nb)
		fputs(" (the same)\n", f);
	else
		fprintf(f, " (%s dearer by ¥%s)\n",
		        na > nb ? o->plans[0] : o->vs,
		        fmt_yen(llabs(na - nb), d, sizeof d));
}

static json_t *
side_json(twc_model *m, const char *which)
{
	static const json_field fields[] = {{"value", "", AS_REAL},
	                                    {"net_a_yen", "_net_a_yen", AS_INT},
	                                    {"net_b_yen", "_net_b_yen", AS_INT},
	                                    {NULL, NULL, AS_TEXT}};
	char prefix[32];
	json_t *o = json_object();

	json_fields(o, m, NULL,
	            field(prefix, sizeof prefix, "breakeven:%s", which),
	            fields);
	return o;
}

static int
report(twc_model *m, const options *o, double lo, double hi, double value)
{
	int found = twc_result(m, NULL, "breakeven:found") != 0;
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
		json_object_set_new(root, "found", json_boolean(found));
		json_object_set_new(root, "value",
		                    found ? json_real(value) : json_null());
		json_object_set_new(root, "below", side_json(m, "below"));
		json_object_set_new(root, "above", side_json(m, "above"));
		return write_json(root, o);
	}
	if ((rc = out_open(&dst, o->output)) != EXIT_OK)
		return rc;
	format_value(o->over, lo, l, sizeof l);
	format_value(o->over, hi, h, sizeof h);
	fprintf(dst.f, "Break-even of %s against %s over %s, %s to %s:\n",
	        o->plans[0], o->vs, o->over, l, h);
	if (found) {
		format_value(o->over, value, v, sizeof v);
		fprintf(dst.f, "  the net costs cross at %s = %s\n", o->over,
		        v);
	} else {
		fprintf(dst.f, "  no crossing in range; at each end:\n");
	}
	side(dst.f, m, o, "below");
	side(dst.f, m, o, "above");
	return out_close(&dst, 1);
}

int
cmd_breakeven(const options *o)
{
	twc_model *m;
	double lo, hi, value;
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
	value = twc_breakeven(m, o->plans[0], o->vs, o->over, lo, hi);
	if (isnan(value) && twc_last_error(m)[0] != '\0')
		rc = fail(EXIT_USAGE, "%s", twc_last_error(m));
	else
		rc = report(m, o, lo, hi, value);
	twc_close(m);
	return rc;
}
