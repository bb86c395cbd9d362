/* plot.h - the charts of `twcost simulate --plot`: the S-curves of net
 * cost of every plan and a tornado of one plan, drawn with cairo into a
 * PNG, SVG or PDF file.  It knows nothing of the library: plain arrays in,
 * a file out, so that it can be tested alone. */
#ifndef TWC_PLOT_H
#define TWC_PLOT_H

#include <stddef.h>
#include <stdio.h>

/* The page: 1200 x 1400 pixels for PNG and SVG; PDF gets the same drawing
 * at 0.75 pt a pixel (900 x 1050 pt). */
#define PLOT_WIDTH 1200
#define PLOT_HEIGHT 1400

/* The most curves one chart takes (as many as the CLI has plans). */
#define PLOT_MAX_CURVES 32

/* Values beyond this many yen either way are treated like NaN. */
#define PLOT_MAX_YEN 1e15

/* One plan's cumulative distribution of net cost.  Points whose yen or
 * probability is NaN, infinite or beyond PLOT_MAX_YEN are skipped, as are
 * such percentiles; probabilities are clamped to 0..1. */
typedef struct plot_curve {
	const char *label;  /* plan id, e.g. "jlis-lgwan" (ASCII) or Japanese */
	int n;              /* points */
	const double *yen;  /* net cost in yen, ascending */
	const double *prob; /* cumulative probability 0..1 at each point */
	double p10, p50, p90; /* yen, to mark on the curve */
	/* 1 + the plan's position in the catalogue, so that a plan has the
	 * same colour and marker on every chart whichever plans are drawn;
	 * 0: the curve's position. */
	int colour;
} plot_curve;

/* One uncertain input's swing of one plan's net cost.  A bar with a
 * NaN, infinite or out-of-range end is skipped. */
typedef struct plot_bar {
	const char *label; /* input, e.g. "vdi_build" or "home share" */
	/* Net cost with the input at its P10 and at its P90. */
	double low_yen, high_yen;
} plot_bar;

typedef struct plot_spec {
	const char *title; /* e.g. "モデル町: net cost over 5 fiscal years" */
	const plot_curve *curves;
	int n_curves; /* 0 .. PLOT_MAX_CURVES */
	/* e.g. "vdi-own: what moves net cost most" */
	const char *tornado_title;
	double tornado_base_yen; /* net cost with every input at base */
	const plot_bar *bars;
	int n_bars; /* sorted by swing, largest first */
	int draws;  /* shown in a footnote (omitted when <= 0) */
	unsigned long long seed;
	int tornado_colour; /* the tornado's plan's colour as in plot_curve
	                       (a sample by its title); 0: none */
} plot_spec;

/* Draw both charts - the S-curves of every plan on one chart, the tornado
 * below it - into path; the format follows the extension (.png, .svg,
 * .pdf, any case).  The file is written whole or not at all (through a
 * temporary file beside it).  Returns 0, or -1 with a one-line reason in
 * err. */
int plot_write(const char *path, const plot_spec *spec, char *err,
               size_t err_len);

/* plot_write into an open file f, the format following name's extension;
 * the caller makes the file whole or not at all (the CLI: out_open). */
int plot_write_file(FILE *f, const char *name, const plot_spec *spec, char *err,
                    size_t err_len);

/* The font family the charts use (the first of a list of Japanese fonts
 * that fontconfig has) into name, and the number of characters of text
 * that font has no glyph for: 0 means text renders, not as tofu boxes. */
int plot_font(const char *text, char *name, size_t name_len);

/* Release the caches cairo keeps for the life of the process (fonts and
 * patterns), so that a leak checker sees only real leaks.  Call once no
 * more charts will be drawn. */
void plot_cleanup(void);

#endif
