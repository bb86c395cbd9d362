/* parse.h - reading profile settings into the model's structures.  Private
 * to the profile loader. */
#ifndef TWC_PARSE_H
#define TWC_PARSE_H

#include "profile.h"
#include "places.h"
#include "reader.h"

/* The grant rule in group g. */
int parse_grant(reader *rd, const config_setting_t *g, grant_rule *gr);

/* The option catalogue in group g; item categories are checked against
 * gr, their 節 against st. */
int parse_catalog(reader *rd, const config_setting_t *g, const grant_rule *gr,
                  const setsu_table *st, catalog *c);

/* The 節 table in group g (categories named as gr lists them). */
int parse_setsu(reader *rd, const config_setting_t *g, const grant_rule *gr,
                setsu_table *t);

/* An item's 節, 細節, counter and monthly flag (defaults from t). */
int parse_item_budget(reader *rd, const config_setting_t *s,
                      const setsu_table *t, item *it);

/* leases = { item = { months; monthly_yen; long_term; }; }. */
int parse_leases(reader *rd, const config_setting_t *g, const setsu_table *t,
                 catalog *c);

/* contracts = { item = { years; long_term; }; }. */
int parse_contracts(reader *rd, const config_setting_t *g, catalog *c);

/* rollout, go_live, funding and readings inside the scenario group, each
 * checked against the horizon as it is read. */
int parse_phasing(reader *rd, const config_setting_t *g, scenario *sc);

/* rollout inside a work style's group. */
int parse_style_rollout(reader *rd, const config_setting_t *g, int st,
                        scenario *sc);

/* Plans in list, appended to c's. */
int parse_plans(reader *rd, const config_setting_t *list, catalog *c);

/* A price (a number or a range) in yen, tax included afterwards when
 * excluded (or the group's own tax = "excluded"). */
int parse_price(reader *rd, const config_setting_t *s, int tax_percent,
                int excluded, dist *out);

/* The scenario group into p->sc and p's scenario distributions. */
int parse_scenario(reader *rd, const config_setting_t *g, profile *p);

/* quotes = { item_id = price; ... }: replace catalogue prices. */
int parse_quotes(reader *rd, const config_setting_t *g, catalog *c);

#endif
