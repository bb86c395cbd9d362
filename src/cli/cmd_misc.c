/* cmd_misc.c - `twcost check` and `twcost profiles`. */
#include <config.h>

#include <string.h>

#include "cli.h"
#include "output.h"
#include "report.h"
#include "suggest.h"

/* Validate one profile: "PATH: ok" or the error; exit code. */
static int
check_one(const char *path)
{
	char err[1024];

	if (twc_check(path, err, sizeof err) != TWC_OK) {
		fprintf(stderr, "twcost: %s\n", err);
		return EXIT_USAGE;
	}
	printf(_("%s: ok\n"), path);
	return EXIT_OK;
}

int
cmd_check(const options *o)
{
	int i, rc = EXIT_OK;

	if (o->profile == NULL && o->n_args == 0)
		return fail(EXIT_USAGE,
		            "check: name a profile with --profile FILE");
	if (o->profile != NULL)
		rc = check_one(o->profile);
	for (i = 0; i < o->n_args; i++)
		if (check_one(o->args[i]) != EXIT_OK)
			rc = EXIT_USAGE;
	return rc;
}

/* twcost profiles NAME: the bundled profile's text. */
static int
show_profile(const options *o)
{
	const char *name = o->n_args ? o->args[0] : NULL;
	const char *text = name ? twc_bundled_text(name) : NULL, *near;

	if (name == NULL)
		return fail(EXIT_USAGE, "profiles: name a bundled profile to "
		                        "show (see twcost profiles)");
	if (text == NULL && (near = cli_bundled_nearest(name, NULL)) != NULL)
		return fail(EXIT_USAGE,
		            "profiles: no bundled profile '%s' (did you mean "
		            "'%s'?)",
		            name, near);
	if (text == NULL)
		return fail(EXIT_USAGE,
		            "profiles: no bundled profile '%s' (see twcost "
		            "profiles)",
		            name);
	fputs(text, stdout);
	return EXIT_OK;
}

int
cmd_profiles(const options *o)
{
	table t;
	int i, n = twc_bundled_count();

	if (o->show || o->n_args > 0)
		return show_profile(o);
	table_init(&t, 3, 0);
	table_add(&t, "%s", _("name"));
	table_add(&t, "%s", _("kind"));
	table_add(&t, "%s", _("title"));
	for (i = 0; i < n; i++) {
		table_add(&t, "%s", twc_bundled(i, "name"));
		table_add(&t, "%s", kind_text(twc_bundled(i, "kind")));
		table_add(&t, "%s", twc_bundled(i, "title"));
	}
	table_print(stdout, &t, 0);
	table_free(&t);
	fputc('\n', stdout);
	print_wrapped(stdout, "", "",
	              _("Use one with --profile NAME; print it with twcost "
	                "profiles NAME."));
	return EXIT_OK;
}
