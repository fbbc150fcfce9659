package com.aftersales.bench;

import java.nio.file.Path;

/**
 * @param projectRoot where the built service jars are (for benchmarks that start the platform)
 * @param seed        seed of every generated instance, so a run can be reproduced
 * @param quick       fewer iterations, for a smoke run
 */
public record BenchContext(Path projectRoot, long seed, boolean quick) {
}
