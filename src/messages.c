/* messages.c - formatting warnings and notes into a results' lists. */
#include <config.h>

#include "messages.h"

#include <stdarg.h>
#include <stdio.h>

void
msg_add_pair(arena *mem, message_list *l, const char *en, const char *ja)
{
	const char *a, *b;

	if (l->n >= MAX_MESSAGES)
		return;
	a = arena_strdup(mem, en);
	b = arena_strdup(mem, ja);
	if (a == NULL || b == NULL)
		return;
	l->text[l->n][LANG_EN] = a;
	l->text[l->n][LANG_JA] = b;
	l->n++;
}

void
msg_add(arena *mem, message_list *l, const char *fmt, ...)
{
	char en[1024], ja[1024];
	va_list ap;

	if (l->n >= MAX_MESSAGES)
		return;
	va_start(ap, fmt);
	msg_vformat_pair(en, ja, sizeof en, fmt, ap);
	va_end(ap);
	msg_add_pair(mem, l, en, ja);
}
