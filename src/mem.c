/* mem.c - growing strings and arenas. */
#include <config.h>

#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
sb_init(strbuf *sb)
{
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	sb->failed = 0;
}

static int
sb_reserve(strbuf *sb, size_t extra)
{
	size_t want = sb->len + extra + 1, cap;
	char *p;

	if (sb->failed)
		return 0;
	if (want <= sb->cap)
		return 1;
	cap = sb->cap ? sb->cap : 64;
	while (cap < want)
		cap *= 2;
	p = realloc(sb->buf, cap);
	if (p == NULL) {
		sb->failed = 1;
		return 0;
	}
	sb->buf = p;
	sb->cap = cap;
	return 1;
}

void
sb_add(strbuf *sb, const char *s)
{
	size_t n = strlen(s);

	if (!sb_reserve(sb, n))
		return;
	memcpy(sb->buf + sb->len, s, n + 1);
	sb->len += n;
}

void
sb_printf(strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !sb_reserve(sb, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
}

char *
sb_take(strbuf *sb)
{
	char *p;

	if (sb->failed || !sb_reserve(sb, 0)) {
		sb_free(sb);
		return NULL;
	}
	p = sb->buf;
	p[sb->len] = '\0'; /* also when nothing was added */
	sb_init(sb);
	return p;
}

void
sb_free(strbuf *sb)
{
	free(sb->buf);
	sb_init(sb);
}

struct arena_block {
	arena_block *next;
	size_t used, cap;
	max_align_t data[];
};

/* Blocks hold at least this much, so that small strings share them. */
#define ARENA_BLOCK 8192

void
arena_init(arena *a)
{
	a->head = NULL;
	a->lent = NULL;
}

void
arena_init_in(arena *a, void *buf, size_t size)
{
	arena_block *b = buf;

	arena_init(a);
	if (buf == NULL || size <= sizeof *b)
		return;
	b->next = NULL;
	b->used = 0;
	b->cap = (size - sizeof *b) / sizeof(max_align_t) * sizeof(max_align_t);
	a->head = a->lent = b;
}

void *
arena_take(arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	arena_block *b = a->head;
	void *p;

	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (b == NULL || b->cap - b->used < n) {
		size_t cap = n > ARENA_BLOCK ? n : ARENA_BLOCK;
		b = malloc(sizeof *b + cap);
		if (b == NULL)
			return NULL;
		b->cap = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

void *
arena_alloc(arena *a, size_t n)
{
	void *p = arena_take(a, n);

	if (p != NULL)
		memset(p, 0, n);
	return p;
}

char *
arena_strdup(arena *a, const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = arena_alloc(a, n);

	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

void
arena_free(arena *a)
{
	while (a->head != NULL) {
		arena_block *next = a->head->next;
		if (a->head != a->lent)
			free(a->head);
		a->head = next;
	}
	a->lent = NULL;
}
