/* report.c - the estimate as JSON and as the header and messages of a
 * table report, read through the public API only. */
#include <config.h>

#include "report.h"

#include <math.h>
#include <stdarg.h>
#include <string.h>

long long
yen_of(twc_model *m, const char *plan, const char *f)
{
	long long v = 0;

	if (twc_result_yen(m, plan, f, &v) != TWC_OK)
		return 0;
	return v;
}

const char *
text_of(twc_model *m, const char *plan, const char *f)
{
	const char *s = twc_text(m, plan, f);

	return s ? s : "";
}

const char *
field(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return buf;
}

int
count_warnings(twc_model *m, const options *o)
{
	int n = twc_count(m, NULL, "warnings"), i,
	    plans = twc_count(m, NULL, "plans");
	char f[32];

	for (i = 0; i < plans; i++) {
		const char *id =
		    text_of(m, NULL, field(f, sizeof f, "plan:%d", i));
		if (plan_selected(o, id))
			n += twc_count(m, id, "warnings");
	}
	return n;
}

/* ---- JSON ------------------------------------------------------------------
 */

static json_t *
messages(twc_model *m, const char *plan, const char *kind)
{
	json_t *a = json_array();
	char f[32], what[16];
	int i, n;

	snprintf(what, sizeof what, "%ss", kind);
	n = twc_count(m, plan, what);
	for (i = 0; i < n; i++)
		json_array_append_new(
		    a, json_string(text_of(
		           m, plan, field(f, sizeof f, "%s:%d", kind, i))));
	return a;
}

static json_t *
json_style(twc_model *m, const char *style)
{
	char f[48];
	json_t *o = json_object();

	json_object_set_new(o, "share", json_real(twc_result(m, NULL, style)));
	json_object_set_new(
	    o, "days",
	    json_real(
	        twc_result(m, NULL, field(f, sizeof f, "%s_days", style))));
	json_object_set_new(
	    o, "users",
	    json_integer(
	        yen_of(m, NULL, field(f, sizeof f, "users:%s", style))));
	json_object_set_new(
	    o, "concurrent",
	    json_integer(
	        yen_of(m, NULL, field(f, sizeof f, "concurrent:%s", style))));
	json_object_set_new(
	    o, "segment",
	    json_string(
	        text_of(m, NULL, field(f, sizeof f, "%s_segment", style))));
	if (strcmp(style, "satellite") == 0)
		json_object_set_new(o, "sites",
		                    json_integer((json_int_t)twc_result(
		                        m, NULL, "satellite_sites")));
	return o;
}

static json_t *
json_scenario(twc_model *m)
{
	json_t *o = json_object();
	static const char *const texts[] = {
	    "name",  "kind",        "profile",   "catalog",       "grant",
	    "start", "start_label", "end_label", "reference_plan"};
	static const char *const ints[] = {
	    "staff",           "start_fy",        "end_fy",
	    "years",           "users",           "deadline_fy",
	    "satellite_sites", "jlis_free_until", "jlis_fee_yen"};
	static const char *const reals[] = {
	    "fiscal_index", "fiscal_index_rounded", "m",
	    "rate",         "effective_rate",       "peak",
	    "lent_share"};
	static const char *const flags[] = {"recipient", "grant_override",
	                                    "sensitive_data", "grant_applies"};
	size_t i;

	for (i = 0; i < sizeof texts / sizeof *texts; i++)
		json_object_set_new(o, texts[i],
		                    json_string(text_of(m, NULL, texts[i])));
	for (i = 0; i < sizeof ints / sizeof *ints; i++)
		json_object_set_new(
		    o, ints[i],
		    json_integer((json_int_t)twc_result(m, NULL, ints[i])));
	for (i = 0; i < sizeof reals / sizeof *reals; i++)
		json_object_set_new(o, reals[i],
		                    json_real(twc_result(m, NULL, reals[i])));
	for (i = 0; i < sizeof flags / sizeof *flags; i++)
		json_object_set_new(
		    o, flags[i],
		    json_boolean(twc_result(m, NULL, flags[i]) != 0));
	json_object_set_new(o, "home", json_style(m, "home"));
	json_object_set_new(o, "satellite", json_style(m, "satellite"));
	json_object_set_new(o, "mobile", json_style(m, "mobile"));
	return o;
}

static json_t *
json_years(twc_model *m, const char *plan)
{
	static const char *const money[] = {
	    "cost_yen",    "eligible_yen", "grant_yen",      "net_yen",
	    "initial_yen", "running_yen",  "replacement_yen"};
	json_t *a = json_array();
	char f[64];
	int k, n = twc_count(m, plan, "years");
	size_t i;

	for (k = 0; k < n; k++) {
		json_t *y = json_object();
		json_object_set_new(
		    y, "fy",
		    json_integer(
		        yen_of(m, plan, field(f, sizeof f, "year:%d:fy", k))));
		json_object_set_new(
		    y, "label",
		    json_string(text_of(
		        m, plan, field(f, sizeof f, "year:%d:label", k))));
		for (i = 0; i < sizeof money / sizeof *money; i++)
			json_object_set_new(
			    y, money[i],
			    json_integer(yen_of(m, plan,
			                        field(f, sizeof f, "year:%d:%s",
			                              k, money[i]))));
		json_array_append_new(a, y);
	}
	return a;
}

static json_t *
json_item(twc_model *m, const char *plan, int i, int years)
{
	static const char *const texts[] = {
	    "id", "option", "category", "phase", "driver", "label", "label_en"};
	static const char *const ints[] = {"quantity", "unit_yen", "total_yen",
	                                   "eligible_yen", "every"};
	json_t *o = json_object(), *per = json_array();
	char f[64];
	size_t k;
	int y;

	for (k = 0; k < sizeof texts / sizeof *texts; k++)
		json_object_set_new(
		    o, texts[k],
		    json_string(text_of(
		        m, plan,
		        field(f, sizeof f, "item:%d:%s", i, texts[k]))));
	for (k = 0; k < sizeof ints / sizeof *ints; k++)
		json_object_set_new(
		    o, ints[k],
		    json_integer(
		        yen_of(m, plan,
		               field(f, sizeof f, "item:%d:%s", i, ints[k]))));
	json_object_set_new(
	    o, "eligible",
	    json_boolean(
	        yen_of(m, plan, field(f, sizeof f, "item:%d:eligible", i)) !=
	        0));
	for (y = 0; y < years; y++)
		json_array_append_new(
		    per, json_integer(yen_of(
		             m, plan,
		             field(f, sizeof f, "item:%d:year:%d:yen", i, y))));
	json_object_set_new(o, "years_yen", per);
	return o;
}

static json_t *
json_plan(twc_model *m, const char *plan)
{
	static const char *const money[] = {
	    "initial_yen",     "annual_yen", "running_yen",
	    "replacement_yen", "total_yen",  "eligible_yen",
	    "grant_yen",       "net_yen",    "per_user_year_yen",
	    "vs_jlis_yen",     "users",      "concurrent"};
	json_t *o = json_object(), *items = json_array();
	int i, n = twc_count(m, plan, "items"),
	       years = twc_count(m, plan, "years");
	size_t k;

	json_object_set_new(o, "id", json_string(plan));
	json_object_set_new(o, "label", json_string(text_of(m, plan, "label")));
	json_object_set_new(o, "label_en",
	                    json_string(text_of(m, plan, "label_en")));
	for (k = 0; k < sizeof money / sizeof *money; k++)
		json_object_set_new(o, money[k],
		                    json_integer(yen_of(m, plan, money[k])));
	json_object_set_new(o, "effective_rate",
	                    json_real(twc_result(m, plan, "effective_rate")));
	json_object_set_new(o, "security_fit",
	                    json_string(text_of(m, plan, "security_fit")));
	json_object_set_new(o, "reference",
	                    json_boolean(yen_of(m, plan, "is_reference") != 0));
	json_object_set_new(o, "flip_fy",
	                    yen_of(m, plan, "flip_fy")
	                        ? json_integer(yen_of(m, plan, "flip_fy"))
	                        : json_null());
	json_object_set_new(o, "years", json_years(m, plan));
	for (i = 0; i < n; i++)
		json_array_append_new(items, json_item(m, plan, i, years));
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "warnings", messages(m, plan, "warning"));
	json_object_set_new(o, "notes", messages(m, plan, "note"));
	return o;
}

json_t *
json_estimate(twc_model *m, const options *o)
{
	json_t *root = json_object(), *plans = json_array();
	char f[32];
	int i, n = twc_count(m, NULL, "plans");

	json_object_set_new(root, "version", json_string(twc_version()));
	json_object_set_new(root, "scenario", json_scenario(m));
	for (i = 0; i < n; i++) {
		const char *id =
		    text_of(m, NULL, field(f, sizeof f, "plan:%d", i));
		if (plan_selected(o, id))
			json_array_append_new(plans, json_plan(m, id));
	}
	json_object_set_new(root, "plans", plans);
	json_object_set_new(root, "warnings", messages(m, NULL, "warning"));
	json_object_set_new(root, "notes", messages(m, NULL, "note"));
	return root;
}

int
write_json(json_t *v, const options *o)
{
	out dst;
	int rc, bad;

	if (v == NULL)
		return fail(EXIT_FAILURE_IO, "out of memory");
	if ((rc = out_open(&dst, o->output)) != EXIT_OK) {
		json_decref(v);
		return rc;
	}
	bad = json_dumpf(v, dst.f,
	                 JSON_INDENT(2) | JSON_PRESERVE_ORDER |
	                     JSON_REAL_PRECISION(10)) != 0;
	fputc('\n', dst.f);
	json_decref(v);
	return out_close(&dst, !bad);
}

/* ---- table headers and messages
 * ---------------------------------------------- */

void
print_scenario(FILE *f, twc_model *m, const char *command)
{
	char a[32];

	fprintf(f, "twcost %s: %s - %s, %s general staff\n", command,
	        text_of(m, NULL, "name"), text_of(m, NULL, "kind"),
	        fmt_yen(yen_of(m, NULL, "staff"), a, sizeof a));
	fprintf(f,
	        "  start %s (FY%lld, %s); %lld fiscal years to FY%lld (%s)\n",
	        text_of(m, NULL, "start"), yen_of(m, NULL, "start_fy"),
	        text_of(m, NULL, "start_label"), yen_of(m, NULL, "years"),
	        yen_of(m, NULL, "end_fy"), text_of(m, NULL, "end_label"));
	fprintf(f,
	        "  enrolled: home %lld (%g days/week, %lld at peak), satellite "
	        "%lld (%lld site%s), mobile %lld\n",
	        yen_of(m, NULL, "users:home"), twc_result(m, NULL, "home_days"),
	        yen_of(m, NULL, "concurrent:home"),
	        yen_of(m, NULL, "users:satellite"),
	        (long long)twc_result(m, NULL, "satellite_sites"),
	        twc_result(m, NULL, "satellite_sites") == 1 ? "" : "s",
	        yen_of(m, NULL, "users:mobile"));
	fprintf(
	    f,
	    "  grant (特別交付税措置): rate %.2f x m %.2f (fiscal index %.2f) "
	    "= %.2f of eligible initial cost%s\n",
	    twc_result(m, NULL, "rate"), twc_result(m, NULL, "m"),
	    twc_result(m, NULL, "fiscal_index_rounded"),
	    twc_result(m, NULL, "rate") * twc_result(m, NULL, "m"),
	    twc_result(m, NULL, "grant_applies") != 0
	        ? ""
	        : ": NOT APPLIED (see warnings)");
	fprintf(f, "  profile %s; catalogue %s; grant rule %s\n\n",
	        text_of(m, NULL, "profile"), text_of(m, NULL, "catalog"),
	        text_of(m, NULL, "grant"));
}

static void
print_list(FILE *f, twc_model *m, const char *plan, const char *kind,
           const char *prefix)
{
	char fld[32], what[16];
	int i, n;

	snprintf(what, sizeof what, "%ss", kind);
	n = twc_count(m, plan, what);
	for (i = 0; i < n; i++)
		fprintf(
		    f, "  - %s%s\n", prefix,
		    text_of(m, plan, field(fld, sizeof fld, "%s:%d", kind, i)));
}

static void
print_kind(FILE *f, twc_model *m, const options *o, const char *kind,
           const char *title)
{
	char fld[32], prefix[80], what[16];
	int i, n = twc_count(m, NULL, "plans"), any;

	snprintf(what, sizeof what, "%ss", kind);
	any = twc_count(m, NULL, what);
	for (i = 0; i < n; i++) {
		const char *id =
		    text_of(m, NULL, field(fld, sizeof fld, "plan:%d", i));
		if (plan_selected(o, id))
			any += twc_count(m, id, what);
	}
	if (any == 0)
		return;
	fprintf(f, "%s:\n", title);
	print_list(f, m, NULL, kind, "");
	for (i = 0; i < n; i++) {
		const char *id =
		    text_of(m, NULL, field(fld, sizeof fld, "plan:%d", i));
		if (!plan_selected(o, id))
			continue;
		snprintf(prefix, sizeof prefix, "%s: ", id);
		print_list(f, m, id, kind, prefix);
	}
}

void
print_messages(FILE *f, twc_model *m, const options *o)
{
	print_kind(f, m, o, "warning", "warnings");
	print_kind(f, m, o, "note", "notes");
}

/* ---- the budget-request table ---------------------------------------------
 */

/* Sum each category's items per year in yen, then round each line. */
void
budget_build(twc_model *m, const char *id, budget *b)
{
	long long yen[MAX_CATS][MAX_YEARS];
	char f[64];
	int ncat = twc_count(m, NULL, "categories"), i, c, k;
	int n = twc_count(m, id, "items");

	memset(b, 0, sizeof *b);
	memset(yen, 0, sizeof yen);
	b->years = twc_count(m, id, "years");
	if (b->years > MAX_YEARS)
		b->years = MAX_YEARS;
	if (ncat > MAX_CATS)
		ncat = MAX_CATS;
	for (i = 0; i < n; i++) {
		const char *cat =
		    text_of(m, id, field(f, sizeof f, "item:%d:category", i));
		for (c = 0; c < ncat; c++)
			if (strcmp(cat, text_of(m, NULL,
			                        field(f, sizeof f,
			                              "category:%d", c))) == 0)
				break;
		for (k = 0; c < ncat && k < b->years; k++)
			yen[c][k] += yen_of(
			    m, id,
			    field(f, sizeof f, "item:%d:year:%d:yen", i, k));
	}
	for (c = 0; c < ncat; c++) {
		int any = 0;
		for (k = 0; k < b->years; k++)
			any |= yen[c][k] != 0;
		if (!any)
			continue;
		b->cat[b->n_lines] = c;
		for (k = 0; k < b->years; k++) {
			long long v = to_thousands(yen[c][k]);
			b->line[b->n_lines][k] = v;
			b->line_total[b->n_lines] += v;
			b->cost[k] += v;
		}
		b->n_lines++;
	}
	for (k = 0; k < b->years; k++) {
		b->grant[k] = to_thousands(
		    yen_of(m, id, field(f, sizeof f, "year:%d:grant_yen", k)));
		b->net[k] = b->cost[k] - b->grant[k];
		b->cost_total += b->cost[k];
		b->grant_total += b->grant[k];
		b->net_total += b->net[k];
	}
}
