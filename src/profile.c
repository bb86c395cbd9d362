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

static int
is_file(const char *path, source_file *src)
{
	struct stat st;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	if (src != NULL) {
		src->mtime = (long long)st.st_mtime;
		src->size = (long long)st.st_size;
	}
	return 1;
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
	    is_file(path, NULL)) {
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

/* Find the profile a user named: a file, else a bundled name. */
static int
find_top(const char *path, origin *o, source_file *src, twc_error *e)
{
	char names[512];

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
	if (is_file(path, src)) {
		snprintf(o->shown, sizeof o->shown, "%s", path);
		if (!profile_key(path, o->full, sizeof o->full))
			return err_set(e, TWC_EPROFILE, "%s: path too long",
			               path);
		o->path = o->full;
		return TWC_OK;
	}
	if (!has_dir(path) && (o->bundled = bundled_find(path)) != NULL) {
		snprintf(o->shown, sizeof o->shown, "bundled:%s",
		         o->bundled->name);
		return TWC_OK;
	}
	list_bundled(names, sizeof names);
	return err_set(e, TWC_EPROFILE,
	               "%s: cannot open profile: %s (bundled scenarios: %s)",
	               path, errno ? strerror(errno) : "not a file", names);
}

/* Find a profile that scenario `from` refers to: beside it, else the
 * bundled profile of the same base name. */
static int
find_ref(const origin *from, const char *ref, origin *o, source_file *src)
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
		if (is_file(o->full, src)) {
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

/* The most bytes a profile file may have. */
#define PROFILE_MAX_BYTES (4 * 1024 * 1024)

static int
is_word_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '*' ||
	       c == '.';
}

/* 1 when the digit at s starts a number rather than continuing a name
 * ("item2") or a fraction ("0.25"); a sign before it belongs to it. */
static int
starts_number(const char *text, const char *s)
{
	if (s > text && (s[-1] == '-' || s[-1] == '+'))
		s--;
	return s == text || !is_word_char((unsigned char)s[-1]);
}

/* Skip a string, a comment or one other character at s; return the next
 * position. */
static const char *
skip_other(const char *s)
{
	if (*s == '"') {
		for (s++; *s && *s != '"'; s++)
			if (*s == '\\' && s[1])
				s++;
		return *s ? s + 1 : s;
	}
	if (*s == '#' || (s[0] == '/' && s[1] == '/'))
		return s + strcspn(s, "\n");
	if (s[0] == '/' && s[1] == '*') {
		const char *end = strstr(s + 2, "*/");
		return end ? end + 2 : s + strlen(s);
	}
	return s + 1;
}

/* libconfig 1.5 reads a decimal integer beyond 32 bits without an L
 * suffix as a wrapped 32-bit int (4294967396 becomes 100).  Copy text
 * with an L appended to every such literal, so that it reads as the 64-bit
 * integer it says.  Line numbers are unchanged. */
static char *
widen_integers(const char *text)
{
	strbuf sb;
	const char *s = text, *from = text;

	sb_init(&sb);
	while (*s) {
		const char *d;
		unsigned long long v = 0;
		int digits = 0;
		if (!(*s >= '0' && *s <= '9') || !starts_number(text, s)) {
			s = skip_other(s);
			continue;
		}
		for (d = s; *d >= '0' && *d <= '9'; d++, digits++)
			v = v * 10 + (unsigned long long)(*d - '0');
		s = d;
		if (is_word_char((unsigned char)*d) || *d == 'e' || *d == 'E' ||
		    *d == 'L' || *d == 'x' || *d == 'X' ||
		    (digits < 10 && v <= 2147483647ULL))
			continue;
		sb_printf(&sb, "%.*sL", (int)(d - from), from);
		from = d;
	}
	sb_add(&sb, from);
	return sb_take(&sb);
}

/* The whole text of a profile, its big integers widened, into *out. */
static int
read_text(const origin *o, char **out, twc_error *e)
{
	FILE *f;
	char *buf;
	size_t n;

	if (o->path == NULL) {
		*out = widen_integers(o->bundled->text);
		return *out ? TWC_OK : err_set(e, TWC_ENOMEM, "out of memory");
	}
	if ((f = fopen(o->path, "rb")) == NULL)
		return err_set(e, TWC_EPROFILE, "%s: cannot open: %s", o->shown,
		               strerror(errno));
	buf = malloc(PROFILE_MAX_BYTES + 1);
	n = buf ? fread(buf, 1, PROFILE_MAX_BYTES + 1, f) : 0;
	fclose(f);
	if (buf == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	if (n > PROFILE_MAX_BYTES || memchr(buf, 0, n) != NULL) {
		free(buf);
		return err_set(e, TWC_EPROFILE,
		               "%s: not a text file of at most 4 MiB",
		               o->shown);
	}
	buf[n] = '\0';
	*out = widen_integers(buf);
	free(buf);
	return *out ? TWC_OK : err_set(e, TWC_ENOMEM, "out of memory");
}

/* Parse the origin's text into cf, failing with FILE:LINE: message.  On
 * failure cf is already released; after success the caller destroys it. */
static int
read_config(const origin *o, config_t *cf, twc_error *e)
{
	char *text = NULL;
	int ok, rc;

	config_init(cf);
	if ((rc = read_text(o, &text, e)) != TWC_OK) {
		config_destroy(cf);
		return rc;
	}
	ok = config_read_string(cf, text);
	free(text);
	if (ok)
		return TWC_OK;
	rc = err_set(
	    e, TWC_EPROFILE, "%s:%d: %s", o->shown, config_error_line(cf),
	    config_error_text(cf) ? config_error_text(cf) : "cannot be read");
	config_destroy(cf);
	return rc;
}

static int
keep_source(profile *p, const origin *o, const source_file *src)
{
	source_file *f;

	if (o->path == NULL || p->n_files >= 3)
		return TWC_OK;
	f = &p->files[p->n_files++];
	*f = *src;
	f->path = arena_strdup(&p->mem, o->path);
	return f->path ? TWC_OK : TWC_ENOMEM;
}

/* Load a referenced grant or catalogue: setting s is a file name, or an
 * inline group.  parse(reader, group) does the reading; top is the
 * group's name at the top of its own file ("grant" or "catalog"). */
typedef int (*group_parser)(reader *rd, const config_setting_t *g, void *arg);

static int
load_part(reader *rd, const origin *from, const config_setting_t *s,
          const char *top, group_parser parse, void *arg, profile *p,
          const char **shown)
{
	const char *const keys[] = {top, NULL};
	origin o;
	source_file src = {0};
	config_t cf;
	reader sub = *rd;
	const config_setting_t *g;
	int rc;

	if (config_setting_type(s) == CONFIG_TYPE_GROUP) {
		*shown = arena_strdup(&p->mem, rd->file);
		return parse(rd, s, arg);
	}
	if (config_setting_type(s) != CONFIG_TYPE_STRING)
		return rd_fail(rd, s, "must be a file name in double quotes");
	if (!find_ref(from, config_setting_get_string(s), &o, &src))
		return rd_fail(
		    rd, s,
		    "cannot find '%s' beside the scenario or among the "
		    "bundled profiles",
		    config_setting_get_string(s));
	if ((rc = read_config(&o, &cf, rd->e)) != TWC_OK)
		return rc;
	sub.file = o.shown;
	g = config_setting_get_member(config_root_setting(&cf), top);
	if (g == NULL)
		rc = rd_fail(&sub, config_root_setting(&cf),
		             "is not a %s profile: no '%s = { ... };' group",
		             top, top);
	else if (!(rc = rd_keys(&sub, config_root_setting(&cf), keys)) &&
	         !(rc = parse(&sub, g, arg)) &&
	         !(rc = keep_source(p, &o, &src)))
		*shown = arena_strdup(&p->mem, o.shown);
	config_destroy(&cf);
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
	int rc;

	if (s != NULL)
		return load_part(rd, o, s, "setsu", setsu_parser, p, p,
		                 &p->setsu_name);
	b.bundled = bundled_find("setsu.cfg");
	if (b.bundled == NULL)
		return err_set(rd->e, TWC_EPROFILE, "no bundled setsu.cfg");
	snprintf(b.shown, sizeof b.shown, "bundled:%s", b.bundled->name);
	if ((rc = read_config(&b, &cf, rd->e)) != TWC_OK)
		return rc;
	sub.file = p->setsu_name = "bundled:setsu.cfg";
	rc = parse_setsu(&sub, config_lookup(&cf, "setsu"), &p->grant,
	                 &p->setsu);
	config_destroy(&cf);
	return rc;
}

/* Everything a scenario file holds, once its text is in cf. */
static int
read_scenario_file(reader *rd, const origin *o, config_t *cf, profile *p)
{
	static const char *const keys[] = {"scenario", "catalog",   "grant",
	                                   "setsu",    "quotes",    "plans",
	                                   "leases",   "contracts", NULL};
	const config_setting_t *root = config_root_setting(cf), *s;
	int rc;

	if (config_setting_get_member(root, "scenario") == NULL)
		return rd_fail(
		    rd, root,
		    "is not a scenario profile: no 'scenario = { ... };' "
		    "group (a catalogue or grant file is used through a "
		    "scenario that names it; `twcost check` validates it "
		    "alone)");
	if ((rc = rd_keys(rd, root, keys)))
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
load_from(const origin *o, const source_file *src, profile **out, twc_error *e)
{
	profile *p = calloc(1, sizeof *p);
	config_t cf;
	reader rd;
	int rc;

	*out = NULL;
	if (p == NULL)
		return err_set(e, TWC_ENOMEM, "out of memory");
	arena_init(&p->mem);
	p->name = arena_strdup(&p->mem, o->shown);
	rd.file = p->name;
	rd.e = e;
	rd.mem = &p->mem;
	if (p->name == NULL)
		rc = err_set(e, TWC_ENOMEM, "out of memory");
	else if ((rc = read_config(o, &cf, e)) == TWC_OK) {
		rc = read_scenario_file(&rd, o, &cf, p);
		if (rc == TWC_OK)
			rc = keep_source(p, o, src);
		config_destroy(&cf);
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
	source_file src = {0};
	int rc;

	errno = 0;
	if ((rc = find_top(path, &o, &src, e)))
		return rc;
	return load_from(&o, &src, out, e);
}

void
profile_free(profile *p)
{
	if (p == NULL)
		return;
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
	reader rd = {NULL, e, mem};
	int rc;

	o.bundled = bundled_find(name);
	if (o.bundled == NULL)
		return err_set(e, TWC_EPROFILE, "no bundled %s", name);
	snprintf(o.shown, sizeof o.shown, "bundled:%s", o.bundled->name);
	rd.file = o.shown;
	if ((rc = read_config(&o, &cf, e)) == TWC_OK) {
		rc = parse(&rd, config_lookup(&cf, top), arg);
		config_destroy(&cf);
	}
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
	source_file src = {0};
	config_t cf;
	arena mem;
	reader rd;
	profile *p;
	int rc;

	errno = 0;
	if ((rc = find_top(path, &o, &src, e)))
		return rc;
	if ((rc = read_config(&o, &cf, e)))
		return rc;
	if (config_lookup(&cf, "scenario") != NULL) {
		config_destroy(&cf);
		rc = load_from(&o, &src, &p, e);
		profile_free(p);
		return rc;
	}
	arena_init(&mem);
	rd.file = o.shown;
	rd.e = e;
	rd.mem = &mem;
	rc = check_part(&rd, &cf);
	config_destroy(&cf);
	arena_free(&mem);
	return rc;
}
