/* catalog.h - deployment options, their cost items, plans, and the scenario
 * inputs: the data a profile holds.
 *
 * An option (own VDI, secure browser, J-LIS LGWAN...) lists cost items.  A
 * plan assigns options to each work style.  An item's quantity is one of
 * the option's drivers (users, concurrent users, lent devices, seats,
 * sites, servers, or 1) times a multiplier, rounded up to whole units. */
#ifndef TWC_CATALOG_H
#define TWC_CATALOG_H

#include "dist.h"
#include "fiscal.h"
#include "grant.h"

enum style { STYLE_HOME, STYLE_SATELLITE, STYLE_MOBILE, STYLE_COUNT };

enum driver {
	DRIVER_USERS,        /* enrolled staff of the styles served */
	DRIVER_CONCURRENT,   /* ceil(users x days/5 x peak), per style */
	DRIVER_LENT_DEVICES, /* home users given a lent device */
	DRIVER_SEATS,        /* satellite-office concurrent users */
	DRIVER_SITES,        /* satellite-office sites */
	DRIVER_SERVERS,      /* ceil(concurrent / users per server) */
	DRIVER_FIXED,        /* 1 */
	DRIVER_ALLOWANCE,    /* home users who work from home often enough
	                        for the home-work allowance */
	DRIVER_NEW_SITES,    /* satellite sites that are not an existing
	                        office reused (satellite_reuse) */
	DRIVER_OFFICE_PCS,   /* users served without an office PC of their
	                        own to connect to (office_pc_share) */
	DRIVER_COUNT
};

/* Network segments an option reaches (bits). */
enum segment { SEGMENT_INTERNET = 1, SEGMENT_LGWAN = 2 };

/* The most options one plan may assign to one work style. */
#define PLAN_MAX_OPTIONS 4

typedef struct item {
	const char *id, *label_ja, *label_en;
	int category; /* index into the grant rule's categories */
	int phase;    /* enum phase */
	int every;    /* replacement cycle in years (phase replacement) */
	int driver;   /* enum driver */
	double multiplier;
	dist price;      /* yen per unit, consumption tax included */
	int price_input; /* a scenario input that sets the price instead
	                    (scenario_key), or -1 */
	int until_input; /* a scenario input naming the last fiscal year
	                    the item is free (nothing is paid until after
	                    it), or -1 */
	/* The budget request (予算見積書). */
	int setsu;            /* 節 of its spending; 0: not a budget line
	                         (the entity's own staff time) */
	const char *saisetsu; /* 細節, or NULL */
	const char *counter; /* what the 積算基礎 counts: 台, 人, 回線 */
	int monthly;         /* a running price shown by the month */
	int lease_months;    /* acquired by a lease of this many months
	                        instead of bought; 0: bought */
	long long lease_monthly; /* the lease's payment a unit a month */
	int contract_years;      /* a running item contracted for this many
	                            years at once (0: year by year) */
	int long_term; /* 長期継続契約: no 債務負担行為 needed */
	int option;    /* index of the option that owns it */
	int quoted;    /* the scenario's quotes replaced its price */
	const char *source; /* where its price comes from, or NULL */
	/* A size band: the item is bought only when the users its option
	 * serves in a plan (at full enrolment) are from users_from to
	 * users_to (0: no upper bound); both 0: always. */
	long long users_from, users_to;
	const char *file;
	int line;
} item;

typedef struct option {
	const char *id, *label_ja, *label_en;
	unsigned styles;   /* bit (1 << style) for each style it can serve */
	unsigned segments; /* enum segment bits */
	int byod;          /* staff may use their own PCs at home */
	int office_grade;  /* physical controls equal to the office's (a
	                      satellite office that may take sensitive work) */
	int users_per_server;
	int trial; /* a free trial programme: the loader adds an item for
	              the fee the scenario assumes after it */
	int id_limit, concurrency_limit; /* 0: none stated */
	const char *note;    /* a risk note shown with every plan using it */
	const char *note_ja; /* the same in Japanese (note_ja), or NULL */
	int first_item, n_items;
} option;

typedef struct plan_spec {
	const char *id, *label_ja, *label_en;
	int opts[STYLE_COUNT][PLAN_MAX_OPTIONS];
	int n_opts[STYLE_COUNT];
} plan_spec;

typedef struct catalog {
	const char *title, *source;
	/* The guideline that keeps LGWAN work with large or important
	 * resident data to office-grade places, as warnings cite it. */
	const char *sensitive_rule;
	const char *sensitive_rule_ja; /* in Japanese, or NULL */
	int tax_percent;               /* consumption tax added to tax-exclusive
	                                  prices */
	option *options;
	int n_options;
	item *items;
	int n_items;
	plan_spec *plans;
	int n_plans;
	int reference_plan; /* the J-LIS plan others are compared with;
	                       -1 when none */
	/* 在宅勤務等手当 goes to home workers who work from home on more
	 * than this many days a month (人事院規則9-151: 10). */
	double allowance_days_per_month;
	const struct setsu_table *setsu; /* the 節 its items name */
} catalog;

/* 節: the expenditure classification of a budget (地方自治法施行規則
 * 第15条 別記), as a table profile gives it. */
#define SETSU_MAX 64

struct setsu_table {
	const char *title, *source;
	int code[SETSU_MAX];
	const char *name[SETSU_MAX];
	int n;
	int lease;                  /* the 節 of lease payments */
	const char *lease_saisetsu; /* and their 細節 */
	int by_category[64];        /* a category's default 節 (by index into
	                               the grant rule's categories), 0: none */
	const char *counter[DRIVER_COUNT]; /* what a driver's units are
	                                      counted in: 台, 人 */
};
typedef struct setsu_table setsu_table;

/* The name of 節 code, or NULL when the table has no such code. */
const char *setsu_name(const setsu_table *t, int code);

/* A phased introduction: the share of the final enrolment reached by each
 * fiscal year named (a step up at each), fractions non-decreasing, the
 * last 1.  n 0: everyone from the start. */
#define ROLLOUT_MAX 30

typedef struct rollout {
	int n;
	int fy[ROLLOUT_MAX];
	double fraction[ROLLOUT_MAX];
} rollout;

/* Other money for the project (特定財源) in one fiscal year. */
enum funding_source {
	FUND_NATIONAL,    /* 国庫支出金 */
	FUND_PREFECTURAL, /* 都道府県支出金 */
	FUND_BOND,        /* 地方債 */
	FUND_OTHER,       /* その他 */
	FUND_COUNT
};

#define FUNDING_MAX 32

typedef struct funding {
	int source; /* enum funding_source */
	int fy;
	long long yen; /* a sum, or */
	double share;  /* a share of that year's eligible cost (when > 0) */
} funding;

/* One work style's inputs. */
typedef struct style_input {
	double share; /* of general staff, 0..1 */
	double days;  /* per week, 0..5 */
	int sites;    /* satellite offices (satellite only) */
	int reuse;    /* of them, existing offices (支所) reused: no fit-out
	                 (satellite only) */
	int segment;  /* enum segment the work of this style needs */
} style_input;

/* How concurrent users are counted (scenario.sizing): an ordinary day
 * (enrolled x days a week / 5 x peak), or every enrolled user at once, as
 * when telework keeps the entity running in a disaster (business
 * continuity: the main purpose for 46.7% of the small entities that
 * telework, MIC survey of 2025-10-01, seed 000). */
enum sizing { SIZING_ORDINARY, SIZING_CONTINUITY, SIZING_COUNT };

/* Everything a user may change about an estimate. */
typedef struct scenario {
	char name[128];
	int kind;            /* enum entity_kind */
	long long staff;     /* 一般行政職員数 */
	double fiscal_index; /* 財政力指数 */
	int recipient;       /* receives the ordinary allocation tax */
	int grant_override;  /* assume the grant applies anyway */
	int start_fy;
	twc_date start_date; /* day 0: only the fiscal year is known */
	int start_bare;      /* start was a year alone (2025, 令和7年, or a
	                        number), read as that fiscal year */
	int years;
	style_input style[STYLE_COUNT];
	int sizing;                /* enum sizing */
	double peak;               /* peak day / average day */
	double lent_share;         /* home users given a lent device */
	double office_pc_share;    /* users connecting to an office PC who have
	                              one of their own to leave on */
	int sensitive;             /* LGWAN work with large or important
	                              resident data */
	int trial_until;           /* last free fiscal year of a trial option */
	long long after_trial_yen; /* its fee per user per year after that */
	rollout roll[STYLE_COUNT]; /* phased enrolment of each style */
	twc_date go_live; /* running costs start this month (day 0: with
	                     the fiscal year) */
	funding funds[FUNDING_MAX];
	int n_funds;
	readings read; /* overrides of the rule's readings (-1: the
	                  rule's own) */
} scenario;

/* NULL-terminated names; a segment's name is at the index of its bit. */
extern const char *const style_names[];
extern const char *const driver_names[];
extern const char *const segment_names[];
extern const char *const sizing_names[];

const char *style_name(int style);

/* A work style, a network segment, a driver's unit as a message in lang
 * says them ("home", 在宅勤務). */
const char *style_label(int style, int lang);
const char *segment_label(int segment, int lang);
int style_of(const char *name);
const char *driver_name(int driver);
const char *driver_unit(int driver, int lang); /* "user": one of it */
const char *segment_name(int segment);
int segment_of(const char *name);

/* Index of an option, item or plan id in the catalogue, or -1. */
int catalog_option(const catalog *c, const char *id);
int catalog_item(const catalog *c, const char *id);
int catalog_plan(const catalog *c, const char *id);

#endif
