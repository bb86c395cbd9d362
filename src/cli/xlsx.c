/* xlsx.c - the workbook of `compare`, `estimate` and `budget --format
 * xlsx`, written with libxlsxwriter (1.1.x).
 *
 * Sheets: 比較 (the scenario, one row per plan shown, a column chart of
 * total, grant and net), one 予算 PLAN per plan (the budget request in
 * 千円, as `twcost budget` prints it), 明細 (every cost item) and 注記
 * (warnings, notes, the version).  Money is written in whole yen (千円 on
 * the budget sheets) with the format #,##0.
 *
 * Every formula is written with its result (worksheet_write_formula_num),
 * since libxlsxwriter would otherwise store 0 and LibreOffice does not
 * recalculate an xlsx file on load.  The results are the library's own
 * figures; before writing one, the formula's arithmetic (in doubles, as a
 * spreadsheet does it) is checked against the library's figure, and a
 * difference stops the workbook as a bug to report rather than leave a
 * sheet that changes when recalculated. */
#include <config.h>

#include "xlsx.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <xlsxwriter.h>

#include "report.h"
#include "request.h"

#define SHEET_COMPARE "比較"
#define SHEET_ITEMS "明細"
#define SHEET_NOTES "注記"

/* Columns tracked for their width; Excel's sheet name limit, in
 * characters, and the bytes such a name takes at most in UTF-8. */
#define MAX_COLS 64
#define MAX_SHEET_NAME 31
#define SHEET_NAME_SIZE (4 * MAX_SHEET_NAME + 16)

/* One sheet being written: its handle, name and widest cell per column
 * (in terminal columns: a CJK character counts two). */
typedef struct sheet {
	lxw_worksheet *ws;
	const char *name;
	int width[MAX_COLS];
} sheet;

/* The workbook, its cell formats, and the first failure met. */
typedef struct book {
	lxw_workbook *wb;
	const view *v;
	lxw_format *title, *head, *yen, *yen_sum, *bold, *wrap;
	lxw_format *left_int, *left_rate, *left_exact, *center, *top;
	lxw_worksheet *compare, *first_budget, *items;
	char (*budget_names)[SHEET_NAME_SIZE]; /* one a plan shown */
	int n_budgets;
	int failed;
	char why[512];
} book;

/* The columns of the 比較 table. */
enum {
	C_ID,
	C_LABEL,
	C_INITIAL,
	C_RUNNING,
	C_REPLACEMENT,
	C_TOTAL,
	C_ELIGIBLE,
	C_GRANT,
	C_NET,
	C_PER_USER,
	C_VS,
	C_SECURITY,
	N_COMPARE_COLS
};

/* ---- failures and cells ---------------------------------------------------
 */

/* Remember the first failure, in words. */
static void failure(book *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

static void
failure(book *b, const char *fmt, ...)
{
	va_list ap;

	if (b->failed)
		return;
	b->failed = 1;
	va_start(ap, fmt);
	vsnprintf(b->why, sizeof b->why, fmt, ap);
	va_end(ap);
}

/* A libxlsxwriter status for a cell of sheet s. */
static void
check_cell(book *b, const sheet *s, int row, int col, lxw_error e)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];

	if (e == LXW_NO_ERROR)
		return;
	lxw_rowcol_to_cell(cell, (lxw_row_t)row, (lxw_col_t)col);
	failure(b, "%s!%s: %s", s->name, cell, lxw_strerror(e));
}

/* A libxlsxwriter status for anything else. */
static void
check(book *b, lxw_error e, const char *what)
{
	if (e != LXW_NO_ERROR)
		failure(b, "%s: %s", what, lxw_strerror(e));
}

/* The formula's arithmetic must give the library's figure. */
static void
agree(book *b, const char *plan, const char *f, long long lib, double sum)
{
	if ((double)lib != sum)
		failure(b,
		        "plan %s: the library's %s (%lld) differs from what "
		        "the workbook's formula gives (%.0f); this is a bug, "
		        "please report it",
		        plan, f, lib, sum);
}

/* Column col is at least w terminal columns wide. */
static void
widen(sheet *s, int col, int w)
{
	if (col >= 0 && col < MAX_COLS && w > s->width[col])
		s->width[col] = w;
}

/* The width of the widest line of text. */
static int
lines_width(const char *text)
{
	char line[1024];
	int w = 0;

	while (*text) {
		size_t n = strcspn(text, "\n");
		int lw;
		snprintf(line, sizeof line, "%.*s", (int)n, text);
		lw = text_width(line);
		if (lw > w)
			w = lw;
		text += n + (text[n] == '\n');
	}
	return w;
}

/* Text that may run on over the empty cells to its right. */
static void
put_note(book *b, sheet *s, int row, int col, const char *text, lxw_format *fmt)
{
	check_cell(b, s, row, col,
	           worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col,
	                                  text, fmt));
}

/* Text that its column is made wide enough for. */
static void
put_text(book *b, sheet *s, int row, int col, const char *text, lxw_format *fmt)
{
	put_note(b, s, row, col, text, fmt);
	widen(s, col, lines_width(text));
}

/* A number; a whole one widens its column by its digits and commas. */
static void
put_number(book *b, sheet *s, int row, int col, double v, lxw_format *fmt)
{
	char a[32];

	check_cell(b, s, row, col,
	           worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col,
	                                  v, fmt));
	widen(s, col, (int)strlen(fmt_yen((long long)v, a, sizeof a)) + 1);
}

/* A formula with its result, which every reader shows at once. */
static void
put_formula(book *b, sheet *s, int row, int col, const char *formula, double v,
            lxw_format *fmt)
{
	char a[32];

	check_cell(b, s, row, col,
	           worksheet_write_formula_num(
	               s->ws, (lxw_row_t)row, (lxw_col_t)col, formula, fmt, v));
	widen(s, col, (int)strlen(fmt_yen((long long)v, a, sizeof a)) + 1);
}

/* The A1 name of a cell (buf of LXW_MAX_CELL_NAME_LENGTH). */
static const char *
cell(char *buf, int row, int col)
{
	lxw_rowcol_to_cell(buf, (lxw_row_t)row, (lxw_col_t)col);
	return buf;
}

/* Set every used column to its widest cell, within 8 to 60. */
static void
set_widths(book *b, sheet *s)
{
	int c;

	for (c = 0; c < MAX_COLS; c++) {
		double w = s->width[c] + 2;
		if (s->width[c] == 0)
			continue;
		w = w < 8 ? 8 : w > 60 ? 60 : w;
		check(b,
		      worksheet_set_column(s->ws, (lxw_col_t)c, (lxw_col_t)c, w,
		                           NULL),
		      s->name);
	}
}

/* A new sheet; NULL (and a failure) when libxlsxwriter refuses it. */
static lxw_worksheet *
add_sheet(book *b, sheet *s, const char *name)
{
	memset(s, 0, sizeof *s);
	s->name = name;
	s->ws = workbook_add_worksheet(b->wb, name);
	if (s->ws == NULL)
		failure(b, "cannot add the sheet %s", name);
	else {
		worksheet_set_paper(s->ws, 9); /* A4 */
		worksheet_set_landscape(s->ws);
		worksheet_fit_to_pages(s->ws, 1, 0);
	}
	return s->ws;
}

/* A header row: bold, shaded, wrapped, two lines high. */
static void
header_row(book *b, sheet *s, int row, const char *const *labels, int n)
{
	int c;

	check(b, worksheet_set_row(s->ws, (lxw_row_t)row, 30, NULL), s->name);
	for (c = 0; c < n; c++)
		put_text(b, s, row, c, _(labels[c]), b->head);
}

/* How many plans are shown. */
static int
shown(book *b)
{
	int i, n = 0;

	for (i = 0; i < b->v->n_plans; i++)
		n += b->v->plans[i].selected;
	return n;
}

/* ---- 比較 ---------------------------------------------------------------
 */

/* A label and a text value on one row of the scenario block. */
static void
scenario_text(book *b, sheet *s, int row, const char *label, const char *v)
{
	put_text(b, s, row, 0, label, b->bold);
	put_note(b, s, row, 1, v, NULL);
}

/* A label and a number on one row of the scenario block. */
static void
scenario_number(book *b, sheet *s, int row, const char *label, double v,
                lxw_format *fmt)
{
	put_text(b, s, row, 0, label, b->bold);
	put_number(b, s, row, 1, v, fmt);
}

/* Who, how many and when; returns the next free row. */
static int
scenario_entity(book *b, sheet *s, int r)
{
	const view *v = b->v;
	char t[512], a[32], c[32];

	snprintf(t, sizeof t, "%s (%s)", v->name, kind_text(v->kind));
	scenario_text(b, s, r++, _("entity"), t);
	scenario_number(b, s, r, _("general staff"), (double)v->staff,
	                b->left_int);
	snprintf(t, sizeof t,
	         _("enrolled: home %lld, satellite %lld (%lld sites, %lld "
	           "reused), mobile %lld"),
	         v->style[0].users, v->style[1].users, v->sites, v->reuse,
	         v->style[2].users);
	put_note(b, s, r++, 2, t, NULL);
	scenario_text(b, s, r++, _("sizing"),
	              strcmp(v->sizing, "continuity") == 0
	                  ? _("continuity: every enrolled user at once")
	                  : _("ordinary day: days a week x peak"));
	snprintf(t, sizeof t, "%s (%s)", v->start,
	         fy_text(v->start_fy, v->start_label, a, sizeof a));
	scenario_text(b, s, r++, _("start"), t);
	scenario_number(b, s, r, _("fiscal years"), (double)v->years,
	                b->left_int);
	snprintf(t, sizeof t, "%s – %s",
	         fy_text(v->start_fy, v->start_label, a, sizeof a),
	         fy_text(v->end_fy, v->end_label, c, sizeof c));
	put_note(b, s, r++, 2, t, NULL);
	return r;
}

/* The grant's figures and where the profiles came from; next free row. */
static int
scenario_grant(book *b, sheet *s, int r)
{
	const view *v = b->v;
	char t[1024], a[32], m[32];

	scenario_number(b, s, r++, _("fiscal index"), v->fiscal_index_rounded,
	                b->left_rate);
	scenario_number(b, s, r++, _("fiscal capacity correction m"), v->m,
	                b->left_rate);
	scenario_number(b, s, r, _("effective rate"), v->effective_rate,
	                b->left_exact);
	snprintf(a, sizeof a, "%.2f", v->rate);
	snprintf(m, sizeof m, "%.2f", v->m);
	snprintf(t, sizeof t,
	         v->grant_applies
	             ? _("rate %s x m %s of eligible initial cost")
	             : _("rate %s x m %s: NOT APPLIED (see the notes sheet)"),
	         a, m);
	put_note(b, s, r++, 2, t, NULL);
	snprintf(t, sizeof t, _("profile %s; catalogue %s; grant rule %s"),
	         v->profile, v->catalog, v->grant);
	scenario_text(b, s, r++, _("profiles"), t);
	return r;
}

/* One plan's row; ref is the cell of the reference plan's net (NULL
 * when there is none) and ref_net its value. */
static void
compare_row(book *b, sheet *s, int r, const vplan *p, const char *ref,
            long long ref_net)
{
	const char *id = p->id;
	long long ini = p->initial, run = p->running, rep = p->replacement,
	          total = p->total, grant = p->grant, net = p->net,
	          vs = p->vs_reference;
	char f[128], x[LXW_MAX_CELL_NAME_LENGTH], y[LXW_MAX_CELL_NAME_LENGTH],
	    z[LXW_MAX_CELL_NAME_LENGTH];

	put_text(b, s, r, C_ID, id, NULL);
	put_text(b, s, r, C_LABEL, p->label, NULL);
	put_number(b, s, r, C_INITIAL, (double)ini, b->yen);
	put_number(b, s, r, C_RUNNING, (double)run, b->yen);
	put_number(b, s, r, C_REPLACEMENT, (double)rep, b->yen);
	snprintf(f, sizeof f, "=%s+%s+%s", cell(x, r, C_INITIAL),
	         cell(y, r, C_RUNNING), cell(z, r, C_REPLACEMENT));
	agree(b, id, "total_yen", total,
	      (double)ini + (double)run + (double)rep);
	put_formula(b, s, r, C_TOTAL, f, (double)total, b->yen);
	put_number(b, s, r, C_ELIGIBLE, (double)p->eligible, b->yen);
	put_number(b, s, r, C_GRANT, (double)grant, b->yen);
	snprintf(f, sizeof f, "=%s-%s", cell(x, r, C_TOTAL),
	         cell(y, r, C_GRANT));
	agree(b, id, "net_yen", net, (double)total - (double)grant);
	put_formula(b, s, r, C_NET, f, (double)net, b->yen);
	put_number(b, s, r, C_PER_USER, (double)p->per_user_year, b->yen);
	if (ref != NULL) {
		snprintf(f, sizeof f, "=%s-%s", cell(x, r, C_NET), ref);
		agree(b, id, "vs_jlis_yen", vs, (double)net - (double)ref_net);
		put_formula(b, s, r, C_VS, f, (double)vs, b->yen);
	} else {
		put_text(b, s, r, C_VS, "—", b->center);
	}
	put_text(b, s, r, C_SECURITY, p->security_fit, b->center);
}

/* The row of the reference plan among those shown, or -1. */
static int
reference_row(book *b, int first)
{
	int i, r = first;

	for (i = 0; i < b->v->n_plans; i++) {
		if (!b->v->plans[i].selected)
			continue;
		if (i == b->v->reference)
			return r;
		r++;
	}
	return -1;
}

/* The table of plans under the header row `head`; returns the row under
 * the table (and the reference plan's net, when that plan is not shown). */
static int
compare_table(book *b, sheet *s, int head)
{
	static const char *const labels[N_COMPARE_COLS] = {
	    N_("plan"),          N_("name"),        N_("initial"),
	    N_("running"),       N_("replacement"), N_("total"),
	    N_("eligible"),      N_("grant"),       N_("net"),
	    N_("per user-year"), N_("vs J-LIS"),    N_("security")};
	const view *v = b->v;
	const vplan *ref = v->reference >= 0 ? &v->plans[v->reference] : NULL;
	char rc[LXW_MAX_CELL_NAME_LENGTH], note[256];
	int i, r = head + 1, at = reference_row(b, head + 1), n = shown(b);
	long long ref_net = ref ? ref->net : 0;

	header_row(b, s, head, labels, N_COMPARE_COLS);
	if (ref && at < 0) { /* not shown: its net on a row of its own */
		at = head + 1 + n;
		snprintf(note, sizeof note, _("%s (not shown): net"), ref->id);
		put_note(b, s, at, C_ID, note, NULL);
		put_number(b, s, at, C_NET, (double)ref_net, b->yen);
	}
	if (ref)
		lxw_rowcol_to_cell_abs(rc, (lxw_row_t)at, C_NET, 1, 1);
	for (i = 0; i < v->n_plans; i++)
		if (v->plans[i].selected)
			compare_row(b, s, r++, &v->plans[i], ref ? rc : NULL,
			            ref_net);
	return at >= r ? at + 1 : r;
}

/* The column chart of total, grant and net per plan (rows first..last). */
static void
compare_chart(book *b, sheet *s, int first, int last, int at)
{
	static const struct {
		int col;
		const char *name;
	} series[] = {
	    {C_TOTAL, N_("total")}, {C_GRANT, N_("grant")}, {C_NET, N_("net")}};
	lxw_chart_options place = {.x_scale = 2.2, .y_scale = 1.5};
	lxw_chart *ch = workbook_add_chart(b->wb, LXW_CHART_COLUMN);
	size_t i;

	if (ch == NULL) {
		failure(b, "%s: cannot add the chart", s->name);
		return;
	}
	for (i = 0; i < sizeof series / sizeof *series; i++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		if (se == NULL) {
			failure(b, "%s: cannot add a chart series", s->name);
			return;
		}
		chart_series_set_categories(se, s->name, (lxw_row_t)first, C_ID,
		                            (lxw_row_t)last, C_ID);
		chart_series_set_values(
		    se, s->name, (lxw_row_t)first, (lxw_col_t)series[i].col,
		    (lxw_row_t)last, (lxw_col_t)series[i].col);
		chart_series_set_name(se, _(series[i].name));
	}
	chart_title_set_name(ch, _("Total, grant and net cost by plan (yen)"));
	chart_axis_set_name(ch->x_axis, _("plan"));
	chart_axis_set_name(ch->y_axis, _("yen"));
	chart_axis_set_num_format(ch->y_axis, "#,##0");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	check(b,
	      worksheet_insert_chart_opt(s->ws, (lxw_row_t)at, 0, ch, &place),
	      s->name);
}

/* The 比較 sheet. */
static void
compare_sheet(book *b)
{
	sheet s;
	int head, end, n = shown(b);
	char t[256];

	if ((b->compare = add_sheet(b, &s, SHEET_COMPARE)) == NULL)
		return;
	put_note(b, &s, 0, 0,
	         _("Telework costs compared (twcost compare): cost, special "
	           "allocation tax and net cost by plan"),
	         b->title);
	head = scenario_grant(b, &s, scenario_entity(b, &s, 2)) + 1;
	end = compare_table(b, &s, head);
	snprintf(t, sizeof t,
	         _("Yen over the horizon; total = initial + running + "
	           "replacement; net = total - grant (special allocation "
	           "tax); vs J-LIS = net - net of %s."),
	         b->v->reference_plan);
	put_note(b, &s, end, 0, t, NULL);
	if (n > 0)
		compare_chart(b, &s, head + 1, head + n, end + 2);
	worksheet_freeze_panes(s.ws, (lxw_row_t)(head + 1), 1);
	set_widths(b, &s);
}

/* ---- 予算 PLAN -------------------------------------------------------------
 */

/* Copy at most max UTF-8 characters of src into dst (size n). */
static void
copy_chars(char *dst, size_t n, const char *src, int max)
{
	size_t k = 0;
	int chars = 0;

	while (*src && chars < max) {
		size_t len = 1;
		while ((src[len] & 0xC0) == 0x80)
			len++;
		if (k + len >= n)
			break;
		memcpy(dst + k, src, len);
		k += len;
		src += len;
		chars++;
	}
	dst[k] = '\0';
}

/* 1 when the name is one of the budget sheets' already (any case). */
static int
name_taken(const book *b, const char *name)
{
	int i;

	for (i = 0; i < b->n_budgets; i++)
		if (strcasecmp(b->budget_names[i], name) == 0)
			return 1;
	return 0;
}

/* At most max characters of a plan id, with []:*?/\ made _. */
static void
sheet_part(char *dst, size_t n, const char *plan, int max)
{
	char *p;

	copy_chars(dst, n, plan, max);
	for (p = dst; *p; p++)
		if (strchr("[]:*?/\\", *p) != NULL)
			*p = '_';
}

/* "予算 PLAN" as a sheet name: at most 31 characters, none of []:*?/\,
 * no apostrophe at the end, distinct from the other budget sheets (a
 * plan id cut short gets ~2, ~3...). */
static const char *
budget_name(book *b, const char *plan)
{
	char id[4 * MAX_SHEET_NAME + 1], tail[8] = "";
	char *name = b->budget_names[b->n_budgets];
	size_t size = sizeof b->budget_names[0], len;
	int k = 1;

	do {
		if (k > 1)
			snprintf(tail, sizeof tail, "~%d", k);
		sheet_part(id, sizeof id, plan,
		           MAX_SHEET_NAME - 3 - (int)strlen(tail));
		snprintf(name, size, "予算 %s%s", id, tail);
		len = strlen(name);
		if (name[len - 1] == '\'')
			name[len - 1] = '_';
	} while (name_taken(b, name) && ++k < 100);
	check(b, workbook_validate_sheet_name(b->wb, name), name);
	b->n_budgets++;
	return name;
}

/* The rows of one 節 of a year: the 節 (=SUM of its item rows), its
 * 細節 names and items; returns the next row, *at the 節's row. */
static int
request_setsu(book *b, sheet *s, int r, const vplan *p, const rq_setsu *rs,
              int *at)
{
	char t[256], f[96], range[LXW_MAX_CELL_RANGE_LENGTH];
	const char *saisetsu = "";
	int i, first;

	*at = r;
	snprintf(t, sizeof t, "%lld %s", rs->code, rs->name);
	put_text(b, s, r, 0, t, b->bold);
	first = r + 1;
	for (i = rs->first, r++; i < rs->first + rs->n; i++) {
		const vline *l = &p->lines[i];
		if (l->saisetsu[0] != '\0' &&
		    strcmp(l->saisetsu, saisetsu) != 0)
			put_text(b, s, r++, 0, l->saisetsu, NULL);
		saisetsu = l->saisetsu;
		snprintf(t, sizeof t, "  %s", pick(l->label, l->label_en));
		put_text(b, s, r, 0, t, NULL);
		put_number(b, s, r, 1, (double)to_thousands(l->yen), b->yen);
		put_text(b, s, r, 2, pick(l->basis, l->basis_en), NULL);
		put_number(b, s, r++, 3, (double)l->yen, b->yen);
	}
	lxw_rowcol_to_range(range, (lxw_row_t)first, 1, (lxw_row_t)(r - 1), 1);
	snprintf(f, sizeof f, "=SUM(%s)", range);
	put_formula(b, s, *at, 1, f, (double)rs->thousand, b->yen_sum);
	put_number(b, s, *at, 3, (double)rs->yen, b->yen_sum);
	return r;
}

/* 事業費計 as the sum of the 節 rows at[0..n). */
static void
request_cost(book *b, sheet *s, int r, const int *at, int n, const rq_year *q)
{
	char f[1024], c[LXW_MAX_CELL_NAME_LENGTH];
	size_t len = 1;
	int i;

	strcpy(f, "=");
	for (i = 0; i < n && len + 16 < sizeof f; i++)
		len += (size_t)snprintf(f + len, sizeof f - len, "%s%s",
		                        i ? "+" : "", cell(c, at[i], 1));
	if (n == 0)
		strcpy(f, "=0");
	put_text(b, s, r, 0, _("total cost"), b->bold);
	put_formula(b, s, r, 1, f, (double)q->cost, b->yen_sum);
	put_number(b, s, r, 3, (double)q->y->request_cost, b->yen_sum);
}

/* 財源内訳, 特別交付税措置見込額 and 実質負担額 under 事業費計 at row
 * cost; returns the next row. */
static int
request_footer(book *b, sheet *s, int cost, const rq_year *q)
{
	static const char *const funds[VFUNDS] = {
	    N_("funding: national treasury"), N_("funding: prefecture"),
	    N_("funding: local bonds"), N_("funding: other specific sources")};
	char f[128], x[LXW_MAX_CELL_NAME_LENGTH], y[LXW_MAX_CELL_NAME_LENGTH];
	int r = cost + 1, k;

	for (k = 0; k < VFUNDS; k++, r++) {
		put_text(b, s, r, 0, _(funds[k]), NULL);
		put_number(b, s, r, 1, (double)q->funding[k], b->yen);
		put_number(b, s, r, 3, (double)q->y->funding[k], b->yen);
	}
	snprintf(f, sizeof f, "=%s", cell(x, cost, 1));
	for (k = 0; k < VFUNDS; k++)
		snprintf(f + strlen(f), sizeof f - strlen(f), "-%s",
		         cell(y, cost + 1 + k, 1));
	put_text(b, s, r, 0, _("funding: general revenue"), b->bold);
	put_formula(b, s, r, 1, f, (double)q->general, b->yen_sum);
	put_number(b, s, r++, 3, (double)q->y->general, b->yen);
	put_text(b, s, r, 0, _("expected special allocation tax (reference)"),
	         NULL);
	put_number(b, s, r, 1, (double)q->grant, b->yen);
	put_number(b, s, r++, 3, (double)q->y->grant, b->yen);
	snprintf(f, sizeof f, "=%s-%s", cell(x, r - 2, 1), cell(y, r - 1, 1));
	put_text(b, s, r, 0, _("real burden (reference)"), b->bold);
	put_formula(b, s, r, 1, f, (double)q->real, b->yen_sum);
	put_number(b, s, r++, 3, (double)q->y->real_burden, b->yen);
	put_text(b, s, r, 0, _("reference: own staff time (not in the total)"),
	         NULL);
	put_number(b, s, r, 1, (double)q->staff_time, b->yen);
	put_number(b, s, r++, 3, (double)q->y->staff_time, b->yen);
	return r;
}

/* One fiscal year's request from row r; returns the next free row. */
static int
request_block(book *b, sheet *s, int r, const vplan *p, int k)
{
	static const char *const labels[] = {N_("section, subsection, item"),
	                                     N_("estimate (thousand yen)"),
	                                     N_("basis"), N_("yen")};
	rq_year q;
	int at[REQUEST_MAX_SETSU], i;
	char t[128];

	request_year(p, k, &q);
	put_text(b, s, r++, 0, fy_text(q.y->fy, q.y->label, t, sizeof t),
	         b->bold);
	header_row(b, s, r++, labels, 4);
	for (i = 0; i < q.n_setsu; i++)
		r = request_setsu(b, s, r, p, &q.setsu[i], &at[i]);
	request_cost(b, s, r, at, q.n_setsu, &q);
	return request_footer(b, s, r, &q) + 1;
}

/* The 債務負担行為 table from row r. */
static void
debt_rows(book *b, sheet *s, int r, const vplan *p)
{
	static const char *const labels[] = {
	    N_("multi-year commitment: item"), N_("period"),
	    N_("limit (thousand yen)"), N_("yen")};
	char t[64];
	int i;

	if (p->n_debts == 0)
		return;
	header_row(b, s, r++, labels, 4);
	for (i = 0; i < p->n_debts; i++, r++) {
		const vdebt *d = &p->debts[i];
		put_text(b, s, r, 0, pick(d->label, d->label_en), NULL);
		put_text(b, s, r, 1,
		         cli_ja() ? d->period : period_en(d, t, sizeof t),
		         NULL);
		put_number(b, s, r, 2, (double)to_thousands(d->limit), b->yen);
		put_number(b, s, r, 3, (double)d->limit, b->yen);
	}
}

/* The budget request (予算見積書) of one plan: a block a fiscal year,
 * then the 債務負担行為. */
static void
budget_sheet(book *b, const vplan *p)
{
	sheet s;
	char t[512], a[32], c[32];
	int r = 3, k;

	if (add_sheet(b, &s, budget_name(b, p->id)) == NULL)
		return;
	if (b->first_budget == NULL)
		b->first_budget = s.ws;
	snprintf(t, sizeof t, _("Budget request %s: %s"), p->id,
	         pick(p->label, p->label_en));
	put_note(b, &s, 0, 0, t, b->title);
	snprintf(t, sizeof t,
	         _("%s; %s - %s; in thousand yen (each line rounded half-up, "
	           "totals the sums of the lines shown); readings: "
	           "later_initial_spending %s, lease_payments %s"),
	         b->v->name,
	         fy_text(b->v->start_fy, b->v->start_label, a, sizeof a),
	         fy_text(b->v->end_fy, b->v->end_label, c, sizeof c),
	         b->v->later_initial_spending, b->v->lease_payments);
	put_note(b, &s, 1, 0, t, NULL);
	for (k = 0; k < b->v->years; k++)
		r = request_block(b, &s, r, p, k);
	debt_rows(b, &s, r, p);
	worksheet_freeze_panes(s.ws, 3, 1);
	set_widths(b, &s);
}

/* ---- 明細 ---------------------------------------------------------------
 */

/* The header of the items sheet: fixed columns, then one a fiscal year. */
static void
items_header(book *b, sheet *s, int years)
{
	static const char *const labels[] = {
	    N_("plan"),     N_("item"),    N_("name"),      N_("option"),
	    N_("category"), N_("phase"),   N_("eligible"),  N_("quantity"),
	    N_("unit ¥"),   N_("total ¥"), N_("eligible ¥")};
	enum { N = sizeof labels / sizeof *labels };
	char t[64], a[32];
	int k;

	header_row(b, s, 0, labels, N);
	for (k = 0; k < years; k++) {
		snprintf(
		    t, sizeof t, _("%s (yen)"),
		    fy_text(b->v->fy[k].fy, b->v->fy[k].label, a, sizeof a));
		put_text(b, s, 0, N + k, t, b->head);
	}
}

/* One item's row. */
static void
items_row(book *b, sheet *s, int r, const vplan *p, const vitem *it, int years)
{
	const char *texts[] = {it->id, pick(it->label, it->label_en),
	                       it->option, it->category};
	const long long yen[] = {it->quantity, it->unit_yen, it->total,
	                         it->eligible};
	char t[64];
	int k;

	put_text(b, s, r, 0, p->id, NULL);
	for (k = 0; k < 4; k++)
		put_text(b, s, r, 1 + k, texts[k], NULL);
	snprintf(t, sizeof t, "%s%s", it->phase, it->every > 0 ? "/" : "");
	if (it->every > 0)
		snprintf(t + strlen(t), sizeof t - strlen(t), "%lldy",
		         it->every);
	put_text(b, s, r, 5, t, NULL);
	put_text(b, s, r, 6,
	         it->is_eligible ? _("eligible") : _("not eligible"), NULL);
	for (k = 0; k < 4; k++)
		put_number(b, s, r, 7 + k, (double)yen[k], b->yen);
	for (k = 0; k < years; k++)
		put_number(b, s, r, 11 + k, (double)it->years[k], b->yen);
}

/* The 明細 sheet: every item of every plan shown. */
static void
items_sheet(book *b)
{
	sheet s;
	int years = (int)b->v->years, i, it, r = 1;

	if ((b->items = add_sheet(b, &s, SHEET_ITEMS)) == NULL)
		return;
	items_header(b, &s, years);
	for (i = 0; i < b->v->n_plans; i++) {
		const vplan *p = &b->v->plans[i];
		if (!p->selected)
			continue;
		for (it = 0; it < p->n_items; it++)
			items_row(b, &s, r++, p, &p->items[it], years);
	}
	worksheet_freeze_panes(s.ws, 1, 2);
	set_widths(b, &s);
}

/* ---- 注記 ---------------------------------------------------------------
 */

/* The width of the text column of 注記, and how much of it a line fills. */
#define NOTE_WIDTH 100
#define NOTE_LINE 110

/* Text wrapped in the wide column of 注記, its row as high as it needs
 * (LibreOffice does not fit row heights to wrapped text on load). */
static void
put_wrapped(book *b, sheet *s, int r, const char *text)
{
	int lines = (text_width(text) + NOTE_LINE - 1) / NOTE_LINE;

	put_note(b, s, r, 2, text, b->wrap);
	if (lines > 1)
		check(
		    b,
		    worksheet_set_row(s->ws, (lxw_row_t)r, 15.0 * lines, NULL),
		    s->name);
}

/* The warnings or notes of one plan (NULL: scenario-wide); next row. */
static int
notes_of(book *b, sheet *s, int r, const char *plan, const vmsgs *l, int notes)
{
	int i;

	for (i = 0; i < l->n; i++, r++) {
		put_text(b, s, r, 0, notes ? _("note") : _("warning"), b->top);
		put_text(b, s, r, 1, plan ? plan : _("all"), b->top);
		put_wrapped(b, s, r, l->text[i]);
	}
	return r;
}

/* Every warning, then every note: scenario-wide first, then per plan. */
static int
notes_all(book *b, sheet *s, int r)
{
	const view *v = b->v;
	int k, i;

	for (k = 0; k < 2; k++) {
		r = notes_of(b, s, r, NULL, k ? &v->notes : &v->warnings, k);
		for (i = 0; i < v->n_plans; i++) {
			const vplan *p = &v->plans[i];
			if (p->selected)
				r = notes_of(b, s, r, p->id,
				             k ? &p->notes : &p->warnings, k);
		}
	}
	return r;
}

/* The 注記 sheet: messages, the prices caveat, the version. */
static void
notes_sheet(book *b)
{
	static const char *const labels[] = {N_("kind"), N_("plan"),
	                                     N_("text")};
	sheet s;
	char t[128];
	int r;

	if (add_sheet(b, &s, SHEET_NOTES) == NULL)
		return;
	header_row(b, &s, 0, labels, 3);
	r = notes_all(b, &s, 1) + 1;
	put_wrapped(b, &s, r++,
	            _("Prices are catalogue defaults, not quotes: replace them "
	              "with your own (quotes = { item_id = yen; } in the "
	              "profile)."));
	snprintf(t, sizeof t, "twcost %s (libtwcost %s)", PACKAGE_VERSION,
	         twc_version());
	put_note(b, &s, r, 2, t, NULL);
	worksheet_freeze_panes(s.ws, 1, 0);
	set_widths(b, &s);
	check(b, worksheet_set_column(s.ws, 2, 2, NOTE_WIDTH, NULL), s.name);
}

/* ---- the workbook ---------------------------------------------------------
 */

/* A cell format; NULL (and a failure) when libxlsxwriter has no memory. */
static lxw_format *
new_format(book *b, int bold, const char *num)
{
	lxw_format *f = workbook_add_format(b->wb);

	if (f == NULL) {
		failure(b, "cannot add a cell format (out of memory)");
		return NULL;
	}
	if (bold)
		format_set_bold(f);
	if (num != NULL)
		format_set_num_format(f, num);
	return f;
}

/* The formats every sheet uses; 0 when one could not be made. */
static int
make_formats(book *b)
{
	if ((b->title = new_format(b, 1, NULL)) == NULL ||
	    (b->head = new_format(b, 1, NULL)) == NULL ||
	    (b->yen = new_format(b, 0, "#,##0")) == NULL ||
	    (b->yen_sum = new_format(b, 1, "#,##0")) == NULL ||
	    (b->bold = new_format(b, 1, NULL)) == NULL ||
	    (b->wrap = new_format(b, 0, NULL)) == NULL ||
	    (b->left_int = new_format(b, 0, "#,##0")) == NULL ||
	    (b->left_rate = new_format(b, 0, "0.00")) == NULL ||
	    (b->left_exact = new_format(b, 0, "0.00####")) == NULL ||
	    (b->center = new_format(b, 0, NULL)) == NULL ||
	    (b->top = new_format(b, 0, NULL)) == NULL)
		return 0;
	format_set_align(b->top, LXW_ALIGN_VERTICAL_TOP);
	format_set_align(b->left_int, LXW_ALIGN_LEFT);
	format_set_align(b->left_rate, LXW_ALIGN_LEFT);
	format_set_align(b->left_exact, LXW_ALIGN_LEFT);
	format_set_align(b->center, LXW_ALIGN_CENTER);
	format_set_font_size(b->title, 14);
	format_set_text_wrap(b->head);
	format_set_align(b->head, LXW_ALIGN_CENTER);
	format_set_align(b->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(b->head, 0xDDEBF7);
	format_set_bottom(b->head, LXW_BORDER_THIN);
	format_set_top(b->yen_sum, LXW_BORDER_THIN);
	format_set_text_wrap(b->wrap);
	format_set_align(b->wrap, LXW_ALIGN_VERTICAL_TOP);
	return 1;
}

/* Every sheet, in order; the command's own sheet opens first. */
static void
fill(book *b, enum xlsx_sheet active)
{
	int i;

	if (!make_formats(b))
		return;
	b->budget_names = calloc((size_t)shown(b) + 1, sizeof *b->budget_names);
	if (b->budget_names == NULL) {
		failure(b, "out of memory");
		return;
	}
	compare_sheet(b);
	for (i = 0; i < b->v->n_plans; i++)
		if (b->v->plans[i].selected)
			budget_sheet(b, &b->v->plans[i]);
	items_sheet(b);
	notes_sheet(b);
	if (b->failed)
		return;
	if (active == XLSX_BUDGET && b->first_budget != NULL)
		worksheet_activate(b->first_budget);
	else if (active == XLSX_ITEMS)
		worksheet_activate(b->items);
	else
		worksheet_activate(b->compare);
}

int
write_xlsx(const view *v, const options *o, enum xlsx_sheet active)
{
	book b;
	out dst;
	lxw_error e;
	int rc;

	if (o->output == NULL || strcmp(o->output, "-") == 0)
		return fail(EXIT_USAGE, "--format xlsx needs --output FILE: a "
		                        "workbook is not written to standard "
		                        "output");
	/* The temporary file out_open makes beside the target is where
	 * libxlsxwriter writes (by name, at workbook_close); out_close then
	 * renames it into place, or removes it. */
	if ((rc = out_open(&dst, o->output)) != EXIT_OK)
		return rc;
	memset(&b, 0, sizeof b);
	b.v = v;
	if ((b.wb = workbook_new(dst.tmp)) == NULL) {
		out_close(&dst, 0);
		return fail(EXIT_FAILURE_IO, "--output %s: out of memory",
		            o->output);
	}
	fill(&b, active);
	e = workbook_close(b.wb); /* frees it, whatever happened */
	free(b.budget_names);
	check(&b, e, "writing the workbook");
	if (b.failed) {
		out_close(&dst, 0);
		return fail(EXIT_FAILURE_IO,
		            "--output %s: %s (nothing written)", o->output,
		            b.why);
	}
	return out_close(&dst, 1);
}
