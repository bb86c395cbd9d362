/* err.c - the status and message of a failed call. */
#include <config.h>

#include "err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

/* Copy text into a message, cut on a character. */
static void
keep(char *msg, const char *text)
{
	size_t n = utf8_cut(text, TWC_MSG_MAX - 1);

	memcpy(msg, text, n);
	msg[n] = '\0';
}

int
err_set_pair(twc_error *e, int status, const char *en, const char *ja)
{
	if (e == NULL)
		return status;
	keep(e->msg, en);
	keep(e->msg_ja, ja);
	e->status = status;
	return status;
}

void
msg_vformat_pair(char *en, char *ja, size_t n, const char *fmt, va_list ap)
{
	va_list aq;

	va_copy(aq, ap);
	vsnprintf(en, n, fmt, ap);
	vsnprintf(ja, n, lang_tr(LANG_JA, fmt), aq);
	va_end(aq);
}

int
err_set(twc_error *e, int status, const char *fmt, ...)
{
	char en[TWC_MSG_MAX * 2], ja[TWC_MSG_MAX * 2];
	va_list ap;

	if (e == NULL)
		return status;
	va_start(ap, fmt);
	msg_vformat_pair(en, ja, sizeof en, fmt, ap);
	va_end(ap);
	return err_set_pair(e, status, en, ja);
}

int
err_relay(twc_error *e, int status, const char *prefix, const twc_error *inner)
{
	char en[TWC_MSG_MAX * 2], ja[TWC_MSG_MAX * 2];

	snprintf(en, sizeof en, "%s%s", prefix, inner->msg);
	snprintf(ja, sizeof ja, "%s%s", prefix, inner->msg_ja);
	return err_set_pair(e, status, en, ja);
}

int
err_append(twc_error *e, int status, const char *suffix)
{
	char en[TWC_MSG_MAX * 2], ja[TWC_MSG_MAX * 2];

	if (e == NULL)
		return status;
	snprintf(en, sizeof en, "%s%s", e->msg, lang_tr(LANG_EN, suffix));
	snprintf(ja, sizeof ja, "%s%s", e->msg_ja, lang_tr(LANG_JA, suffix));
	return err_set_pair(e, status, en, ja);
}

int
err_vset_after(twc_error *e, int status, const char *prefix, const char *fmt,
               va_list ap)
{
	char en[TWC_MSG_MAX * 2], ja[TWC_MSG_MAX * 2];
	char pen[TWC_MSG_MAX * 2 + 256], pja[TWC_MSG_MAX * 2 + 256];

	if (e == NULL)
		return status;
	msg_vformat_pair(en, ja, sizeof en, fmt, ap);
	snprintf(pen, sizeof pen, "%.255s%s", prefix, en);
	snprintf(pja, sizeof pja, "%.255s%s", prefix, ja);
	return err_set_pair(e, status, pen, pja);
}

const char *
err_errno(int err, int lang)
{
	const char *why;

	switch (err) {
	case ENOENT: why = N_("No such file or directory"); break;
	case EACCES: why = N_("Permission denied"); break;
	case ENOTDIR: why = N_("Not a directory"); break;
	case ENAMETOOLONG: why = N_("File name too long"); break;
	case ELOOP: why = N_("Too many levels of symbolic links"); break;
	case EMFILE: why = N_("Too many open files"); break;
	case EIO: why = N_("Input/output error"); break;
	default: return strerror(err);
	}
	return lang_tr(lang, why);
}

const char *
err_text(const twc_error *e, int lang)
{
	return lang == LANG_JA ? e->msg_ja : e->msg;
}

char *
msg_format(char *buf, size_t n, int lang, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, n, lang_tr(lang, fmt), ap);
	va_end(ap);
	return buf;
}

void
err_clear(twc_error *e)
{
	if (e != NULL) {
		e->status = TWC_OK;
		e->msg[0] = '\0';
		e->msg_ja[0] = '\0';
	}
}
