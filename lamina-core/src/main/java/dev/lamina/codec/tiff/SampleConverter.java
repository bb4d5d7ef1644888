package dev.lamina.codec.tiff;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;

/**
 * Turns stored samples (one row of a strip or tile, after the predictor is undone) into Lamina's
 * bands: grey, grey+alpha, RGB or RGBA, U8/U16/F32, straight alpha. Per pixel, in this order:
 * <ol>
 * <li>each sample is brought to the output scale: 1, 2 and 4-bit values exactly to 0..255 as
 *     v x 255 / (2^bits - 1) (as PNG's low depths), 8 and 16 bits as they are, floats as they are;</li>
 * <li>min-is-white grey is inverted (max - v; 1 - v for floats);</li>
 * <li>associated (premultiplied) alpha is divided out: c x max / a correctly rounded (nearest,
 *     halves up), 0 where a is 0; c / a for floats;</li>
 * <li>a palette index becomes its colour map entry, 16-bit entries rounded to 8 bits as
 *     v x 255 / 65535 (a map whose entries are all below 256 is an old 8-bit map, taken as is, as
 *     libtiff and libvips do);</li>
 * <li>CMYK becomes RGB the naive way, without a profile: R = (max - C)(max - K) / max, correctly
 *     rounded (libvips' and libtiff's formula when no ICC transform is done; Lamina's JPEG decoder
 *     uses the same);</li>
 * <li>extra samples after the alpha are dropped.</li>
 * </ol>
 * Grey, grey+alpha, RGB and RGBA with straight alpha at 8 or 16 bits, chunky, take a copy loop;
 * everything else the general path through an int (or float) row. Both are tested on the same
 * files against libtiff's and libvips' decodes.
 */
final class SampleConverter {
    private final TiffPage page;
    private final int spp;
    private final int bits;
    private final int outBands;
    private final int colourOut;
    private final boolean alpha;
    private final boolean associated;
    private final boolean minIsWhite;
    private final boolean cmyk;
    private final boolean little;
    private final boolean direct;
    private final int max;
    private final int[][] palette;
    private int[] ints = new int[0];
    private float[] floats = new float[0];

    SampleConverter(TiffPage page) {
        this.page = page;
        this.spp = page.samplesPerPixel;
        this.bits = page.bits;
        this.outBands = page.outputBands();
        this.colourOut = page.interpretation.colourBands;
        this.alpha = page.alpha != TiffPage.Alpha.NONE;
        this.associated = page.alpha == TiffPage.Alpha.ASSOCIATED;
        this.minIsWhite = page.photometric == 0;
        this.cmyk = page.photometric == 5;
        this.little = page.dir.littleEndian;
        this.max = page.format == BandFormat.U16 ? 65535 : 255;
        this.direct = !page.planar && !page.floatSamples && (bits == 8 || bits == 16)
                && (page.photometric == 1 || page.photometric == 2) && !associated && spp == outBands;
        this.palette = page.colourMap == null ? null : palette(page.colourMap, page.bits);
    }

    /**
     * Converts pixels {@code [c0, c0 + n)} of a block row into {@code dst} from sample index
     * {@code at}. {@code rows[p]} holds the row of plane p (one plane when chunky);
     * {@code bigEndianFloats} says the floating-point predictor left the floats most significant byte first.
     */
    void convert(byte[][] rows, int c0, int n, Region dst, int at, boolean bigEndianFloats) {
        if (direct) {
            copy(rows[0], c0, n, dst, at);
        } else if (page.floatSamples) {
            convertFloat(rows, c0, n, dst, at, bigEndianFloats ? false : little);
        } else {
            convertInt(rows, c0, n, dst, at);
        }
    }

    private void copy(byte[] row, int c0, int n, Region dst, int at) {
        int samples = n * spp;
        if (bits == 8) {
            System.arraycopy(row, c0 * spp, dst.u8(), at, samples);
        } else {
            short[] out = dst.u16();
            int p = 2 * c0 * spp;
            if (little) {
                for (int i = 0; i < samples; i++, p += 2) {
                    out[at + i] = (short) ((row[p] & 0xFF) | row[p + 1] << 8);
                }
            } else {
                for (int i = 0; i < samples; i++, p += 2) {
                    out[at + i] = (short) (row[p] << 8 | (row[p + 1] & 0xFF));
                }
            }
        }
    }

    /** Sample {@code s} of pixel {@code x} of the row, unscaled. */
    private int sample(byte[][] rows, int x, int s) {
        byte[] row = rows[page.planar ? s : 0];
        int k = page.planar ? x : x * spp + s;
        return switch (bits) {
            case 8 -> row[k] & 0xFF;
            case 16 -> little ? (row[2 * k] & 0xFF) | (row[2 * k + 1] & 0xFF) << 8 : (row[2 * k] & 0xFF) << 8 | (row[2 * k + 1] & 0xFF);
            default -> {
                int bit = k * bits;
                yield (row[bit >>> 3] & 0xFF) >>> (8 - bits - (bit & 7)) & ((1 << bits) - 1);
            }
        };
    }

    private void convertInt(byte[][] rows, int c0, int n, Region dst, int at) {
        int keep = colourSamplesIn() + (alpha ? 1 : 0);
        if (ints.length < n * keep) {
            ints = new int[n * keep];
        }
        int[] v = ints;
        int scaleNum = bits < 8 ? 255 : 1;
        int scaleDen = bits < 8 ? (1 << bits) - 1 : 1;
        boolean scale = bits < 8 && palette == null;
        int alphaSample = page.colourSamples;
        for (int i = 0; i < n; i++) {
            int x = c0 + i;
            int o = i * keep;
            for (int s = 0; s < page.colourSamples; s++) {
                int c = sample(rows, x, s);
                v[o + s] = scale ? c * scaleNum / scaleDen : c;
            }
            if (alpha) {
                int a = sample(rows, x, alphaSample);
                v[o + page.colourSamples] = bits < 8 ? a * scaleNum / scaleDen : a;
            }
        }
        for (int i = 0; i < n; i++) {
            int o = i * keep;
            int d = at + i * outBands;
            int a = alpha ? v[o + page.colourSamples] : max;
            if (minIsWhite) {
                v[o] = max - v[o];
            }
            if (associated && palette == null) {
                for (int s = 0; s < page.colourSamples; s++) {
                    v[o + s] = unpremultiply(v[o + s], a);
                }
            }
            if (palette != null) {
                int idx = v[o];
                put(dst, d, palette[0][idx]);
                put(dst, d + 1, palette[1][idx]);
                put(dst, d + 2, palette[2][idx]);
            } else if (cmyk) {
                long k = max - v[o + 3];
                long m = max;
                for (int s = 0; s < 3; s++) {
                    // (max - C)(max - K) / max rounded: the product over an odd max is never a tie
                    put(dst, d + s, (int) (((m - v[o + s]) * k + m / 2) / m));
                }
            } else {
                for (int s = 0; s < colourOut; s++) {
                    put(dst, d + s, v[o + s]);
                }
            }
            if (alpha) {
                put(dst, d + colourOut, a);
            }
        }
    }

    private int colourSamplesIn() {
        return page.colourSamples;
    }

    /** c x max / a, nearest with halves up; 0 where a is 0, max where c exceeds a (invalid data). */
    private int unpremultiply(int c, int a) {
        if (a == 0) {
            return 0;
        }
        if (c >= a) {
            return max;
        }
        long num = 2L * c * max + a;
        return (int) (num / (2L * a));
    }

    private void put(Region dst, int i, int value) {
        if (dst.format == BandFormat.U8) {
            dst.u8()[i] = (byte) value;
        } else {
            dst.u16()[i] = (short) value;
        }
    }

    private void convertFloat(byte[][] rows, int c0, int n, Region dst, int at, boolean littleFloats) {
        int keep = page.colourSamples + (alpha ? 1 : 0);
        if (floats.length < keep) {
            floats = new float[keep];
        }
        float[] out = dst.f32();
        for (int i = 0; i < n; i++) {
            int x = c0 + i;
            for (int s = 0; s < keep; s++) {
                byte[] row = rows[page.planar ? s : 0];
                int k = 4 * (page.planar ? x : x * spp + s);
                int b = littleFloats
                        ? (row[k] & 0xFF) | (row[k + 1] & 0xFF) << 8 | (row[k + 2] & 0xFF) << 16 | row[k + 3] << 24
                        : row[k] << 24 | (row[k + 1] & 0xFF) << 16 | (row[k + 2] & 0xFF) << 8 | (row[k + 3] & 0xFF);
                floats[s] = Float.intBitsToFloat(b);
            }
            int d = at + i * outBands;
            float a = alpha ? floats[page.colourSamples] : 1f;
            for (int s = 0; s < colourOut; s++) {
                float c = floats[s];
                if (minIsWhite) {
                    c = 1f - c;
                }
                if (associated) {
                    c = a == 0f ? 0f : c / a;
                }
                out[d + s] = c;
            }
            if (alpha) {
                out[d + colourOut] = a;
            }
        }
    }

    /** The colour map as 8-bit RGB tables. */
    private static int[][] palette(int[] map, int bits) {
        int entries = 1 << bits;
        boolean eightBit = true;
        for (int i = 0; i < 3 * entries; i++) {
            eightBit &= map[i] < 256;
        }
        int[][] p = new int[3][entries];
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < entries; i++) {
                int v = map[c * entries + i];
                // v x 255 / 65535 = v / 257, rounded to nearest (never a tie: 257 is odd)
                p[c][i] = eightBit ? v : (v + 128) / 257;
            }
        }
        return p;
    }
}
