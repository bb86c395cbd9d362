/* reader.c - typed, range-checked reading of libconfig settings. */
#include <config.h>

#include "reader.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "places.h"

void
rd_path(const config_setting_t *s, char *buf, size_t n)
{
	char tmp[256];
	const config_setting_t *parent;

	buf[0] = '\0';
	if (s == NULL || config_setting_is_root(s))
		return;
	parent = config_setting_parent(s);
	rd_path(parent, tmp, sizeof tmp);
	if (config_setting_name(s) != NULL)
		snprintf(buf, n, "%s%s%s", tmp, tmp[0] ? "." : "",
		         config_setting_name(s));
	else
		snprintf(buf, n, "%s[%d]", tmp, config_setting_index(s));
}

const char *
rd_where(const reader *rd, const config_setting_t *s, unsigned *line)
{
	unsigned at = s ? config_setting_source_line(s) : 0;

	*line = at;
	if (rd->src == NULL)
		return rd->file;
	return source_where(rd->src, at, line);
}

int
rd_fail(reader *rd, const config_setting_t *s, const char *fmt, ...)
{
	char en[TWC_MSG_MAX], ja[TWC_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	msg_vformat_pair(en, ja, sizeof en, fmt, ap);
	va_end(ap);
	return rd_fail_pair(rd, s, en, ja);
}

int
rd_fail_err(reader *rd, const config_setting_t *s, const twc_error *inner)
{
	return rd_fail_pair(rd, s, inner->msg, inner->msg_ja);
}

int
rd_fail_pair(reader *rd, const config_setting_t *s, const char *en,
             const char *ja)
{
	char path[256];

	rd_path(s, path, sizeof path);
	return rd_fail_at2(rd, s ? config_setting_source_line(s) : 0, path, en,
	                   ja);
}

int
rd_fail_at(reader *rd, unsigned line, const char *path, const char *fmt, ...)
{
	char en[TWC_MSG_MAX], ja[TWC_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	msg_vformat_pair(en, ja, sizeof en, fmt, ap);
	va_end(ap);
	return rd_fail_at2(rd, line, path, en, ja);
}

int
rd_fail_at2(reader *rd, unsigned line, const char *path, const char *en,
            const char *ja)
{
	char where[32] = "", prefix[512];
	const char *file = rd->file;
	twc_error inner;

	if (rd->src != NULL)
		file = source_where(rd->src, line, &line);
	if (line > 0)
		snprintf(where, sizeof where, ":%u", line);
	if (path == NULL || path[0] == '\0')
		snprintf(prefix, sizeof prefix, "%s%s: ", file, where);
	else
		snprintf(prefix, sizeof prefix, "%s%s: %s: ", file, where,
		         path);
	err_set_pair(&inner, TWC_EPROFILE, en, ja);
	return err_relay(rd->e, TWC_EPROFILE, prefix, &inner);
}

int
rd_group(reader *rd, const config_setting_t *s)
{
	if (config_setting_type(s) == CONFIG_TYPE_GROUP)
		return TWC_OK;
	return rd_fail(rd, s, "must be a group { ... }");
}

/* The most places a wrong-group message names; a key known in more (id,
 * label_ja) says too little about where it belongs. */
#define MAX_PLACES 4

/* The places (places.h) that take key, each place shown once, into
 * found; their number, or MAX_PLACES + 1 when there are more.  at_top:
 * the key is at the top level already (of a catalogue or grant file). */
static int
places_of(const char *key, int at_top, int *found)
{
	int p, i, n = 0, seen;

	for (p = 0; p < PL_COUNT; p++) {
		if ((at_top && p == PL_TOP) ||
		    name_index(key, places[p].keys) < 0)
			continue;
		for (i = 0, seen = 0; i < n; i++)
			seen |= strcmp(places[found[i]].where,
			               places[p].where) == 0;
		if (seen)
			continue;
		if (n == MAX_PLACES)
			return MAX_PLACES + 1;
		found[n++] = p;
	}
	return n;
}

/* The places in found, as lang shows them, joined with ", ". */
static void
places_text(const char *key, const int *found, int n, int lang, char *buf,
            size_t size)
{
	char piece[200];
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		if (found[i] == PL_TOP)
			msg_format(piece, sizeof piece, lang,
			           "the top level of the profile (%s)",
			           place_top_shape(key));
		else
			snprintf(piece, sizeof piece, "%s",
			         lang_tr(lang, places[found[i]].where));
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		                        i ? ", " : "", piece);
	}
}

/* Fail for key, written in the group at path ("": the top level) but
 * known only in the n places found. */
static int
wrong_group(reader *rd, unsigned line, const char *path, const char *key,
            const int *found, int n)
{
	char msg[LANG_COUNT][TWC_MSG_MAX], list[400];
	int lang;

	for (lang = 0; lang < LANG_COUNT; lang++) {
		places_text(key, found, n, lang, list, sizeof list);
		if (n == 1 && found[0] == PL_TOP)
			msg_format(
			    msg[lang], sizeof msg[lang], lang,
			    "unknown key '%s': it belongs at the top level "
			    "of the profile (%s), not in %s",
			    key, place_top_shape(key), path);
		else if (path[0] == '\0')
			msg_format(msg[lang], sizeof msg[lang], lang,
			           "unknown key '%s': it belongs in %s, not at "
			           "the top level",
			           key, list);
		else
			msg_format(
			    msg[lang], sizeof msg[lang], lang,
			    "unknown key '%s': it belongs in %s, not in %s",
			    key, list, path);
	}
	return rd_fail_at2(rd, line, path, msg[LANG_EN], msg[LANG_JA]);
}

/* Fail for member m of group, whose name is not one of keys (nk): where
 * it belongs when another group takes it, else the key meant. */
static int
unknown_key(reader *rd, const config_setting_t *group,
            const config_setting_t *m, const char *const *keys, int nk)
{
	const char *name = config_setting_name(m), *near;
	unsigned line = config_setting_source_line(m);
	char path[256], cut[ECHO_MAX];
	int found[MAX_PLACES + 1];
	int n = places_of(name, config_setting_is_root(group), found);

	rd_path(group, path, sizeof path);
	text_echo(name, cut, sizeof cut);
	if (n >= 1 && n <= MAX_PLACES)
		return wrong_group(rd, line, path, cut, found, n);
	near = nearest_word(name, keys, nk);
	if (near != NULL)
		return rd_fail_at(rd, line, path,
		                  "unknown key '%s' (did you mean '%s'?)", cut,
		                  near);
	return rd_fail_at(rd, line, path, "unknown key '%s'", cut);
}

int
rd_keys(reader *rd, const config_setting_t *group, const char *const *keys)
{
	int i, n = config_setting_length(group), nk = 0, rc;

	if ((rc = rd_group(rd, group)) != TWC_OK)
		return rc;
	while (keys[nk] != NULL)
		nk++;
	for (i = 0; i < n; i++) {
		const config_setting_t *m =
		    config_setting_get_elem(group, (unsigned)i);
		if (name_index(config_setting_name(m), keys) < 0)
			return unknown_key(rd, group, m, keys, nk);
	}
	return TWC_OK;
}

const config_setting_t *
rd_member(reader *rd, const config_setting_t *group, const char *key,
          int required, int *rc)
{
	const config_setting_t *s;

	if ((*rc = rd_group(rd, group)) != TWC_OK)
		return NULL;
	s = config_setting_get_member(group, key);
	if (s == NULL && required)
		*rc = rd_fail(rd, group, "missing key '%s'", key);
	return s;
}

int
rd_is_number(const config_setting_t *s)
{
	int t = config_setting_type(s);

	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64 ||
	       t == CONFIG_TYPE_FLOAT;
}

double
rd_as_number(const config_setting_t *s)
{
	int t = config_setting_type(s);

	if (t == CONFIG_TYPE_FLOAT)
		return config_setting_get_float(s);
	return (double)config_setting_get_int64(s);
}

int
rd_string(reader *rd, const config_setting_t *group, const char *key,
          int required, const char **out)
{
	int rc;
	const config_setting_t *s = rd_member(rd, group, key, required, &rc);
	const char *v;

	if (s == NULL)
		return rc;
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return rd_fail(rd, s, "must be a string in double quotes");
	v = config_setting_get_string(s);
	if (!utf8_valid(v))
		return rd_fail(rd, s, "is not UTF-8 (save the file as UTF-8)");
	*out = arena_strdup(rd->mem, v);
	if (*out == NULL)
		return err_set(rd->e, TWC_ENOMEM, "out of memory");
	return TWC_OK;
}

int
rd_bool(reader *rd, const config_setting_t *group, const char *key,
        int required, int *out)
{
	int rc;
	const config_setting_t *s = rd_member(rd, group, key, required, &rc);

	if (s == NULL)
		return rc;
	if (config_setting_type(s) != CONFIG_TYPE_BOOL)
		return rd_fail(rd, s, "must be true or false");
	*out = config_setting_get_bool(s);
	return TWC_OK;
}

int
rd_int(reader *rd, const config_setting_t *group, const char *key, int required,
       long long lo, long long hi, long long *out)
{
	int rc, t;
	const config_setting_t *s = rd_member(rd, group, key, required, &rc);
	long long v;

	if (s == NULL)
		return rc;
	t = config_setting_type(s);
	if (t != CONFIG_TYPE_INT && t != CONFIG_TYPE_INT64)
		return rd_fail(
		    rd, s, "must be a whole number from %lld to %lld", lo, hi);
	v = config_setting_get_int64(s);
	if (v < lo || v > hi)
		return rd_fail(rd, s, "%lld is out of range (%lld to %lld)", v,
		               lo, hi);
	*out = v;
	return TWC_OK;
}

int
rd_not_number(reader *rd, const config_setting_t *s, double lo, double hi)
{
	char a[NUM_MAX], b[NUM_MAX];

	return rd_fail(rd, s, "must be a number from %s to %s",
	               fmt_num(lo, a, sizeof a), fmt_num(hi, b, sizeof b));
}

/* Fail unless x is a number in [lo, hi] (and whole, when asked). */
static int
check_value(reader *rd, const config_setting_t *s, double x, double lo,
            double hi, int whole)
{
	char a[NUM_MAX], b[NUM_MAX], c[NUM_MAX];

	if (!isfinite(x) || x < lo || x > hi)
		return rd_fail(rd, s, "%s is out of range (%s to %s)",
		               fmt_num(x, a, sizeof a),
		               fmt_num(lo, b, sizeof b),
		               fmt_num(hi, c, sizeof c));
	if (whole && x != floor(x))
		return rd_fail(rd, s, "%s must be a whole number of yen",
		               fmt_num(x, a, sizeof a));
	return TWC_OK;
}

int
rd_number(reader *rd, const config_setting_t *group, const char *key,
          int required, double lo, double hi, double *out)
{
	int rc;
	const config_setting_t *s = rd_member(rd, group, key, required, &rc);

	if (s == NULL)
		return rc;
	if (!rd_is_number(s))
		return rd_not_number(rd, s, lo, hi);
	rc = check_value(rd, s, rd_as_number(s), lo, hi, 0);
	if (rc == TWC_OK)
		*out = rd_as_number(s);
	return rc;
}

/* A distribution member: a number in [lo, hi]. */
static int
dist_member(reader *rd, const config_setting_t *g, const char *key, double lo,
            double hi, int whole, double *out)
{
	int rc;
	const config_setting_t *s = rd_member(rd, g, key, 1, &rc);

	if (s == NULL)
		return rc;
	if (!rd_is_number(s))
		return rd_not_number(rd, s, lo, hi);
	*out = rd_as_number(s);
	return check_value(rd, s, *out, lo, hi, whole);
}

static int
read_three(reader *rd, const config_setting_t *g, double lo, double hi,
           int whole, dist *d)
{
	char a[NUM_MAX], b[NUM_MAX], c[NUM_MAX];
	int rc;

	if ((rc = dist_member(rd, g, "low", lo, hi, whole, &d->low)) ||
	    (rc = dist_member(rd, g, "mode", lo, hi, whole, &d->base)) ||
	    (rc = dist_member(rd, g, "high", lo, hi, whole, &d->high)))
		return rc;
	if (!(d->low <= d->base && d->base <= d->high))
		return rd_fail(
		    rd, g, "needs low <= mode <= high (got %s, %s, %s)",
		    fmt_num(d->low, a, sizeof a), fmt_num(d->base, b, sizeof b),
		    fmt_num(d->high, c, sizeof c));
	return TWC_OK;
}

static int
read_uniform(reader *rd, const config_setting_t *g, double lo, double hi,
             int whole, dist *d)
{
	char a[NUM_MAX], b[NUM_MAX];
	int rc;

	if ((rc = dist_member(rd, g, "low", lo, hi, whole, &d->low)) ||
	    (rc = dist_member(rd, g, "high", lo, hi, whole, &d->high)))
		return rc;
	if (d->low > d->high)
		return rd_fail(rd, g, "needs low <= high (got %s, %s)",
		               fmt_num(d->low, a, sizeof a),
		               fmt_num(d->high, b, sizeof b));
	d->base = 0.5 * (d->low + d->high);
	if (whole)
		d->base = floor(d->base + 0.5);
	return TWC_OK;
}

static int
read_lognormal(reader *rd, const config_setting_t *g, double lo, double hi,
               int whole, dist *d)
{
	char a[NUM_MAX], b[NUM_MAX];
	int rc;

	if ((rc = dist_member(rd, g, "median", lo, hi, whole, &d->base)) ||
	    (rc = dist_member(rd, g, "p90", lo, hi, whole, &d->high)))
		return rc;
	if (!(d->base > 0 && d->high >= d->base))
		return rd_fail(rd, g, "needs 0 < median <= p90 (got %s, %s)",
		               fmt_num(d->base, a, sizeof a),
		               fmt_num(d->high, b, sizeof b));
	d->low = 0;
	return TWC_OK;
}

int
rd_dist(reader *rd, const config_setting_t *s, double lo, double hi, int whole,
        dist *out)
{
	const char *name = "triangular";
	char cut[ECHO_MAX];
	int rc, kind;

	if (rd_is_number(s)) {
		out->kind = DIST_FIXED;
		out->base = out->low = out->high = rd_as_number(s);
		return check_value(rd, s, out->base, lo, hi, whole);
	}
	if (config_setting_type(s) != CONFIG_TYPE_GROUP)
		return rd_fail(
		    rd, s,
		    "must be a number or a range { low = ...; mode = "
		    "...; high = ...; }");
	if ((rc = rd_string(rd, s, "dist", 0, &name)))
		return rc;
	kind = dist_kind_of(name);
	if (kind < 0 || kind == DIST_FIXED)
		return rd_fail(rd, s,
		               "dist '%s' is not triangular, pert, uniform or "
		               "lognormal",
		               text_echo(name, cut, sizeof cut));
	out->kind = (enum dist_kind)kind;
	if (kind == DIST_UNIFORM)
		return (rc = rd_keys(rd, s, PLACE_KEYS(PL_DIST_UNIFORM)))
		           ? rc
		           : read_uniform(rd, s, lo, hi, whole, out);
	if (kind == DIST_LOGNORMAL)
		return (rc = rd_keys(rd, s, PLACE_KEYS(PL_DIST_LOGNORMAL)))
		           ? rc
		           : read_lognormal(rd, s, lo, hi, whole, out);
	return (rc = rd_keys(rd, s, PLACE_KEYS(PL_DIST_THREE)))
	           ? rc
	           : read_three(rd, s, lo, hi, whole, out);
}

/* The names joined with ", " for a message. */
static void
join(const char *const *names, char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; names[i] != NULL && len < n; i++)
		len += (size_t)snprintf(buf + len, n - len, "%s%s",
		                        i ? ", " : "", names[i]);
}

static int
choice_index(reader *rd, const config_setting_t *s, const char *const *names,
             int *out)
{
	char list[256], cut[ECHO_MAX];
	const char *v, *near;
	int n = 0;

	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return rd_fail(rd, s, "must be a string in double quotes");
	v = config_setting_get_string(s);
	if ((*out = name_index(v, names)) >= 0)
		return TWC_OK;
	while (names[n] != NULL)
		n++;
	join(names, list, sizeof list);
	near = nearest_word(v, names, n);
	v = text_value(v, cut, sizeof cut);
	if (near != NULL)
		return rd_fail(rd, s,
		               "'%s' is not one of %s (did you mean '%s'?)", v,
		               list, near);
	return rd_fail(rd, s, "'%s' is not one of %s", v, list);
}

int
rd_choice(reader *rd, const config_setting_t *group, const char *key,
          int required, const char *const *names, int *out)
{
	int rc;
	const config_setting_t *s = rd_member(rd, group, key, required, &rc);

	if (s == NULL)
		return rc;
	return choice_index(rd, s, names, out);
}

int
rd_choice_set(reader *rd, const config_setting_t *group, const char *key,
              int required, const char *const *names, unsigned *mask)
{
	int rc, i, n, k;
	const config_setting_t *s = rd_member(rd, group, key, required, &rc);

	if (s == NULL)
		return rc;
	if (config_setting_type(s) != CONFIG_TYPE_ARRAY &&
	    config_setting_type(s) != CONFIG_TYPE_LIST)
		return rd_fail(rd, s,
		               "must be an array of strings [ \"...\" ]");
	*mask = 0;
	n = config_setting_length(s);
	for (i = 0; i < n; i++) {
		rc = choice_index(rd, config_setting_get_elem(s, (unsigned)i),
		                  names, &k);
		if (rc)
			return rc;
		*mask |= 1u << k;
	}
	return TWC_OK;
}
