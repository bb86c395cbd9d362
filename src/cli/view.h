/* view.h - results read once through the public API into plain structs.
 *
 * Every command prints its tables, CSV, JSON and workbooks from a view,
 * never from field paths: the paths are built in view.c alone, every read
 * is checked, and a read that fails fails the command (exit 3, with the
 * field and the library's message) before anything is printed.  Strings
 * are copies that live as long as the view. */
#ifndef TWC_VIEW_H
#define TWC_VIEW_H

#include "cli.h"

/* The number of S-curve points a simulation view keeps: percentiles 0 to
 * 100. */
#define VIEW_CDF_POINTS 101

/* Messages: each in English, in Japanese, and in the language spoken. */
typedef struct vmsgs {
	const char **text, **en, **ja;
	int n;
} vmsgs;

/* Other funding by source: 国庫支出金, 都道府県支出金, 地方債, その他. */
enum { VFUND_NATIONAL, VFUND_PREFECTURAL, VFUND_BOND, VFUND_OTHER, VFUNDS };

/* One fiscal year of a plan (scenario-wide: fy and label only). */
typedef struct vyear {
	long long fy;
	const char *label;
	long long cost, eligible, grant, net, initial, running, replacement;
	long long months, staff_time, request_cost, general, real_burden;
	long long funding[VFUNDS], funding_total, deducted;
	long long grant_strict, grant_generous;
} vyear;

/* A line of the budget request. */
typedef struct vline {
	long long year, fy, setsu;
	const char *setsu_name, *saisetsu, *item, *label, *label_en;
	const char *basis, *basis_en;
	long long yen;
} vline;

/* A contract that spans fiscal years (債務負担行為). */
typedef struct vdebt {
	const char *item, *label, *label_en, *period;
	long long contract_fy, from_fy, to_fy, limit;
} vdebt;

typedef struct vitem {
	const char *id, *option, *category, *phase, *driver, *label, *label_en;
	const char *source; /* where its price comes from, or "" */
	long long quantity, unit_yen, total, eligible, every;
	int is_eligible;
	long long *years; /* cost in each fiscal year */
} vitem;

typedef struct vplan {
	const char *id, *label, *label_en, *security_fit;
	long long initial, annual, running, replacement, total, eligible;
	long long grant, net, per_user_year, vs_reference, users, concurrent;
	long long flip_fy; /* 0: none */
	long long grant_strict, grant_generous, funding, deducted, staff_time;
	long long request_cost, general, real_burden, funding_capped;
	double effective_rate;
	int is_reference;
	int selected; /* shown: no --plan, or named by one */
	vyear *years;
	vitem *items;
	int n_items;
	vline *lines;
	int n_lines;
	vdebt *debts;
	int n_debts;
	vmsgs warnings, notes;
} vplan;

typedef struct vcategory {
	const char *id, *label, *label_en;
	int eligible;
} vcategory;

typedef struct vstyle {
	const char *name, *segment;
	double share, days;
	long long users, concurrent;
} vstyle;

typedef struct view {
	const char *name, *kind, *profile, *catalog, *grant, *grant_title;
	const char *start, *start_label, *end_label, *reference_plan;
	const char *sizing; /* ordinary or continuity */
	long long staff, start_fy, end_fy, years, users, deadline_fy;
	long long sites, reuse, jlis_free_until, jlis_fee_yen;
	double fiscal_index, fiscal_index_rounded, m, rate, effective_rate;
	double peak, lent_share, office_pc_share;
	int recipient, grant_override, sensitive_data, grant_applies;
	int start_bare; /* start was a year alone, read as the fiscal year */
	const char *later_initial_spending, *lease_payments, *go_live;
	const char *funding, *setsu, *rollout[3];
	vstyle style[3]; /* home, satellite, mobile */
	vyear *fy;       /* each fiscal year of the horizon: fy, label */
	vcategory *cats;
	int n_cats;
	vplan *plans; /* every plan, in the catalogue's order */
	int n_plans;
	int reference; /* index of the reference plan, or -1 */
	vmsgs warnings, notes;
	void **owned; /* everything allocated for the view */
	int n_owned, cap_owned, failed;
} view;

/* How much a view reads: everything, or for many entities at once (batch)
 * the scenario and each plan's totals and messages (no years, items or
 * categories; of a simulation, net cost statistics and chances only). */
enum view_depth { VIEW_FULL, VIEW_TOTALS };

/* Read the estimate of m into v, marking the plans o selects.  EXIT_OK, or
 * an exit code after printing why (v is then empty). */
int view_load(twc_model *m, const options *o, enum view_depth depth, view *v);

/* The plan with this id, or NULL. */
const vplan *view_plan(const view *v, const char *id);

/* The total number of warnings, scenario-wide and of the selected plans. */
int view_warnings(const view *v);

void view_free(view *v);

/* ---- a simulation ---------------------------------------------------- */

typedef struct vstats {
	long long mean, p5, p10, p50, p90, p95, min, max;
} vstats;

typedef struct vbar {
	const char *input;
	const char *label; /* the item's label for a price, else NULL */
	long long low_yen, high_yen, swing_yen;
	double low_value, high_value, rank_corr;
} vbar;

typedef struct vsim_plan {
	vstats net, total, grant;
	double prob_cheapest, prob_cheapest_any, prob_below_reference;
	const char *excluded; /* why prob_cheapest is NaN: "security",
	                         "among", or "" */
	long long cdf[VIEW_CDF_POINTS];
	long long *hist_count, *hist_from, *hist_to;
	int n_hist;
	vbar *bars;
	int n_bars;
} vsim_plan;

typedef struct vinput {
	const char *id, *kind, *dist;
	double base, mean, p10, p90;
} vinput;

typedef struct sim_view {
	long long draws, seed, threads, n_draws_inputs;
	vsim_plan *plans; /* parallel to the view's plans */
	vinput *inputs;
	int n_inputs;
} sim_view;

/* Read the last simulation of m into s, for the plans of v (its strings
 * are owned by v).  EXIT_OK or an exit code after printing why. */
int sim_view_load(twc_model *m, view *v, enum view_depth depth, sim_view *s);

/* ---- a break-even search ------------------------------------------------ */

/* One side of a crossing: the value and both plans' net costs. */
typedef struct be_side {
	double value;
	long long a, b;
} be_side;

typedef struct be_crossing_view {
	be_side below, above; /* above.value is the crossing */
} be_crossing_view;

typedef struct be_view {
	int found, enrolled;
	long long scanned;
	const char *over;
	const char *cheaper; /* plan id, "same", or "" */
	double value, from, to;
	be_side below, above; /* the first crossing, or the ends searched */
	be_crossing_view *crossings;
	int n_crossings;
} be_view;

/* Read the last break-even search of m.  EXIT_OK or an exit code. */
int be_view_load(twc_model *m, view *v, be_view *b);

#endif
