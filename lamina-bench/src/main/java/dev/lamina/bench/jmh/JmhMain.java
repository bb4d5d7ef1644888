package dev.lamina.bench.jmh;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the JMH suites and prints MPix/s beside JMH's own table:
 * {@code JmhMain [REGEX] [--quick]}. --quick (one fork, one short iteration) only checks that the
 * suites run; its figures mean nothing. For figures: the defaults (2 forks, 3 warm-up and 5
 * measured iterations of 2 s) on a quiet machine.
 */
public final class JmhMain {
    private static final Map<String, Long> PIXELS = Map.ofEntries(
            Map.entry("PngCodecBench", PngCodecBench.PIXELS),
            Map.entry("CompositeBench", CompositeBench.PIXELS),
            Map.entry("ResizeBench", ResizeBench.PIXELS),
            Map.entry("CompositeModesBench", CompositeModesBench.PIXELS),
            Map.entry("MetricsBench", MetricsBench.PIXELS),
            Map.entry("JpegCodecBench", JpegCodecBench.PIXELS),
            Map.entry("ThumbnailBench", ThumbnailBench.PIXELS),
            Map.entry("JpegCodecBench.Thumbnail", JpegCodecBench.Thumbnail.PIXELS),
            Map.entry("WebpLosslessBench", WebpLosslessBench.PIXELS),
            Map.entry("WebpLosslessBench.Encode", WebpLosslessBench.PIXELS),
            Map.entry("GeometryBench", GeometryBench.PIXELS),
            Map.entry("TiffCodecBench", TiffCodecBench.PIXELS),
            Map.entry("BlurBench", BlurBench.PIXELS),
            Map.entry("RasterBench", RasterBench.PIXELS));

    private JmhMain() {
    }

    public static void main(String[] args) throws Exception {
        String include = "dev.lamina.bench.jmh.*Bench";
        boolean quick = false;
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else {
                include = a;
            }
        }
        ChainedOptionsBuilder opt = new OptionsBuilder().include(include);
        if (quick) {
            opt.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(1).measurementTime(TimeValue.seconds(1));
        } else {
            opt.forks(2).warmupIterations(3).warmupTime(TimeValue.seconds(2))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(2));
        }
        Collection<RunResult> results = new Runner(opt.build()).run();
        System.out.println();
        System.out.printf(Locale.ROOT, "%-45s %-30s %12s %10s%n", "benchmark", "params", "ops/s", "MPix/s");
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            // "dev.lamina.bench.jmh.ResizeBench.OneThread.quarter": a nested class's own pixel count
            // when it has one, else the outer class's.
            String inPackage = label.substring(JmhMain.class.getPackageName().length() + 1);
            String nested = inPackage.substring(0, inPackage.lastIndexOf('.'));
            String cls = PIXELS.containsKey(nested) ? nested : inPackage.substring(0, inPackage.indexOf('.'));
            double ops = r.getPrimaryResult().getScore();
            long px = PIXELS.getOrDefault(cls, 0L);
            StringBuilder params = new StringBuilder();
            for (String k : r.getParams().getParamsKeys()) {
                params.append(k).append('=').append(r.getParams().getParam(k)).append(' ');
            }
            System.out.printf(Locale.ROOT, "%-45s %-30s %12.2f %10.1f%n", inPackage,
                    params.toString().trim(), ops, ops * px / 1e6);
        }
    }
}
