/* api.c - the exported functions: handles, inputs, results, errors.
 *
 * Every entry point checks its arguments before use and reports failure as
 * a status or NaN with a message in the handle; none prints, exits or
 * aborts. */
#include <config.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundled.h"
#include "handle.h"
#include "number.h"
#include "scenario.h"

static const char null_handle[] = N_("no handle (NULL)");

TWC_API const char *TWC_CALL
twc_version(void)
{
	return PACKAGE_VERSION;
}

static const char *
status_text(int status)
{
	switch (status) {
	case TWC_OK: return N_("success");
	case TWC_EINVAL:
		return N_("a NULL handle or pointer where one is needed");
	case TWC_EKEY: return N_("unknown key, plan, field or index");
	case TWC_ERANGE: return N_("a number outside its allowed range");
	case TWC_EVALUE: return N_("a text value that cannot be understood");
	case TWC_EPROFILE: return N_("a profile cannot be read or is invalid");
	case TWC_ENOMEM: return N_("out of memory");
	case TWC_EOVERFLOW:
		return N_("an amount too large to compute in exact yen");
	case TWC_ESTATE: return N_("results asked before they exist");
	}
	return N_("unknown status");
}

TWC_API const char *TWC_CALL
twc_strerror(int status)
{
	return lang_tr(lang_default(), status_text(status));
}

TWC_API int TWC_CALL
twc_open_buf(const char *path, twc_model **out, char *err, int err_len)
{
	twc_error e;
	int rc;

	err_clear(&e);
	if (out == NULL)
		rc = err_set(&e, TWC_EINVAL,
		             "no place for the handle (out is NULL)");
	else
		rc = handle_open(path, -1, out, &e);
	if (err != NULL && err_len > 0) /* the environment read only then */
		copy_out(err_text(&e, lang_default()), err, err_len);
	return rc;
}

TWC_API int TWC_CALL
twc_open(const char *path, twc_model **out)
{
	return twc_open_buf(path, out, NULL, 0);
}

TWC_API void TWC_CALL
twc_close(twc_model *m)
{
	handle_close(m);
}

TWC_API int TWC_CALL
twc_set(twc_model *m, const char *key, double value)
{
	int rc;

	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	rc = scenario_set(&m->sc, key, value, &m->err);
	if (rc == TWC_OK) {
		handle_mark_fixed(m, key);
		handle_invalidate(m);
	}
	return rc;
}

/* cheapest_among: the plans a simulation ranks for prob_cheapest, from a
 * comma-separated list of plan ids ("" for every plan); on error nothing
 * changes. */
static int
set_among(twc_model *m, const char *ids)
{
	unsigned char *among = NULL;
	char buf[sizeof m->among_text], *save = NULL, *tok;
	int p;

	if (strlen(ids) >= sizeof buf)
		return err_set(&m->err, TWC_EVALUE,
		               "cheapest_among: the list is longer than %zu "
		               "bytes",
		               sizeof buf - 1);
	strcpy(buf, ids);
	if (buf[0] != '\0' &&
	    (among = calloc((size_t)m->p->cat.n_plans, 1)) == NULL)
		return err_set(&m->err, TWC_ENOMEM, "out of memory");
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	     tok = strtok_r(NULL, ",", &save)) {
		if ((p = handle_plan(m, tok)) < 0) {
			free(among);
			return p;
		}
		among[p] = 1;
	}
	free(m->among);
	m->among = among;
	strcpy(m->among_text, ids);
	handle_invalidate(m);
	return TWC_OK;
}

/* sim_figures: all (the default), or net - a simulation gathers each
 * plan's net cost and chances, and its total and grant only when first
 * read (by running the same draws again). */
static int
set_sim_figures(twc_model *m, const char *value)
{
	char shown[ECHO_MAX];

	if (strcmp(value, "all") != 0 && strcmp(value, "net") != 0)
		return err_set(&m->err, TWC_EVALUE, "%s: '%s' is not one of %s",
		               "sim_figures",
		               text_value(value, shown, sizeof shown),
		               "all, net");
	m->sim_net_only = strcmp(value, "net") == 0;
	return TWC_OK;
}

/* The language messages and text fields are read in. */
static int
set_lang(twc_model *m, const char *value)
{
	char shown[ECHO_MAX];
	int lang = lang_parse(value);

	if (lang < 0)
		return err_set(&m->err, TWC_EVALUE,
		               "lang: '%s' is not ja, en or auto",
		               text_value(value, shown, sizeof shown));
	m->lang = lang;
	return TWC_OK;
}

TWC_API int TWC_CALL
twc_set_text(twc_model *m, const char *key, const char *value)
{
	scenario next;
	int rc;

	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	if (key != NULL && value != NULL && strcmp(key, "cheapest_among") == 0)
		return set_among(m, value);
	if (key != NULL && value != NULL && strcmp(key, "lang") == 0)
		return set_lang(m, value);
	if (key != NULL && value != NULL && strcmp(key, "sim_figures") == 0)
		return set_sim_figures(m, value);
	next = m->sc;
	rc = scenario_set_text(&next, key, value, &m->err);
	if (rc == TWC_OK) {
		m->sc = next;
		handle_mark_fixed(m, key);
		handle_invalidate(m);
	}
	return rc;
}

TWC_API int TWC_CALL
twc_set_text_utf16(twc_model *m, const char *key, const unsigned short *value)
{
	char utf8[1024];

	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	if (value == NULL)
		return err_set(&m->err, TWC_EINVAL, "no value given");
	if (!utf16_to_utf8(value, utf8, sizeof utf8))
		return err_set(&m->err, TWC_EVALUE,
		               "%.40s: text is not valid UTF-16 or is too long",
		               key && utf8_valid(key) ? key : "value");
	return twc_set_text(m, key, utf8);
}

TWC_API int TWC_CALL
twc_reset(twc_model *m)
{
	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	m->sc = m->p->sc;
	m->fixed = 0;
	free(m->among);
	m->among = NULL;
	m->among_text[0] = '\0';
	handle_invalidate(m);
	return TWC_OK;
}

TWC_API double TWC_CALL
twc_get(twc_model *m, const char *key)
{
	if (m == NULL)
		return NAN;
	err_clear(&m->err);
	return scenario_get(&m->sc, key, &m->err);
}

TWC_API int TWC_CALL
twc_count(twc_model *m, const char *plan, const char *what)
{
	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	return handle_count(m, plan, what);
}

TWC_API double TWC_CALL
twc_result(twc_model *m, const char *plan, const char *field)
{
	field_value v;

	if (m == NULL)
		return NAN;
	err_clear(&m->err);
	if (handle_field(m, plan, field, &v) != TWC_OK)
		return NAN;
	if (v.kind == VALUE_TEXT) {
		err_set(&m->err, TWC_EKEY, "field '%s' is text: use twc_text",
		        field);
		return NAN;
	}
	return v.d;
}

TWC_API int TWC_CALL
twc_result_yen(twc_model *m, const char *plan, const char *field,
               long long *yen)
{
	field_value v;
	int rc;

	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	if (yen == NULL)
		return err_set(&m->err, TWC_EINVAL, "no place for the result");
	if ((rc = handle_field(m, plan, field, &v)) != TWC_OK)
		return rc;
	if (v.kind != VALUE_INT)
		return err_set(&m->err, TWC_EKEY,
		               "field '%s' is not a whole number of yen",
		               field);
	*yen = v.i;
	return TWC_OK;
}

TWC_API const char *TWC_CALL
twc_text(twc_model *m, const char *plan, const char *field)
{
	field_value v;

	if (m == NULL)
		return NULL;
	err_clear(&m->err);
	if (handle_field(m, plan, field, &v) != TWC_OK)
		return NULL;
	if (v.kind != VALUE_TEXT) {
		err_set(&m->err, TWC_EKEY,
		        "field '%s' is a number: use twc_result", field);
		return NULL;
	}
	return v.s;
}

TWC_API int TWC_CALL
twc_text_buf(twc_model *m, const char *plan, const char *field, char *buf,
             int len)
{
	const char *s = twc_text(m, plan, field);

	if (s == NULL)
		return m == NULL ? TWC_EINVAL : m->err.status;
	return copy_out(s, buf, len);
}

TWC_API const char *TWC_CALL
twc_last_error(const twc_model *m)
{
	return m == NULL ? lang_tr(lang_default(), null_handle)
	                 : err_text(&m->err, m->lang);
}

TWC_API int TWC_CALL
twc_last_error_buf(const twc_model *m, char *buf, int len)
{
	return copy_out(twc_last_error(m), buf, len);
}

/* Replace the inputs twc_quick was given; NaN and NULL keep the default.
 * As twc_set and twc_set_text would, on a handle no one else sees: what
 * they also do for later reads (inputs marked fixed for a simulation,
 * results forgotten, the inputs kept when one is refused) is not needed. */
static int
quick_inputs(twc_model *m, double staff, double home, double satellite,
             double mobile, const char *start, double fiscal_index)
{
	double values[] = {staff, home, satellite, mobile, fiscal_index};

	return scenario_set_quick(&m->sc, values, start, &m->err);
}

TWC_API double TWC_CALL
twc_quick(const char *plan, const char *field, double staff, double home,
          double satellite, double mobile, const char *start,
          double fiscal_index)
{
	twc_model *m;
	twc_error e;
	field_value fv;
	double v = NAN;

	/* Its messages are never read: no language is looked up. */
	if (plan == NULL || field == NULL ||
	    handle_open_lean(NULL, LANG_EN, &m, &e) != TWC_OK)
		return NAN;
	if (quick_inputs(m, staff, home, satellite, mobile, start,
	                 fiscal_index) == TWC_OK &&
	    handle_field_once(m, plan, field, &fv) == TWC_OK &&
	    fv.kind != VALUE_TEXT)
		v = fv.d;
	handle_close(m);
	return v;
}

TWC_API int TWC_CALL
twc_check(const char *path, char *err, int err_len)
{
	twc_error e;
	int rc;

	err_clear(&e);
	rc = profile_check(path, &e);
	copy_out(err_text(&e, lang_default()), err, err_len);
	return rc;
}

TWC_API int TWC_CALL
twc_fiscal_year(const char *text)
{
	twc_error e;
	twc_date d;
	int fy, rc;

	if (text == NULL)
		return TWC_EINVAL;
	rc = fy_parse("fiscal year", text, &fy, &d, &e);
	return rc == TWC_OK ? fy : rc;
}

TWC_API const char *TWC_CALL
twc_nearest(const char *word, const char *const *names, int n)
{
	if (word == NULL || names == NULL || n < 0)
		return NULL;
	return nearest_word(word, names, n);
}

TWC_API int TWC_CALL
twc_read_number(const char *text, double lo, double hi, int flags,
                double *value, char *err, int err_len)
{
	int f = NUM_TEXT | (flags & TWC_NUMBER_WHOLE ? NUM_WHOLE : 0) |
	        (flags & TWC_NUMBER_SHARE ? NUM_SHARE : 0);
	char shown[NUM_SHOWN_MAX];
	twc_error e;
	double v;
	int rc;

	err_clear(&e);
	if (text == NULL || value == NULL)
		rc = err_set(&e, TWC_EINVAL,
		             "no text or no place for the value");
	else if (!(lo <= hi))
		rc = err_set(&e, TWC_EINVAL, "no number is from %g to %g", lo,
		             hi);
	else if ((rc = num_read(text, f, &v, shown, sizeof shown, &e)) ==
	             TWC_OK &&
	         (rc = num_within(v, shown, lo, hi, f, &e)) == TWC_OK)
		*value = v;
	copy_out(err_text(&e, lang_default()), err, err_len);
	return rc;
}

TWC_API int TWC_CALL
twc_bundled_count(void)
{
	return bundled_count;
}

TWC_API const char *TWC_CALL
twc_bundled(int index, const char *field)
{
	const bundled_profile *b;

	if (index < 0 || index >= bundled_count || field == NULL)
		return NULL;
	b = &bundled_profiles[index];
	if (strcmp(field, "name") == 0)
		return b->name;
	if (strcmp(field, "kind") == 0)
		return b->kind;
	if (strcmp(field, "title") == 0)
		return b->title;
	return NULL;
}

TWC_API int TWC_CALL
twc_bundled_buf(int index, const char *field, char *buf, int len)
{
	const char *s = twc_bundled(index, field);

	return s == NULL ? TWC_EKEY : copy_out(s, buf, len);
}

TWC_API const char *TWC_CALL
twc_bundled_text(const char *name)
{
	const bundled_profile *b = name ? bundled_find(name) : NULL;

	return b ? b->text : NULL;
}

TWC_API int TWC_CALL
twc_simulate(twc_model *m, int draws, double seed, int threads)
{
	int rc;

	if (m == NULL)
		return TWC_EINVAL;
	err_clear(&m->err);
	sim_free(&m->sim);
	if ((rc = handle_refresh(m)))
		return rc;
	if (m->sim_net_only)
		return sim_run_net(m->p, &m->sc, &m->r, m->fixed, m->among,
		                   draws, seed, threads, &m->progress, &m->sim,
		                   &m->err);
	return sim_run(m->p, &m->sc, &m->r, m->fixed, m->among, draws, seed,
	               threads, &m->progress, NULL, &m->sim, &m->err);
}

TWC_API double TWC_CALL
twc_progress(const twc_model *m)
{
	long total, done;

	if (m == NULL)
		return NAN;
	total = atomic_load(&m->progress.total);
	done = atomic_load(&m->progress.done);
	return total > 0 ? (double)done / (double)total : 0;
}

TWC_API double TWC_CALL
twc_breakeven(twc_model *m, const char *plan_a, const char *plan_b,
              const char *over, double lo, double hi)
{
	int a, b, o;

	if (m == NULL)
		return NAN;
	err_clear(&m->err);
	memset(&m->be, 0, sizeof m->be);
	if (plan_a == NULL || plan_b == NULL || over == NULL) {
		err_set(&m->err, TWC_EINVAL,
		        "break-even: two plans and an input");
		return NAN;
	}
	if ((o = over_of(over)) < 0) {
		const char *near = over_nearest(over);
		if (near != NULL)
			err_set(&m->err, TWC_EKEY,
			        "break-even over '%.20s': not staff, home or "
			        "years (did you mean '%s'?)",
			        over, near);
		else
			err_set(&m->err, TWC_EKEY,
			        "break-even over '%.20s': not staff, home or "
			        "years",
			        utf8_valid(over) ? over : "?");
		return NAN;
	}
	if (handle_refresh(m) || (a = handle_plan(m, plan_a)) < 0 ||
	    (b = handle_plan(m, plan_b)) < 0)
		return NAN;
	if (!isfinite(lo) || !isfinite(hi)) {
		err_set(&m->err, TWC_ERANGE,
		        "break-even: the range must be finite");
		return NAN;
	}
	if (breakeven_find(m->p, &m->sc, a, b, o, lo, hi, &m->be, &m->err))
		return NAN;
	return m->be.value;
}
