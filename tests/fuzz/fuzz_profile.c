/* fuzz_profile.c - profile bytes: up to five files, split at NUL bytes,
 * written into a scratch folder as main.cfg, a.cfg, sub/b.cfg,
 * catalog.cfg and grant-telework.cfg (so that @include, includes in a
 * subfolder and the references beside the scenario are all reached).
 * main.cfg is checked (twc_check), opened (twc_open) and, when it opens,
 * every plan's results are read.
 * Checks: every failure is TWC_EPROFILE (or TWC_ENOMEM) with a message
 * that names a file, is valid UTF-8 and fits; nothing exits, hangs or
 * leaks; a profile that opens gives every plan's figures or a reason. */
#include <config.h>

#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"main.cfg", "a.cfg", "sub/b.cfg",
                                    "catalog.cfg", "grant-telework.cfg"};
enum { N_FILES = 5 };

static char dir[256];

static const char *
path_of(int i)
{
	static char buf[N_FILES][320];

	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, names[i]);
	return buf[i];
}

static void
make_dir(void)
{
	const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	char sub[300];

	snprintf(dir, sizeof dir, "%s/twc-fuzz-profile-XXXXXX", tmp);
	if (mkdtemp(dir) == NULL)
		abort();
	snprintf(sub, sizeof sub, "%s/sub", dir);
	mkdir(sub, 0700);
}

/* Write the parts of data; a file with no part is removed, so that
 * references fall back to the bundled profile of that name. */
static void
write_parts(const uint8_t *data, size_t size)
{
	size_t start = 0, i;
	int k = 0;

	for (i = 0; i <= size && k < N_FILES; i++) {
		if (i < size && data[i] != 0)
			continue;
		FILE *f = fopen(path_of(k++), "wb");
		if (f == NULL)
			abort();
		fwrite(data + start, 1, i - start, f);
		fclose(f);
		start = i + 1;
	}
	for (; k < N_FILES; k++)
		unlink(path_of(k));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	twc_model *m = NULL;
	int rc;

	if (dir[0] == '\0')
		make_dir();
	write_parts(data, size);
	rc = twc_check(path_of(0), err, sizeof err);
	FUZZ_CHECK(rc == TWC_OK || rc == TWC_EPROFILE || rc == TWC_ENOMEM);
	if (rc != TWC_OK) {
		check_message(err);
		FUZZ_CHECK(strstr(err, ".cfg") != NULL ||
		           strstr(err, "bundled:") != NULL);
	}
	rc = twc_open_buf(path_of(0), &m, err, sizeof err);
	if (rc == TWC_OK) {
		read_every_plan(m);
		twc_close(m);
	} else {
		check_message(err);
	}
	profile_cache_clear();
	return 0;
}
