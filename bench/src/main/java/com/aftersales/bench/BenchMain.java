package com.aftersales.bench;

import com.aftersales.bench.platform.SharedPlatform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the platform's benchmarks ({@code bench/run [--quick] [--seed N] [name...]}) and prints one
 * summary table of every figure against its baseline.
 */
public final class BenchMain {

    /** Every benchmark, by class; a class not built yet is reported and skipped. */
    static final List<String> BENCHMARKS = List.of(
            "com.aftersales.bench.tickets.TicketIntakeBenchmark",
            "com.aftersales.bench.dispatch.AssignmentQualityBenchmark",
            "com.aftersales.bench.returns.PolicyEvaluationBenchmark",
            "com.aftersales.bench.platform.EventLatencyBenchmark",
            "com.aftersales.bench.platform.GatewayReadBenchmark",
            "com.aftersales.bench.feedback.KpiQueryBenchmark",
            "com.aftersales.bench.knowledge.KnowledgeSearchBenchmark",
            "com.aftersales.bench.platform.EventDecodeBenchmark");

    static final long DEFAULT_SEED = 20261124L;

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        long seed = DEFAULT_SEED;
        List<String> selected = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> selected.add(args[i]);
            }
        }
        Path root = Path.of(System.getProperty("aftersales.projectRoot", ".")).toAbsolutePath().normalize();
        BenchContext context = new BenchContext(root, seed, quick);
        List<BenchResult> results = new ArrayList<>();
        try {
            runAll(context, selected, results);
        } finally {
            SharedPlatform.close();
        }
        print(results);
    }

    private static void runAll(BenchContext context, List<String> selected, List<BenchResult> results) throws Exception {
        for (String className : BENCHMARKS) {
            Benchmark benchmark;
            try {
                benchmark = (Benchmark) Class.forName(className).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException e) {
                System.out.println("(not built yet: " + className + ")");
                continue;
            }
            if (!selected.isEmpty() && !selected.contains(benchmark.name())) {
                continue;
            }
            System.out.println("== " + benchmark.name() + " (seed " + context.seed() + (context.quick() ? ", quick" : "") + ")");
            results.addAll(benchmark.run(context));
        }
    }

    static void print(List<BenchResult> results) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %-34s %14s %-8s %-30s %14s %8s%n",
                "benchmark", "metric", "value", "unit", "baseline", "baseline", "ratio");
        for (BenchResult r : results) {
            System.out.printf(Locale.ROOT, "%-22s %-34s %14.3f %-8s %-30s %14.3f %8.3f%s%n", r.benchmark(), r.metric(),
                    r.value(), r.unit(), r.baselineName(), r.baselineValue(), r.ratio(),
                    r.lowerIsBetter() ? "  (lower is better)" : "  (higher is better)");
        }
    }
}
