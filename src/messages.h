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

#include "mem.h"

/* The most warnings (or notes) kept for one plan or the scenario. */
#define MAX_MESSAGES 16

typedef struct message_list {
	const char *text[MAX_MESSAGES];
	int n;
} message_list;

/* Format a message into the list (silently dropped past MAX_MESSAGES or
 * when out of memory: a message never makes an estimate fail). */
void msg_add(arena *mem, message_list *l, const char *fmt, ...)
    TWC_PRINTF(3, 4);

/* ---- the grant (grant.c) ------------------------------------------------ */

/* start (as describe_start writes it), deadline year + 1, deadline FY, its
 * era label. */
#define MSG_AFTER_DEADLINE                                                     \
	"no grant: introduction started %s, after the deadline; the measure covers only introduction started by %d-03-31 (the end of FY%d, %s), and a start on or before that date would have qualified"

/* the rule's reason (grant profile, not_covered.reasons). */
#define MSG_NOT_COVERED "no grant: %s; set grant_override to assume otherwise"

/* the rule's reason. */
#define MSG_OVERRIDDEN "grant_override is set: the grant is shown although %s"

/* When the rule gives no reason of its own: the kind; and for 不交付団体. */
#define MSG_KIND_NOT_COVERED "the grant rule does not cover entities of kind %s"
#define MSG_NON_RECIPIENT_NOT_COVERED                                          \
	"the grant rule does not cover entities that do not receive the ordinary allocation tax (不交付団体)"

/* start FY, the rule's first FY, its era label, the first FY again. */
#define MSG_BEFORE_FIRST_FY                                                    \
	"introduction started in FY%d, before the measure began in FY%d (%s): spending before FY%d is not covered"

/* the fiscal index. */
#define MSG_CHECK_RECIPIENT                                                    \
	"fiscal index %.2f is above 1.00: such entities usually do not receive the ordinary allocation tax (不交付団体); check recipient"

/* A start with a date, and with a fiscal year only (describe_start). */
#define MSG_START_DATE "%04d-%02d-%02d (FY%d, %s)"
#define MSG_START_FY "in FY%d (%s)"

/* ---- a plan (model.c) -----------------------------------------------------
 */

/* staff, style, style. */
#define MSG_STYLE_UNSERVED                                                     \
	"%lld %s staff are enrolled, but this plan assigns no option to %s work: their cost is not counted"

/* style, segment ("LGWAN" or "internet"), style. */
#define MSG_SEGMENT_UNREACHED                                                  \
	"%s work needs the %s-connected segment, but no option this plan assigns to %s work reaches it"

/* staff, style, the guideline (catalogue, sensitive_data_rule). */
#define MSG_SENSITIVE_WORK                                                     \
	"%lld staff would do LGWAN-connected work with large or important resident data by %s work: the guideline allows such work only from a satellite office with physical controls equal to the office's (%s)"

/* option, users, limit. */
#define MSG_ID_LIMIT                                                           \
	"%s: %lld users exceed the limit of %d IDs the catalogue states"

/* option, concurrent users, limit. */
#define MSG_CONCURRENCY_LIMIT                                                  \
	"%s: %lld concurrent users exceed the limit of %d the catalogue states"

/* option, last free FY, its era label, yen, the driver's unit. */
#define MSG_PRICED_AFTER                                                       \
	"%s is modelled as free until FY%d (%s), then ¥%s per %s per year (a scenario assumption)"

/* FY, its era label, the reference plan. */
#define MSG_FLIPS_LOWER                                                        \
	"by FY%d (%s) this plan's cumulative net cost has become lower than %s's"
#define MSG_FLIPS_HIGHER                                                       \
	"by FY%d (%s) this plan's cumulative net cost has become higher than %s's"

/* yen given, FY, its era label, the year's cost. */
#define MSG_FUNDING_CAPPED                                                     \
	"other funding of ¥%s in FY%d (%s) is more than this plan's cost there (¥%s): only the cost is counted"

/* the two readings used. */
#define MSG_DECIDED_YEARLY                                                     \
	"each fiscal year's special allocation tax is decided in that year (December and March): the grant figures are expectations, not entitlements, under the readings later_initial_spending = %s and lease_payments = %s"

/* the catalogue's name, how many items, their ids (", "-separated).  Not
 * given when every item with a cost has been quoted. */
#define MSG_DEFAULT_PRICES                                                     \
	"prices are defaults from %s, not quotes, for these items (%d): %s; replace them with your own (quotes = { item_id = yen; } in the scenario)"

/* ---- failures ------------------------------------------------------------ */

#define MSG_OVERFLOW                                                           \
	"amounts exceed ¥10 trillion: check the staff count, multipliers and prices"

#endif
