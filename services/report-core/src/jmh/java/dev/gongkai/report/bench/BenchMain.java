package dev.gongkai.report.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks (JMH options pass through, e.g. {@code -wi 1 -i 2 -r 1s}) and then prints each figure with
 * its ratio to the baseline measured in the same run: parses against decoding the seed's bytes, checks and renders
 * against iterating the seed's cells. {@code startup} instead times whole command-line runs ({@link StartupBench}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("startup")) {
            StartupBench.run(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        CommandLineOptions given = new CommandLineOptions(args);
        Options options = new OptionsBuilder().parent(given).include(ReportBenchmark.class.getSimpleName()).build();
        if (!given.getIncludes().isEmpty()) {
            options = given;
        }
        Collection<RunResult> results = new Runner(options).run();
        double decode = score(results, "baselineDecodeText");
        double iterate = score(results, "baselineIterateCells");
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-24s %16s %12s  %s", "benchmark", "ops/s", "ratio", "baseline"));
        for (RunResult result : results) {
            String name = name(result);
            double score = result.getPrimaryResult().getScore();
            boolean parse = name.startsWith("parse") || name.equals("baselineDecodeText");
            double baseline = parse ? decode : iterate;
            lines.add(String.format(Locale.ROOT, "%-24s %16.1f %12.5f  %s", name, score,
                    Double.isNaN(baseline) ? Double.NaN : score / baseline,
                    parse ? "baselineDecodeText" : "baselineIterateCells"));
        }
        System.out.println();
        System.out.println("Throughput, one thread, with ratios to the baselines of the same run:");
        lines.forEach(System.out::println);
    }

    private static double score(Collection<RunResult> results, String benchmark) {
        return results.stream().filter(r -> name(r).equals(benchmark))
                .mapToDouble(r -> r.getPrimaryResult().getScore()).findFirst().orElse(Double.NaN);
    }

    private static String name(RunResult result) {
        String label = result.getParams().getBenchmark();
        return label.substring(label.lastIndexOf('.') + 1);
    }
}
