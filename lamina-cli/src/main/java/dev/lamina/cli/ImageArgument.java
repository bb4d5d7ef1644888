package dev.lamina.cli;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image named on the command line: a file, or a blank canvas {@code canvas:WxH[:RRGGBB[AA]]}
 * (transparent when no colour is given), as ImageMagick's {@code canvas:} pseudo-image. A canvas
 * holds no pixels (each strip is filled when asked), so it is the base of a collage at no cost. A
 * file whose name starts with {@code canvas:} is reached as {@code ./canvas:...}.
 */
final class ImageArgument {
    private static final Pattern CANVAS = Pattern.compile("canvas:(\\d+)x(\\d+)(?::(.*))?", Pattern.CASE_INSENSITIVE);

    private ImageArgument() {
    }

    /** Opens {@code argument}; a malformed canvas is a usage error of {@code command}. */
    static LaminaImage open(String argument, LoadOptions load, CommandLine command) {
        if (!argument.toLowerCase(Locale.ROOT).startsWith("canvas:")) {
            return Lamina.open(Path.of(argument), load);
        }
        Matcher m = CANVAS.matcher(argument);
        try {
            if (!m.matches()) {
                throw new TypeConversionException("not of the form canvas:WIDTHxHEIGHT[:RRGGBB[AA]]");
            }
            long width = Values.longIn(m.group(1), 1, Integer.MAX_VALUE);
            long height = Values.longIn(m.group(2), 1, Integer.MAX_VALUE);
            load.limits().checkPixels(argument, width, height);
            if (m.group(3) == null) {
                return Lamina.canvas((int) width, (int) height, 0, 0);
            }
            int argb = Values.argb(m.group(3));
            int alpha = argb >>> 24;
            return alpha == 255 ? Lamina.canvas((int) width, (int) height, argb & 0xFFFFFF)
                    : Lamina.canvas((int) width, (int) height, argb & 0xFFFFFF, alpha / 255.0);
        } catch (TypeConversionException e) {
            throw new ParameterException(command, "Invalid canvas '" + argument + "': " + e.getMessage());
        }
    }
}
