package dev.lamina.bench.serve;

import com.google.gson.GsonBuilder;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.server.http.Query;
import dev.lamina.server.loadtest.LoadTest;
import dev.lamina.server.sign.UrlSigner;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service benchmark of issue 12: Lamina's server (on Helidon, and on Javalin for the HTTP
 * library comparison), the Java2D handler inside it, and a sharp service in Node, each a process of
 * its own on this machine, driven by the open-model load generator of lamina-server over loopback.
 * Scenarios: the S2 collage (48 tiles of 100x100 on an 800x600 canvas, JPEG quality 85) for every
 * engine, plus Lamina's thumbnail and watermark presets through signed URLs. The rates are stepped
 * over all targets in turn until each passes P99 50 ms twice; then each target's highest clean
 * rate is run again at twice the rate to see how it sheds. Writes results JSON, a markdown table and the heat map (rate x percentile,
 * coloured by latency) under the output folder.
 *
 * <p>{@code bench/serve-load.sh [--step S] [--rates r1,r2,...] [--targets a,b,...]}
 */
public final class ServiceBench {
    private static final String KEY_HEX = "5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed5e1ec7ed";
    private static final long P99_LIMIT_MICROS = 50_000;

    private record Target(String name, String server, LoadTest.Scenario scenario) {
    }

    private record Result(String target, List<LoadTest.Step> steps, double maxCleanRate, LoadTest.Step atTwice) {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(".").toAbsolutePath().normalize();
        Path out = root.resolve("bench/report/serve");
        int stepSeconds = 5;
        int warmupSeconds = 8;
        double[] rates = {50, 100, 150, 200, 300, 400, 500, 600, 800, 1000};
        Set<String> only = null;
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[i + 1]);
                case "--step" -> stepSeconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[i + 1]);
                case "--rates" -> rates = java.util.Arrays.stream(args[i + 1].split(",")).mapToDouble(Double::parseDouble).toArray();
                case "--targets" -> only = Set.of(args[i + 1].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(out);
        Path work = Files.createDirectories(root.resolve("bench/results/tmp/serve"));
        Path assets = prepareAssets(root, work);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        Instant started = Instant.now();

        List<Process> processes = new ArrayList<>();
        try {
            int helidon = freePort();
            int javalin = freePort();
            int node = freePort();
            processes.add(java(work, "helidon", helidon, "dev.lamina.server.LaminaServer"));
            processes.add(java(work, "javalin", javalin, "dev.lamina.bench.serve.JavalinServerMain"));
            Path serveJs = root.resolve("bench/node/serve.js");
            boolean sharp = Files.isDirectory(root.resolve("bench/node/node_modules/sharp"));
            if (sharp) {
                processes.add(new ProcessBuilder("node", serveJs.toString(), Integer.toString(node), assets.toString())
                        .redirectErrorStream(true).redirectOutput(work.resolve("sharp.log").toFile()).start());
            } else {
                System.err.println("NOTE: sharp is not installed (bench/install-peers.sh); the sharp service is skipped");
            }
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("helidon", processes.get(0).pid());
            pids.put("javalin", processes.get(1).pid());
            waitUp(helidon);
            waitUp(javalin);
            seed(helidon, assets);
            seed(javalin, assets);
            if (sharp) {
                pids.put("sharp", processes.get(2).pid());
                waitUp(node);
            }
            byte[] collage = collageRecipe().getBytes(StandardCharsets.UTF_8);
            Map<String, String> json = Map.of("Content-Type", "application/json");
            long expires = System.currentTimeMillis() / 1000 + 86_400;
            List<Target> targets = new ArrayList<>();
            targets.add(new Target("lamina collage", "helidon", new LoadTest.Scenario("collage", "POST",
                    "/v1/render?format=jpeg&quality=85", json, collage)));
            if (sharp) {
                targets.add(new Target("sharp collage", "sharp", new LoadTest.Scenario("collage", "POST",
                        "/v1/render?quality=85", json, collage)));
            }
            targets.add(new Target("java2d collage", "helidon", new LoadTest.Scenario("collage", "POST",
                    "/v1/bench/java2d?quality=85", json, collage)));
            targets.add(new Target("lamina collage (javalin)", "javalin", new LoadTest.Scenario("collage", "POST",
                    "/v1/render?format=jpeg&quality=85", json, collage)));
            targets.add(new Target("lamina thumbnail preset", "helidon", new LoadTest.Scenario("thumbnail", "GET",
                    signed("/v1/render/thumbnail", "asset=photo&w=256&keyid=bench&expires=" + expires), Map.of(), new byte[0])));
            targets.add(new Target("lamina watermark preset", "helidon", new LoadTest.Scenario("watermark", "GET",
                    signed("/v1/render/watermark", "asset=photo&keyid=bench&expires=" + expires), Map.of(), new byte[0])));
            Map<String, Integer> ports = Map.of("helidon", helidon, "javalin", javalin, "sharp", node);

            List<Target> chosen = new ArrayList<>();
            for (Target t : targets) {
                if (only == null || only.stream().anyMatch(t.name::contains)) {
                    chosen.add(t);
                }
            }
            List<Result> results = measure(chosen, ports, pids, rates, stepSeconds, warmupSeconds);
            String loadAfter = Files.readString(Path.of("/proc/loadavg")).trim();
            write(out, results, started, loadBefore, loadAfter, stepSeconds);
        } finally {
            for (Process p : processes) {
                p.destroy();
            }
            for (Process p : processes) {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            }
        }
    }

    /**
     * Steps every target through the rates, interleaved (each rate runs on every target in turn), so
     * the drift of a shared machine's load spreads over all of them instead of landing on one. A
     * target leaves after two steps in a row over P99 50 ms or with errors; then each target runs
     * once more at twice its highest clean rate.
     */
    private static List<Result> measure(List<Target> targets, Map<String, Integer> ports, Map<String, Long> pids,
                                        double[] rates, int stepSeconds, int warmupSeconds) throws Exception {
        Map<Target, List<LoadTest.Step>> steps = new LinkedHashMap<>();
        Map<Target, Integer> unclean = new LinkedHashMap<>();
        Map<Target, Double> best = new LinkedHashMap<>();
        for (Target t : targets) {
            steps.put(t, new ArrayList<>());
            unclean.put(t, 0);
            best.put(t, 0.0);
            // Warm-up: JIT, caches, connections; at a rate every engine carries, since a server
            // without admission control (the Node service) would still be rendering an overloaded
            // warm-up's abandoned requests during the next target's steps.
            LoadTest.run(base(t, ports), t.scenario, new double[]{Math.min(rates[0], 20)}, Duration.ZERO, Duration.ofSeconds(warmupSeconds),
                    100_000, Duration.ofSeconds(10), pids.get(t.server));
        }
        for (double rate : rates) {
            for (Target t : targets) {
                if (unclean.get(t) >= 2) {
                    continue;
                }
                LoadTest.Step s = step(t, ports, pids, rate, stepSeconds);
                steps.get(t).add(s);
                System.err.print(LoadTest.table(t.name, List.of(s)));
                if (s.clean(P99_LIMIT_MICROS)) {
                    best.put(t, rate);
                    unclean.put(t, 0);
                } else {
                    unclean.merge(t, 1, Integer::sum);
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (Target t : targets) {
            LoadTest.Step twice = null;
            if (best.get(t) > 0) {
                twice = step(t, ports, pids, 2 * best.get(t), stepSeconds);
                System.err.print("at twice: " + LoadTest.table(t.name, List.of(twice)));
            }
            results.add(new Result(t.name, steps.get(t), best.get(t), twice));
        }
        return results;
    }

    private static URI base(Target t, Map<String, Integer> ports) {
        return URI.create("http://127.0.0.1:" + ports.get(t.server));
    }

    private static LoadTest.Step step(Target t, Map<String, Integer> ports, Map<String, Long> pids, double rate, int seconds)
            throws Exception {
        return LoadTest.run(base(t, ports), t.scenario, new double[]{rate}, Duration.ZERO, Duration.ofSeconds(seconds),
                100_000, Duration.ofSeconds(10), pids.get(t.server)).getFirst();
    }

    /** The S2 collage: 48 tiles of 100x100 on the 800x600 canvas, row by row. */
    static String collageRecipe() {
        StringBuilder s = new StringBuilder("{\"version\": 1, \"canvas\": {\"asset\": \"canvas\"}, \"layers\": ["
                + "{\"type\": \"image\", \"asset\": \"canvas\"}");
        for (int i = 0; i < 48; i++) {
            s.append(", ").append("{\"type\": \"image\", \"asset\": \"tile-%02d\", \"x\": %d, \"y\": %d}".formatted(i, (i % 8) * 100,
                    (i / 8) * 100));
        }
        return s.append("]}").toString();
    }

    private static String signed(String path, String query) {
        return path + "?" + query + "&sig=" + UrlSigner.sign(HexFormat.of().parseHex(KEY_HEX), path, Query.parse(query));
    }

    /** The lab's S2 inputs, plus a 1600x1200 JPEG photo and a 400-pixel watermark for the presets. */
    private static Path prepareAssets(Path root, Path work) throws IOException {
        Path inputs = root.resolve("bench/inputs/full");
        InputGenerator.generate(inputs, InputGenerator.Profile.full(), Set.of("s1", "s2"));
        Path assets = Files.createDirectories(work.resolve("assets"));
        Files.copy(inputs.resolve("s2/canvas.png"), assets.resolve("canvas.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try (var tiles = Files.list(inputs.resolve("s2/tiles"))) {
            for (Path t : (Iterable<Path>) tiles::iterator) {
                Files.copy(t, assets.resolve(t.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.write(assets.resolve("photo.jpg"), Lamina.thumbnail(inputs.resolve("s1/background.png"),
                ThumbnailOptions.box(1600, 1200)).encode(JpegOptions.jpeg().quality(90)));
        Files.write(assets.resolve("logo.png"), Lamina.thumbnail(inputs.resolve("s1/watermark.png"),
                ThumbnailOptions.box(400, 400)).encode(PngOptions.png()));
        return assets;
    }

    private static Process java(Path work, String name, int port, String main) throws IOException {
        Path data = work.resolve("data-" + name);
        Path config = work.resolve(name + ".json");
        Files.writeString(config, """
                {"port": %d, "data": "%s", "accessLog": "%s", "benchmarkRoutes": true,
                 "keys": {"bench": "%s"},
                 "presets": {
                   "thumbnail": {"format": "jpeg", "quality": 85,
                     "params": {"asset": {"type": "asset"}, "w": {"type": "integer", "min": 16, "max": 1024, "default": 256}},
                     "recipe": {"version": 1, "canvas": {"asset": "{{asset}}", "width": "{{w}}", "height": "{{w}}", "fit": "inside"},
                                "layers": [{"type": "image", "asset": "{{asset}}", "width": "{{w}}", "height": "{{w}}", "fit": "inside"}]}},
                   "watermark": {"format": "jpeg", "quality": 85,
                     "params": {"asset": {"type": "asset"}},
                     "recipe": {"version": 1, "canvas": {"asset": "{{asset}}"},
                                "layers": [{"type": "image", "asset": "{{asset}}"},
                                           {"type": "image", "asset": "logo", "gravity": "south-east", "opacity": 0.7}]}}}}
                """.formatted(port, data, work.resolve(name + "-access.log"), KEY_HEX));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(javaBin, "-Xmx2g", "-cp", System.getProperty("java.class.path"), main, "--config",
                config.toString()).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile()).start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void waitUp(int port) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the server on port " + port + " did not come up");
    }

    private static void seed(int port, Path assets) throws Exception {
        HttpClient c = HttpClient.newHttpClient();
        try (var files = Files.list(assets)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String id = f.getFileName().toString().replaceAll("\\.[^.]+$", "");
                int st = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/assets/" + id))
                        .PUT(HttpRequest.BodyPublishers.ofFile(f)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (st != 200 && st != 201) {
                    throw new IllegalStateException("seeding " + id + " failed with " + st);
                }
            }
        }
    }

    private static void write(Path out, List<Result> results, Instant started, String loadBefore, String loadAfter,
                              int stepSeconds) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("started", started.toString());
        doc.put("loadavgBefore", loadBefore);
        doc.put("loadavgAfter", loadAfter);
        doc.put("cores", Runtime.getRuntime().availableProcessors());
        doc.put("stepSeconds", stepSeconds);
        doc.put("p99LimitMs", P99_LIMIT_MICROS / 1000);
        doc.put("results", results);
        Files.writeString(out.resolve("results.json"), new GsonBuilder().setPrettyPrinting().create().toJson(doc));
        StringBuilder md = new StringBuilder();
        md.append("Service load test, ").append(started).append("; load average before ").append(loadBefore)
                .append(", after ").append(loadAfter).append("; ").append(stepSeconds).append(" s per step.\n\n");
        md.append("| target | highest rate with P99 <= 50 ms, no errors | P99 there | server CPU (cores) | RSS | at twice the rate: ok/s, P99, errors | server CPU per request (median over steps) |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (Result r : results) {
            LoadTest.Step best = r.steps.stream().filter(s -> s.rate() == r.maxCleanRate).findFirst().orElse(null);
            md.append("| ").append(r.target).append(" | ").append(best == null ? "none" : "%.0f/s".formatted(r.maxCleanRate))
                    .append(" | ").append(best == null ? "-" : "%.1f ms".formatted(best.p99() / 1e3))
                    .append(" | ").append(best == null ? "-" : "%.2f".formatted(best.cpu()))
                    .append(" | ").append(best == null ? "-" : "%.0f MB".formatted(best.rssBytes() / 1048576.0))
                    .append(" | ").append(r.atTwice == null ? "-" : "%.0f/s, %.0f ms, %s".formatted(r.atTwice.throughput(),
                            r.atTwice.p99() / 1e3, r.atTwice.errors().isEmpty() ? "none" : r.atTwice.errors().toString()))
                    .append(" | ").append(cpuPerRequest(r.steps)).append(" |\n");
        }
        md.append("\nEvery step:\n\n```\n");
        for (Result r : results) {
            md.append(LoadTest.table(r.target, r.steps));
        }
        md.append("```\n");
        Files.writeString(out.resolve("service.md"), md.toString());
        heatMap(out.resolve("service-heatmap.png"), results);
        System.err.println(md);
    }

    /**
     * CPU milliseconds the server spent per answered request, the median over the steps: on a
     * shared machine the latencies measure the neighbours as much as the server, its CPU time
     * much less so.
     */
    private static String cpuPerRequest(List<LoadTest.Step> steps) {
        List<Double> ms = new ArrayList<>();
        for (LoadTest.Step s : steps) {
            if (s.cpu() >= 0 && s.throughput() > 0) {
                ms.add(1000 * s.cpu() / s.throughput());
            }
        }
        if (ms.isEmpty()) {
            return "-";
        }
        java.util.Collections.sort(ms);
        return "%.1f ms".formatted(ms.get(ms.size() / 2));
    }

    /** The study's heat map: one row of percentiles per target, arrival rate across, colour = latency. */
    private static void heatMap(Path file, List<Result> results) throws IOException {
        List<BufferedImage> charts = new ArrayList<>();
        String[] percentiles = {"p50", "p90", "p99", "p99.9"};
        for (Result r : results) {
            TreeSet<Double> rates = new TreeSet<>();
            r.steps.forEach(s -> rates.add(s.rate()));
            List<Double> xs = new ArrayList<>(rates);
            List<Number[]> cells = new ArrayList<>();
            for (LoadTest.Step s : r.steps) {
                int x = xs.indexOf(s.rate());
                long[] v = {s.p50(), s.p90(), s.p99(), s.p999()};
                for (int y = 0; y < v.length; y++) {
                    // Capped at 200 ms so the interesting range (the 50 ms target) keeps its colours.
                    cells.add(new Number[]{x, y, Math.min(200.0, v[y] / 1000.0)});
                }
            }
            HeatMapChart chart = new HeatMapChartBuilder().width(900).height(260)
                    .title(r.target + " (latency ms, capped at 200)").xAxisTitle("arrival rate (requests/s)")
                    .yAxisTitle("percentile").build();
            chart.getStyler().setRangeColors(new Color[]{new Color(0x1a9850), new Color(0xfee08b), new Color(0xd73027)});
            chart.getStyler().setMin(0);
            chart.getStyler().setMax(200);
            chart.getStyler().setShowValue(true);
            chart.getStyler().setHeatMapValueDecimalPattern("0");
            chart.addSeries("latency", xs.stream().map(d -> (Object) Long.toString(Math.round(d))).toList(),
                    List.of((Object[]) percentiles), cells);
            charts.add(BitmapEncoder.getBufferedImage(chart));
        }
        if (charts.isEmpty()) {
            return;
        }
        int h = charts.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage all = new BufferedImage(charts.getFirst().getWidth(), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        int y = 0;
        for (BufferedImage c : charts) {
            g.drawImage(c, 0, y, null);
            y += c.getHeight();
        }
        g.dispose();
        javax.imageio.ImageIO.write(all, "png", file.toFile());
    }
}
