package dev.lamina.bench.lab;

import com.google.gson.GsonBuilder;
import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.bench.lab.Results.Case;
import dev.lamina.bench.lab.Results.EngineInfo;
import dev.lamina.bench.lab.Results.LabRun;
import dev.lamina.bench.lab.Results.Machine;
import dev.lamina.bench.lab.Results.Run;
import dev.lamina.bench.precision.Precision;
import dev.lamina.bench.precision.ReferenceOver;
import dev.lamina.bench.report.Report;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;

/**
 * The lab runner: {@code Lab [SCENARIO...] [--runs N] [--peers a,b] [--smoke] [--s3-count N] [--repo DIR]}.
 *
 * <p>Every engine runs each scenario case as a fresh process: one warm-up, then N counted runs,
 * taken round-robin over the engines so drift in the machine's load spreads over all of them.
 * Each run is measured by the kernel (wall, user and system CPU, peak RSS) and its output sized;
 * the output of the last run is measured for precision against the float64 reference. Everything,
 * every run included, goes to one JSON file under bench/results/, then the report is written.
 */
public final class Lab {
    /**
     * PNG settings fixed for every engine: zlib level 6 with adaptive row filtering (Lamina's
     * default, libpng's and ImageMagick's). libvips and sharp default to no row filtering, which
     * is faster and makes files about twice as large on photos; the lab names "all filters" for
     * them (libvips' filter=all, sharp's adaptiveFiltering) so every engine does the same work.
     */
    static final int PNG_LEVEL = 6;
    static final String JPEG_Q = "0.85";
    static final int THUMB_EDGE = 256;
    static final List<String> SCENARIOS = List.of("s1", "s2", "s3", "s4", "p1", "p2", "f1");
    /** P2's kernel table: the lab's names; each engine maps them to its own or has none such. */
    static final List<String> KERNELS = List.of("nearest", "linear", "cubic", "mitchell", "lanczos3", "lanczos4", "area", "progressive");

    private final Path repo;
    private final Engines engines;
    private final Path inputs;
    private final Path work;
    private final InputGenerator.Profile profile;
    private final int runs;
    private final List<String> notes = new ArrayList<>();

    private Lab(Path repo, Path java, InputGenerator.Profile profile, int runs, Path work) {
        this.repo = repo;
        this.engines = new Engines(repo, java);
        this.profile = profile;
        this.inputs = repo.resolve("bench/inputs").resolve(profile.name());
        this.runs = runs;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        List<String> scenarios = new ArrayList<>();
        Set<String> peers = new LinkedHashSet<>();
        int runs = 5;
        boolean smoke = false;
        int s3Count = 0;
        Path repo = Path.of(".").toAbsolutePath().normalize();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--peers" -> peers.addAll(Arrays.asList(args[++i].split(",")));
                case "--smoke" -> smoke = true;
                case "--s3-count" -> s3Count = Integer.parseInt(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]).toAbsolutePath().normalize();
                default -> {
                    if (!SCENARIOS.contains(args[i].toLowerCase())) {
                        System.err.println("unknown scenario or option: " + args[i] + " (scenarios: " + SCENARIOS + ")");
                        System.exit(2);
                    }
                    scenarios.add(args[i].toLowerCase());
                }
            }
        }
        if (scenarios.isEmpty()) {
            // At full size S3 (a 100-image batch of 16 MP pictures per engine) takes long: it
            // runs when named, or in the smoke profile where it is small.
            scenarios.addAll(smoke ? SCENARIOS : List.of("s1", "s2", "s4", "p1", "p2", "f1"));
        }
        if (!Measure.available()) {
            System.err.println("GNU time (/usr/bin/time) is needed for CPU and peak RSS: run bench/install-peers.sh");
            System.exit(2);
        }
        InputGenerator.Profile profile = smoke ? InputGenerator.Profile.smoke() : InputGenerator.Profile.full();
        if (s3Count > 0) {
            profile = profile.withS3Count(s3Count);
        }
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path work = Files.createDirectories(repo.resolve("bench/results/tmp").resolve(stamp));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Lab lab = new Lab(repo, java, profile, runs, work);
        LabRun result = lab.run(scenarios, peers, stamp);
        Path json = repo.resolve("bench/results").resolve(stamp + "-" + profile.name() + ".json");
        Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(result));
        System.out.println("lab: results in " + repo.relativize(json));
        Path report = repo.resolve("bench/report");
        Report.write(result, report);
        System.out.println("lab: report in " + repo.relativize(report) + "/index.html and benchmarks.md");
        List<String> failed = result.cases().stream().filter(c -> c.status().equals("failed"))
                .map(c -> c.caseId() + " " + c.engine() + ": " + c.note()).toList();
        if (!failed.isEmpty()) {
            // An engine that is present but fails is a broken lab (or a broken Lamina): say so loudly.
            failed.forEach(f -> System.err.println("lab: FAILED " + f));
            System.exit(1);
        }
    }

    private LabRun run(List<String> scenarios, Set<String> wanted, String stamp) throws Exception {
        Machine machine = MachineInfo.detect();
        double load = Double.parseDouble(machine.loadAverageAtStart().split(" ")[0]);
        boolean quiet = load < 0.5 * machine.cores();
        if (!quiet) {
            notes.add("The machine was busy when the lab started (1-min load " + load + " on " + machine.cores()
                    + " cores): absolute figures are noisy; compare engines by the ratios within this run.");
        }
        log("generating inputs (" + profile.name() + ") under " + repo.relativize(inputs));
        InputGenerator.generate(inputs, profile, Set.copyOf(scenarios));
        List<EngineInfo> infos = engines.probe(wanted);
        for (EngineInfo e : infos) {
            log("engine " + e.id() + ": " + e.status() + " " + e.version() + (e.note() == null ? "" : " - " + e.note()));
            if (e.status().equals("absent")) {
                notes.add(e.name() + " was not measured: " + e.note() + ".");
            }
        }
        List<Case> cases = new ArrayList<>();
        for (String s : scenarios) {
            switch (s) {
                case "s1" -> cases.addAll(compositeCase("s1", "s1", infos));
                case "p1" -> {
                    for (int layers = 2; layers <= 4; layers++) {
                        cases.addAll(compositeCase("p1", "p1-" + layers + "-layers", infos));
                    }
                }
                case "s2" -> cases.addAll(processCase("s2", "s2", infos));
                case "s4" -> cases.addAll(processCase("s4", "s4", infos));
                case "s3" -> cases.addAll(batchCase(infos));
                case "p2" -> {
                    for (String k : KERNELS) {
                        cases.addAll(resampleCase(infos, k, false));
                    }
                    cases.addAll(resampleCase(infos, null, true));
                }
                case "f1" -> {
                    for (String kind : FORMATS) {
                        cases.addAll(formatCase(infos, kind));
                    }
                }
                default -> throw new IllegalStateException(s);
            }
        }
        return new LabRun(1, stamp, profile.name(), runs, quiet, machine, infos, cases, notes);
    }

    /** S1 and P1: composites whose output is measured for precision. */
    private List<Case> compositeCase(String scenario, String caseId, List<EngineInfo> infos) throws Exception {
        Path dir = Files.createDirectories(work.resolve(caseId));
        List<Path> layers = new ArrayList<>();
        Path base;
        boolean centre = scenario.equals("s1");
        if (centre) {
            base = inputs.resolve("s1/background.png");
            layers.add(inputs.resolve("s1/watermark.png"));
        } else {
            base = inputs.resolve("p1/base.png");
            int n = Integer.parseInt(caseId.substring(3, 4));
            for (int i = 1; i < n + 1; i++) {
                layers.add(inputs.resolve("p1/layer-" + i + ".png"));
            }
        }
        BufferedImage baseImg = ImageIO.read(base.toFile());
        int w = baseImg.getWidth();
        int h = baseImg.getHeight();
        List<int[]> offsets = new ArrayList<>();
        for (Path l : layers) {
            BufferedImage li = ImageIO.read(l.toFile());
            int x = centre ? (w - li.getWidth()) / 2 : 0;
            int y = centre ? (h - li.getHeight()) / 2 : 0;
            offsets.add(new int[] {x, y});
        }
        double[] ref = ReferenceOver.over(base, layers, offsets);
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        for (EngineInfo e : infos) {
            Path out = dir.resolve(e.id() + ".png");
            List<String> cmd = compositeCommand(e, scenario, base, layers, offsets, out);
            commands.put(e.id(), cmd);
            outcome.put(e.id(), status(e, cmd));
        }
        List<Case> cases = measure(scenario, caseId, infos, commands, outcome, id -> dir.resolve(id + ".png"));
        List<Case> withPrecision = new ArrayList<>();
        for (Case c : cases) {
            if (!c.status().equals("ok")) {
                withPrecision.add(c);
                continue;
            }
            BufferedImage outImg = ImageIO.read(dir.resolve(c.engine() + ".png").toFile());
            String note = c.note();
            Precision p = null;
            String format = describe(outImg);
            if (outImg.getWidth() != w || outImg.getHeight() != h) {
                note = join(note, "output is " + outImg.getWidth() + "x" + outImg.getHeight() + ", not " + w + "x" + h);
            } else {
                boolean[] translucent = {false};
                int[] rgb = ReferenceOver.rgb(outImg, translucent);
                if (translucent[0]) {
                    note = join(note, "output has alpha below 255 although the base is opaque");
                }
                p = Precision.measure(rgb, ref, w, h);
            }
            withPrecision.add(new Case(c.scenario(), c.caseId(), c.engine(), c.status(), note, c.command(), c.warmup(),
                    c.runs(), c.median(), p, format, null, c.extra(), null));
        }
        return withPrecision;
    }

    private List<String> compositeCommand(EngineInfo e, String scenario, Path base, List<Path> layers,
                                          List<int[]> offsets, Path out) {
        List<String> cmd = new ArrayList<>();
        String png = String.valueOf(PNG_LEVEL);
        switch (e.id()) {
            case "lamina" -> {
                // As a user runs it: the launcher, with the JVM options it sets (serial collector,
                // small initial heap); the jar it runs is the one built here.
                cmd.addAll(List.of(engines.laminaLauncher().toString(), "composite", base.toString()));
                for (Path l : layers) {
                    cmd.add(l.toString());
                    if (!scenario.equals("s1")) {
                        cmd.addAll(List.of("--x", "0", "--y", "0"));
                    }
                }
                if (scenario.equals("s1")) {
                    cmd.addAll(List.of("--gravity", "centre"));
                }
                // Lamina's defaults (level 6, adaptive filters), named as for every engine.
                cmd.addAll(List.of("--compression", png, "--filter", "adaptive", "-o", out.toString()));
            }
            case "java2d", "opencv", "thumbnailator", "scrimage", "jvips" -> {
                cmd.addAll(javaPeer(e.id()));
                if (scenario.equals("s1")) {
                    cmd.addAll(List.of("s1", base.toString(), layers.getFirst().toString(), out.toString(), png));
                } else {
                    cmd.addAll(List.of("p1", out.toString(), png, base.toString()));
                    layers.forEach(l -> cmd.add(l.toString()));
                }
            }
            case "vips" -> {
                if (layers.size() == 1) {
                    cmd.addAll(List.of("vips", "composite2", base.toString(), layers.getFirst().toString(),
                            out + "[compression=" + png + ",filter=all]", "over",
                            "--x", String.valueOf(offsets.getFirst()[0]), "--y", String.valueOf(offsets.getFirst()[1])));
                } else {
                    String images = base + " " + layers.stream().map(Path::toString).collect(Collectors.joining(" "));
                    // The CLI takes blend modes as numbers: 2 is VIPS_BLEND_MODE_OVER; one mode applies to all.
                    cmd.addAll(List.of("vips", "composite", images, out + "[compression=" + png + ",filter=all]", "2"));
                }
            }
            case "imagemagick" -> {
                cmd.addAll(List.of(engines.convert(), base.toString()));
                for (Path l : layers) {
                    cmd.add(l.toString());
                    if (scenario.equals("s1")) {
                        cmd.addAll(List.of("-gravity", "center"));
                    }
                    cmd.add("-composite");
                }
                // Filter 5 is libpng's adaptive choice (ImageMagick's default for RGB; named anyway).
                cmd.addAll(List.of("-define", "png:compression-level=" + png, "-define", "png:compression-filter=5", out.toString()));
            }
            case "sharp" -> {
                cmd.addAll(List.of("node", engines.sharpScript().toString()));
                if (scenario.equals("s1")) {
                    cmd.addAll(List.of("s1", base.toString(), layers.getFirst().toString(), out.toString(), png));
                } else {
                    cmd.addAll(List.of("p1", out.toString(), png, base.toString()));
                    layers.forEach(l -> cmd.add(l.toString()));
                }
            }
            default -> throw new IllegalStateException(e.id());
        }
        return cmd;
    }

    /** F1's outputs: lossy WebP at quality 75, lossless WebP, uncompressed TIFF. */
    static final List<String> FORMATS = List.of("webp", "webp-lossless", "tiff");

    /**
     * F1, formats: P2's opaque photo written as lossy WebP (quality 75, each engine's default
     * effort), lossless WebP and uncompressed TIFF (the command line has no TIFF compression flag yet,
     * so every engine writes its uncompressed form); one process per conversion, the decode of the PNG
     * included. The output sizes are in the runs.
     */
    private List<Case> formatCase(List<EngineInfo> infos, String kind) throws Exception {
        String caseId = "f1-" + kind;
        Path dir = Files.createDirectories(work.resolve(caseId));
        Path src = inputs.resolve("p2/photo.png");
        String ext = kind.equals("tiff") ? ".tif" : ".webp";
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        for (EngineInfo e : infos) {
            List<String> cmd = formatCommand(e, kind, src, dir.resolve(e.id() + ext));
            commands.put(e.id(), cmd);
            outcome.put(e.id(), status(e, cmd));
        }
        return measure("f1", caseId, infos, commands, outcome, id -> dir.resolve(id + ext));
    }

    private List<String> formatCommand(EngineInfo e, String kind, Path src, Path out) {
        List<String> cmd = new ArrayList<>();
        switch (e.id()) {
            case "lamina" -> {
                cmd.addAll(List.of(engines.laminaLauncher().toString(), "convert", src.toString(), "-o", out.toString()));
                switch (kind) {
                    case "webp" -> cmd.addAll(List.of("--quality", "75"));
                    case "webp-lossless" -> cmd.add("--lossless");
                    default -> { }   // TIFF: the default, uncompressed
                }
            }
            case "vips" -> cmd.addAll(List.of("vips", "copy", src.toString(), out + switch (kind) {
                case "webp" -> "[Q=75]";
                case "webp-lossless" -> "[lossless]";
                default -> "[compression=none]";
            }));
            case "sharp" -> cmd.addAll(List.of("node", engines.sharpScript().toString(), "f1", src.toString(), out.toString(), kind));
            case "imagemagick" -> {
                cmd.addAll(List.of(engines.convert(), src.toString()));
                switch (kind) {
                    case "webp" -> cmd.addAll(List.of("-quality", "75"));
                    case "webp-lossless" -> cmd.addAll(List.of("-define", "webp:lossless=true"));
                    default -> cmd.addAll(List.of("-compress", "none"));
                }
                cmd.add(out.toString());
            }
            default -> {
                return null;   // the Java peers and jvips: no WebP writer (and the lab drives jvips on composites only)
            }
        }
        return cmd;
    }

    /** S2 and S4: process-level scenarios; S2 also records latencies (in process where the engine can). */
    private List<Case> processCase(String scenario, String caseId, List<EngineInfo> infos) throws Exception {
        Path dir = Files.createDirectories(work.resolve(caseId));
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        int iterations = profile.name().equals("smoke") ? 10 : 50;
        for (EngineInfo e : infos) {
            List<String> cmd = scenario.equals("s2") ? collageCommand(e, dir, iterations) : thumbnailCommand(e, dir);
            commands.put(e.id(), cmd);
            outcome.put(e.id(), status(e, cmd));
        }
        List<Case> cases = measure(scenario, caseId, infos, commands, outcome,
                id -> scenario.equals("s2") ? dir.resolve(id + ".jpg") : dir.resolve(id));
        List<Case> out = new ArrayList<>();
        for (Case c : cases) {
            if (!c.status().equals("ok")) {
                out.add(c);
                continue;
            }
            Map<String, Double> extra = new LinkedHashMap<>();
            List<Double> latencies = null;
            String note = c.note();
            if (scenario.equals("s2")) {
                Path lat = dir.resolve(c.engine() + ".latency");
                if (Files.exists(lat)) {
                    latencies = Files.readAllLines(lat).stream().filter(l -> !l.isBlank())
                            .map(l -> Long.parseLong(l.trim()) / 1e6).toList();
                    extra.put("iterationsPerProcess", (double) iterations);
                    note = join(note, iterations + " collages in one process; latencies in process");
                } else {
                    latencies = c.runs().stream().map(r -> r.wallSeconds() * 1000).toList();
                    note = join(note, "one collage per process; latency = process wall time, start-up included");
                }
            } else {
                int count = profile.s4Count();
                extra.put("images", (double) count);
                extra.put("imagesPerSecond", count / c.median().wallSeconds());
            }
            out.add(new Case(c.scenario(), c.caseId(), c.engine(), c.status(), note, c.command(), c.warmup(), c.runs(),
                    c.median(), null, scenario.equals("s2") ? "JPEG q85" : "JPEG q85, " + THUMB_EDGE + " px box", latencies, extra, null));
        }
        return out;
    }

    private List<String> collageCommand(EngineInfo e, Path dir, int iterations) throws IOException {
        Path canvas = inputs.resolve("s2/canvas.png");
        Path tiles = inputs.resolve("s2/tiles");
        List<Path> tileFiles;
        try (var s = Files.list(tiles)) {
            tileFiles = s.filter(p -> p.getFileName().toString().startsWith("tile-")).sorted().toList();
        }
        int perRow = profile.s2CanvasW() / profile.s2Tile();
        Path out = dir.resolve(e.id() + ".jpg");
        Path lat = dir.resolve(e.id() + ".latency");
        List<String> cmd = new ArrayList<>();
        switch (e.id()) {
            case "thumbnailator", "jvips" -> {
                return null;
            }
            case "lamina", "java2d", "opencv", "scrimage" -> {
                // S2 measures latency in process: Lamina through its Java API (LaminaPeer), like the Java peers.
                cmd.addAll(javaPeer(e.id()));
                cmd.addAll(List.of("s2", canvas.toString(), tiles.toString(), out.toString(), JPEG_Q,
                        String.valueOf(iterations), lat.toString()));
            }
            case "sharp" -> cmd.addAll(List.of("node", engines.sharpScript().toString(), "s2", canvas.toString(),
                    tiles.toString(), out.toString(), JPEG_Q, String.valueOf(iterations), lat.toString()));
            case "vips" -> {
                StringBuilder images = new StringBuilder(canvas.toString());
                StringBuilder xs = new StringBuilder();
                StringBuilder ys = new StringBuilder();
                        for (int i = 0; i < tileFiles.size(); i++) {
                    images.append(' ').append(tileFiles.get(i));
                    xs.append(i == 0 ? "" : " ").append((i % perRow) * profile.s2Tile());
                    ys.append(i == 0 ? "" : " ").append((i / perRow) * profile.s2Tile());
                }
                cmd.addAll(List.of("vips", "composite", images.toString(), out + "[Q=85]", "2",
                        "--x", xs.toString(), "--y", ys.toString()));
            }
            case "imagemagick" -> {
                cmd.addAll(List.of(engines.convert(), canvas.toString()));
                for (int i = 0; i < tileFiles.size(); i++) {
                    cmd.addAll(List.of(tileFiles.get(i).toString(), "-geometry",
                            "+" + (i % perRow) * profile.s2Tile() + "+" + (i / perRow) * profile.s2Tile(), "-composite"));
                }
                cmd.addAll(List.of("-quality", "85", out.toString()));
            }
            default -> throw new IllegalStateException(e.id());
        }
        return cmd;
    }

    private List<String> thumbnailCommand(EngineInfo e, Path dir) throws IOException {
        Path in = inputs.resolve("s4");
        Path out = dir.resolve(e.id());
        List<Path> files;
        try (var s = Files.list(in)) {
            files = s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        List<String> cmd = new ArrayList<>();
        String edge = String.valueOf(THUMB_EDGE);
        switch (e.id()) {
            case "jvips" -> {
                return null;
            }
            case "lamina" -> {
                // As vipsthumbnail: the launcher, one process for the whole set, output named after each input.
                cmd.addAll(List.of(engines.laminaLauncher().toString(), "thumbnail", "--size", edge, "--quality", "85",
                        "-o", out + "/%s.jpg"));
                files.forEach(f -> cmd.add(f.toString()));
            }
            case "java2d", "opencv", "thumbnailator", "scrimage" -> {
                cmd.addAll(javaPeer(e.id()));
                cmd.addAll(List.of("s4", in.toString(), out.toString(), edge, JPEG_Q));
            }
            case "sharp" -> cmd.addAll(List.of("node", engines.sharpScript().toString(), "s4", in.toString(),
                    out.toString(), edge, JPEG_Q));
            case "vips" -> {
                cmd.addAll(List.of("vipsthumbnail", "--size", edge, "-o", out + "/%s.jpg[Q=85]"));
                files.forEach(f -> cmd.add(f.toString()));
            }
            case "imagemagick" -> {
                // mogrify is ImageMagick's batch form of convert: one process for the whole set.
                String mogrify = engines.convert().replace("convert", "mogrify");
                cmd.addAll(List.of(mogrify, "-path", out.toString(), "-thumbnail", edge + "x" + edge, "-quality", "85"));
                files.forEach(f -> cmd.add(f.toString()));
            }
            default -> throw new IllegalStateException(e.id());
        }
        return cmd;
    }

    /**
     * S3, the big batch: one run per engine (the batch warms itself up), with the memory time
     * series. Java engines log their collections (-Xlog:gc to a file: a log, not a tuning).
     */
    private List<Case> batchCase(List<EngineInfo> infos) throws Exception {
        Path dir = Files.createDirectories(work.resolve("s3"));
        Path in = inputs.resolve("s3/batch");
        Path wm = inputs.resolve("s1/watermark.png");
        BufferedImage wmImg = ImageIO.read(wm.toFile());
        int x = (profile.s3Size() - wmImg.getWidth()) / 2;
        int y = (profile.s3Size() - wmImg.getHeight()) / 2;
        List<Path> files;
        try (var st = Files.list(in)) {
            files = st.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        List<Case> cases = new ArrayList<>();
        for (EngineInfo e : infos) {
            Path out = dir.resolve(e.id());
            Path gcLog = dir.resolve(e.id() + "-gc.log");
            String png = String.valueOf(PNG_LEVEL);
            List<String> cmd = new ArrayList<>();
            switch (e.id()) {
                case "lamina", "java2d", "opencv", "thumbnailator", "scrimage", "jvips" -> {
                    String main = javaPeer(e.id()).getLast().replace("dev.lamina.bench.peers.", "");
                    cmd.addAll(List.of(engines.java().toString(), "-Xlog:gc:file=" + gcLog + ":uptime", "-cp", engines.classPath(),
                            "dev.lamina.bench.peers." + main, "s3", in.toString(), wm.toString(), out.toString(), png));
                }
                case "vips" -> cmd.addAll(List.of("sh", "-c", "for f in \"$0\"/*.png; do vips composite2 \"$f\" \"$1\" \"$2/$(basename \"$f\")[compression=" + png
                        + ",filter=all]\" over --x " + x + " --y " + y + " || exit 1; done", in.toString(), wm.toString(), out.toString()));
                case "imagemagick" -> {
                    String mogrify = engines.convert().replace("convert", "mogrify");
                    cmd.addAll(List.of(mogrify, "-path", out.toString(), "-gravity", "center", "-draw", "image Over 0,0 0,0 '" + wm + "'",
                            "-define", "png:compression-level=" + png, "-define", "png:compression-filter=5"));
                    files.forEach(f -> cmd.add(f.toString()));
                }
                case "sharp" -> cmd.addAll(List.of("node", engines.sharpScript().toString(), "s3", in.toString(), wm.toString(), out.toString(), png));
                default -> throw new IllegalStateException(e.id());
            }
            String st = status(e, cmd);
            if (!st.equals("ok")) {
                cases.add(new Case("s3", "s3", e.id(), st, e.note(), cmd, null, List.of(), null, null, null, null, null, null));
                continue;
            }
            deleteRecursively(out);
            Files.createDirectories(out);
            Files.deleteIfExists(gcLog);
            List<double[]> rss = new ArrayList<>();
            Run r = Measure.run(cmd, out, work.resolve("s3-" + e.id() + ".log"), 3600, rss);
            log("%s %-13s batch wall %.1fs cpu %.1fs rss %d MB out %d MB".formatted("s3", e.id(), r.wallSeconds(),
                    r.cpuSeconds(), r.peakRssKb() / 1024, r.outputBytes() >> 20));
            deleteRecursively(out); // 100 large PNGs per engine: do not keep them
            if (r.exitCode() != 0) {
                cases.add(new Case("s3", "s3", e.id(), "failed", "exit " + r.exitCode(), cmd, null, List.of(r), null, null, null, null, null, null));
                continue;
            }
            GcLog gc = Files.exists(gcLog) ? GcLog.parse(Files.readAllLines(gcLog)) : null;
            Map<String, Double> extra = new LinkedHashMap<>();
            extra.put("images", (double) files.size());
            extra.put("imagesPerSecond", files.size() / r.wallSeconds());
            String note = e.id().equals("lamina") ? "through Lamina's Java API in one process (LaminaPeer), as a service would"
                    : e.id().equals("vips") ? "one vips process per image (the CLI has no batch composite); peak RSS is the largest one" : null;
            if (gc != null) {
                extra.put("gcCount", (double) gc.pauses().size());
                extra.put("gcPauseTotalMs", gc.pauses().stream().mapToDouble(v -> v[1]).sum());
            }
            cases.add(new Case("s3", "s3", e.id(), "ok", note, cmd, null, List.of(r), r, null,
                    "PNG, " + files.size() + " images of " + profile.s3Size() + "x" + profile.s3Size(), null, extra,
                    new Results.Series(rss, gc == null ? null : gc.heapAfter(), gc == null ? null : gc.pauses(),
                            gc == null ? null : gc.allocationRate())));
        }
        return cases;
    }

    /**
     * P2. The kernel table: the photo 4x down then 4x up with the same kernel, PSNR and the rest
     * against the original. The fringe test (kernel == null): the white-on-transparent picture 4x
     * down with the engine's best shrinking kernel; any visible pixel darker than white is fringe.
     */
    private List<Case> resampleCase(List<EngineInfo> infos, String kernel, boolean fringe) throws Exception {
        String caseId = fringe ? "p2-fringe" : "p2-" + kernel;
        Path dir = Files.createDirectories(work.resolve(caseId));
        Path src = inputs.resolve(fringe ? "p2/fringe.png" : "p2/photo.png");
        BufferedImage srcImg = ImageIO.read(src.toFile());
        int w = srcImg.getWidth();
        int h = srcImg.getHeight();
        Map<String, List<String>> commands = new LinkedHashMap<>();
        Map<String, String> outcome = new LinkedHashMap<>();
        Map<String, String> kernelOf = new LinkedHashMap<>();
        for (EngineInfo e : infos) {
            String k = fringe ? bestShrinkKernel(e.id()) : kernel;
            kernelOf.put(e.id(), k);
            Path down = dir.resolve(e.id() + "-down.png");
            Path up = dir.resolve(e.id() + "-up.png");
            List<String> a = resizeCommand(e.id(), src, down, w / 4, h / 4, k);
            List<String> cmd = null;
            if (a != null && fringe) {
                cmd = a;
            } else if (a != null) {
                List<String> b = resizeCommand(e.id(), down, up, w, h, k);
                cmd = List.of("sh", "-c", shell(a) + " && " + shell(b));
            }
            commands.put(e.id(), cmd);
            outcome.put(e.id(), status(e, cmd));
        }
        List<Case> cases = measure("p2", caseId, infos, commands, outcome,
                id -> dir.resolve(id + (fringe ? "-down.png" : "-up.png")));
        double[] ref = fringe ? null : ReferenceOver.base(srcImg);
        List<Case> out = new ArrayList<>();
        for (Case c : cases) {
            if (!c.status().equals("ok")) {
                out.add(c);
                continue;
            }
            BufferedImage img = ImageIO.read(dir.resolve(c.engine() + (fringe ? "-down.png" : "-up.png")).toFile());
            Precision p = null;
            Map<String, Double> extra = new LinkedHashMap<>();
            String note = "kernel " + kernelOf.get(c.engine());
            if (fringe) {
                double[] f = fringe(img);
                extra.put("fringeMaxDeficit", f[0]);
                extra.put("fringeMeanDeficit", f[1]);
            } else if (img.getWidth() == w && img.getHeight() == h) {
                p = Precision.measure(ReferenceOver.rgb(img, new boolean[1]), ref, w, h);
            } else {
                note = join(note, "output is " + img.getWidth() + "x" + img.getHeight());
            }
            out.add(new Case(c.scenario(), c.caseId(), c.engine(), c.status(), join(c.note(), note), c.command(), c.warmup(),
                    c.runs(), c.median(), p, describe(img), null, extra, null));
        }
        return out;
    }

    /** Over visible pixels (alpha >= 5%): the largest and the mean shortfall of the darkest channel from white. */
    static double[] fringe(BufferedImage img) {
        double max = 0;
        double sum = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                if ((p >>> 24) < 13) {
                    continue;
                }
                int darkest = Math.min(p >> 16 & 0xFF, Math.min(p >> 8 & 0xFF, p & 0xFF));
                max = Math.max(max, 255 - darkest);
                sum += 255 - darkest;
                n++;
            }
        }
        return new double[] {max, n == 0 ? 0 : sum / n};
    }

    private static String bestShrinkKernel(String engine) {
        return switch (engine) {
            case "java2d" -> "cubic";
            case "opencv" -> "area";
            case "thumbnailator" -> "progressive";
            default -> "lanczos3";
        };
    }

    /** One resize to exactly width x height with the lab's kernel name, or null if the engine has none such. */
    private List<String> resizeCommand(String engine, Path in, Path out, int width, int height, String kernel) {
        String png = String.valueOf(PNG_LEVEL);
        switch (engine) {
            case "java2d", "opencv", "thumbnailator", "scrimage" -> {
                Set<String> has = switch (engine) {
                    case "java2d" -> Set.of("nearest", "linear", "cubic");
                    case "opencv" -> Set.of("nearest", "linear", "cubic", "lanczos4", "area");
                    case "scrimage" -> Set.of("nearest", "linear", "cubic", "lanczos3", "progressive");
                    default -> Set.of("progressive");
                };
                if (!has.contains(kernel)) {
                    return null;
                }
                List<String> cmd = new ArrayList<>(javaPeer(engine));
                cmd.addAll(List.of("p2", in.toString(), out.toString(), String.valueOf(width), String.valueOf(height), kernel));
                return cmd;
            }
            case "vips", "sharp" -> {
                if (!Set.of("nearest", "linear", "cubic", "mitchell", "lanczos3").contains(kernel)) {
                    return null;
                }
                if (engine.equals("sharp")) {
                    return List.of("node", engines.sharpScript().toString(), "p2", in.toString(), out.toString(),
                            String.valueOf(width), String.valueOf(height), kernel);
                }
                // Scale factors: the sides are multiples of 4, so both are exact.
                double scale = (double) width / readWidth(in);
                return List.of("vips", "resize", in.toString(), out + "[compression=" + png + ",filter=all]",
                        String.valueOf(scale), "--kernel", kernel);
            }
            case "imagemagick" -> {
                String filter = switch (kernel) {
                    case "nearest" -> "Point";
                    case "linear" -> "Triangle";
                    case "cubic" -> "Catrom";
                    case "mitchell" -> "Mitchell";
                    case "lanczos3" -> "Lanczos";
                    default -> null;
                };
                return filter == null ? null : List.of(engines.convert(), in.toString(), "-filter", filter, "-resize",
                        width + "x" + height + "!", "-define", "png:compression-level=" + png, out.toString());
            }
            case "lamina" -> {
                if (!Set.of("nearest", "linear", "cubic", "mitchell", "lanczos3").contains(kernel)) {
                    return null;
                }
                return List.of(engines.laminaLauncher().toString(), "resize", in.toString(), "-o", out.toString(),
                        "--width", String.valueOf(width), "--height", String.valueOf(height), "--kernel", kernel,
                        "--compression", png);
            }
            default -> {
                return null;   // jvips: the lab drives it on the composites only
            }
        }
    }

    private int readWidth(Path p) {
        // The down-scaled file does not exist when the command is built: derive it from the input.
        return p.getFileName().toString().endsWith("-down.png") ? profile.p1W() / 4
                : p.getFileName().toString().equals("fringe.png") ? Math.min(profile.p1W(), profile.p1H()) : profile.p1W();
    }

    private static String shell(List<String> args) {
        return args.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    private List<String> javaPeer(String id) {
        String main = switch (id) {
            case "lamina" -> "LaminaPeer";
            case "java2d" -> "Java2dPeer";
            case "opencv" -> "OpenCvPeer";
            case "thumbnailator" -> "ThumbnailatorPeer";
            case "scrimage" -> "ScrimagePeer";
            case "jvips" -> "JvipsPeer";
            default -> throw new IllegalStateException(id);
        };
        // Default JVM settings: no heap or GC tuning that users would not get.
        return List.of(engines.java().toString(), "-cp", engines.classPath(), "dev.lamina.bench.peers." + main);
    }

    private static String status(EngineInfo e, List<String> cmd) {
        if (!e.status().equals("ok")) {
            return e.status();
        }
        if (cmd == null) {
            return "unsupported";
        }
        return "ok";
    }

    interface OutputOf {
        Path of(String engine);
    }

    /** One warm-up per engine, then runs rounds of every engine in turn. */
    private List<Case> measure(String scenario, String caseId, List<EngineInfo> infos, Map<String, List<String>> commands,
                               Map<String, String> outcome, OutputOf outputOf) throws Exception {
        Map<String, Run> warmups = new LinkedHashMap<>();
        Map<String, List<Run>> counted = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> active = infos.stream().map(EngineInfo::id).filter(id -> outcome.get(id).equals("ok")).toList();
        for (int round = -1; round < runs; round++) {
            for (String id : active) {
                if (failures.containsKey(id)) {
                    continue;
                }
                Path out = outputOf.of(id);
                deleteRecursively(out);
                if (!out.getFileName().toString().contains(".")) {
                    // A batch writes into a directory; vipsthumbnail and mogrify expect it to exist.
                    Files.createDirectories(out);
                }
                Path log = work.resolve(caseId + "-" + id + ".log");
                Run r = Measure.run(commands.get(id), out, log, 900);
                if (r.exitCode() != 0) {
                    String tail = Files.exists(log) ? Files.readString(log).strip() : "";
                    tail = tail.lines().reduce((a, b) -> b).orElse("");
                    failures.put(id, "exit " + r.exitCode() + ": " + tail);
                    log(caseId + " " + id + " failed: " + failures.get(id));
                    continue;
                }
                if (round < 0) {
                    warmups.put(id, r);
                } else {
                    counted.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
                }
                log("%s %-13s %s wall %.2fs cpu %.2fs rss %d MB out %d kB".formatted(caseId, id,
                        round < 0 ? "warm-up" : "run " + (round + 1), r.wallSeconds(), r.cpuSeconds(),
                        r.peakRssKb() / 1024, r.outputBytes() / 1024));
            }
        }
        List<Case> cases = new ArrayList<>();
        for (EngineInfo e : infos) {
            String id = e.id();
            String st = outcome.get(id);
            String note = switch (st) {
                case "not-yet" -> "Lamina does not have this operation yet";
                // The binding could do more, but the lab drives jvips on the composites only.
                case "unsupported" -> id.equals("jvips") ? "the lab measures jvips on the composites (S1, P1, S3) only"
                        : e.name() + (scenario.equals("p2") ? " has no such kernel" : " has no such operation");
                case "absent" -> e.note();
                default -> null;
            };
            if (failures.containsKey(id)) {
                st = "failed";
                note = failures.get(id);
            }
            List<Run> rs = counted.getOrDefault(id, List.of());
            cases.add(new Case(scenario, caseId, id, st, note, commands.get(id), warmups.get(id), rs,
                    st.equals("ok") ? Measure.median(rs) : null, null, null, null, null, null));
        }
        return cases;
    }

    private static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        if (Files.isDirectory(p)) {
            try (var s = Files.walk(p)) {
                for (Path f : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    Files.delete(f);
                }
            }
        } else {
            Files.delete(p);
        }
    }

    private static String describe(BufferedImage img) {
        int bands = img.getColorModel().getNumComponents();
        return "PNG " + (bands == 4 ? "RGBA" : bands == 3 ? "RGB" : bands + " bands") + " "
                + img.getColorModel().getComponentSize(0) + "-bit";
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }

    private static void log(String s) {
        System.out.println("lab: " + s);
    }
}
