/* catalog.c - names of the catalogue's enumerations and id look-ups. */
#include <config.h>

#include "catalog.h"

#include <string.h>

#include "lang.h"

const char *const style_names[STYLE_COUNT + 1] = {"home", "satellite", "mobile",
                                                  NULL};

const char *const driver_names[DRIVER_COUNT + 1] = {
    "users",   "concurrent", "lent_devices",    "seats",     "sites",
    "servers", "fixed",      "allowance_users", "new_sites", "office_pcs",
    NULL};

const char *const sizing_names[SIZING_COUNT + 1] = {"ordinary", "continuity",
                                                    NULL};

/* Indexed by bit: 1 << 0 is SEGMENT_INTERNET, 1 << 1 SEGMENT_LGWAN. */
const char *const segment_names[3] = {"internet", "lgwan", NULL};

const char *
style_name(int style)
{
	return style >= 0 && style < STYLE_COUNT ? style_names[style] : "?";
}

const char *
style_label(int style, int lang)
{
	static const char *const labels[STYLE_COUNT] = {
	    N_("home"), N_("satellite"), N_("mobile")};

	return style >= 0 && style < STYLE_COUNT ? lang_tr(lang, labels[style])
	                                         : "?";
}

int
style_of(const char *name)
{
	return name_index(name, style_names);
}

const char *
driver_name(int driver)
{
	return driver >= 0 && driver < DRIVER_COUNT ? driver_names[driver]
	                                            : "?";
}

/* What one unit of a driver is, for "¥12,000 per user". */
static const char *const driver_units[DRIVER_COUNT] = {
    N_("user"),        N_("concurrent user"),
    N_("lent device"), N_("seat"),
    N_("site"),        N_("server"),
    N_("year"),        N_("allowance user"),
    N_("new site"),    N_("office PC")};

const char *
driver_unit(int driver, int lang)
{
	return driver >= 0 && driver < DRIVER_COUNT
	           ? lang_tr(lang, driver_units[driver])
	           : "?";
}

const char *
segment_label(int segment, int lang)
{
	return segment == SEGMENT_LGWAN ? "LGWAN"
	                                : lang_tr(lang, N_("internet"));
}

const char *
segment_name(int segment)
{
	return segment == SEGMENT_INTERNET || segment == SEGMENT_LGWAN
	           ? segment_names[segment >> 1]
	           : "?";
}

int
segment_of(const char *name)
{
	int i = name_index(name, segment_names);

	return i < 0 ? -1 : 1 << i;
}

int
catalog_option(const catalog *c, const char *id)
{
	int i;

	for (i = 0; i < c->n_options; i++)
		if (strcmp(c->options[i].id, id) == 0)
			return i;
	return -1;
}

int
catalog_item(const catalog *c, const char *id)
{
	int i;

	for (i = 0; i < c->n_items; i++)
		if (strcmp(c->items[i].id, id) == 0)
			return i;
	return -1;
}

int
catalog_plan(const catalog *c, const char *id)
{
	int i;

	for (i = 0; i < c->n_plans; i++)
		if (strcmp(c->plans[i].id, id) == 0)
			return i;
	return -1;
}
