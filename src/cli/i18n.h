/* i18n.h - the tool's own text through gettext (domain "twcost", po/ja.po):
 * _("...") where text is printed, N_("...") in tables that are translated
 * where they are printed.  fail() translates its format itself.  Without
 * NLS (configure --disable-nls, the WebAssembly page) the text stays
 * English. */
#ifndef TWC_I18N_H
#define TWC_I18N_H

#if ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#else
#define _(s) (s)
#define gettext(s) (s)
#define ngettext(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
