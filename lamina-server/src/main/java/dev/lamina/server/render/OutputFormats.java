package dev.lamina.server.render;

import dev.lamina.model.JpegOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.SaveOptions;
import dev.lamina.model.TiffOptions;
import dev.lamina.server.http.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The output formats the service writes, one row each: its name in URLs, media type, file
 * extension, quality range and how to make the engine's options. A new codec (WebP) is one row
 * here; selection by parameter and by {@code Accept} reads only this table.
 */
public final class OutputFormats {
    private OutputFormats() {
    }

    /**
     * One row. {@code quality} is null for formats without one (PNG, TIFF: the parameter is
     * accepted and ignored, as sharp ignores options of another format).
     */
    public record Format(String name, String mediaType, String extension, boolean alphaCapable, Integer defaultQuality,
                         IntFunction<SaveOptions> options) {
        public SaveOptions options(Integer quality) {
            return options.apply(quality == null ? (defaultQuality == null ? 0 : defaultQuality) : quality);
        }
    }

    private static final List<Format> TABLE = List.of(
            new Format("jpeg", "image/jpeg", "jpg", false, 80, q -> JpegOptions.jpeg().quality(q)),
            new Format("png", "image/png", "png", true, null, q -> PngOptions.png()),
            new Format("tiff", "image/tiff", "tif", true, null, q -> TiffOptions.tiff()));

    public static Format byName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Format f : TABLE) {
            if (f.name.equals(n) || f.extension.equals(n)) {
                return f;
            }
        }
        return null;
    }

    public static String names() {
        List<String> n = new ArrayList<>();
        TABLE.forEach(f -> n.add(f.name));
        return String.join(", ", n);
    }

    /** A choice and whether the Accept header decided it (the response then varies on it). */
    public record Choice(Format format, SaveOptions options, boolean negotiated) {
    }

    /**
     * The format: the {@code format} parameter, else the preset's, else the best match of
     * {@code Accept} (highest q; on a tie or a wildcard, PNG for an image with alpha and JPEG
     * otherwise, so transparency is never flattened by accident). Quality 1-100 where the format
     * has one.
     */
    public static Choice choose(String formatParam, String qualityParam, String presetFormat, Integer presetQuality,
                                String accept, boolean hasAlpha) {
        Integer quality = presetQuality;
        if (qualityParam != null) {
            try {
                quality = Integer.parseInt(qualityParam);
            } catch (NumberFormatException e) {
                throw Problem.badRequest("quality must be a whole number from 1 to 100, not '" + qualityParam + "'", "quality");
            }
        }
        if (quality != null && (quality < 1 || quality > 100)) {
            throw Problem.badRequest("quality must be from 1 to 100, not " + quality, "quality");
        }
        String named = formatParam != null ? formatParam : presetFormat;
        if (named != null) {
            Format f = byName(named);
            if (f == null) {
                throw Problem.badRequest("unknown format '" + named + "' (" + names() + ")", "format");
            }
            return new Choice(f, f.options(quality), false);
        }
        Format preferred = hasAlpha ? byName("png") : byName("jpeg");
        if (accept == null || accept.isBlank()) {
            return new Choice(preferred, preferred.options(quality), true);
        }
        Format best = null;
        double bestQ = 0;
        for (String part : accept.split(",")) {
            String[] bits = part.trim().split(";");
            String type = bits[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < bits.length; i++) {
                String b = bits[i].trim();
                if (b.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(b.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q <= 0) {
                continue;
            }
            List<Format> matches = new ArrayList<>();
            if (type.equals("*/*") || type.equals("image/*")) {
                matches.add(preferred);
            } else {
                for (Format f : TABLE) {
                    if (f.mediaType.equals(type)) {
                        matches.add(f);
                    }
                }
            }
            for (Format f : matches) {
                if (q > bestQ || (q == bestQ && f == preferred)) {
                    best = f;
                    bestQ = q;
                }
            }
        }
        if (best == null) {
            throw new Problem(406, "not-acceptable", "Not acceptable",
                    "none of the types in Accept can be written; this server writes " + mediaTypes())
                    .with("field", "Accept");
        }
        return new Choice(best, best.options(quality), true);
    }

    private static String mediaTypes() {
        List<String> n = new ArrayList<>();
        TABLE.forEach(f -> n.add(f.mediaType));
        return String.join(", ", n);
    }
}
