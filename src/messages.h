/* messages.h - every warning and note an estimate can carry: one literal a
 * message, in one place, so that each can be found with grep and handed to
 * a translator whole.  Citations and policy wording are not here: they
 * come from the profiles (the grant rule's and the catalogue's text), and
 * reach these formats as arguments.
 *
 * The results keep messages in lists of formatted text (message_list),
 * made in the results' arena by msg_add. */
#ifndef TWC_MESSAGES_H
#define TWC_MESSAGES_H

#include "err.h"
#include "mem.h"

/* The most warnings (or notes) kept for one plan or the scenario. */
#define MAX_MESSAGES 16

typedef struct message_list {
	const char *text[MAX_MESSAGES][LANG_COUNT]; /* each in every language */
	int n;
} message_list;

/* Format a message into the list in every language: fmt is English, its
 * translation takes the same arguments (silently dropped past
 * MAX_MESSAGES or when out of memory: a message never makes an estimate
 * fail). */
void msg_add(arena *mem, message_list *l, const char *fmt, ...)
    TWC_PRINTF(3, 4);

/* Add a message made already in each language (when an argument differs
 * by language: a profile's text, a work style's name). */
void msg_add_pair(arena *mem, message_list *l, const char *en, const char *ja);

/* ---- the grant (grant.c) ------------------------------------------------ */

/* start (as describe_start writes it), deadline year + 1, deadline FY, its
 * era label. */
#define MSG_AFTER_DEADLINE                                                     \
	N_("no grant: introduction started %s, after the deadline; the measure covers only introduction started by %d-03-31 (the end of FY%d, %s), and a start on or before that date would have qualified")

/* the rule's reason (grant profile, not_covered.reasons). */
#define MSG_NOT_COVERED                                                        \
	N_("no grant: %s; set grant_override to assume otherwise")

/* the rule's reason. */
#define MSG_OVERRIDDEN                                                         \
	N_("grant_override is set: the grant is shown although %s")

/* When the rule gives no reason of its own: the kind; and for 不交付団体. */
#define MSG_KIND_NOT_COVERED                                                   \
	N_("the grant rule does not cover entities of kind %s")
#define MSG_NON_RECIPIENT_NOT_COVERED                                          \
	N_("the grant rule does not cover entities that do not receive the ordinary allocation tax")

/* start FY, the rule's first FY, its era label, the first FY again. */
#define MSG_BEFORE_FIRST_FY                                                    \
	N_("introduction started in FY%d, before the measure began in FY%d (%s): spending before FY%d is not covered")

/* the fiscal index. */
#define MSG_CHECK_RECIPIENT                                                    \
	N_("fiscal index %.2f is above 1.00: such entities usually do not receive the ordinary allocation tax; check recipient")

/* A start with a date, and with a fiscal year only (describe_start). */
#define MSG_START_DATE N_("%04d-%02d-%02d (FY%d, %s)")
#define MSG_START_FY N_("in FY%d (%s)")

/* ---- a plan (model.c) -----------------------------------------------------
 */

/* staff, style, style. */
#define MSG_STYLE_UNSERVED                                                     \
	N_("%lld %s staff are enrolled, but this plan assigns no option to %s work: their cost is not counted")

/* style, segment ("LGWAN" or "internet"), style. */
#define MSG_SEGMENT_UNREACHED                                                  \
	N_("%s work needs the %s-connected segment, but no option this plan assigns to %s work reaches it")

/* staff, style, the guideline (catalogue, sensitive_data_rule). */
#define MSG_SENSITIVE_WORK                                                     \
	N_("%lld staff would do LGWAN-connected work with large or important resident data by %s work: the guideline allows such work only from a satellite office with physical controls equal to the office's (%s)")

/* option, users, limit. */
#define MSG_ID_LIMIT                                                           \
	N_("%s: %lld users exceed the limit of %d IDs the catalogue states")

/* option, concurrent users, limit. */
#define MSG_CONCURRENCY_LIMIT                                                  \
	N_("%s: %lld concurrent users exceed the limit of %d the catalogue states")

/* option, last free FY, its era label, yen, the driver's unit. */
#define MSG_PRICED_AFTER                                                       \
	N_("%s is modelled as free until FY%d (%s), then ¥%s per %s per year (a scenario assumption)")

/* FY, its era label, the reference plan. */
#define MSG_FLIPS_LOWER                                                        \
	N_("by FY%d (%s) this plan's cumulative net cost has become lower than %s's")
#define MSG_FLIPS_HIGHER                                                       \
	N_("by FY%d (%s) this plan's cumulative net cost has become higher than %s's")

/* yen given, FY, its era label, the year's cost. */
#define MSG_FUNDING_CAPPED                                                     \
	N_("other funding of ¥%s in FY%d (%s) is more than this plan's cost there (¥%s): only the cost is counted")

/* the two readings used. */
#define MSG_DECIDED_YEARLY                                                     \
	N_("each fiscal year's special allocation tax is decided in that year (December and March): the grant figures are expectations, not entitlements, under the readings later_initial_spending = %s and lease_payments = %s")

/* the catalogue's name, how many items, their ids (", "-separated).  Not
 * given when every item with a cost has been quoted. */
#define MSG_DEFAULT_PRICES                                                     \
	N_("prices are defaults from %s, not quotes, for these items (%d): %s; replace them with your own (quotes = { item_id = yen; } in the scenario)")

/* ---- failures ------------------------------------------------------------ */

#define MSG_OVERFLOW                                                           \
	N_("amounts exceed ¥10 trillion: check the staff count, multipliers and prices")

#endif
