package dev.lamina.cli;

import dev.lamina.model.BlendMode;
import dev.lamina.model.ExtendWith;
import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.model.PngFilter;
import dev.lamina.model.ThumbnailOptions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The values options take, checked while the command line is parsed, so that a wrong value is a
 * usage error (exit 2, picocli's "Invalid value for option ..." followed by what was wrong and
 * what is valid) and never reaches the engine. Names are the lower-case, hyphenated forms the help
 * shows ({@code lanczos3}, {@code icc-only}, {@code north-east}).
 */
final class Values {
    private Values() {
    }

    /** The command-line name of an enum constant: {@code ICC_ONLY} -> {@code icc-only}. */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Values::name).collect(Collectors.joining(", "));
    }

    /** Reads an enum by its command-line name; the error lists every name. */
    abstract static class Named<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;
        private final String what;

        Named(Class<E> type, String what) {
            this.type = type;
            this.what = what;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) {
                if (name(e).equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not " + what + " (" + names(type) + ")");
        }
    }

    static final class KernelName extends Named<Kernel> {
        KernelName() {
            super(Kernel.class, "a kernel");
        }
    }

    static final class FitName extends Named<ThumbnailOptions.Fit> {
        FitName() {
            super(ThumbnailOptions.Fit.class, "a fit");
        }
    }

    static final class FilterName extends Named<PngFilter> {
        FilterName() {
            super(PngFilter.class, "a PNG filter");
        }
    }

    static final class MetadataName extends Named<Metadata.Keep> {
        MetadataName() {
            super(Metadata.Keep.class, "a metadata mode");
        }
    }

    static final class SubsamplingName implements ITypeConverter<JpegOptions.Subsampling> {
        @Override
        public JpegOptions.Subsampling convert(String value) {
            return switch (value.trim().replace(":", "")) {
                case "444" -> JpegOptions.Subsampling.S444;
                case "420" -> JpegOptions.Subsampling.S420;
                default -> throw new TypeConversionException("'" + value + "' is not a subsampling (444, 420)");
            };
        }
    }

    /** A blend mode by its name (also {@code color-dodge} for {@code colour-dodge}). */
    static BlendMode blendMode(String value) {
        try {
            return BlendMode.parse(value);
        } catch (LaminaException e) {
            throw new TypeConversionException("'" + value + "' is not a blend mode (" + names(BlendMode.class) + ")");
        }
    }

    /** A gravity by its name ({@code centre}/{@code center}, {@code north-east}/{@code northeast}, ...). */
    static Gravity gravity(String value) {
        try {
            return Gravity.parse(value);
        } catch (LaminaException e) {
            throw new TypeConversionException("'" + value + "' is not a gravity (" + names(Gravity.class) + ")");
        }
    }

    /**
     * Where {@code cover} crops and {@code contain} places the image: a gravity, or for cover one
     * of the content strategies.
     */
    record Position(Gravity gravity, ThumbnailOptions.Crop crop) {
    }

    static final class PositionName implements ITypeConverter<Position> {
        @Override
        public Position convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            if (v.equals("entropy")) {
                return new Position(Gravity.CENTRE, ThumbnailOptions.Crop.ENTROPY);
            }
            if (v.equals("attention")) {
                return new Position(Gravity.CENTRE, ThumbnailOptions.Crop.ATTENTION);
            }
            try {
                return new Position(Gravity.parse(v), ThumbnailOptions.Crop.POSITION);
            } catch (LaminaException e) {
                throw new TypeConversionException("'" + value + "' is not a gravity or a crop strategy ("
                        + names(Gravity.class) + "; entropy, attention)");
            }
        }
    }

    /** {@code RRGGBB} or {@code RRGGBBAA} in hexadecimal, {@code #} allowed; as 0xAARRGGBB (AA = ff when absent). */
    static final class Colour implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return argb(value);
        }
    }

    static int argb(String value) {
        String h = value.startsWith("#") ? value.substring(1) : value;
        if (!h.matches("[0-9a-fA-F]{6}([0-9a-fA-F]{2})?")) {
            throw new TypeConversionException("'" + value + "' is not a colour (RRGGBB or RRGGBBAA in hexadecimal,"
                    + " for example ffffff or 00000080)");
        }
        long v = Long.parseLong(h, 16);
        return h.length() == 6 ? (int) (0xFF000000L | v) : (int) ((v & 0xFF) << 24 | v >>> 8);
    }

    /** A whole number in a range, for options whose range the help shows as their label. */
    abstract static class IntIn implements ITypeConverter<Integer> {
        private final long min;
        private final long max;

        IntIn(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Integer convert(String value) {
            return (int) longIn(value, min, max);
        }
    }

    static long longIn(String value, long min, long max) {
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw new TypeConversionException(v + " is not " + (max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                    ? "at least " + min : "from " + min + " to " + max));
        }
        return v;
    }

    static final class Quality extends IntIn {
        Quality() {
            super(1, 100);
        }
    }

    static final class Compression extends IntIn {
        Compression() {
            super(0, 9);
        }
    }

    static final class Pixels extends IntIn {
        Pixels() {
            super(1, Integer.MAX_VALUE);
        }
    }

    static final class BitDepth implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String v = value.trim();
            if (!v.equals("8") && !v.equals("16")) {
                throw new TypeConversionException("'" + value + "' is not a bit depth (8, 16)");
            }
            return Integer.parseInt(v);
        }
    }

    static final class PixelLimit implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return longIn(value, 1, Long.MAX_VALUE);
        }
    }

    /** A finite number greater than 0. */
    static final class Positive implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return positive(value);
        }
    }

    /** A number in a closed range, for options whose range the help shows as their label. */
    abstract static class DoubleIn implements ITypeConverter<Double> {
        private final double min;
        private final double max;

        DoubleIn(double min, double max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Double convert(String value) {
            double v;
            try {
                v = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a number");
            }
            if (!(v >= min && v <= max)) {
                throw new TypeConversionException(value + " is not from " + format(min) + " to " + format(max));
            }
            return v;
        }

        private static String format(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }

    /** Sharpen's amount. */
    static final class Amount extends DoubleIn {
        Amount() {
            super(0, 100);
        }
    }

    /** A fraction of full scale. */
    static final class Fraction extends DoubleIn {
        Fraction() {
            super(0, 1);
        }
    }

    static double positive(String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        if (!(v > 0 && Double.isFinite(v))) {
            throw new TypeConversionException(value + " is not a number greater than 0");
        }
        return v;
    }

    /** A number from 0 to 1. */
    static double unit(String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number from 0 to 1");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new TypeConversionException(value + " is not from 0 to 1");
        }
        return v;
    }

    /** A whole number (any sign). */
    static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    static final class NonNegative extends IntIn {
        NonNegative() {
            super(0, Integer.MAX_VALUE);
        }
    }

    static final class ExtendName extends Named<ExtendWith> {
        ExtendName() {
            super(ExtendWith.class, "an extend mode");
        }
    }

    /** A finite number (any sign), such as an angle. */
    static final class Finite implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return finite(value);
        }
    }

    static final class NonNegativeReal implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double v = finite(value);
            if (v < 0) {
                throw new TypeConversionException(value + " is not a number of at least 0");
            }
            return v;
        }
    }

    static double finite(String value) {
        double v;
        try {
            v = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        if (!Double.isFinite(v)) {
            throw new TypeConversionException(value + " is not a finite number");
        }
        return v;
    }

    /** A rectangle given as {@code LEFT,TOP,WIDTH,HEIGHT}. */
    record Rectangle(int left, int top, int width, int height) {
    }

    /** {@code LEFT,TOP,WIDTH,HEIGHT}: a rectangle, its size at least 1x1. */
    static final class Area implements ITypeConverter<Rectangle> {
        @Override
        public Rectangle convert(String value) {
            String[] p = value.split(",", -1);
            if (p.length != 4) {
                throw new TypeConversionException("'" + value + "' is not LEFT,TOP,WIDTH,HEIGHT (four whole numbers)");
            }
            try {
                return new Rectangle((int) longIn(p[0], Integer.MIN_VALUE, Integer.MAX_VALUE),
                        (int) longIn(p[1], Integer.MIN_VALUE, Integer.MAX_VALUE),
                        (int) longIn(p[2], 1, Integer.MAX_VALUE), (int) longIn(p[3], 1, Integer.MAX_VALUE));
            } catch (TypeConversionException e) {
                throw new TypeConversionException("'" + value + "': " + e.getMessage() + " (LEFT,TOP,WIDTH,HEIGHT; the size at least 1x1)");
            }
        }
    }

    /** An affine matrix: {@code X = a x + b y + tx}, {@code Y = c x + d y + ty}. */
    record Matrix(double a, double b, double c, double d, double tx, double ty) {
    }

    /** {@code A,B,C,D[,TX,TY]}: an affine matrix, the translation 0 when left out. */
    static final class MatrixValue implements ITypeConverter<Matrix> {
        @Override
        public Matrix convert(String value) {
            String[] p = value.split(",", -1);
            if (p.length != 4 && p.length != 6) {
                throw new TypeConversionException("'" + value + "' is not A,B,C,D or A,B,C,D,TX,TY (four or six numbers)");
            }
            double[] m = new double[6];
            for (int i = 0; i < p.length; i++) {
                m[i] = finite(p[i]);
            }
            return new Matrix(m[0], m[1], m[2], m[3], m[4], m[5]);
        }
    }
}
