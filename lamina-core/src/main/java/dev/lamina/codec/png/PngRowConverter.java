package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.core.Region;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Turns one unfiltered PNG row into Lamina samples: U8 for depths up to 8 (grey below 8 scaled
 * exactly to 0..255), U16 for depth 16 (big-endian in the file), palettes expanded to RGB or RGBA,
 * and a tRNS colour key turned into an alpha band (compared at the file's depth, before scaling).
 *
 * <p>{@link #forImage} picks one kernel per (depth, colour type, transparency) when a decoder
 * starts, so the per-pixel loops have neither a switch nor a virtual call; the one virtual call is
 * per row. A converter may keep scratch space: one per decoder, never shared between threads.
 */
abstract class PngRowConverter {
    private static final VarHandle U16_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);

    /**
     * Converts {@code width} pixels from {@code raw} (starting at {@code off}) into {@code dst} from
     * sample index {@code di}.
     */
    abstract void convert(byte[] raw, int off, int width, Region dst, int di);

    /** The kernel for an image, for rows of at most {@code maxWidth} pixels; {@code name} names the input in errors. */
    static PngRowConverter forImage(PngInfo info, int maxWidth, String name) {
        PngHeader h = info.header();
        int depth = h.bitDepth();
        int[] key = info.transparentKey();
        return switch (h.colourType()) {
            case PngHeader.PALETTE -> new Palette(depth, info.palette(), info.paletteAlpha(), maxWidth, name);
            case PngHeader.GREY -> {
                if (depth == 16) {
                    yield key == null ? new Copy16(1) : new KeyedGrey16(key[0]);
                }
                if (depth == 8 && key == null) {
                    yield new Copy8(1);
                }
                yield new Grey(depth, key == null ? -1 : key[0], maxWidth);
            }
            case PngHeader.RGB -> {
                if (key == null) {
                    yield depth == 16 ? new Copy16(3) : new Copy8(3);
                }
                yield depth == 16 ? new KeyedRgb16(key) : new KeyedRgb8(key);
            }
            case PngHeader.GREY_ALPHA -> depth == 16 ? new Copy16(2) : new Copy8(2);
            default -> depth == 16 ? new Copy16(4) : new Copy8(4);
        };
    }

    /** Depth 8, no key: the file's samples are Lamina's samples. */
    static final class Copy8 extends PngRowConverter {
        private final int channels;

        Copy8(int channels) {
            this.channels = channels;
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            System.arraycopy(raw, off, dst.u8(), di, width * channels);
        }
    }

    /** Depth 16, no key: big-endian pairs to shorts. */
    static final class Copy16 extends PngRowConverter {
        private final int channels;

        Copy16(int channels) {
            this.channels = channels;
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            short[] out = dst.u16();
            int n = width * channels;
            for (int i = 0; i < n; i++) {
                out[di + i] = (short) U16_BE.get(raw, off + 2 * i);
            }
        }
    }

    /**
     * Grey of depth 1, 2, 4 or 8 through a table that scales v to v*255/(2^d-1) (exact: 255 is a
     * multiple of 1, 3 and 15), with an alpha band from the key when there is one.
     */
    static final class Grey extends PngRowConverter {
        private final int depth;
        private final int key;        // -1: no tRNS
        private final byte[] scale;
        private final byte[] values;  // unpacked samples of one row

        Grey(int depth, int key, int maxWidth) {
            this.depth = depth;
            this.key = key;
            int max = (1 << depth) - 1;
            scale = new byte[max + 1];
            for (int v = 0; v <= max; v++) {
                scale[v] = (byte) (v * 255 / max);
            }
            values = new byte[maxWidth];
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            byte[] v = depth == 8 ? raw : values;
            int vo = depth == 8 ? off : 0;
            if (depth < 8) {
                unpack(raw, off, width, depth, values);
            }
            byte[] out = dst.u8();
            if (key < 0) {
                for (int x = 0; x < width; x++) {
                    out[di + x] = scale[v[vo + x] & 0xFF];
                }
            } else {
                for (int x = 0, o = di; x < width; x++, o += 2) {
                    int s = v[vo + x] & 0xFF;
                    out[o] = scale[s];
                    out[o + 1] = (byte) (s == key ? 0 : 255);
                }
            }
        }
    }

    /** Grey 16 with a tRNS key: grey plus alpha. */
    static final class KeyedGrey16 extends PngRowConverter {
        private final int key;

        KeyedGrey16(int key) {
            this.key = key;
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            short[] out = dst.u16();
            for (int x = 0, o = di; x < width; x++, o += 2) {
                short s = (short) U16_BE.get(raw, off + 2 * x);
                out[o] = s;
                out[o + 1] = (short) ((s & 0xFFFF) == key ? 0 : 0xFFFF);
            }
        }
    }

    /** RGB 8 with a tRNS key: RGBA, transparent where all three samples equal the key. */
    static final class KeyedRgb8 extends PngRowConverter {
        private final int kr;
        private final int kg;
        private final int kb;

        KeyedRgb8(int[] key) {
            kr = key[0];
            kg = key[1];
            kb = key[2];
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            byte[] out = dst.u8();
            for (int x = 0, p = off, o = di; x < width; x++, p += 3, o += 4) {
                int r = raw[p] & 0xFF;
                int g = raw[p + 1] & 0xFF;
                int b = raw[p + 2] & 0xFF;
                out[o] = (byte) r;
                out[o + 1] = (byte) g;
                out[o + 2] = (byte) b;
                out[o + 3] = (byte) (r == kr && g == kg && b == kb ? 0 : 255);
            }
        }
    }

    /** RGB 16 with a tRNS key: RGBA 16. */
    static final class KeyedRgb16 extends PngRowConverter {
        private final int kr;
        private final int kg;
        private final int kb;

        KeyedRgb16(int[] key) {
            kr = key[0];
            kg = key[1];
            kb = key[2];
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            short[] out = dst.u16();
            for (int x = 0, p = off, o = di; x < width; x++, p += 6, o += 4) {
                short r = (short) U16_BE.get(raw, p);
                short g = (short) U16_BE.get(raw, p + 2);
                short b = (short) U16_BE.get(raw, p + 4);
                out[o] = r;
                out[o + 1] = g;
                out[o + 2] = b;
                out[o + 3] = (short) ((r & 0xFFFF) == kr && (g & 0xFFFF) == kg && (b & 0xFFFF) == kb ? 0 : 0xFFFF);
            }
        }
    }

    /** Palette indices of depth 1, 2, 4 or 8 expanded to RGB, or RGBA when tRNS gives alphas. */
    static final class Palette extends PngRowConverter {
        private final int depth;
        private final int entries;
        private final byte[] red = new byte[256];
        private final byte[] green = new byte[256];
        private final byte[] blue = new byte[256];
        private final byte[] alpha;   // null: no tRNS, RGB output
        private final byte[] values;
        private final String name;

        Palette(int depth, byte[] plte, byte[] plteAlpha, int maxWidth, String name) {
            this.depth = depth;
            this.name = name;
            entries = plte.length / 3;
            for (int i = 0; i < entries; i++) {
                red[i] = plte[3 * i];
                green[i] = plte[3 * i + 1];
                blue[i] = plte[3 * i + 2];
            }
            if (plteAlpha != null) {
                alpha = new byte[256];
                System.arraycopy(plteAlpha, 0, alpha, 0, plteAlpha.length);
            } else {
                alpha = null;
            }
            values = depth < 8 ? new byte[maxWidth] : null;
        }

        @Override
        void convert(byte[] raw, int off, int width, Region dst, int di) {
            byte[] v = raw;
            int vo = off;
            if (depth < 8) {
                unpack(raw, off, width, depth, values);
                v = values;
                vo = 0;
            }
            byte[] out = dst.u8();
            // Indices past the palette are an error; collect them branch-free in the sign bit.
            int outOfRange = 0;
            int last = entries - 1;
            if (alpha == null) {
                for (int x = 0, o = di; x < width; x++, o += 3) {
                    int i = v[vo + x] & 0xFF;
                    outOfRange |= last - i;
                    out[o] = red[i];
                    out[o + 1] = green[i];
                    out[o + 2] = blue[i];
                }
            } else {
                for (int x = 0, o = di; x < width; x++, o += 4) {
                    int i = v[vo + x] & 0xFF;
                    outOfRange |= last - i;
                    out[o] = red[i];
                    out[o + 1] = green[i];
                    out[o + 2] = blue[i];
                    out[o + 3] = alpha[i];
                }
            }
            if (outOfRange < 0) {
                int bad = 0;
                for (int x = 0; x < width; x++) {
                    bad = Math.max(bad, v[vo + x] & 0xFF);
                }
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": a pixel uses palette entry " + bad + " but PLTE has only "
                        + entries + " entries");
            }
        }
    }

    /** Unpacks {@code width} samples of {@code depth} 1, 2 or 4 bits (most significant first) into bytes. */
    static void unpack(byte[] raw, int off, int width, int depth, byte[] out) {
        int mask = (1 << depth) - 1;
        int perByte = 8 / depth;
        int x = 0;
        int p = off;
        // whole bytes first, then the partial last byte
        int full = width / perByte;
        for (int k = 0; k < full; k++) {
            int b = raw[p++] & 0xFF;
            for (int s = 8 - depth; s >= 0; s -= depth) {
                out[x++] = (byte) (b >>> s & mask);
            }
        }
        if (x < width) {
            int b = raw[p] & 0xFF;
            for (int s = 8 - depth; x < width; s -= depth) {
                out[x++] = (byte) (b >>> s & mask);
            }
        }
    }
}
