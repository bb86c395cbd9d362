/* web.c - the entry points of twcost.html: run a twcost command line in
 * the page, its standard output and error captured as text.
 *
 * The page is libtwcost and the twcost command code (src/cli/, all but
 * main.c) compiled to WebAssembly.  The page calls twcweb_run for every
 * report it shows, so that it shows exactly what `twcost` prints for the
 * same flags, and the library's own twc_ functions (exported as they are)
 * to check a field as the user types.  Not part of libtwcost: only the
 * page links it. */
#include <config.h>

#include <fcntl.h>
#include <gsl/gsl_errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* The page's entry points, called from JavaScript (scripts/web exports
 * them); described where they are defined. */
int twcweb_run(int argc, const char *args);
const char *twcweb_out(void);
const char *twcweb_err(void);
void twcweb_lang(const char *name);

/* The most words one command line may have. */
#define MAX_ARGS 256

/* Where a run's output goes while it runs (the in-memory file system). */
#define OUT_PATH "/tmp/twcost.out"
#define ERR_PATH "/tmp/twcost.err"

/* The output of the last run, NUL-terminated; "" before any. */
static char *last_out, *last_err;

/* The whole of a file as a NUL-terminated string, or NULL. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) != NULL) {
		if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
			free(buf);
			buf = NULL;
		} else {
			buf[n] = '\0';
		}
	}
	fclose(f);
	return buf;
}

/* Point descriptor fd at a new empty file; the old one's copy, or -1. */
static int
redirect(int fd, const char *path)
{
	int saved = dup(fd), to;

	if (saved < 0)
		return -1;
	to = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (to < 0 || dup2(to, fd) < 0) {
		if (to >= 0)
			close(to);
		close(saved);
		return -1;
	}
	close(to);
	return saved;
}

static void
restore(int fd, int saved)
{
	dup2(saved, fd);
	close(saved);
}

/* Run `twcost ARGS...`: args holds argc words, each NUL-terminated, one
 * after the other.  Returns the exit code twcost would; twcweb_out and
 * twcweb_err give what it printed.  -1 when the output could not be
 * captured. */
int
twcweb_run(int argc, const char *args)
{
	static char *argv[MAX_ARGS + 2];
	static char program[] = "twcost";
	char *copy;
	size_t len = 0;
	int i, out, err, rc;

	if (argc < 0 || argc > MAX_ARGS || (argc > 0 && args == NULL))
		return -1;
	for (i = 0; i < argc; i++) /* the size of the words, NULs included */
		len += strlen(args + len) + 1;
	if ((copy = malloc(len + 1)) == NULL)
		return -1;
	memcpy(copy, args, len);
	argv[0] = program;
	for (i = 0, len = 0; i < argc; i++) {
		argv[i + 1] = copy + len;
		len += strlen(copy + len) + 1;
	}
	argv[argc + 1] = NULL;

	fflush(stdout);
	fflush(stderr);
	out = redirect(STDOUT_FILENO, OUT_PATH);
	err = out < 0 ? -1 : redirect(STDERR_FILENO, ERR_PATH);
	if (err < 0) {
		if (out >= 0)
			restore(STDOUT_FILENO, out);
		free(copy);
		return -1;
	}
	rc = cli_run(argc + 1, argv);
	fflush(stdout);
	fflush(stderr);
	restore(STDOUT_FILENO, out);
	restore(STDERR_FILENO, err);
	free(copy);

	free(last_out);
	free(last_err);
	last_out = slurp(OUT_PATH);
	last_err = slurp(ERR_PATH);
	unlink(OUT_PATH);
	unlink(ERR_PATH);
	return last_out != NULL && last_err != NULL ? rc : -1;
}

/* What the last twcweb_run printed on standard output (UTF-8). */
const char *
twcweb_out(void)
{
	return last_out ? last_out : "";
}

/* What the last twcweb_run printed on standard error (UTF-8). */
const char *
twcweb_err(void)
{
	return last_err ? last_err : "";
}

/* The page's language ("ja" or "en") for the library's messages made
 * before a handle has a language of its own: twc_open_buf and twc_check
 * speak the environment's (TWCOST_LANG), which the page sets to its own. */
void
twcweb_lang(const char *name)
{
	setenv("TWCOST_LANG", name, 1);
}

/* The program: the process-wide settings main.c makes for twcost, kept
 * for the life of the page (emscripten's EXIT_RUNTIME is off). */
int
main(void)
{
	gsl_set_error_handler_off();
	return 0;
}
