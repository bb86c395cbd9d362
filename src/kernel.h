/* kernel.h - how the simulation's loops are compiled.
 *
 * TWC_KERNEL marks a function that runs over a block of draws.  With GCC on
 * x86-64 ELF systems it is compiled three times - for x86-64-v4 (AVX-512),
 * x86-64-v3 (AVX2) and the baseline (SSE2) - and the loader picks the one
 * the processor runs.  The three give the same figures to the bit: the
 * library is built with -ffp-contract=off, so no clone fuses a multiply
 * and an add, and every operation used (+ - * /, sqrt, floor, compares) is
 * correctly rounded in each instruction set.  Not under ThreadSanitizer,
 * which instruments the clones' resolver, run before its runtime starts.
 *
 * The loops are written for the vectoriser at -O2: trip counts a multiple
 * of the vector width, restrict pointers, and selects made arithmetic
 * (x = m a + (1 - m) b with m 0 or 1 is exact) or plain ternaries, which
 * the library's -fno-trapping-math lets the compiler turn into blends. */
#ifndef TWC_KERNEL_H
#define TWC_KERNEL_H

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) &&         \
    defined(__ELF__) && !defined(__SANITIZE_THREAD__) &&                       \
    !defined(TWC_NO_CLONES)
#define TWC_KERNEL                                                             \
	__attribute__((                                                        \
	    target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define TWC_KERNEL
#endif

#endif
