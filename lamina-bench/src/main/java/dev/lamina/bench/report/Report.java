package dev.lamina.bench.report;

import com.google.gson.Gson;
import dev.lamina.bench.lab.Results.Case;
import dev.lamina.bench.lab.Results.EngineInfo;
import dev.lamina.bench.lab.Results.LabRun;
import dev.lamina.bench.lab.Results.Run;
import dev.lamina.bench.precision.Precision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/**
 * Writes a lab run as Markdown tables (benchmarks.md, for docs/benchmarks.md) and an HTML page
 * (index.html) whose charts are PNG files beside it, so the page works from the file system.
 *
 * <p>Usage: {@code Report [RESULTS.json] [OUT_DIR]}; without arguments, the newest file of
 * bench/results/ into bench/report/.
 */
public final class Report {
    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        TITLES.put("s1", "S1 headline: watermark centred over a background, PNG out");
        TITLES.put("p1", "P1 multi-layer alpha: semi-transparent masks and a soft shadow, PNG out");
        TITLES.put("s2", "S2 collage: 48 tiles of 100x100 on an 800x600 canvas, JPEG out");
        TITLES.put("s4", "S4 thumbnails: photo-like JPEGs to fit 256 px, JPEG out");
        TITLES.put("p2", "P2 resampling");
        TITLES.put("f1", "F1 formats: an opaque 1024x768 photo (P2's) to WebP q75, lossless WebP, uncompressed TIFF");
        TITLES.put("s3", "S3 big batch: a watermark centred over each of a batch of large RGBA images, PNG out");
    }

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path json;
        if (args.length > 0) {
            json = Path.of(args[0]);
        } else {
            try (var s = Files.list(Path.of("bench/results"))) {
                json = s.filter(p -> p.toString().endsWith(".json")).sorted().reduce((a, b) -> b)
                        .orElseThrow(() -> new IOException("no results in bench/results"));
            }
        }
        Path out = args.length > 1 ? Path.of(args[1]) : Path.of("bench/report");
        write(new Gson().fromJson(Files.readString(json), LabRun.class), out);
        System.out.println("report: " + out.resolve("index.html") + " from " + json);
    }

    public static void write(LabRun run, Path dir) throws IOException {
        Path charts = Files.createDirectories(dir.resolve("charts"));
        try (var old = Files.list(charts)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p); // charts of an earlier report must not linger beside this one
            }
        }
        StringBuilder md = new StringBuilder();
        StringBuilder html = new StringBuilder();
        html.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Lamina benchmark lab ")
                .append(run.startedAt()).append("</title><style>body{font-family:sans-serif;max-width:1100px;margin:auto}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "td:first-child,th:first-child{text-align:left}.note{color:#a40}img{max-width:100%}</style></head><body>");
        header(run, md, html);
        engines(run, md, html);

        Map<String, List<Case>> byCase = new LinkedHashMap<>();
        for (Case c : run.cases()) {
            byCase.computeIfAbsent(c.caseId(), k -> new ArrayList<>()).add(c);
        }
        List<String[]> scatter = new ArrayList<>();
        for (var entry : byCase.entrySet()) {
            String caseId = entry.getKey();
            List<Case> cases = entry.getValue();
            String scenario = cases.getFirst().scenario();
            String title = TITLES.getOrDefault(scenario, scenario) + (caseId.equals(scenario) ? "" : " (" + caseId + ")");
            md.append("\n### ").append(title).append("\n\n");
            html.append("<h3>").append(esc(title)).append("</h3>");
            caseTable(cases, md, html);
            List<Case> ok = cases.stream().filter(c -> c.status().equals("ok")).toList();
            if (!ok.isEmpty()) {
                String cpu = caseId + "-cpu.png";
                String rss = caseId + "-rss.png";
                bars(ok, "CPU time (user + system), median, s", Report::cpuMedian, charts.resolve(cpu));
                bars(ok, "Peak RSS, median, MB", c -> c.median().peakRssKb() / 1024.0, charts.resolve(rss));
                html.append("<p><img src=\"charts/").append(cpu).append("\" alt=\"CPU time\"> <img src=\"charts/")
                        .append(rss).append("\" alt=\"peak RSS\"></p>");
                if (ok.stream().anyMatch(c -> c.series() != null)) {
                    String mem = caseId + "-rss-series.png";
                    series(ok, "Resident set over time, MB (sampled every 100 ms)", c -> c.series().rssMb(), charts.resolve(mem));
                    html.append("<p><img src=\"charts/").append(mem).append("\" alt=\"RSS time series\">");
                    if (ok.stream().anyMatch(c -> c.series() != null && c.series().heapAfterGcMb() != null)) {
                        String heap = caseId + "-heap-series.png";
                        String alloc = caseId + "-alloc-series.png";
                        series(ok, "JVM heap after each GC, MB", c -> c.series().heapAfterGcMb(), charts.resolve(heap));
                        series(ok, "JVM allocation rate between GCs, MB/s", c -> c.series().allocationMbPerS(), charts.resolve(alloc));
                        html.append(" <img src=\"charts/").append(heap).append("\" alt=\"heap time series\"> <img src=\"charts/")
                                .append(alloc).append("\" alt=\"allocation rate\">");
                    }
                    html.append("</p>");
                }
                if (scenario.equals("s2")) {
                    String heat = caseId + "-latency.png";
                    latencyHeatMap(ok, charts.resolve(heat));
                    html.append("<p><img src=\"charts/").append(heat).append("\" alt=\"latency heat map\"></p>");
                }
                for (Case c : ok) {
                    if (c.precision() != null) {
                        scatter.add(new String[] {caseId, c.engine(), String.valueOf(cpuMedian(c)),
                                String.valueOf(c.precision().de2000Mean()), String.valueOf(c.precision().psnr())});
                    }
                }
            }
        }
        if (!scatter.isEmpty()) {
            precisionScatter(scatter, charts.resolve("precision.png"));
            html.append("<h3>Precision against the float64 reference</h3><p><img src=\"charts/precision.png\" "
                    + "alt=\"precision scatter\"></p>");
        }
        html.append("<p>Raw data: every run is in <code>bench/results/").append(run.startedAt()).append("-")
                .append(run.profile()).append(".json</code>.</p></body></html>");
        Files.writeString(dir.resolve("benchmarks.md"), md);
        Files.writeString(dir.resolve("index.html"), html);
    }

    private static void header(LabRun run, StringBuilder md, StringBuilder html) {
        var m = run.machine();
        String machine = "%s, %d cores, %.1f GB, %s (kernel %s), %s; load at start %s".formatted(m.cpu(), m.cores(),
                m.memoryBytes() / 1e9, m.os(), m.kernel(), m.jdk(), m.loadAverageAtStart());
        String what = "Lab run %s, profile %s, %d counted runs after one warm-up, each a fresh process; medians."
                .formatted(run.startedAt(), run.profile(), run.runs());
        md.append("## Lab run ").append(run.startedAt()).append(" (").append(run.profile()).append(")\n\n")
                .append(what).append("\n\nMachine: ").append(machine).append("\n\n");
        html.append("<h1>Lamina benchmark lab</h1><p>").append(esc(what)).append("</p><p>Machine: ").append(esc(machine)).append("</p>");
        if (!run.notes().isEmpty()) {
            html.append("<ul>");
            for (String n : run.notes()) {
                md.append("- ").append(n).append('\n');
                html.append("<li class=\"note\">").append(esc(n)).append("</li>");
            }
            html.append("</ul>");
            md.append('\n');
        }
    }

    private static void engines(LabRun run, StringBuilder md, StringBuilder html) {
        List<String> head = List.of("engine", "version", "status", "deployable size", "runs on without a rebuild", "counted");
        List<List<String>> rows = new ArrayList<>();
        for (EngineInfo e : run.engines()) {
            var a = e.artifact();
            rows.add(List.of(e.name(), e.version(), e.status() + (e.status().equals("ok") ? "" : ": " + e.note()),
                    a == null ? "-" : mb(a.bytes()), a == null ? "-" : String.join("; ", a.platforms()),
                    a == null ? "-" : a.parts() + "; runtime: " + a.runtime()));
        }
        md.append("### Engines and artifacts\n\n");
        html.append("<h2>Engines and artifacts</h2>");
        table(head, rows, md, html);
    }

    private static void caseTable(List<Case> cases, StringBuilder md, StringBuilder html) {
        boolean precision = cases.stream().anyMatch(c -> c.precision() != null);
        boolean latency = cases.stream().anyMatch(c -> c.latenciesMs() != null);
        boolean thumbs = cases.stream().anyMatch(c -> c.extra() != null && c.extra().containsKey("imagesPerSecond"));
        boolean fringe = cases.stream().anyMatch(c -> c.extra() != null && c.extra().containsKey("fringeMaxDeficit"));
        boolean gc = cases.stream().anyMatch(c -> c.extra() != null && c.extra().containsKey("gcCount"));
        // S2's processes differ in how many collages they make (50 in process, or one per CLI
        // process): there the ratio is taken on the median latency, not on the process's wall time.
        List<String> head = new ArrayList<>(List.of("engine", "wall s", "CPU s", "peak RSS MB", "output kB",
                latency ? "p50 latency vs fastest" : "wall vs fastest"));
        if (precision) {
            head.addAll(List.of("PSNR dB", "SSIM", "ΔE00 mean", "ΔE00 max", "max abs err", "output"));
        }
        if (latency) {
            head.addAll(List.of("latency p50 ms", "p95 ms", "p99 ms"));
        }
        if (thumbs) {
            head.add("images/s");
        }
        if (gc) {
            head.addAll(List.of("GC count", "GC pauses ms"));
        }
        if (fringe) {
            head.addAll(List.of("fringe: darkest visible, levels below white", "mean"));
        }
        head.add("note");
        double fastest = latency
                ? cases.stream().filter(c -> c.latenciesMs() != null && !c.latenciesMs().isEmpty())
                        .mapToDouble(c -> pct(c.latenciesMs(), 50) / 1000).min().orElse(Double.NaN)
                : cases.stream().filter(c -> c.median() != null).mapToDouble(c -> c.median().wallSeconds())
                        .min().orElse(Double.NaN);
        List<List<String>> rows = new ArrayList<>();
        for (Case c : cases) {
            List<String> r = new ArrayList<>();
            r.add(c.engine());
            Run m = c.median();
            if (m == null) {
                String st = c.status().equals("not-yet") ? "not yet" : c.status();
                r.addAll(List.of(st, "", "", "", ""));
            } else {
                r.addAll(List.of(f2(m.wallSeconds()), f2(cpuMedian(c)), f1(m.peakRssKb() / 1024.0),
                        String.valueOf(Math.round(m.outputBytes() / 1024.0)),
                        // GNU time counts in 10 ms: below that a ratio would be noise or a division by zero.
                        fastest < 0.01 ? "-" : "%.2fx".formatted((latency && c.latenciesMs() != null && !c.latenciesMs().isEmpty()
                                ? pct(c.latenciesMs(), 50) / 1000 : m.wallSeconds()) / fastest)));
            }
            if (precision) {
                Precision p = c.precision();
                if (p == null) {
                    r.addAll(List.of("", "", "", "", "", ""));
                } else {
                    r.addAll(List.of(Double.isInfinite(p.psnr()) ? "∞" : f2(p.psnr()), "%.5f".formatted(p.ssim()),
                            "%.4f".formatted(p.de2000Mean()), f2(p.de2000Max()), f2(p.maxAbs()),
                            Objects.toString(c.outputFormat(), "")));
                }
            }
            if (latency) {
                List<Double> l = c.latenciesMs();
                if (l == null || l.isEmpty()) {
                    r.addAll(List.of("", "", ""));
                } else {
                    r.addAll(List.of(f1(pct(l, 50)), f1(pct(l, 95)), f1(pct(l, 99))));
                }
            }
            if (thumbs) {
                Double ips = c.extra() == null ? null : c.extra().get("imagesPerSecond");
                r.add(ips == null ? "" : f1(ips));
            }
            if (gc) {
                Double n = c.extra() == null ? null : c.extra().get("gcCount");
                Double ms = c.extra() == null ? null : c.extra().get("gcPauseTotalMs");
                r.add(n == null ? "" : String.valueOf(Math.round(n)));
                r.add(ms == null ? "" : f1(ms));
            }
            if (fringe) {
                Double mx = c.extra() == null ? null : c.extra().get("fringeMaxDeficit");
                Double mean = c.extra() == null ? null : c.extra().get("fringeMeanDeficit");
                r.add(mx == null ? "" : f1(mx));
                r.add(mean == null ? "" : f2(mean));
            }
            r.add(c.note() == null ? "" : c.note());
            rows.add(r);
        }
        table(head, rows, md, html);
    }

    /** Median over runs of user + system (not the sum of two medians). */
    static double cpuMedian(Case c) {
        double[] v = c.runs().stream().mapToDouble(Run::cpuSeconds).sorted().toArray();
        int n = v.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    static double pct(List<Double> values, double p) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int i = (int) Math.ceil(p / 100 * v.length) - 1;
        return v[Math.clamp(i, 0, v.length - 1)];
    }

    private interface Metric {
        double of(Case c);
    }

    private static void bars(List<Case> cases, String title, Metric metric, Path file) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(560).height(340).title(title).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.addSeries(title, cases.stream().map(Case::engine).toList(), cases.stream().map(metric::of).toList());
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private interface SeriesOf {
        List<double[]> of(Case c);
    }

    private static void series(List<Case> cases, String title, SeriesOf of, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(620).height(360).title(title).xAxisTitle("s").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(3);
        boolean any = false;
        for (Case c : cases) {
            List<double[]> pts = c.series() == null ? null : of.of(c);
            if (pts == null || pts.isEmpty()) {
                continue;
            }
            chart.addSeries(c.engine(), pts.stream().mapToDouble(v -> v[0]).toArray(), pts.stream().mapToDouble(v -> v[1]).toArray());
            any = true;
        }
        if (!any) {
            chart.addSeries("no data", new double[] {0}, new double[] {0});
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void latencyHeatMap(List<Case> cases, Path file) throws IOException {
        double max = cases.stream().filter(c -> c.latenciesMs() != null).flatMap(c -> c.latenciesMs().stream())
                .mapToDouble(Double::doubleValue).max().orElse(1);
        double min = cases.stream().filter(c -> c.latenciesMs() != null).flatMap(c -> c.latenciesMs().stream())
                .mapToDouble(Double::doubleValue).min().orElse(0.1);
        int buckets = 12;
        double lo = Math.log10(Math.max(min, 0.01));
        double hi = Math.log10(max) + 1e-9;
        List<String> xs = cases.stream().map(Case::engine).toList();
        List<String> ys = new ArrayList<>();
        for (int b = 0; b < buckets; b++) {
            ys.add("%.0f ms".formatted(Math.pow(10, lo + (hi - lo) * (b + 0.5) / buckets)));
        }
        List<Number[]> heat = new ArrayList<>();
        for (int x = 0; x < cases.size(); x++) {
            int[] counts = new int[buckets];
            List<Double> l = cases.get(x).latenciesMs();
            if (l != null) {
                for (double v : l) {
                    counts[Math.clamp((int) ((Math.log10(Math.max(v, 0.01)) - lo) / (hi - lo) * buckets), 0, buckets - 1)]++;
                }
            }
            for (int y = 0; y < buckets; y++) {
                heat.add(new Number[] {x, y, counts[y]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(620).height(360).title("S2 latency distribution (count per band)").build();
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setShowValue(true);
        chart.addSeries("latency", xs, ys, heat);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void precisionScatter(List<String[]> points, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(620).height(400).title("Precision vs CPU time (S1, P1)")
                .xAxisTitle("CPU s (median)").yAxisTitle("CIEDE2000 mean vs float64 reference").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(9);
        Map<String, List<double[]>> byEngine = new LinkedHashMap<>();
        for (String[] p : points) {
            byEngine.computeIfAbsent(p[1], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(p[2]), Double.parseDouble(p[3])});
        }
        for (var e : byEngine.entrySet()) {
            chart.addSeries(e.getKey(), e.getValue().stream().mapToDouble(v -> v[0]).toArray(),
                    e.getValue().stream().mapToDouble(v -> v[1]).toArray());
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void table(List<String> head, List<List<String>> rows, StringBuilder md, StringBuilder html) {
        md.append("| ").append(String.join(" | ", head)).append(" |\n|");
        head.forEach(h -> md.append("---|"));
        md.append('\n');
        html.append("<table><tr>");
        head.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>");
        for (List<String> r : rows) {
            md.append("| ").append(String.join(" | ", r.stream().map(s -> s.replace("|", "\\|")).toList())).append(" |\n");
            html.append("<tr>");
            r.forEach(c -> html.append("<td>").append(esc(c)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String mb(long bytes) {
        return bytes == 0 ? "0 (JDK only)" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
