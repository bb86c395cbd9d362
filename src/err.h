/* err.h - the status and message of a failed call, kept in a handle (or a
 * reader) for twc_last_error.  The message is made in both languages at
 * once (lang.h); the caller's is chosen when it is read. */
#ifndef TWC_ERR_H
#define TWC_ERR_H

#include <stdarg.h>
#include <stddef.h>

#include "lang.h"
#include "twcost.h"

#if defined(__MINGW32__)
/* MinGW builds use __USE_MINGW_ANSI_STDIO: the GNU format rules (%zu). */
#define TWC_PRINTF(f, a) __attribute__((format(gnu_printf, f, a)))
#elif defined(__GNUC__)
#define TWC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define TWC_PRINTF(f, a)
#endif

/* The longest message a handle keeps; longer ones are cut at a UTF-8
 * character boundary. */
#define TWC_MSG_MAX 512

/* The status of a failed call and the message that explains it, in each
 * language. */
typedef struct twc_error {
	int status;
	char msg[TWC_MSG_MAX];    /* English */
	char msg_ja[TWC_MSG_MAX]; /* Japanese */
} twc_error;

/* Record status and a message in e (which may be NULL) and return status,
 * so that callers can write `return err_set(e, ...)`.  fmt is English; its
 * Japanese translation is formatted with the same arguments. */
int err_set(twc_error *e, int status, const char *fmt, ...) TWC_PRINTF(3, 4);

/* Format fmt (English) with the arguments in ap into en, and its
 * Japanese translation with the same arguments into ja, each n bytes:
 * the one place a message is made in both languages. */
void msg_vformat_pair(char *en, char *ja, size_t n, const char *fmt, va_list ap)
    TWC_PRINTF(4, 0);

/* Record a message already made in each language. */
int err_set_pair(twc_error *e, int status, const char *en, const char *ja);

/* Record inner's message after a prefix of the same text in both
 * languages ("FILE:LINE: "), with status. */
int err_relay(twc_error *e, int status, const char *prefix,
              const twc_error *inner);

/* Add a sentence to the end of e's message in each language: suffix is
 * an English text without conversions (mark it N_ for translators),
 * followed by its translation in the Japanese message.  Returns
 * status, so that callers can write `return err_append(e, rc, ...)`. */
int err_append(twc_error *e, int status, const char *suffix);

/* As err_set, the arguments of fmt in ap, after a prefix that is the
 * same in both languages (a file and line: "FILE:LINE: "). */
int err_vset_after(twc_error *e, int status, const char *prefix,
                   const char *fmt, va_list ap) TWC_PRINTF(4, 0);

/* Why a file cannot be opened or read (errno err), in lang: the usual
 * reasons in both languages, strerror's text (English) for the rest. */
const char *err_errno(int err, int lang);

/* The message in lang. */
const char *err_text(const twc_error *e, int lang);

/* Format fmt (English) in lang into buf: the translation, with the same
 * arguments.  Returns buf. */
char *msg_format(char *buf, size_t n, int lang, const char *fmt, ...)
    TWC_PRINTF(4, 5);

/* Forget the last error. */
void err_clear(twc_error *e);

#endif
