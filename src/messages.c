/* messages.c - formatting warnings and notes into a results' lists. */
#include <config.h>

#include "messages.h"

#include <stdarg.h>
#include <stdio.h>

void
msg_add(arena *mem, message_list *l, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	if (l->n >= MAX_MESSAGES)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	l->text[l->n] = arena_strdup(mem, buf);
	if (l->text[l->n] != NULL)
		l->n++;
}
