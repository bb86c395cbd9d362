/* request.c - the budget request of a plan: grouping by 節, rounding to
 * 千円 line by line, and the table, CSV and JSON of it. */
#include <config.h>

#include "request.h"

#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "report.h"

static const char *const fund_names[VFUNDS] = {"国庫支出金", "都道府県支出金",
                                               "地方債", "その他特定財源"};
/* The same in a table, as the reader says them. */
static const char *const fund_labels[VFUNDS] = {
    N_("  funding: national treasury"), N_("  funding: prefecture"),
    N_("  funding: local bonds"), N_("  funding: other specific sources")};
static const char *const fund_keys[VFUNDS] = {"national_yen", "prefectural_yen",
                                              "bond_yen", "other_yen"};

char *
fmt_kilo(long long thousand, const char *minus, char *buf, size_t n)
{
	char digits[32];

	fmt_yen(thousand < 0 ? -thousand : thousand, digits, sizeof digits);
	snprintf(buf, n, "%s%s", thousand < 0 ? minus : "", digits);
	return buf;
}

void
request_year(const vplan *p, int k, rq_year *q)
{
	const vyear *y = &p->years[k];
	int i, f;

	memset(q, 0, sizeof *q);
	q->y = y;
	for (i = 0; i < p->n_lines; i++) {
		const vline *l = &p->lines[i];
		rq_setsu *s = q->n_setsu ? &q->setsu[q->n_setsu - 1] : NULL;
		if (l->year != k)
			continue;
		if (s == NULL || s->code != l->setsu) {
			if (q->n_setsu == REQUEST_MAX_SETSU)
				break;
			s = &q->setsu[q->n_setsu++];
			s->code = l->setsu;
			s->name = l->setsu_name;
			s->first = i;
		}
		s->n++;
		s->yen += l->yen;
		s->thousand += to_thousands(l->yen);
	}
	for (i = 0; i < q->n_setsu; i++)
		q->cost += q->setsu[i].thousand;
	q->general = q->cost;
	for (f = 0; f < VFUNDS; f++) {
		q->funding[f] = to_thousands(y->funding[f]);
		q->general -= q->funding[f];
	}
	q->grant = to_thousands(y->grant);
	q->real = q->general - q->grant;
	q->staff_time = to_thousands(y->staff_time);
	q->grant_strict = to_thousands(y->grant_strict);
	q->grant_generous = to_thousands(y->grant_generous);
}

/* ---- the table ----------------------------------------------------------- */

static void
row(table *t, const char *label, long long thousand, const char *basis,
    const char *minus)
{
	char a[40];

	table_add(t, "%s", label);
	table_add(t, "%s", fmt_kilo(thousand, minus, a, sizeof a));
	table_add(t, "%s", basis);
}

/* The 積算基礎 without the item's name, which the line shows already:
 * 「8,000円×16台」, "¥8,000 × 16". */
static const char *
calculation(const vline *l)
{
	const char *label = pick(l->label, l->label_en);
	const char *basis = pick(l->basis, l->basis_en);
	size_t n = strlen(label);

	if (strncmp(basis, label, n) == 0) {
		basis += n;
		basis += strspn(basis, ": ");
	}
	return basis;
}

static void
setsu_rows(table *t, const vplan *p, const rq_setsu *s, const char *minus)
{
	char label[160];
	const char *saisetsu = NULL;
	int i;

	snprintf(label, sizeof label, "%lld %s", s->code, s->name);
	row(t, label, s->thousand, "", minus);
	for (i = s->first; i < s->first + s->n; i++) {
		const vline *l = &p->lines[i];
		if (l->saisetsu[0] != '\0' &&
		    (saisetsu == NULL || strcmp(saisetsu, l->saisetsu) != 0)) {
			long long sub = 0;
			int j;
			for (j = i;
			     j < s->first + s->n &&
			     strcmp(p->lines[j].saisetsu, l->saisetsu) == 0;
			     j++)
				sub += to_thousands(p->lines[j].yen);
			snprintf(label, sizeof label, "    %s", l->saisetsu);
			row(t, label, sub, "", minus);
		}
		saisetsu = l->saisetsu;
		snprintf(label, sizeof label, "%s%s",
		         l->saisetsu[0] ? "      " : "    ",
		         pick(l->label, l->label_en));
		row(t, label, to_thousands(l->yen), calculation(l), minus);
	}
}

static void
year_footer(table *t, const rq_year *q, const char *minus)
{
	char basis[160], a[40], b[40];
	int f;

	row(t, _("total cost"), q->cost, "", minus);
	for (f = 0; f < VFUNDS; f++)
		row(t, _(fund_labels[f]), q->funding[f], "", minus);
	row(t, _("  funding: general revenue"), q->general,
	    _("total cost - specific sources"), minus);
	basis[0] = '\0';
	if (q->grant_strict != q->grant_generous)
		snprintf(basis, sizeof basis, _("%s to %s by the reading"),
		         fmt_kilo(q->grant_strict, minus, a, sizeof a),
		         fmt_kilo(q->grant_generous, minus, b, sizeof b));
	row(t, _("expected special allocation tax (reference)"), q->grant,
	    basis, minus);
	row(t, _("real burden (reference)"), q->real,
	    _("general revenue - expected special allocation tax"), minus);
	if (q->staff_time != 0)
		row(t, _("reference: own staff time"), q->staff_time,
		    _("not in the total cost (the entity's own staff)"), minus);
}

static void
year_table(FILE *f, const vplan *p, int k, const char *minus)
{
	rq_year q;
	table t;
	char title[256], fy[32];
	int i;

	request_year(p, k, &q);
	snprintf(title, sizeof title,
	         _("Budget request for %s, plan %s (thousand yen)"),
	         fy_text(q.y->fy, q.y->label, fy, sizeof fy), p->id);
	print_wrapped(f, "", "  ", title);
	table_init(&t, 3, 0x2u);
	table_add(&t, "%s", _("section, subsection, item"));
	table_add(&t, "%s", _("estimate"));
	table_add(&t, "%s", _("basis"));
	for (i = 0; i < q.n_setsu; i++)
		setsu_rows(&t, p, &q.setsu[i], minus);
	t.rule_after = t.n / 3;
	year_footer(&t, &q, minus);
	table_print(f, &t, 2);
	table_free(&t);
	fputc('\n', f);
}

const char *
period_en(const vdebt *d, char *buf, size_t n)
{
	snprintf(buf, n, "FY%lld to FY%lld", d->from_fy, d->to_fy);
	return buf;
}

/* A fiscal year of the horizon as the reader says it. */
static const char *
year_text(const view *v, const vplan *p, long long fy, char *buf, size_t n)
{
	const char *era = NULL;
	int k;

	for (k = 0; k < v->years; k++)
		if (p->years[k].fy == fy)
			era = p->years[k].label;
	if (era == NULL || !cli_ja()) {
		snprintf(buf, n, "FY%lld", fy);
		return buf;
	}
	return era;
}

static void
debt_table(FILE *f, const view *v, const vplan *p, int fy, const char *minus)
{
	table t;
	char a[40], b[40], c[64];
	int i, shown = 0;

	table_init(&t, 4, 0x8u);
	table_add(&t, "%s", _("multi-year commitment: item"));
	table_add(&t, "%s", _("voted in"));
	table_add(&t, "%s", _("period"));
	table_add(&t, "%s", _("limit (thousand yen)"));
	for (i = 0; i < p->n_debts; i++) {
		const vdebt *d = &p->debts[i];
		if (fy != 0 && d->contract_fy != fy)
			continue;
		table_add(&t, "%s", pick(d->label, d->label_en));
		table_add(&t, "%s",
		          year_text(v, p, d->contract_fy, b, sizeof b));
		table_add(&t, "%s",
		          cli_ja() ? d->period : period_en(d, c, sizeof c));
		table_add(&t, "%s",
		          fmt_kilo(to_thousands(d->limit), minus, a, sizeof a));
		shown++;
	}
	if (shown > 0) {
		table_print(f, &t, 2);
		fputc('\n', f);
	}
	table_free(&t);
}

void
request_table(FILE *f, const view *v, const vplan *p, int fy, const char *minus)
{
	char title[512];
	int k, any = 0;

	snprintf(title, sizeof title, _("plan %s: %s"), p->id,
	         pick(p->label, p->label_en));
	print_wrapped(f, "", "  ", title);
	for (k = 0; k < v->years; k++)
		if (fy == 0 || p->years[k].fy == fy) {
			year_table(f, p, k, minus);
			any = 1;
		}
	if (!any)
		fprintf(f, _("  FY%d is not in the horizon.\n\n"), fy);
	debt_table(f, v, p, fy, minus);
}

/* ---- CSV --------------------------------------------------------------- */

static void
csv_row(FILE *f, const vplan *p, const vyear *y, const char *kind,
        long long setsu, const char *label, const char *basis, long long yen,
        long long thousand)
{
	char a[32];

	csv_field(f, p->id, 0);
	snprintf(a, sizeof a, "%lld", y->fy);
	csv_field(f, a, 0);
	csv_field(f, kind, 0);
	snprintf(a, sizeof a, "%lld", setsu);
	csv_field(f, setsu ? a : "", 0);
	csv_field(f, label, 0);
	csv_field(f, basis, 0);
	snprintf(a, sizeof a, "%lld", yen);
	csv_field(f, a, 0);
	snprintf(a, sizeof a, "%lld", thousand);
	csv_field(f, a, 1);
}

static void
csv_year(FILE *f, const vplan *p, int k)
{
	rq_year q;
	int i, j;

	request_year(p, k, &q);
	for (i = 0; i < q.n_setsu; i++) {
		const rq_setsu *s = &q.setsu[i];
		csv_row(f, p, q.y, "setsu", s->code, s->name, "", s->yen,
		        s->thousand);
		for (j = s->first; j < s->first + s->n; j++)
			csv_row(f, p, q.y, "line", s->code, p->lines[j].label,
			        p->lines[j].basis, p->lines[j].yen,
			        to_thousands(p->lines[j].yen));
	}
	csv_row(f, p, q.y, "cost", 0, "事業費計", "", q.y->request_cost,
	        q.cost);
	for (i = 0; i < VFUNDS; i++)
		csv_row(f, p, q.y, "funding", 0, fund_names[i], "",
		        q.y->funding[i], q.funding[i]);
	csv_row(f, p, q.y, "general", 0, "一般財源", "", q.y->general,
	        q.general);
	csv_row(f, p, q.y, "grant_memo", 0, "特別交付税措置見込額（参考）", "",
	        q.y->grant, q.grant);
	csv_row(f, p, q.y, "real_burden", 0, "実質負担額（参考）", "",
	        q.y->real_burden, q.real);
	csv_row(f, p, q.y, "staff_time", 0, "参考：職員の作業時間", "",
	        q.y->staff_time, q.staff_time);
}

void
request_csv(FILE *f, const view *v, const vplan *p, int fy)
{
	int k;

	for (k = 0; k < v->years; k++)
		if (fy == 0 || p->years[k].fy == fy)
			csv_year(f, p, k);
}

/* ---- JSON -------------------------------------------------------------- */

static json_t *
lines_json(const vplan *p, const rq_setsu *s)
{
	json_t *a = json_array();
	int j;

	for (j = s->first; j < s->first + s->n; j++) {
		const vline *l = &p->lines[j];
		json_t *o = json_object();
		json_object_set_new(o, "item", json_string(l->item));
		json_object_set_new(o, "label", json_string(l->label));
		json_object_set_new(o, "label_en", json_string(l->label_en));
		json_object_set_new(o, "saisetsu", json_string(l->saisetsu));
		json_object_set_new(o, "basis", json_string(l->basis));
		json_object_set_new(o, "basis_en", json_string(l->basis_en));
		json_object_set_new(o, "yen", json_integer(l->yen));
		json_object_set_new(o, "thousand_yen",
		                    json_integer(to_thousands(l->yen)));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *
funding_json(const rq_year *q)
{
	json_t *o = json_object(), *k = json_object();
	int f;

	for (f = 0; f < VFUNDS; f++) {
		json_object_set_new(o, fund_keys[f],
		                    json_integer(q->y->funding[f]));
		json_object_set_new(k, fund_keys[f],
		                    json_integer(q->funding[f]));
	}
	json_object_set_new(o, "general_yen", json_integer(q->y->general));
	json_object_set_new(k, "general_yen", json_integer(q->general));
	json_object_set_new(o, "thousand", k);
	return o;
}

static json_t *
year_json(const vplan *p, int k)
{
	rq_year q;
	json_t *o = json_object(), *setsu = json_array(), *ref = json_object();
	char fy[32];
	int i;

	request_year(p, k, &q);
	json_object_set_new(o, "fy", json_integer(q.y->fy));
	json_object_set_new(o, "label", json_string(q.y->label));
	snprintf(fy, sizeof fy, "FY%lld", q.y->fy);
	json_object_set_new(o, "label_en", json_string(fy));
	for (i = 0; i < q.n_setsu; i++) {
		json_t *s = json_object();
		json_object_set_new(s, "code", json_integer(q.setsu[i].code));
		json_object_set_new(s, "name", json_string(q.setsu[i].name));
		json_object_set_new(s, "yen", json_integer(q.setsu[i].yen));
		json_object_set_new(s, "thousand_yen",
		                    json_integer(q.setsu[i].thousand));
		json_object_set_new(s, "lines", lines_json(p, &q.setsu[i]));
		json_array_append_new(setsu, s);
	}
	json_object_set_new(o, "setsu", setsu);
	json_object_set_new(o, "cost_yen", json_integer(q.y->request_cost));
	json_object_set_new(o, "cost_thousand_yen", json_integer(q.cost));
	json_object_set_new(o, "funding", funding_json(&q));
	json_object_set_new(o, "grant_memo_yen", json_integer(q.y->grant));
	json_object_set_new(o, "grant_memo_thousand_yen",
	                    json_integer(q.grant));
	json_object_set_new(o, "grant_strict_yen",
	                    json_integer(q.y->grant_strict));
	json_object_set_new(o, "grant_strict_thousand_yen",
	                    json_integer(q.grant_strict));
	json_object_set_new(o, "grant_generous_yen",
	                    json_integer(q.y->grant_generous));
	json_object_set_new(o, "grant_generous_thousand_yen",
	                    json_integer(q.grant_generous));
	json_object_set_new(o, "deducted_yen", json_integer(q.y->deducted));
	json_object_set_new(o, "real_burden_yen",
	                    json_integer(q.y->real_burden));
	/* 一般財源 less the grant as the table shows them (千円), not the
	 * yen figure rounded: the lines add up. */
	json_object_set_new(o, "real_burden_thousand_yen",
	                    json_integer(q.real));
	json_object_set_new(ref, "staff_time_yen",
	                    json_integer(q.y->staff_time));
	json_object_set_new(ref, "staff_time_thousand_yen",
	                    json_integer(q.staff_time));
	json_object_set_new(o, "reference", ref);
	json_object_set_new(o, "months", json_integer(q.y->months));
	return o;
}

static json_t *
debts_json(const vplan *p, int fy)
{
	json_t *a = json_array();
	char period[64];
	int i;

	for (i = 0; i < p->n_debts; i++) {
		const vdebt *d = &p->debts[i];
		json_t *o;
		if (fy != 0 && d->contract_fy != fy)
			continue;
		o = json_object();
		json_object_set_new(o, "item", json_string(d->item));
		json_object_set_new(o, "label", json_string(d->label));
		json_object_set_new(o, "label_en", json_string(d->label_en));
		json_object_set_new(o, "contract_fy",
		                    json_integer(d->contract_fy));
		json_object_set_new(o, "from_fy", json_integer(d->from_fy));
		json_object_set_new(o, "to_fy", json_integer(d->to_fy));
		json_object_set_new(o, "limit_yen", json_integer(d->limit));
		json_object_set_new(o, "limit_thousand_yen",
		                    json_integer(to_thousands(d->limit)));
		json_object_set_new(o, "period", json_string(d->period));
		json_object_set_new(
		    o, "period_en",
		    json_string(period_en(d, period, sizeof period)));
		json_array_append_new(a, o);
	}
	return a;
}

json_t *
request_json(const view *v, const vplan *p, int fy)
{
	json_t *o = json_object(), *years = json_array(), *r = json_object();
	int k;

	json_object_set_new(r, "later_initial_spending",
	                    json_string(v->later_initial_spending));
	json_object_set_new(r, "lease_payments",
	                    json_string(v->lease_payments));
	for (k = 0; k < v->years; k++)
		if (fy == 0 || p->years[k].fy == fy)
			json_array_append_new(years, year_json(p, k));
	json_object_set_new(o, "reading", r);
	json_object_set_new(o, "years", years);
	json_object_set_new(o, "debt_burden", debts_json(p, fy));
	return o;
}
