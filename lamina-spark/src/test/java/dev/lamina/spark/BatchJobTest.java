package dev.lamina.spark;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.SaveOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.recipe.Assets;
import dev.lamina.recipe.RecipeLimits;
import dev.lamina.recipe.RecipeParser;
import dev.lamina.recipe.Recipes;
import dev.lamina.text.FontLibrary;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.spark_partition_id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Batches on {@code local[2]}, one Spark session for the class. Expected outputs are made by
 * Lamina's public API with the calls the CLI makes (ThumbnailCommand: {@code Lamina.thumbnail(file,
 * options, load)} then save; CompositeCommand: {@code Lamina.open(base).composite(layers)}), so a
 * batch on Spark writes the bytes {@code lamina} writes on one machine. A recipe template's expected
 * bytes are lamina-recipe's {@code Recipes.render} of the same recipe and inputs in this process.
 */
class BatchJobTest {
    private static SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("lamina-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private JobSpec spec(Path in, Path out) {
        return JobSpec.empty().withInputs(List.of(in.toString()))
                .withOutput(new JobSpec.Output(out.toString(), null, null, null, null, null));
    }

    @Test
    void thumbnailsAndWatermarksAreTheBytesTheApiWrites() throws IOException {
        Path in = dir.resolve("in");
        TestImages.png(in.resolve("rgba.png"), 300, 200, 4, 1);
        TestImages.png(in.resolve("grey.png"), 150, 260, 1, 2);
        TestImages.jpeg(in.resolve("2024/june/photo.jpg"), 640, 480, 3);
        TestImages.jpeg(in.resolve("2024/july.jpeg"), 333, 517, 4);
        Path wm = TestImages.png(dir.resolve("logo.png"), 60, 30, 4, 5);
        Path out = dir.resolve("out");

        JobSpec spec = spec(in, out).withThumbnail(JobSpec.Thumbnail.ofSize("120x90").withFit(ThumbnailOptions.Fit.COVER))
                .withWatermark(new JobSpec.Watermark(wm.toString(), Gravity.SOUTH_EAST, 0.6, BlendMode.MULTIPLY, null));
        spec = spec.withOutput(spec.output().withPattern("{dir}/{name}-thumb.{ext}").withJpeg(new JobSpec.Jpeg(88, null, null, null)));
        Summary s = BatchJob.run(spark, spec);

        assertEquals(4, s.files());
        assertEquals(4, s.ok(), s.report());
        assertEquals(1, s.engines(), "one engine (one watermark decode) for the executor, whatever the number of tasks");
        ThumbnailOptions thumb = ThumbnailOptions.box(120, 90).fit(ThumbnailOptions.Fit.COVER);
        Layer logo = Layer.of(Lamina.open(wm)).gravity(Gravity.SOUTH_EAST).opacity(0.6).mode(BlendMode.MULTIPLY);
        Map<String, Row> rows = rows(out);
        for (String name : List.of("rgba.png", "grey.png", "2024/june/photo.jpg", "2024/july.jpeg")) {
            Path input = in.resolve(name);
            String outName = name.replaceFirst("\\.(\\w+)$", "-thumb.$1");
            SaveOptions format = name.endsWith(".png") ? PngOptions.png() : JpegOptions.jpeg().quality(88);
            byte[] expected = Lamina.thumbnail(input, thumb, LoadOptions.defaults()).composite(logo).encode(format);
            assertArrayEquals(expected, Files.readAllBytes(out.resolve(outName)), outName);

            Row r = rows.get(input.toUri().toString().replace("file:///", "file:/"));
            assertEquals("ok", r.getAs("status"));
            assertNull(r.getAs("error"));
            assertEquals(Files.size(input), (long) r.getAs("bytes_in"));
            assertEquals(expected.length, (long) r.getAs("bytes_out"));
            LaminaImage original = Lamina.open(input);
            assertEquals(original.width(), (int) r.getAs("width"));
            assertEquals(original.height(), (int) r.getAs("height"));
            assertEquals((long) original.width() * original.height(), (long) r.getAs("pixels"));
            assertEquals(120, (int) r.getAs("out_width"));
            assertEquals(90, (int) r.getAs("out_height"));
            assertEquals(out.resolve(outName).toUri().toString().replace("file:///", "file:/"), r.getAs("output"));
        }
        assertEquals(new TreeSet<>(List.of("2024/july-thumb.jpeg", "2024/june/photo-thumb.jpg", "grey-thumb.png", "rgba-thumb.png")),
                outputs(out));
    }

    /** A card whose canvas takes the slot's size (160 wide, the height by the photo's aspect ratio). */
    private static final String CARD = """
            {"version": 1,
             "canvas": {"asset": "photo", "width": 160, "background": "#203040"},
             "layers": [
               {"type": "image", "asset": "photo", "width": 160},
               {"type": "fill", "paint": "#00000040", "blend": "multiply"},
               {"type": "image", "asset": "logo", "gravity": "south-east", "opacity": 0.8},
               {"type": "text", "text": "Lamina", "font": "DejaVu Sans Bold", "size": 18, "color": "#ffffff", "x": 8, "y": 6,
                "effects": [{"type": "shadow", "dx": 1, "dy": 1, "sigma": 1.5, "opacity": 0.7}]}
             ]}""";

    /** Renders {@code json} with lamina-recipe in this process: the expected bytes, without Spark. */
    private static byte[] rendered(String json, String slot, LaminaImage input, Map<String, LaminaImage> others, int bitDepth,
                                   SaveOptions format) {
        Map<String, LaminaImage> assets = new HashMap<>(others);
        assets.put(slot, input);
        return Recipes.render(RecipeParser.parse(json), Assets.of(assets), FontLibrary.withBundled(), RecipeLimits.defaults(), bitDepth)
                .encode(format);
    }

    @Test
    void recipeTemplatesAreTheBytesLaminaRecipeRendersAndABadInputIsAnErrorRow() throws IOException {
        Path in = dir.resolve("in");
        TestImages.png(in.resolve("rgba.png"), 300, 200, 4, 51);
        TestImages.jpeg(in.resolve("photo.jpg"), 640, 480, 52);
        Files.writeString(in.resolve("notes.png"), "not an image at all");
        Path logo = TestImages.png(dir.resolve("logo.png"), 40, 24, 4, 53);
        Path card = Files.writeString(dir.resolve("card.json"), CARD);
        Path out = dir.resolve("out");
        JobSpec spec = spec(in, out).withRecipe(new JobSpec.Template(card.toString(), "photo", Map.of("logo", logo.toString()), null));
        spec = spec.withOutput(spec.output().withPattern("{name}.{ext}").withJpeg(new JobSpec.Jpeg(90, null, null, null)));
        Summary s = BatchJob.run(spark, spec);

        assertEquals(3, s.files());
        assertEquals(2, s.ok(), s.report());
        assertEquals(1, s.engines(), "the recipe parsed and its logo decoded once for the executor");
        Map<String, LaminaImage> others = Map.of("logo", Lamina.open(logo));
        byte[] png = rendered(CARD, "photo", Lamina.open(in.resolve("rgba.png")), others, 8, PngOptions.png());
        assertArrayEquals(png, Files.readAllBytes(out.resolve("rgba.png")));
        byte[] jpeg = rendered(CARD, "photo", Lamina.open(in.resolve("photo.jpg")), others, 8, JpegOptions.jpeg().quality(90));
        assertArrayEquals(jpeg, Files.readAllBytes(out.resolve("photo.jpg")));
        Map<String, Row> rows = rows(out);
        Row r = rows.get(in.resolve("photo.jpg").toUri().toString().replace("file:///", "file:/"));
        assertEquals(640, (int) r.getAs("width"));
        assertEquals(160, (int) r.getAs("out_width"));
        assertEquals(120, (int) r.getAs("out_height"), "the canvas took the photo's aspect ratio");
        assertFailed(rows, in.resolve("notes.png"), "UNSUPPORTED", "notes.png: not a PNG, JPEG, TIFF or WebP");
        assertEquals(Set.of("rgba.png", "photo.jpg"), outputs(out));
    }

    @Test
    void aThumbnailFillsTheSlotAndACropOutsideASmallInputIsThatInputsErrorRow() throws IOException {
        Path in = dir.resolve("in");
        TestImages.png(in.resolve("wide.png"), 300, 200, 4, 61);
        TestImages.png(in.resolve("tall.png"), 150, 260, 3, 62);
        String json = """
                {"version": 1, "canvas": {"width": 100, "height": 80, "background": "#ffffff"},
                 "layers": [{"type": "fill", "paint": "#ff8800"},
                            {"type": "image", "asset": "input", "crop": {"x": 10, "y": 5, "width": 80, "height": 60}, "x": 10, "y": 10,
                             "effects": [{"type": "shadow", "dx": 2, "dy": 3, "sigma": 3, "opacity": 0.5}]}]}""";
        Path recipe = Files.writeString(dir.resolve("crop.json"), json);
        Path out = dir.resolve("out");
        JobSpec spec = spec(in, out).withThumbnail(JobSpec.Thumbnail.ofSize("120"))
                .withRecipe(new JobSpec.Template(recipe.toString(), null, null, 16));
        Summary s = BatchJob.run(spark, spec);

        assertEquals(1, s.ok(), s.report());
        assertEquals(1, s.failed());
        // wide.png's thumbnail is 120x80: the crop fits; tall.png's is 69x120: 10 + 80 > 69.
        LaminaImage thumb = Lamina.thumbnail(in.resolve("wide.png"), ThumbnailOptions.edge(120), LoadOptions.defaults());
        assertArrayEquals(rendered(json, "input", thumb, Map.of(), 16, PngOptions.png()), Files.readAllBytes(out.resolve("wide.png")));
        assertFailed(rows(out), in.resolve("tall.png"), "BAD_INPUT", "tall.png: " + recipe + ": layers[1].crop: 80x60 at (10, 5) is not inside the 69x120 image \"input\"");
    }

    @Test
    void anInvalidRecipeIsRefusedBeforeTheJobRunsWithItsJsonPath() throws IOException {
        Path in = dir.resolve("in");
        TestImages.png(in.resolve("a.png"), 32, 32, 3, 71);
        Path logo = TestImages.png(dir.resolve("logo.png"), 8, 8, 4, 72);
        Path out = dir.resolve("out");
        Path unknownAsset = Files.writeString(dir.resolve("unknown.json"), CARD.replace("\"asset\": \"logo\"", "\"asset\": \"logo2\""));
        Path badSchema = Files.writeString(dir.resolve("schema.json"), CARD.replace("\"size\": 18", "\"size\": \"big\""));
        Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"version\": 1, \"canvas\": ");
        Map<Path, String> expected = Map.of(
                unknownAsset, unknownAsset + ": layers[2].asset: no such asset \"logo2\" (known: logo, photo)",
                badSchema, badSchema + ": layers[3].size",
                notJson, notJson + ": not valid JSON");
        for (Map.Entry<Path, String> c : expected.entrySet()) {
            JobSpec spec = spec(in, out).withRecipe(new JobSpec.Template(c.getKey().toString(), "photo", Map.of("logo", logo.toString()), null));
            dev.lamina.model.LaminaException e = org.junit.jupiter.api.Assertions.assertThrows(dev.lamina.model.LaminaException.class,
                    () -> BatchJob.run(spark, spec));
            assertEquals(dev.lamina.model.LaminaException.Kind.BAD_INPUT, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith(c.getValue()), e.getMessage());
            assertTrue(!Files.exists(out), "refused before the output folder was made or a task ran");
        }
    }

    @Test
    void aPlainThumbnailBatchMatchesLaminaThumbnail() throws IOException {
        Path in = dir.resolve("in");
        TestImages.jpeg(in.resolve("a.jpg"), 900, 700, 11);
        TestImages.png(in.resolve("b.png"), 257, 511, 3, 12);
        Path out = dir.resolve("out");
        JobSpec spec = spec(in, out).withThumbnail(JobSpec.Thumbnail.ofSize("64"));
        spec = spec.withOutput(spec.output().withPattern("{name}.png"));
        assertEquals(2, BatchJob.run(spark, spec).ok());
        for (String name : List.of("a.jpg", "b.png")) {
            byte[] expected = Lamina.thumbnail(in.resolve(name), ThumbnailOptions.edge(64), LoadOptions.defaults()).encode(PngOptions.png());
            assertArrayEquals(expected, Files.readAllBytes(out.resolve(name.substring(0, 1) + ".png")), name);
        }
    }

    @Test
    void badAndOversizedFilesBecomeErrorRowsAndTheRestIsWritten() throws IOException {
        Path in = dir.resolve("in");
        TestImages.png(in.resolve("good.png"), 64, 64, 3, 21);
        Path big = TestImages.png(in.resolve("big.png"), 400, 400, 3, 22);
        Files.writeString(in.resolve("notes.png"), "not an image at all");
        byte[] whole = TestImages.encoded(200, 200, 3, 23, PngOptions.png());
        Files.write(in.resolve("truncated.png"), java.util.Arrays.copyOf(whole, whole.length / 2));
        // 3 GiB, sparse: were its content read, the task would fail (no byte array holds it).
        try (RandomAccessFile f = new RandomAccessFile(in.resolve("huge.png").toFile(), "rw")) {
            f.setLength(3L << 30);
        }
        long cap = Files.size(big) - 1;
        Path out = dir.resolve("out");
        Summary s = BatchJob.run(spark, spec(in, out).withMaxFileBytes(cap).withThumbnail(JobSpec.Thumbnail.ofSize("32")));

        assertEquals(5, s.files());
        assertEquals(1, s.ok());
        assertEquals(4, s.failed());
        Map<String, Row> rows = rows(out);
        assertFailed(rows, in.resolve("notes.png"), "UNSUPPORTED", "notes.png: not a PNG, JPEG, TIFF or WebP");
        assertFailed(rows, in.resolve("truncated.png"), "BAD_INPUT", "truncated.png");
        assertFailed(rows, big, "LIMIT_EXCEEDED", "big.png: " + (cap + 1) + " bytes is over the limit of " + cap);
        assertFailed(rows, in.resolve("huge.png"), "LIMIT_EXCEEDED", "huge.png: 3221225472 bytes is over the limit");
        assertEquals(Set.of("good.png"), outputs(out));
    }

    @Test
    void aMissingInputIsNamed() {
        Path missing = dir.resolve("nowhere");
        dev.lamina.model.LaminaException e = org.junit.jupiter.api.Assertions.assertThrows(dev.lamina.model.LaminaException.class,
                () -> BatchJob.run(spark, spec(missing, dir.resolve("out"))));
        assertEquals(dev.lamina.model.LaminaException.Kind.IO, e.kind());
        assertEquals("input file:" + missing + " does not exist", e.getMessage());
    }

    @Test
    void aRerunSkipsOutputsThatExistUnlessOverwrite() throws IOException {
        Path in = dir.resolve("in");
        for (int i = 0; i < 4; i++) {
            TestImages.png(in.resolve("p" + i + ".png"), 80, 60, 3, 30 + i);
        }
        Path out = dir.resolve("out");
        JobSpec spec = spec(in, out).withThumbnail(JobSpec.Thumbnail.ofSize("40"));
        assertEquals(4, BatchJob.run(spark, spec).ok());
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        for (String name : outputs(out)) {
            Files.setLastModifiedTime(out.resolve(name), old);
        }
        Files.delete(out.resolve("p2.png"));

        Summary again = BatchJob.run(spark, spec);
        assertEquals(1, again.ok());
        assertEquals(3, again.skipped());
        for (String name : List.of("p0.png", "p1.png", "p3.png")) {
            assertEquals(old, Files.getLastModifiedTime(out.resolve(name)), name + " was not rewritten");
        }
        Summary forced = BatchJob.run(spark, spec.withOutput(spec.output().withOverwrite(true)));
        assertEquals(4, forced.ok());
        assertTrue(Files.getLastModifiedTime(out.resolve("p0.png")).compareTo(old) > 0);
    }

    @Test
    void filesAreGroupedIntoTasksByBytesAndImageCount() throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int i = 0; i < 12; i++) {
            Files.write(in.resolve("small-" + i + ".bin"), new byte[1000]);
        }
        Files.write(in.resolve("large-0.bin"), new byte[3 << 20]);
        Files.write(in.resolve("large-1.bin"), new byte[3 << 20]);
        JobSpec.Partitioning p = new JobSpec.Partitioning(1L << 20, 4L << 20, 1);
        Map<String, String> previous = BatchJob.partitioning(spark, p);
        Map<Integer, List<Long>> tasks = new TreeMap<>();
        try {
            Dataset<Row> files = spark.read().format("binaryFile").load(in.toString());
            for (Row r : files.select(col("length"), spark_partition_id()).collectAsList()) {
                tasks.computeIfAbsent(r.getInt(1), k -> new ArrayList<>()).add(r.getLong(0));
            }
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    spark.conf().unset(k);
                } else {
                    spark.conf().set(k, v);
                }
            });
        }
        // Budget 4 MiB, an image weighs its length + 1 MiB: each large file is a task of its own and
        // a task holds at most 4 small ones (file count alone would have made one or two tasks).
        for (List<Long> task : tasks.values()) {
            long large = task.stream().filter(l -> l > 1000).count();
            assertTrue(large == 0 ? task.size() <= 4 : task.size() == 1, tasks.toString());
        }
        assertEquals(14, tasks.values().stream().mapToInt(List::size).sum());
        assertEquals(2 + 3, tasks.size(), tasks.toString());
    }

    @Test
    void aKilledJobRerunLeavesExactlyOneCompleteOutputPerInput() throws Exception {
        Path in = dir.resolve("in");
        int n = 12;
        for (int i = 0; i < n; i++) {
            TestImages.png(in.resolve("img-%02d.png".formatted(i)), 800, 600, 4, 40 + i);
        }
        Path wm = TestImages.png(dir.resolve("wm.png"), 200, 150, 4, 39);
        Path out = dir.resolve("out");
        JobSpec spec = spec(in, out).withWatermark(new JobSpec.Watermark(wm.toString(), Gravity.CENTRE, 0.7, null, null));

        // A real driver in its own JVM, killed (SIGKILL) as soon as its first outputs are in place.
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(System.getProperty("lamina.spark.jvmOptions").trim().split("\\s+")));
        cmd.addAll(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), BatchMain.class.getName(),
                "--master", "local[1]", "--watermark", wm.toString(), "--opacity", "0.7", "-o", out.toString(), in.toString()));
        Process driver = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("driver.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (outputs(out).size() < 2 && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        driver.destroyForcibly().waitFor();
        int before = outputs(out).size();
        assertTrue(before >= 1 && before < n, "the kill landed mid-job: " + before + " of " + n + " outputs; driver log:\n"
                + Files.readString(dir.resolve("driver.log")));

        Summary rerun = BatchJob.run(spark, spec);
        assertEquals(n, rerun.ok() + rerun.skipped(), rerun.report());
        assertEquals(before, rerun.skipped(), "what the killed job finished is kept");
        Layer layer = Layer.of(Lamina.open(wm)).gravity(Gravity.CENTRE).opacity(0.7);
        for (int i = 0; i < n; i++) {
            String name = "img-%02d.png".formatted(i);
            assertArrayEquals(Lamina.open(in.resolve(name)).composite(layer).encode(PngOptions.png()),
                    Files.readAllBytes(out.resolve(name)), name + " is complete");
        }
        try (Stream<Path> all = Files.walk(out)) {
            List<String> images = all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(p -> !p.startsWith(BatchJob.RESULTS + "/")).sorted().toList();
            assertEquals(n, images.size(), "one file per input, no temporary file left: " + images);
        }
        assertTrue(!Files.exists(out.resolve(AtomicOutput.TEMPORARY)));
    }

    private static void assertFailed(Map<String, Row> rows, Path input, String kind, String message) {
        Row r = rows.get(input.toUri().toString().replace("file:///", "file:/"));
        assertEquals("failed", r.getAs("status"));
        assertEquals(kind, r.getAs("kind"));
        assertTrue(((String) r.getAs("error")).contains(message), (String) r.getAs("error"));
        assertNull(r.getAs("bytes_out"));
    }

    private static Map<String, Row> rows(Path out) throws IOException {
        Map<String, Row> m = new HashMap<>();
        for (Row r : BatchJob.readResults(spark, new org.apache.hadoop.fs.Path(out.resolve(BatchJob.RESULTS).toUri())).collectAsList()) {
            m.put(r.getAs("path"), r);
        }
        return m;
    }

    /** The image files under {@code out}, relative, without the results table and temporaries. */
    private static Set<String> outputs(Path out) throws IOException {
        if (!Files.isDirectory(out)) {
            return Set.of();
        }
        try (Stream<Path> all = Files.walk(out)) {
            return all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString())
                    .filter(p -> !p.startsWith("_")).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
