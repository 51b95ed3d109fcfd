/*
 * clusapi fuzzing: the libFuzzer entry point every harness provides
 *
 * Copyright (C) 2026 The clusapi developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer by `make fuzz`; built with
 * replay_main.c by the normal build, which replays the committed corpus
 * and regression inputs in `make test`.
 */

#ifndef CLUSAPI_FUZZ_H
#define CLUSAPI_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
