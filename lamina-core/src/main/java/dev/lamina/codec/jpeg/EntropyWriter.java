package dev.lamina.codec.jpeg;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Huffman-codes blocks into a byte buffer with 0xFF byte stuffing (jchuff.c's encode_one_block),
 * or, in counting mode, only gathers symbol frequencies for optimised tables. Restart markers are
 * written between intervals; the buffer is flushed to the stream as it fills.
 */
final class EntropyWriter {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int len;
    private long acc;
    private int nbits;
    private final boolean counting;
    final long[][] dcFreq = new long[2][256];
    final long[][] acFreq = new long[2][256];

    EntropyWriter(OutputStream out, boolean counting) {
        this.out = out;
        this.counting = counting;
    }

    private void emit(int code, int size) throws IOException {
        if (nbits + size > 56) {
            drain();
        }
        acc = (acc << size) | (code & ((1L << size) - 1));
        nbits += size;
    }

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);

    private void drain() throws IOException {
        int n = nbits >> 3;
        if (n > 0 && len + 8 <= buf.length) {
            // all whole bytes at once (at most 7) when none of them is 0xFF, so no stuffing is
            // needed; the test word's bytes above them are 0x01, never taken for a 0xFF
            long mask = (1L << (8 * n)) - 1;
            long w = (acc >>> (nbits - 8 * n)) & mask;
            long inv = (~w & mask) | (0x0101_0101_0101_0101L & ~mask);
            if (((inv - 0x0101_0101_0101_0101L) & ~inv & 0x8080_8080_8080_8080L) == 0) {
                LONG_BE.set(buf, len, w << (64 - 8 * n));
                len += n;
                nbits -= 8 * n;
                return;
            }
        }
        while (nbits >= 8) {
            if (len + 2 > buf.length) {
                out.write(buf, 0, len);
                len = 0;
            }
            int b = (int) (acc >>> (nbits - 8)) & 0xFF;
            buf[len++] = (byte) b;
            if (b == 0xFF) {
                buf[len++] = 0;
            }
            nbits -= 8;
        }
    }

    /** Pads the last byte with 1 bits, as T.81 F.1.2.3 asks. */
    void padToByte() throws IOException {
        if (counting) {
            return;
        }
        int pad = (8 - (nbits & 7)) & 7;
        if (pad > 0) {
            emit(0x7F, pad);
        }
        drain();
    }

    void restartMarker(int n) throws IOException {
        if (counting) {
            return;
        }
        padToByte();
        if (len + 2 > buf.length) {
            out.write(buf, 0, len);
            len = 0;
        }
        buf[len++] = (byte) 0xFF;
        buf[len++] = (byte) (0xD0 + (n & 7));
    }

    void flush() throws IOException {
        padToByte();
        out.write(buf, 0, len);
        len = 0;
    }

    /** One DC-table symbol: counted, or written with {@code h}. */
    void dcSymbol(int table, HuffmanCodes h, int sym) throws IOException {
        if (counting) {
            dcFreq[table][sym]++;
        } else {
            emit(h.code[sym], h.size[sym]);
        }
    }

    /** One AC-table symbol: counted, or written with {@code h}. */
    void acSymbol(int table, HuffmanCodes h, int sym) throws IOException {
        if (counting) {
            acFreq[table][sym]++;
        } else {
            emit(h.code[sym], h.size[sym]);
        }
    }

    /** {@code n} raw bits (magnitudes, correction bits); nothing when counting. */
    void rawBits(int v, int n) throws IOException {
        if (!counting && n > 0) {
            emit(v, n);
        }
    }

    /**
     * Codes one block (coefficients in zig-zag order); returns its DC, the next prediction.
     * {@code table} 0 luma, 1 chroma.
     * {@code nonZero} has bit k set for each non-zero coefficient at zig-zag position k: the loop
     * visits only those, and runs of zeros are the gaps between them.
     */
    int block(short[] c, int o, long nonZero, int lastDc, int table, HuffmanCodes dc, HuffmanCodes ac) throws IOException {
        int dcv = c[o];
        int diff = dcv - lastDc;
        int t = diff < 0 ? -diff : diff;
        int n = 32 - Integer.numberOfLeadingZeros(t);
        if (counting) {
            dcFreq[table][n]++;
        } else {
            // code and magnitude bits in one go: at most 16 + 11 bits
            emit((dc.code[n] << n) | ((diff < 0 ? diff - 1 : diff) & ((1 << n) - 1)), dc.size[n] + n);
        }
        long m = nonZero & ~1L;
        int last = 0;
        while (m != 0) {
            int k = Long.numberOfTrailingZeros(m);
            m &= m - 1;
            int run = k - last - 1;
            last = k;
            while (run > 15) {
                if (counting) {
                    acFreq[table][0xF0]++;
                } else {
                    emit(ac.code[0xF0], ac.size[0xF0]);
                }
                run -= 16;
            }
            int v = c[o + k];
            int a = v < 0 ? -v : v;
            int bits = 32 - Integer.numberOfLeadingZeros(a);
            int sym = (run << 4) + bits;
            if (counting) {
                acFreq[table][sym]++;
            } else {
                emit((ac.code[sym] << bits) | ((v < 0 ? v - 1 : v) & ((1 << bits) - 1)), ac.size[sym] + bits);
            }
        }
        if (last < 63) {
            if (counting) {
                acFreq[table][0]++;
            } else {
                emit(ac.code[0], ac.size[0]);
            }
        }
        return dcv;
    }
}
