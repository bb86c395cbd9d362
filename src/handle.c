/* handle.c - a handle's life: open, close, invalidate, refresh.  The
 * exported functions (api.c) and the result tables (fields.c) both call
 * here; nothing here calls them. */
#include <config.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "handle.h"
#include "phasing.h"
#include "scenario.h"

/* The phasing inputs as the text fields give them. */
static void
describe_phasing(twc_model *m)
{
	const scenario *sc = &m->sc;
	int st;

	m->go_live_text[0] = '\0';
	if (sc->go_live.day > 0)
		snprintf(m->go_live_text, sizeof m->go_live_text,
		         "%04d-%02d-%02d", sc->go_live.year, sc->go_live.month,
		         sc->go_live.day);
	funding_text(sc->funds, sc->n_funds, m->funding_text,
	             sizeof m->funding_text);
	for (st = 0; st < STYLE_COUNT; st++)
		rollout_text(&sc->roll[st], m->rollout_text[st],
		             sizeof m->rollout_text[st]);
}

/* Texts the scenario fields return, made when results are computed. */
static void
describe(twc_model *m)
{
	const scenario *sc = &m->sc;

	if (sc->start_date.day > 0)
		snprintf(m->start_text, sizeof m->start_text, "%04d-%02d-%02d",
		         sc->start_date.year, sc->start_date.month,
		         sc->start_date.day);
	else
		snprintf(m->start_text, sizeof m->start_text, "FY%d",
		         sc->start_fy);
	fy_label(sc->start_fy, m->start_label, sizeof m->start_label);
	fy_label(sc->start_fy + sc->years - 1, m->end_label,
	         sizeof m->end_label);
	describe_phasing(m);
}

void
handle_invalidate(twc_model *m)
{
	m->fresh = 0;
	sim_free(&m->sim);
	memset(&m->be, 0, sizeof m->be);
}

/* A key the user sets is no longer uncertain in a simulation: a style's
 * name (its share) or the name and "_days". */
void
handle_mark_fixed(twc_model *m, const char *key)
{
	int st;

	for (st = 0; st < STYLE_COUNT; st++) {
		const char *name = style_name(st);
		size_t n = strlen(name);
		if (strncmp(key, name, n) != 0)
			continue;
		if (key[n] == '\0')
			m->fixed |= (unsigned)FIXED_SHARE << st;
		else if (strcmp(key + n, "_days") == 0)
			m->fixed |= (unsigned)FIXED_DAYS << st;
	}
	if (strcmp(key, "peak") == 0)
		m->fixed |= FIXED_PEAK;
}

int
handle_refresh(twc_model *m)
{
	int rc;

	if (m->fresh)
		return TWC_OK;
	results_free(&m->r);
	if ((rc = model_compute(m->p, &m->sc, &m->r, &m->err)))
		return rc;
	describe(m);
	m->fresh = 1;
	return TWC_OK;
}

int
handle_open(const char *path, int lang, twc_model **out, twc_error *e)
{
	twc_model *m = calloc(1, sizeof *m);
	int rc;

	*out = NULL;
	if (m == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	if ((rc = profile_acquire(path, &m->p, e)) != TWC_OK) {
		free(m);
		return rc;
	}
	m->sc = m->p->sc;
	m->lang = lang >= 0 ? lang : lang_default();
	*out = m;
	return TWC_OK;
}

int
handle_open_lean(const char *path, int lang, twc_model **out, twc_error *e)
{
	twc_model *m = malloc(sizeof *m);
	int rc, st;

	*out = NULL;
	if (m == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	if ((rc = profile_acquire(path, &m->p, e)) != TWC_OK) {
		free(m);
		return rc;
	}
	/* every member, as calloc would leave it but for the bytes no one
	 * reads: the scenario is copied whole, and of each text buffer only
	 * the first byte is set (an empty string) */
	m->sc = m->p->sc;
	memset(&m->r, 0, sizeof m->r);
	m->fresh = 0;
	err_clear(&m->err);
	m->lang = lang >= 0 ? lang : lang_default();
	m->fixed = 0;
	memset(&m->sim, 0, sizeof m->sim);
	memset(&m->progress, 0, sizeof m->progress);
	memset(&m->be, 0, sizeof m->be);
	m->among = NULL;
	m->among_text[0] = '\0';
	m->start_text[0] = m->start_label[0] = m->end_label[0] = '\0';
	m->go_live_text[0] = m->funding_text[0] = '\0';
	for (st = 0; st < STYLE_COUNT; st++)
		m->rollout_text[st][0] = '\0';
	*out = m;
	return TWC_OK;
}

void
handle_close(twc_model *m)
{
	if (m == NULL)
		return;
	free(m->among);
	results_free(&m->r);
	sim_free(&m->sim);
	profile_release(m->p);
	free(m);
}
