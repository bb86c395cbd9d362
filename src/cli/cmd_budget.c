/* cmd_budget.c - `twcost budget`: the fiscal-year table of a budget
 * request, in thousand yen (千円), lines by cost category.
 *
 * Each line is rounded half-up to 千円 on its own; every total is the sum
 * of the lines shown, so a displayed total always equals the sum of its
 * displayed lines.  The exact yen totals are printed beneath. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xlsx.h"

static void
row(table *t, const char *label, const long long *v, int years, long long total)
{
	char a[32];
	int k;

	table_add(t, "%s", label);
	for (k = 0; k < years; k++)
		table_add(t, "%s", fmt_yen(v[k], a, sizeof a));
	table_add(t, "%s", fmt_yen(total, a, sizeof a));
}

static void
budget_table_one(FILE *f, twc_model *m, const char *id)
{
	budget b;
	table t;
	char fl[64], label[256], a[32], c[32], d[32];
	int i, k;

	budget_build(m, id, &b);
	table_init(&t, b.years + 2, ~1u);
	table_add(&t, "千円 (thousand yen)");
	for (k = 0; k < b.years; k++)
		table_add(
		    &t, "%s",
		    text_of(m, id, field(fl, sizeof fl, "year:%d:label", k)));
	table_add(&t, "合計 total");
	for (i = 0; i < b.n_lines; i++) {
		int cat = b.cat[i];
		snprintf(
		    label, sizeof label, "%s%s",
		    text_of(m, NULL,
		            field(fl, sizeof fl, "category:%d:label", cat)),
		    twc_result(
		        m, NULL,
		        field(fl, sizeof fl, "category:%d:eligible", cat)) != 0
		        ? " *"
		        : "");
		row(&t, label, b.line[i], b.years, b.line_total[i]);
	}
	row(&t, "事業費計 total cost", b.cost, b.years, b.cost_total);
	row(&t, "特別交付税 grant", b.grant, b.years, b.grant_total);
	row(&t, "一般財源等 net", b.net, b.years, b.net_total);
	fprintf(f, "plan %s: %s (%s)\n", id, text_of(m, id, "label"),
	        text_of(m, id, "label_en"));
	table_print(f, &t, 2);
	table_free(&t);
	fprintf(
	    f,
	    "  * category the measure names (対象経費); only its initial "
	    "spending is eligible.\n"
	    "  Lines are rounded half-up to 千円 one by one; totals add the "
	    "lines shown.\n"
	    "  Exact: cost ¥%s, grant ¥%s, net ¥%s.\n",
	    fmt_yen(yen_of(m, id, "total_yen"), a, sizeof a),
	    fmt_yen(yen_of(m, id, "grant_yen"), c, sizeof c),
	    fmt_yen(yen_of(m, id, "net_yen"), d, sizeof d));
	if (yen_of(m, id, "running_yen") > 0 && b.years > 1)
		fputs("  Running costs over several years may need a "
		      "債務負担行為 "
		      "(item, period, limit) unless a 長期継続契約 applies.\n",
		      f);
	fputc('\n', f);
}

static void
budget_table(FILE *f, twc_model *m, const options *o)
{
	char fl[32];
	const char *id;
	int i;

	for (i = 0; (id = twc_text(m, NULL,
	                           field(fl, sizeof fl, "plan:%d", i))) != NULL;
	     i++)
		if (plan_selected(o, id))
			budget_table_one(f, m, id);
}

static void
csv_row(FILE *f, const char *plan, const char *line, const char *label,
        const char *eligible, const long long *v, int years, long long total)
{
	char a[32];
	int k;

	csv_field(f, plan, 0);
	csv_field(f, line, 0);
	csv_field(f, label, 0);
	csv_field(f, eligible, 0);
	for (k = 0; k < years; k++) {
		snprintf(a, sizeof a, "%lld", v[k]);
		csv_field(f, a, 0);
	}
	snprintf(a, sizeof a, "%lld", total);
	csv_field(f, a, 1);
}

static void
budget_csv(FILE *f, twc_model *m, const options *o)
{
	budget b;
	char fl[64], a[32];
	const char *id;
	int i, k, years = twc_count(m, NULL, "years");

	csv_bom(f);
	csv_field(f, "plan", 0);
	csv_field(f, "line", 0);
	csv_field(f, "label", 0);
	csv_field(f, "eligible_category", 0);
	for (k = 0; k < years && k < MAX_YEARS; k++) {
		snprintf(
		    a, sizeof a, "FY%lld_thousand_yen",
		    yen_of(m, NULL, field(fl, sizeof fl, "year:%d:fy", k)));
		csv_field(f, a, 0);
	}
	csv_field(f, "total_thousand_yen", 1);
	for (i = 0; (id = twc_text(m, NULL,
	                           field(fl, sizeof fl, "plan:%d", i))) != NULL;
	     i++) {
		if (!plan_selected(o, id))
			continue;
		budget_build(m, id, &b);
		for (k = 0; k < b.n_lines; k++) {
			int cat = b.cat[k];
			csv_row(
			    f, id,
			    text_of(m, NULL,
			            field(fl, sizeof fl, "category:%d", cat)),
			    text_of(
			        m, NULL,
			        field(fl, sizeof fl, "category:%d:label", cat)),
			    twc_result(m, NULL,
			               field(fl, sizeof fl,
			                     "category:%d:eligible", cat)) != 0
			        ? "yes"
			        : "no",
			    b.line[k], b.years, b.line_total[k]);
		}
		csv_row(f, id, "total_cost", "事業費計", "", b.cost, b.years,
		        b.cost_total);
		csv_row(f, id, "grant", "特別交付税", "", b.grant, b.years,
		        b.grant_total);
		csv_row(f, id, "net", "一般財源等", "", b.net, b.years,
		        b.net_total);
	}
}

static json_t *
json_numbers(const long long *v, int n)
{
	json_t *a = json_array();
	int k;

	for (k = 0; k < n; k++)
		json_array_append_new(a, json_integer(v[k]));
	return a;
}

static json_t *
budget_json_plan(twc_model *m, const char *id)
{
	budget b;
	json_t *p = json_object(), *lines = json_array(), *fys = json_array();
	char fl[64];
	int i, k;

	budget_build(m, id, &b);
	for (k = 0; k < b.years; k++)
		json_array_append_new(
		    fys, json_integer(yen_of(
		             m, id, field(fl, sizeof fl, "year:%d:fy", k))));
	for (i = 0; i < b.n_lines; i++) {
		json_t *l = json_object();
		json_object_set_new(
		    l, "category",
		    json_string(text_of(
		        m, NULL,
		        field(fl, sizeof fl, "category:%d", b.cat[i]))));
		json_object_set_new(
		    l, "label",
		    json_string(text_of(
		        m, NULL,
		        field(fl, sizeof fl, "category:%d:label", b.cat[i]))));
		json_object_set_new(l, "thousand_yen",
		                    json_numbers(b.line[i], b.years));
		json_object_set_new(l, "total", json_integer(b.line_total[i]));
		json_array_append_new(lines, l);
	}
	json_object_set_new(p, "id", json_string(id));
	json_object_set_new(p, "fy", fys);
	json_object_set_new(p, "lines", lines);
	json_object_set_new(p, "total_cost", json_numbers(b.cost, b.years));
	json_object_set_new(p, "grant", json_numbers(b.grant, b.years));
	json_object_set_new(p, "net", json_numbers(b.net, b.years));
	json_object_set_new(p, "total_cost_sum", json_integer(b.cost_total));
	json_object_set_new(p, "grant_sum", json_integer(b.grant_total));
	json_object_set_new(p, "net_sum", json_integer(b.net_total));
	json_object_set_new(p, "total_yen",
	                    json_integer(yen_of(m, id, "total_yen")));
	json_object_set_new(p, "grant_yen",
	                    json_integer(yen_of(m, id, "grant_yen")));
	json_object_set_new(p, "net_yen",
	                    json_integer(yen_of(m, id, "net_yen")));
	return p;
}

static json_t *
budget_json(twc_model *m, const options *o)
{
	json_t *root = json_estimate(m, o), *plans = json_array();
	char fl[32];
	const char *id;
	int i;

	for (i = 0; (id = twc_text(m, NULL,
	                           field(fl, sizeof fl, "plan:%d", i))) != NULL;
	     i++)
		if (plan_selected(o, id))
			json_array_append_new(plans, budget_json_plan(m, id));
	json_object_set_new(root, "unit", json_string("thousand_yen"));
	json_object_set_new(
	    root, "rounding",
	    json_string(
	        "each line half-up to thousand yen; totals are sums of lines"));
	json_object_set_new(root, "budget", plans);
	return root;
}

int
cmd_budget(const options *o)
{
	twc_model *m;
	out dst;
	int rc;

	if ((rc = open_scenario(o, &m)) != EXIT_OK)
		return rc;
	if (o->format == FORMAT_JSON)
		rc = write_json(budget_json(m, o), o);
	else if (o->format == FORMAT_XLSX)
		rc = write_xlsx(m, o, XLSX_BUDGET);
	else if ((rc = out_open(&dst, o->output)) == EXIT_OK) {
		if (o->format == FORMAT_CSV) {
			budget_csv(dst.f, m, o);
		} else {
			print_scenario(dst.f, m, "budget");
			budget_table(dst.f, m, o);
			print_messages(dst.f, m, o);
		}
		rc = out_close(&dst, 1);
	}
	if (rc == EXIT_OK && o->strict && count_warnings(m, o) > 0)
		rc = EXIT_ATTENTION;
	twc_close(m);
	return rc;
}
