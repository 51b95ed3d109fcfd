/*
 * clusapi benchmarks: the clock, the median, the BENCH line
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#ifndef CLUSAPI_BENCH_UTIL_H
#define CLUSAPI_BENCH_UTIL_H

/* CLOCK_MONOTONIC, in microseconds */
double bench_now_us(void);

/* The median of N values; sorts V */
double bench_median(double *v, int n);

/* "BENCH NAME=V UNIT (baseline=BASE, ratio=V/BASE)" */
void bench_report(const char *name, double v, double base,
		  const char *unit);

#endif
