package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * The encoder's entropy-coding input for one image: a sequence of literals, colour-cache hits and
 * backward references. {@code length[i]} is 0 for a literal ({@code value[i]} its ARGB), positive
 * for a reference ({@code value[i]} its distance code, the plane code plus one or the distance
 * plus 120), and {@code -1 - index} for a cache hit.
 */
final class Tokens {
    int count;
    int[] length;
    int[] value;

    Tokens(int capacity) {
        length = new int[Math.max(16, capacity)];
        value = new int[Math.max(16, capacity)];
    }

    void add(int len, int val) {
        if (count == length.length) {
            length = Arrays.copyOf(length, count * 2);
            value = Arrays.copyOf(value, count * 2);
        }
        length[count] = len;
        value[count++] = val;
    }

    /** Pixels the token covers. */
    int pixels(int i) {
        return length[i] > 0 ? length[i] : 1;
    }

    /** Prefix symbol of a length or distance code value {@code v >= 1} (RFC 9649, 5.2.2). */
    static int prefixSymbol(int v) {
        int d = v - 1;
        if (d < 2) {
            return d;
        }
        int high = 31 - Integer.numberOfLeadingZeros(d);
        return 2 * high + ((d >>> (high - 1)) & 1);
    }

    /** Number of extra bits after the prefix symbol of {@code v}. */
    static int prefixExtraBits(int v) {
        int d = v - 1;
        return d < 2 ? 0 : 30 - Integer.numberOfLeadingZeros(d);
    }

    /** The extra bits' value for {@code v}. */
    static int prefixExtraValue(int v) {
        int d = v - 1;
        return d < 2 ? 0 : d & ((1 << prefixExtraBits(v)) - 1);
    }

    private static final int[] PLANE_TO_CODE = new int[128];

    static {
        Arrays.fill(PLANE_TO_CODE, -1);
        for (int i = 0; i < Vp8lConstants.CODE_TO_PLANE.length; i++) {
            PLANE_TO_CODE[Vp8lConstants.CODE_TO_PLANE[i]] = i;
        }
    }

    /** The distance code for a backward distance in an image {@code width} wide (libwebp's DistanceToPlaneCode). */
    static int distanceCode(int width, int distance) {
        int dy = distance / width;
        int dx = distance - dy * width;
        if (dx <= 8 && dy < 8) {
            int c = PLANE_TO_CODE[dy * 16 + 8 - dx];
            if (c >= 0) {
                return c + 1;
            }
        } else if (dx > width - 8 && dy < 7) {
            int c = PLANE_TO_CODE[(dy + 1) * 16 + 8 + width - dx];
            if (c >= 0) {
                return c + 1;
            }
        }
        return distance + Vp8lConstants.CODE_TO_PLANE.length;
    }
}
