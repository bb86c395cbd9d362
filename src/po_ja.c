/* po_ja.c - made by tests/po2c from po/ja.po (make update-po-c): do not edit. */
#include <config.h>

#include "po_ja.h"

const po_entry po_ja[] = {
    {"%s is out of range (%s to %s)",
     "%s は範囲外です（%s〜%s）"},
    {"success",
     "成功"},
    {"unknown key '%s' (did you mean '%s'?)",
     "不明なキー '%s'（'%s' の誤りではありませんか）"},
};
const size_t po_ja_count = 3;
