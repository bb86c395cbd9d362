/* cmd_estimate.c - `twcost compare`, `estimate` and `budget`: the
 * deterministic estimate as tables, CSV, JSON or an xlsx workbook. */
#include <config.h>

#include <string.h>

#include "report.h"
#include "xlsx.h"

/* Each plan id in order, or NULL past the end. */
static const char *
plan_at(twc_model *m, int i)
{
	char f[32];

	return twc_text(m, NULL, field(f, sizeof f, "plan:%d", i));
}

/* Finish a report: exit 1 under --strict when anything needs attention. */
static int
finish(twc_model *m, const options *o, int rc)
{
	if (rc == EXIT_OK && o->strict && count_warnings(m, o) > 0)
		rc = EXIT_ATTENTION;
	twc_close(m);
	return rc;
}

/* ---- compare --------------------------------------------------------------
 */

static const char *const compare_money[] = {
    "initial_yen", "running_yen",       "replacement_yen",
    "total_yen",   "eligible_yen",      "grant_yen",
    "net_yen",     "per_user_year_yen", "vs_jlis_yen"};

enum { N_COMPARE = sizeof compare_money / sizeof *compare_money };

static void
compare_table(FILE *f, twc_model *m, const options *o)
{
	table t;
	char a[32];
	const char *id;
	int i;
	size_t k;

	table_init(&t, N_COMPARE + 2, 0x7FEu);
	table_add(&t, "plan");
	table_add(&t, "initial");
	table_add(&t, "running");
	table_add(&t, "replacement");
	table_add(&t, "total");
	table_add(&t, "eligible");
	table_add(&t, "grant");
	table_add(&t, "net");
	table_add(&t, "¥/user/year");
	table_add(&t, "vs %s", text_of(m, NULL, "reference_plan"));
	table_add(&t, "security");
	for (i = 0; (id = plan_at(m, i)) != NULL; i++) {
		if (!plan_selected(o, id))
			continue;
		table_add(&t, "%s", id);
		for (k = 0; k < N_COMPARE; k++)
			table_add(&t, "%s",
			          fmt_yen(yen_of(m, id, compare_money[k]), a,
			                  sizeof a));
		table_add(&t, "%s", text_of(m, id, "security_fit"));
	}
	fprintf(f,
	        "Costs in yen over the horizon (grant = 特別交付税措置; net = "
	        "total - grant):\n");
	table_print(f, &t, 0);
	table_free(&t);
	fputc('\n', f);
}

static void
compare_csv(FILE *f, twc_model *m, const options *o)
{
	char a[32];
	const char *id;
	size_t k;
	int i;

	csv_bom(f);
	csv_field(f, "plan", 0);
	csv_field(f, "label", 0);
	for (k = 0; k < N_COMPARE; k++)
		csv_field(f, compare_money[k], 0);
	csv_field(f, "effective_rate", 0);
	csv_field(f, "security_fit", 1);
	for (i = 0; (id = plan_at(m, i)) != NULL; i++) {
		if (!plan_selected(o, id))
			continue;
		csv_field(f, id, 0);
		csv_field(f, text_of(m, id, "label"), 0);
		for (k = 0; k < N_COMPARE; k++) {
			snprintf(a, sizeof a, "%lld",
			         yen_of(m, id, compare_money[k]));
			csv_field(f, a, 0);
		}
		snprintf(a, sizeof a, "%.4f",
		         twc_result(m, id, "effective_rate"));
		csv_field(f, a, 0);
		csv_field(f, text_of(m, id, "security_fit"), 1);
	}
}

typedef void (*printer)(FILE *f, twc_model *m, const options *o);

/* Run a report in the chosen format through printers for table and CSV;
 * the xlsx workbook opens on `sheet`. */
static int
report(const options *o, const char *name, printer tab, printer csv,
       enum xlsx_sheet sheet)
{
	twc_model *m;
	out dst;
	int rc;

	if ((rc = open_scenario(o, &m)) != EXIT_OK)
		return rc;
	if (o->format == FORMAT_JSON)
		return finish(m, o, write_json(json_estimate(m, o), o));
	if (o->format == FORMAT_XLSX)
		return finish(m, o, write_xlsx(m, o, sheet));
	if ((rc = out_open(&dst, o->output)) != EXIT_OK)
		return finish(m, o, rc);
	if (o->format == FORMAT_CSV) {
		csv(dst.f, m, o);
	} else {
		print_scenario(dst.f, m, name);
		tab(dst.f, m, o);
		print_messages(dst.f, m, o);
	}
	return finish(m, o, out_close(&dst, 1));
}

int
cmd_compare(const options *o)
{
	return report(o, "compare", compare_table, compare_csv, XLSX_COMPARE);
}

/* ---- estimate
 * ----------------------------------------------------------------- */

static void
items_table(FILE *f, twc_model *m, const char *id)
{
	table t;
	char fl[64], a[32], b[32], c[32], d[32];
	int i, n = twc_count(m, id, "items");

	table_init(&t, 8, 0x78u);
	table_add(&t, "item");
	table_add(&t, "category");
	table_add(&t, "phase");
	table_add(&t, "quantity");
	table_add(&t, "unit ¥");
	table_add(&t, "total ¥");
	table_add(&t, "eligible ¥");
	table_add(&t, "label");
	for (i = 0; i < n; i++) {
		const char *phase =
		    text_of(m, id, field(fl, sizeof fl, "item:%d:phase", i));
		long long every =
		    yen_of(m, id, field(fl, sizeof fl, "item:%d:every", i));
		table_add(
		    &t, "%s",
		    text_of(m, id, field(fl, sizeof fl, "item:%d:id", i)));
		table_add(&t, "%s",
		          text_of(m, id,
		                  field(fl, sizeof fl, "item:%d:category", i)));
		if (every > 0)
			table_add(&t, "%s/%lldy", phase, every);
		else
			table_add(&t, "%s", phase);
		table_add(
		    &t, "%s",
		    fmt_yen(yen_of(m, id,
		                   field(fl, sizeof fl, "item:%d:quantity", i)),
		            a, sizeof a));
		table_add(
		    &t, "%s",
		    fmt_yen(yen_of(m, id,
		                   field(fl, sizeof fl, "item:%d:unit_yen", i)),
		            b, sizeof b));
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id,
		                         field(fl, sizeof fl,
		                               "item:%d:total_yen", i)),
		                  c, sizeof c));
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id,
		                         field(fl, sizeof fl,
		                               "item:%d:eligible_yen", i)),
		                  d, sizeof d));
		table_add(
		    &t, "%s",
		    text_of(m, id, field(fl, sizeof fl, "item:%d:label", i)));
	}
	table_print(f, &t, 2);
	table_free(&t);
}

static void
years_table(FILE *f, twc_model *m, const char *id)
{
	static const char *const cols[] = {"cost_yen", "eligible_yen",
	                                   "grant_yen", "net_yen"};
	table t;
	char fl[64], a[32];
	int k, n = twc_count(m, id, "years");
	size_t c;

	table_init(&t, 6, 0x3Eu);
	table_add(&t, "fiscal year");
	table_add(&t, "FY");
	table_add(&t, "cost ¥");
	table_add(&t, "eligible ¥");
	table_add(&t, "grant ¥");
	table_add(&t, "net ¥");
	for (k = 0; k < n; k++) {
		table_add(
		    &t, "%s",
		    text_of(m, id, field(fl, sizeof fl, "year:%d:label", k)));
		table_add(&t, "%lld",
		          yen_of(m, id, field(fl, sizeof fl, "year:%d:fy", k)));
		for (c = 0; c < 4; c++)
			table_add(
			    &t, "%s",
			    fmt_yen(yen_of(m, id,
			                   field(fl, sizeof fl, "year:%d:%s", k,
			                         cols[c])),
			            a, sizeof a));
	}
	table_add(&t, "total");
	table_add(&t, "%s", "");
	table_add(&t, "%s", fmt_yen(yen_of(m, id, "total_yen"), a, sizeof a));
	for (c = 1; c < 4; c++) {
		char b[32];
		table_add(&t, "%s",
		          fmt_yen(yen_of(m, id, cols[c]), b, sizeof b));
	}
	table_print(f, &t, 2);
	table_free(&t);
}

static void
estimate_table(FILE *f, twc_model *m, const options *o)
{
	const char *id;
	char a[32], b[32];
	int i;

	for (i = 0; (id = plan_at(m, i)) != NULL; i++) {
		if (!plan_selected(o, id))
			continue;
		fprintf(f, "plan %s: %s (%s)\n", id, text_of(m, id, "label"),
		        text_of(m, id, "label_en"));
		fprintf(f,
		        "  %lld users; initial ¥%s; running ¥%s a year; "
		        "effective grant rate %.2f\n",
		        yen_of(m, id, "users"),
		        fmt_yen(yen_of(m, id, "initial_yen"), a, sizeof a),
		        fmt_yen(yen_of(m, id, "annual_yen"), b, sizeof b),
		        twc_result(m, id, "effective_rate"));
		items_table(f, m, id);
		fputc('\n', f);
		years_table(f, m, id);
		fputc('\n', f);
	}
}

static void
estimate_csv(FILE *f, twc_model *m, const options *o)
{
	static const char *const texts[] = {"id", "option", "category",
	                                    "phase"};
	static const char *const nums[] = {"eligible", "quantity", "unit_yen",
	                                   "total_yen", "eligible_yen"};
	char fl[64], a[32];
	const char *id;
	int i, k, y, years = twc_count(m, NULL, "years");

	csv_bom(f);
	csv_field(f, "plan", 0);
	csv_field(f, "item", 0);
	for (k = 1; k < 4; k++)
		csv_field(f, texts[k], 0);
	for (k = 0; k < 5; k++)
		csv_field(f, nums[k], 0);
	for (y = 0; y < years; y++) {
		snprintf(
		    a, sizeof a, "FY%lld_yen",
		    yen_of(m, NULL, field(fl, sizeof fl, "year:%d:fy", y)));
		csv_field(f, a, y == years - 1);
	}
	for (i = 0; (id = plan_at(m, i)) != NULL; i++) {
		int n = twc_count(m, id, "items"), it;
		if (!plan_selected(o, id))
			continue;
		for (it = 0; it < n; it++) {
			csv_field(f, id, 0);
			for (k = 0; k < 4; k++)
				csv_field(
				    f,
				    text_of(m, id,
				            field(fl, sizeof fl, "item:%d:%s",
				                  it, texts[k])),
				    0);
			for (k = 0; k < 5; k++) {
				snprintf(
				    a, sizeof a, "%lld",
				    yen_of(m, id,
				           field(fl, sizeof fl, "item:%d:%s",
				                 it, nums[k])));
				csv_field(f, a, 0);
			}
			for (y = 0; y < years; y++) {
				snprintf(a, sizeof a, "%lld",
				         yen_of(m, id,
				                field(fl, sizeof fl,
				                      "item:%d:year:%d:yen", it,
				                      y)));
				csv_field(f, a, y == years - 1);
			}
		}
	}
}

int
cmd_estimate(const options *o)
{
	return report(o, "estimate", estimate_table, estimate_csv, XLSX_ITEMS);
}
