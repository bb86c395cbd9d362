/* model.h - the estimate: from a scenario and a profile to every plan's
 * costs per fiscal year, the grant, the net cost and the warnings.
 *
 * Quantities.  users = round_half_up(staff x share) per style; concurrent =
 * min(users, ceil(users x days/5 x peak)); an option serving several styles
 * of a plan sums them.  lent_devices = ceil(home users x lent_share) when
 * the option allows staff's own PCs, else every home user; seats =
 * satellite concurrent users; sites = satellite sites (when anyone works
 * there); servers = ceil(concurrent / users_per_server); fixed = 1 (when
 * the option serves anyone).  An item's quantity is ceil(driver x
 * multiplier).
 *
 * Schedule.  Fiscal year k = 0 .. years-1 is start_fy + k.  An initial item
 * is bought in year 0; an annual item is paid in full every year, the first
 * included (no pro-rating: the start is the start of introduction, and a
 * budget requests whole years); a replacement item is bought in year 0 (as
 * initial spending) and again every `every` years (as replacement).  An
 * item priced by scenario inputs (a trial programme's fee) is paid only
 * after the last free year those inputs name.
 *
 * Grant.  For each fiscal year, the yen of eligible categories and phases
 * in years the rule covers, times rate x m(I), rounded to the rule's unit -
 * or 0, with the reason, for entities the rule does not cover.  All money is
 * integer yen. */
#ifndef TWC_MODEL_H
#define TWC_MODEL_H

#include "profile.h"

typedef struct year_result {
	int fy;
	char label[FY_LABEL_MAX]; /* 令和7年度 */
	long long cost, eligible, grant, net;
	long long initial, running, replacement;
} year_result;

typedef struct item_result {
	int item; /* index into the catalogue's items */
	int option;
	int from_fy; /* the first fiscal year it is paid (0: from the start) */
	long long quantity, unit_yen;
	long long total, eligible;
	long long *per_year; /* cost in each fiscal year */
} item_result;

typedef struct plan_result {
	long long initial, annual, running, replacement;
	long long total, eligible, grant, net;
	long long users, concurrent, lent_devices, servers;
	long long per_user_year; /* net / (users x years), half-up */
	long long vs_reference;  /* net minus the reference plan's net */
	int flip_fy;             /* the fiscal year cumulative net cost crosses
	                            the reference plan's; 0 when it does not */
	double effective_rate;   /* rate x m applied; 0 when no grant */
	int security_ok;
	year_result *years;
	item_result *items;
	int n_items;
	message_list warnings, notes;
} plan_result;

typedef struct results {
	arena mem;
	int n_plans, n_years;
	plan_result *plans;
	long long users[STYLE_COUNT], concurrent[STYLE_COUNT];
	grant_terms terms;     /* what the grant rule gives this entity */
	int index100;          /* terms.index100: the fiscal index */
	int m100;              /* terms.m100: m(I) in hundredths */
	int grant_applies;     /* terms.applies */
	double effective_rate; /* terms.effective_rate */
	int reference;         /* the reference plan, or -1 */
	message_list warnings, notes;
} results;

/* Compute r from profile p with inputs sc (sc may differ from p->sc).
 * On error r is left empty. */
int model_compute(const profile *p, const scenario *sc, results *r,
                  twc_error *e);

/* The phase of an item's spending in horizon year k (0 = the start year),
 * or -1 when it spends nothing that year. */
int phase_in_year(const item *it, int k);

/* The same for a costed item in horizon year k, fiscal year fy: nothing
 * before the first year it is paid. */
int item_phase(const item *it, const item_result *ir, int k, int fy);

/* Free a result set; safe on one that is empty or zeroed. */
void results_free(results *r);

#endif
