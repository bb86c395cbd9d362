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
#include "request.h"
#include "suggest.h"
#include "xlsx.h"

/* What budget shows: the fiscal year (0: every year), the view, and the
 * mark of a negative amount. */
typedef struct budget_opts {
	int fy, by_category;
	const char *minus;
} budget_opts;

static int
budget_options(const options *o, budget_opts *b)
{
	static const char *const views[] = {"setsu", "category", NULL};

	b->fy = 0;
	b->by_category = 0;
	b->minus = cli_ja() ? "△" : "-";
	if (o->fy != NULL && (b->fy = twc_fiscal_year(o->fy)) < 0)
		return fail(
		    EXIT_USAGE,
		    "--fy: '%s' is not a fiscal year: write FY2027, R9, "
		    "令和9年度 or 2027, or a day in it such as "
		    "2027-04-01, 2027/4/1, R9.4.1 or 令和9年4月1日",
		    o->fy);
	if (o->by != NULL && cli_choice("--by", o->by, views) < 0)
		return EXIT_USAGE;
	b->by_category = o->by != NULL && strcmp(o->by, "category") == 0;
	if (o->negative != NULL && strcmp(o->negative, "△") != 0 &&
	    strcmp(o->negative, "▲") != 0 && strcmp(o->negative, "-") != 0)
		return fail(EXIT_USAGE, "--negative: '%s' is not △, ▲ or -",
		            o->negative);
	if (o->negative != NULL)
		b->minus = o->negative;
	return EXIT_OK;
}

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
budget_table_one(FILE *f, const view *v, const vplan *p)
{
	budget b;
	table t;
	char label[256], line[512], a[32], c[32], d[32];
	int i, k;

	budget_build(v, p, &b);
	table_init(&t, b.years + 2, ~1u);
	table_add(&t, "%s", _("thousand yen"));
	for (k = 0; k < b.years; k++)
		table_add(
		    &t, "%s",
		    fy_text(p->years[k].fy, p->years[k].label, a, sizeof a));
	table_add(&t, "%s", _("total"));
	for (i = 0; i < b.n_lines; i++) {
		const vcategory *cat = &v->cats[b.cat[i]];
		snprintf(label, sizeof label, "%s%s",
		         pick(cat->label, cat->label_en),
		         cat->eligible ? " *" : "");
		row(&t, label, b.line[i], b.years, b.line_total[i]);
	}
	row(&t, _("total cost"), b.cost, b.years, b.cost_total);
	row(&t, _("grant"), b.grant, b.years, b.grant_total);
	row(&t, _("general revenue net of the grant"), b.net, b.years,
	    b.net_total);
	snprintf(line, sizeof line, _("plan %s: %s"), p->id,
	         pick(p->label, p->label_en));
	print_wrapped(f, "", "  ", line);
	table_print(f, &t, 2);
	table_free(&t);
	print_wrapped(f, "  ", "    ",
	              _("* a category the measure names; only its initial "
	                "spending is eligible."));
	print_wrapped(f, "  ", "    ",
	              _("Lines are rounded half-up to thousand yen one by "
	                "one; totals add the lines shown."));
	snprintf(line, sizeof line, _("Exact: cost ¥%s, grant ¥%s, net ¥%s."),
	         fmt_yen(p->total, a, sizeof a), fmt_yen(p->grant, c, sizeof c),
	         fmt_yen(p->net, d, sizeof d));
	print_wrapped(f, "  ", "    ", line);
	if (p->running > 0 && b.years > 1)
		print_wrapped(f, "  ", "    ",
		              _("Running costs over several years may need a "
		                "multi-year commitment (item, period, limit) "
		                "unless a long-term continuing contract "
		                "applies."));
	fputc('\n', f);
}

static void
budget_table(FILE *f, const view *v, const budget_opts *b)
{
	int i;

	for (i = 0; i < v->n_plans; i++) {
		if (!v->plans[i].selected)
			continue;
		if (b->by_category)
			budget_table_one(f, v, &v->plans[i]);
		else
			request_table(f, v, &v->plans[i], b->fy, b->minus);
	}
}

/* The readings the grant figures rest on, and that each year's grant is
 * decided that year. */
static void
print_readings(FILE *f, const view *v)
{
	char line[1024];

	snprintf(line, sizeof line,
	         _("Grant readings: later_initial_spending = %s, "
	           "lease_payments = %s; each year's grant is decided that "
	           "year (the special allocation tax is general revenue: a "
	           "reference figure, not a source of this budget)."),
	         v->later_initial_spending, v->lease_payments);
	print_wrapped(f, "", "", line);
	fputc('\n', f);
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
budget_csv_plan(FILE *f, const view *v, const vplan *p)
{
	budget b;
	int k;

	budget_build(v, p, &b);
	for (k = 0; k < b.n_lines; k++) {
		const vcategory *cat = &v->cats[b.cat[k]];
		csv_row(f, p->id, cat->id, cat->label,
		        cat->eligible ? "yes" : "no", b.line[k], b.years,
		        b.line_total[k]);
	}
	csv_row(f, p->id, "total_cost", "事業費計", "", b.cost, b.years,
	        b.cost_total);
	csv_row(f, p->id, "grant", "特別交付税", "", b.grant, b.years,
	        b.grant_total);
	csv_row(f, p->id, "net", "一般財源等", "", b.net, b.years, b.net_total);
}

static void
request_csv_all(FILE *f, const view *v, const budget_opts *b)
{
	static const char *const heads[] = {"plan",  "fy",          "kind",
	                                    "setsu", "label",       "basis",
	                                    "yen",   "thousand_yen"};
	int i, k;

	csv_bom(f);
	for (k = 0; k < 8; k++)
		csv_field(f, heads[k], k == 7);
	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			request_csv(f, v, &v->plans[i], b->fy);
}

static void
budget_csv(FILE *f, const view *v)
{
	char a[32];
	int i, k;

	csv_bom(f);
	csv_field(f, "plan", 0);
	csv_field(f, "line", 0);
	csv_field(f, "label", 0);
	csv_field(f, "eligible_category", 0);
	for (k = 0; k < v->years && k < MAX_YEARS; k++) {
		snprintf(a, sizeof a, "FY%lld_thousand_yen", v->fy[k].fy);
		csv_field(f, a, 0);
	}
	csv_field(f, "total_thousand_yen", 1);
	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			budget_csv_plan(f, v, &v->plans[i]);
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
budget_json_plan(const view *v, const vplan *p)
{
	budget b;
	json_t *o = json_object(), *lines = json_array(), *fys = json_array();
	int i, k;

	budget_build(v, p, &b);
	for (k = 0; k < b.years; k++)
		json_array_append_new(fys, json_integer(p->years[k].fy));
	for (i = 0; i < b.n_lines; i++) {
		json_t *l = json_object();
		const vcategory *cat = &v->cats[b.cat[i]];
		json_object_set_new(l, "category", json_string(cat->id));
		json_object_set_new(l, "label", json_string(cat->label));
		json_object_set_new(l, "thousand_yen",
		                    json_numbers(b.line[i], b.years));
		json_object_set_new(l, "total", json_integer(b.line_total[i]));
		json_array_append_new(lines, l);
	}
	json_object_set_new(o, "id", json_string(p->id));
	json_object_set_new(o, "fy", fys);
	json_object_set_new(o, "lines", lines);
	json_object_set_new(o, "total_cost", json_numbers(b.cost, b.years));
	json_object_set_new(o, "grant", json_numbers(b.grant, b.years));
	json_object_set_new(o, "net", json_numbers(b.net, b.years));
	json_object_set_new(o, "total_cost_sum", json_integer(b.cost_total));
	json_object_set_new(o, "grant_sum", json_integer(b.grant_total));
	json_object_set_new(o, "net_sum", json_integer(b.net_total));
	json_object_set_new(o, "total_yen", json_integer(p->total));
	json_object_set_new(o, "grant_yen", json_integer(p->grant));
	json_object_set_new(o, "net_yen", json_integer(p->net));
	return o;
}

static json_t *
budget_json(const view *v, const budget_opts *b)
{
	json_t *root = json_estimate(v), *plans = json_array();
	json_t *shown = json_object_get(root, "plans");
	size_t n = 0;
	int i;

	for (i = 0; i < v->n_plans; i++) {
		if (!v->plans[i].selected)
			continue;
		json_array_append_new(plans, budget_json_plan(v, &v->plans[i]));
		json_object_set_new(json_array_get(shown, n++), "request",
		                    request_json(v, &v->plans[i], b->fy));
	}
	json_object_set_new(root, "unit", json_string("thousand_yen"));
	json_object_set_new(
	    root, "rounding",
	    json_string(
	        "each line half-up to thousand yen; totals are sums of lines"));
	json_object_set_new(root, "budget", plans);
	return root;
}

/* A request cannot show more other money than a year costs. */
static int
funding_fits(const view *v)
{
	int i;

	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected && v->plans[i].funding_capped)
			return fail(
			    EXIT_USAGE,
			    "--funding: more than a year's cost of plan "
			    "%s (%s); a request cannot be funded beyond "
			    "its cost",
			    v->plans[i].id, v->funding);
	return EXIT_OK;
}

static int
budget_write(const options *o, const view *v, const budget_opts *b)
{
	out dst;
	int rc;

	if (o->format == FORMAT_JSON)
		return write_json(budget_json(v, b), o);
	if (o->format == FORMAT_XLSX)
		return write_xlsx(v, o, XLSX_BUDGET);
	if ((rc = out_open(&dst, o->output)) != EXIT_OK)
		return rc;
	if (o->format == FORMAT_CSV && b->by_category) {
		budget_csv(dst.f, v);
	} else if (o->format == FORMAT_CSV) {
		request_csv_all(dst.f, v, b);
	} else {
		print_scenario(dst.f, v, "budget");
		print_readings(dst.f, v);
		budget_table(dst.f, v, b);
		print_messages(dst.f, v);
	}
	return out_close(&dst, 1);
}

int
cmd_budget(const options *o)
{
	twc_model *m;
	budget_opts b;
	view v;
	int rc;

	if ((rc = budget_options(o, &b)) != EXIT_OK ||
	    (rc = open_scenario(o, &m)) != EXIT_OK)
		return rc;
	rc = view_load(m, o, VIEW_FULL, &v);
	twc_close(m);
	if (rc != EXIT_OK)
		return rc;
	if ((rc = funding_fits(&v)) == EXIT_OK)
		rc = budget_write(o, &v, &b);
	rc = strict_code(&v, o, rc);
	view_free(&v);
	return rc;
}
