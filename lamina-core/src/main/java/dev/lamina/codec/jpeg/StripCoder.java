package dev.lamina.codec.jpeg;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Region;
import dev.lamina.core.Rounding;
import dev.lamina.core.SampleRows;
import dev.lamina.simd.RgbToYcc;
import dev.lamina.simd.Vectors;

/**
 * Turns one strip of the image (whole iMCU rows, except at the bottom) into quantised DCT
 * coefficients, as libjpeg 6b's compressor does: 8-bit samples (cast, alpha flattened on the
 * background), RGB to YCbCr with jccolor.c's fixed-point coefficients (16 fraction bits; its
 * tables hold exactly these products), edges replicated (jcprepct.c),
 * 2x2 chroma averaging with the alternating 1, 2 bias (jcsample.c), islow DCT and rounding
 * quantisation, and the dummy blocks of jccoefct.c at the right and bottom edges.
 * Runs on the worker threads; holds no state between strips.
 */
final class StripCoder {
    private static final int ONE_HALF = 1 << 15;
    private static final int Y_R = fix(0.29900);
    private static final int Y_G = fix(0.58700);
    private static final int Y_B = fix(0.11400);
    private static final int CB_R = -fix(0.16874);
    private static final int CB_G = -fix(0.33126);
    private static final int HALF = fix(0.5);
    private static final int CR_G = -fix(0.41869);
    private static final int CR_B = -fix(0.08131);
    private static final int CBCR_OFFSET = (128 << 16) + ONE_HALF - 1;
    private static int fix(double x) {
        return (int) (x * 65536 + 0.5);
    }

    /*
     * jccolor.c's products as tables, two to a long: for each of R, G and B the luma term in the
     * low 32 bits and the Cb term in the high 32 bits. Summed, the low half (0 .. 2^25) cannot
     * borrow from or carry into the high half, so one add gives both sums exactly; Cr takes two
     * int tables (its R term is R << 15). No multiplies are left in the per-pixel loop.
     */
    private static final long[] R_Y_CB = new long[256];
    private static final long[] G_Y_CB = new long[256];
    private static final long[] B_Y_CB = new long[256];
    private static final int[] G_CR = new int[256];
    private static final int[] B_CR = new int[256];
    private static final long Y_CB_OFFSET = ONE_HALF + ((long) CBCR_OFFSET << 32);

    static {
        for (int i = 0; i < 256; i++) {
            R_Y_CB[i] = Y_R * i + ((long) (CB_R * i) << 32);
            G_Y_CB[i] = Y_G * i + ((long) (CB_G * i) << 32);
            B_Y_CB[i] = Y_B * i + ((long) (HALF * i) << 32);
            G_CR[i] = CR_G * i;
            B_CR[i] = CR_B * i + CBCR_OFFSET;
        }
    }

    /** The luma of an RGB colour with the encoder's own tables: the grey a grey image is flattened on. */
    static int luma(int rgb) {
        return (Y_R * ((rgb >> 16) & 255) + Y_G * ((rgb >> 8) & 255) + Y_B * (rgb & 255) + ONE_HALF) >> 16;
    }

    /**
     * Coefficients of one strip: per component, blocksW x (imcuRows * v) blocks of 64 in zig-zag
     * order, and per block the zig-zag non-zero map of {@link ForwardDct#forwardRow} (0 for dummies).
     */
    record Coefficients(int firstImcuRow, int imcuRows, short[][] blocks, long[][] nonZero) {
    }

    private final EncoderLayout layout;
    private final ForwardDct.Divisors[] divisors;
    private final int background;
    /** The DCT's work arrays, one set per worker thread for the whole encode. */
    private final ThreadLocal<ForwardDct> dcts = ThreadLocal.withInitial(ForwardDct::new);

    StripCoder(EncoderLayout layout, ForwardDct.Divisors[] divisors, int background) {
        this.layout = layout;
        this.divisors = divisors;
        this.background = background;
    }

    Coefficients code(Region strip) {
        EncoderLayout L = layout;
        int y0 = strip.rect().y();
        int rows = strip.rect().height();
        int imcuH = L.imcuHeight();
        int firstImcu = y0 / imcuH;
        int imcuRows = JpegFrame.ceilDiv(rows, imcuH);
        int fullRows = imcuRows * imcuH;
        int padW = L.mcusX * L.hmax * 8;
        int nc = L.components;
        byte[][] planes = new byte[nc][padW * fullRows];
        double[] tmp = strip.format == BandFormat.U8 && !hasAlpha(strip, nc) ? null : new double[L.width * strip.bands];
        byte[] pix = tmp == null ? null : new byte[L.width * nc];
        for (int r = 0; r < fullRows; r++) {
            int o = r * padW;
            if (r >= rows) {
                // below the image: libjpeg repeats the last row
                for (int c = 0; c < nc; c++) {
                    System.arraycopy(planes[c], (rows - 1) * padW, planes[c], o, padW);
                }
                continue;
            }
            byte[] in = pix;
            int ip = 0;
            if (tmp == null) {
                in = strip.u8();
                ip = strip.index(0, y0 + r);
            } else {
                eightBit(strip, y0 + r, pix, tmp);
            }
            if (nc == 1) {
                System.arraycopy(in, ip, planes[0], o, L.width);
            } else {
                rgbToYcc(in, ip, planes[0], planes[1], planes[2], o, L.width);
            }
            for (int c = 0; c < nc; c++) {
                byte[] p = planes[c];
                byte last = p[o + L.width - 1];
                java.util.Arrays.fill(p, o + L.width, o + padW, last);
            }
        }
        short[][] out = new short[nc][];
        long[][] masks = new long[nc][];
        ForwardDct dct = dcts.get();
        for (int c = 0; c < nc; c++) {
            byte[] src = planes[c];
            int stride = padW;
            if (L.h[c] != L.hmax) {
                src = downsample2x2(planes[c], padW, fullRows);
                stride = padW / 2;
                // Below the image libjpeg repeats the last downsampled row (jcprepct.c
                // expand_bottom_edge), not a downsampled copy of the last image row: they differ
                // when the height is even.
                int real = (rows + 1) / 2;
                for (int y = real; y < fullRows / 2; y++) {
                    System.arraycopy(src, (real - 1) * stride, src, y * stride, stride);
                }
            }
            int bw = L.blocksW[c];
            int bh = imcuRows * L.v[c];
            short[] co = new short[bw * bh * 64];
            long[] nz = new long[bw * bh];
            out[c] = co;
            masks[c] = nz;
            int wib = L.widthInBlocks[c];
            int hib = L.heightInBlocks[c];
            for (int by = 0; by < bh; by++) {
                int gby = firstImcu * L.v[c] + by;
                if (gby < hib) {
                    dct.forwardRow(src, by * 8 * stride, stride, Math.min(wib, bw), divisors[c == 0 ? 0 : 1],
                            co, by * bw * 64, nz, by * bw);
                }
                if (nc == 1) {
                    continue;
                }
                for (int bx = 0; bx < bw; bx++) {
                    int o = (by * bw + bx) * 64;
                    if (gby >= hib) {
                        // a row of dummy blocks at the bottom: DC of the block above's MCU neighbour
                        int mcuLast = (bx / L.h[c]) * L.h[c] + L.h[c] - 1;
                        co[o] = co[((by - 1) * bw + mcuLast) * 64];
                    } else if (bx >= wib) {
                        co[o] = co[o - 64];   // dummy block at the right edge: repeat the DC
                    }
                }
            }
        }
        return new Coefficients(firstImcu, imcuRows, out, masks);
    }

    /** The vector form of {@link #rgbToYcc} when this JVM runs vector kernels ({@link Vectors}), else null. */
    private static final RgbToYcc VECTOR_RGB_YCC = Vectors.rgbToYcc();

    /** One row of 8-bit RGB to Y, Cb and Cr with jccolor.c's arithmetic (see the tables above). */
    static void rgbToYcc(byte[] in, int ip, byte[] py, byte[] pb, byte[] pr, int o, int width) {
        rgbToYcc(VECTOR_RGB_YCC, in, ip, py, pb, pr, o, width);
    }

    /**
     * As above with the given vector form converting all but the row's last few pixels first, or
     * the tables alone for null (the tests run both).
     */
    static void rgbToYcc(RgbToYcc vector, byte[] in, int ip, byte[] py, byte[] pb, byte[] pr, int o, int width) {
        int done = vector == null ? 0 : vector.convert(in, ip, py, pb, pr, o, width);
        for (int x = done, i = ip + 3 * done; x < width; x++, i += 3) {
            int r = in[i] & 0xFF;
            int g = in[i + 1] & 0xFF;
            int b = in[i + 2] & 0xFF;
            long ycb = R_Y_CB[r] + G_Y_CB[g] + B_Y_CB[b] + Y_CB_OFFSET;
            py[o + x] = (byte) ((int) ycb >> 16);
            pb[o + x] = (byte) (ycb >> 48);
            pr[o + x] = (byte) (((r << 15) + G_CR[g] + B_CR[b]) >> 16);
        }
    }

    private static boolean hasAlpha(Region r, int colourBands) {
        return r.bands > colourBands;
    }

    /** libjpeg h2v2_downsample: mean of each 2x2 box with bias 1, 2, 1, 2... along the row. */
    private static byte[] downsample2x2(byte[] in, int w, int h) {
        int ow = w / 2;
        int oh = h / 2;
        byte[] out = new byte[ow * oh];
        for (int y = 0; y < oh; y++) {
            int a = 2 * y * w;
            int b = a + w;
            int o = y * ow;
            int bias = 1;
            for (int x = 0; x < ow; x++) {
                out[o + x] = (byte) (((in[a] & 0xFF) + (in[a + 1] & 0xFF) + (in[b] & 0xFF) + (in[b + 1] & 0xFF) + bias) >> 2);
                bias ^= 3;
                a += 2;
                b += 2;
            }
        }
        return out;
    }

    /**
     * Row {@code y} of the strip as 8-bit grey or RGB: U8 without alpha is taken as it is;
     * anything else goes through normalised doubles, with alpha flattened on the background.
     */
    private void eightBit(Region strip, int y, byte[] pix, double[] tmp) {
        int nc = layout.components;
        int w = layout.width;
        SampleRows.read(strip, 0, y, w, tmp);
        int bands = strip.bands;
        boolean alpha = bands > nc;
        double[] bg = new double[3];
        if (nc == 1) {
            bg[0] = luma(background) / 255.0;
        } else {
            bg[0] = ((background >> 16) & 255) / 255.0;
            bg[1] = ((background >> 8) & 255) / 255.0;
            bg[2] = (background & 255) / 255.0;
        }
        for (int x = 0; x < w; x++) {
            int s = x * bands;
            double a = alpha ? Math.max(0, Math.min(1, tmp[s + bands - 1])) : 1;
            for (int c = 0; c < nc; c++) {
                double v = Math.max(0, Math.min(1, tmp[s + c]));
                pix[x * nc + c] = (byte) Rounding.toU8(alpha ? v * a + bg[c] * (1 - a) : v);
            }
        }
    }
}
