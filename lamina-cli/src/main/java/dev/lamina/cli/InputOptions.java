package dev.lamina.cli;

import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Options that govern reading inputs, shared by every command that reads images. */
final class InputOptions {
    @Option(names = "--limit-pixels", paramLabel = "N", converter = Values.PixelLimit.class,
            description = "refuse inputs with more pixels than this (default 268402689)")
    long limitPixels = Limits.DEFAULT_MAX_PIXELS;

    @Option(names = "--limit-memory", paramLabel = "SIZE", converter = ByteSize.class,
            description = "refuse inputs that need a buffer larger than this: a whole interlaced PNG or progressive"
                    + " JPEG, resampling tables, rows of a very wide image (bytes, or with k, m, g; default 512m)")
    Long limitMemory;

    @Option(names = "--no-auto-orient", description = "keep JPEGs as stored instead of turning them upright (EXIF)")
    boolean noAutoOrient;

    LoadOptions load() {
        Limits limits = Limits.defaults().maxPixels(limitPixels);
        if (limitMemory != null) {
            limits = limits.maxMemoryBytes(limitMemory);
        }
        return LoadOptions.defaults().limits(limits).autoOrient(!noAutoOrient);
    }

    /** A size in bytes, with an optional binary suffix: 512m, 2g, 65536, 64k. */
    static final class ByteSize implements CommandLine.ITypeConverter<Long> {
        private static final Pattern SIZE = Pattern.compile("([0-9]{1,18})([kmg]?)(i?b)?", Pattern.CASE_INSENSITIVE);

        @Override
        public Long convert(String value) {
            Matcher m = SIZE.matcher(value.trim());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value
                        + "' is not a size (a number of bytes, or with k, m or g: 512m, 2g)");
            }
            int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            long n = Long.parseLong(m.group(1));
            if (n < 1 || n > Long.MAX_VALUE >> shift) {
                throw new CommandLine.TypeConversionException("'" + value + "' must be at least one byte and less than 8 EiB");
            }
            return n << shift;
        }
    }
}
