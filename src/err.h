/* err.h - the status and message of a failed call, kept in a handle (or a
 * reader) for twc_last_error. */
#ifndef TWC_ERR_H
#define TWC_ERR_H

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

/* The status of a failed call and the message that explains it. */
typedef struct twc_error {
	int status;
	char msg[TWC_MSG_MAX];
} twc_error;

/* Record status and a formatted message in e (which may be NULL) and return
 * status, so that callers can write `return err_set(e, ...)`. */
int err_set(twc_error *e, int status, const char *fmt, ...) TWC_PRINTF(3, 4);

/* Forget the last error. */
void err_clear(twc_error *e);

#endif
