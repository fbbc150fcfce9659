package com.aftersales.bench;

import java.util.List;

/** One benchmark: measures its subject and a baseline in the same run, on the same machine. */
public interface Benchmark {

    /** Short name used on the command line, e.g. {@code ticket-intake}. */
    String name();

    /** Runs the benchmark; every result carries its own baseline so that the ratio means something. */
    List<BenchResult> run(BenchContext context) throws Exception;
}
