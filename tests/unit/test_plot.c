/* test_plot.c - the charts of `twcost simulate --plot`: files of each
 * format written whole or not at all, the PNG's size and ink where the
 * charts are, Japanese glyphs, and no crash on degenerate input.  Links
 * only src/cli/plot.c and cairo.  With PLOT_EXAMPLE=FILE.png set it also
 * draws the example chart of the README there. */
#include <config.h>

#include <cairo.h>
#include <dirent.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/plot.h"
#include "harness.h"

#define N_PLANS 5
#define N_POINTS 101
#define N_BARS 12

static char dir[] = "/tmp/twc-plot-XXXXXX";

static const char *const plan_ids[N_PLANS] = {
    "vdi-own", "secure-browser", "rdp-office", "lgwan-remote", "jlis-lgwan"};
/* Median and spread (yen) of each plan's net cost over five years. */
static const double plan_mid[N_PLANS] = {78e6, 41e6, 33e6, 52e6, 18e6};
static const double plan_sd[N_PLANS] = {9e6, 5.5e6, 6e6, 4.5e6, 2.2e6};

static double yen[N_PLANS][N_POINTS], prob[N_PLANS][N_POINTS];
static plot_curve curves[N_PLANS];
static plot_bar bars[N_BARS] = {
    {"vdi_build", 69.5e6, 88.0e6},
    {"VDIホストサーバ (vdi_server)", 71.0e6, 85.5e6},
    {"home share", 72.5e6, 84.0e6},
    {"vdi_licence", 73.2e6, 83.1e6},
    {"保守・運用（年額）", 74.0e6, 82.5e6},
    {"peak factor", 74.9e6, 81.0e6},
    {"vdi_laptop", 75.5e6, 80.3e6},
    {"vdi_infra", 76.1e6, 79.9e6},
    {"grant multiplier m(I)", 79.6e6, 76.6e6},
    {"vdi_token", 77.0e6, 79.1e6},
    {"vdi_helpdesk", 77.4e6, 78.7e6},
    {"days per week at home", 77.6e6, 78.3e6},
};

/* A logistic S-curve: plan c's points, P10, P50 and P90. */
static void
make_curves(void)
{
	int c, i;

	for (c = 0; c < N_PLANS; c++) {
		double s = plan_sd[c] * 0.5513; /* logistic scale for sd */
		for (i = 0; i < N_POINTS; i++) {
			double p = (i + 0.5) / N_POINTS;
			prob[c][i] = p;
			yen[c][i] = plan_mid[c] + s * log(p / (1 - p));
		}
		curves[c] = (plot_curve){plan_ids[c],
		                         N_POINTS,
		                         yen[c],
		                         prob[c],
		                         plan_mid[c] + s * log(0.1 / 0.9),
		                         plan_mid[c],
		                         plan_mid[c] + s * log(0.9 / 0.1),
		                         0};
	}
}

static plot_spec
example(void)
{
	plot_spec s = {"モデル町（職員220人）: net cost over 5 fiscal years",
	               curves,
	               N_PLANS,
	               "vdi-own: what moves net cost most",
	               78e6,
	               bars,
	               N_BARS,
	               10000,
	               20250401ULL,
	               0};
	return s;
}

static const char *
in_dir(const char *name)
{
	static char buf[4][1024];
	static int next;
	char *b = buf[next++ % 4];

	snprintf(b, 1024, "%s/%s", dir, name);
	return b;
}

static long
file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* The whole of a file, NUL-terminated (the caller frees it). */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	long n = file_size(path);
	char *b;

	if (f == NULL || n < 0 || (b = malloc((size_t)n + 1)) == NULL) {
		if (f)
			fclose(f);
		return NULL;
	}
	b[fread(b, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return b;
}

/* Files in the directory whose name holds ".tmp": left-over temporaries. */
static int
temporaries(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	while (d != NULL && (e = readdir(d)) != NULL)
		n += strstr(e->d_name, ".tmp") != NULL;
	if (d)
		closedir(d);
	return n;
}

/* Pixels in rows y0..y1 that are coloured (not white, grey or black):
 * curves and bars, not text or grid. */
static int
coloured(cairo_surface_t *img, int y0, int y1)
{
	unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	int w = cairo_image_surface_get_width(img), x, y, n = 0;

	for (y = y0; y < y1; y++) {
		for (x = 0; x < w; x++) {
			unsigned px;
			int r, g, b;
			memcpy(&px, data + y * stride + x * 4, 4);
			r = (int)(px >> 16 & 0xFF);
			g = (int)(px >> 8 & 0xFF);
			b = (int)(px & 0xFF);
			n += abs(r - g) > 40 || abs(g - b) > 40 ||
			     abs(r - b) > 40;
		}
	}
	return n;
}

/* Pixels in rows y0..y1 darker than mid grey: text. */
static int
dark(cairo_surface_t *img, int y0, int y1)
{
	unsigned char *data = cairo_image_surface_get_data(img);
	int stride = cairo_image_surface_get_stride(img);
	int w = cairo_image_surface_get_width(img), x, y, n = 0;

	for (y = y0; y < y1; y++) {
		for (x = 0; x < w; x++) {
			unsigned px;
			memcpy(&px, data + y * stride + x * 4, 4);
			n += (px >> 16 & 0xFF) < 100 && (px & 0xFF) < 100;
		}
	}
	return n;
}

/* plot_write answers 0, or -1 with a reason; no temporary is left. */
static int
write_ok(const char *name, const plot_spec *s)
{
	char err[256] = "";
	int rc = plot_write(in_dir(name), s, err, sizeof err);

	if (rc != 0)
		fprintf(stderr, "\n  %s: %s\n", name, err);
	CU_ASSERT_EQUAL(temporaries(), 0);
	return rc;
}

/* -1 with a one-line reason, and no file of that name. */
static void
refused(const char *name, const plot_spec *s)
{
	char err[256] = "";

	unlink(in_dir(name));
	CU_ASSERT_EQUAL(plot_write(in_dir(name), s, err, sizeof err), -1);
	CU_ASSERT_TRUE(err[0] != '\0' && strchr(err, '\n') == NULL);
	CU_ASSERT_EQUAL(file_size(in_dir(name)), -1);
	CU_ASSERT_EQUAL(temporaries(), 0);
}

static void
test_png_has_the_size_and_ink_where_the_charts_are(void)
{
	plot_spec s = example();
	cairo_surface_t *img;

	CU_ASSERT_EQUAL(write_ok("chart.png", &s), 0);
	img = cairo_image_surface_create_from_png(in_dir("chart.png"));
	CU_ASSERT_EQUAL(cairo_surface_status(img), CAIRO_STATUS_SUCCESS);
	CU_ASSERT_EQUAL(cairo_image_surface_get_width(img), PLOT_WIDTH);
	CU_ASSERT_EQUAL(cairo_image_surface_get_height(img), PLOT_HEIGHT);
	if (cairo_surface_status(img) == CAIRO_STATUS_SUCCESS) {
		/* S-curves in the top part, bars in the bottom part. */
		CU_ASSERT_TRUE(coloured(img, 80, 500) > 2000);
		CU_ASSERT_TRUE(coloured(img, 900, 1290) > 20000);
		CU_ASSERT_TRUE(dark(img, 10, 60) > 500); /* the title */
	}
	cairo_surface_destroy(img);
	if (getenv("PLOT_EXAMPLE") != NULL)
		CU_ASSERT_EQUAL(plot_write(getenv("PLOT_EXAMPLE"), &s, NULL, 0),
		                0);
}

static void
test_svg_and_pdf_are_written_and_name_the_plans(void)
{
	plot_spec s = example();
	char *svg, *pdf;
	int c;

	CU_ASSERT_EQUAL(write_ok("chart.svg", &s), 0);
	CU_ASSERT_EQUAL(write_ok("chart.PDF", &s), 0);
	CU_ASSERT_TRUE(file_size(in_dir("chart.svg")) > 1000);
	CU_ASSERT_TRUE(file_size(in_dir("chart.PDF")) > 1000);
	svg = slurp(in_dir("chart.svg"));
	pdf = slurp(in_dir("chart.PDF"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
	CU_ASSERT_PTR_NOT_NULL_FATAL(pdf);
	ASSERT_CONTAINS(svg, "<svg");
	ASSERT_CONTAINS(svg, "</svg>");
	ASSERT_CONTAINS(svg, "<title>モデル町（職員220人）");
	for (c = 0; c < N_PLANS; c++)
		ASSERT_CONTAINS(svg, plan_ids[c]);
	ASSERT_CONTAINS(svg, "保守・運用（年額）");
	CU_ASSERT_EQUAL(memcmp(pdf, "%PDF-", 5), 0);
	free(svg);
	free(pdf);
}

/* One colour per plan across every chart (issue 10): a curve drawn alone
 * keeps its plan's colour (colour 2: the palette's second, vermillion
 * #D55E00), not the first one's (blue #0072B2), and the tornado's plan
 * shows the same colour by its title. */
static void
test_a_plan_keeps_its_colour(void)
{
	plot_spec s = example();
	plot_curve one = curves[1];
	char *svg;

	one.colour = 2;
	s.curves = &one;
	s.n_curves = 1;
	s.n_bars = 0;
	CU_ASSERT_EQUAL(write_ok("one.svg", &s), 0);
	svg = slurp(in_dir("one.svg"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
	ASSERT_CONTAINS(svg, "rgb(83.5%,36.9%,0%)");
	CU_ASSERT_PTR_NULL(strstr(svg, "rgb(0%,44.7%,69.8%)"));
	free(svg);
	/* the tornado of plan 1 (blue) alone, no curves: its sample shows */
	s.n_curves = 0;
	s.tornado_colour = 1;
	CU_ASSERT_EQUAL(write_ok("tornado.svg", &s), 0);
	svg = slurp(in_dir("tornado.svg"));
	CU_ASSERT_PTR_NOT_NULL_FATAL(svg);
	ASSERT_CONTAINS(svg, "rgb(0%,44.7%,69.8%)");
	free(svg);
}

static void
test_japanese_has_glyphs_not_tofu(void)
{
	char name[128] = "";
	plot_spec s = example();
	const char *jp[N_PLANS] = {"自前VDI", "セキュアブラウザ", "画面転送型",
	                           "LGWAN接続系リモート",
	                           "自治体テレワークシステム"};
	plot_curve ja[N_PLANS];
	int c, missing;

	missing = plot_font("モデル町 千円 百万円 累積確率 自治体テレワ"
	                    "ークシステム（年額）",
	                    name, sizeof name);

	printf("\n  font: %s\n", name);
	if (missing != 0)
		fprintf(stderr,
		        "  %d characters have no glyph in %s: install "
		        "fonts-noto-cjk\n",
		        missing, name);
	CU_ASSERT_EQUAL(missing, 0);
	for (c = 0; c < N_PLANS; c++) {
		ja[c] = curves[c];
		ja[c].label = jp[c];
	}
	s.curves = ja;
	s.tornado_title = "自前VDI：正味負担額を動かす入力";
	CU_ASSERT_EQUAL(write_ok("japanese.png", &s), 0);
	CU_ASSERT_EQUAL(write_ok("japanese.svg", &s), 0);
	CU_ASSERT_EQUAL(write_ok("japanese.pdf", &s), 0);
}

/* The degenerate inputs a simulation could hand over all draw. */
static void
test_degenerate_input_draws(void)
{
	static const double one_yen[1] = {-2.5e6}, one_p[1] = {1};
	static const double flat[3] = {5e6, 5e6, 5e6};
	static const double bad[6] = {NAN, 1e6, INFINITY, 2e6, -INFINITY, 1e20};
	static const double badp[6] = {0.1, NAN, 0.5, 0.7, 0.9, 2};
	static const double neg[3] = {-9e6, -4e6, 1e6}, p3[3] = {0, 0.5, 1};
	static const double huge[3] = {9.9e12, 1e13, 1.2e13};
	plot_curve k[4] = {
	    {"one point", 1, one_yen, one_p, NAN, -2.5e6, INFINITY, 0},
	    {"all equal", 3, flat, p3, 5e6, 5e6, 5e6, 0},
	    {"NaN and inf", 6, bad, badp, NAN, 1.5e6, 1e20, 0},
	    {"negative", 3, neg, p3, -8e6, -4e6, 0, 0}};
	plot_bar b[3] = {{"flat", 5e6, 5e6}, {"nan", NAN, 1}, {"", -1, 2e6}};
	plot_spec s = {NULL, NULL, 0, NULL, 0, NULL, 0, 0, 0, 0};

	CU_ASSERT_EQUAL(write_ok("empty.png", &s), 0);
	CU_ASSERT_EQUAL(write_ok("empty.svg", &s), 0);
	s.curves = k;
	s.n_curves = 1;
	CU_ASSERT_EQUAL(write_ok("one.png", &s), 0);
	s.curves = k + 1;
	s.bars = b;
	s.n_bars = 1;
	s.tornado_base_yen = 5e6;
	CU_ASSERT_EQUAL(write_ok("flat.png", &s), 0);
	s.curves = k + 2;
	s.n_bars = 3;
	CU_ASSERT_EQUAL(write_ok("nan.png", &s), 0);
	s.curves = k;
	s.n_curves = 4;
	CU_ASSERT_EQUAL(write_ok("mixed.pdf", &s), 0);
	CU_ASSERT_EQUAL(write_ok("mixed.png", &s), 0);
	k[0] = (plot_curve){"huge", 3, huge, p3, 9.9e12, 1e13, 1.2e13, 0};
	s.n_curves = 1;
	s.n_bars = 0;
	CU_ASSERT_EQUAL(write_ok("huge.png", &s), 0);
}

static void
test_long_and_broken_labels_draw(void)
{
	static char longest[6000], broken[] = "bad \xff\xfe utf-8 \xe6\x97";
	plot_spec s = example();
	plot_curve c[N_PLANS];
	plot_bar b[N_BARS];
	size_t i;

	for (i = 0; i + 3 < sizeof longest; i += 3)
		memcpy(longest + i, "長", 3);
	memcpy(c, curves, sizeof c);
	memcpy(b, bars, sizeof b);
	c[0].label = longest;
	c[1].label = broken;
	c[2].label = NULL;
	b[0].label = longest;
	b[1].label = broken;
	s.curves = c;
	s.bars = b;
	s.title = longest;
	s.tornado_title = broken;
	CU_ASSERT_EQUAL(write_ok("long.png", &s), 0);
	CU_ASSERT_EQUAL(write_ok("long.svg", &s), 0);
}

/* 32 plans (a compact legend) and 200 inputs (the largest shown). */
static void
test_many_plans_and_inputs_draw(void)
{
	static plot_curve many[PLOT_MAX_CURVES + 1];
	static plot_bar lots[200];
	plot_spec s = example();
	int i;

	for (i = 0; i <= PLOT_MAX_CURVES; i++)
		many[i] = curves[i % N_PLANS];
	for (i = 0; i < 200; i++)
		lots[i] = (plot_bar){plan_ids[i % N_PLANS], 78e6 - 1e5 * i,
		                     78e6 + 2e5 * i};
	s.curves = many;
	s.n_curves = PLOT_MAX_CURVES;
	s.bars = lots;
	s.n_bars = 200;
	CU_ASSERT_EQUAL(write_ok("many.png", &s), 0);
	s.n_curves = PLOT_MAX_CURVES + 1;
	refused("too-many.png", &s);
}

static void
test_bad_specs_are_refused(void)
{
	static const double y[2] = {1, 2};
	plot_spec s = example();
	plot_curve c = {"x", 2, y, NULL, 1, 1, 2, 0};

	refused("null.png", NULL);
	CU_ASSERT_EQUAL(plot_write(NULL, &s, NULL, 0), -1);
	refused("chart.gif", &s);
	refused("noext", &s);
	s.tornado_base_yen = NAN;
	refused("base.png", &s);
	s = example();
	s.n_bars = -1;
	refused("negbars.png", &s);
	s = example();
	s.curves = &c;
	s.n_curves = 1;
	refused("noprob.png", &s);
	s = example();
	s.curves = NULL;
	refused("nocurves.png", &s);
}

static void
test_unwritable_paths_leave_nothing(void)
{
	plot_spec s = example();
	char err[256] = "";
	char *before;

	CU_ASSERT_EQUAL(
	    plot_write("/nonexistent-dir/x.png", &s, err, sizeof err), -1);
	ASSERT_CONTAINS(err, "/nonexistent-dir/x.png");
	/* A directory where the file should go: rename fails at the end. */
	CU_ASSERT_EQUAL(mkdir(in_dir("taken.png"), 0755), 0);
	CU_ASSERT_EQUAL(plot_write(in_dir("taken.png"), &s, err, sizeof err),
	                -1);
	CU_ASSERT_EQUAL(temporaries(), 0);
	rmdir(in_dir("taken.png"));
	/* A failed drawing leaves the old file as it was. */
	CU_ASSERT_EQUAL(write_ok("keep.svg", &s), 0);
	before = slurp(in_dir("keep.svg"));
	s.tornado_base_yen = INFINITY;
	refused("other.svg", &s);
	CU_ASSERT_EQUAL(plot_write(in_dir("keep.svg"), &s, err, sizeof err),
	                -1);
	if (before != NULL) {
		char *after = slurp(in_dir("keep.svg"));
		CU_ASSERT_TRUE(after != NULL && strcmp(before, after) == 0);
		free(after);
	}
	free(before);
}

/* Remove the files the tests wrote, and the directory. */
static void
clean_up(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d != NULL && (e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			unlink(in_dir(e->d_name));
	if (d)
		closedir(d);
	rmdir(dir);
}

int
main(void)
{
	CU_TestInfo tests[] = {
	    {"png_has_the_size_and_ink_where_the_charts_are",
	     test_png_has_the_size_and_ink_where_the_charts_are},
	    {"svg_and_pdf_are_written_and_name_the_plans",
	     test_svg_and_pdf_are_written_and_name_the_plans},
	    {"a_plan_keeps_its_colour", test_a_plan_keeps_its_colour},
	    {"japanese_has_glyphs_not_tofu", test_japanese_has_glyphs_not_tofu},
	    {"degenerate_input_draws", test_degenerate_input_draws},
	    {"long_and_broken_labels_draw", test_long_and_broken_labels_draw},
	    {"many_plans_and_inputs_draw", test_many_plans_and_inputs_draw},
	    {"bad_specs_are_refused", test_bad_specs_are_refused},
	    {"unwritable_paths_leave_nothing",
	     test_unwritable_paths_leave_nothing},
	    CU_TEST_INFO_NULL,
	};
	int rc;

	if (mkdtemp(dir) == NULL)
		return 2;
	make_curves();
	rc = run_suite("plot", tests);
	if (getenv("PLOT_KEEP") == NULL)
		clean_up();
	else
		printf("charts kept in %s\n", dir);
	cairo_debug_reset_static_data();
	return rc;
}
