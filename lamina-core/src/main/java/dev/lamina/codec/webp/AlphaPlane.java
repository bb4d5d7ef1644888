package dev.lamina.codec.webp;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.codec.webp.lossless.ArgbRowReader;
import dev.lamina.codec.webp.lossless.Vp8lDecoder;

/**
 * The alpha of a lossy image, from its {@code ALPH} chunk (RFC 9649, 2.7.1.2), a row at a time:
 * the header byte (compression 0 raw or 1 lossless, filter, pre-processing), then the values, raw
 * or as the green of a headerless VP8L image stream, then the filter undone exactly as libwebp's
 * {@code src/dsp/filters.c} does it (horizontal, vertical, gradient; the first row and column are
 * predicted from the left and from above). Pre-processing (level reduction) is only a hint to
 * decoders that dither, which dwebp does not by default; the values are used as they are.
 */
final class AlphaPlane {
    private static final int NONE = 0;
    private static final int HORIZONTAL = 1;
    private static final int VERTICAL = 2;
    private static final int GRADIENT = 3;

    private final byte[] data;
    private final int width;
    private final int filter;
    private final ArgbRowReader lossless;
    private int rawAt;
    private byte[] previous;
    private byte[] current;

    AlphaPlane(byte[] data, int offset, int length, int width, int height, String name, Limits limits) {
        if (length <= 1) {
            throw corrupt(name, "the ALPH chunk is empty");
        }
        int header = data[offset] & 0xFF;
        int method = header & 3;
        filter = (header >> 2) & 3;
        int preprocessing = (header >> 4) & 3;
        int reserved = header >> 6;
        if (method > 1 || preprocessing > 1 || reserved != 0) {
            throw corrupt(name, "the ALPH header byte 0x" + Integer.toHexString(header) + " is invalid");
        }
        this.data = data;
        this.width = width;
        if (method == 0) {
            if (length - 1L < (long) width * height) {
                throw corrupt(name, "the raw alpha has " + (length - 1) + " bytes for " + width + "x" + height + " pixels");
            }
            rawAt = offset + 1;
            lossless = null;
        } else {
            lossless = Vp8lDecoder.imageStream(data, offset + 1, length - 1, width, height, name, limits);
        }
        previous = new byte[width];
        current = new byte[width];
    }

    private static LaminaException corrupt(String name, String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt WebP alpha: " + what);
    }

    /** The next row's alpha values (rows in order, from the first); valid until the next call. */
    byte[] nextRow(int y) {
        byte[] in = current;
        if (lossless != null) {
            int[] argb = lossless.nextRow();
            for (int x = 0; x < width; x++) {
                in[x] = (byte) (argb[x] >>> 8);
            }
        } else {
            System.arraycopy(data, rawAt, in, 0, width);
            rawAt += width;
        }
        byte[] prev = y == 0 ? null : previous;
        unfilter(prev, in);
        current = previous;
        previous = in;
        return in;
    }

    /** Undoes the filter in place; {@code prev} is the previous row's result, null on the first row. */
    private void unfilter(byte[] prev, byte[] row) {
        int f = filter;
        if (f == NONE) {
            return;
        }
        if (prev == null || f == HORIZONTAL) {
            int pred = prev == null ? 0 : prev[0];
            for (int i = 0; i < width; i++) {
                row[i] = (byte) (pred + row[i]);
                pred = row[i];
            }
        } else if (f == VERTICAL) {
            for (int i = 0; i < width; i++) {
                row[i] = (byte) (prev[i] + row[i]);
            }
        } else if (f == GRADIENT) {
            int top = prev[0] & 0xFF;
            int topLeft = top;
            int left = top;
            for (int i = 0; i < width; i++) {
                top = prev[i] & 0xFF;
                int g = left + top - topLeft;
                int predicted = (g & ~0xff) == 0 ? g : g < 0 ? 0 : 255;
                left = (row[i] + predicted) & 0xFF;
                topLeft = top;
                row[i] = (byte) left;
            }
        }
    }
}
