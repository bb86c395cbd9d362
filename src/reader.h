/* reader.h - typed, range-checked reading of libconfig settings, with
 * messages that name the file, line and setting.  Private to the profile
 * loader. */
#ifndef TWC_READER_H
#define TWC_READER_H

#include <libconfig.h>

#include "dist.h"
#include "source.h"
#include "util.h"

typedef struct reader {
	const char *file;       /* the name messages show, when no src */
	const source_text *src; /* the text's line map, or NULL */
	twc_error *e;
	arena *mem;
} reader;

/* The file and line in it where setting s was written. */
const char *rd_where(const reader *rd, const config_setting_t *s,
                     unsigned *line);

/* Fail with "FILE:LINE: PATH: message" for setting s. */
int rd_fail(reader *rd, const config_setting_t *s, const char *fmt, ...)
    TWC_PRINTF(3, 4);

/* Fail with another call's message (both languages) for setting s. */
int rd_fail_err(reader *rd, const config_setting_t *s, const twc_error *inner);

/* Fail with a message already made in each language, for setting s. */
int rd_fail_pair(reader *rd, const config_setting_t *s, const char *en,
                 const char *ja);

/* Fail with "FILE:LINE: PATH: message" (no :LINE when line is 0, no
 * PATH: when path is empty): fmt formatted in each language, or en and ja
 * made already. */
int rd_fail_at(reader *rd, unsigned line, const char *path, const char *fmt,
               ...) TWC_PRINTF(4, 5);
int rd_fail_at2(reader *rd, unsigned line, const char *path, const char *en,
                const char *ja);

/* The dotted path of a setting: catalog.options[2].items[0].price. */
void rd_path(const config_setting_t *s, char *buf, size_t n);

/* Fail unless s is a group { ... }: every reader of a group's members
 * checks this first (libconfig's member look-ups assume a group). */
int rd_group(reader *rd, const config_setting_t *s);

/* Fail unless group is a group and every member of it is named in keys
 * (NULL-terminated); the message suggests the nearest valid name. */
int rd_keys(reader *rd, const config_setting_t *group, const char *const *keys);

/* Member key of group, or NULL; when required and missing, or when group
 * is not a group, fail (*rc). */
const config_setting_t *rd_member(reader *rd, const config_setting_t *group,
                                  const char *key, int required, int *rc);

/* Typed members.  Each returns TWC_OK, leaving *out unchanged when the key
 * is absent and not required. */
int rd_string(reader *rd, const config_setting_t *group, const char *key,
              int required, const char **out);
int rd_bool(reader *rd, const config_setting_t *group, const char *key,
            int required, int *out);
int rd_int(reader *rd, const config_setting_t *group, const char *key,
           int required, long long lo, long long hi, long long *out);
int rd_number(reader *rd, const config_setting_t *group, const char *key,
              int required, double lo, double hi, double *out);

/* A number or a distribution group { low; mode; high; dist; } in [lo, hi].
 * whole: values must be whole numbers (yen). */
int rd_dist(reader *rd, const config_setting_t *s, double lo, double hi,
            int whole, dist *out);

/* A string that is one of names (NULL-terminated); *out its index. */
int rd_choice(reader *rd, const config_setting_t *group, const char *key,
              int required, const char *const *names, int *out);

/* An array of strings, each one of names; *mask gets bit (1 << index). */
int rd_choice_set(reader *rd, const config_setting_t *group, const char *key,
                  int required, const char *const *names, unsigned *mask);

/* Fail with "must be a number from LO to HI". */
int rd_not_number(reader *rd, const config_setting_t *s, double lo, double hi);

/* A setting's number, accepting int, int64 and float. */
int rd_is_number(const config_setting_t *s);
double rd_as_number(const config_setting_t *s);

#endif
