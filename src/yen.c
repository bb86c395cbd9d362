/* yen.c - exact yen arithmetic, whole people from computed counts, and
 * yen with thousands separators. */
#include <config.h>

#include "yen.h"

#include "twcost.h"

#include <math.h>
#include <stdio.h>

/* Splitting a = q*d + r gives a*k/d = q*k + r*k/d, and r*k stays small
 * because r < d.  Callers keep a <= TWC_YEN_MAX, k <= 10^6, d <= 10^9. */
long long
muldiv_half_up(long long a, long long k, long long d)
{
	long long q = a / d, r = a % d;
	long long rk = r * k;

	return q * k + (2 * (rk % d) >= d ? rk / d + 1 : rk / d);
}

int
hundredths_half_up(double x)
{
	return (int)floor(x * 100.0 + 0.5 + TWC_COUNT_EPS);
}

char *
fmt_thousands(long long v, char *buf, size_t n)
{
	char digits[32], out[48];
	unsigned long long u =
	    v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
	int len, i, k = 0;

	len = snprintf(digits, sizeof digits, "%llu", u);
	if (v < 0)
		out[k++] = '-';
	for (i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			out[k++] = ',';
		out[k++] = digits[i];
	}
	out[k] = '\0';
	snprintf(buf, n, "%s", out);
	return buf;
}
