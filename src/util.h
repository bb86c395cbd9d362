/* util.h - the small helpers every module uses: errors (err.h), exact yen
 * (yen.h), text (text.h) and memory (mem.h). */
#ifndef TWC_UTIL_H
#define TWC_UTIL_H

#include "err.h"
#include "mem.h"
#include "text.h"
#include "yen.h"

#endif
