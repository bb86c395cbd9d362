/* grant.c - the special allocation tax arithmetic. */
#include <config.h>

#include "grant.h"

#include <string.h>

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
	return cat >= 0 && cat < g->n_cats && g->cats[cat].eligible &&
	       (g->phases & (1u << phase)) && fy >= g->first_fy;
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
