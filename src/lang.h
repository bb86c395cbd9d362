/* lang.h - the two languages of the library's messages.  Every message is
 * written in English in the source (the msgid) and formatted in both
 * languages when it is made; which one a caller sees is chosen when it is
 * read (the handle's "lang", or the environment's).  The Japanese text
 * comes from po/ja.po, compiled in as src/po_ja.c (make update-po-c), so
 * that the Windows DLL and the web page have it without gettext. */
#ifndef TWC_LANG_H
#define TWC_LANG_H

enum lang { LANG_EN, LANG_JA, LANG_COUNT };

#if defined(__GNUC__)
#define TWC_FORMAT_ARG(n) __attribute__((format_arg(n)))
#else
#define TWC_FORMAT_ARG(n)
#endif

/* The language the environment asks for: TWCOST_LANG (ja or en), else
 * gettext's order (LANGUAGE unless the locale is C, LC_ALL, LC_MESSAGES,
 * LANG), else on Windows the user's interface language.  Japanese when
 * the name starts with "ja". */
int lang_default(void);

/* "ja", "en" or "auto" (lang_default); -1 for anything else. */
int lang_parse(const char *name);

/* "ja" or "en". */
const char *lang_name(int lang);

/* msgid in lang: its translation, or msgid itself when it has none (or
 * lang is English).  A format's translation has the same conversions
 * (tests/po2c checks it when it compiles the catalogue). */
const char *lang_tr(int lang, const char *msgid) TWC_FORMAT_ARG(2);

/* Mark a literal for extraction without translating it here. */
#define N_(s) (s)

#endif
