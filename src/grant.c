/* grant.c - the special allocation tax rule applied: who it covers, the
 * deadline and first year, m(I), the effective rate and each year's
 * amount. */
#include <config.h>

#include "grant.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"

const char *const phase_names[PHASE_COUNT + 1] = {"initial", "annual",
                                                  "replacement", NULL};

const char *const kind_names[KIND_COUNT + 1] = {
    "prefecture",   "designated_city", "municipality",
    "special_ward", "association",     NULL};

const char *
phase_name(int phase)
{
	return phase >= 0 && phase < PHASE_COUNT ? phase_names[phase] : "?";
}

int
phase_of(const char *name)
{
	return name_index(name, phase_names);
}

const char *
kind_name(int kind)
{
	return kind >= 0 && kind < KIND_COUNT ? kind_names[kind] : "?";
}

int
kind_of(const char *name)
{
	return name_index(name, kind_names);
}

/* round_half_up(100 x (a - b x I)) with I = index100 / 100, exactly:
 * 100 x (a_num/a_den - b_num/b_den x index100/100)
 *   = (100 a_num b_den - a_den b_num index100) / (a_den b_den). */
static int
correction_mid(const correction *c, int index100)
{
	long long num =
	    100 * c->a_num * c->b_den - c->a_den * c->b_num * index100;
	long long den = c->a_den * c->b_den;

	if (num <= 0)
		return 0;
	return (int)((2 * num + den) / (2 * den));
}

int
grant_multiplier(const grant_rule *g, int kind, int index100)
{
	const correction *c =
	    kind == KIND_PREFECTURE ? &g->prefectural : &g->municipal;

	if (index100 >= c->high_from)
		return c->high_m;
	if (index100 < c->low_below)
		return c->low_m;
	return correction_mid(c, index100);
}

long long
grant_amount(const grant_rule *g, long long eligible_yen, int m100)
{
	/* eligible x (rate_bp / 10^4) x (m100 / 100) / unit, in units. */
	long long k = (long long)g->rate_bp * m100;
	long long d = 10000LL * 100 * g->unit_yen;
	long long units, yen;

	if (eligible_yen <= 0 || m100 <= 0)
		return 0;
	if (g->rounding == ROUND_DOWN)
		units = eligible_yen / d * k + eligible_yen % d * k / d;
	else
		units = muldiv_half_up(eligible_yen, k, d);
	yen = units * g->unit_yen;
	if (g->cap_yen > 0 && yen > g->cap_yen)
		yen = g->cap_yen;
	return yen;
}

int
grant_covers(const grant_rule *g, int cat, int phase, int fy)
{
	return grant_lists(g, cat, phase) && grant_pays_in(g, fy);
}

int
grant_category(const grant_rule *g, const char *id)
{
	int i;

	for (i = 0; i < g->n_cats; i++)
		if (strcmp(g->cats[i].id, id) == 0)
			return i;
	return -1;
}

double
grant_rate(const grant_rule *g, int m100)
{
	return g->rate_bp / 10000.0 * m100 / 100.0;
}

long long
grant_year(const grant_rule *g, const grant_terms *t, int fy,
           long long eligible_yen)
{
	return t->applies && grant_pays_in(g, fy)
	           ? grant_amount(g, eligible_yen, t->m100)
	           : 0;
}

void
grant_describe_start(const scenario *sc, int lang, char *buf, size_t n)
{
	char label[FY_LABEL_MAX];

	fy_label(sc->start_fy, label, sizeof label);
	if (sc->start_date.day > 0)
		msg_format(buf, n, lang, MSG_START_DATE, sc->start_date.year,
		           sc->start_date.month, sc->start_date.day,
		           sc->start_fy, label);
	else
		msg_format(buf, n, lang, MSG_START_FY, sc->start_fy, label);
}

/* An entity kind in lang: its id in English (municipality), its name in
 * Japanese (市町村). */
static const char *
kind_label(int kind, int lang)
{
	static const char *const labels[KIND_COUNT] = {
	    N_("prefecture"), N_("designated city"), N_("municipality"),
	    N_("special ward"), N_("association of local governments")};

	if (kind < 0 || kind >= KIND_COUNT)
		return "?";
	return lang == LANG_EN ? kind_names[kind] : lang_tr(lang, labels[kind]);
}

/* The profile's text in lang: its _ja form in Japanese when given. */
static const char *
in_lang(const char *en, const char *ja, int lang)
{
	return lang == LANG_JA && ja != NULL ? ja : en;
}

/* Why the rule gives this entity nothing, in its own words, or NULL when
 * it covers it (before the deadline test).  buf holds a generic sentence
 * when the rule gives none. */
static const char *
not_covered_reason(const grant_rule *g, const scenario *sc, int lang, char *buf,
                   size_t n)
{
	if (g->zero_kinds & (1u << sc->kind)) {
		if (g->kind_reason[sc->kind] != NULL)
			return in_lang(g->kind_reason[sc->kind],
			               g->kind_reason_ja[sc->kind], lang);
		return msg_format(buf, n, lang, MSG_KIND_NOT_COVERED,
		                  kind_label(sc->kind, lang));
	}
	if (g->zero_non_recipient && !sc->recipient)
		return g->non_recipient_reason != NULL
		           ? in_lang(g->non_recipient_reason,
		                     g->non_recipient_reason_ja, lang)
		           : lang_tr(lang, MSG_NON_RECIPIENT_NOT_COVERED);
	return NULL;
}

static void
deadline_warning(const grant_rule *g, const scenario *sc, arena *mem,
                 message_list *warnings)
{
	char start[128], dl[FY_LABEL_MAX], text[LANG_COUNT][1024];
	int lang;

	fy_label(g->deadline_fy, dl, sizeof dl);
	for (lang = 0; lang < LANG_COUNT; lang++) {
		grant_describe_start(sc, lang, start, sizeof start);
		msg_format(text[lang], sizeof text[lang], lang,
		           MSG_AFTER_DEADLINE, start, g->deadline_fy + 1,
		           g->deadline_fy, dl);
	}
	msg_add_pair(mem, warnings, text[LANG_EN], text[LANG_JA]);
}

/* Who the rule covers: applies, with a warning for every reason it does
 * not (or is overridden). */
static int
covered(const grant_rule *g, const scenario *sc, arena *mem,
        message_list *warnings)
{
	char buf[LANG_COUNT][256], text[LANG_COUNT][1024];
	const char *why[LANG_COUNT];
	int lang;

	if (sc->start_fy > g->deadline_fy) {
		if (warnings != NULL)
			deadline_warning(g, sc, mem, warnings);
		return 0;
	}
	for (lang = 0; lang < LANG_COUNT; lang++)
		why[lang] = not_covered_reason(g, sc, lang, buf[lang],
		                               sizeof buf[lang]);
	if (why[LANG_EN] == NULL)
		return 1;
	if (warnings == NULL)
		return sc->grant_override;
	for (lang = 0; lang < LANG_COUNT; lang++)
		if (sc->grant_override)
			msg_format(text[lang], sizeof text[lang], lang,
			           MSG_OVERRIDDEN, why[lang]);
		else
			msg_format(text[lang], sizeof text[lang], lang,
			           MSG_NOT_COVERED, why[lang]);
	msg_add_pair(mem, warnings, text[LANG_EN], text[LANG_JA]);
	return sc->grant_override;
}

void
grant_assess(const grant_rule *g, const scenario *sc, grant_terms *t,
             arena *mem, message_list *warnings)
{
	char first[FY_LABEL_MAX];

	t->index100 = hundredths_half_up(sc->fiscal_index);
	t->m100 = grant_multiplier(g, sc->kind, t->index100);
	t->applies = covered(g, sc, mem, warnings);
	if (warnings != NULL && sc->start_fy < g->first_fy) {
		fy_label(g->first_fy, first, sizeof first);
		msg_add(mem, warnings, MSG_BEFORE_FIRST_FY, sc->start_fy,
		        g->first_fy, first, g->first_fy);
	}
	if (warnings != NULL && sc->recipient && t->index100 > 100)
		msg_add(mem, warnings, MSG_CHECK_RECIPIENT,
		        t->index100 / 100.0);
	t->effective_rate = t->applies ? grant_rate(g, t->m100) : 0;
}

/* ---- readings ------------------------------------------------------------ */

const readings reading_strict = {0, 0}, reading_generous = {1, 1};

readings
grant_readings(const grant_rule *g, const readings *over)
{
	readings r;

	r.later_initial = over->later_initial >= 0 ? over->later_initial
	                                           : g->later_initial_covered;
	r.lease = over->lease >= 0 ? over->lease : g->lease_eligible;
	return r;
}

const char *
reading_later_name(int covered)
{
	return covered ? "covered" : "not_covered";
}

const char *
reading_lease_name(int eligible)
{
	return eligible ? "eligible" : "not_eligible";
}

long long
grant_eligible(const eligible_parts *parts, const readings *r)
{
	long long sum = 0;
	unsigned k;

	for (k = 0; k < SPEND_KINDS; k++)
		if (grant_counts(k, r))
			sum += parts->yen[k];
	return sum;
}

long long
grant_of_year(const grant_rule *g, const grant_terms *t, int fy,
              const eligible_parts *parts, const readings *r, long long other,
              long long *eligible, long long *deducted)
{
	*eligible = grant_eligible(parts, r);
	*deducted = !g->deduct_other_funding ? 0
	            : other < *eligible      ? other
	                                     : *eligible;
	return grant_year(g, t, fy, *eligible - *deducted);
}
