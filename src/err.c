/* err.c - the status and message of a failed call. */
#include <config.h>

#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

int
err_set(twc_error *e, int status, const char *fmt, ...)
{
	char tmp[TWC_MSG_MAX * 2];
	va_list ap;

	if (e == NULL)
		return status;
	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	/* Valid UTF-8 whatever the parts were, cut with an ellipsis. */
	text_echo(tmp, e->msg, sizeof e->msg);
	e->status = status;
	return status;
}

void
err_clear(twc_error *e)
{
	if (e != NULL) {
		e->status = TWC_OK;
		e->msg[0] = '\0';
	}
}
