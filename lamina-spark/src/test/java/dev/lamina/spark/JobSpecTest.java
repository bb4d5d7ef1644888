package dev.lamina.spark;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.PngFilter;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JobSpecTest {
    private static final String JSON = """
            {
              "inputs": ["s3a://bucket/photos/", "/data/*.jpg"],
              "include": "*.jpg",
              "maxFileBytes": 1000000,
              "limitPixels": 50000000,
              "thumbnail": {"size": "300x200", "fit": "cover", "kernel": "mitchell", "shrinkOnLoad": false, "enlarge": false},
              "watermark": {"image": "s3a://bucket/logo.png", "gravity": "south-east", "opacity": 0.5, "mode": "multiply", "tile": true},
              "output": {"folder": "s3a://bucket/thumbs", "pattern": "{dir}/{name}.jpg", "overwrite": true, "metadata": "icc-only",
                         "png": {"compression": 9, "filter": "paeth", "bitDepth": 8},
                         "jpeg": {"quality": 85, "subsampling": "444", "progressive": true, "background": "000000"}},
              "partitioning": {"imageCostBytes": 1048576, "maxPartitionBytes": 67108864, "tasksPerCore": 2},
              "imageTimeoutSeconds": 30
            }""";

    private static final String[] FLAGS = {
            "s3a://bucket/photos/", "/data/*.jpg", "--include", "*.jpg", "--max-file-bytes", "1000000", "--limit-pixels", "50000000",
            "--size", "300x200", "--fit", "cover", "--kernel", "mitchell", "--no-shrink-on-load", "--no-enlarge",
            "--watermark", "s3a://bucket/logo.png", "--gravity", "south-east", "--opacity", "0.5", "--mode", "multiply", "--tile",
            "-o", "s3a://bucket/thumbs", "--pattern", "{dir}/{name}.jpg", "--overwrite", "--metadata", "icc-only",
            "--compression", "9", "--filter", "paeth", "--bit-depth", "8",
            "--quality", "85", "--subsampling", "444", "--progressive", "--background", "000000",
            "--image-cost-bytes", "1048576", "--max-partition-bytes", "67108864", "--tasks-per-core", "2", "--image-timeout", "30"};

    @Test
    void jsonAndFlagsMakeTheSameSpec() throws IOException {
        JobSpec fromJson = JobSpecJson.parse(JSON, "job.json").validate();
        JobSpec fromFlags = flags(FLAGS).spec().validate();
        assertEquals(fromJson, fromFlags);
        assertEquals(fromJson, JobSpecJson.parse(JobSpecJson.write(fromJson), "again"), "the JSON written reads back the same");

        assertEquals(List.of("s3a://bucket/photos/", "/data/*.jpg"), fromJson.inputs());
        assertEquals(ThumbnailOptions.box(300, 200).fit(ThumbnailOptions.Fit.COVER).kernel(Kernel.MITCHELL)
                .shrinkOnLoad(false).enlarge(false), fromJson.thumbnail().options());
        assertEquals(new JobSpec.Watermark("s3a://bucket/logo.png", Gravity.SOUTH_EAST, 0.5, BlendMode.MULTIPLY, true), fromJson.watermark());
        assertEquals(PngOptions.png().compression(9).filter(PngFilter.PAETH).bitDepth(8), fromJson.output().formatFor("x.png"));
        assertEquals(JpegOptions.jpeg().quality(85).subsampling(JpegOptions.Subsampling.S444).progressive(true).background(0),
                fromJson.output().formatFor("x.JPG"));
        assertEquals(50_000_000L, fromJson.load().limits().maxPixels());
    }

    @Test
    void flagsOverrideTheSpecFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("job.json"), JSON);
        JobSpec s = flags("--spec", file.toString(), "--quality", "60", "--size", "128", "/other").spec();
        assertEquals(List.of("/other"), s.inputs());
        assertEquals(60, s.output().jpeg().quality());
        assertEquals(128, s.thumbnail().width());
        assertEquals(128, s.thumbnail().height());
        assertEquals(ThumbnailOptions.Fit.COVER, s.thumbnail().fit(), "fields the flags do not name stay the file's");
        assertEquals(85, JobSpecJson.parse(JSON, "j").output().jpeg().quality());
    }

    @Test
    void defaultsAreTheCommandLinesDefaults() {
        JobSpec s = JobSpecJson.parse("{\"inputs\": [\"/in\"], \"output\": {\"folder\": \"/out\"}, \"thumbnail\": {\"width\": 256}}", "j").validate();
        assertEquals(ThumbnailOptions.edge(256), s.thumbnail().options(), "lamina thumbnail -s 256 builds the same options");
        assertNull(s.watermark());
        assertEquals("{dir}/{name}.{ext}", s.output().pattern());
        assertEquals(PngOptions.png(), s.output().formatFor("a.png"));
        assertEquals(JpegOptions.jpeg(), s.output().formatFor("a.jpeg"));
        assertEquals(JobSpec.DEFAULT_MAX_FILE_BYTES, s.maxFileBytes());
    }

    /** sharp's shrink-on-load rule, from JSON and from flags, reaches the thumbnail's options. */
    @Test
    void theFastShrinkOnLoadRule() throws IOException {
        JobSpec fromJson = JobSpecJson.parse("{\"inputs\": [\"/in\"], \"output\": {\"folder\": \"/out\"}, "
                + "\"thumbnail\": {\"size\": \"256\", \"fastShrinkOnLoad\": true}}", "j").validate();
        JobSpec fromFlags = flags("--size", "256", "--fast-shrink-on-load", "/in", "-o", "/out").spec().validate();
        assertEquals(fromJson, fromFlags);
        assertEquals(ThumbnailOptions.edge(256).fastShrinkOnLoad(true), fromJson.thumbnail().options());
        assertMessage(LaminaException.Kind.BAD_INPUT, "fastShrinkOnLoad and shrinkOnLoad false contradict",
                () -> flags("--size", "256", "--fast-shrink-on-load", "--no-shrink-on-load", "/in", "-o", "/out").spec());
        assertMessage(LaminaException.Kind.BAD_INPUT, "--fast-shrink-on-load and --no-enlarge need --size",
                () -> flags("--fast-shrink-on-load", "/in", "-o", "/out").spec());
    }

    @Test
    void aRecipeTemplateFromJsonAndFromFlags() throws IOException {
        JobSpec s = JobSpecJson.parse("""
                {"inputs": ["/in"], "output": {"folder": "/out"},
                 "thumbnail": {"size": "800"},
                 "recipe": {"file": "hdfs:///recipes/card.json", "slot": "photo", "assets": {"logo": "/a/logo.png"}, "bitDepth": 16}}
                """, "j").validate();
        assertEquals(new JobSpec.Template("hdfs:///recipes/card.json", "photo", java.util.Map.of("logo", "/a/logo.png"), 16), s.recipe());
        assertEquals(800, s.thumbnail().width());

        JobSpec d = JobSpecJson.parse("{\"recipe\": {\"file\": \"card.json\"}}", "j");
        assertEquals(new JobSpec.Template("card.json", "input", java.util.Map.of(), 8), d.recipe());

        JobSpec f = flags("--recipe", "card.json", "--slot", "photo", "--asset", "logo=/a/logo.png", "--asset", "bg=/a/bg.jpg",
                "--recipe-bit-depth", "16", "/in", "-o", "/out").spec().validate();
        assertEquals(new JobSpec.Template("card.json", "photo", java.util.Map.of("logo", "/a/logo.png", "bg", "/a/bg.jpg"), 16),
                f.recipe());
        assertEquals(s.recipe(), JobSpecJson.parse(JobSpecJson.write(s), "written").recipe(), "the spec round-trips through JSON");
    }

    @Test
    void mistakesAreNamedForAPerson() {
        assertMessage(LaminaException.Kind.BAD_INPUT, "j: unknown field 'thumbnial'", () -> JobSpecJson.parse("{\"thumbnial\": {}}", "j"));
        assertMessage(LaminaException.Kind.BAD_INPUT, "unknown gravity 'middle'",
                () -> JobSpecJson.parse("{\"watermark\": {\"image\": \"w.png\", \"gravity\": \"middle\"}}", "j"));
        assertMessage(LaminaException.Kind.BAD_INPUT, "j: unknown field 'template' at recipe.template",
                () -> JobSpecJson.parse("{\"recipe\": {\"template\": \"card.json\", \"slot\": \"photo\"}}", "j"));
        assertMessage(LaminaException.Kind.BAD_INPUT, "j (line 1, column", () -> JobSpecJson.parse("{\"inputs\": [", "j"));
        JobSpec base = JobSpec.empty().withInputs(List.of("/in")).withOutput(new JobSpec.Output("/out", null, null, null, null, null));
        assertMessage(LaminaException.Kind.BAD_INPUT, "must contain {name}",
                () -> base.withOutput(base.output().withPattern("{dir}/x.png")).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "unknown placeholder {base}",
                () -> base.withOutput(base.output().withPattern("{base}/{name}.png")).validate());
        assertMessage(LaminaException.Kind.UNSUPPORTED, "unknown output format",
                () -> base.withOutput(base.output().withPattern("{name}.gif")).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "must stay inside the output folder",
                () -> base.withOutput(base.output().withPattern("../{name}.png")).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "opacity must be between 0 and 1",
                () -> base.withWatermark(new JobSpec.Watermark("w.png", null, 1.5, null, null)).validate());
        JobSpec.Template card = new JobSpec.Template("card.json", null, null, null);
        assertMessage(LaminaException.Kind.BAD_INPUT, "a recipe and a watermark cannot go together",
                () -> base.withRecipe(card).withWatermark(new JobSpec.Watermark("w.png", null, null, null, null)).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "recipe: bitDepth must be 8 or 16, not 12", () -> base.withRecipe(card.withBitDepth(12)).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "the asset \"input\" is the slot the input fills",
                () -> base.withRecipe(card.withAssets(java.util.Map.of("input", "x.png"))).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "recipe: file is required", () -> base.withRecipe(new JobSpec.Template(null, null, null, null)).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "need --recipe", () -> flags("--slot", "photo", "/in", "-o", "/out").spec());
        assertMessage(LaminaException.Kind.BAD_INPUT, "maxFileBytes must be 1 to", () -> base.withMaxFileBytes(4L << 30).validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "no inputs", () -> JobSpec.empty().validate());
        assertMessage(LaminaException.Kind.BAD_INPUT, "need --watermark", () -> flags("--gravity", "north", "/in", "-o", "/out").spec());
    }

    @Test
    void aWrongFlagIsACommandLineError() {
        assertEquals(2, new CommandLine(new BatchMain()).setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute("--fit", "squash", "/in", "-o", "/out"));
    }

    private static BatchMain flags(String... args) {
        BatchMain m = new BatchMain();
        new CommandLine(m).parseArgs(args);
        return m;
    }

    private static void assertMessage(LaminaException.Kind kind, String part, org.junit.jupiter.api.function.Executable run) {
        LaminaException e = assertThrows(LaminaException.class, run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(!e.getMessage().contains("dev.lamina") && !e.getMessage().contains("Exception"), e.getMessage());
    }
}
