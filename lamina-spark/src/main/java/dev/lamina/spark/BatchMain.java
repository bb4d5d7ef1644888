package dev.lamina.spark;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.PngFilter;
import dev.lamina.model.ThumbnailOptions;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lamina-batch}: a batch of thumbnails, watermarks or recipe templates on Spark. The job is a JSON spec
 * ({@code --spec}), flags, or both (flags override the spec's fields); both become one
 * {@link JobSpec}. The master is spark-submit's when launched by it, else {@code --master}, else
 * {@code local[*]} (all cores of this machine, no installation). Exit code 0 when every input was
 * written or skipped, 1 when any failed or the job could not run, 2 for a wrong command line.
 */
@Command(name = "lamina-batch", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Thumbnails, watermarks and recipe templates for a batch of images on Apache Spark (local mode unless launched by spark-submit).")
public final class BatchMain implements Callable<Integer> {
    @Parameters(paramLabel = "INPUT", arity = "0..*",
            description = "files, folders (read with their subfolders) or globs, on any Hadoop file system (file:, hdfs:, s3a:)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--spec", paramLabel = "JOB.json", description = "the job as JSON (docs/spark.md); flags override its fields")
    Path specFile;

    @Option(names = {"-o", "--output"}, paramLabel = "FOLDER", description = "the output folder (any Hadoop file system)")
    String output;

    @Option(names = "--pattern", paramLabel = "PATTERN",
            description = "output name inside FOLDER: {dir} (the input's subfolder), {name}, {ext}; the extension picks the format (default {dir}/{name}.{ext})")
    String pattern;

    @Option(names = "--overwrite", description = "replace outputs that exist (default: skip their inputs)")
    Boolean overwrite;

    @Option(names = "--include", paramLabel = "GLOB", description = "only files whose name matches, e.g. '*.jpg'")
    String include;

    @Option(names = "--max-file-bytes", paramLabel = "N", description = "larger files become error rows, unread (default 268435456)")
    Long maxFileBytes;

    @Option(names = "--limit-pixels", paramLabel = "N", description = "refuse inputs with more pixels (default 268402689)")
    Long limitPixels;

    @Option(names = {"-s", "--size"}, paramLabel = "N|WxH", description = "make thumbnails fitting this box")
    String size;

    @Option(names = "--fit", paramLabel = "FIT", converter = FitConverter.class,
            description = "inside (default), cover, contain, fill, outside")
    ThumbnailOptions.Fit fit;

    @Option(names = "--kernel", paramLabel = "KERNEL", converter = KernelConverter.class,
            description = "nearest, linear, cubic, mitchell, lanczos2, lanczos3 (default)")
    Kernel kernel;

    @Option(names = "--no-shrink-on-load", description = "decode JPEGs at full size before resampling")
    Boolean noShrinkOnLoad;

    @Option(names = "--fast-shrink-on-load", description = "sharp's rule: shrink on load as far as the size allows "
            + "(faster, a little further from a full decode)")
    Boolean fastShrinkOnLoad;

    @Option(names = "--no-enlarge", description = "never make an image larger than it is")
    Boolean noEnlarge;

    @Option(names = "--watermark", paramLabel = "IMAGE", description = "draw this image on every output (any Hadoop path)")
    String watermark;

    @Option(names = "--gravity", paramLabel = "GRAVITY", converter = GravityConverter.class,
            description = "where the watermark goes: centre (default), north-west, south-east, ...")
    Gravity gravity;

    @Option(names = "--opacity", paramLabel = "0..1", description = "the watermark's opacity (default 1)")
    Double opacity;

    @Option(names = "--mode", paramLabel = "MODE", converter = BlendModeConverter.class,
            description = "the watermark's blend mode: over (default), multiply, screen, ...")
    BlendMode mode;

    @Option(names = "--tile", description = "repeat the watermark over the whole image")
    Boolean tile;

    @Option(names = "--recipe", paramLabel = "RECIPE.json",
            description = "render every input into this layer-tree recipe, as the asset named by --slot (any Hadoop path)")
    String recipe;

    @Option(names = "--slot", paramLabel = "NAME", description = "the recipe's asset name for the input (default input)")
    String slot;

    @Option(names = "--asset", paramLabel = "NAME=IMAGE", description = "one of the recipe's other assets (any Hadoop path); repeatable")
    Map<String, String> assets = new LinkedHashMap<>();

    @Option(names = "--recipe-bit-depth", paramLabel = "8|16", description = "the recipe's render depth (default 8)")
    Integer recipeBitDepth;

    @Option(names = "--compression", paramLabel = "0-9", description = "PNG compression level (default 6)")
    Integer compression;

    @Option(names = "--filter", paramLabel = "FILTER", converter = PngFilterConverter.class,
            description = "PNG row filter: none, sub, up, average, paeth, adaptive (default)")
    PngFilter filter;

    @Option(names = "--bit-depth", paramLabel = "8|16", description = "PNG bits per sample (default: the image's)")
    Integer bitDepth;

    @Option(names = "--quality", paramLabel = "1-100", description = "JPEG quality (default 80)")
    Integer quality;

    @Option(names = "--subsampling", paramLabel = "444|420", description = "JPEG chroma subsampling")
    String subsampling;

    @Option(names = "--progressive", description = "progressive JPEG")
    Boolean progressive;

    @Option(names = "--background", paramLabel = "RRGGBB", description = "colour alpha is flattened onto for JPEG (default ffffff)")
    String background;

    @Option(names = "--metadata", paramLabel = "MODE", description = "metadata written with the image: all (default), icc-only, none")
    String metadata;

    @Option(names = "--image-timeout", paramLabel = "SECONDS", description = "one image's deadline (default: none)")
    Integer imageTimeout;

    @Option(names = "--image-cost-bytes", paramLabel = "N", description = "an image's fixed cost in bytes, for grouping files into tasks (default 4 MiB)")
    Long imageCostBytes;

    @Option(names = "--max-partition-bytes", paramLabel = "N", description = "a task's budget of bytes plus image costs (default 128 MiB)")
    Long maxPartitionBytes;

    @Option(names = "--tasks-per-core", paramLabel = "N", description = "at least this many tasks per task slot (default 3)")
    Integer tasksPerCore;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, e.g. spark.ui.enabled=true")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--print-spec", description = "print the job as JSON and stop")
    boolean printSpec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for a future {@code lamina batch} to delegate to). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new BatchMain());
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof LaminaException) {
                c.getErr().println("lamina-batch: " + e.getMessage());
                if (System.getenv("LAMINA_DEBUG") != null) {
                    e.printStackTrace(c.getErr());
                }
                return 1;
            }
            throw e;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        JobSpec spec = spec().validate();
        if (printSpec) {
            System.out.println(JobSpecJson.write(spec));
            return 0;
        }
        SparkConf sc = new SparkConf();   // spark-submit passes its settings as spark.* system properties
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster("local[*]");
        }
        if (sc.get("spark.master").startsWith("local") && !sc.contains("spark.ui.enabled") && !conf.containsKey("spark.ui.enabled")) {
            sc.set("spark.ui.enabled", "false");   // a local batch needs no web server; --conf spark.ui.enabled=true brings it
        }
        conf.forEach(sc::set);
        SparkSession spark = SparkSession.builder().appName("lamina-batch").config(sc).getOrCreate();
        try {
            Summary s = BatchJob.run(spark, spec);
            System.out.print(s.report());
            return s.failed() == 0 ? 0 : 1;
        } finally {
            spark.stop();
        }
    }

    /** The spec file's job with the flags given on top. */
    JobSpec spec() throws IOException {
        JobSpec s = specFile == null ? JobSpec.empty() : JobSpecJson.parse(readSpec(specFile), specFile.toString());
        if (!inputs.isEmpty()) {
            s = s.withInputs(inputs);
        }
        s = s.withInclude(include != null ? include : s.include());
        if (maxFileBytes != null) {
            s = s.withMaxFileBytes(maxFileBytes);
        }
        if (limitPixels != null) {
            s = s.withLimitPixels(limitPixels);
        }
        if (imageTimeout != null) {
            s = s.withImageTimeoutSeconds(imageTimeout);
        }
        s = s.withThumbnail(thumbnail(s.thumbnail())).withWatermark(watermark(s.watermark())).withRecipe(recipe(s.recipe()));
        JobSpec.Output o = s.output();
        o = output == null ? o : o.withFolder(output);
        o = pattern == null ? o : o.withPattern(pattern);
        o = overwrite == null ? o : o.withOverwrite(overwrite);
        o = metadata == null ? o : o.withMetadata(metadata);
        JobSpec.Png png = o.png();
        png = compression == null ? png : png.withCompression(compression);
        png = filter == null ? png : png.withFilter(filter);
        png = bitDepth == null ? png : png.withBitDepth(bitDepth);
        JobSpec.Jpeg jpeg = o.jpeg();
        jpeg = quality == null ? jpeg : jpeg.withQuality(quality);
        jpeg = subsampling == null ? jpeg : jpeg.withSubsampling(subsampling);
        jpeg = progressive == null ? jpeg : jpeg.withProgressive(progressive);
        jpeg = background == null ? jpeg : jpeg.withBackground(background);
        s = s.withOutput(o.withPng(png).withJpeg(jpeg));
        JobSpec.Partitioning p = s.partitioning();
        p = imageCostBytes == null ? p : p.withImageCostBytes(imageCostBytes);
        p = maxPartitionBytes == null ? p : p.withMaxPartitionBytes(maxPartitionBytes);
        p = tasksPerCore == null ? p : p.withTasksPerCore(tasksPerCore);
        return s.withPartitioning(p);
    }

    private JobSpec.Thumbnail thumbnail(JobSpec.Thumbnail t) {
        if (size != null) {
            JobSpec.Thumbnail box = JobSpec.Thumbnail.ofSize(size);
            t = t == null ? box : new JobSpec.Thumbnail(box.width(), box.height(), t.fit(), t.kernel(), t.shrinkOnLoad(),
                    t.fastShrinkOnLoad(), t.enlarge());
        }
        if (t == null) {
            if (fit != null || kernel != null || noShrinkOnLoad != null || fastShrinkOnLoad != null || noEnlarge != null) {
                throw LaminaException.badInput("--fit, --kernel, --no-shrink-on-load, --fast-shrink-on-load and --no-enlarge need --size");
            }
            return null;
        }
        t = fit == null ? t : t.withFit(fit);
        t = kernel == null ? t : t.withKernel(kernel);
        t = noShrinkOnLoad == null ? t : t.withShrinkOnLoad(!noShrinkOnLoad);
        t = fastShrinkOnLoad == null ? t : t.withFastShrinkOnLoad(fastShrinkOnLoad);
        return noEnlarge == null ? t : t.withEnlarge(!noEnlarge);
    }

    private JobSpec.Watermark watermark(JobSpec.Watermark w) {
        if (watermark != null) {
            w = w == null ? new JobSpec.Watermark(watermark, null, null, null, null) : w.withImage(watermark);
        }
        if (w == null) {
            if (gravity != null || opacity != null || mode != null || tile != null) {
                throw LaminaException.badInput("--gravity, --opacity, --mode and --tile need --watermark");
            }
            return null;
        }
        w = gravity == null ? w : w.withGravity(gravity);
        w = opacity == null ? w : w.withOpacity(opacity);
        w = mode == null ? w : w.withMode(mode);
        return tile == null ? w : w.withTile(tile);
    }

    private JobSpec.Template recipe(JobSpec.Template t) {
        if (recipe != null) {
            t = t == null ? new JobSpec.Template(recipe, null, null, null) : new JobSpec.Template(recipe, t.slot(), t.assets(), t.bitDepth());
        }
        if (t == null) {
            if (slot != null || !assets.isEmpty() || recipeBitDepth != null) {
                throw LaminaException.badInput("--slot, --asset and --recipe-bit-depth need --recipe");
            }
            return null;
        }
        t = slot == null ? t : t.withSlot(slot);
        if (!assets.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>(t.assets());
            all.putAll(assets);
            t = t.withAssets(all);
        }
        return recipeBitDepth == null ? t : t.withBitDepth(recipeBitDepth);
    }

    private static String readSpec(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw LaminaException.io(file + ": cannot read the job specification: " + e.getMessage(), e);
        }
    }

    static final class FitConverter implements CommandLine.ITypeConverter<ThumbnailOptions.Fit> {
        @Override
        public ThumbnailOptions.Fit convert(String s) {
            return JobSpecJson.named(ThumbnailOptions.Fit.class, "fit", s);
        }
    }

    static final class KernelConverter implements CommandLine.ITypeConverter<Kernel> {
        @Override
        public Kernel convert(String s) {
            return JobSpecJson.named(Kernel.class, "kernel", s);
        }
    }

    static final class PngFilterConverter implements CommandLine.ITypeConverter<PngFilter> {
        @Override
        public PngFilter convert(String s) {
            return JobSpecJson.named(PngFilter.class, "PNG filter", s);
        }
    }

    static final class GravityConverter implements CommandLine.ITypeConverter<Gravity> {
        @Override
        public Gravity convert(String s) {
            return Gravity.parse(s);
        }
    }

    static final class BlendModeConverter implements CommandLine.ITypeConverter<BlendMode> {
        @Override
        public BlendMode convert(String s) {
            return BlendMode.parse(s);
        }
    }
}
