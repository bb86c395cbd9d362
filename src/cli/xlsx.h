/* xlsx.h - `--format xlsx` of compare, estimate and budget: one workbook
 * for a finance officer, written with libxlsxwriter. */
#ifndef TWC_XLSX_H
#define TWC_XLSX_H

#include "view.h"

/* The sheet a command opens the workbook on. */
enum xlsx_sheet {
	XLSX_COMPARE, /* 比較: every plan side by side, with the chart */
	XLSX_BUDGET, /* the first 予算 PLAN sheet: the budget request in 千円 */
	XLSX_ITEMS /* 明細: every cost item of every plan */
};

/* Write the workbook of the estimate v to o->output (required: a workbook
 * is never written to standard output) through a temporary file beside
 * it, renamed into place only when complete.  The sheets, in order:
 * 比較, one 予算 PLAN per plan shown, 明細, 注記; `active` is the one it
 * opens on.  Returns EXIT_OK, EXIT_USAGE (no --output) or
 * EXIT_FAILURE_IO (nothing written; the reason is printed). */
#ifdef HAVE_XLSXWRITER
int write_xlsx(const view *v, const options *o, enum xlsx_sheet active);
#else
/* Built without libxlsxwriter (configure --without-xlsxwriter). */
static inline int
write_xlsx(const view *v, const options *o, enum xlsx_sheet active)
{
	(void)v;
	(void)o;
	(void)active;
	return fail(EXIT_USAGE, "--format xlsx: this twcost was built without "
	                        "libxlsxwriter, so it writes no workbooks");
}
#endif

#endif
