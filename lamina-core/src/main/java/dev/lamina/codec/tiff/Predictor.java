package dev.lamina.codec.tiff;

/**
 * Undoing and applying TIFF's predictors on one row of stored bytes.
 *
 * <p>Horizontal (2, TIFF 6.0 section 14): each sample is stored as its difference from the same
 * sample of the pixel to its left, modulo 2^bits; {@code stride} is the samples per pixel in the
 * row (1 for a plane). 16-bit samples are read and written in the file's byte order.
 *
 * <p>Floating point (3, Adobe Photoshop TIFF technical note 3): the bytes of each 32-bit float are
 * split into four runs (all most significant bytes of the row, then the next ones...), always
 * most significant first whatever the file's byte order, and those bytes are then differenced
 * byte by byte with a stride of the samples per pixel. Undoing it yields big-endian floats.
 */
final class Predictor {
    private Predictor() {
    }

    /** Undoes the horizontal predictor over {@code samples} samples of {@code bits} (8 or 16) bits at {@code off}. */
    static void undoHorizontal(byte[] row, int off, int samples, int stride, int bits, boolean little) {
        if (bits == 8) {
            for (int i = stride; i < samples; i++) {
                row[off + i] += row[off + i - stride];
            }
        } else {
            int hi = little ? 1 : 0;
            int lo = 1 - hi;
            for (int i = stride; i < samples; i++) {
                int p = off + 2 * i;
                int q = p - 2 * stride;
                int v = ((row[p + hi] & 0xFF) << 8 | (row[p + lo] & 0xFF)) + ((row[q + hi] & 0xFF) << 8 | (row[q + lo] & 0xFF));
                row[p + hi] = (byte) (v >>> 8);
                row[p + lo] = (byte) v;
            }
        }
    }

    /** Applies the horizontal predictor (the encoder's side), last sample first so each difference uses the original left value. */
    static void applyHorizontal(byte[] row, int off, int samples, int stride, int bits, boolean little) {
        if (bits == 8) {
            for (int i = samples - 1; i >= stride; i--) {
                row[off + i] -= row[off + i - stride];
            }
        } else if (bits == 16) {
            int hi = little ? 1 : 0;
            int lo = 1 - hi;
            for (int i = samples - 1; i >= stride; i--) {
                int p = off + 2 * i;
                int q = p - 2 * stride;
                int v = ((row[p + hi] & 0xFF) << 8 | (row[p + lo] & 0xFF)) - ((row[q + hi] & 0xFF) << 8 | (row[q + lo] & 0xFF));
                row[p + hi] = (byte) (v >>> 8);
                row[p + lo] = (byte) v;
            }
        } else {
            throw new IllegalArgumentException(bits + "-bit horizontal predictor");
        }
    }

    /**
     * Undoes the floating-point predictor over {@code samples} 32-bit samples at {@code off},
     * using {@code tmp} (at least {@code 4 * samples} bytes); the row then holds big-endian floats.
     */
    static void undoFloat(byte[] row, int off, int samples, int stride, byte[] tmp) {
        int n = 4 * samples;
        for (int i = stride; i < n; i++) {
            row[off + i] += row[off + i - stride];
        }
        System.arraycopy(row, off, tmp, 0, n);
        for (int i = 0; i < samples; i++) {
            int o = off + 4 * i;
            row[o] = tmp[i];
            row[o + 1] = tmp[samples + i];
            row[o + 2] = tmp[2 * samples + i];
            row[o + 3] = tmp[3 * samples + i];
        }
    }

    /**
     * Applies the floating-point predictor to {@code samples} floats given as big-endian bytes at
     * {@code off} in {@code row}, writing the predicted bytes to {@code out} at {@code outOff}.
     */
    static void applyFloat(byte[] row, int off, int samples, int stride, byte[] out, int outOff) {
        for (int i = 0; i < samples; i++) {
            int o = off + 4 * i;
            out[outOff + i] = row[o];
            out[outOff + samples + i] = row[o + 1];
            out[outOff + 2 * samples + i] = row[o + 2];
            out[outOff + 3 * samples + i] = row[o + 3];
        }
        for (int i = 4 * samples - 1; i >= stride; i--) {
            out[outOff + i] -= out[outOff + i - stride];
        }
    }
}
