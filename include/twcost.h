/*
 * twcost.h - the one public header of libtwcost.
 *
 * libtwcost estimates what staff telework costs a Japanese local government,
 * the special allocation tax (特別交付税措置) that pays part of it back, and
 * how each deployment plan compares with the free J-LIS LGWAN telework system.
 *
 * The API is flat and spreadsheet-safe: only int, double, long long,
 * const char * (UTF-8, NUL-terminated) and the opaque twc_model handle cross
 * it, so that an Excel VBA `Declare` or a ctypes binding can call every
 * function.
 *
 * Errors.  Functions that return int return TWC_OK (0) or a negative
 * twc_status; functions that return double return NaN on error.  In both
 * cases twc_last_error() on the handle says why.  No function prints, exits
 * or aborts, whatever it is passed: NULL, NaN, +-inf, 1e300, an unknown key
 * or a string that is not UTF-8.
 *
 * Threads.  Handles are independent: two threads may use two handles at the
 * same time.  One handle must not be used by two threads at once.  Profiles
 * are parsed once and cached read-only for the life of the process; the
 * cache is locked while a profile loads.  twc_quick() may be called from any
 * number of threads.
 *
 * Strings.  A const char * returned by a function lives until the next call
 * that changes the same handle's inputs (twc_set, twc_set_text, twc_reset,
 * twc_simulate, twc_breakeven) or until twc_close(); copy it to keep it
 * longer.  Every
 * function that returns text has a caller-buffer form (suffix _buf) that
 * copies the text into buf (at most len bytes, always NUL-terminated when
 * len > 0) and returns the length the whole text needs, not counting the
 * NUL, or a negative twc_status.  A caller that gets a value >= len should
 * retry with a larger buffer.
 *
 * Keys, plan ids and field names are ASCII.  Text values are UTF-8; the era
 * forms of dates (令和7年度) are also accepted in CP932 (Shift_JIS), which is
 * what Excel VBA passes on Japanese Windows, and the ASCII forms (R7, FY2025,
 * 2025-10-01) always work.
 */
#ifndef TWCOST_H
#define TWCOST_H

#ifdef __cplusplus
extern "C" {
#endif

/* TWC_API marks an exported function; TWC_CALL is its calling convention
 * (__stdcall on 32-bit Windows, so that 32-bit Office VBA can call it). */
#if defined(_WIN32)
#if defined(TWC_BUILDING)
#define TWC_API __declspec(dllexport)
#else
#define TWC_API
#endif
#if !defined(_WIN64)
#define TWC_CALL __stdcall
#else
#define TWC_CALL
#endif
#else
#if defined(TWC_BUILDING) && defined(__GNUC__)
#define TWC_API __attribute__((visibility("default")))
#else
#define TWC_API
#endif
#define TWC_CALL
#endif

#if defined(__GNUC__)
#define TWC_CHECK __attribute__((warn_unused_result))
#else
#define TWC_CHECK
#endif

/* Status codes: 0 is success, every failure is negative. */
enum twc_status {
	TWC_OK = 0,         /* success */
	TWC_EINVAL = -1,    /* a NULL handle or pointer where one is needed */
	TWC_EKEY = -2,      /* unknown key, plan, field or index */
	TWC_ERANGE = -3,    /* a number outside its allowed range, NaN or inf */
	TWC_EVALUE = -4,    /* a text value that cannot be understood */
	TWC_EPROFILE = -5,  /* a profile cannot be read or is invalid */
	TWC_ENOMEM = -6,    /* out of memory */
	TWC_EOVERFLOW = -7, /* an amount too large to compute in exact yen */
	TWC_ESTATE = -8     /* results asked before they exist (e.g. no
	                       simulation has run) */
};

/* An estimate: a scenario, the catalogue and grant rule it uses, its inputs
 * and its results.  Opaque; created by twc_open, freed by twc_close. */
typedef struct twc_model twc_model;

/* The library version, "MAJOR.MINOR.PATCH".  Static storage. */
TWC_API const char *TWC_CALL twc_version(void);

/* A one-line English description of a twc_status.  Static storage; an
 * unknown code gives "unknown status". */
TWC_API const char *TWC_CALL twc_strerror(int status);

/* Open a scenario profile.  profile_path NULL or "" opens the bundled
 * default scenario; a name without a slash that is not a file names a
 * bundled profile ("default", "town-small.cfg").  Profiles are parsed once
 * and cached, so re-opening the same unchanged file is cheap.  On success
 * *out is a new handle the caller frees with twc_close; on failure *out is
 * NULL and the status says why. */
TWC_API int TWC_CALL twc_open(const char *profile_path,
                              twc_model **out) TWC_CHECK;

/* twc_open that also copies the reason for a failure into err (at most
 * err_len bytes, NUL-terminated; "" on success).  err may be NULL. */
TWC_API int TWC_CALL twc_open_buf(const char *profile_path, twc_model **out,
                                  char *err, int err_len) TWC_CHECK;

/* Free a handle and everything it returned.  NULL is a no-op. */
TWC_API void TWC_CALL twc_close(twc_model *m);

/* Set a numeric input by key.  Keys: staff, home, satellite, mobile (shares
 * 0..1, summing to at most 1), home_days, satellite_days, mobile_days
 * (0..5), satellite_sites, satellite_reuse (of them, existing offices
 * reused: no fit-out; at most satellite_sites), peak (1..3), lent_share
 * (0..1), office_pc_share (0..1: of the staff connecting to an office PC,
 * those who have one of their own to leave on), fiscal_index
 * (0..5, rounded half-up to 2 decimals), years (1..30), start (a fiscal year
 * such as 2025), recipient (1: receives the ordinary allocation tax),
 * grant_override (1: assume the grant applies to a non-recipient, a special
 * ward or an association), jlis_free_until (last free fiscal year),
 * jlis_fee_yen (per user per year after it), sensitive_data (0/1).
 * Returns TWC_OK, or TWC_EKEY / TWC_ERANGE with a message naming the key and
 * the allowed range; on error the input keeps its previous value. */
TWC_API int TWC_CALL twc_set(twc_model *m, const char *key,
                             double value) TWC_CHECK;

/* Set a text input by key: start ("2025-10-01", "FY2025", "R7", "令和7年度"),
 * kind (prefecture, designated_city, municipality, special_ward,
 * association), work_segment (internet, lgwan), name, sizing (ordinary:
 * concurrent users on an ordinary day; continuity: every enrolled user at
 * once), jlis_free_until
 * (a fiscal year in any start form), rollout and home_rollout,
 * satellite_rollout, mobile_rollout ("R7=0.3,R9=1": the share of the final
 * enrolment reached by each year), go_live (a date: running costs are
 * paid by the month from it in its fiscal year), funding
 * ("prefectural:R7:1000000;bond:R9:90%": other money by source, year and
 * yen or share of eligible cost; "" for none), later_initial_spending
 * (covered, not_covered, rule), lease_payments (eligible, not_eligible,
 * rule), cheapest_among (the plans a simulation ranks for prob_cheapest,
 * comma-separated plan ids; "" for every plan), sim_figures (all, the
 * default, or net: twc_simulate then counts each plan's net cost and
 * chances only, and makes the sim:total_yen and sim:grant_yen figures
 * on their first read by running the same draws again - the same
 * figures, a third less counting for a caller that reads only net
 * cost; that read can fail with TWC_ENOMEM), lang (ja, en, or auto:
 * the language of this handle's messages and text fields, by default the
 * environment's: TWCOST_LANG, else LANGUAGE, LC_ALL, LC_MESSAGES, LANG as
 * gettext reads them, else on Windows the user's interface language), or
 * any numeric key written as text. */
TWC_API int TWC_CALL twc_set_text(twc_model *m, const char *key,
                                  const char *value) TWC_CHECK;

/* twc_set_text with the value in UTF-16 (NUL-terminated 16-bit units), as
 * VBA's StrPtr(s) passes it: any Japanese text arrives intact whatever the
 * ANSI code page.  Unpaired surrogates are TWC_EVALUE. */
TWC_API int TWC_CALL twc_set_text_utf16(twc_model *m, const char *key,
                                        const unsigned short *value) TWC_CHECK;

/* Put every input back to the value the profile gave it. */
TWC_API int TWC_CALL twc_reset(twc_model *m) TWC_CHECK;

/* The current value of a numeric input key (as twc_set takes), or NaN. */
TWC_API double TWC_CALL twc_get(twc_model *m, const char *key);

/* How many of something there are, or a negative status: what, with plan
 * NULL or "" and with a plan id, is one of (docs/api.md says each; those
 * of a simulation need twc_simulate first):
 * [counts, scenario: plans years warnings notes options categories inputs
 * crossings]
 * [counts, plan: items years warnings notes lines debts hist tornado]
 * Getters compute and allocate nothing once the results are made, except
 * the first read of a plan's budget request (lines, debts and their
 * line:N / debt:N fields, which the request makes when first asked) and of
 * the tornado: those reads can fail with TWC_ENOMEM. */
TWC_API int TWC_CALL twc_count(twc_model *m, const char *plan,
                               const char *what);

/* A numeric result.  plan is a plan id (or NULL for scenario-wide values);
 * field is a name such as total_yen, grant_yen, net_yen, eligible_yen,
 * effective_rate, or a path: fy:2026:net_yen, year:0:cost_yen,
 * item:3:total_yen, item:vdi_server:quantity.  docs/api.md lists them all.
 * Results are recomputed lazily after an input changes.  Money is whole
 * yen, exact up to 2^53.  NaN on error. */
TWC_API double TWC_CALL twc_result(twc_model *m, const char *plan,
                                   const char *field);

/* A money result as an exact integer: *yen receives it.  Same fields as
 * twc_result. */
TWC_API int TWC_CALL twc_result_yen(twc_model *m, const char *plan,
                                    const char *field,
                                    long long *yen) TWC_CHECK;

/* A text result: ids, labels, warnings.  NULL on error.  The plain names,
 * scenario-wide and for a plan:
 * [text, scenario: name kind start start_label end_label profile catalog grant
 * grant_title reference_plan sizing cheapest_among lang home_segment
 * satellite_segment mobile_segment
 * home_rollout satellite_rollout mobile_rollout go_live funding
 * later_initial_spending lease_payments setsu]
 * [text, plan: id label label_ja label_en security_fit]
 * and paths such as plan:N, option:N, warning:N, note:N, category:N:label,
 * year:N:label, item:N:id (also :label, :category, :phase, :driver,
 * :option), input:N, tornado:N:input; docs/api.md lists every one. */
TWC_API const char *TWC_CALL twc_text(twc_model *m, const char *plan,
                                      const char *field);
TWC_API int TWC_CALL twc_text_buf(twc_model *m, const char *plan,
                                  const char *field, char *buf, int len);

/* The message of the last failed call on this handle ("" if none), in the
 * handle's language (lang).  A NULL handle gives a fixed message.  Lives
 * until the next call on the handle.  twc_open_buf, twc_check and
 * twc_strerror speak the environment's language (see lang). */
TWC_API const char *TWC_CALL twc_last_error(const twc_model *m);
TWC_API int TWC_CALL twc_last_error_buf(const twc_model *m, char *buf, int len);

/* ---- uncertainty -------------------------------------------------------- */

/* Monte Carlo simulation of every plan at once: draws (1 to 1,000,000)
 * draws of every uncertain input (prices with a range, and shares, days and
 * the peak factor when the profile gives them a range), all plans
 * evaluated on the same draw.  seed: a whole number from 0 to 2^53; the same
 * seed gives the same figures, whatever threads is (0: every core, else 1
 * to 64).  Each input has its own random stream, derived from the seed and
 * the input's id, so adding an input leaves the others' draws unchanged.
 * Results: twc_result(m, plan, "sim:net_yen:p50") and the fields docs/api.md
 * lists (mean, p5, p10, p50, p90, p95 of net_yen, total_yen, grant_yen;
 * prob_cheapest - among the plans whose security fit is ok, and among
 * cheapest_among when set; NaN for the others - prob_cheapest_any,
 * prob_below_reference; cdf:K; hist:K; tornado:N:...).  They stay until
 * the inputs change or the next simulation.  twc_simulate makes every one
 * of them but the tornado, so reading them allocates and computes nothing
 * and fails only on a bad field; the tornado - twc_count(m, plan,
 * "tornado") and the tornado:N:... fields - is made on its first read (it
 * draws the first 10,000 draws again and ranks them), and that read can
 * fail with TWC_ENOMEM.  A simulation's memory does not grow with its
 * draws: about 0.3 MB a thread for the default scenario, 8 MB more while
 * the tornado is made. */
TWC_API int TWC_CALL twc_simulate(twc_model *m, int draws, double seed,
                                  int threads) TWC_CHECK;

/* Progress of a running twc_simulate on m, from 0 to 1.  The one function
 * that may be called from another thread while twc_simulate runs on m. */
TWC_API double TWC_CALL twc_progress(const twc_model *m);

/* The value of `over` - "staff", "home" (share) or "years" - between lo and
 * hi at which the net costs of plan_a and plan_b first cross.  The range's
 * low end is raised to the first value at which either plan enrols anyone
 * (below it both cost nothing); the rest is scanned (every whole value, up
 * to 10,000 of them) and each change of sign narrowed with GSL's root
 * solvers (whole staff and years handled as steps), so that every
 * crossing in the range is found.  NaN with TWC_OK status when they do not
 * cross in [lo, hi]; NaN and a message on error.  Either way
 * twc_result(m, NULL, "breakeven:...") gives the value on each side of the
 * first crossing (or at the ends searched) with both plans' net costs -
 * breakeven:found, breakeven:below, breakeven:above,
 * breakeven:below_net_a_yen, breakeven:below_net_b_yen,
 * breakeven:above_net_a_yen, breakeven:above_net_b_yen - every crossing
 * (twc_count(m, NULL, "crossings"), breakeven:crossings:N:value ...), the
 * range searched (breakeven:from, breakeven:to), and, when the plans never
 * cross, the one cheaper throughout (twc_text breakeven:cheaper). */
TWC_API double TWC_CALL twc_breakeven(twc_model *m, const char *plan_a,
                                      const char *plan_b, const char *over,
                                      double lo, double hi);

/* One call per spreadsheet cell: the bundled default scenario with staff,
 * the three shares, start and fiscal_index replaced (start NULL or "" and
 * NaN numbers keep the default's value), then twc_result(plan, field).
 * Equals `twcost compare` with the same flags.  Thread-safe.  NaN on any
 * error (the reason is not kept: use a handle to see it). */
TWC_API double TWC_CALL twc_quick(const char *plan, const char *field,
                                  double staff, double home, double satellite,
                                  double mobile, const char *start,
                                  double fiscal_index);

/* Validate any profile file - scenario, option catalogue or grant rule -
 * without opening it as a scenario.  TWC_OK, or TWC_EPROFILE with the file,
 * line and reason copied into err. */
TWC_API int TWC_CALL twc_check(const char *profile_path, char *err,
                               int err_len);

/* The fiscal year of a date or fiscal year in any form start takes
 * ("2025-10-01", "2025/10/1", "2025年10月1日", "R7.10.1", "令和7年10月",
 * "FY2025", "R7", "令和7年度", "2025"): 2025 for all of them.  A
 * negative twc_status when text is not one (NULL is TWC_EINVAL). */
TWC_API int TWC_CALL twc_fiscal_year(const char *text);

/* What twc_read_number accepts besides a plain decimal number. */
enum twc_number_flags {
	TWC_NUMBER_WHOLE = 1, /* a whole number only (a count, yen) */
	TWC_NUMBER_SHARE = 2  /* a share: 30% reads as 0.3 */
};

/* Read a number written as text by the rules every numeric input key
 * follows in twc_set_text: decimal, with thousands separators (1,200),
 * full-width digits (１２００) and spaces around it; with
 * TWC_NUMBER_SHARE also 30% for 0.3.  Hexadecimal (0x50) and leading
 * zeros (010, octal to some programs) are refused.  *value gets the
 * number when it is from lo to hi (and whole with TWC_NUMBER_WHOLE).
 * TWC_OK, or TWC_EVALUE / TWC_ERANGE (TWC_EINVAL for NULL text or value,
 * or lo > hi) with the reason, which says how to write the number, copied
 * into err (at most err_len bytes; may be NULL) in the environment's
 * language.  Thread-safe. */
TWC_API int TWC_CALL twc_read_number(const char *text, double lo, double hi,
                                     int flags, double *value, char *err,
                                     int err_len) TWC_CHECK;

/* The one of names[0..n-1] that word was most likely meant to be, by the
 * rule of the library's own "did you mean": letters added, removed or
 * changed and two neighbours swapped count one each, ASCII case and '-'
 * against '_' count none, and at most a third of the word may differ;
 * else the only name that word begins, or is a '-', '_' or '.' separated
 * part of ("jlis" for "jlis-lgwan").  NULL when none is close, or for
 * NULL arguments.  For a program's own lists (its commands, its flags),
 * so that it answers a typo as the library does.  Thread-safe. */
TWC_API const char *TWC_CALL twc_nearest(const char *word,
                                         const char *const *names, int n);

/* The number of profiles compiled into the library. */
TWC_API int TWC_CALL twc_bundled_count(void);

/* The bundled profiles, by index from 0 to twc_bundled_count() - 1.
 * field: name, kind (scenario, catalog, grant, setsu), title.  Static storage;
 * NULL when index or field is unknown. */
TWC_API const char *TWC_CALL twc_bundled(int index, const char *field);
TWC_API int TWC_CALL twc_bundled_buf(int index, const char *field, char *buf,
                                     int len);

/* The text of a bundled profile, for `twcost profiles --show NAME`.
 * Static storage; NULL when there is no such profile. */
TWC_API const char *TWC_CALL twc_bundled_text(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* TWCOST_H */
