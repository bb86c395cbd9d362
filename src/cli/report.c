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

void
json_fields(json_t *o, twc_model *m, const char *plan, const char *prefix,
            const json_field *list)
{
	char f[96];
	double v;

	for (; list->key != NULL; list++) {
		field(f, sizeof f, "%s%s", prefix,
		      list->name ? list->name : list->key);
		switch (list->kind) {
		case AS_TEXT:
			json_object_set_new(o, list->key,
			                    json_string(text_of(m, plan, f)));
			break;
		case AS_INT:
			json_object_set_new(o, list->key,
			                    json_integer(yen_of(m, plan, f)));
			break;
		case AS_REAL:
			v = twc_result(m, plan, f);
			json_object_set_new(o, list->key,
			                    isnan(v) ? json_null()
			                             : json_real(v));
			break;
		case AS_BOOL:
			json_object_set_new(
			    o, list->key,
			    json_boolean(twc_result(m, plan, f) != 0));
			break;
		}
	}
}

json_t *
json_list(twc_model *m, const char *plan, const char *what, const char *head,
          const json_field *list)
{
	json_t *a = json_array();
	char prefix[64];
	int k, n = twc_count(m, plan, what);

	for (k = 0; k < n; k++) {
		json_t *o = json_object();
		json_fields(o, m, plan,
		            field(prefix, sizeof prefix, "%s%d:", head, k),
		            list);
		json_array_append_new(a, o);
	}
	return a;
}

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
	static const json_field fields[] = {
	    {"name", NULL, AS_TEXT},
	    {"kind", NULL, AS_TEXT},
	    {"profile", NULL, AS_TEXT},
	    {"catalog", NULL, AS_TEXT},
	    {"grant", NULL, AS_TEXT},
	    {"start", NULL, AS_TEXT},
	    {"start_label", NULL, AS_TEXT},
	    {"end_label", NULL, AS_TEXT},
	    {"reference_plan", NULL, AS_TEXT},
	    {"staff", NULL, AS_INT},
	    {"start_fy", NULL, AS_INT},
	    {"end_fy", NULL, AS_INT},
	    {"years", NULL, AS_INT},
	    {"users", NULL, AS_INT},
	    {"deadline_fy", NULL, AS_INT},
	    {"satellite_sites", NULL, AS_INT},
	    {"jlis_free_until", NULL, AS_INT},
	    {"jlis_fee_yen", NULL, AS_INT},
	    {"fiscal_index", NULL, AS_REAL},
	    {"fiscal_index_rounded", NULL, AS_REAL},
	    {"m", NULL, AS_REAL},
	    {"rate", NULL, AS_REAL},
	    {"effective_rate", NULL, AS_REAL},
	    {"peak", NULL, AS_REAL},
	    {"lent_share", NULL, AS_REAL},
	    {"recipient", NULL, AS_BOOL},
	    {"grant_override", NULL, AS_BOOL},
	    {"sensitive_data", NULL, AS_BOOL},
	    {"grant_applies", NULL, AS_BOOL},
	    {NULL, NULL, AS_TEXT}};
	json_t *o = json_object();

	json_fields(o, m, NULL, "", fields);
	json_object_set_new(o, "home", json_style(m, "home"));
	json_object_set_new(o, "satellite", json_style(m, "satellite"));
	json_object_set_new(o, "mobile", json_style(m, "mobile"));
	return o;
}

static json_t *
json_years(twc_model *m, const char *plan)
{
	static const json_field fields[] = {{"fy", NULL, AS_INT},
	                                    {"label", NULL, AS_TEXT},
	                                    {"cost_yen", NULL, AS_INT},
	                                    {"eligible_yen", NULL, AS_INT},
	                                    {"grant_yen", NULL, AS_INT},
	                                    {"net_yen", NULL, AS_INT},
	                                    {"initial_yen", NULL, AS_INT},
	                                    {"running_yen", NULL, AS_INT},
	                                    {"replacement_yen", NULL, AS_INT},
	                                    {NULL, NULL, AS_TEXT}};

	return json_list(m, plan, "years", "year:", fields);
}

static json_t *
json_item(twc_model *m, const char *plan, int i, int years)
{
	static const json_field fields[] = {
	    {"id", NULL, AS_TEXT},          {"option", NULL, AS_TEXT},
	    {"category", NULL, AS_TEXT},    {"phase", NULL, AS_TEXT},
	    {"driver", NULL, AS_TEXT},      {"label", NULL, AS_TEXT},
	    {"label_en", NULL, AS_TEXT},    {"quantity", NULL, AS_INT},
	    {"unit_yen", NULL, AS_INT},     {"total_yen", NULL, AS_INT},
	    {"eligible_yen", NULL, AS_INT}, {"every", NULL, AS_INT},
	    {"eligible", NULL, AS_BOOL},    {NULL, NULL, AS_TEXT}};
	json_t *o = json_object(), *per = json_array();
	char prefix[32], f[64];
	int y;

	json_fields(o, m, plan, field(prefix, sizeof prefix, "item:%d:", i),
	            fields);
	for (y = 0; y < years; y++)
		json_array_append_new(
		    per, json_integer(yen_of(
		             m, plan,
		             field(f, sizeof f, "%syear:%d:yen", prefix, y))));
	json_object_set_new(o, "years_yen", per);
	return o;
}

static json_t *
json_plan(twc_model *m, const char *plan)
{
	static const json_field fields[] = {
	    {"label", NULL, AS_TEXT},
	    {"label_en", NULL, AS_TEXT},
	    {"initial_yen", NULL, AS_INT},
	    {"annual_yen", NULL, AS_INT},
	    {"running_yen", NULL, AS_INT},
	    {"replacement_yen", NULL, AS_INT},
	    {"total_yen", NULL, AS_INT},
	    {"eligible_yen", NULL, AS_INT},
	    {"grant_yen", NULL, AS_INT},
	    {"net_yen", NULL, AS_INT},
	    {"per_user_year_yen", NULL, AS_INT},
	    {"vs_jlis_yen", NULL, AS_INT},
	    {"users", NULL, AS_INT},
	    {"concurrent", NULL, AS_INT},
	    {"effective_rate", NULL, AS_REAL},
	    {"security_fit", NULL, AS_TEXT},
	    {"reference", "is_reference", AS_BOOL},
	    {NULL, NULL, AS_TEXT}};
	json_t *o = json_object(), *items = json_array();
	int i, n = twc_count(m, plan, "items"),
	       years = twc_count(m, plan, "years");

	json_object_set_new(o, "id", json_string(plan));
	json_fields(o, m, plan, "", fields);
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
