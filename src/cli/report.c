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

/* Messages in one language: English for "warnings", Japanese for
 * "warnings_ja" (JSON is the same whatever the language spoken). */
static json_t *
json_texts(const char *const *texts, int n)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(texts[i]));
	return a;
}

static void
json_messages(json_t *o, const vmsgs *warnings, const vmsgs *notes)
{
	json_object_set_new(o, "warnings",
	                    json_texts(warnings->en, warnings->n));
	json_object_set_new(o, "warnings_ja",
	                    json_texts(warnings->ja, warnings->n));
	json_object_set_new(o, "notes", json_texts(notes->en, notes->n));
	json_object_set_new(o, "notes_ja", json_texts(notes->ja, notes->n));
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

/* A fiscal year's English label: FY2025. */
static void
set_fy_en(json_t *o, const char *key, long long fy)
{
	char buf[32];

	snprintf(buf, sizeof buf, "FY%lld", fy);
	set_text(o, key, buf);
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
	set_fy_en(o, "start_label_en", v->start_fy);
	set_fy_en(o, "end_label_en", v->end_fy);
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
	set_fy_en(o, "label_en", y->fy);
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
	json_messages(o, &p->warnings, &p->notes);
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
	json_messages(root, &v->warnings, &v->notes);
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

const char *
kind_text(const char *kind)
{
	static const char *const kinds[][2] = {
	    {"prefecture", N_("prefecture")},
	    {"designated_city", N_("designated city")},
	    {"municipality", N_("municipality")},
	    {"special_ward", N_("special ward")},
	    {"association", N_("association of local governments")}};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kind, kinds[i][0]) == 0)
			return _(kinds[i][1]);
	return kind;
}

const char *
style_text(int st)
{
	static const char *const names[] = {N_("home"), N_("satellite office"),
	                                    N_("mobile")};

	return st >= 0 && st < 3 ? _(names[st]) : "";
}

const char *
fy_text(long long fy, const char *era, char *buf, size_t n)
{
	if (cli_ja())
		snprintf(buf, n, "%s", era);
	else
		snprintf(buf, n, "FY%lld", fy);
	return buf;
}

/* One line of the header, fitted to the terminal. */
static void
header_line(FILE *f, const char *text)
{
	print_wrapped(f, "  ", "    ", text);
}

/* A phased introduction and other funding, when the scenario has them. */
static void
print_phasing(FILE *f, const view *v)
{
	char line[1024];
	int st;

	for (st = 0; st < 3; st++)
		if (v->rollout[st][0] != '\0') {
			snprintf(line, sizeof line, _("%s rollout: %s"),
			         style_text(st), v->rollout[st]);
			header_line(f, line);
		}
	if (v->go_live[0] != '\0') {
		snprintf(line, sizeof line,
		         _("go-live %s: running costs by the month from it"),
		         v->go_live);
		header_line(f, line);
	}
	if (v->funding[0] != '\0') {
		snprintf(line, sizeof line, _("other funding: %s"), v->funding);
		header_line(f, line);
	}
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

/* The satellite offices: "1 site", "3 sites, 1 an existing office
 * reused". */
static const char *
sites_text(const view *v, char *buf, size_t n)
{
	if (v->reuse > 0)
		snprintf(buf, n,
		         ngettext("%lld site, %lld of them an existing office "
		                  "reused",
		                  "%lld sites, %lld of them existing offices "
		                  "reused",
		                  (unsigned long)v->sites),
		         v->sites, v->reuse);
	else
		snprintf(buf, n,
		         ngettext("%lld site", "%lld sites",
		                  (unsigned long)v->sites),
		         v->sites);
	return buf;
}

/* Which sizing the servers, seats and concurrent licences follow. */
static void
print_sizing(FILE *f, const view *v)
{
	char line[512], peak[32];

	if (strcmp(v->sizing, "continuity") == 0) {
		header_line(f, _("sizing: continuity - every enrolled user at "
		                 "once (servers, seats and concurrent "
		                 "licences)"));
		return;
	}
	snprintf(peak, sizeof peak, "%g", v->peak);
	snprintf(line, sizeof line,
	         _("sizing: an ordinary day (days a week x peak %s; --sizing "
	           "continuity: everyone at once)"),
	         peak);
	header_line(f, line);
}

static void
print_grant_line(FILE *f, const view *v)
{
	char line[512], rate[32], m[32], idx[32], mm[32];

	snprintf(mm, sizeof mm, "%.2f", v->m);
	snprintf(idx, sizeof idx, "%.2f", v->fiscal_index_rounded);
	snprintf(line, sizeof line,
	         v->grant_applies
	             ? _("grant (special allocation tax): rate %s x m %s "
	                 "(fiscal index %s) = %s of eligible initial cost")
	             : _("grant (special allocation tax): rate %s x m %s "
	                 "(fiscal index %s) = %s of eligible initial cost: "
	                 "NOT APPLIED (see warnings)"),
	         fmt_rate(v->rate, rate, sizeof rate), mm, idx,
	         fmt_rate(v->rate * v->m, m, sizeof m));
	header_line(f, line);
}

static const char *
reading_text(const char *value)
{
	static const char *const names[][2] = {
	    {"covered", N_("covered")},
	    {"not_covered", N_("not covered")},
	    {"eligible", N_("eligible")},
	    {"not_eligible", N_("not eligible")}};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(value, names[i][0]) == 0)
			return _(names[i][1]);
	return value;
}

void
print_scenario(FILE *f, const view *v, const char *command)
{
	char line[1024], a[32], b[32], c[32], sites[128];

	snprintf(line, sizeof line, _("%s: %s - %s, %s general staff"), command,
	         v->name, kind_text(v->kind), fmt_yen(v->staff, a, sizeof a));
	print_wrapped(f, "twcost ", "    ", line);
	if (v->start_bare) /* 2025 alone: say how it was read */
		snprintf(line, sizeof line,
		         _("start %s (\"%lld\" read as the fiscal year); %lld "
		           "fiscal years to %s"),
		         fy_text(v->start_fy, v->start_label, a, sizeof a),
		         v->start_fy, v->years,
		         fy_text(v->end_fy, v->end_label, b, sizeof b));
	else
		snprintf(line, sizeof line,
		         _("start %s (%s); %lld fiscal years to %s"), v->start,
		         fy_text(v->start_fy, v->start_label, a, sizeof a),
		         v->years,
		         fy_text(v->end_fy, v->end_label, b, sizeof b));
	header_line(f, line);
	snprintf(c, sizeof c, "%g", v->style[0].days);
	snprintf(line, sizeof line,
	         _("enrolled: home %lld (%s days/week, %lld at peak), "
	           "satellite %lld (%s), mobile %lld"),
	         v->style[0].users, c, v->style[0].concurrent,
	         v->style[1].users, sites_text(v, sites, sizeof sites),
	         v->style[2].users);
	header_line(f, line);
	print_sizing(f, v);
	print_grant_line(f, v);
	snprintf(line, sizeof line,
	         _("readings: later initial spending %s, lease payments %s"),
	         reading_text(v->later_initial_spending),
	         reading_text(v->lease_payments));
	header_line(f, line);
	print_phasing(f, v);
	snprintf(line, sizeof line,
	         _("profile %s; catalogue %s; grant rule %s"), v->profile,
	         v->catalog, v->grant);
	header_line(f, line);
	fputc('\n', f);
}

static void
print_list(FILE *f, const vmsgs *l, const char *prefix)
{
	char line[2048];
	int i;

	for (i = 0; i < l->n; i++) {
		snprintf(line, sizeof line, "%s%s", prefix, l->text[i]);
		print_wrapped(f, "  - ", "    ", line);
	}
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
	fprintf(f, "%s\n", title);
	print_list(f, notes ? &v->notes : &v->warnings, "");
	for (i = 0; i < v->n_plans; i++) {
		const vplan *p = &v->plans[i];
		if (!p->selected)
			continue;
		snprintf(prefix, sizeof prefix, _("%s: "), p->id);
		print_list(f, notes ? &p->notes : &p->warnings, prefix);
	}
}

void
print_messages(FILE *f, const view *v)
{
	print_kind(f, v, 0, _("warnings:"));
	print_kind(f, v, 1, _("notes:"));
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
