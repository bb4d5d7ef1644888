package dev.lamina.cli;

import dev.lamina.JpegOptions;
import dev.lamina.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.PngFilter;
import dev.lamina.PngOptions;
import dev.lamina.SaveOptions;
import dev.lamina.TiffOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** Encoder options shared by the commands that write an image. */
final class OutputOptions {
    @Option(names = "--compression", paramLabel = "0-9", description = "PNG zlib level (default 6)")
    Integer compression;

    @Option(names = "--filter", paramLabel = "FILTER",
            description = "PNG row filter: none, sub, up, average, paeth, adaptive (default adaptive)")
    String filter;

    @Option(names = "--bit-depth", paramLabel = "8|16", description = "PNG bits per sample (default: the image's)")
    Integer bitDepth;

    @Option(names = "--quality", paramLabel = "1-100", description = "JPEG quality (default 80)")
    Integer quality;

    @Option(names = "--subsampling", paramLabel = "444|420",
            description = "JPEG chroma subsampling (default 420 below quality 90, else 444)")
    String subsampling;

    @Option(names = "--progressive", description = "progressive JPEG")
    boolean progressive;

    @Option(names = "--background", paramLabel = "RRGGBB",
            description = "colour that alpha is flattened onto for JPEG (default ffffff)")
    String background;

    @Option(names = "--strip-exif",
            description = "write no EXIF (camera, GPS, ...); kept by default. An orientation the pixels still need stays")
    boolean stripExif;

    /** Saves {@code image} with the options {@link #forFile} gave for {@code out}, without EXIF when asked. */
    void save(LaminaImage image, Path out, SaveOptions options) {
        LaminaImage img = stripExif ? image.withoutExif() : image;
        switch (options) {
            case PngOptions png -> img.save(out, png);
            case JpegOptions jpeg -> img.save(out, jpeg);
            case TiffOptions tiff -> img.save(out, tiff);
        }
    }

    SaveOptions forFile(Path out) {
        String n = String.valueOf(out.getFileName()).toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            PngOptions o = PngOptions.png();
            if (compression != null) {
                o = o.compression(compression);
            }
            if (filter != null) {
                try {
                    o = o.filter(PngFilter.valueOf(filter.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new LaminaException(LaminaException.Kind.BAD_INPUT, "unknown PNG filter '" + filter + "' (none, sub, up, average, paeth, adaptive)");
                }
            }
            if (bitDepth != null) {
                o = o.bitDepth(bitDepth);
            }
            return o;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            JpegOptions o = JpegOptions.jpeg();
            if (quality != null) {
                o = o.quality(quality);
            }
            if (subsampling != null) {
                o = o.subsampling(switch (subsampling.replace(":", "")) {
                    case "444" -> JpegOptions.Subsampling.S444;
                    case "420" -> JpegOptions.Subsampling.S420;
                    default -> throw new LaminaException(LaminaException.Kind.BAD_INPUT, "unknown subsampling '" + subsampling + "' (444 or 420)");
                });
            }
            o = o.progressive(progressive);
            if (background != null) {
                o = o.background(parseColour(background));
            }
            return o;
        }
        if (n.endsWith(".tif") || n.endsWith(".tiff")) {
            return TiffOptions.tiff();
        }
        throw new LaminaException(LaminaException.Kind.UNSUPPORTED, out + ": unknown output format (use a name ending in .png, .jpg, .jpeg, .tif or .tiff)");
    }

    static int parseColour(String s) {
        String h = s.startsWith("#") ? s.substring(1) : s;
        if (!h.matches("[0-9a-fA-F]{6}")) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "colour '" + s + "' is not of the form RRGGBB");
        }
        return Integer.parseInt(h, 16);
    }
}
