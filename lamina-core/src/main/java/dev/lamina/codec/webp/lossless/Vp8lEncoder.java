package dev.lamina.codec.webp.lossless;

import dev.lamina.model.LaminaException;

/**
 * Lamina's VP8L (lossless WebP) encoder. Entry points: {@link #encode} makes a {@code VP8L}
 * chunk payload (header included) from ARGB pixels; {@link #encodeImageStream} a headerless
 * image stream (for the ALPH chunk, alpha in green: {@link #encodeAlpha}).
 *
 * <p>The transforms are applied in libwebp's order: subtract green, predictor (a mode per tile),
 * cross colour (multipliers per tile); or, when the image has 256 colours or fewer, colour
 * indexing (and at efforts 8-9 both ways are tried and the smaller kept). Then LZ77 with hash
 * chains, a colour cache of the size that estimates smallest, and prefix codes of at most 15 bits,
 * with meta codes (an entropy image of clustered tile statistics) from effort 5 up. What each
 * level does is in {@link EncoderEffort} and docs/webp.md.
 *
 * <p><b>Memory.</b> The encoder holds the image: LZ77 looks back up to a million pixels and the
 * choices are made over the whole image, as libwebp's encoder does. It takes about 4 ints per
 * pixel at the peak (the pixels, the transformed copy, the tokens, the hash chain).
 *
 * <p><b>Exactness.</b> Decoding the output gives the input back exactly, except that without
 * {@code exact} the colour of fully transparent pixels is not kept: it becomes whatever codes
 * cheapest (black, or the predicted colour), as libwebp does by default. The output depends only on the
 * pixels and the options (one thread, no randomness), so it is the same bytes on every run.
 */
public final class Vp8lEncoder {
    private Vp8lEncoder() {
    }

    /** A {@code VP8L} chunk payload for {@code argb} ({@code width x height}, row by row, alpha in the top byte). */
    public static byte[] encode(int[] argb, int width, int height, Vp8lEncodeOptions options) {
        checkSize(argb, width, height);
        boolean alpha = false;
        for (int p : argb) {
            if (p >>> 24 != 0xff) {
                alpha = true;
                break;
            }
        }
        byte[] header = new Vp8lHeader(width, height, alpha).toBytes();
        byte[] stream = encodeImageStream(argb, width, height, options);
        byte[] out = new byte[header.length + stream.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(stream, 0, out, header.length, stream.length);
        return out;
    }

    /** A headerless image stream for {@code argb}. */
    public static byte[] encodeImageStream(int[] argb, int width, int height, Vp8lEncodeOptions options) {
        return encodeImageStream(argb, width, height, EncoderEffort.spatialTries(options.effort()), options.exact());
    }

    /**
     * The stream with explicit configurations (tests and tuning compare them): a palette is tried
     * as the first says; the spatial transforms with each, the smallest output kept.
     */
    static byte[] encodeImageStream(int[] argb, int width, int height, EncoderEffort[] tries, boolean exact) {
        EncoderEffort effort = tries[0];
        checkSize(argb, width, height);
        int[] pixels = argb.clone();
        if (!exact) {
            for (int i = 0; i < pixels.length; i++) {
                if (pixels[i] >>> 24 == 0) {
                    pixels[i] = 0;
                }
            }
        }
        Palette palette = effort.palette() ? Palette.of(pixels) : null;
        byte[] best = null;
        if (palette != null) {
            best = indexed(pixels, width, height, palette, effort);
            if (!effort.paletteAndSpatial()) {
                return best;
            }
        }
        for (EncoderEffort e : tries) {
            byte[] candidate = spatial(pixels, width, height, e, exact);
            if (best == null || candidate.length < best.length) {
                best = candidate;   // the first of equals stays: the output does not depend on timing
            }
        }
        return best;
    }

    /**
     * A headerless image stream of an alpha plane ({@code width x height} bytes), the values in
     * green as the ALPH chunk's lossless compression wants them.
     */
    public static byte[] encodeAlpha(byte[] alpha, int width, int height, Vp8lEncodeOptions options) {
        if (alpha.length != (long) width * height) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "alpha plane of " + alpha.length + " bytes for " + width + "x" + height);
        }
        int[] argb = new int[alpha.length];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | ((alpha[i] & 0xff) << 8);
        }
        return encodeImageStream(argb, width, height, options.exact(true));
    }

    private static byte[] spatial(int[] source, int width, int height, EncoderEffort effort, boolean exact) {
        int[] pixels = source.clone();
        LosslessBitWriter out = new LosslessBitWriter(pixels.length);
        if (effort.subtractGreen()) {
            out.write(1, 1);
            out.write(Vp8lConstants.SUBTRACT_GREEN, 2);
            for (int i = 0; i < pixels.length; i++) {
                int p = pixels[i];
                int g = (p >>> 8) & 0xff;
                pixels[i] = (p & 0xff00ff00) | ((((p >>> 16) - g) & 0xff) << 16) | ((p - g) & 0xff);
            }
        }
        // predictor
        int bits = effort.predictorBits();
        int[] modes = PredictorChoice.chooseModes(pixels, width, height, bits, effort.predictorModes());
        out.write(1, 1);
        out.write(Vp8lConstants.PREDICTOR, 2);
        out.write(bits - 2, 3);
        SubImageWriter.write(out, modes, Vp8lConstants.subsampled(width, bits), effort.chain());
        PredictorChoice.apply(pixels, width, height, bits, modes, exact);
        if (effort.crossColour()) {
            int cb = effort.crossColourBits();
            int[] multipliers = CrossColourChoice.choose(pixels, width, height, cb, effort.crossColourStep());
            out.write(1, 1);
            out.write(Vp8lConstants.CROSS_COLOUR, 2);
            out.write(cb - 2, 3);
            SubImageWriter.write(out, multipliers, Vp8lConstants.subsampled(width, cb), effort.chain());
            CrossColourChoice.apply(pixels, width, height, cb, multipliers);
        }
        out.write(0, 1);
        entropyCode(out, pixels, width, height, effort);
        return out.finish();
    }

    private static byte[] indexed(int[] source, int width, int height, Palette palette, EncoderEffort effort) {
        LosslessBitWriter out = new LosslessBitWriter(source.length / 2);
        out.write(1, 1);
        out.write(Vp8lConstants.COLOUR_INDEXING, 2);
        out.write(palette.colours.length - 1, 8);
        int[] deltas = palette.deltas();
        SubImageWriter.write(out, deltas, deltas.length, effort.chain());
        int codedWidth = Vp8lConstants.subsampled(width, palette.bundleBits());
        int[] coded = palette.index(source, width, height);
        out.write(0, 1);
        entropyCode(out, coded, codedWidth, height, effort);
        return out.finish();
    }

    private static void entropyCode(LosslessBitWriter out, int[] pixels, int width, int height, EncoderEffort effort) {
        // With a cost-based parse to follow, the first parse only gathers statistics: a cheap one does.
        int firstChain = effort.parseRounds() > 0 ? 0 : effort.chain();
        Tokens greedy = BackwardReferences.find(pixels, width, firstChain, effort.lazy(), effort.minLength());
        int cacheBits = ColourCacheChoice.choose(greedy, pixels, effort.cacheBits());
        Tokens tokens = ColourCacheChoice.apply(greedy, pixels, cacheBits);
        for (int round = 0; round < effort.parseRounds(); round++) {
            tokens = OptimalParse.parse(pixels, width, tokens, cacheBits, effort.chain());
        }
        EntropyCodedWriter.Groups groups = null;
        if (effort.metaGroups() > 1) {
            int bits = effort.metaBits();
            while (bits < 9 && (long) Vp8lConstants.subsampled(width, bits) * Vp8lConstants.subsampled(height, bits) > effort.metaTiles()) {
                bits++;
            }
            groups = EntropyImageChoice.choose(tokens, width, height, cacheBits, bits, effort.metaGroups());
        }
        EntropyCodedWriter.write(out, tokens, width, cacheBits, groups, true, effort.chain());
    }

    private static void checkSize(int[] argb, int width, int height) {
        if (width < 1 || height < 1 || width > Vp8lConstants.MAX_SIZE || height > Vp8lConstants.MAX_SIZE) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "lossless WebP images are 1 to 16384 pixels on each side, not "
                    + width + "x" + height);
        }
        if (argb.length != width * height) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, argb.length + " pixels for " + width + "x" + height);
        }
    }
}
