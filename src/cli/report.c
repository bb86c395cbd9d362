/* report.c - the estimate as JSON, the header and messages of a table
 * report, and the budget table, all from a view. */
#include <config.h>

#include "report.h"

#include <math.h>
#include <string.h>

json_t *
json_real_or_null(double x)
{
	return isnan(x) ? json_null() : json_real(x);
}

static json_t *
json_texts(const vmsgs *l)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < l->n; i++)
		json_array_append_new(a, json_string(l->text[i]));
	return a;
}

static json_t *
json_style(const view *v, int st)
{
	const vstyle *s = &v->style[st];
	json_t *o = json_object();

	json_object_set_new(o, "share", json_real(s->share));
	json_object_set_new(o, "days", json_real(s->days));
	json_object_set_new(o, "users", json_integer(s->users));
	json_object_set_new(o, "concurrent", json_integer(s->concurrent));
	json_object_set_new(o, "segment", json_string(s->segment));
	json_object_set_new(o, "rollout", json_string(v->rollout[st]));
	if (st == 1) {
		json_object_set_new(o, "sites", json_integer(v->sites));
		json_object_set_new(o, "reuse", json_integer(v->reuse));
	}
	return o;
}

static void
set_text(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, json_string(s));
}

static void
set_int(json_t *o, const char *key, long long i)
{
	json_object_set_new(o, key, json_integer(i));
}

static void
set_real(json_t *o, const char *key, double x)
{
	json_object_set_new(o, key, json_real_or_null(x));
}

static void
set_bool(json_t *o, const char *key, int b)
{
	json_object_set_new(o, key, json_boolean(b));
}

static json_t *
json_scenario(const view *v)
{
	json_t *o = json_object();

	set_text(o, "name", v->name);
	set_text(o, "kind", v->kind);
	set_text(o, "profile", v->profile);
	set_text(o, "catalog", v->catalog);
	set_text(o, "grant", v->grant);
	set_text(o, "start", v->start);
	set_text(o, "start_label", v->start_label);
	set_text(o, "end_label", v->end_label);
	set_text(o, "reference_plan", v->reference_plan);
	set_text(o, "sizing", v->sizing);
	set_int(o, "staff", v->staff);
	set_int(o, "start_fy", v->start_fy);
	set_int(o, "end_fy", v->end_fy);
	set_int(o, "years", v->years);
	set_int(o, "users", v->users);
	set_int(o, "deadline_fy", v->deadline_fy);
	set_int(o, "satellite_sites", v->sites);
	set_int(o, "satellite_reuse", v->reuse);
	set_int(o, "jlis_free_until", v->jlis_free_until);
	set_int(o, "jlis_fee_yen", v->jlis_fee_yen);
	set_real(o, "fiscal_index", v->fiscal_index);
	set_real(o, "fiscal_index_rounded", v->fiscal_index_rounded);
	set_real(o, "m", v->m);
	set_real(o, "rate", v->rate);
	set_real(o, "effective_rate", v->effective_rate);
	set_real(o, "peak", v->peak);
	set_real(o, "lent_share", v->lent_share);
	set_real(o, "office_pc_share", v->office_pc_share);
	set_bool(o, "recipient", v->recipient);
	set_bool(o, "grant_override", v->grant_override);
	set_bool(o, "sensitive_data", v->sensitive_data);
	set_bool(o, "grant_applies", v->grant_applies);
	set_text(o, "later_initial_spending", v->later_initial_spending);
	set_text(o, "lease_payments", v->lease_payments);
	set_text(o, "go_live", v->go_live);
	set_text(o, "funding", v->funding);
	set_text(o, "setsu", v->setsu);
	json_object_set_new(o, "home", json_style(v, 0));
	json_object_set_new(o, "satellite", json_style(v, 1));
	json_object_set_new(o, "mobile", json_style(v, 2));
	return o;
}

static json_t *
json_year(const vyear *y)
{
	json_t *o = json_object();

	set_int(o, "fy", y->fy);
	set_text(o, "label", y->label);
	set_int(o, "cost_yen", y->cost);
	set_int(o, "eligible_yen", y->eligible);
	set_int(o, "grant_yen", y->grant);
	set_int(o, "net_yen", y->net);
	set_int(o, "initial_yen", y->initial);
	set_int(o, "running_yen", y->running);
	set_int(o, "replacement_yen", y->replacement);
	set_int(o, "grant_strict_yen", y->grant_strict);
	set_int(o, "grant_generous_yen", y->grant_generous);
	set_int(o, "funding_yen", y->funding_total);
	set_int(o, "deducted_yen", y->deducted);
	set_int(o, "staff_time_yen", y->staff_time);
	set_int(o, "months", y->months);
	return o;
}

static json_t *
json_item(const vitem *it, int years)
{
	json_t *o = json_object(), *per = json_array();
	int k;

	set_text(o, "id", it->id);
	set_text(o, "option", it->option);
	set_text(o, "category", it->category);
	set_text(o, "phase", it->phase);
	set_text(o, "driver", it->driver);
	set_text(o, "label", it->label);
	set_text(o, "label_en", it->label_en);
	json_object_set_new(
	    o, "source", it->source[0] ? json_string(it->source) : json_null());
	set_int(o, "quantity", it->quantity);
	set_int(o, "unit_yen", it->unit_yen);
	set_int(o, "total_yen", it->total);
	set_int(o, "eligible_yen", it->eligible);
	set_int(o, "every", it->every);
	set_bool(o, "eligible", it->is_eligible);
	for (k = 0; k < years; k++)
		json_array_append_new(per, json_integer(it->years[k]));
	json_object_set_new(o, "years_yen", per);
	return o;
}

static void
json_plan_money(json_t *o, const vplan *p)
{
	set_int(o, "initial_yen", p->initial);
	set_int(o, "annual_yen", p->annual);
	set_int(o, "running_yen", p->running);
	set_int(o, "replacement_yen", p->replacement);
	set_int(o, "total_yen", p->total);
	set_int(o, "eligible_yen", p->eligible);
	set_int(o, "grant_yen", p->grant);
	set_int(o, "net_yen", p->net);
	set_int(o, "per_user_year_yen", p->per_user_year);
	set_int(o, "vs_jlis_yen", p->vs_reference);
	set_int(o, "users", p->users);
	set_int(o, "concurrent", p->concurrent);
	set_int(o, "grant_strict_yen", p->grant_strict);
	set_int(o, "grant_generous_yen", p->grant_generous);
	set_int(o, "funding_yen", p->funding);
	set_int(o, "deducted_yen", p->deducted);
	set_int(o, "staff_time_yen", p->staff_time);
	set_int(o, "request_cost_yen", p->request_cost);
	set_int(o, "real_burden_yen", p->real_burden);
}

static json_t *
json_plan(const view *v, const vplan *p)
{
	json_t *o = json_object(), *years = json_array(), *items = json_array();
	int k;

	set_text(o, "id", p->id);
	set_text(o, "label", p->label);
	set_text(o, "label_en", p->label_en);
	json_plan_money(o, p);
	set_real(o, "effective_rate", p->effective_rate);
	set_text(o, "security_fit", p->security_fit);
	set_bool(o, "reference", p->is_reference);
	json_object_set_new(
	    o, "flip_fy", p->flip_fy ? json_integer(p->flip_fy) : json_null());
	for (k = 0; k < v->years; k++)
		json_array_append_new(years, json_year(&p->years[k]));
	json_object_set_new(o, "years", years);
	for (k = 0; k < p->n_items; k++)
		json_array_append_new(items,
		                      json_item(&p->items[k], (int)v->years));
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "warnings", json_texts(&p->warnings));
	json_object_set_new(o, "notes", json_texts(&p->notes));
	return o;
}

json_t *
json_estimate(const view *v)
{
	json_t *root = json_object(), *plans = json_array();
	int i;

	set_text(root, "version", twc_version());
	json_object_set_new(root, "scenario", json_scenario(v));
	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			json_array_append_new(plans,
			                      json_plan(v, &v->plans[i]));
	json_object_set_new(root, "plans", plans);
	json_object_set_new(root, "warnings", json_texts(&v->warnings));
	json_object_set_new(root, "notes", json_texts(&v->notes));
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

int
strict_code(const view *v, const options *o, int rc)
{
	if (rc == EXIT_OK && o->strict && view_warnings(v) > 0)
		return EXIT_ATTENTION;
	return rc;
}

/* ---- table headers and messages ------------------------------------------
 */

/* A phased introduction and other funding, when the scenario has them. */
static void
print_phasing(FILE *f, const view *v)
{
	int st;

	for (st = 0; st < 3; st++)
		if (v->rollout[st][0] != '\0')
			fprintf(f, "  %s rollout: %s\n", v->style[st].name,
			        v->rollout[st]);
	if (v->go_live[0] != '\0')
		fprintf(f, "  go-live %s: running costs by the month from it\n",
		        v->go_live);
	if (v->funding[0] != '\0')
		fprintf(f, "  other funding: %s\n", v->funding);
}

char *
fmt_rate(double x, char *buf, size_t n)
{
	size_t len;

	snprintf(buf, n, "%.6f", x);
	len = strlen(buf);
	while (len > 0 && buf[len - 1] == '0' && strchr(buf, '.') != NULL &&
	       len - (size_t)(strchr(buf, '.') - buf) > 3)
		buf[--len] = '\0';
	return buf;
}

/* ", 1 an existing office reused" after the sites, or "". */
static const char *
reused(const view *v, char *buf, size_t n)
{
	buf[0] = '\0';
	if (v->reuse > 0)
		snprintf(buf, n, ", %lld %s reused", v->reuse,
		         v->reuse == 1 ? "an existing office"
		                       : "existing offices");
	return buf;
}

/* Which sizing the servers, seats and concurrent licences follow. */
static void
print_sizing(FILE *f, const view *v)
{
	if (strcmp(v->sizing, "continuity") == 0)
		fputs("  sizing: continuity - every enrolled user at once "
		      "(servers, seats and concurrent licences)\n",
		      f);
	else
		fprintf(f,
		        "  sizing: an ordinary day (days a week x peak %g; "
		        "--sizing continuity: everyone at once)\n",
		        v->peak);
}

void
print_scenario(FILE *f, const view *v, const char *command)
{
	char a[32], rate[32], m[32], r[64];

	fprintf(f, "twcost %s: %s - %s, %s general staff\n", command, v->name,
	        v->kind, fmt_yen(v->staff, a, sizeof a));
	fprintf(f,
	        "  start %s (FY%lld, %s); %lld fiscal years to FY%lld (%s)\n",
	        v->start, v->start_fy, v->start_label, v->years, v->end_fy,
	        v->end_label);
	fprintf(f,
	        "  enrolled: home %lld (%g days/week, %lld at peak), satellite "
	        "%lld (%lld site%s%s), mobile %lld\n",
	        v->style[0].users, v->style[0].days, v->style[0].concurrent,
	        v->style[1].users, v->sites, v->sites == 1 ? "" : "s",
	        reused(v, r, sizeof r), v->style[2].users);
	print_sizing(f, v);
	fprintf(
	    f,
	    "  grant (特別交付税措置): rate %s x m %.2f (fiscal index %.2f) "
	    "= %s of eligible initial cost%s\n",
	    fmt_rate(v->rate, rate, sizeof rate), v->m, v->fiscal_index_rounded,
	    fmt_rate(v->rate * v->m, m, sizeof m),
	    v->grant_applies ? "" : ": NOT APPLIED (see warnings)");
	fprintf(f, "  readings: later_initial_spending %s, lease_payments %s\n",
	        v->later_initial_spending, v->lease_payments);
	print_phasing(f, v);
	fprintf(f, "  profile %s; catalogue %s; grant rule %s\n\n", v->profile,
	        v->catalog, v->grant);
}

static void
print_list(FILE *f, const vmsgs *l, const char *prefix)
{
	int i;

	for (i = 0; i < l->n; i++)
		fprintf(f, "  - %s%s\n", prefix, l->text[i]);
}

/* Warnings (notes 0) or notes (1): scenario-wide, then each plan's. */
static void
print_kind(FILE *f, const view *v, int notes, const char *title)
{
	char prefix[80];
	int i, any = (notes ? v->notes : v->warnings).n;

	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			any +=
			    (notes ? v->plans[i].notes : v->plans[i].warnings)
			        .n;
	if (any == 0)
		return;
	fprintf(f, "%s:\n", title);
	print_list(f, notes ? &v->notes : &v->warnings, "");
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		snprintf(prefix, sizeof prefix, "%s: ", p->id);
		print_list(f, notes ? &p->notes : &p->warnings, prefix);
	}
}

void
print_messages(FILE *f, const view *v)
{
	print_kind(f, v, 0, "warnings");
	print_kind(f, v, 1, "notes");
}

/* ---- the budget-request table ---------------------------------------------
 */

static int
category_index(const view *v, const char *id)
{
	int c;

	for (c = 0; c < v->n_cats && c < MAX_CATS; c++)
		if (strcmp(v->cats[c].id, id) == 0)
			return c;
	return -1;
}

/* Sum each category's items per year in yen, then round each line. */
void
budget_build(const view *v, const vplan *p, budget *b)
{
	long long yen[MAX_CATS][MAX_YEARS];
	int i, c, k;

	memset(b, 0, sizeof *b);
	memset(yen, 0, sizeof yen);
	b->years = v->years < MAX_YEARS ? (int)v->years : MAX_YEARS;
	for (i = 0; i < p->n_items; i++) {
		c = category_index(v, p->items[i].category);
		for (k = 0; c >= 0 && k < b->years; k++)
			yen[c][k] += p->items[i].years[k];
	}
	for (c = 0; c < v->n_cats && c < MAX_CATS; c++) {
		int any = 0;
		for (k = 0; k < b->years; k++)
			any |= yen[c][k] != 0;
		if (!any)
			continue;
		b->cat[b->n_lines] = c;
		for (k = 0; k < b->years; k++) {
			long long t = to_thousands(yen[c][k]);
			b->line[b->n_lines][k] = t;
			b->line_total[b->n_lines] += t;
			b->cost[k] += t;
		}
		b->n_lines++;
	}
	for (k = 0; k < b->years; k++) {
		b->grant[k] = to_thousands(p->years[k].grant);
		b->net[k] = b->cost[k] - b->grant[k];
		b->cost_total += b->cost[k];
		b->grant_total += b->grant[k];
		b->net_total += b->net[k];
	}
}
