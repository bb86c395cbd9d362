/* cmd_estimate.c - `twcost compare` and `estimate`: the deterministic
 * estimate as tables, CSV, JSON or an xlsx workbook. */
#include <config.h>

#include <string.h>

#include "report.h"
#include "xlsx.h"

typedef void (*printer)(FILE *f, const view *v);

/* Run a report in the chosen format through printers for table and CSV;
 * the xlsx workbook opens on `sheet`. */
static int
report(const options *o, const char *name, printer tab, printer csv,
       enum xlsx_sheet sheet)
{
	twc_model *m;
	view v;
	out dst;
	int rc;

	if ((rc = open_scenario(o, &m)) != EXIT_OK)
		return rc;
	rc = view_load(m, o, VIEW_FULL, &v);
	twc_close(m);
	if (rc != EXIT_OK)
		return rc;
	if (o->format == FORMAT_JSON)
		rc = write_json(json_estimate(&v), o);
	else if (o->format == FORMAT_XLSX)
		rc = write_xlsx(&v, o, sheet);
	else if ((rc = out_open(&dst, o->output)) == EXIT_OK) {
		if (o->format == FORMAT_CSV) {
			csv(dst.f, &v);
		} else {
			print_scenario(dst.f, &v, name);
			tab(dst.f, &v);
			print_messages(dst.f, &v);
		}
		rc = out_close(&dst, 1);
	}
	rc = strict_code(&v, o, rc);
	view_free(&v);
	return rc;
}

/* ---- compare --------------------------------------------------------------
 */

enum { N_COMPARE = 9 };

static const char *const compare_money[N_COMPARE] = {
    "initial_yen", "running_yen",       "replacement_yen",
    "total_yen",   "eligible_yen",      "grant_yen",
    "net_yen",     "per_user_year_yen", "vs_jlis_yen"};

static void
compare_values(const vplan *p, long long *x)
{
	const long long v[N_COMPARE] = {
	    p->initial, p->running,       p->replacement,
	    p->total,   p->eligible,      p->grant,
	    p->net,     p->per_user_year, p->vs_reference};

	memcpy(x, v, sizeof v);
}

/* The grant under the strictest and the most generous readings, when
 * they differ from the one used for any plan shown. */
static void
readings_table(FILE *f, const view *v)
{
	table t;
	char a[32], b[32], c[32];
	int i, differ = 0;

	for (i = 0; i < v->n_plans; i++)
		differ |= v->plans[i].selected &&
		          (v->plans[i].grant_strict != v->plans[i].grant ||
		           v->plans[i].grant_generous != v->plans[i].grant);
	if (!differ)
		return;
	table_init(&t, 4, 0xEu);
	table_add(&t, "%s", _("plan"));
	table_add(&t, "%s", _("grant, strictest"));
	table_add(&t, "%s", _("as used"));
	table_add(&t, "%s", _("most generous"));
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		table_add(&t, "%s", p->id);
		table_add(&t, "%s", fmt_yen(p->grant_strict, a, sizeof a));
		table_add(&t, "%s", fmt_yen(p->grant, b, sizeof b));
		table_add(&t, "%s", fmt_yen(p->grant_generous, c, sizeof c));
	}
	print_wrapped(f, "", "",
	              _("The grant under each reading of the rule (strictest: "
	                "later initial spending not covered, lease payments "
	                "not eligible):"));
	table_print(f, &t, 0);
	table_free(&t);
	fputc('\n', f);
}

/* ok or warning, as the reader says it. */
static const char *
fit_text(const char *fit)
{
	return strcmp(fit, "ok") == 0        ? _("ok")
	       : strcmp(fit, "warning") == 0 ? _("warning")
	                                     : fit;
}

static void
compare_table(FILE *f, const view *v)
{
	table t;
	char a[32];
	long long x[N_COMPARE];
	int i, k;

	table_init(&t, N_COMPARE + 2, 0x7FEu);
	table_add(&t, "%s", _("plan"));
	table_add(&t, "%s", _("initial"));
	table_add(&t, "%s", _("running"));
	table_add(&t, "%s", _("replacement"));
	table_add(&t, "%s", _("total cost"));
	table_add(&t, "%s", _("eligible"));
	table_add(&t, "%s", _("grant"));
	table_add(&t, "%s", _("net"));
	table_add(&t, "%s", _("per user-year"));
	table_add(&t, _("vs %s"), v->reference_plan);
	table_add(&t, "%s", _("security"));
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		compare_values(p, x);
		table_add(&t, "%s", p->id);
		for (k = 0; k < N_COMPARE; k++)
			table_add(&t, "%s", fmt_yen(x[k], a, sizeof a));
		table_add(&t, "%s", fit_text(p->security_fit));
	}
	print_wrapped(f, "", "",
	              _("Costs in yen over the horizon (grant = special "
	                "allocation tax; net = total - grant):"));
	table_print(f, &t, 0);
	table_free(&t);
	fputc('\n', f);
	readings_table(f, v);
}

static void
compare_csv(FILE *f, const view *v)
{
	char a[32];
	long long x[N_COMPARE];
	int i, k;

	csv_bom(f);
	csv_field(f, "plan", 0);
	csv_field(f, "label", 0);
	for (k = 0; k < N_COMPARE; k++)
		csv_field(f, compare_money[k], 0);
	csv_field(f, "effective_rate", 0);
	csv_field(f, "security_fit", 0);
	csv_field(f, "grant_strict_yen", 0);
	csv_field(f, "grant_generous_yen", 1);
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		compare_values(p, x);
		csv_field(f, p->id, 0);
		csv_field(f, p->label, 0);
		for (k = 0; k < N_COMPARE; k++) {
			snprintf(a, sizeof a, "%lld", x[k]);
			csv_field(f, a, 0);
		}
		fmt_rate(p->effective_rate, a, sizeof a);
		csv_field(f, a, 0);
		csv_field(f, p->security_fit, 0);
		snprintf(a, sizeof a, "%lld", p->grant_strict);
		csv_field(f, a, 0);
		snprintf(a, sizeof a, "%lld", p->grant_generous);
		csv_field(f, a, 1);
	}
}

int
cmd_compare(const options *o)
{
	return report(o, "compare", compare_table, compare_csv, XLSX_COMPARE);
}

/* ---- estimate
 * ----------------------------------------------------------------- */

/* An item's phase (initial, annual, replacement) as the reader says it. */
static const char *
phase_text(const char *phase)
{
	return strcmp(phase, "initial") == 0       ? _("initial")
	       : strcmp(phase, "annual") == 0      ? _("annual")
	       : strcmp(phase, "replacement") == 0 ? _("replacement")
	                                           : phase;
}

static void
items_table(FILE *f, const vplan *p)
{
	table t;
	char a[32], b[32], c[32], d[32];
	int i;

	table_init(&t, 8, 0x78u);
	table_add(&t, "%s", _("item"));
	table_add(&t, "%s", _("category"));
	table_add(&t, "%s", _("phase"));
	table_add(&t, "%s", _("quantity"));
	table_add(&t, "%s", _("unit ¥"));
	table_add(&t, "%s", _("total ¥"));
	table_add(&t, "%s", _("eligible ¥"));
	table_add(&t, "%s", _("name"));
	for (i = 0; i < p->n_items; i++) {
		const vitem *it = &p->items[i];
		table_add(&t, "%s", it->id);
		table_add(&t, "%s", it->category);
		if (it->every > 0)
			table_add(&t, _("%s/%lldy"), phase_text(it->phase),
			          it->every);
		else
			table_add(&t, "%s", phase_text(it->phase));
		table_add(&t, "%s", fmt_yen(it->quantity, a, sizeof a));
		table_add(&t, "%s", fmt_yen(it->unit_yen, b, sizeof b));
		table_add(&t, "%s", fmt_yen(it->total, c, sizeof c));
		table_add(&t, "%s", fmt_yen(it->eligible, d, sizeof d));
		table_add(&t, "%s", pick(it->label, it->label_en));
	}
	table_print(f, &t, 2);
	table_free(&t);
}

static void
years_table(FILE *f, const view *v, const vplan *p)
{
	table t;
	char a[32], b[32], c[32], d[32];
	int k;

	table_init(&t, 5, 0x1Eu);
	table_add(&t, "%s", _("fiscal year"));
	table_add(&t, "%s", _("cost ¥"));
	table_add(&t, "%s", _("eligible ¥"));
	table_add(&t, "%s", _("grant ¥"));
	table_add(&t, "%s", _("net ¥"));
	for (k = 0; k < v->years; k++) {
		const vyear *y = &p->years[k];
		table_add(&t, "%s", fy_text(y->fy, y->label, a, sizeof a));
		table_add(&t, "%s", fmt_yen(y->cost, a, sizeof a));
		table_add(&t, "%s", fmt_yen(y->eligible, b, sizeof b));
		table_add(&t, "%s", fmt_yen(y->grant, c, sizeof c));
		table_add(&t, "%s", fmt_yen(y->net, d, sizeof d));
	}
	table_add(&t, "%s", _("total"));
	table_add(&t, "%s", fmt_yen(p->total, a, sizeof a));
	table_add(&t, "%s", fmt_yen(p->eligible, b, sizeof b));
	table_add(&t, "%s", fmt_yen(p->grant, c, sizeof c));
	table_add(&t, "%s", fmt_yen(p->net, d, sizeof d));
	table_print(f, &t, 2);
	table_free(&t);
}

static void
estimate_table(FILE *f, const view *v)
{
	char a[32], b[32], c[32], line[1024];
	int i;

	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		snprintf(line, sizeof line, _("plan %s: %s"), p->id,
		         pick(p->label, p->label_en));
		print_wrapped(f, "", "  ", line);
		snprintf(line, sizeof line,
		         _("%lld users; initial ¥%s; running ¥%s a year; "
		           "effective grant rate %s"),
		         p->users, fmt_yen(p->initial, a, sizeof a),
		         fmt_yen(p->annual, b, sizeof b),
		         fmt_rate(p->effective_rate, c, sizeof c));
		print_wrapped(f, "  ", "    ", line);
		items_table(f, p);
		fputc('\n', f);
		years_table(f, v, p);
		fputc('\n', f);
	}
}

static void
estimate_csv_row(FILE *f, const vplan *p, const vitem *it, int years)
{
	const char *texts[] = {it->id, it->option, it->category, it->phase};
	const long long nums[] = {it->is_eligible, it->quantity, it->unit_yen,
	                          it->total, it->eligible};
	char a[32];
	int k;

	csv_field(f, p->id, 0);
	for (k = 0; k < 4; k++)
		csv_field(f, texts[k], 0);
	for (k = 0; k < 5; k++) {
		snprintf(a, sizeof a, "%lld", nums[k]);
		csv_field(f, a, 0);
	}
	for (k = 0; k < years; k++) {
		snprintf(a, sizeof a, "%lld", it->years[k]);
		csv_field(f, a, k == years - 1);
	}
}

static void
estimate_csv(FILE *f, const view *v)
{
	static const char *const heads[] = {
	    "plan",     "item",     "option",   "category",  "phase",
	    "eligible", "quantity", "unit_yen", "total_yen", "eligible_yen"};
	char a[32];
	int i, k, years = (int)v->years;

	csv_bom(f);
	for (k = 0; k < 10; k++)
		csv_field(f, heads[k], 0);
	for (k = 0; k < years; k++) {
		snprintf(a, sizeof a, "FY%lld_yen", v->fy[k].fy);
		csv_field(f, a, k == years - 1);
	}
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		for (k = 0; k < p->n_items; k++)
			estimate_csv_row(f, p, &p->items[k], years);
	}
}

int
cmd_estimate(const options *o)
{
	return report(o, "estimate", estimate_table, estimate_csv, XLSX_ITEMS);
}
