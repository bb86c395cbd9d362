/* profile.c - finding, reading and validating profile files: the only
 * module, with parse_*.c and reader.c, that knows libconfig. */
#include <config.h>

#include "profile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bundled.h"
#include "parse.h"

/* The profile a scenario without --profile uses. */
#define DEFAULT_PROFILE "bundled:default.cfg"

/* The prefix that names a bundled profile even where a file of that name
 * exists. */
#define BUNDLED_PREFIX "bundled:"

/* Where a profile's text comes from: a file or a bundled copy. */
typedef struct origin {
	const char *path; /* the file, or NULL */
	const bundled_profile *bundled;
	char shown[1024]; /* the name messages show */
	char full[1024];  /* the absolute path of a file */
} origin;

/* 1 when path names a regular file (read later without blocking, and
 * checked again then: see source_read_file). */
static int
is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/'), *back = strrchr(path, '\\');

	if (back != NULL && (slash == NULL || back > slash))
		slash = back;
	return slash ? slash + 1 : path;
}

static int
has_dir(const char *path)
{
	return strchr(path, '/') != NULL || strchr(path, '\\') != NULL;
}

static void
list_bundled(char *buf, size_t n)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < bundled_count && len < n; i++)
		if (strcmp(bundled_profiles[i].kind, "scenario") == 0)
			len += (size_t)snprintf(buf + len, n - len, "%s%s",
			                        len ? ", " : "",
			                        bundled_profiles[i].name);
}

int
profile_key(const char *path, char *buf, size_t n)
{
	char *abs = NULL;

	if (path == NULL || path[0] == '\0')
		path = DEFAULT_PROFILE;
	if (strncmp(path, BUNDLED_PREFIX, strlen(BUNDLED_PREFIX)) != 0 &&
	    is_file(path)) {
#ifdef _WIN32
		abs = _fullpath(NULL, path, 0);
#else
		abs = realpath(path, NULL);
#endif
	}
	if (strlen(abs ? abs : path) >= n) {
		free(abs);
		return 0;
	}
	strcpy(buf, abs ? abs : path);
	free(abs);
	return 1;
}

/* name without ".cfg" into buf. */
static const char *
stem(const char *name, char *buf, size_t n)
{
	size_t len = strlen(name);

	if (len > 4 && strcmp(name + len - 4, ".cfg") == 0)
		len -= 4;
	snprintf(buf, n, "%.*s", (int)len, name);
	return buf;
}

/* The bundled scenario a user who wrote path most plausibly meant
 * ("village45" for village-45.cfg), compared without ".cfg"; or NULL. */
static const char *
bundled_nearest(const char *path)
{
	enum { MAX_NAMES = 64 };
	char stems[MAX_NAMES][64], want[64];
	const char *names[MAX_NAMES], *full[MAX_NAMES], *near;
	int i, n = 0;

	for (i = 0; i < bundled_count && n < MAX_NAMES; i++)
		if (strcmp(bundled_profiles[i].kind, "scenario") == 0) {
			full[n] = bundled_profiles[i].name;
			names[n] = stem(full[n], stems[n], sizeof stems[n]);
			n++;
		}
	near = nearest_word(stem(path, want, sizeof want), names, n);
	for (i = 0; near != NULL && i < n; i++)
		if (near == names[i])
			return full[i];
	return NULL;
}

/* Why path cannot be opened, with the bundled scenarios and the one the
 * user may have meant. */
static int
not_found(const char *path, twc_error *e)
{
	char names[512], cut[200], msg[LANG_COUNT][TWC_MSG_MAX];
	const char *near = has_dir(path) ? NULL : bundled_nearest(path);
	int err = errno, l;

	list_bundled(names, sizeof names);
	text_echo(path, cut, sizeof cut);
	for (l = 0; l < LANG_COUNT; l++) {
		const char *why = err ? err_errno(err, l)
		                      : lang_tr(l, N_("not a regular file"));
		if (near != NULL)
			msg_format(msg[l], sizeof msg[l], l,
			           "%s: cannot open profile: %s (did you mean "
			           "the bundled '%s'?)",
			           cut, why, near);
		else
			msg_format(msg[l], sizeof msg[l], l,
			           "%s: cannot open profile: %s (bundled "
			           "scenarios: %s)",
			           cut, why, names);
	}
	return err_set_pair(e, TWC_EPROFILE, msg[LANG_EN], msg[LANG_JA]);
}

/* Find the profile a user named: a file, else a bundled name. */
static int
find_top(const char *path, origin *o, twc_error *e)
{
	char cut[200];

	memset(o, 0, sizeof *o);
	if (path == NULL || path[0] == '\0')
		path = DEFAULT_PROFILE;
	if (!utf8_valid(path))
		return err_set(e, TWC_EPROFILE, "profile path is not UTF-8");
	if (strncmp(path, BUNDLED_PREFIX, strlen(BUNDLED_PREFIX)) == 0) {
		o->bundled = bundled_find(path + strlen(BUNDLED_PREFIX));
		if (o->bundled == NULL)
			return err_set(e, TWC_EPROFILE,
			               "%s: no such bundled profile", path);
		snprintf(o->shown, sizeof o->shown, "bundled:%s",
		         o->bundled->name);
		return TWC_OK;
	}
	text_echo(path, cut, sizeof cut);
	if (is_file(path)) {
		snprintf(o->shown, sizeof o->shown, "%s", path);
		if (!profile_key(path, o->full, sizeof o->full))
			return err_set(e, TWC_EPROFILE, "%s: path too long",
			               cut);
		o->path = o->full;
		return TWC_OK;
	}
	if (!has_dir(path) && (o->bundled = bundled_find(path)) != NULL) {
		snprintf(o->shown, sizeof o->shown, "bundled:%s",
		         o->bundled->name);
		return TWC_OK;
	}
	return not_found(path, e);
}

/* Find a profile that scenario `from` refers to: beside it, else the
 * bundled profile of the same base name. */
static int
find_ref(const origin *from, const char *ref, origin *o)
{
	memset(o, 0, sizeof *o);
	if (from->path != NULL) {
		int absolute = ref[0] == '/' || ref[0] == '\\' ||
		               (ref[0] != '\0' && ref[1] == ':');
		int dir =
		    absolute ? 0 : (int)(base_name(from->path) - from->path);
		int shown_dir =
		    absolute ? 0 : (int)(base_name(from->shown) - from->shown);
		snprintf(o->full, sizeof o->full, "%.*s%s", dir, from->path,
		         ref);
		snprintf(o->shown, sizeof o->shown, "%.*s%s", shown_dir,
		         from->shown, ref);
		if (is_file(o->full)) {
			o->path = o->full;
			return 1;
		}
	}
	o->bundled = bundled_find(base_name(ref));
	if (o->bundled == NULL)
		return 0;
	snprintf(o->shown, sizeof o->shown, "bundled:%s", o->bundled->name);
	return 1;
}

/* libconfig 1.5 opens @include names itself (against this folder when
 * set): the loader splices every include before libconfig sees the text,
 * and this folder, which cannot exist, makes sure that libconfig never
 * opens anything if one slipped through. */
#define NO_INCLUDE_DIR "/nonexistent/twcost-includes-are-spliced"

/* libconfig's messages (its own English), for their translations. */
static const char *const libconfig_messages[] = {
    /* TRANSLATORS: libconfig's message for a profile it cannot parse */
    N_("syntax error"), N_("file I/O error"),
    N_("include file nesting too deep"), N_("cannot open include file"),
    N_("cannot be read")};

/* Fail with libconfig's message why (NULL: none) for FILE:LINE, in each
 * language: its translation when it is one of libconfig_messages. */
static int
config_failure(twc_error *e, const char *file, unsigned line, const char *why)
{
	char en[TWC_MSG_MAX], ja[TWC_MSG_MAX];
	const char *tr;
	size_t i;

	if (why == NULL)
		why = "cannot be read";
	tr = why;
	for (i = 0;
	     i < sizeof libconfig_messages / sizeof libconfig_messages[0]; i++)
		if (strcmp(why, libconfig_messages[i]) == 0)
			tr = lang_tr(LANG_JA, libconfig_messages[i]);
	snprintf(en, sizeof en, "%s:%u: %s", file, line, why);
	snprintf(ja, sizeof ja, "%s:%u: %s", file, line, tr);
	return err_set_pair(e, TWC_EPROFILE, en, ja);
}

/* Parse the origin's text (includes spliced, see source.h) into cf,
 * failing with FILE:LINE: message.  The files read join set; the text and
 * its line map stay in *t for the reader's messages.  On failure cf and t
 * are already released; after success the caller releases both. */
static int
read_config(const origin *o, source_set *set, config_t *cf, source_text *t,
            twc_error *e)
{
	unsigned line;
	const char *file;
	int rc;

	rc = source_read(set, o->path, o->shown,
	                 o->bundled ? o->bundled->text : NULL, t, e);
	if (rc != TWC_OK)
		return rc;
	config_init(cf);
	config_set_include_dir(cf, NO_INCLUDE_DIR);
	if (config_read_string(cf, t->text))
		return TWC_OK;
	file = source_where(t, (unsigned)config_error_line(cf), &line);
	rc = config_failure(e, file, line, config_error_text(cf));
	config_destroy(cf);
	source_text_free(t);
	return rc;
}

/* Load a referenced grant or catalogue: setting s is a file name, or an
 * inline group.  parse(reader, group) does the reading; top is the
 * group's name at the top of its own file ("grant" or "catalog"). */
typedef int (*group_parser)(reader *rd, const config_setting_t *g, void *arg);

/* Read the part in cf (a grant, catalogue or 節 file) with reader sub. */
static int
read_part(reader *sub, config_t *cf, const char *top, group_parser parse,
          void *arg)
{
	const char *const keys[] = {top, NULL};
	const config_setting_t *root = config_root_setting(cf);
	const config_setting_t *g = config_setting_get_member(root, top);
	int rc;

	if (g == NULL)
		return rd_fail(sub, root,
		               "is not a %s profile: no '%s = { ... };' group",
		               top, top);
	if ((rc = rd_keys(sub, root, keys)))
		return rc;
	return parse(sub, g, arg);
}

static int
load_part(reader *rd, const origin *from, const config_setting_t *s,
          const char *top, group_parser parse, void *arg, profile *p,
          const char **shown)
{
	origin o;
	config_t cf;
	source_text t;
	reader sub = *rd;
	char cut[ECHO_MAX];
	int rc;

	if (config_setting_type(s) == CONFIG_TYPE_GROUP) {
		unsigned line;
		*shown = arena_strdup(&p->mem, rd_where(rd, s, &line));
		return parse(rd, s, arg);
	}
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return rd_fail(rd, s, "must be a file name in double quotes");
	if (!find_ref(from, config_setting_get_string(s), &o))
		return rd_fail(
		    rd, s,
		    "cannot find '%s' beside the scenario or among the "
		    "bundled profiles",
		    text_value(config_setting_get_string(s), cut, sizeof cut));
	if ((rc = read_config(&o, &p->src, &cf, &t, rd->e)) != TWC_OK)
		return rc;
	sub.src = &t;
	rc = read_part(&sub, &cf, top, parse, arg);
	if (rc == TWC_OK)
		*shown = arena_strdup(&p->mem, o.shown);
	config_destroy(&cf);
	source_text_free(&t);
	return rc;
}

static int
grant_parser(reader *rd, const config_setting_t *g, void *arg)
{
	return parse_grant(rd, g, arg);
}

static int
catalog_parser(reader *rd, const config_setting_t *g, void *arg)
{
	profile *p = arg;

	return parse_catalog(rd, g, &p->grant, &p->setsu, &p->cat);
}

static int
setsu_parser(reader *rd, const config_setting_t *g, void *arg)
{
	profile *p = arg;

	return parse_setsu(rd, g, &p->grant, &p->setsu);
}

/* The 節 table a scenario names (setsu = "file" or { ... }), else the
 * bundled one. */
static int
load_setsu(reader *rd, const origin *o, const config_setting_t *root,
           profile *p)
{
	const config_setting_t *s = config_setting_get_member(root, "setsu");
	origin b = {0};
	reader sub = *rd;
	config_t cf;
	source_text t;
	int rc;

	if (s != NULL)
		return load_part(rd, o, s, "setsu", setsu_parser, p, p,
		                 &p->setsu_name);
	b.bundled = bundled_find("setsu.cfg");
	if (b.bundled == NULL)
		return err_set(rd->e, TWC_EPROFILE, "no bundled setsu.cfg");
	snprintf(b.shown, sizeof b.shown, "bundled:%s", b.bundled->name);
	if ((rc = read_config(&b, &p->src, &cf, &t, rd->e)) != TWC_OK)
		return rc;
	sub.file = p->setsu_name = "bundled:setsu.cfg";
	sub.src = &t;
	rc = parse_setsu(&sub, config_lookup(&cf, "setsu"), &p->grant,
	                 &p->setsu);
	config_destroy(&cf);
	source_text_free(&t);
	return rc;
}

/* Everything a scenario file holds, once its text is in cf. */
static int
read_scenario_file(reader *rd, const origin *o, config_t *cf, profile *p)
{
	const config_setting_t *root = config_root_setting(cf), *s;
	int rc;

	if (config_setting_get_member(root, "scenario") == NULL)
		return rd_fail(
		    rd, root,
		    "is not a scenario profile: no 'scenario = { ... };' "
		    "group (a catalogue or grant file is used through a "
		    "scenario that names it; `twcost check` validates it "
		    "alone)");
	if ((rc = rd_keys(rd, root, PLACE_KEYS(PL_TOP))))
		return rc;
	if ((s = rd_member(rd, root, "grant", 1, &rc)) == NULL ||
	    (rc = load_part(rd, o, s, "grant", grant_parser, &p->grant, p,
	                    &p->grant_name)))
		return rc;
	if ((rc = load_setsu(rd, o, root, p)))
		return rc;
	if ((s = rd_member(rd, root, "catalog", 1, &rc)) == NULL ||
	    (rc = load_part(rd, o, s, "catalog", catalog_parser, p, p,
	                    &p->catalog_name)))
		return rc;
	if ((s = rd_member(rd, root, "scenario", 1, &rc)) == NULL ||
	    (rc = parse_scenario(rd, s, p)))
		return rc;
	if ((s = config_setting_get_member(root, "quotes")) != NULL &&
	    (rc = parse_quotes(rd, s, &p->cat)))
		return rc;
	if ((s = config_setting_get_member(root, "plans")) != NULL &&
	    (rc = parse_plans(rd, s, &p->cat)))
		return rc;
	if ((s = config_setting_get_member(root, "leases")) != NULL &&
	    (rc = parse_leases(rd, s, &p->setsu, &p->cat)))
		return rc;
	if ((s = config_setting_get_member(root, "contracts")) != NULL &&
	    (rc = parse_contracts(rd, s, &p->cat)))
		return rc;
	return TWC_OK;
}

static int
load_from(const origin *o, profile **out, twc_error *e)
{
	profile *p = calloc(1, sizeof *p);
	config_t cf;
	source_text t;
	reader rd = {NULL, NULL, e, NULL};
	int rc;

	*out = NULL;
	if (p == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	arena_init(&p->mem);
	p->name = arena_strdup(&p->mem, o->shown);
	rd.file = p->name;
	rd.mem = &p->mem;
	if (p->name == NULL)
		rc = err_set(e, TWC_ENOMEM, "out of memory");
	else if ((rc = read_config(o, &p->src, &cf, &t, e)) == TWC_OK) {
		rd.src = &t;
		rc = read_scenario_file(&rd, o, &cf, p);
		config_destroy(&cf);
		source_text_free(&t);
	}
	if (rc != TWC_OK) {
		profile_free(p);
		return rc;
	}
	*out = p;
	return TWC_OK;
}

int
profile_load(const char *path, profile **out, twc_error *e)
{
	origin o;
	int rc;

	errno = 0;
	*out = NULL;
	if ((rc = find_top(path, &o, e)))
		return rc;
	return load_from(&o, out, e);
}

void
profile_free(profile *p)
{
	if (p == NULL)
		return;
	source_set_free(&p->src);
	arena_free(&p->mem);
	free(p);
}

/* ---- checking any kind of profile --------------------------------------- */

/* A bundled profile's group top, parsed by parse(rd, group, arg). */
static int
bundled_part(const char *name, const char *top, group_parser parse, void *arg,
             arena *mem, twc_error *e)
{
	origin o = {0};
	config_t cf;
	source_set set = {0};
	source_text t;
	reader rd = {NULL, NULL, e, mem};
	int rc;

	o.bundled = bundled_find(name);
	if (o.bundled == NULL)
		return err_set(e, TWC_EPROFILE, "no bundled %s", name);
	snprintf(o.shown, sizeof o.shown, "bundled:%s", o.bundled->name);
	rd.file = o.shown;
	if ((rc = read_config(&o, &set, &cf, &t, e)) == TWC_OK) {
		rd.src = &t;
		rc = parse(&rd, config_lookup(&cf, top), arg);
		config_destroy(&cf);
		source_text_free(&t);
	}
	source_set_free(&set);
	return rc;
}

/* The rules a profile checked alone is read against: the bundled grant
 * rule and 節 table. */
typedef struct rules {
	grant_rule gr;
	setsu_table st;
} rules;

static int
rules_setsu(reader *rd, const config_setting_t *g, void *arg)
{
	rules *ru = arg;

	return parse_setsu(rd, g, &ru->gr, &ru->st);
}

static int
bundled_rules(rules *ru, int with_setsu, arena *mem, twc_error *e)
{
	int rc = bundled_part("grant-telework.cfg", "grant", grant_parser,
	                      &ru->gr, mem, e);

	if (rc == TWC_OK && with_setsu)
		rc =
		    bundled_part("setsu.cfg", "setsu", rules_setsu, ru, mem, e);
	return rc;
}

static int
check_part(reader *rd, config_t *cf)
{
	const config_setting_t *root = config_root_setting(cf);
	static const char *const tops[] = {"catalog", "grant", "setsu", NULL};
	const config_setting_t *g = NULL;
	const char *keys[2] = {NULL, NULL};
	rules ru;
	catalog cat;
	int i, rc;

	memset(&ru, 0, sizeof ru);
	memset(&cat, 0, sizeof cat);
	for (i = 0; g == NULL && tops[i] != NULL; i++)
		g = config_setting_get_member(root, keys[0] = tops[i]);
	if (g == NULL)
		return rd_fail(rd, root,
		               "not a twcost profile: expected 'scenario', "
		               "'catalog', 'grant' or 'setsu' at the top");
	if ((rc = rd_keys(rd, root, keys)))
		return rc;
	if (strcmp(keys[0], "grant") == 0)
		return parse_grant(rd, g, &ru.gr);
	if ((rc = bundled_rules(&ru, keys[0][0] == 'c', rd->mem, rd->e)))
		return rc;
	if (strcmp(keys[0], "setsu") == 0)
		return parse_setsu(rd, g, &ru.gr, &ru.st);
	return parse_catalog(rd, g, &ru.gr, &ru.st, &cat);
}

int
profile_check(const char *path, twc_error *e)
{
	origin o;
	config_t cf;
	source_set set = {0};
	source_text t;
	arena mem;
	reader rd = {NULL, NULL, e, NULL};
	profile *p;
	int rc;

	errno = 0;
	if ((rc = find_top(path, &o, e)))
		return rc;
	if ((rc = read_config(&o, &set, &cf, &t, e))) {
		source_set_free(&set);
		return rc;
	}
	if (config_lookup(&cf, "scenario") != NULL) {
		config_destroy(&cf);
		source_text_free(&t);
		source_set_free(&set);
		rc = load_from(&o, &p, e);
		profile_free(p);
		return rc;
	}
	arena_init(&mem);
	rd.file = o.shown;
	rd.src = &t;
	rd.mem = &mem;
	rc = check_part(&rd, &cf);
	config_destroy(&cf);
	source_text_free(&t);
	source_set_free(&set);
	arena_free(&mem);
	return rc;
}
