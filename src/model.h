/* model.h - the estimate: from a scenario and a profile to every plan's
 * costs per fiscal year, the grant, the net cost and the warnings.
 *
 * Quantities.  users = round_half_up(staff x share) per style; concurrent =
 * min(users, ceil(users x days/5 x peak)), or every user with continuity
 * sizing (scenario.sizing); an option serving several styles
 * of a plan sums them.  lent_devices = ceil(home users x lent_share) when
 * the option allows staff's own PCs, else every home user; seats =
 * satellite concurrent users; sites = satellite sites (when anyone works
 * there), new_sites those of them that are not an existing office reused
 * (satellite_reuse); office_pcs = ceil(users x (1 - office_pc_share)),
 * those with no office PC of their own to connect to; servers =
 * ceil(concurrent / users_per_server); fixed = 1 (when the option serves
 * anyone).  An item's quantity is ceil(driver x multiplier).
 *
 * Enrolment.  With a rollout, each year's users are round_half_up(the
 * final users x the fraction reached by that year), and every driver
 * follows them year by year.
 *
 * Schedule.  Fiscal year k = 0 .. years-1 is start_fy + k.  Items bought
 * (initial and replacement phases) are bought for the units a year needs
 * beyond the most held before (initial spending of that year); a
 * replacement item's units bought in year j are bought again every
 * `every` years after j (as replacement).  Running (annual) items are paid
 * for each year's units, by whole months: 12, or from the go-live month to
 * March in the go-live year, and nothing before.  A leased item is paid
 * by the month for the units held (running costs) instead of bought.  An
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
	int months;           /* months of running costs (go-live pro-rating) */
	long long staff_time; /* the entity's own staff time, in cost but not a
	                         budget line */
	eligible_parts parts; /* eligible yen by kind, for every reading */
	long long eligible_strict, eligible_generous;
	long long grant_strict, grant_generous;
	long long funding[FUND_COUNT];     /* other money counted (capped at the
	                                      cost) */
	long long funding_total, deducted; /* and the part deducted from
	                                      eligible spending */
	double fund_share;  /* the shares of eligible cost given, and */
	long long fund_yen; /* the sums, before any cap (for the simulation) */
} year_result;

/* How an item spends: bought (initial and replacement purchases), paid
 * year by year, or leased. */
enum item_way { WAY_BOUGHT, WAY_RUNNING, WAY_LEASED };

typedef struct item_result {
	int item; /* index into the catalogue's items */
	int option;
	int way;     /* enum item_way */
	int from_fy; /* the first fiscal year it is paid (0: from the start) */
	long long quantity, unit_yen; /* at full enrolment; a lease's monthly
	                                 payment */
	long long total, eligible;
	long long *per_year;    /* cost in each fiscal year */
	long long *qty;         /* units bought or paid for each year */
	int *months;            /* months paid each year (running, leased) */
	double *units;          /* the unit price's multiplier each year:
	                           per_year = unit price x units, the yen
	                           fraction dropped */
	unsigned char *counted; /* 1 when the year's spending is eligible
	                           under the readings used, in a year the
	                           rule pays for: a grant is computed on
	                           it */
} item_result;

/* A line of the budget request: one item's spending in one fiscal year. */
typedef struct line_result {
	int year;  /* horizon year */
	int item;  /* index into the plan's items */
	int setsu; /* 節 */
	const char *saisetsu;
	const char *basis; /* 積算基礎: 「貸与用ノートPC 180,000円×16台」 */
	const char *basis_en; /* the same in English */
	long long yen;
} line_result;

/* A contract that spans fiscal years, for the 債務負担行為 table. */
typedef struct debt_result {
	int item;        /* index into the plan's items */
	int contract_fy; /* the budget year it is made in */
	int from_fy, to_fy;
	long long limit; /* 限度額: what it commits in the years after */
	char period[64]; /* 令和8年度から令和11年度まで */
} debt_result;

typedef struct plan_result {
	long long initial, annual, running, replacement;
	long long total, eligible, grant, net;
	long long grant_strict, grant_generous;
	long long funding, deducted, staff_time;
	long long users, concurrent, lent_devices, servers;
	long long per_user_year; /* net / (users x years), half-up */
	long long vs_reference;  /* net minus the reference plan's net */
	int flip_fy;             /* the fiscal year cumulative net cost crosses
	                            the reference plan's; 0 when it does not */
	double effective_rate;   /* rate x m applied; 0 when no grant */
	int security_ok;
	int funding_capped; /* other funding exceeded a year's cost */
	year_result *years;
	item_result *items;
	int n_items;
	line_result *lines; /* by year, then 節, 細節 and item */
	int n_lines;
	debt_result *debts;
	int n_debts;
	message_list warnings, notes;
} plan_result;

typedef struct results {
	arena mem;
	int n_plans, n_years;
	plan_result *plans;
	long long users[STYLE_COUNT], concurrent[STYLE_COUNT]; /* at full
	                                                          enrolment */
	long long (*users_y)[STYLE_COUNT];                     /* each year's */
	long long (*concurrent_y)[STYLE_COUNT];                /* each year's */
	grant_terms terms;     /* what the grant rule gives this entity */
	readings read;         /* the readings used */
	int index100;          /* terms.index100: the fiscal index */
	int m100;              /* terms.m100: m(I) in hundredths */
	int grant_applies;     /* terms.applies */
	double effective_rate; /* terms.effective_rate */
	int reference;         /* the reference plan, or -1 */
	int requested;         /* each plan's lines and debts are made */
	message_list warnings, notes;
} results;

/* Compute r from profile p with inputs sc (sc may differ from p->sc).
 * On error r is left empty. */
int model_compute(const profile *p, const scenario *sc, results *r,
                  twc_error *e);

/* What model_compute_plan computes beyond the plan's own figures. */
enum {
	MODEL_REFERENCE =
	    1u,             /* the reference plan, and vs_reference, flip_fy */
	MODEL_EXTREMES = 2u /* the grant and eligible cost under the strictest
	                       and the most generous readings (grant_strict,
	                       grant_generous, eligible_strict,
	                       eligible_generous), else left 0 */
};

/* Compute in r, as model_compute does, plan (an index) alone, and the
 * reference plan too when what has MODEL_REFERENCE, without warnings or
 * notes: the other plans' entries of r->plans are not set at all (not
 * zeroed: never to be read), nor are the figures that compare a plan with
 * the reference plan (vs_reference, flip_fy) unless MODEL_REFERENCE, nor
 * those of MODEL_EXTREMES unless it is given; every warning and note list
 * is empty (the flags they come with, security_ok and funding_capped, are
 * set).  Every figure it does compute is the one model_compute gives.  For
 * one reading of a plan's own figure (twc_quick): the results are made in
 * buf (size bytes, aligned for any object; NULL: none) as far as it goes,
 * which the caller keeps until results_free. */
int model_compute_plan(const profile *p, const scenario *sc, results *r,
                       twc_error *e, int plan, unsigned what, void *buf,
                       size_t size);

/* The months of running costs in horizon year k: 12, or from the go-live
 * month to March in the go-live year, 0 before it. */
int running_months(const scenario *sc, int k);

/* The budget request's lines and multi-year contracts of plan pr (in
 * request.c). */
int request_build(const profile *p, const scenario *sc, results *r,
                  plan_result *pr, twc_error *e);

/* The budget request of every plan of r, made once, when first asked:
 * its lines' 積算基礎 are text formatted for every item and year, which
 * cost ten times the rest of the estimate and which a spreadsheet cell or
 * a simulation never reads. */
int model_request(const profile *p, const scenario *sc, results *r,
                  twc_error *e);

/* Free a result set; safe on one that is empty or zeroed. */
void results_free(results *r);

#endif
