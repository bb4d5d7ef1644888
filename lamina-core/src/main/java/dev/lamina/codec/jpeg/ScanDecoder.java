package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;

import java.util.function.Consumer;

/**
 * Decodes the entropy-coded segments of a JPEG into quantised coefficients: baseline and
 * extended sequential scans, and the four kinds of progressive scan (DC first and refinement,
 * AC first and refinement), with restart markers.
 *
 * <p>Coefficients of component {@code c} go to {@code coefs[c]}, block (bx, by) at
 * {@code ((by - rowBase) * blocksW + bx) * 64}, in natural order. The streaming baseline decoder
 * passes a buffer one iMCU row high; the buffered (progressive) decoder the whole image.
 *
 * <p>Bad data: the bit reader never reads past the array; past the end (or a marker) it feeds
 * zero bits, as libjpeg does, and counts them. Consuming one of those bits, an unknown Huffman
 * code or a wrong restart marker is an error naming the offset; when errors are not fatal the
 * problem is reported once as a warning and the rest of the scan is left as zero coefficients.
 */
final class ScanDecoder {
    private static final int NO_MARKER = -1;
    private static final int EOF = -2;

    private final JpegFrame f;
    private final byte[] d;
    private final boolean strict;
    private final Consumer<String> warnings;
    private boolean warned;

    // bit reader
    private int pos;
    private long acc;
    private int bits;
    private int padded;
    private int marker = NO_MARKER;
    private int markerPos;

    // current scan
    private JpegFrame.Component[] comps;
    private final HuffmanTable[] dcOf = new HuffmanTable[JpegFrame.MAX_COMPONENTS];
    private final HuffmanTable[] acOf = new HuffmanTable[JpegFrame.MAX_COMPONENTS];
    /** {@link HuffmanTable#skipCodes} of the AC table of each DC-only component of the scan, on first use. */
    private final int[][] skipOf = new int[JpegFrame.MAX_COMPONENTS][];
    /** {@link HuffmanTable#acPairs} of the AC table of each component of a sequential scan. */
    private final long[][] pairsOf = new long[JpegFrame.MAX_COMPONENTS][];
    private final int[] pred = new int[JpegFrame.MAX_COMPONENTS];
    private int ss;
    private int se;
    private int ah;
    private int al;
    private int eobrun;
    private int mcusDone;
    private int nextRestart;
    private boolean dead;
    private int badCodeAt = -1;
    private int kind;   // 0 sequential, 1 DC first, 2 DC refine, 3 AC first, 4 AC refine
    /**
     * Components (by index) of which only the DC coefficient is used (1x1 IDCT at 1/8 scale):
     * sequential scans step over their AC coefficients without storing them.
     */
    final boolean[] dcOnly = new boolean[JpegFrame.MAX_COMPONENTS];
    /** Quantisation tables latched for each component at its first scan, as libjpeg does. */
    final int[][] latchedQuant = new int[JpegFrame.MAX_COMPONENTS][];

    ScanDecoder(JpegFrame f, boolean strict, Consumer<String> warnings) {
        this.f = f;
        this.d = f.data;
        this.strict = strict;
        this.warnings = warnings;
    }

    /** Components of the current scan. */
    JpegFrame.Component[] scanComponents() {
        return comps;
    }

    /** Reads the SOS header at {@code at} (its 0xFF) and prepares the scan. */
    void startScan(int at) {
        int s = at + 2;
        int len = f.u16(s, at);
        if (s + len > d.length || len < 6) {
            throw f.error("truncated SOS segment", at);
        }
        int n = d[s + 2] & 0xFF;
        if (n < 1 || n > f.components.length || len != 6 + 2 * n) {
            throw f.error("bad SOS segment", at);
        }
        comps = new JpegFrame.Component[n];
        for (int i = 0; i < n; i++) {
            int id = d[s + 3 + 2 * i] & 0xFF;
            int tables = d[s + 4 + 2 * i] & 0xFF;
            JpegFrame.Component c = null;
            for (JpegFrame.Component k : f.components) {
                if (k.id == id) {
                    c = k;
                }
            }
            if (c == null) {
                throw f.error("scan names unknown component " + id, at);
            }
            for (int j = 0; j < i; j++) {
                if (comps[j] == c) {
                    throw f.error("component " + id + " twice in one scan", at);
                }
            }
            comps[i] = c;
            dcOf[i] = f.dcTables[(tables >> 4) & 3];
            acOf[i] = f.acTables[tables & 3];
            skipOf[i] = null;
            pairsOf[i] = null;
            if (latchedQuant[c.index] == null) {
                if (f.quant[c.tq] == null) {
                    throw f.error("component " + id + " uses undefined quantisation table " + c.tq, at);
                }
                latchedQuant[c.index] = f.quant[c.tq].clone();
            }
        }
        int p = s + 3 + 2 * n;
        ss = d[p] & 0xFF;
        se = d[p + 1] & 0xFF;
        ah = (d[p + 2] >> 4) & 15;
        al = d[p + 2] & 15;
        if (!f.progressive) {
            kind = 0;
            ss = 0;
            se = 63;
            ah = 0;
            al = 0;
        } else if (ss == 0) {
            if (se != 0) {
                throw f.error("progressive DC scan with AC coefficients", at);
            }
            kind = ah == 0 ? 1 : 2;
        } else {
            if (n != 1 || se < ss || se > 63) {
                throw f.error("bad progressive AC scan", at);
            }
            kind = ah == 0 ? 3 : 4;
        }
        if (al > 13 || ah > 13) {
            throw f.error("bad successive approximation", at);
        }
        for (int i = 0; i < n; i++) {
            boolean needDc = kind == 0 || kind == 1;
            boolean needAc = kind == 0 || kind >= 3;
            if ((needDc && dcOf[i] == null) || (needAc && acOf[i] == null)) {
                throw f.error("scan uses an undefined Huffman table", at);
            }
        }
        if (kind == 0) {
            for (int i = 0; i < n; i++) {
                pairsOf[i] = acOf[i].acPairs();
            }
        }
        pos = s + len;
        acc = 0;
        bits = 0;
        padded = 0;
        marker = NO_MARKER;
        java.util.Arrays.fill(pred, 0);
        eobrun = 0;
        mcusDone = 0;
        nextRestart = 0;
        dead = false;
        badCodeAt = -1;
    }

    /** Block rows of component {@code c} that the stream codes in a scan with only that component. */
    static int codedBlockRows(JpegFrame.Component c) {
        return (c.height + 7) / 8;
    }

    static int codedBlockCols(JpegFrame.Component c) {
        return (c.width + 7) / 8;
    }

    /**
     * Decodes iMCU row {@code row} of the current scan into {@code coefs}, whose block row 0 is
     * image block row {@code rowBase} (per component: {@code rowBase * v}).
     */
    void decodeRow(int row, short[][] coefs, int rowBase) {
        if (kind == 0) {
            decodeSequentialRow(row, coefs, rowBase);
            return;
        }
        if (comps.length == 1) {
            JpegFrame.Component c = comps[0];
            int cols = codedBlockCols(c);
            int rows = codedBlockRows(c);
            int by0 = row * c.v;
            int by1 = Math.min(rows, by0 + c.v);
            short[] out = coefs[c.index];
            for (int by = by0; by < by1; by++) {
                int base = (by - rowBase * c.v) * c.blocksW * 64;
                for (int bx = 0; bx < cols; bx++) {
                    if (!beginMcu()) {
                        return;
                    }
                    decodeBlock(0, out, base + bx * 64);
                    if (!endMcu()) {
                        return;
                    }
                }
            }
            return;
        }
        for (int mx = 0; mx < f.mcusX; mx++) {
            if (!beginMcu()) {
                return;
            }
            for (int i = 0; i < comps.length; i++) {
                JpegFrame.Component c = comps[i];
                short[] out = coefs[c.index];
                for (int v = 0; v < c.v; v++) {
                    int by = row * c.v + v - rowBase * c.v;
                    int base = (by * c.blocksW + mx * c.h) * 64;
                    for (int h = 0; h < c.h; h++) {
                        decodeBlock(i, out, base + h * 64);
                    }
                }
            }
            if (!endMcu()) {
                return;
            }
        }
    }

    /** The iMCU rows a scan covers. */
    int scanRows() {
        if (comps.length == 1) {
            JpegFrame.Component c = comps[0];
            return (codedBlockRows(c) + c.v - 1) / c.v;
        }
        return f.mcusY;
    }

    private boolean beginMcu() {
        if (dead) {
            return false;
        }
        if (f.restartInterval > 0 && mcusDone > 0 && mcusDone % f.restartInterval == 0) {
            restart();
            if (dead) {
                return false;
            }
        }
        return true;
    }

    private boolean endMcu() {
        mcusDone++;
        if (badCodeAt >= 0) {
            int at = badCodeAt;
            badCodeAt = -1;
            fail(padded > bits ? (marker == EOF ? "truncated JPEG data" : "corrupt JPEG data (premature marker)")
                    : "corrupt JPEG data (invalid Huffman code)", padded > bits ? markerPos : at);
            return false;
        }
        if (padded > bits) {
            fail(marker == EOF ? "truncated JPEG data" : "corrupt JPEG data (premature marker)",
                    marker == EOF ? d.length : markerPos);
            return false;
        }
        return true;
    }

    private void fail(String what, int offset) {
        if (strict) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, f.name + ": " + what + " at offset " + offset);
        }
        if (!warned) {
            warned = true;
            warnings.accept(f.name + ": " + what + " at offset " + offset + "; the rest of the scan is left blank");
        }
        dead = true;
    }

    private void restart() {
        acc = 0;
        bits = 0;
        padded = 0;
        if (marker == NO_MARKER) {
            // find the marker: only padding should be left before it
            int p = pos;
            while (p < d.length) {
                if ((d[p] & 0xFF) == 0xFF) {
                    int q = p + 1;
                    while (q < d.length && (d[q] & 0xFF) == 0xFF) {
                        q++;
                    }
                    if (q < d.length && d[q] != 0) {
                        marker = d[q] & 0xFF;
                        markerPos = q - 1;
                        break;
                    }
                    p = q + 1;
                } else {
                    p++;
                }
            }
            if (marker == NO_MARKER) {
                marker = EOF;
                markerPos = d.length;
            }
        }
        int expected = 0xD0 + (nextRestart & 7);
        if (marker != expected) {
            fail(marker == EOF ? "truncated JPEG data" : String.format("expected RST%d, found marker 0x%02X",
                    nextRestart & 7, marker), markerPos);
            if (marker >= 0xD0 && marker <= 0xD7 && !strict) {
                // resynchronise on the marker we found
                dead = false;
                nextRestart = marker - 0xD0;
            } else {
                return;
            }
        }
        // step over FF* Dn
        int p = markerPos;
        while ((d[p] & 0xFF) == 0xFF) {
            p++;
        }
        pos = p + 1;
        marker = NO_MARKER;
        nextRestart++;
        java.util.Arrays.fill(pred, 0);
        eobrun = 0;
    }

    /** Where the scan's data ends: the position of the marker after it (d.length at end of file). */
    int endOfScan() {
        if (marker != NO_MARKER) {
            return markerPos;
        }
        int p = pos;
        while (p < d.length) {
            if ((d[p] & 0xFF) == 0xFF) {
                int q = p + 1;
                while (q < d.length && (d[q] & 0xFF) == 0xFF) {
                    q++;
                }
                if (q < d.length && d[q] != 0 && !((d[q] & 0xFF) >= 0xD0 && (d[q] & 0xFF) <= 0xD7)) {
                    return q - 1;
                }
                p = q + 1;
            } else {
                p++;
            }
        }
        return d.length;
    }

    // ---- bit reader ----

    private static final java.lang.invoke.VarHandle LONG_BE =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.BIG_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    /**
     * {@code NATURAL_BEFORE[k]}: the natural index of zig-zag position k - 1, where a code that
     * moved the position to k stores its coefficient; 63 past 64, so that an end of block (which
     * moves the position 64 on) stores its zero at a position not yet reached and a corrupt run
     * past the block lands on coefficient 63, as libjpeg's.
     */
    private static final int[] NATURAL_BEFORE = new int[128];

    static {
        for (int k = 1; k < 128; k++) {
            NATURAL_BEFORE[k] = ZigZag.NATURAL[Math.min(k - 1, 63)];
        }
    }

    /** Look-ups the DC-only path makes between refills (see {@link HuffmanTable#SKIP_MAX_BITS}). */
    private static final int SKIPS_PER_REFILL = 3;

    /**
     * Whether no byte of {@code w} is 0xFF (no stuffing, no marker among the next eight bytes):
     * the classic SWAR zero-byte test on the inverted word. One copy for every refill loop.
     */
    private static boolean noFfByte(long w) {
        long inv = ~w;
        return ((inv - ONES) & ~inv & HIGHS) == 0;
    }

    private void fill() {
        // Fast path: the next eight bytes hold no 0xFF (no stuffing, no marker), so as many whole
        // bytes as fit go in at once.
        int n = (63 - bits) >> 3;
        if (n > 0 && marker == NO_MARKER && pos <= d.length - 8) {
            long w = (long) LONG_BE.get(d, pos);
            if (noFfByte(w)) {
                acc = (acc << (8 * n)) | (w >>> (64 - 8 * n));
                bits += 8 * n;
                pos += n;
                return;
            }
        }
        while (bits <= 56) {
            if (marker != NO_MARKER) {
                acc <<= 8;
                bits += 8;
                padded += 8;
                continue;
            }
            if (pos >= d.length) {
                marker = EOF;
                markerPos = d.length;
                continue;
            }
            int b = d[pos] & 0xFF;
            if (b == 0xFF) {
                int q = pos + 1;
                while (q < d.length && (d[q] & 0xFF) == 0xFF) {
                    q++;
                }
                if (q >= d.length) {
                    marker = EOF;
                    markerPos = d.length;
                    continue;
                }
                if (d[q] == 0) {
                    pos = q + 1;
                    acc = (acc << 8) | 0xFF;
                    bits += 8;
                    continue;
                }
                marker = d[q] & 0xFF;
                markerPos = q - 1;
                continue;
            }
            pos++;
            acc = (acc << 8) | b;
            bits += 8;
        }
    }

    private int getBits(int n) {
        if (n == 0) {
            return 0;
        }
        if (bits < n) {
            fill();
        }
        bits -= n;
        return (int) (acc >>> bits) & ((1 << n) - 1);
    }

    private int getBit() {
        if (bits < 1) {
            fill();
        }
        bits--;
        return (int) (acc >>> bits) & 1;
    }

    /** T.81 F.2.2.1 EXTEND: the signed value of {@code n} magnitude bits. */
    private static int extend(int v, int n) {
        return v < (1 << (n - 1)) ? v - (1 << n) + 1 : v;
    }

    private int decodeHuffman(HuffmanTable t) {
        if (bits < 16) {
            fill();
        }
        int e = t.lookup[(int) (acc >>> (bits - HuffmanTable.LOOKAHEAD)) & ((1 << HuffmanTable.LOOKAHEAD) - 1)];
        if (e != 0) {
            bits -= e >> 8;
            return e & 0xFF;
        }
        int code16 = (int) (acc >>> (bits - 16)) & 0xFFFF;
        for (int len = HuffmanTable.LOOKAHEAD + 1; len <= 16; len++) {
            int code = code16 >>> (16 - len);
            if (code <= t.maxcode[len]) {
                bits -= len;
                int i = t.valOffset[len] + code;
                if (i < 0 || i >= t.symbols.length) {
                    break;
                }
                return t.symbols[i];
            }
        }
        // Not a code. Past the data it is padding we could not avoid reading: report as truncation.
        if (badCodeAt < 0) {
            badCodeAt = byteOfNextBit();
        }
        return 0;
    }

    /**
     * The offset of the byte that holds the next unread bit: the reader's position stepped back
     * over the unread data bytes, a stuffed 0xFF 0x00 (with any fill bytes before it) counting
     * as one. So an error offset depends on the data alone, not on how far ahead the reader has
     * loaded, which differs between the decode paths (each refills at its own points).
     */
    private int byteOfNextBit() {
        int p = pos;
        for (int r = bits - padded; r > 0 && p > 0; r -= 8) {
            p--;
            if (d[p] == 0 && p > 0 && (d[p - 1] & 0xFF) == 0xFF) {
                p--;
                while (p > 0 && (d[p - 1] & 0xFF) == 0xFF) {
                    p--;
                }
            }
        }
        return p;
    }

    // ---- blocks ----

    /** One block of a progressive scan (sequential scans: {@link #decodeSequentialRow}). */
    private void decodeBlock(int i, short[] out, int o) {
        switch (kind) {
            case 1 -> {
                int t = decodeHuffman(dcOf[i]);
                int diff = t == 0 ? 0 : extend(getBits(t), t);
                pred[i] += diff;
                out[o] = (short) (pred[i] << al);
            }
            case 2 -> {
                if (getBit() != 0) {
                    out[o] |= (short) (1 << al);
                }
            }
            case 3 -> decodeAcFirst(out, o);
            default -> decodeAcRefine(out, o);
        }
    }

    /**
     * The blocks of one MCU of the current sequential scan, in the order the stream codes them:
     * the component's slot in the scan, its coefficient array, the block's offset in the row's
     * first MCU and how far it moves per MCU, and whether only its DC is used. At most 10
     * blocks (T.81 B.2.3, checked by the frame parser); a one-component scan's MCU is one block.
     */
    private final int[] mcuSlot = new int[10];
    private final short[][] mcuOut = new short[10][];
    private final int[] mcuOff = new int[10];
    private final int[] mcuStep = new int[10];
    private final boolean[] mcuDcOnly = new boolean[10];

    /** {@link #decodeRow} for a sequential scan: lays out the MCU's blocks, then {@link #decodeMcus}. */
    private void decodeSequentialRow(int row, short[][] coefs, int rowBase) {
        if (comps.length == 1) {
            JpegFrame.Component c = comps[0];
            int by0 = row * c.v;
            int by1 = Math.min(codedBlockRows(c), by0 + c.v);
            mcuSlot[0] = 0;
            mcuOut[0] = coefs[c.index];
            mcuStep[0] = 64;
            mcuDcOnly[0] = dcOnly[c.index];
            for (int by = by0; by < by1; by++) {
                mcuOff[0] = (by - rowBase * c.v) * c.blocksW * 64;
                if (!decodeMcus(codedBlockCols(c), 1)) {
                    return;
                }
            }
            return;
        }
        int n = 0;
        for (int i = 0; i < comps.length; i++) {
            JpegFrame.Component c = comps[i];
            for (int v = 0; v < c.v; v++) {
                int by = row * c.v + v - rowBase * c.v;
                for (int h = 0; h < c.h; h++) {
                    mcuSlot[n] = i;
                    mcuOut[n] = coefs[c.index];
                    mcuOff[n] = (by * c.blocksW + h) * 64;
                    mcuStep[n] = c.h * 64;
                    mcuDcOnly[n] = dcOnly[c.index];
                    n++;
                }
            }
        }
        decodeMcus(f.mcusX, n);
    }

    /**
     * Decodes {@code mcus} MCUs of {@code nb} blocks each (laid out by {@link #decodeSequentialRow});
     * false when the scan stopped (an error, or dead data). The bit reader lives in locals for a
     * whole MCU (the fields are written back around the checking path and at each MCU's end,
     * where restarts and errors are handled), left-aligned: the next unread bit is bit 63 of
     * {@code a}, {@code b} bits are valid and zeros follow them. So a look-up index is one shift
     * ({@code a >>> 54}) and consuming a code with its magnitude is another ({@code a <<= entry},
     * Java taking the count's low six bits, which are the entry's bit count): the chain of
     * dependent operations from one look-up to the next, which bounds the code loop, is shift,
     * load, shift, where the reader's right-aligned form (the fields, as {@link #fill} keeps
     * them) needs a subtraction and a mask more.
     *
     * <p>AC codes come from {@link HuffmanTable#acPairs}: one look-up gives up to two codes with
     * their values, so that chain is walked about 0.68 times per code in photographs (the lab's
     * S4 files: two thirds of their codes go in pairs; one code per look-up measured slower than
     * the single-code table before it, two faster than both). Each code stores its value at the
     * zig-zag position it moves to, less one ({@link #NATURAL_BEFORE}); a single code stores twice
     * at one place, an end of block a zero at a position not yet reached, so the only tests per
     * code are whether the block is done, which an end of block makes true. When it is after the
     * first code, only that code's bits are consumed (the second belongs to the next block).
     * Codes whose magnitude runs past the look-up read it from the data; longer codes go through
     * the checking path.
     *
     * <p>The reader is refilled without a data-dependent branch whenever the next eight bytes
     * hold no 0xFF ({@code p <= lim}, {@code lim} being -1 once a marker or the end is seen; near
     * a 0xFF, a marker or the end of the data, by {@link #fill}). A refill leaves at least 56
     * bits. A block starts with one; then look-ups are made while at least
     * {@link HuffmanTable#AC_MAX_BITS} bits are left (what an entry takes at most), and the
     * reader is refilled when fewer are. The bits consumed are those of the checking path, so
     * errors are found at the same places.
     */
    private boolean decodeMcus(int mcus, int nb) {
        byte[] d = this.d;
        int[] pr = pred;
        for (int m = 0; m < mcus; m++) {
            if (!beginMcu()) {
                return false;
            }
            int b = bits;
            long a = toLeft(acc, b);
            int p = pos;
            int lim = marker == NO_MARKER ? d.length - 8 : -1;
            for (int j = 0; j < nb; j++) {
                int i = mcuSlot[j];
                short[] out = mcuOut[j];
                int o = mcuOff[j] + m * mcuStep[j];
                if (mcuDcOnly[j]) {
                    acc = toRight(a, b);
                    bits = b;
                    pos = p;
                    decodeSequentialDcOnly(i, out, o);
                    b = bits;
                    a = toLeft(acc, b);
                    p = pos;
                    lim = marker == NO_MARKER ? d.length - 8 : -1;
                    continue;
                }
                long w;
                if (p <= lim && noFfByte(w = (long) LONG_BE.get(d, p))) {
                    int n = Math.max(0, (63 - b) >> 3);
                    // the top n bytes of w just below the b valid bits; two shifts, so that
                    // n = 0 adds nothing (a shift by 64 would not shift)
                    a |= ((w >>> 8) >>> (56 - 8 * n)) << (64 - b - 8 * n);
                    b += 8 * n;
                    p += n;
                } else if (b < 56) {
                    acc = toRight(a, b);
                    bits = b;
                    pos = p;
                    fill();
                    b = bits;
                    a = toLeft(acc, b);
                    p = pos;
                    lim = marker == NO_MARKER ? d.length - 8 : -1;
                }
                HuffmanTable dc = dcOf[i];
                int de = dc.lookup[(int) (a >>> (64 - HuffmanTable.LOOKAHEAD))];
                int t;
                if (de != 0) {
                    a <<= de >> 8;
                    b -= de >> 8;
                    t = de & 0xFF;
                } else {
                    acc = toRight(a, b);
                    bits = b;
                    pos = p;
                    t = decodeHuffman(dc);
                    b = bits;
                    a = toLeft(acc, b);
                    p = pos;
                    lim = marker == NO_MARKER ? d.length - 8 : -1;
                }
                if (t > 11) {
                    t = 11;
                }
                // the difference without a branch on its size or sign (they follow the picture,
                // so a branch on either is mispredicted often): size 0 reads nothing and gives 0,
                // as in the AC loop below
                int dm = (int) (a >>> -t) & ((1 << t) - 1);
                int dcv = pr[i] + dm - (((dm >>> (t - 1)) - 1) & ((1 << t) - 1));
                pr[i] = dcv;
                a <<= t;
                b -= t;
                out[o] = (short) dcv;
                HuffmanTable ac = acOf[i];
                long[] pairs = pairsOf[i];
                int k = 1;
                block:
                for (;;) {
                    while (b >= HuffmanTable.AC_MAX_BITS) {
                        long e = pairs[(int) (a >>> (64 - HuffmanTable.AC_LOOKAHEAD))];
                        if (e <= 0) {
                            if (e != 0) {
                                // a code whose magnitude runs past the look-up: read from the
                                // data and sign-extended without a branch (T.81 F.2.2.1 EXTEND):
                                // below half the range, v - 2^s + 1
                                int c = (int) e;
                                int s = (c >> 20) & 15;
                                int mg = (int) (a >>> -c) & ((1 << s) - 1);
                                int v = mg - (((mg >>> (s - 1)) - 1) & ((1 << s) - 1));
                                a <<= c;
                                b -= c & 63;
                                k += (c >> 12) & 127;
                                out[o + NATURAL_BEFORE[k]] = (short) v;
                                if (k >= 64) {
                                    break block;
                                }
                                continue;
                            }
                            acc = toRight(a, b);
                            bits = b;
                            pos = p;
                            int rs = decodeHuffman(ac);
                            int r = rs >> 4;
                            int s = rs & 15;
                            if (s != 0) {
                                k += r;
                                out[o + ZigZag.NATURAL[k]] = (short) extend(getBits(s), s);
                                k++;
                            } else if (r != 15) {
                                k = 64;
                            } else {
                                k += 16;
                            }
                            b = bits;
                            a = toLeft(acc, b);
                            p = pos;
                            lim = marker == NO_MARKER ? d.length - 8 : -1;
                            if (k >= 64) {
                                break block;
                            }
                            break;
                        }
                        int c = (int) e;
                        k += (c >> 12) & 127;
                        out[o + NATURAL_BEFORE[k]] = (short) (e >>> 26);
                        if (k >= 64) {
                            // the block ends at the first code (an end of block, or its last
                            // coefficient): only its bits are consumed
                            a <<= c >> 6;
                            b -= (c >> 6) & 63;
                            break block;
                        }
                        k += (c >> 19) & 127;
                        out[o + NATURAL_BEFORE[k]] = (short) (e >>> 42);
                        a <<= c;
                        b -= c & 63;
                        if (k >= 64) {
                            break block;
                        }
                    }
                    if (p <= lim && noFfByte(w = (long) LONG_BE.get(d, p))) {
                        int n = Math.max(0, (63 - b) >> 3);
                        a |= ((w >>> 8) >>> (56 - 8 * n)) << (64 - b - 8 * n);
                        b += 8 * n;
                        p += n;
                    } else if (b < 56) {
                        acc = toRight(a, b);
                        bits = b;
                        pos = p;
                        fill();
                        b = bits;
                        a = toLeft(acc, b);
                        p = pos;
                        lim = marker == NO_MARKER ? d.length - 8 : -1;
                    }
                }
            }
            acc = toRight(a, b);
            bits = b;
            pos = p;
            if (!endMcu()) {
                return false;
            }
        }
        return true;
    }

    /** The reader's {@code bits} valid low bits of {@code acc} moved to the top, zeros below. */
    private static long toLeft(long acc, int bits) {
        return bits == 0 ? 0 : acc << -bits;
    }

    /** The inverse of {@link #toLeft}: the {@code bits} top bits of {@code a} as the low bits. */
    private static long toRight(long a, int bits) {
        return bits == 0 ? 0 : a >>> -bits;
    }

    /**
     * A block of {@link #decodeMcus}, but only the DC is stored: the AC codes are decoded to find the
     * end of the block and their magnitude bits skipped (the same bits consumed, so errors are
     * found at the same places).
     */
    private void decodeSequentialDcOnly(int i, short[] out, int o) {
        int t = decodeHuffman(dcOf[i]);
        if (t > 11) {
            t = 11;
        }
        int diff = t == 0 ? 0 : extend(getBits(t), t);
        pred[i] += diff;
        out[o] = (short) pred[i];
        HuffmanTable ac = acOf[i];
        int[] skip = skipOf[i];
        if (skip == null) {
            skip = skipOf[i] = ac.skipCodes();
        }
        int k = 1;
        // The bit reader's state in locals, refilled before every SKIPS_PER_REFILL look-ups
        // without a data-dependent branch: whenever the next eight bytes hold no 0xFF, as many
        // whole bytes as fit go in (none when the reader is full). Either way at least 56 bits
        // are left, and a look-up takes at most 18 (HuffmanTable.SKIP_MAX_BITS), so three need
        // no test. Each look-up steps over every whole code of its 12-bit prefix, so the chain of
        // dependent look-ups, which bounds this loop, is about half as long as one per code.
        long a = acc;
        int b = bits;
        while (k < 64) {
            long w;
            if (marker == NO_MARKER && pos <= d.length - 8
                    && noFfByte(w = (long) LONG_BE.get(d, pos))) {
                int n = Math.max(0, (63 - b) >> 3);
                // two shifts, so that n = 0 shifts everything out (a shift by 64 would not)
                a = (a << (8 * n)) | ((w >>> 8) >>> (56 - 8 * n));
                b += 8 * n;
                pos += n;
            } else if (b < 56) {
                acc = a;
                bits = b;
                fill();
                a = acc;
                b = bits;
            }
            for (int j = 0; j < SKIPS_PER_REFILL; j++) {
                int e = skip[(int) (a >>> (b - HuffmanTable.SKIP_LOOKAHEAD)) & ((1 << HuffmanTable.SKIP_LOOKAHEAD) - 1)];
                if (e == 0 || k + (e >>> 16) >= 64) {
                    // a code longer than the look-up, or codes past the end of this block
                    // (which belong to the next): one code on the general path, then a refill
                    acc = a;
                    bits = b;
                    int rs = decodeHuffman(ac);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s != 0) {
                        getBits(s);
                        k += r + 1;
                    } else if (r != 15) {
                        return;
                    } else {
                        k += 16;
                    }
                    a = acc;
                    b = bits;
                    break;
                }
                b -= e & 0xFF;
                // past 63 when the block is done: at its last coefficient or an end of block
                k += (e >> 8) & 0xFF;
                if (k >= 64) {
                    break;
                }
            }
        }
        acc = a;
        bits = b;
    }

    private void decodeAcFirst(short[] out, int o) {
        if (eobrun > 0) {
            eobrun--;
            return;
        }
        HuffmanTable ac = acOf[0];
        for (int k = ss; k <= se; k++) {
            int rs = decodeHuffman(ac);
            int r = rs >> 4;
            int s = rs & 15;
            if (s != 0) {
                k += r;
                out[o + ZigZag.NATURAL[k]] = (short) (extend(getBits(s), s) * (1 << al));
            } else {
                if (r != 15) {
                    eobrun = (1 << r) - 1;
                    if (r != 0) {
                        eobrun += getBits(r);
                    }
                    break;
                }
                k += 15;
            }
        }
    }

    private void decodeAcRefine(short[] out, int o) {
        int p1 = 1 << al;
        int m1 = -1 << al;
        int k = ss;
        HuffmanTable ac = acOf[0];
        if (eobrun == 0) {
            for (; k <= se; k++) {
                int rs = decodeHuffman(ac);
                int r = rs >> 4;
                int s = rs & 15;
                if (s != 0) {
                    s = getBit() != 0 ? p1 : m1;
                } else if (r != 15) {
                    eobrun = 1 << r;
                    if (r != 0) {
                        eobrun += getBits(r);
                    }
                    break;
                }
                while (k <= se) {
                    int z = o + ZigZag.NATURAL[k];
                    int coef = out[z];
                    if (coef != 0) {
                        if (getBit() != 0 && (coef & p1) == 0) {
                            out[z] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                        }
                    } else {
                        if (--r < 0) {
                            break;
                        }
                    }
                    k++;
                }
                if (s != 0 && k <= 63) {
                    out[o + ZigZag.NATURAL[k]] = (short) s;
                }
            }
        }
        if (eobrun > 0) {
            for (; k <= se; k++) {
                int z = o + ZigZag.NATURAL[k];
                int coef = out[z];
                if (coef != 0 && getBit() != 0 && (coef & p1) == 0) {
                    out[z] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                }
            }
            eobrun--;
        }
    }
}
