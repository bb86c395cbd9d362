/* number.h - numbers as people write them: 80, 1,200 (thousands
 * separators), ２５ (full-width digits), 0.3 or 30% for a share; and the
 * refusals that say how to write one: hexadecimal (0x50) and leading zeros
 * (010, which some programs read as octal) are refused rather than read
 * as something the writer may not have meant. */
#ifndef TWC_NUMBER_H
#define TWC_NUMBER_H

#include <stddef.h>

#include "util.h"

/* What a number may be. */
enum num_flags {
	NUM_WHOLE = 1, /* a whole number: a count or yen */
	NUM_SHARE = 2, /* a share from 0 to 1: 30% reads as 0.3 */
	NUM_TEXT = 4   /* it was written as text (so 30% could have been
	                  written): a refusal of a share suggests both forms */
};

/* Bytes kept of a number as written, for messages. */
#define NUM_SHOWN_MAX 48

/* Read text as a decimal number into *v: surrounding spaces (also
 * U+3000) ignored, full-width digits and signs read as ASCII, commas
 * between groups of three digits (1,200; 1,234,567.5), an exponent
 * (1e6), and with NUM_SHARE a trailing % (30% is 0.3 exactly as 0.3 is).
 * nan and inf read as themselves, for num_within to refuse.  shown (n
 * bytes, may be NULL) gets the number as written, trimmed, in ASCII.
 * TWC_OK, or TWC_EVALUE with a message, without a key, that says how to
 * write the number. */
int num_read(const char *text, int flags, double *v, char *shown, size_t n,
             twc_error *e);

/* Check v (written as shown) against [lo, hi] and, with NUM_WHOLE, for a
 * whole number: TWC_OK, or TWC_ERANGE with a message that names the range
 * ("30 is out of range (0 to 1)") and, for a share (NUM_SHARE), how to
 * write one ("write a share as 0.3 or 30%"; 30% only with NUM_TEXT). */
int num_within(double v, const char *shown, double lo, double hi, int flags,
               twc_error *e);

/* Whether num_within accepts v: a test alone, that formats no text (the
 * range and the number are written out only to refuse one). */
int num_allowed(double v, double lo, double hi, int flags);

#endif
