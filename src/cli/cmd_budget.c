/* cmd_budget.c - `twcost budget`: the fiscal-year table of a budget
 * request, in thousand yen (千円), lines by cost category.
 *
 * Each line is rounded half-up to 千円 on its own; every total is the sum
 * of the lines shown, so a displayed total always equals the sum of its
 * displayed lines.  The exact yen totals are printed beneath. */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "request.h"
#include "suggest.h"
#include "xlsx.h"

/* The figure a request asks for under uncertainty (--basis). */
enum basis { BASIS_MODE, BASIS_MEAN, BASIS_PCT };

/* A year of a plan over the draws, in yen: [0] 事業費計, [1] 実質負担額.
 * est is the estimate's (every input at its mode), at the figure at the
 * basis, contingency = at - est. */
typedef struct unc_year {
	long long est[2], p50[2], pp[2], mean[2], at[2], contingency[2];
} unc_year;

/* What budget shows: the fiscal year (0: every year), the view, the
 * mark of a negative amount, and with --draws the simulation's figures
 * per plan and year. */
typedef struct budget_opts {
	int fy, by_category;
	const char *minus;
	int draws, threads, percentile, basis, basis_pct;
	double seed;
	unc_year (*unc)[MAX_YEARS]; /* [plan][year], when draws > 0 */
} budget_opts;

/* --basis: mode, mean or pNN (1 to 99). */
static int
basis_option(const char *text, budget_opts *b)
{
	char *end;
	long k;

	if (text == NULL || strcmp(text, "mode") == 0)
		return EXIT_OK;
	if (strcmp(text, "mean") == 0) {
		b->basis = BASIS_MEAN;
		return EXIT_OK;
	}
	if ((text[0] == 'p' || text[0] == 'P') && text[1] >= '0' &&
	    text[1] <= '9') {
		k = strtol(text + 1, &end, 10);
		if (*end == '\0' && k >= 1 && k <= 99) {
			b->basis = BASIS_PCT;
			b->basis_pct = (int)k;
			return EXIT_OK;
		}
	}
	return fail(EXIT_USAGE,
	            "--basis: '%s' is not mode, mean or pNN with NN from 1 to "
	            "99 (p80)",
	            text);
}

/* --draws, --seed, --threads, --percentile and --basis. */
static int
draw_options(const options *o, budget_opts *b)
{
	double draws = 0, seed = 1, threads = 0, pct = 80;
	int rc;

	b->percentile = 80;
	b->basis = BASIS_MODE;
	if ((rc = basis_option(o->basis, b)) != EXIT_OK)
		return rc;
	if ((rc = draw_numbers(o, &draws, &seed, &threads)) != EXIT_OK ||
	    (o->percentile &&
	     (rc = flag_number("--percentile", o->percentile, 1, 99,
	                       TWC_NUMBER_WHOLE, &pct))))
		return rc;
	if (o->draws == NULL && b->basis != BASIS_MODE)
		return fail(EXIT_USAGE,
		            "--basis %s needs --draws N: the figure comes from "
		            "the simulation (--basis mode, the default, is the "
		            "estimate)",
		            o->basis);
	if (o->draws == NULL && (o->percentile || o->seed || o->threads))
		return fail(EXIT_USAGE, "--%s needs --draws N",
		            o->percentile ? "percentile"
		            : o->seed     ? "seed"
		                          : "threads");
	b->draws = (int)draws;
	b->seed = seed;
	b->threads = (int)threads;
	b->percentile = (int)pct;
	return EXIT_OK;
}

static int
budget_options(const options *o, budget_opts *b)
{
	static const char *const views[] = {"setsu", "category", NULL};

	memset(b, 0, sizeof *b);
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
	return draw_options(o, b);
}

/* A plan's figure f of year k from the simulation; *bad set when the
 * library has none. */
static long long
sim_year(twc_model *m, const char *plan, int k, const char *f, int *bad)
{
	char field[64];
	double v;

	snprintf(field, sizeof field, "sim:year:%d:%s", k, f);
	v = twc_result(m, plan, field);
	if (isnan(v)) {
		*bad = 1;
		return 0;
	}
	return llround(v);
}

/* Each shown plan's years over b->draws draws. */
static int
simulate_years(twc_model *m, const view *v, budget_opts *b)
{
	static const char *const what[2] = {"cost", "real_burden"};
	char f[32];
	int i, k, w, bad = 0;

	if (b->draws == 0)
		return EXIT_OK;
	if (twc_simulate(m, b->draws, b->seed, b->threads) != TWC_OK)
		return fail(EXIT_USAGE, "%s", twc_last_error(m));
	b->unc = calloc((size_t)v->n_plans + 1, sizeof *b->unc);
	if (b->unc == NULL)
		return fail(EXIT_FAILURE, "out of memory");
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		for (k = 0; k < v->years && k < MAX_YEARS; k++) {
			unc_year *u = &b->unc[i][k];
			u->est[0] = p->years[k].request_cost;
			u->est[1] = p->years[k].real_burden;
			for (w = 0; w < 2; w++) {
				snprintf(f, sizeof f, "%s:50", what[w]);
				u->p50[w] = sim_year(m, p->id, k, f, &bad);
				snprintf(f, sizeof f, "%s:%d", what[w],
				         b->percentile);
				u->pp[w] = sim_year(m, p->id, k, f, &bad);
				snprintf(f, sizeof f, "%s_mean_yen", what[w]);
				u->mean[w] = sim_year(m, p->id, k, f, &bad);
				snprintf(f, sizeof f, "%s:%d", what[w],
				         b->basis_pct);
				u->at[w] = b->basis == BASIS_MEAN ? u->mean[w]
				           : b->basis == BASIS_PCT
				               ? sim_year(m, p->id, k, f, &bad)
				               : u->est[w];
				u->contingency[w] = u->at[w] - u->est[w];
			}
		}
	}
	if (bad)
		return fail(EXIT_FAILURE, "%s", twc_last_error(m));
	return EXIT_OK;
}

/* The basis as the reader says it: "mode", "mean", "P80". */
static const char *
basis_name(const budget_opts *b, char *buf, size_t n)
{
	if (b->basis == BASIS_MEAN)
		return _("mean");
	if (b->basis == BASIS_MODE)
		return _("mode");
	snprintf(buf, n, "P%d", b->basis_pct);
	return buf;
}

/* The basis as JSON and CSV name it: mode, mean, p80. */
static const char *
basis_key(const budget_opts *b, char *buf, size_t n)
{
	if (b->basis == BASIS_PCT) {
		snprintf(buf, n, "p%d", b->basis_pct);
		return buf;
	}
	return b->basis == BASIS_MEAN ? "mean" : "mode";
}

/* A figure over the draws as shown in 千円: the request's figure (the sum
 * of its lines) plus the figure's difference from the estimate, rounded
 * half-up once - so that with nothing uncertain every figure is the
 * request's, and estimate + contingency is the figure at the basis. */
static long long
shown(long long est_thousand, long long est_yen, long long yen)
{
	return est_thousand + to_thousands(yen - est_yen);
}

/* After a plan's request: each year's 事業費計 and 実質負担額 at the
 * estimate, P50 and P(percentile), and with --basis mean or pNN the
 * contingency and the figure to request. */
static void
uncertainty_table(FILE *f, const view *v, const vplan *p, int pi,
                  const budget_opts *b)
{
	static const char *const names[2] = {N_("  total cost"),
	                                     N_("  real burden")};
	char title[512], a[40], fy[32], bn[16];
	int k, w, i, extra = b->basis != BASIS_MODE, cols = extra ? 6 : 4;
	table t;

	snprintf(title, sizeof title,
	         _("Plan %s under uncertainty: %d draws, seed %.0f (thousand "
	           "yen)"),
	         p->id, b->draws, b->seed);
	print_wrapped(f, "", "  ", title);
	table_init(&t, cols, extra ? 0x3eu : 0xeu);
	table_add(&t, "%s", _("fiscal year"));
	table_add(&t, "%s", _("estimate"));
	table_add(&t, "P50");
	table_add(&t, "P%d", b->percentile);
	if (extra) {
		table_add(&t, "%s", _("contingency"));
		table_add(&t, _("request (%s)"), basis_name(b, bn, sizeof bn));
	}
	t.rule_after = 1;
	for (k = 0; k < v->years && k < MAX_YEARS; k++) {
		const unc_year *u = &b->unc[pi][k];
		rq_year q;
		long long est_k[2];
		if (b->fy != 0 && p->years[k].fy != b->fy)
			continue;
		request_year(p, k, &q);
		est_k[0] = q.cost;
		est_k[1] = q.real;
		table_add(
		    &t, "%s",
		    fy_text(p->years[k].fy, p->years[k].label, fy, sizeof fy));
		for (i = 1; i < cols; i++)
			table_add(&t, "%s", "");
		for (w = 0; w < 2; w++) {
			long long c = to_thousands(u->contingency[w]);
			table_add(&t, "%s", _(names[w]));
			table_add(&t, "%s",
			          fmt_kilo(est_k[w], b->minus, a, sizeof a));
			table_add(
			    &t, "%s",
			    fmt_kilo(shown(est_k[w], u->est[w], u->p50[w]),
			             b->minus, a, sizeof a));
			table_add(&t, "%s",
			          fmt_kilo(shown(est_k[w], u->est[w], u->pp[w]),
			                   b->minus, a, sizeof a));
			if (extra) {
				table_add(&t, "%s",
				          fmt_kilo(c, b->minus, a, sizeof a));
				table_add(&t, "%s",
				          fmt_kilo(est_k[w] + c, b->minus, a,
				                   sizeof a));
			}
		}
	}
	table_print(f, &t, 2);
	table_free(&t);
	snprintf(title, sizeof title,
	         _("The estimate uses the mode of each price range (最頻値): "
	           "its lines are quantity x unit price at the mode. P50 and "
	           "P%d are of the draws, shown as the estimate plus their "
	           "difference from it, rounded to thousand yen once."),
	         b->percentile);
	print_wrapped(f, "  ", "    ", title);
	if (extra) {
		snprintf(title, sizeof title,
		         _("Figure to request: the %s of the draws. The lines "
		           "stay the estimate; the contingency (予備) is the "
		           "difference, so estimate + contingency = the figure "
		           "to request."),
		         basis_name(b, bn, sizeof bn));
		print_wrapped(f, "  ", "    ", title);
	}
	fputc('\n', f);
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
		if (b->unc != NULL)
			uncertainty_table(f, v, &v->plans[i], i, b);
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
unc_csv_row(FILE *f, const vplan *p, long long fy, const char *kind,
            const char *label, long long yen, long long thousand)
{
	char a[32];

	csv_field(f, p->id, 0);
	snprintf(a, sizeof a, "%lld", fy);
	csv_field(f, a, 0);
	csv_field(f, kind, 0);
	csv_field(f, "", 0);
	csv_field(f, label, 0);
	csv_field(f, "", 0);
	snprintf(a, sizeof a, "%lld", yen);
	csv_field(f, a, 0);
	snprintf(a, sizeof a, "%lld", thousand);
	csv_field(f, a, 1);
}

/* The request's CSV rows over the draws, after the plan's: per year and
 * figure (cost, real_burden) its P50, P(percentile) and, with --basis
 * mean or pNN, the contingency and the figure to request; kinds such as
 * cost_p50, cost_p80, cost_contingency, cost_request. */
static void
uncertainty_csv(FILE *f, const view *v, const vplan *p, int pi,
                const budget_opts *b)
{
	static const char *const pre[2] = {"cost", "real_burden"};
	static const char *const ja[2] = {"事業費計", "実質負担額（参考）"};
	char kind[64], label[128], bk[16];
	int k, w;

	for (k = 0; k < v->years && k < MAX_YEARS; k++) {
		const unc_year *u = &b->unc[pi][k];
		long long fy = p->years[k].fy, est_k[2], c;
		rq_year q;
		if (b->fy != 0 && fy != b->fy)
			continue;
		request_year(p, k, &q);
		est_k[0] = q.cost;
		est_k[1] = q.real;
		for (w = 0; w < 2; w++) {
			snprintf(kind, sizeof kind, "%s_p50", pre[w]);
			snprintf(label, sizeof label, "%s P50", ja[w]);
			unc_csv_row(f, p, fy, kind, label, u->p50[w],
			            shown(est_k[w], u->est[w], u->p50[w]));
			snprintf(kind, sizeof kind, "%s_p%d", pre[w],
			         b->percentile);
			snprintf(label, sizeof label, "%s P%d", ja[w],
			         b->percentile);
			unc_csv_row(f, p, fy, kind, label, u->pp[w],
			            shown(est_k[w], u->est[w], u->pp[w]));
			if (b->basis == BASIS_MODE)
				continue;
			c = to_thousands(u->contingency[w]);
			snprintf(kind, sizeof kind, "%s_contingency", pre[w]);
			snprintf(label, sizeof label, "%s 予備（%s）", ja[w],
			         basis_key(b, bk, sizeof bk));
			unc_csv_row(f, p, fy, kind, label, u->contingency[w],
			            c);
			snprintf(kind, sizeof kind, "%s_request", pre[w]);
			snprintf(label, sizeof label, "%s 要求額（%s）", ja[w],
			         basis_key(b, bk, sizeof bk));
			unc_csv_row(f, p, fy, kind, label, u->at[w],
			            est_k[w] + c);
		}
	}
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
		if (v->plans[i].selected) {
			request_csv(f, v, &v->plans[i], b->fy);
			if (b->unc != NULL)
				uncertainty_csv(f, v, &v->plans[i], i, b);
		}
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

/* request.uncertainty of plan pi: the run, and per year each figure in
 * yen and as shown in 千円 (estimate + contingency = request). */
static json_t *
uncertainty_json(const view *v, const vplan *p, int pi, const budget_opts *b)
{
	static const char *const pre[2] = {"cost", "real_burden"};
	json_t *o = json_object(), *years = json_array();
	char key[64], bk[16];
	int k, w;

	json_object_set_new(o, "draws", json_integer(b->draws));
	json_object_set_new(o, "seed", json_integer((json_int_t)b->seed));
	json_object_set_new(o, "percentile", json_integer(b->percentile));
	json_object_set_new(o, "basis",
	                    json_string(basis_key(b, bk, sizeof bk)));
	json_object_set_new(o, "estimate_basis", json_string("mode"));
	for (k = 0; k < v->years && k < MAX_YEARS; k++) {
		const unc_year *u = &b->unc[pi][k];
		json_t *y;
		rq_year q;
		long long est_k[2];
		if (b->fy != 0 && p->years[k].fy != b->fy)
			continue;
		request_year(p, k, &q);
		est_k[0] = q.cost;
		est_k[1] = q.real;
		y = json_object();
		json_object_set_new(y, "fy", json_integer(p->years[k].fy));
		for (w = 0; w < 2; w++) {
			long long c = to_thousands(u->contingency[w]);
#define SET(name, value)                                                       \
	do {                                                                   \
		snprintf(key, sizeof key, "%s_%s", pre[w], name);              \
		json_object_set_new(y, key, json_integer(value));              \
	} while (0)
			SET("estimate_yen", u->est[w]);
			SET("p50_yen", u->p50[w]);
			SET("p_yen", u->pp[w]);
			SET("mean_yen", u->mean[w]);
			SET("basis_yen", u->at[w]);
			SET("contingency_yen", u->contingency[w]);
			SET("estimate_thousand_yen", est_k[w]);
			SET("p50_thousand_yen",
			    shown(est_k[w], u->est[w], u->p50[w]));
			SET("p_thousand_yen",
			    shown(est_k[w], u->est[w], u->pp[w]));
			SET("contingency_thousand_yen", c);
			SET("request_thousand_yen", est_k[w] + c);
#undef SET
		}
		json_array_append_new(years, y);
	}
	json_object_set_new(o, "years", years);
	return o;
}

static json_t *
budget_json(const view *v, const budget_opts *b)
{
	json_t *root = json_estimate(v), *plans = json_array();
	json_t *plans_shown = json_object_get(root, "plans");
	size_t n = 0;
	int i;

	for (i = 0; i < v->n_plans; i++) {
		if (!v->plans[i].selected)
			continue;
		json_array_append_new(plans, budget_json_plan(v, &v->plans[i]));
		json_t *rq = request_json(v, &v->plans[i], b->fy);
		if (b->unc != NULL)
			json_object_set_new(
			    rq, "uncertainty",
			    uncertainty_json(v, &v->plans[i], i, b));
		json_object_set_new(json_array_get(plans_shown, n++), "request",
		                    rq);
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
	if (rc == EXIT_OK && (rc = simulate_years(m, &v, &b)) != EXIT_OK)
		view_free(&v);
	twc_close(m);
	if (rc != EXIT_OK) {
		free(b.unc);
		return rc;
	}
	if ((rc = funding_fits(&v)) == EXIT_OK)
		rc = budget_write(o, &v, &b);
	rc = strict_code(&v, o, rc);
	view_free(&v);
	free(b.unc);
	return rc;
}
