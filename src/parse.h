/* parse.h - reading profile settings into the model's structures.  Private
 * to the profile loader. */
#ifndef TWC_PARSE_H
#define TWC_PARSE_H

#include "profile.h"
#include "reader.h"

/* The grant rule in group g. */
int parse_grant(reader *rd, const config_setting_t *g, grant_rule *gr);

/* The option catalogue in group g; item categories are checked against
 * gr. */
int parse_catalog(reader *rd, const config_setting_t *g, const grant_rule *gr,
                  catalog *c);

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
