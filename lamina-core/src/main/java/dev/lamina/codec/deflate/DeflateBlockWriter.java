package dev.lamina.codec.deflate;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static dev.lamina.codec.deflate.DeflateTables.CODE_LENGTH_ORDER;
import static dev.lamina.codec.deflate.DeflateTables.DIST_BASE;
import static dev.lamina.codec.deflate.DeflateTables.DIST_EXTRA;
import static dev.lamina.codec.deflate.DeflateTables.DIST_SYMBOLS;
import static dev.lamina.codec.deflate.DeflateTables.END_OF_BLOCK;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_EXTRA;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_EXTRA_BITS;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_EXTRA_VALUE;
import static dev.lamina.codec.deflate.DeflateTables.LENGTH_SYMBOL;
import static dev.lamina.codec.deflate.DeflateTables.LITLEN_SYMBOLS;
import static dev.lamina.codec.deflate.DeflateTables.MAX_MATCH;
import static dev.lamina.codec.deflate.DeflateTables.MIN_MATCH;

/**
 * Turns one block of tokens into deflate bits: whichever of a dynamic Huffman block, a fixed
 * Huffman block or stored blocks is smallest, computed exactly from the symbol frequencies before
 * anything is written (so incompressible data costs 5 bytes per 64 KiB, not 12%).
 *
 * <p>A token is an int: a literal byte (0..255), or {@code distance << 16 | length} for a match.
 * Bits go LSB first through a 64-bit accumulator that is drained 32 bits at a time; the output
 * array is reserved for the exact block size beforehand, so the token loop has no bounds logic.
 */
final class DeflateBlockWriter {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int STORED_MAX = 65535;

    private static final int[] FIXED_LIT_LEN = new int[288];
    private static final int[] FIXED_LIT_CODE = new int[288];
    private static final int[] FIXED_DIST_LEN = new int[DIST_SYMBOLS];
    private static final int[] FIXED_DIST_CODE = new int[DIST_SYMBOLS];

    static {
        for (int s = 0; s < 288; s++) {
            FIXED_LIT_LEN[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        }
        java.util.Arrays.fill(FIXED_DIST_LEN, 5);
        HuffmanLengths h = new HuffmanLengths();
        h.canonicalCodes(FIXED_LIT_LEN, 288, FIXED_LIT_CODE);
        h.canonicalCodes(FIXED_DIST_LEN, DIST_SYMBOLS, FIXED_DIST_CODE);
    }

    private final HuffmanLengths huffman = new HuffmanLengths();
    private final int[] litLen = new int[LITLEN_SYMBOLS];
    private final int[] litCode = new int[LITLEN_SYMBOLS];
    private final int[] distLen = new int[DIST_SYMBOLS];
    private final int[] distCode = new int[DIST_SYMBOLS];
    /** Per literal byte: its code | its code length << 16, for the block being written. */
    private final int[] literalEntries = new int[256];
    /** Per match length: the length symbol's code with the extra bits above it | their bit count << 24. */
    private final int[] lengthEntries = new int[MAX_MATCH + 1];
    /** The code-length sequence of a dynamic header, run-length coded with symbols 16/17/18. */
    private final int[] allLengths = new int[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final int[] clSymbol = new int[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final int[] clExtra = new int[LITLEN_SYMBOLS + DIST_SYMBOLS];
    private final int[] clFreq = new int[19];
    private final int[] clLen = new int[19];
    private final int[] clCode = new int[19];
    private int clCount;
    private int hlit;
    private int hdist;
    private int hclen;
    /** What {@link #plan} chose: 0 stored, 1 fixed, 2 dynamic; and its size in bits. */
    private int plannedKind;
    private long plannedBits;

    private ByteSink sink;
    private byte[] out;
    private int pos;
    private long acc;
    private int bits;

    /** Starts appending to {@code sink} on a byte boundary. */
    void begin(ByteSink sink) {
        this.sink = sink;
        this.out = sink.array();
        this.pos = sink.length();
        this.acc = 0;
        this.bits = 0;
    }

    /** Pads the last byte with zero bits and hands the length back to the sink. */
    void end() {
        reserve(16);
        align();
        sink.setLength(pos);
        sink = null;
        out = null;
    }

    /** The literal/length code lengths of the dynamic code built for the last block (whichever kind was written). */
    int[] literalLengths() {
        return litLen;
    }

    /** The distance code lengths of the dynamic code built for the last block. */
    int[] distanceLengths() {
        return distLen;
    }

    /** An empty stored block, leaving the stream byte-aligned: a sync flush. */
    void syncFlush() {
        reserve(16);
        put(0, 3);
        align();
        out[pos++] = 0;
        out[pos++] = 0;
        out[pos++] = (byte) 0xFF;
        out[pos++] = (byte) 0xFF;
    }

    /**
     * Writes tokens {@code [0, n)}, whose symbol counts (with one end-of-block) are {@code litFreq}
     * and {@code distFreq}, as one block, or as stored blocks of {@code raw[rawOff, rawOff + rawLen)}
     * (the input the tokens stand for) when that is smaller.
     */
    void block(int[] tokens, int n, int[] litFreq, int[] distFreq, byte[] raw, int rawOff, int rawLen, boolean last) {
        plan(litFreq, distFreq, rawLen);
        write(tokens, n, raw, rawOff, rawLen, last);
    }

    /**
     * Builds the codes for a block with these symbol counts, chooses the smallest kind and
     * returns its size in bits; {@link #write} then writes it.
     */
    long plan(int[] litFreq, int[] distFreq, int rawLen) {
        long dynamicBits = buildDynamic(litFreq, distFreq);
        long fixedBits = 3 + dataBits(litFreq, distFreq, FIXED_LIT_LEN, FIXED_DIST_LEN);
        long storedBits = storedBits(rawLen);
        plannedKind = storedBits < Math.min(dynamicBits, fixedBits) ? 0 : fixedBits <= dynamicBits ? 1 : 2;
        plannedBits = Math.min(storedBits, Math.min(dynamicBits, fixedBits));
        return plannedBits;
    }

    /** Writes the block last {@link #plan planned}. */
    void write(int[] tokens, int n, byte[] raw, int rawOff, int rawLen, boolean last) {
        int bfinal = last ? 1 : 0;
        if (plannedKind == 0) {
            stored(raw, rawOff, rawLen, last);
        } else if (plannedKind == 1) {
            reserve(plannedBits);
            put(bfinal | 1 << 1, 3);
            writeTokens(tokens, n, FIXED_LIT_CODE, FIXED_LIT_LEN, FIXED_DIST_CODE, FIXED_DIST_LEN);
            put(FIXED_LIT_CODE[END_OF_BLOCK], FIXED_LIT_LEN[END_OF_BLOCK]);
        } else {
            reserve(plannedBits);
            put(bfinal | 2 << 1, 3);
            writeDynamicHeader();
            huffman.canonicalCodes(litLen, LITLEN_SYMBOLS, litCode);
            huffman.canonicalCodes(distLen, DIST_SYMBOLS, distCode);
            writeTokens(tokens, n, litCode, litLen, distCode, distLen);
            put(litCode[END_OF_BLOCK], litLen[END_OF_BLOCK]);
        }
    }

    /** Builds the dynamic trees and header for these counts and returns the block's size in bits. */
    private long buildDynamic(int[] litFreq, int[] distFreq) {
        huffman.build(litFreq, LITLEN_SYMBOLS, 15, litLen);
        huffman.build(distFreq, DIST_SYMBOLS, 15, distLen);
        hlit = LITLEN_SYMBOLS;
        while (hlit > 257 && litLen[hlit - 1] == 0) {
            hlit--;
        }
        hdist = DIST_SYMBOLS;
        while (hdist > 1 && distLen[hdist - 1] == 0) {
            hdist--;
        }
        System.arraycopy(litLen, 0, allLengths, 0, hlit);
        System.arraycopy(distLen, 0, allLengths, hlit, hdist);
        runLengthCode(hlit + hdist);
        huffman.build(clFreq, 19, 7, clLen);
        hclen = 19;
        while (hclen > 4 && clLen[CODE_LENGTH_ORDER[hclen - 1]] == 0) {
            hclen--;
        }
        long header = 3 + 5 + 5 + 4 + 3L * hclen;
        for (int i = 0; i < clCount; i++) {
            header += clLen[clSymbol[i]] + extraBitsOfCodeLengthSymbol(clSymbol[i]);
        }
        return header + dataBits(litFreq, distFreq, litLen, distLen);
    }

    private static int extraBitsOfCodeLengthSymbol(int s) {
        return s < 16 ? 0 : s == 16 ? 2 : s == 17 ? 3 : 7;
    }

    /** RFC 1951 3.2.7: 16 repeats the previous length 3-6 times, 17 and 18 repeat zero 3-10 and 11-138 times. */
    private void runLengthCode(int total) {
        java.util.Arrays.fill(clFreq, 0);
        int count = 0;
        int i = 0;
        while (i < total) {
            int v = allLengths[i];
            int run = 1;
            while (i + run < total && allLengths[i + run] == v) {
                run++;
            }
            i += run;
            if (v == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    count = emitCl(count, 18, r - 11);
                    run -= r;
                }
                if (run >= 3) {
                    count = emitCl(count, 17, run - 3);
                    run = 0;
                }
            } else {
                count = emitCl(count, v, 0);
                run--;
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    count = emitCl(count, 16, r - 3);
                    run -= r;
                }
            }
            for (; run > 0; run--) {
                count = emitCl(count, v, 0);
            }
        }
        clCount = count;
    }

    private int emitCl(int count, int symbol, int extra) {
        clSymbol[count] = symbol;
        clExtra[count] = extra;
        clFreq[symbol]++;
        return count + 1;
    }

    private void writeDynamicHeader() {
        put(hlit - 257, 5);
        put(hdist - 1, 5);
        put(hclen - 4, 4);
        for (int i = 0; i < hclen; i++) {
            put(clLen[CODE_LENGTH_ORDER[i]], 3);
        }
        huffman.canonicalCodes(clLen, 19, clCode);
        for (int i = 0; i < clCount; i++) {
            int s = clSymbol[i];
            put(clCode[s], clLen[s]);
            int extra = extraBitsOfCodeLengthSymbol(s);
            if (extra != 0) {
                put(clExtra[i], extra);
            }
        }
    }

    private static long dataBits(int[] litFreq, int[] distFreq, int[] litLens, int[] distLens) {
        long sum = 0;
        for (int s = 0; s < LITLEN_SYMBOLS; s++) {
            sum += (long) litFreq[s] * litLens[s];
        }
        for (int c = 0; c < 29; c++) {
            sum += (long) litFreq[257 + c] * LENGTH_EXTRA[c];
        }
        for (int c = 0; c < DIST_SYMBOLS; c++) {
            sum += (long) distFreq[c] * (distLens[c] + DIST_EXTRA[c]);
        }
        return sum;
    }

    /** Stored blocks of at most 65535 bytes; each costs a 3-bit header, padding to a byte and LEN/NLEN. */
    private static long storedBits(int len) {
        long blocks = Math.max(1, (len + (long) STORED_MAX - 1) / STORED_MAX);
        return 8L * len + blocks * (3 + 7 + 32);
    }

    void stored(byte[] raw, int off, int len, boolean last) {
        do {
            int n = Math.min(STORED_MAX, len);
            reserve(8L * n + 64);
            put(last && n == len ? 1 : 0, 3);
            align();
            out[pos] = (byte) n;
            out[pos + 1] = (byte) (n >>> 8);
            out[pos + 2] = (byte) ~n;
            out[pos + 3] = (byte) (~n >>> 8);
            System.arraycopy(raw, off, out, pos + 4, n);
            pos += 4 + n;
            off += n;
            len -= n;
        } while (len > 0);
    }

    /**
     * The hot loop: every token's code (and extra bits) into the accumulator, drained 32 bits at a
     * time. A literal's code and length come from one table entry ({@code code | length << 16}),
     * a match length's code, extra bits and their count likewise ({@code bits | count << 24}): under
     * C1 (bin/lamina's short jobs) every load and bounds check in this loop is paid per token.
     */
    private void writeTokens(int[] tokens, int n, int[] lCode, int[] lLen, int[] dCode, int[] dLen) {
        int[] litE = literalEntries;
        for (int s = 0; s < 256; s++) {
            litE[s] = lCode[s] | lLen[s] << 16;
        }
        int[] lenE = lengthEntries;
        for (int len = MIN_MATCH; len <= MAX_MATCH; len++) {
            int s = LENGTH_SYMBOL[len];
            lenE[len] = (lCode[s] | LENGTH_EXTRA_VALUE[len] << lLen[s]) | (lLen[s] + LENGTH_EXTRA_BITS[len]) << 24;
        }
        byte[] o = out;
        int p = pos;
        long a = acc;
        int b = bits;
        for (int i = 0; i < n; i++) {
            int t = tokens[i];
            if (t >>> 16 == 0) {   // a literal (a match's distance, up to 32768, is above it)
                int e = litE[t];
                a |= (long) (e & 0xFFFF) << b;
                b += e >>> 16;
            } else {
                int e = lenE[t & 0xFFFF];
                a |= (long) (e & 0xFFFFFF) << b;
                b += e >>> 24;
                if (b >= 32) {
                    INT_LE.set(o, p, (int) a);
                    p += 4;
                    a >>>= 32;
                    b -= 32;
                }
                int d = (t >>> 16) - 1;
                int c = DeflateTables.distCode(d);
                a |= ((long) dCode[c] | (long) (d - (DIST_BASE[c] - 1)) << dLen[c]) << b;
                b += dLen[c] + DIST_EXTRA[c];
            }
            if (b >= 32) {
                INT_LE.set(o, p, (int) a);
                p += 4;
                a >>>= 32;
                b -= 32;
            }
        }
        pos = p;
        acc = a;
        bits = b;
    }

    private void put(int value, int n) {
        acc |= (long) value << bits;
        bits += n;
        if (bits >= 32) {
            INT_LE.set(out, pos, (int) acc);
            pos += 4;
            acc >>>= 32;
            bits -= 32;
        }
    }

    private void align() {
        while (bits > 0) {
            out[pos++] = (byte) acc;
            acc >>>= 8;
            bits -= 8;
        }
        acc = 0;
        bits = 0;
    }

    /** Ensures room for {@code moreBits} more bits (plus slack for the accumulator) after the current position. */
    private void reserve(long moreBits) {
        long bytes = (moreBits + 7) / 8 + 16;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalStateException("block too large");
        }
        sink.setLength(pos);
        out = sink.reserve((int) bytes);
    }
}
