/* plot.c - the S-curves and the tornado of `twcost simulate --plot`,
 * drawn with cairo's toy text API in a Japanese font, into a PNG, SVG or
 * PDF file written through a temporary file beside it. */
#include <config.h>

#include "plot.h"
#include "i18n.h"

#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#ifdef CAIRO_HAS_FT_FONT
#include <cairo-ft.h>
#endif
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MARGIN 40.0
#define LABEL_MAX 512 /* bytes of a label kept before it is measured */
#define LEGEND_FULL 8 /* up to this many plans: a legend table */

/* Fonts with Japanese glyphs, best first; fontconfig answers the first
 * one installed ("sans-serif" at the end: whatever it has). */
static const char *const families[] = {
    "Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic",         "IPAGothic",
    "TakaoGothic",      "VL Gothic",    "Droid Sans Fallback", "sans-serif"};
#define FONT_PROBE "日本語の千円と確率"

/* Okabe and Ito's colour-blind-safe palette, in an order that keeps
 * neighbours apart; the yellow is left out (unreadable on white). */
static const double palette[7][3] = {
    {0.000, 0.447, 0.698}, /* blue */
    {0.835, 0.369, 0.000}, /* vermillion */
    {0.000, 0.620, 0.451}, /* bluish green */
    {0.800, 0.475, 0.655}, /* reddish purple */
    {0.902, 0.624, 0.000}, /* orange */
    {0.337, 0.706, 0.914}, /* sky blue */
    {0.000, 0.000, 0.000}, /* black */
};
#define N_COLOURS 7
static const double low_colour[3] = {0.337, 0.706, 0.914};  /* sky blue */
static const double high_colour[3] = {0.902, 0.624, 0.000}; /* orange */

enum align { LEFT, CENTRE, RIGHT };
enum shape { CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, N_SHAPES };

/* A money unit: yen per unit and its name. */
typedef struct unit {
	double yen;
	const char *name;
} unit;

/* An axis in the unit: lo..hi, ticks every step from first. */
typedef struct axis {
	double lo, hi, step, first;
	int decimals;
} axis;

typedef struct box {
	double x0, y0, x1, y1;
} box;

typedef struct page {
	cairo_t *cr;
	const char *font;
	unit u;
} page;

/* ---- values ------------------------------------------------------------ */

static int
usable(double yen)
{
	return isfinite(yen) && fabs(yen) <= PLOT_MAX_YEN;
}

static double
clamp01(double p)
{
	return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* Widen *lo..*hi to take v. */
static void
take(double v, double *lo, double *hi)
{
	if (v < *lo)
		*lo = v;
	if (v > *hi)
		*hi = v;
}

/* The yen range of the usable points and percentiles of every curve;
 * 0 when there is none. */
static int
curves_range(const plot_spec *s, double *lo, double *hi)
{
	int c, i, any = 0;

	*lo = HUGE_VAL;
	*hi = -HUGE_VAL;
	for (c = 0; c < s->n_curves; c++) {
		const plot_curve *k = &s->curves[c];
		const double pv[3] = {k->p10, k->p50, k->p90};
		for (i = 0; i < k->n; i++) {
			if (usable(k->yen[i]) && !isnan(k->prob[i])) {
				take(k->yen[i], lo, hi);
				any = 1;
			}
		}
		for (i = 0; i < 3; i++) {
			if (usable(pv[i])) {
				take(pv[i], lo, hi);
				any = 1;
			}
		}
	}
	return any;
}

static int
bar_usable(const plot_bar *b)
{
	return usable(b->low_yen) && usable(b->high_yen);
}

/* The yen range of the base and the first n usable bars; the number of
 * usable bars there are. */
static int
bars_range(const plot_spec *s, int n, double *lo, double *hi)
{
	int i, k = 0;

	*lo = *hi = s->tornado_base_yen;
	for (i = 0; i < s->n_bars; i++) {
		if (!bar_usable(&s->bars[i]))
			continue;
		if (k++ < n) {
			take(s->bars[i].low_yen, lo, hi);
			take(s->bars[i].high_yen, lo, hi);
		}
	}
	return k;
}

/* 千円 for municipal budgets; 百万円 and 億円 once 千円 would need more
 * than eight digits. */
static unit
pick_unit(const plot_spec *s)
{
	double lo, hi, big = 0;

	if (curves_range(s, &lo, &hi))
		big = fmax(fabs(lo), fabs(hi));
	if (s->n_bars > 0 && bars_range(s, s->n_bars, &lo, &hi))
		big = fmax(big, fmax(fabs(lo), fabs(hi)));
	if (big < 1e10)
		return (unit){1e3, _("thousand yen")};
	if (big < 1e13)
		return (unit){1e6, _("million yen")};
	return (unit){1e8, _("hundred million yen")};
}

/* ---- text -------------------------------------------------------------- */

/* Bytes of the valid UTF-8 sequence at p, or 0. */
static int
utf8_len(const unsigned char *p)
{
	int n, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] >= 0xA0) ||
	    (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] >= 0x90))
		return 0;
	return n;
}

/* s as text cairo takes: invalid UTF-8 becomes '?', control characters
 * spaces; at most n - 1 bytes, cut at a character. */
static char *
clean(const char *s, char *buf, size_t n)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t k = 0;

	while (*p) {
		int len = utf8_len(p);
		if (len == 0) {
			len = 1;
			if (k + 1 >= n)
				break;
			buf[k++] = '?';
		} else if (k + (size_t)len >= n) {
			break;
		} else if (len == 1 && (*p < 0x20 || *p == 0x7F)) {
			buf[k++] = ' ';
		} else {
			memcpy(buf + k, p, (size_t)len);
			k += (size_t)len;
		}
		p += len;
	}
	buf[k] = '\0';
	return buf;
}

static void
font(page *pg, double size, int bold)
{
	cairo_select_font_face(pg->cr, pg->font, CAIRO_FONT_SLANT_NORMAL,
	                       bold ? CAIRO_FONT_WEIGHT_BOLD
	                            : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(pg->cr, size);
}

static double
text_width(page *pg, const char *s)
{
	cairo_text_extents_t e;

	cairo_text_extents(pg->cr, s, &e);
	return e.x_advance;
}

/* Text s (clean UTF-8) with its baseline at y, aligned on x. */
static void
text_at(page *pg, double x, double y, enum align a, const char *s)
{
	double w = a == LEFT ? 0 : text_width(pg, s);

	cairo_move_to(pg->cr,
	              a == RIGHT    ? x - w
	              : a == CENTRE ? x - w / 2
	                            : x,
	              y);
	cairo_show_text(pg->cr, s);
}

/* s cleaned and, when wider than w, cut with an ellipsis to fit. */
static char *
fit(page *pg, const char *s, double w, char *buf, size_t n)
{
	char tmp[LABEL_MAX];
	size_t len;

	clean(s, tmp, sizeof tmp);
	if (text_width(pg, tmp) <= w) {
		snprintf(buf, n, "%s", tmp);
		return buf;
	}
	len = strlen(tmp);
	while (len > 0) {
		do
			len--;
		while (len > 0 && ((unsigned char)tmp[len] & 0xC0) == 0x80);
		snprintf(buf, n, "%.*s…", (int)len, tmp);
		if (text_width(pg, buf) <= w)
			return buf;
	}
	snprintf(buf, n, "…");
	return buf;
}

/* Text fitted to width w, at x, y. */
static void
label_at(page *pg, double x, double y, enum align a, double w, const char *s)
{
	char buf[LABEL_MAX + 8];

	text_at(pg, x, y, a, fit(pg, s, w, buf, sizeof buf));
}

/* v with thousands separators and a minus sign: "−12,345.6". */
static char *
fmt_num(double v, int decimals, char *buf, size_t n)
{
	char digits[64];
	size_t len, intlen, i, k = 0;
	int neg;

	snprintf(digits, sizeof digits, "%.*f", decimals, fabs(v));
	neg = v < 0 && strspn(digits, "0.") != strlen(digits);
	len = strlen(digits);
	intlen = strcspn(digits, ".");
	if (n < len + len / 3 + 4) {
		snprintf(buf, n, "%s", digits);
		return buf;
	}
	if (neg) {
		memcpy(buf, "−", 3);
		k = 3;
	}
	for (i = 0; i < len; i++) {
		if (i > 0 && i < intlen && (intlen - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

/* Yen in the page's unit, to the axis' decimals. */
static char *
fmt_yen(page *pg, const axis *a, double yen, char *buf, size_t n)
{
	return fmt_num(yen / pg->u.yen, a->decimals, buf, n);
}

static void
colour(page *pg, const double rgb[3])
{
	cairo_set_source_rgb(pg->cr, rgb[0], rgb[1], rgb[2]);
}

static void
grey(page *pg, double level)
{
	cairo_set_source_rgb(pg->cr, level, level, level);
}

/* ---- axes -------------------------------------------------------------- */

/* 1, 2 or 5 times a power of ten, near span / target. */
static double
nice_step(double span, int target)
{
	double raw = span / target, mag = pow(10, floor(log10(raw)));
	double f = raw / mag;

	return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
}

/* An axis over lo..hi (in the unit) with ticks at whole steps; a single
 * value is widened by 5% (or by 1) either way. */
static axis
make_axis(double lo, double hi, int target)
{
	double big = fmax(fabs(lo), fabs(hi));
	axis a;

	if (!(hi - lo > big * 1e-9)) {
		double pad = big > 0 ? big * 0.05 : 1;
		lo -= pad;
		hi += pad;
	}
	a.lo = lo;
	a.hi = hi;
	a.step = nice_step(hi - lo, target);
	a.first = ceil(lo / a.step) * a.step;
	a.decimals = a.step >= 1 ? 0 : (int)ceil(-log10(a.step) - 1e-9);
	if (a.decimals > 6)
		a.decimals = 6;
	return a;
}

static int
tick_count(const axis *a)
{
	return (int)floor((a->hi - a->first) / a->step + 1e-9) + 1;
}

/* The widest tick label of a, in the current font. */
static double
widest_tick(page *pg, const axis *a)
{
	char buf[64];
	double w = 0;
	int i, n = tick_count(a);

	for (i = 0; i < n; i++)
		w = fmax(w,
		         text_width(pg, fmt_num(a->first + i * a->step,
		                                a->decimals, buf, sizeof buf)));
	return w;
}

/* An axis over lo..hi yen whose tick labels fit in width px. */
static axis
fit_axis(page *pg, double lo, double hi, double width)
{
	axis a = make_axis(lo / pg->u.yen, hi / pg->u.yen, 10);
	int target;

	for (target = 10; target > 2; target--) {
		a = make_axis(lo / pg->u.yen, hi / pg->u.yen, target);
		if (width * a.step / (a.hi - a.lo) >= widest_tick(pg, &a) + 28)
			break;
	}
	return a;
}

/* Pixel x of yen on axis a spread over box b. */
static double
x_of(const page *pg, const axis *a, const box *b, double yen)
{
	return b->x0 +
	       (yen / pg->u.yen - a->lo) / (a->hi - a->lo) * (b->x1 - b->x0);
}

/* Vertical grid lines and tick labels of a under box b. */
static void
x_ticks(page *pg, const axis *a, const box *b)
{
	char buf[64];
	int i, n = tick_count(a);

	cairo_set_line_width(pg->cr, 1);
	font(pg, 16, 0);
	for (i = 0; i < n; i++) {
		double v = a->first + i * a->step;
		double x = floor(x_of(pg, a, b, v * pg->u.yen)) + 0.5;
		grey(pg, 0.88);
		cairo_move_to(pg->cr, x, b->y0);
		cairo_line_to(pg->cr, x, b->y1 + 5);
		cairo_stroke(pg->cr);
		grey(pg, 0.2);
		text_at(pg, x, b->y1 + 24, CENTRE,
		        fmt_num(v, a->decimals, buf, sizeof buf));
	}
}

/* The axis title under the tick labels: "net cost (千円)". */
static void
x_title(page *pg, const box *b)
{
	char buf[64];

	snprintf(buf, sizeof buf, _("net cost (%s)"), pg->u.name);
	font(pg, 17, 0);
	grey(pg, 0.2);
	text_at(pg, (b->x0 + b->x1) / 2, b->y1 + 52, CENTRE, buf);
}

/* The box around a chart, drawn last over its contents. */
static void
frame(page *pg, const box *b)
{
	cairo_set_line_width(pg->cr, 1.2);
	grey(pg, 0.35);
	cairo_rectangle(pg->cr, b->x0, b->y0, b->x1 - b->x0, b->y1 - b->y0);
	cairo_stroke(pg->cr);
}

/* A message in the middle of an empty chart. */
static void
no_data(page *pg, const box *b, const char *what)
{
	double x = (b->x0 + b->x1) / 2, y = (b->y0 + b->y1) / 2, w;

	font(pg, 18, 0);
	w = text_width(pg, what) + 24;
	cairo_set_source_rgb(pg->cr, 1, 1, 1);
	cairo_rectangle(pg->cr, x - w / 2, y - 20, w, 32);
	cairo_fill(pg->cr);
	grey(pg, 0.45);
	text_at(pg, x, y + 6, CENTRE, what);
}

/* ---- S-curves ---------------------------------------------------------- */

static double
y_of(const box *b, double p)
{
	return b->y1 - clamp01(p) * (b->y1 - b->y0);
}

/* Horizontal grid every 10%, labelled; dashed guides at 10/50/90%. */
static void
y_grid(page *pg, const box *b)
{
	static const double dash[] = {5, 4};
	char buf[16];
	int i;

	cairo_set_line_width(pg->cr, 1);
	font(pg, 16, 0);
	for (i = 0; i <= 10; i++) {
		double y = floor(y_of(b, i / 10.0)) + 0.5;
		int guide = i == 1 || i == 5 || i == 9;
		grey(pg, guide ? 0.55 : 0.88);
		cairo_set_dash(pg->cr, dash, guide ? 2 : 0, 0);
		cairo_move_to(pg->cr, b->x0 - (guide ? 0 : 5), y);
		cairo_line_to(pg->cr, b->x1, y);
		cairo_stroke(pg->cr);
		grey(pg, 0.2);
		snprintf(buf, sizeof buf, "%d%%", i * 10);
		text_at(pg, b->x0 - 9, y + 5.5, RIGHT, buf);
		if (guide) {
			snprintf(buf, sizeof buf, "P%d", i * 10);
			text_at(pg, b->x1 + 8, y + 5.5, LEFT, buf);
		}
	}
	cairo_set_dash(pg->cr, dash, 0, 0);
}

/* The y axis title, turned a quarter left. */
static void
y_title(page *pg, const box *b)
{
	cairo_save(pg->cr);
	cairo_translate(pg->cr, MARGIN + 6, (b->y0 + b->y1) / 2);
	cairo_rotate(pg->cr, -M_PI / 2);
	font(pg, 17, 0);
	grey(pg, 0.2);
	text_at(pg, 0, 0, CENTRE, _("cumulative probability"));
	cairo_restore(pg->cr);
}

/* Plan c's colour, and a dash once the colours have all been used. */
static void
curve_style(page *pg, int c)
{
	static const double dashes[][2] = {{1, 0}, {10, 5}, {3, 4}, {12, 4}};
	int d = (c / N_COLOURS) % 4;

	colour(pg, palette[c % N_COLOURS]);
	cairo_set_line_width(pg->cr, 2.5);
	cairo_set_dash(pg->cr, dashes[d], d ? 2 : 0, 0);
}

/* Marker of plan c at x, y, radius r: colour fill, white edge. */
static void
marker(page *pg, int c, double x, double y, double r)
{
	cairo_t *cr = pg->cr;

	switch ((enum shape)(c % N_SHAPES)) {
	case CIRCLE: cairo_arc(cr, x, y, r, 0, 2 * M_PI); break;
	case SQUARE:
		cairo_rectangle(cr, x - r * 0.85, y - r * 0.85, r * 1.7,
		                r * 1.7);
		break;
	case TRIANGLE:
	case TRIANGLE_DOWN: {
		double s = c % N_SHAPES == TRIANGLE ? 1 : -1;
		cairo_move_to(cr, x, y - s * r * 1.2);
		cairo_line_to(cr, x + r * 1.1, y + s * r * 0.75);
		cairo_line_to(cr, x - r * 1.1, y + s * r * 0.75);
		cairo_close_path(cr);
		break;
	}
	case DIAMOND:
	case N_SHAPES:
		cairo_move_to(cr, x, y - r * 1.25);
		cairo_line_to(cr, x + r * 1.1, y);
		cairo_line_to(cr, x, y + r * 1.25);
		cairo_line_to(cr, x - r * 1.1, y);
		cairo_close_path(cr);
		break;
	}
	colour(pg, palette[c % N_COLOURS]);
	cairo_fill_preserve(cr);
	cairo_set_dash(cr, NULL, 0, 0);
	cairo_set_line_width(cr, 1.5);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_stroke(cr);
}

/* One curve's line: usable points, one every half pixel at most. */
static void
curve_line(page *pg, const axis *a, const box *b, int c, const plot_curve *k)
{
	double lx = -1e9, ly = -1e9, x = 0, y = 0;
	int i, drawn = 0, pending = 0;

	for (i = 0; i < k->n; i++) {
		if (!usable(k->yen[i]) || isnan(k->prob[i]))
			continue;
		x = x_of(pg, a, b, k->yen[i]);
		y = y_of(b, k->prob[i]);
		pending = 1;
		if (fabs(x - lx) < 0.5 && fabs(y - ly) < 0.5)
			continue;
		if (drawn++)
			cairo_line_to(pg->cr, x, y);
		else
			cairo_move_to(pg->cr, x, y);
		lx = x;
		ly = y;
		pending = 0;
	}
	if (pending && drawn)
		cairo_line_to(pg->cr, x, y);
	curve_style(pg, c);
	cairo_stroke(pg->cr);
	if (drawn == 1) {
		cairo_arc(pg->cr, lx, ly, 3, 0, 2 * M_PI);
		cairo_fill(pg->cr);
	}
}

/* Markers at P10, P50 (larger) and P90 of curve c. */
static void
curve_marks(page *pg, const axis *a, const box *b, int c, const plot_curve *k)
{
	const double pv[3] = {k->p10, k->p50, k->p90};
	const double pp[3] = {0.1, 0.5, 0.9};
	int i;

	for (i = 0; i < 3; i++)
		if (usable(pv[i]))
			marker(pg, c, x_of(pg, a, b, pv[i]), y_of(b, pp[i]),
			       i == 1 ? 6.5 : 5);
}

/* The legend's sample of plan c: a short line with its marker. */
static void
sample(page *pg, int c, double x, double y)
{
	curve_style(pg, c);
	cairo_move_to(pg->cr, x, y);
	cairo_line_to(pg->cr, x + 36, y);
	cairo_stroke(pg->cr);
	marker(pg, c, x + 18, y, 5.5);
}

/* The colour and marker of curve c: the plan's own (plot_curve.colour),
 * else its position. */
static int
style_of(const plot_spec *s, int c)
{
	return s->curves[c].colour > 0 ? s->curves[c].colour - 1 : c;
}

/* Height the legend of n plans takes. */
static double
legend_height(int n)
{
	if (n == 0)
		return 0;
	if (n <= LEGEND_FULL)
		return 30 + 27.0 * n;
	return 26.0 * ((n + 2) / 3);
}

/* A table: sample, plan, P10, P50, P90 in the unit, one row a plan. */
static void
legend_table(page *pg, const plot_spec *s, const axis *a, double x0, double x1,
             double y)
{
	static const char *const heads[3] = {"P10", "P50", "P90"};
	char buf[64];
	int c, i;

	font(pg, 16, 1);
	grey(pg, 0.2);
	text_at(pg, x0 + 50, y, LEFT, _("plan"));
	for (i = 0; i < 3; i++) {
		snprintf(buf, sizeof buf, "%s (%s)", heads[i], pg->u.name);
		text_at(pg, x1 - (2 - i) * 170, y, RIGHT, buf);
	}
	cairo_set_line_width(pg->cr, 1);
	grey(pg, 0.6);
	cairo_move_to(pg->cr, x0, y + 8.5);
	cairo_line_to(pg->cr, x1, y + 8.5);
	cairo_stroke(pg->cr);
	for (c = 0; c < s->n_curves; c++) {
		const plot_curve *k = &s->curves[c];
		const double pv[3] = {k->p10, k->p50, k->p90};
		double row = y + 30 + 27.0 * c;
		sample(pg, style_of(s, c), x0, row - 6);
		font(pg, 17, 0);
		grey(pg, 0.1);
		label_at(pg, x0 + 50, row, LEFT, x1 - x0 - 600, k->label);
		for (i = 0; i < 3; i++)
			text_at(pg, x1 - (2 - i) * 170, row, RIGHT,
			        usable(pv[i])
			            ? fmt_num(pv[i] / pg->u.yen, a->decimals,
			                      buf, sizeof buf)
			            : "–");
	}
}

/* Many plans: sample and name only, three columns. */
static void
legend_compact(page *pg, const plot_spec *s, double x0, double x1, double y)
{
	double col = (x1 - x0) / 3;
	int c;

	for (c = 0; c < s->n_curves; c++) {
		double x = x0 + col * (c % 3), row = y + 26.0 * (c / 3);
		sample(pg, style_of(s, c), x, row - 6);
		font(pg, 16, 0);
		grey(pg, 0.1);
		label_at(pg, x + 46, row, LEFT, col - 56, s->curves[c].label);
	}
}

/* The chart of S-curves in plot box b, its legend below. */
static void
s_chart(page *pg, const plot_spec *s, const box *b)
{
	double lo, hi, ly = b->y1 + 98;
	axis a;
	int c;

	y_grid(pg, b);
	y_title(pg, b);
	if (!curves_range(s, &lo, &hi)) {
		frame(pg, b);
		no_data(pg, b, _("no simulation results to draw"));
		return;
	}
	a = fit_axis(pg, lo - (hi - lo) * 0.02, hi + (hi - lo) * 0.02,
	             b->x1 - b->x0);
	x_ticks(pg, &a, b);
	x_title(pg, b);
	cairo_save(pg->cr);
	cairo_rectangle(pg->cr, b->x0, b->y0 - 2, b->x1 - b->x0,
	                b->y1 - b->y0 + 4);
	cairo_clip(pg->cr);
	for (c = 0; c < s->n_curves; c++)
		curve_line(pg, &a, b, style_of(s, c), &s->curves[c]);
	cairo_restore(pg->cr);
	frame(pg, b);
	for (c = 0; c < s->n_curves; c++)
		curve_marks(pg, &a, b, style_of(s, c), &s->curves[c]);
	if (s->n_curves <= LEGEND_FULL)
		legend_table(pg, s, &a, b->x0, b->x1, ly);
	else
		legend_compact(pg, s, b->x0, b->x1, ly);
}

/* ---- tornado ----------------------------------------------------------- */

/* Swatches for the two sides, right-aligned on x; the x they start at. */
static double
tornado_key(page *pg, double x, double y)
{
	static const char *const names[2] = {N_("input at P10"),
	                                     N_("input at P90")};
	int i;

	font(pg, 16, 0);
	for (i = 1; i >= 0; i--) {
		x -= text_width(pg, _(names[i]));
		grey(pg, 0.2);
		text_at(pg, x, y, LEFT, _(names[i]));
		x -= 26;
		colour(pg, i ? high_colour : low_colour);
		cairo_rectangle(pg->cr, x, y - 13, 18, 14);
		cairo_fill(pg->cr);
		x -= 18;
	}
	return x;
}

/* The value at a bar's end, outside it. */
static void
end_value(page *pg, const axis *a, const box *b, double yen, double base,
          double y)
{
	char buf[64];
	double x = x_of(pg, a, b, yen);

	font(pg, 14, 0);
	grey(pg, 0.25);
	fmt_yen(pg, a, yen, buf, sizeof buf);
	if (yen < base)
		text_at(pg, x - 5, y + 5, RIGHT, buf);
	else
		text_at(pg, x + 5, y + 5, LEFT, buf);
}

/* Bar from base to yen, thickness t, centred on y. */
static void
side(page *pg, const axis *a, const box *b, double base, double yen, double y,
     double t, const double rgb[3])
{
	double x0 = x_of(pg, a, b, base), x1 = x_of(pg, a, b, yen);

	if (fabs(x1 - x0) < 1.5)
		x1 = x0 + (yen < base ? -1.5 : 1.5);
	colour(pg, rgb);
	cairo_rectangle(pg->cr, fmin(x0, x1), y - t / 2, fabs(x1 - x0), t);
	cairo_fill(pg->cr);
}

/* One input's bar at row centre y: the longer side drawn first so that
 * both show when they fall on the same side of the base. */
static void
bar(page *pg, const axis *a, const box *b, const plot_bar *r, double base,
    double y, double t)
{
	double dl = fabs(r->low_yen - base), dh = fabs(r->high_yen - base);
	int same = (r->low_yen - base) * (r->high_yen - base) > 0;

	if (dl >= dh) {
		side(pg, a, b, base, r->low_yen, y, t, low_colour);
		side(pg, a, b, base, r->high_yen, y, t, high_colour);
	} else {
		side(pg, a, b, base, r->high_yen, y, t, high_colour);
		side(pg, a, b, base, r->low_yen, y, t, low_colour);
	}
	if (!same || dl >= dh)
		end_value(pg, a, b, r->low_yen, base, y);
	if (!same || dh > dl)
		end_value(pg, a, b, r->high_yen, base, y);
}

/* The base line through the bars and its value above them. */
static void
base_line(page *pg, const axis *a, const box *b, double base)
{
	char buf[64], txt[96];
	double x = floor(x_of(pg, a, b, base)) + 0.5;

	cairo_set_line_width(pg->cr, 1.5);
	grey(pg, 0.15);
	cairo_move_to(pg->cr, x, b->y0 - 6);
	cairo_line_to(pg->cr, x, b->y1);
	cairo_stroke(pg->cr);
	snprintf(txt, sizeof txt, "base %s",
	         fmt_yen(pg, a, base, buf, sizeof buf));
	font(pg, 15, 1);
	text_at(pg, x, b->y0 - 11, CENTRE, txt);
}

/* Width of the input label column: the widest label, within limits. */
static double
label_column(page *pg, const plot_spec *s, int shown)
{
	char buf[LABEL_MAX];
	double w = 60;
	int i, k = 0;

	font(pg, 16, 0);
	for (i = 0; i < s->n_bars && k < shown; i++) {
		if (!bar_usable(&s->bars[i]))
			continue;
		k++;
		w = fmax(w, text_width(
		                pg, clean(s->bars[i].label, buf, sizeof buf)));
	}
	return fmin(w, 320);
}

/* Bars of the first shown usable inputs, one row each, in box b. */
static void
bars(page *pg, const plot_spec *s, const axis *a, const box *b, int shown)
{
	double row = (b->y1 - b->y0) / shown, t = fmin(row * 0.7, 28);
	int i, k = 0;

	for (i = 0; i < s->n_bars && k < shown; i++) {
		const plot_bar *r = &s->bars[i];
		double y = b->y0 + row * (k + 0.5);
		if (!bar_usable(r))
			continue;
		k++;
		bar(pg, a, b, r, s->tornado_base_yen, y, t);
		font(pg, 16, 0);
		grey(pg, 0.1);
		label_at(pg, b->x0 - 14, y + 5.5, RIGHT, b->x0 - 14 - MARGIN,
		         r->label);
	}
}

/* The tornado: title and key at top, bars in rows, axis below; area
 * y0..y1 of the page. */
static void
tornado(page *pg, const plot_spec *s, double y0, double y1)
{
	char title[LABEL_MAX + 64];
	box b = {0, y0 + 62, PLOT_WIDTH - MARGIN - 44, y1 - 62};
	double lo, hi, key = tornado_key(pg, b.x1, y0 + 22);
	int usable_n = bars_range(s, 0, &lo, &hi);
	int shown = (int)fmin(usable_n, floor((b.y1 - b.y0) / 20));
	axis a;

	snprintf(title, sizeof title, "%s",
	         s->tornado_title ? s->tornado_title : _("sensitivity"));
	if (shown < usable_n)
		snprintf(title + strlen(title), sizeof title - strlen(title),
		         " (the %d largest of %d inputs)", shown, usable_n);
	if (s->tornado_colour > 0)
		sample(pg, s->tornado_colour - 1, MARGIN, y0 + 16);
	font(pg, 21, 1);
	grey(pg, 0.05);
	label_at(pg, MARGIN + (s->tornado_colour > 0 ? 46 : 0), y0 + 22, LEFT,
	         key - MARGIN - 24 - (s->tornado_colour > 0 ? 46 : 0), title);
	b.x0 = MARGIN + label_column(pg, s, shown) + 24;
	if (shown == 0) {
		frame(pg, &b);
		no_data(pg, &b, _("no sensitivity results to draw"));
		return;
	}
	b.y1 = b.y0 + shown * fmin((b.y1 - b.y0) / shown, 40);
	bars_range(s, shown, &lo, &hi);
	a = fit_axis(pg, lo - (hi - lo) * 0.14, hi + (hi - lo) * 0.14,
	             b.x1 - b.x0);
	x_ticks(pg, &a, &b);
	x_title(pg, &b);
	bars(pg, s, &a, &b, shown);
	base_line(pg, &a, &b, s->tornado_base_yen);
	frame(pg, &b);
}

/* ---- the page ---------------------------------------------------------- */

/* Draws and seed; how the tornado was made. */
static void
footnote(page *pg, const plot_spec *s)
{
	char buf[512] = "", n[32];

	if (s->draws > 0)
		snprintf(buf, sizeof buf,
		         _("Monte Carlo simulation: %s draws, seed %llu.  "),
		         fmt_num(s->draws, 0, n, sizeof n), s->seed);
	if (s->n_bars > 0)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s",
		         _("Tornado: each input at its P10 and at its P90, "
		           "the others at base."));
	font(pg, 14, 0);
	grey(pg, 0.35);
	label_at(pg, MARGIN, PLOT_HEIGHT - 18, LEFT, PLOT_WIDTH - 2 * MARGIN,
	         buf);
}

/* Everything on a white page. */
static void
draw(page *pg, const plot_spec *s)
{
	double split = 830;
	box b = {130, 80, PLOT_WIDTH - MARGIN - 44, 0};

	b.y1 = split - 40 - 98 - legend_height(s->n_curves);
	cairo_set_source_rgb(pg->cr, 1, 1, 1);
	cairo_paint(pg->cr);
	cairo_set_line_join(pg->cr, CAIRO_LINE_JOIN_ROUND);
	cairo_set_line_cap(pg->cr, CAIRO_LINE_CAP_BUTT);
	if (s->title != NULL) {
		font(pg, 26, 1);
		grey(pg, 0.05);
		label_at(pg, MARGIN, 46, LEFT, PLOT_WIDTH - 2 * MARGIN,
		         s->title);
	}
	s_chart(pg, s, &b);
	tornado(pg, s, split, PLOT_HEIGHT - 40);
	footnote(pg, s);
}

/* ---- fonts ------------------------------------------------------------- */

/* Characters of text family has no glyph for (-1: no font at all); its
 * name as fontconfig resolved it into name. */
static int
missing(const char *family, const char *text, char *name, size_t len)
{
	cairo_font_face_t *face = cairo_toy_font_face_create(
	    family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
	cairo_font_options_t *o = cairo_font_options_create();
	cairo_matrix_t size, id;
	cairo_scaled_font_t *sf;
	cairo_glyph_t *g = NULL;
	int n = 0, i, miss = -1;

	cairo_matrix_init_scale(&size, 16, 16);
	cairo_matrix_init_identity(&id);
	sf = cairo_scaled_font_create(face, &size, &id, o);
	if (cairo_scaled_font_text_to_glyphs(sf, 0, 0, text, -1, &g, &n, NULL,
	                                     NULL,
	                                     NULL) == CAIRO_STATUS_SUCCESS)
		for (miss = i = 0; i < n; i++)
			miss += g[i].index == 0;
	if (name != NULL && len > 0)
		snprintf(name, len, "%s", family);
#ifdef CAIRO_HAS_FT_FONT
	if (name != NULL && len > 0 && miss >= 0) {
		FT_Face ft = cairo_ft_scaled_font_lock_face(sf);
		if (ft != NULL && ft->family_name != NULL)
			snprintf(name, len, "%s", ft->family_name);
		if (ft != NULL)
			cairo_ft_scaled_font_unlock_face(sf);
	}
#endif
	cairo_glyph_free(g);
	cairo_scaled_font_destroy(sf);
	cairo_font_options_destroy(o);
	cairo_font_face_destroy(face);
	return miss;
}

/* The first family that has Japanese glyphs; the last one if none has. */
static const char *
pick_font(void)
{
	size_t i, n = sizeof families / sizeof families[0];

	for (i = 0; i + 1 < n; i++)
		if (missing(families[i], FONT_PROBE, NULL, 0) == 0)
			return families[i];
	return families[n - 1];
}

int
plot_font(const char *text, char *name, size_t name_len)
{
	char buf[LABEL_MAX];

	return missing(pick_font(),
	               clean(text ? text : FONT_PROBE, buf, sizeof buf), name,
	               name_len);
}

/* ---- files ------------------------------------------------------------- */

enum kind { KIND_PNG, KIND_SVG, KIND_PDF };

/* Where cairo's bytes go: straight to the file, or (SVG) to memory first
 * so that a title and description can go in. */
typedef struct sink {
	FILE *f;
	char *mem;
	size_t len, cap;
	int buffer;
} sink;

static cairo_status_t
sink_write(void *closure, const unsigned char *data, unsigned int n)
{
	sink *k = closure;

	if (!k->buffer)
		return fwrite(data, 1, n, k->f) == n ? CAIRO_STATUS_SUCCESS
		                                     : CAIRO_STATUS_WRITE_ERROR;
	if (k->len + n > k->cap) {
		size_t cap = (k->cap ? k->cap : 65536);
		char *p;
		while (cap < k->len + n)
			cap *= 2;
		p = realloc(k->mem, cap);
		if (p == NULL)
			return CAIRO_STATUS_NO_MEMORY;
		k->mem = p;
		k->cap = cap;
	}
	memcpy(k->mem + k->len, data, n);
	k->len += n;
	return CAIRO_STATUS_SUCCESS;
}

static void
seterr(char *err, size_t n, const char *what, const char *path, const char *why)
{
	if (err != NULL && n > 0)
		snprintf(err, n, "%s %s: %s", what, path, why);
}

/* The kind the extension of path names, or -1. */
static int
kind_of(const char *path)
{
	const char *dot = strrchr(path, '.');

	if (dot == NULL || strchr(dot, '/') != NULL)
		return -1;
	if (strcasecmp(dot, ".png") == 0)
		return KIND_PNG;
	if (strcasecmp(dot, ".svg") == 0)
		return KIND_SVG;
	if (strcasecmp(dot, ".pdf") == 0)
		return KIND_PDF;
	return -1;
}

/* s with XML's special characters escaped, to f. */
static void
xml_text(FILE *f, const char *s)
{
	char buf[LABEL_MAX];
	const char *p;

	for (p = clean(s, buf, sizeof buf); *p; p++) {
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		default: fputc(*p, f);
		}
	}
}

/* The SVG's <title> and <desc>: the title, the plans and the inputs in
 * words, which cairo's glyph outlines are not. */
static void
svg_words(FILE *f, const plot_spec *s)
{
	int i;

	fputs("\n<title>", f);
	xml_text(f, s->title ? s->title : _("net cost"));
	fputs("</title>\n<desc>plans:", f);
	for (i = 0; i < s->n_curves; i++) {
		fputs(i ? ", " : " ", f);
		xml_text(f, s->curves[i].label);
	}
	fputs(".\n", f);
	xml_text(f, s->tornado_title ? s->tornado_title : _("sensitivity"));
	fputs(":", f);
	for (i = 0; i < s->n_bars; i++) {
		fputs(i ? ", " : " ", f);
		xml_text(f, s->bars[i].label);
	}
	fputs(".</desc>", f);
}

/* The buffered SVG to f with the words after the <svg ...> tag. */
static void
svg_flush(sink *k, const plot_spec *s)
{
	char *tag = k->len ? memmem(k->mem, k->len, "<svg", 4) : NULL;
	char *end =
	    tag ? memchr(tag, '>', k->len - (size_t)(tag - k->mem)) : NULL;
	size_t head = end ? (size_t)(end - k->mem) + 1 : 0;

	fwrite(k->mem, 1, head, k->f);
	if (end != NULL)
		svg_words(k->f, s);
	fwrite(k->mem + head, 1, k->len - head, k->f);
}

/* The surface of a kind; PDF gets its title and creator. */
static cairo_surface_t *
open_surface(int kind, sink *k, const plot_spec *s)
{
	cairo_surface_t *sf;

	if (kind == KIND_PNG)
		return cairo_image_surface_create(CAIRO_FORMAT_RGB24,
		                                  PLOT_WIDTH, PLOT_HEIGHT);
	if (kind == KIND_SVG) {
		sf = cairo_svg_surface_create_for_stream(
		    sink_write, k, PLOT_WIDTH, PLOT_HEIGHT);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
		cairo_svg_surface_set_document_unit(sf, CAIRO_SVG_UNIT_PX);
#endif
		return sf;
	}
	sf = cairo_pdf_surface_create_for_stream(
	    sink_write, k, PLOT_WIDTH * 0.75, PLOT_HEIGHT * 0.75);
#if CAIRO_VERSION >= CAIRO_VERSION_ENCODE(1, 16, 0)
	if (s->title != NULL) {
		char buf[LABEL_MAX];
		cairo_pdf_surface_set_metadata(
		    sf, CAIRO_PDF_METADATA_TITLE,
		    clean(s->title, buf, sizeof buf));
	}
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR,
	                               "twcost");
#else
	(void)s;
#endif
	return sf;
}

/* Draw s into the sink; a cairo status. */
static cairo_status_t
render(int kind, sink *k, const plot_spec *s)
{
	cairo_surface_t *sf = open_surface(kind, k, s);
	page pg = {cairo_create(sf), pick_font(), pick_unit(s)};
	cairo_status_t st;

	if (kind == KIND_PDF)
		cairo_scale(pg.cr, 0.75, 0.75);
	draw(&pg, s);
	st = cairo_status(pg.cr);
	cairo_destroy(pg.cr);
	if (st == CAIRO_STATUS_SUCCESS && kind == KIND_PNG)
		st = cairo_surface_write_to_png_stream(sf, sink_write, k);
	cairo_surface_finish(sf);
	if (st == CAIRO_STATUS_SUCCESS)
		st = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	return st;
}

/* NULL, or what is wrong with s that no drawing can mend. */
static const char *
refuse(const plot_spec *s)
{
	int c;

	if (s == NULL)
		return "no chart to draw";
	if (s->n_curves < 0 || s->n_curves > PLOT_MAX_CURVES)
		return "the number of curves is outside 0..32";
	if (s->n_curves > 0 && s->curves == NULL)
		return "curves missing";
	if (s->n_bars < 0 || (s->n_bars > 0 && s->bars == NULL))
		return "tornado bars missing";
	if (s->n_bars > 0 && !usable(s->tornado_base_yen))
		return "the tornado's base net cost is not a finite amount";
	for (c = 0; c < s->n_curves; c++)
		if (s->curves[c].n < 0 ||
		    (s->curves[c].n > 0 &&
		     (s->curves[c].yen == NULL || s->curves[c].prob == NULL)))
			return "a curve has no points";
	return NULL;
}

/* Render into the open temporary file; 0, or -1 with err set. */
static int
fill(FILE *f, int kind, const plot_spec *s, const char *path, char *err,
     size_t n)
{
	sink k = {f, NULL, 0, 0, kind == KIND_SVG};
	cairo_status_t st = render(kind, &k, s);

	if (st == CAIRO_STATUS_SUCCESS && k.buffer)
		svg_flush(&k, s);
	free(k.mem);
	if (st != CAIRO_STATUS_SUCCESS) {
		seterr(err, n, "cannot draw", path, cairo_status_to_string(st));
		return -1;
	}
	return 0;
}

int
plot_write_file(FILE *f, const char *name, const plot_spec *spec, char *err,
                size_t err_len)
{
	const char *why = refuse(spec);
	int kind = name ? kind_of(name) : -1;

	if (why != NULL || kind < 0) {
		seterr(err, err_len, "cannot draw", name ? name : "(no file)",
		       why ? why : "the name must end in .png, .svg or .pdf");
		return -1;
	}
	return fill(f, kind, spec, name, err, err_len);
}

int
plot_write(const char *path, const plot_spec *spec, char *err, size_t err_len)
{
	const char *why = refuse(spec);
	int kind = path ? kind_of(path) : -1, fd, rc, e;
	char *tmp;
	FILE *f;

	if (why != NULL || kind < 0) {
		seterr(err, err_len, "cannot draw", path ? path : "(no file)",
		       why ? why : "the name must end in .png, .svg or .pdf");
		return -1;
	}
	if ((tmp = malloc(strlen(path) + 16)) == NULL) {
		seterr(err, err_len, "cannot draw", path, strerror(ENOMEM));
		return -1;
	}
	sprintf(tmp, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(tmp)) >= 0) { /* the usual mode, not mkstemp's 0600 */
		mode_t mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (fd < 0 || (f = fdopen(fd, "wb")) == NULL) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		seterr(err, err_len, "cannot write", path, strerror(e));
		return -1;
	}
	rc = fill(f, kind, spec, path, err, err_len);
	e = ferror(f) ? EIO : 0;
	if (fclose(f) != 0 && e == 0)
		e = errno;
	if (rc == 0 && e == 0 && rename(tmp, path) != 0)
		e = errno;
	if (rc == 0 && e != 0) {
		seterr(err, err_len, "cannot write", path, strerror(e));
		rc = -1;
	}
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}

void
plot_cleanup(void)
{
	cairo_debug_reset_static_data();
}
