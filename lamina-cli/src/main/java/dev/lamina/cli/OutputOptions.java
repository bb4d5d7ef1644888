package dev.lamina.cli;

import dev.lamina.model.JpegOptions;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.Metadata;
import dev.lamina.model.PngFilter;
import dev.lamina.model.PngOptions;
import dev.lamina.model.SaveOptions;
import dev.lamina.codec.Encoders;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * Where and how every command that writes an image writes it: {@code -o OUT} (the format follows
 * the name), the encoders' options, and which metadata goes with the pixels. Options of a format
 * other than OUT's are ignored, as sharp ignores them.
 */
final class OutputOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "output file; the format follows the name (.png, .jpg, .jpeg, .tif, .tiff)")
    String output;

    @Option(names = "--compression", paramLabel = "0-9", converter = Values.Compression.class,
            description = "PNG compression level (default 6)")
    Integer compression;

    @Option(names = "--filter", paramLabel = "FILTER", converter = Values.FilterName.class,
            description = "PNG row filter: none, sub, up, average, paeth, adaptive (default)")
    PngFilter filter;

    @Option(names = "--bit-depth", paramLabel = "8|16", converter = Values.BitDepth.class,
            description = "PNG bits per sample (default: the image's)")
    Integer bitDepth;

    @Option(names = "--quality", paramLabel = "1-100", converter = Values.Quality.class,
            description = "JPEG quality (default 80)")
    Integer quality;

    @Option(names = "--subsampling", paramLabel = "444|420", converter = Values.SubsamplingName.class,
            description = "JPEG chroma subsampling (default 420 below quality 90, else 444)")
    JpegOptions.Subsampling subsampling;

    @Option(names = "--progressive", description = "progressive JPEG")
    boolean progressive;

    @Option(names = "--background", paramLabel = "RRGGBB[AA]", converter = Values.Colour.class,
            description = "colour behind the image: what alpha is flattened onto for JPEG (default ffffff)"
                    + ", the letterbox of --fit contain (default 000000), and the new pixels of rotate, affine and extend"
                    + " (default transparent, or black without alpha)")
    Integer background;

    @Option(names = "--metadata", paramLabel = "MODE", converter = Values.MetadataName.class,
            description = "metadata written with the image: all (default: EXIF, XMP, text, ICC), icc-only"
                    + " (the colour profile; no camera, GPS, dates), none (not even the profile)")
    Metadata.Keep metadata = Metadata.Keep.ALL;

    /** OUT as one file. */
    Path path() {
        return Path.of(output);
    }

    /** Saves {@code image} to {@code out} with the options given for its format and the metadata asked for. */
    void save(LaminaImage image, Path out) {
        image.keepMetadata(metadata).save(out, forFile(out));
    }

    /** The encoder options for {@code out}; a usage error when its name says no format Lamina writes. */
    SaveOptions forFile(Path out) {
        SaveOptions defaults;
        try {
            defaults = Encoders.defaultOptionsFor(out);
        } catch (LaminaException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (defaults instanceof PngOptions png) {
            PngOptions o = png;
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
        if (defaults instanceof JpegOptions jpeg) {
            JpegOptions o = jpeg.progressive(progressive);
            if (quality != null) {
                o = o.quality(quality);
            }
            if (subsampling != null) {
                o = o.subsampling(subsampling);
            }
            if (background != null) {
                o = o.background(background & 0xFFFFFF);
            }
            return o;
        }
        return defaults;   // a format added later: its defaults until it gets options here
    }
}
