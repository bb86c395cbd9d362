/* po_ja.h - the Japanese catalogue of the library's messages (src/po_ja.c,
 * made from po/ja.po by tests/po2c: make update-po-c). */
#ifndef TWC_PO_JA_H
#define TWC_PO_JA_H

#include <stddef.h>

typedef struct po_entry {
	const char *msgid, *msgstr;
} po_entry;

/* Sorted by msgid (strcmp), for bsearch. */
extern const po_entry po_ja[];
extern const size_t po_ja_count;

#endif
