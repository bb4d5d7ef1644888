package dev.lamina.codec.webp.lossless;

/**
 * Decodes the entropy-coded pixels of one image (RFC 9649, 5.2): literals (green, red, blue,
 * alpha), LZ77 backward references (length and distance prefix codes with extra bits, short
 * distances through the 120 "plane" codes) and colour-cache hits, each pixel coded with the group
 * of prefix codes its tile's entry in the entropy image names.
 *
 * <p><b>Memory.</b> Pixels go into a ring. A backward reference reaches at most 1,048,456
 * pixels back (or 7 rows and 8 pixels through a plane code) and copies at most 4,096, so a ring
 * of that reach plus a row and a copy holds every pixel a reference can need and the whole row
 * being handed out: at most about 4 MiB plus 8 rows of the width, whatever the height. Images
 * smaller than that (and the sub-images of transforms) are held whole.
 */
final class EntropyCodedPixels {
    private static final int MAX_DISTANCE = (1 << 20) - 120;

    private final LosslessBitReader in;
    private final PrefixCodeGroups codes;
    private final int width;
    private final long total;
    private final int[] cache;
    private final int cacheShift;
    private final String name;
    final int[] ring;
    private final int ringSize;
    /** Next pixel to decode, its ring slot, column and row. */
    private long pos;
    private int slot;
    private int col;
    private int row;

    EntropyCodedPixels(LosslessBitReader in, PrefixCodeGroups codes, int width, int height, int cacheBits, boolean whole, String name) {
        this.in = in;
        this.codes = codes;
        this.width = width;
        this.total = (long) width * height;
        this.cache = cacheBits > 0 ? new int[1 << cacheBits] : null;
        this.cacheShift = 32 - cacheBits;
        this.name = name;
        long reach = Math.max(MAX_DISTANCE, 7L * width + 8) + width + Vp8lConstants.MAX_LENGTH;
        this.ringSize = (int) (whole ? total : Math.min(total, reach));
        this.ring = new int[ringSize];
    }

    /** Ring size for an image of this width and height: for the caller's memory check. */
    static long ringPixels(int width, int height) {
        return Math.min((long) width * height, Math.max(MAX_DISTANCE, 7L * width + 8) + width + Vp8lConstants.MAX_LENGTH);
    }

    /** Decodes until at least {@code end} pixels are decoded (a copy may run past it). */
    void decodeUntil(long end) {
        final PrefixCodeGroups c = codes;
        final int[] entropy = c.entropyImage;
        int group = 0;
        while (pos < end) {
            if (entropy != null) {
                group = entropy[(row >>> c.bits) * c.tilesPerRow + (col >>> c.bits)];
            }
            int code = c.green[group].read(in);
            if (code < Vp8lConstants.LITERALS) {
                int red = c.red[group].read(in);
                int blue = c.blue[group].read(in);
                int alpha = c.alpha[group].read(in);
                put((alpha << 24) | (red << 16) | (code << 8) | blue);
            } else if (code < Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES) {
                int length = prefixValue(code - Vp8lConstants.LITERALS);
                int distance = planeToDistance(prefixValue(c.distance[group].read(in)));
                if (in.overrun()) {
                    throw Vp8lDecoder.truncated(name);
                }
                if (distance > pos || length > total - pos) {
                    throw Vp8lDecoder.corrupt(name, "a backward reference reaches outside the image");
                }
                copy(distance, length);
            } else {
                put(cache[code - Vp8lConstants.LITERALS - Vp8lConstants.LENGTH_CODES]);
            }
        }
        if (in.overrun()) {
            throw Vp8lDecoder.truncated(name);
        }
    }

    private void put(int argb) {
        ring[slot] = argb;
        if (cache != null) {
            cache[(argb * Vp8lConstants.CACHE_HASH) >>> cacheShift] = argb;
        }
        if (++slot == ringSize) {
            slot = 0;
        }
        pos++;
        if (++col == width) {
            col = 0;
            row++;
        }
    }

    private void copy(int distance, int length) {
        int from = slot - distance;
        if (from < 0) {
            from += ringSize;
        }
        for (int i = 0; i < length; i++) {
            int argb = ring[from];
            if (++from == ringSize) {
                from = 0;
            }
            put(argb);
        }
    }

    /** Length and distance prefix codes (RFC 9649, 5.2.2): value 1-4 directly, then ranges with extra bits. */
    private int prefixValue(int symbol) {
        if (symbol < 4) {
            return symbol + 1;
        }
        int extra = (symbol - 2) >>> 1;
        int offset = (2 + (symbol & 1)) << extra;
        return offset + in.read(extra) + 1;
    }

    private int planeToDistance(int code) {
        if (code > Vp8lConstants.CODE_TO_PLANE.length) {
            return code - Vp8lConstants.CODE_TO_PLANE.length;
        }
        int v = Vp8lConstants.CODE_TO_PLANE[code - 1];
        int distance = (v >>> 4) * width + 8 - (v & 0xf);
        return Math.max(distance, 1);   // a short row can make a plane code point forward: libwebp uses 1
    }

    /** Copies decoded row {@code y} (it must be decoded and still in the ring) into {@code out}. */
    void copyRow(int y, int[] out) {
        int start = (int) (((long) y * width) % ringSize);
        int first = Math.min(width, ringSize - start);
        System.arraycopy(ring, start, out, 0, first);
        if (first < width) {
            System.arraycopy(ring, 0, out, first, width - first);
        }
    }
}
