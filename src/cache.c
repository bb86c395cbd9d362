/* cache.c - loaded profiles, shared read-only between handles.
 *
 * A profile is parsed once per process and kept while its files - the
 * scenario, its catalogue and grant rule, and every file they include -
 * are unchanged (same modification time and size); a handle holds a reference,
 * so a profile replaced in the cache lives until its last handle closes.
 * One mutex guards the list and every reference count; it is held while a
 * profile loads, so two threads never parse the same file twice. */
#include <config.h>

#include "profile.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* How many distinct profiles the cache keeps; an older unused one is
 * dropped to make room. */
#define CACHE_SLOTS 32

typedef struct slot {
	char *key;
	profile *p;
} slot;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static slot slots[CACHE_SLOTS];

static int
unchanged(const profile *p)
{
	int i;

	for (i = 0; i < p->src.n_files; i++)
		if (!source_unchanged(&p->src.files[i]))
			return 0;
	return 1;
}

/* Drop the cache's own reference to a profile (lock held). */
static void
drop(slot *s)
{
	if (s->p != NULL && --s->p->refs == 0)
		profile_free(s->p);
	free(s->key);
	s->key = NULL;
	s->p = NULL;
}

static slot *
find_slot(const char *key)
{
	int i;

	for (i = 0; i < CACHE_SLOTS; i++)
		if (slots[i].key != NULL && strcmp(slots[i].key, key) == 0)
			return &slots[i];
	return NULL;
}

/* A free slot, or the first one whose profile no handle holds. */
static slot *
free_slot(void)
{
	int i;

	for (i = 0; i < CACHE_SLOTS; i++)
		if (slots[i].key == NULL)
			return &slots[i];
	for (i = 0; i < CACHE_SLOTS; i++)
		if (slots[i].p->refs == 1) {
			drop(&slots[i]);
			return &slots[i];
		}
	return NULL;
}

static int
load_into_cache(const char *key, const char *path, profile **out, twc_error *e)
{
	profile *p;
	slot *s;
	int rc = profile_load(path, &p, e);

	if (rc != TWC_OK)
		return rc;
	p->refs = 1; /* the caller's */
	s = free_slot();
	if (s != NULL && (s->key = malloc(strlen(key) + 1)) != NULL) {
		strcpy(s->key, key);
		s->p = p;
		p->refs++; /* the cache's */
	}
	*out = p;
	return TWC_OK;
}

int
profile_acquire(const char *path, profile **out, twc_error *e)
{
	char key[1024];
	slot *s;
	int rc;

	*out = NULL;
	if (!profile_key(path, key, sizeof key))
		return err_set(e, TWC_EPROFILE, "profile path too long");
	if (pthread_mutex_lock(&lock) != 0)
		return err_set(e, TWC_ENOMEM, "cannot lock the profile cache");
	s = find_slot(key);
	if (s != NULL && !unchanged(s->p))
		drop(s), s = NULL;
	if (s != NULL) {
		s->p->refs++;
		*out = s->p;
		rc = TWC_OK;
	} else {
		rc = load_into_cache(key, path, out, e);
	}
	pthread_mutex_unlock(&lock);
	return rc;
}

void
profile_release(profile *p)
{
	if (p == NULL)
		return;
	pthread_mutex_lock(&lock);
	if (--p->refs == 0)
		profile_free(p);
	pthread_mutex_unlock(&lock);
}

void
profile_cache_clear(void)
{
	int i;

	pthread_mutex_lock(&lock);
	for (i = 0; i < CACHE_SLOTS; i++)
		if (slots[i].key != NULL)
			drop(&slots[i]);
	pthread_mutex_unlock(&lock);
}
