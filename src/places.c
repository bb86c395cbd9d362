/* places.c - the groups of a profile and their keys (places.h). */
#include <config.h>

#include "places.h"

#include <string.h>

#include "lang.h"

static const char *const top[] = {"scenario", "catalog",   "grant",
                                  "setsu",    "quotes",    "plans",
                                  "leases",   "contracts", NULL};

static const char *const scenario[] = {"name",
                                       "kind",
                                       "staff",
                                       "fiscal_index",
                                       "recipient",
                                       "grant_override",
                                       "start",
                                       "years",
                                       "home",
                                       "satellite",
                                       "mobile",
                                       "peak",
                                       "lent_share",
                                       "sensitive_data",
                                       "jlis",
                                       "rollout",
                                       "go_live",
                                       "funding",
                                       "readings",
                                       "sizing",
                                       "office_pc_share",
                                       NULL};

static const char *const style[] = {"share", "days", "segment", "rollout",
                                    NULL};

static const char *const satellite[] = {"share",   "days",    "sites", "reuse",
                                        "segment", "rollout", NULL};

static const char *const jlis[] = {"free_until", "fee_per_user_yen", NULL};

static const char *const readings[] = {"later_initial_spending",
                                       "lease_payments", NULL};

static const char *const funding[] = {"source", "fy", "yen", "share", NULL};

static const char *const lease[] = {"months", "monthly_yen", "long_term", NULL};

static const char *const contract[] = {"years", "long_term", NULL};

static const char *const plan[] = {"id",        "label_ja", "label_en", "home",
                                   "satellite", "mobile",   NULL};

static const char *const catalog[] = {"title",
                                      "source",
                                      "tax_percent",
                                      "reference_plan",
                                      "options",
                                      "plans",
                                      "sensitive_data_rule",
                                      "sensitive_data_rule_ja",
                                      "allowance_days_per_month",
                                      NULL};

static const char *const option[] = {"id",
                                     "label_ja",
                                     "label_en",
                                     "styles",
                                     "segments",
                                     "byod",
                                     "office_grade",
                                     "trial",
                                     "users_per_server",
                                     "id_limit",
                                     "concurrency_limit",
                                     "note",
                                     "note_ja",
                                     "fee_category",
                                     "items",
                                     NULL};

static const char *const item[] = {
    "id",      "label_ja",   "label_en",   "category", "phase",  "every",
    "driver",  "multiplier", "price",      "tax",      "setsu",  "saisetsu",
    "counter", "monthly",    "users_from", "users_to", "source", NULL};

static const char *const grant[] = {"id",
                                    "title",
                                    "source",
                                    "rate",
                                    "first_fy",
                                    "start_deadline_fy",
                                    "cap_yen",
                                    "eligible_phases",
                                    "rounding",
                                    "not_covered",
                                    "correction",
                                    "categories",
                                    "later_initial_spending",
                                    "lease_payments",
                                    "deduct_other_funding",
                                    NULL};

static const char *const category[] = {"id", "eligible", "label_ja", "label_en",
                                       NULL};

static const char *const rounding[] = {"unit_yen", "method", NULL};

static const char *const not_covered[] = {"non_recipient", "kinds", "reasons",
                                          NULL};

static const char *const correction[] = {"municipality", "prefecture", NULL};

static const char *const correction_table[] = {
    "high_from", "high_m", "low_below", "low_m", "constant", "slope", NULL};

static const char *const setsu[] = {"title",       "source",   "list", "lease",
                                    "by_category", "counters", NULL};

static const char *const setsu_entry[] = {"code", "name", NULL};

static const char *const setsu_lease[] = {"setsu", "saisetsu", NULL};

static const char *const three[] = {"dist", "low", "mode", "high", "tax", NULL};

static const char *const uniform[] = {"dist", "low", "high", "tax", NULL};

static const char *const lognormal[] = {"dist", "median", "p90", "tax", NULL};

/* A range's place is one, whatever its distribution. */
#define RANGE_WHERE                                                            \
	N_("a range (price = { low = ...; mode = ...; high = ...; })")

const place_def places[PL_COUNT] = {
    [PL_TOP] = {N_("the top level of the profile"), top},
    [PL_SCENARIO] = {"scenario", scenario},
    [PL_HOME] = {"scenario.home", style},
    [PL_SATELLITE] = {"scenario.satellite", satellite},
    [PL_MOBILE] = {"scenario.mobile", style},
    [PL_JLIS] = {"scenario.jlis", jlis},
    [PL_READINGS] = {"scenario.readings", readings},
    [PL_FUNDING] = {"scenario.funding", funding},
    [PL_LEASE] = {"leases.item_id", lease},
    [PL_CONTRACT] = {"contracts.item_id", contract},
    [PL_PLAN] = {"plans", plan},
    [PL_CATALOG_PLAN] = {"catalog.plans", plan},
    [PL_CATALOG] = {"catalog", catalog},
    [PL_OPTION] = {"catalog.options", option},
    [PL_ITEM] = {"catalog.options.items", item},
    [PL_GRANT] = {"grant", grant},
    [PL_CATEGORY] = {"grant.categories", category},
    [PL_ROUNDING] = {"grant.rounding", rounding},
    [PL_NOT_COVERED] = {"grant.not_covered", not_covered},
    [PL_CORRECTION] = {"grant.correction", correction},
    [PL_CORRECTION_TABLE] = {"grant.correction.municipality", correction_table},
    [PL_CORRECTION_PREFECTURE] = {"grant.correction.prefecture",
                                  correction_table},
    [PL_SETSU] = {"setsu", setsu},
    [PL_SETSU_ENTRY] = {"setsu.list", setsu_entry},
    [PL_SETSU_LEASE] = {"setsu.lease", setsu_lease},
    [PL_DIST_THREE] = {RANGE_WHERE, three},
    [PL_DIST_UNIFORM] = {RANGE_WHERE, uniform},
    [PL_DIST_LOGNORMAL] = {RANGE_WHERE, lognormal},
};

/* How each top-level key is written. */
static const struct {
	const char *key, *shape;
} shapes[] = {
    {"scenario", "scenario = { ... }"},
    {"catalog", "catalog = \"catalog.cfg\""},
    {"grant", "grant = \"grant-telework.cfg\""},
    {"setsu", "setsu = \"setsu.cfg\""},
    {"quotes", "quotes = { item_id = yen; }"},
    {"plans", "plans = ( { id = ...; home = ...; } )"},
    {"leases", "leases = { item_id = { months = ...; monthly_yen = ...; } }"},
    {"contracts", "contracts = { item_id = { years = ...; } }"},
};

const char *
place_top_shape(const char *key)
{
	size_t i;

	for (i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		if (strcmp(key, shapes[i].key) == 0)
			return shapes[i].shape;
	return NULL;
}
