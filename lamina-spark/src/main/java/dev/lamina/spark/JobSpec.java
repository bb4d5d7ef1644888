package dev.lamina.spark;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngFilter;
import dev.lamina.model.PngOptions;
import dev.lamina.model.SaveOptions;
import dev.lamina.model.ThumbnailOptions;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a batch does, as one value: read from a JSON file ({@link JobSpecJson}) or built from the
 * command line's flags ({@link BatchMain}); both arrive here, and the job sees nothing else.
 *
 * <p>The per-image work is a thumbnail, a watermark, a recipe template (a layer tree with the
 * input as a named asset, its slot), or a thumbnail followed by one of the other two (the thumbnail
 * is what the watermark is drawn on, or what fills the slot). A watermark and a recipe exclude each
 * other: a recipe draws a logo itself, and the order of the two would be a guess.
 *
 * <p>Absent fields take the defaults listed in docs/spark.md. Immutable, and serialisable because
 * Spark ships it to the executors with the job.
 *
 * @param inputs              files, folders (read recursively) or globs, on any Hadoop file system
 * @param include             only file names matching this glob (Spark's {@code pathGlobFilter}), or null
 * @param maxFileBytes        files larger than this become error rows without being read
 * @param limitPixels         inputs with more pixels are refused from their header
 * @param thumbnail           the thumbnail to make, or null
 * @param watermark           the watermark to draw, or null
 * @param recipe              the recipe template to render each input into, or null
 * @param output              where and how results are written
 * @param partitioning        how files are grouped into tasks
 * @param imageTimeoutSeconds one image's deadline (0: none)
 */
public record JobSpec(List<String> inputs, String include, Long maxFileBytes, Long limitPixels, Thumbnail thumbnail,
                      Watermark watermark, Template recipe, Output output, Partitioning partitioning, Integer imageTimeoutSeconds)
        implements Serializable {

    /** The largest file a task can hold in one Java array (binaryFile reads a file into one). */
    public static final long MAX_FILE_BYTES_CEILING = Integer.MAX_VALUE - 16;
    public static final long DEFAULT_MAX_FILE_BYTES = 256L << 20;

    public JobSpec {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        maxFileBytes = maxFileBytes == null ? DEFAULT_MAX_FILE_BYTES : maxFileBytes;
        limitPixels = limitPixels == null ? Limits.DEFAULT_MAX_PIXELS : limitPixels;
        output = output == null ? new Output(null, null, null, null, null, null) : output;
        partitioning = partitioning == null ? new Partitioning(null, null, null) : partitioning;
        imageTimeoutSeconds = imageTimeoutSeconds == null ? 0 : imageTimeoutSeconds;
    }

    /** An empty spec: every field at its default, no inputs, no work. */
    public static JobSpec empty() {
        return new JobSpec(null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Checks everything that can be checked before Spark starts, with messages that name the field.
     * Returns this spec.
     */
    public JobSpec validate() {
        if (inputs.isEmpty()) {
            throw LaminaException.badInput("job: no inputs (give files, folders or globs)");
        }
        if (output.folder() == null || output.folder().isBlank()) {
            throw LaminaException.badInput("job: no output folder");
        }
        if (maxFileBytes < 1 || maxFileBytes > MAX_FILE_BYTES_CEILING) {
            throw LaminaException.badInput("job: maxFileBytes must be 1 to " + MAX_FILE_BYTES_CEILING + ", not " + maxFileBytes);
        }
        if (imageTimeoutSeconds < 0) {
            throw LaminaException.badInput("job: imageTimeoutSeconds must be 0 (none) or more, not " + imageTimeoutSeconds);
        }
        load();
        if (thumbnail != null) {
            thumbnail.options();
        }
        if (watermark != null) {
            watermark.check();
        }
        if (recipe != null) {
            if (watermark != null) {
                throw LaminaException.badInput("job: a recipe and a watermark cannot go together (draw the logo in the"
                        + " recipe: an image layer of an asset)");
            }
            recipe.check();
        }
        output.check();
        partitioning.check();
        return this;
    }

    /** How inputs are decoded: the pixel limit, orientation applied (as the CLI does by default). */
    public LoadOptions load() {
        return LoadOptions.defaults().limits(Limits.defaults().maxPixels(limitPixels).maxFileBytes(maxFileBytes));
    }

    public JobSpec withInputs(List<String> v) {
        return new JobSpec(v, include, maxFileBytes, limitPixels, thumbnail, watermark, recipe, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withInclude(String v) {
        return new JobSpec(inputs, v, maxFileBytes, limitPixels, thumbnail, watermark, recipe, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withMaxFileBytes(Long v) {
        return new JobSpec(inputs, include, v, limitPixels, thumbnail, watermark, recipe, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withLimitPixels(Long v) {
        return new JobSpec(inputs, include, maxFileBytes, v, thumbnail, watermark, recipe, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withThumbnail(Thumbnail v) {
        return new JobSpec(inputs, include, maxFileBytes, limitPixels, v, watermark, recipe, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withWatermark(Watermark v) {
        return new JobSpec(inputs, include, maxFileBytes, limitPixels, thumbnail, v, recipe, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withRecipe(Template v) {
        return new JobSpec(inputs, include, maxFileBytes, limitPixels, thumbnail, watermark, v, output, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withOutput(Output v) {
        return new JobSpec(inputs, include, maxFileBytes, limitPixels, thumbnail, watermark, recipe, v, partitioning, imageTimeoutSeconds);
    }

    public JobSpec withPartitioning(Partitioning v) {
        return new JobSpec(inputs, include, maxFileBytes, limitPixels, thumbnail, watermark, recipe, output, v, imageTimeoutSeconds);
    }

    public JobSpec withImageTimeoutSeconds(Integer v) {
        return new JobSpec(inputs, include, maxFileBytes, limitPixels, thumbnail, watermark, recipe, output, partitioning, v);
    }

    /**
     * A thumbnail as {@code lamina thumbnail} makes it: fit the box, the kernel, shrink-on-load.
     * {@code height} defaults to {@code width} (a square box, the CLI's {@code --size N}).
     */
    public record Thumbnail(Integer width, Integer height, ThumbnailOptions.Fit fit, Kernel kernel, Boolean shrinkOnLoad,
                            Boolean fastShrinkOnLoad, Boolean enlarge) implements Serializable {
        public Thumbnail {
            if (width == null) {
                throw LaminaException.badInput("thumbnail: width (or size) is required");
            }
            height = height == null ? width : height;
            fit = fit == null ? ThumbnailOptions.Fit.INSIDE : fit;
            kernel = kernel == null ? Kernel.LANCZOS3 : kernel;
            shrinkOnLoad = shrinkOnLoad == null || shrinkOnLoad;
            fastShrinkOnLoad = fastShrinkOnLoad != null && fastShrinkOnLoad;
            if (fastShrinkOnLoad && !shrinkOnLoad) {
                throw LaminaException.badInput("thumbnail: fastShrinkOnLoad and shrinkOnLoad false contradict each other");
            }
            enlarge = enlarge == null || enlarge;
        }

        /** The box from "N" or "WxH", as the CLI's {@code --size}. */
        public static Thumbnail ofSize(String size) {
            String[] parts = size.toLowerCase(Locale.ROOT).split("x", -1);
            try {
                if (parts.length == 1) {
                    return new Thumbnail(Integer.parseInt(parts[0].trim()), null, null, null, null, null, null);
                }
                if (parts.length == 2) {
                    return new Thumbnail(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), null, null, null, null, null);
                }
            } catch (NumberFormatException e) {
                // the one message below
            }
            throw LaminaException.badInput("thumbnail size '" + size + "' must be N or WIDTHxHEIGHT, in pixels");
        }

        /** The same options {@code lamina thumbnail} builds from its flags. */
        public ThumbnailOptions options() {
            return ThumbnailOptions.box(width, height).fit(fit).kernel(kernel).shrinkOnLoad(shrinkOnLoad)
                    .fastShrinkOnLoad(fastShrinkOnLoad).enlarge(enlarge);
        }

        public Thumbnail withFit(ThumbnailOptions.Fit v) {
            return new Thumbnail(width, height, v, kernel, shrinkOnLoad, fastShrinkOnLoad, enlarge);
        }

        public Thumbnail withKernel(Kernel v) {
            return new Thumbnail(width, height, fit, v, shrinkOnLoad, fastShrinkOnLoad, enlarge);
        }

        public Thumbnail withShrinkOnLoad(Boolean v) {
            return new Thumbnail(width, height, fit, kernel, v, fastShrinkOnLoad, enlarge);
        }

        public Thumbnail withFastShrinkOnLoad(Boolean v) {
            return new Thumbnail(width, height, fit, kernel, shrinkOnLoad, v, enlarge);
        }

        public Thumbnail withEnlarge(Boolean v) {
            return new Thumbnail(width, height, fit, kernel, shrinkOnLoad, fastShrinkOnLoad, v);
        }
    }

    /**
     * A watermark: an image (any Hadoop path; read once by the driver and decoded once per executor)
     * drawn on every output as {@code lamina composite} draws a layer.
     */
    public record Watermark(String image, Gravity gravity, Double opacity, BlendMode mode, Boolean tile)
            implements Serializable {
        public Watermark {
            gravity = gravity == null ? Gravity.CENTRE : gravity;
            opacity = opacity == null ? 1.0 : opacity;
            mode = mode == null ? BlendMode.OVER : mode;
            tile = tile != null && tile;
        }

        void check() {
            if (image == null || image.isBlank()) {
                throw LaminaException.badInput("watermark: image is required");
            }
            if (!(opacity >= 0 && opacity <= 1)) {
                throw LaminaException.badInput("watermark: opacity must be between 0 and 1, not " + opacity);
            }
        }

        public Watermark withImage(String v) {
            return new Watermark(v, gravity, opacity, mode, tile);
        }

        public Watermark withGravity(Gravity v) {
            return new Watermark(image, v, opacity, mode, tile);
        }

        public Watermark withOpacity(Double v) {
            return new Watermark(image, gravity, v, mode, tile);
        }

        public Watermark withMode(BlendMode v) {
            return new Watermark(image, gravity, opacity, v, tile);
        }

        public Watermark withTile(Boolean v) {
            return new Watermark(image, gravity, opacity, mode, v);
        }
    }

    /**
     * A recipe template: a layer-tree recipe (any Hadoop path; read once by the driver, checked
     * there, parsed once per executor) rendered once per input, with the input (or its thumbnail)
     * as the asset called {@code slot}. The other assets are files named here, read and decoded
     * once like a watermark.
     *
     * @param file     the recipe's JSON
     * @param slot     the asset name the input goes by in the recipe (default "input")
     * @param assets   the recipe's other assets: name to image file
     * @param bitDepth 8 (default) or 16, the render's depth (Recipes.render)
     */
    public record Template(String file, String slot, java.util.Map<String, String> assets, Integer bitDepth)
            implements Serializable {
        public static final String DEFAULT_SLOT = "input";

        public Template {
            slot = slot == null ? DEFAULT_SLOT : slot;
            assets = assets == null ? java.util.Map.of() : java.util.Map.copyOf(assets);
            bitDepth = bitDepth == null ? 8 : bitDepth;
        }

        void check() {
            if (file == null || file.isBlank()) {
                throw LaminaException.badInput("recipe: file is required");
            }
            if (slot.isBlank()) {
                throw LaminaException.badInput("recipe: the slot name must not be empty");
            }
            if (assets.containsKey(slot)) {
                throw LaminaException.badInput("recipe: the asset \"" + slot + "\" is the slot the input fills; it cannot"
                        + " also be a file (name the slot otherwise)");
            }
            assets.forEach((name, path) -> {
                if (path == null || path.isBlank()) {
                    throw LaminaException.badInput("recipe: asset \"" + name + "\" has no file");
                }
            });
            if (bitDepth != 8 && bitDepth != 16) {
                throw LaminaException.badInput("recipe: bitDepth must be 8 or 16, not " + bitDepth);
            }
        }

        public Template withSlot(String v) {
            return new Template(file, v, assets, bitDepth);
        }

        public Template withAssets(java.util.Map<String, String> v) {
            return new Template(file, slot, v, bitDepth);
        }

        public Template withBitDepth(Integer v) {
            return new Template(file, slot, assets, v);
        }
    }

    /**
     * Where outputs go: {@code folder} (any Hadoop path) plus {@code pattern}, whose placeholders are
     * {@code {dir}} (the input's folder relative to the input it was found under: subfolders are
     * kept), {@code {name}} (its file name without extension) and {@code {ext}} (its extension). The
     * output format follows the expanded name's extension (.png, .jpg, .jpeg), as on the command line.
     */
    public record Output(String folder, String pattern, Boolean overwrite, String metadata, Png png, Jpeg jpeg)
            implements Serializable {
        public static final String DEFAULT_PATTERN = "{dir}/{name}.{ext}";
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");
        private static final List<String> PLACEHOLDERS = List.of("dir", "name", "ext");

        public Output {
            pattern = pattern == null ? DEFAULT_PATTERN : pattern;
            overwrite = overwrite != null && overwrite;
            metadata = metadata == null ? "all" : metadata;
            png = png == null ? new Png(null, null, null) : png;
            jpeg = jpeg == null ? new Jpeg(null, null, null, null) : jpeg;
        }

        void check() {
            if (!pattern.contains("{name}")) {
                throw LaminaException.badInput("output pattern '" + pattern + "' must contain {name}, or every input would get one name");
            }
            Matcher m = PLACEHOLDER.matcher(pattern);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw LaminaException.badInput("output pattern '" + pattern + "': unknown placeholder {" + m.group(1)
                            + "} (known: {dir}, {name}, {ext})");
                }
            }
            if (pattern.startsWith("/") && !pattern.startsWith("{dir}") || pattern.contains("..")) {
                throw LaminaException.badInput("output pattern '" + pattern + "' must stay inside the output folder");
            }
            if (!pattern.endsWith(".{ext}")) {
                formatFor(pattern);   // a fixed extension must be one Lamina writes
            }
            keep();
            png.options();
            jpeg.options();
        }

        /** The encoder options for an output file name, by its extension (as {@code lamina} chooses). */
        public SaveOptions formatFor(String fileName) {
            String n = fileName.toLowerCase(Locale.ROOT);
            if (n.endsWith(".png")) {
                return png.options();
            }
            if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
                return jpeg.options();
            }
            throw LaminaException.unsupported(fileName + ": unknown output format (use a name ending in .png, .jpg or .jpeg)");
        }

        public Output withFolder(String v) {
            return new Output(v, pattern, overwrite, metadata, png, jpeg);
        }

        public Output withPattern(String v) {
            return new Output(folder, v, overwrite, metadata, png, jpeg);
        }

        public Output withOverwrite(Boolean v) {
            return new Output(folder, pattern, v, metadata, png, jpeg);
        }

        /** Which metadata goes with the pixels, as the CLI's {@code --metadata all|icc-only|none}. */
        public Metadata.Keep keep() {
            return switch (metadata.toLowerCase(Locale.ROOT)) {
                case "all" -> Metadata.Keep.ALL;
                case "icc-only" -> Metadata.Keep.ICC_ONLY;
                case "none" -> Metadata.Keep.NONE;
                default -> throw LaminaException.badInput("output.metadata: '" + metadata + "' is not a metadata mode (all, icc-only, none)");
            };
        }

        public Output withMetadata(String v) {
            return new Output(folder, pattern, overwrite, v, png, jpeg);
        }

        public Output withPng(Png v) {
            return new Output(folder, pattern, overwrite, metadata, v, jpeg);
        }

        public Output withJpeg(Jpeg v) {
            return new Output(folder, pattern, overwrite, metadata, png, v);
        }
    }

    /** PNG options, as the CLI's {@code --compression --filter --bit-depth}; absent = Lamina's defaults. */
    public record Png(Integer compression, PngFilter filter, Integer bitDepth) implements Serializable {
        public PngOptions options() {
            PngOptions o = PngOptions.png();
            if (compression != null) {
                o = o.compression(compression);
            }
            if (filter != null) {
                o = o.filter(filter);
            }
            if (bitDepth != null) {
                o = o.bitDepth(bitDepth);
            }
            return o;
        }

        public Png withCompression(Integer v) {
            return new Png(v, filter, bitDepth);
        }

        public Png withFilter(PngFilter v) {
            return new Png(compression, v, bitDepth);
        }

        public Png withBitDepth(Integer v) {
            return new Png(compression, filter, v);
        }
    }

    /**
     * JPEG options, as the CLI's {@code --quality --subsampling --progressive --background}; absent =
     * Lamina's defaults. {@code subsampling} is "444" or "420", {@code background} RRGGBB.
     */
    public record Jpeg(Integer quality, String subsampling, Boolean progressive, String background)
            implements Serializable {
        public JpegOptions options() {
            JpegOptions o = JpegOptions.jpeg();
            if (quality != null) {
                o = o.quality(quality);
            }
            if (subsampling != null) {
                o = o.subsampling(switch (subsampling.replace(":", "")) {
                    case "444" -> JpegOptions.Subsampling.S444;
                    case "420" -> JpegOptions.Subsampling.S420;
                    default -> throw LaminaException.badInput("unknown JPEG subsampling '" + subsampling + "' (444 or 420)");
                });
            }
            if (progressive != null) {
                o = o.progressive(progressive);
            }
            if (background != null) {
                String h = background.startsWith("#") ? background.substring(1) : background;
                if (!h.matches("[0-9a-fA-F]{6}")) {
                    throw LaminaException.badInput("JPEG background '" + background + "' is not of the form RRGGBB");
                }
                o = o.background(Integer.parseInt(h, 16));
            }
            return o;
        }

        public Jpeg withQuality(Integer v) {
            return new Jpeg(v, subsampling, progressive, background);
        }

        public Jpeg withSubsampling(String v) {
            return new Jpeg(quality, v, progressive, background);
        }

        public Jpeg withProgressive(Boolean v) {
            return new Jpeg(quality, subsampling, v, background);
        }

        public Jpeg withBackground(String v) {
            return new Jpeg(quality, subsampling, progressive, v);
        }
    }

    /**
     * How files are grouped into tasks (docs/spark.md, "Partitioning"): each file weighs its length
     * plus {@code imageCostBytes} (the fixed cost of one image: open, decoders, encoder, output file
     * and rename, expressed in bytes of input); a task holds at most {@code maxPartitionBytes} of
     * weight (so at most maxPartitionBytes / imageCostBytes images), and there are at least
     * {@code tasksPerCore} tasks per task slot, so slots finish together.
     */
    public record Partitioning(Long imageCostBytes, Long maxPartitionBytes, Integer tasksPerCore) implements Serializable {
        public Partitioning {
            imageCostBytes = imageCostBytes == null ? 4L << 20 : imageCostBytes;
            maxPartitionBytes = maxPartitionBytes == null ? 128L << 20 : maxPartitionBytes;
            tasksPerCore = tasksPerCore == null ? 3 : tasksPerCore;
        }

        void check() {
            if (imageCostBytes < 0 || maxPartitionBytes < 1 || tasksPerCore < 1) {
                throw LaminaException.badInput("partitioning: imageCostBytes >= 0, maxPartitionBytes >= 1 and tasksPerCore >= 1, not "
                        + imageCostBytes + ", " + maxPartitionBytes + ", " + tasksPerCore);
            }
        }

        public Partitioning withImageCostBytes(Long v) {
            return new Partitioning(v, maxPartitionBytes, tasksPerCore);
        }

        public Partitioning withMaxPartitionBytes(Long v) {
            return new Partitioning(imageCostBytes, v, tasksPerCore);
        }

        public Partitioning withTasksPerCore(Integer v) {
            return new Partitioning(imageCostBytes, maxPartitionBytes, v);
        }
    }
}
