/* source.h - the text of a profile as libconfig will see it: files read
 * whole (regular files only, under a total size cap), @include resolved by
 * the loader itself against the including file's folder, big integer
 * literals widened or refused, and the shape checked against the limits
 * before libconfig parses it.  A line map says which file and line each
 * line of the spliced text came from, so that every message names the
 * right one.  Private to the profile loader.
 *
 * Why not leave @include to libconfig 1.5: it resolves names against the
 * working directory, calls exit() on an include of a directory, blocks on
 * a FIFO, ignores the size cap, and reports errors inside an included file
 * against the including one. */
#ifndef TWC_SOURCE_H
#define TWC_SOURCE_H

#include <stddef.h>

#include "util.h"

/* Limits of a profile (docs: README "Limits and errors"). */
/* All the text one profile reads: its scenario, catalogue and grant rule
 * files and everything they include, together. */
#define PROFILE_MAX_BYTES (4 * 1024 * 1024)
/* @include inside an included file inside ...: at most this deep. */
#define INCLUDE_MAX_DEPTH 8
/* Distinct files one profile may read. */
#define PROFILE_MAX_FILES 64
/* Settings in one group { ... } (libconfig's parse time grows with the
 * square of this number). */
#define GROUP_MAX_SETTINGS 1000
/* Settings and list or array elements in one parsed text. */
#define PROFILE_MAX_SETTINGS 100000
/* Groups, lists and arrays inside one another. */
#define PROFILE_MAX_NESTING 32

/* A file a profile was read from, to tell when the cached copy is stale. */
typedef struct source_file {
	char *path;  /* absolute, or NULL for a bundled profile */
	char *shown; /* the name messages show */
	long long mtime, mtime_ns, size;
} source_file;

/* Every file one profile read. */
typedef struct source_set {
	source_file *files;
	int n_files, cap;
	size_t bytes; /* text read so far, against PROFILE_MAX_BYTES */
} source_set;

/* Where a line of the spliced text came from: files[file], line. */
typedef struct line_ref {
	int file;
	unsigned line;
} line_ref;

/* One text ready for config_read_string. */
typedef struct source_text {
	char *text;
	line_ref *lines; /* lines[k]: spliced line k + 1 */
	size_t n_lines, cap_lines;
	int top; /* the file the text was read from */
	const source_set *set;
} source_text;

/* Read the file at path (absolute, or relative to the working directory)
 * shown as shown, or the bundled text when path is NULL, with every
 * @include spliced in; check and widen it.  The file and every included
 * file join set.  TWC_OK, or TWC_EPROFILE / TWC_ENOMEM with FILE:LINE:
 * reason in e. */
int source_read(source_set *set, const char *path, const char *shown,
                const char *bundled_text, source_text *out, twc_error *e);
void source_text_free(source_text *t);

/* The file name and line in it of line `line` of the spliced text; a line
 * of 0 or past the end gives the first file and 0. */
const char *source_where(const source_text *t, unsigned line, unsigned *at);

/* Open path for reading only when it is a regular file, without blocking
 * on a FIFO or a device; read at most max bytes into a NUL-terminated
 * *text (length *len).  f gets its size and time.  0, or -1 with errno
 * set (EISDIR, ENODEV for a file that is not regular, EFBIG when larger
 * than max). */
int source_read_file(const char *path, size_t max, char **text, size_t *len,
                     source_file *f);

/* 1 when the file has the size and time it had when read. */
int source_unchanged(const source_file *f);

void source_set_free(source_set *set);

#endif
