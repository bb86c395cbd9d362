/* handle.h - what a twc_model handle holds.  Private to the api modules. */
#ifndef TWC_HANDLE_H
#define TWC_HANDLE_H

#include "breakeven.h"
#include "model.h"
#include "sim.h"

/* Each member is set by handle_open (calloc) and by handle_open_lean. */
struct twc_model {
	profile *p;     /* shared, read-only, reference held */
	scenario sc;    /* this handle's inputs */
	results r;      /* valid when fresh */
	int fresh;      /* r was computed from the current sc */
	twc_error err;  /* the last failure */
	int lang;       /* of messages read: LANG_EN or LANG_JA */
	unsigned fixed; /* scenario inputs the user set (FIXED_* bits) */
	sim_result sim; /* the last simulation; sim.draws 0 when none */
	sim_progress progress;
	breakeven be; /* the last break-even search */
	/* The plans a simulation ranks for prob_cheapest, a flag each
	 * (cheapest_among); NULL: every plan. */
	unsigned char *among;
	char among_text[1024];
	/* sim_figures net: a simulation leaves total and grant until asked
	 * (sim_run_net, sim_totals). */
	int sim_net_only;
	/* Text the scenario fields return, made at each computation. */
	char start_text[32], start_label[FY_LABEL_MAX], end_label[FY_LABEL_MAX];
	char go_live_text[40], funding_text[512];
	char rollout_text[STYLE_COUNT][256];
};

/* A field's value: a whole number (yen, counts), a real, or text. */
enum value_kind { VALUE_INT, VALUE_REAL, VALUE_TEXT };

typedef struct field_value {
	enum value_kind kind;
	long long i;
	double d;
	const char *s;
} field_value;

/* A new handle on the profile at path (NULL: the bundled default) with
 * its inputs, or a status with the reason in e.  Its
 * messages and text fields are in lang, or (-1) the environment's
 * language (lang_default). */
int handle_open(const char *path, int lang, twc_model **out, twc_error *e);

/* The same, without zeroing the 8 KB of the handle: each member is set
 * as handle_open leaves it, but a text buffer only to an empty string and
 * the scenario by copying (twc_quick's handle, opened for one read).  A
 * member added to struct twc_model must be set there too. */
int handle_open_lean(const char *path, int lang, twc_model **out, twc_error *e);

/* Free a handle and everything it holds; NULL is a no-op. */
void handle_close(twc_model *m);

/* A key the user set: its profile range is no longer drawn. */
void handle_mark_fixed(twc_model *m, const char *key);

/* Forget results that depend on the inputs: after any change. */
void handle_invalidate(twc_model *m);

/* Bring the results up to date with the inputs. */
int handle_refresh(twc_model *m);

/* The value of field for plan (NULL: the scenario), computing if needed. */
int handle_field(twc_model *m, const char *plan_id, const char *field,
                 field_value *v);

/* The same, read once: when field is a plan's own figure, only that plan
 * (and the reference plan, for a difference from it) is computed, without
 * warnings or notes, and the results are then forgotten; any other field
 * is read as handle_field reads it.  The value read is the one
 * handle_field gives, but for a text value's text, which is not kept
 * (v->s NULL): for twc_quick, which reads numbers. */
int handle_field_once(twc_model *m, const char *plan_id, const char *field,
                      field_value *v);

/* The index of a plan id, or a negative status with a message. */
int handle_plan(twc_model *m, const char *id);

/* How many plans, items... (see twc_count). */
int handle_count(twc_model *m, const char *plan_id, const char *what);

#endif
