package dev.lamina.codec.jpeg;

import dev.lamina.model.Limits;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sequential scan decoder's table-driven paths against files whose expected coefficients
 * come from the test alone: random canonical Huffman tables (code lengths chosen at random within
 * the Kraft budget, the all-ones code left out, codes assigned as T.81 Annex C does), random
 * blocks coded with them by a bit writer written here (magnitude categories per F.1.2.1, byte
 * stuffing, restart markers with one-bit padding), so one-bit codes, sixteen-bit codes, codes
 * whose magnitude runs past any look-up, runs of sixteen zeros and blocks ending without an end of
 * block all occur. Damaged copies are compared with a decoder written here that takes the same
 * data one bit at a time (T.81 F.2.2.3 DECODE, F.2.2.1 EXTEND) under the documented rules for bad
 * data (docs/jpeg.md, "Bad data").
 */
class JpegHuffmanDecodeTest {

    /** Zig-zag order (T.81 figure A.6) walked along the anti-diagonals, not copied from ZigZag. */
    private static final int[] ZIGZAG = new int[64];

    static {
        int k = 0;
        for (int s = 0; s < 15; s++) {
            for (int i = 0; i <= s; i++) {
                int row = s % 2 == 0 ? s - i : i;   // even diagonals go up, odd ones down
                int col = s - row;
                if (row < 8 && col < 8) {
                    ZIGZAG[k++] = row * 8 + col;
                }
            }
        }
    }

    /** A canonical Huffman table per T.81 Annex C: counts per length, symbols, and each symbol's code. */
    private record Table(int[] counts, int[] symbols, int[] codeOf, int[] lengthOf) {
        static Table of(int[] counts, int[] symbols) {
            int[] codeOf = new int[256];
            int[] lengthOf = new int[256];
            int code = 0;
            int k = 0;
            for (int len = 1; len <= 16; len++) {   // C.2: HUFFCODE
                for (int i = 0; i < counts[len]; i++) {
                    codeOf[symbols[k]] = code++;
                    lengthOf[symbols[k]] = len;
                    k++;
                }
                code <<= 1;
            }
            return new Table(counts, symbols, codeOf, lengthOf);
        }

        boolean has(int symbol) {
            return lengthOf[symbol] != 0;
        }
    }

    /**
     * Random code lengths for {@code pool} (shuffled; with {@code smallFirst} the symbols of
     * sizes 0-3 ahead of the others, so they get the shorter codes), leaving the all-ones code
     * unused.
     */
    private static Table randomTable(Random rnd, List<Integer> pool, int maxSymbols, boolean shortCodes,
            boolean smallFirst) {
        List<Integer> syms = new ArrayList<>(pool);
        java.util.Collections.shuffle(syms, rnd);
        if (smallFirst) {
            syms.sort(java.util.Comparator.comparingInt(sym -> (sym & 15) <= 3 ? 0 : 1));
        }
        int[] counts = new int[17];
        long room = (1L << 16) - 1;   // Kraft budget in units of 2^-16, one unit kept for all-ones
        int total = 0;
        int want = Math.min(maxSymbols, syms.size());
        for (int len = 1; len <= 16 && total < want; len++) {
            int max = (int) Math.min(want - total, room >> (16 - len));
            int n = len == 16 ? max : max == 0 ? 0 : rnd.nextInt(Math.min(max, shortCodes ? 3 : 6) + 1);
            counts[len] = n;
            total += n;
            room -= (long) n << (16 - len);
        }
        int[] symbols = new int[total];
        for (int i = 0; i < total; i++) {
            symbols[i] = syms.get(i);
        }
        return Table.of(counts, symbols);
    }

    private record File(byte[] jpeg, short[][] coefs, int blocksW, int blocksH) {
    }

    /** Writes bits MSB first with byte stuffing, as an encoder does. */
    private static final class BitWriter {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        long acc;
        int n;

        void put(int value, int bits) {
            for (int i = bits - 1; i >= 0; i--) {
                acc = (acc << 1) | ((value >> i) & 1);
                if (++n == 8) {
                    out.write((int) acc);
                    if ((acc & 0xFF) == 0xFF) {
                        out.write(0);
                    }
                    acc = 0;
                    n = 0;
                }
            }
        }

        void padWithOnes() {
            while (n != 0) {
                put(1, 1);
            }
        }
    }

    /** A value of magnitude category s (F.1.2.1: 2^(s-1) <= |v| < 2^s), of either sign. */
    private static int randomValue(Random rnd, int s) {
        int m = (1 << (s - 1)) + rnd.nextInt(1 << (s - 1));
        return rnd.nextBoolean() ? m : -m;
    }

    /**
     * A file of {@code comps} components (interleaved when more than one), {@code bw} by
     * {@code bh} MCUs, random tables and random blocks; {@code restart} MCUs per interval (0:
     * none). The first component is sampled {@code lh} by {@code lv} (so an MCU holds several of
     * its blocks, as in 4:2:0 and 4:2:2), the others 1x1.
     */
    private static File randomFile(Random rnd, int comps, int bw, int bh, int lh, int lv, int restart, boolean dense) {
        return randomFile(rnd, comps, bw, bh, lh, lv, restart, dense, false);
    }

    /**
     * A symbol of {@code t} drawn as coded data draws it: the one whose code starts a random bit
     * string, so a code of length n comes with probability 2^-n (redrawn when the string starts
     * with no code: the all-ones code or an incomplete table). Short codes then follow each
     * other, as in photographs, which {@link #randomFile}'s uniform draw over the symbols
     * (mostly long codes) seldom makes.
     */
    private static int naturalSymbol(Random rnd, Table t) {
        for (;;) {
            int bits = rnd.nextInt(1 << 16);
            for (int s : t.symbols()) {
                int len = t.lengthOf()[s];
                if (bits >>> (16 - len) == t.codeOf()[s]) {
                    return s;
                }
            }
        }
    }

    /**
     * {@link #randomFile}; with {@code natural} the symbols are drawn by {@link #naturalSymbol}
     * and the shortest AC codes are given to small magnitudes (sizes 0-3), so that many pairs
     * of codes with their magnitudes fit the decoder's 10-bit look-up, as in photographs.
     */
    private static File randomFile(Random rnd, int comps, int bw, int bh, int lh, int lv, int restart, boolean dense,
            boolean natural) {
        List<Integer> acPool = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            for (int s = 1; s <= 10; s++) {
                acPool.add(r << 4 | s);
            }
        }
        acPool.add(0x00);   // end of block
        acPool.add(0xF0);
        for (int s = 11; s <= 15; s++) {
            acPool.add(s);   // sizes past 10 are not made by 8-bit encoders, but are decodable
        }
        List<Integer> dcPool = new ArrayList<>();
        for (int s = 0; s <= 11; s++) {
            dcPool.add(s);
        }
        Table[] dc = new Table[comps];
        Table[] ac = new Table[comps];
        for (int c = 0; c < Math.min(comps, 2); c++) {
            boolean shortCodes = rnd.nextBoolean();
            dc[c] = randomTable(rnd, dcPool, 12, shortCodes, natural);
            Table t;
            do {
                // mostly with an end of block; without one every block must be filled to
                // coefficient 63, which needs a code of run 0
                t = randomTable(rnd, acPool, 20 + rnd.nextInt(150), shortCodes, natural);
            } while (!(t.has(0x00) || (rnd.nextInt(4) == 0 && hasRunZero(t))));
            ac[c] = t;
        }
        for (int c = 2; c < comps; c++) {
            dc[c] = dc[1];
            ac[c] = ac[1];
        }
        BitWriter w = new BitWriter();
        short[][] coefs = new short[comps][];
        for (int c = 0; c < comps; c++) {
            coefs[c] = new short[bw * bh * (c == 0 ? lh * lv : 1) * 64];
        }
        int[] pred = new int[comps];
        int mcus = bw * bh;
        for (int m = 0; m < mcus; m++) {
            if (restart > 0 && m > 0 && m % restart == 0) {
                w.padWithOnes();
                w.out.write(0xFF);
                w.out.write(0xD0 + (m / restart - 1) % 8);
                Arrays.fill(pred, 0);
            }
            for (int blk = 0; blk < lh * lv + comps - 1; blk++) {
                int c = blk < lh * lv ? 0 : blk - lh * lv + 1;
                int o = c == 0 ? blockOffset(m, bw, lh, lv, blk % lh, blk / lh) : m * 64;
                // DC: a category the table has, a value within the 8-bit range
                int s = natural ? naturalSymbol(rnd, dc[c]) : dc[c].symbols()[rnd.nextInt(dc[c].symbols().length)];
                int diff = s == 0 ? 0 : Math.abs(randomValue(rnd, s)) * (pred[c] > 0 ? -1 : 1);   // stays in range
                w.put(dc[c].codeOf()[s], dc[c].lengthOf()[s]);
                if (s > 0) {
                    w.put(diff < 0 ? diff - 1 : diff, s);
                }
                pred[c] += diff;
                coefs[c][o] = (short) pred[c];
                int k = 1;
                while (k < 64) {
                    Table t = ac[c];
                    boolean end = t.has(0x00) && rnd.nextInt(dense ? 40 : 8) == 0;
                    if (end) {
                        w.put(t.codeOf()[0], t.lengthOf()[0]);
                        break;
                    }
                    int sym = natural ? naturalSymbol(rnd, t) : t.symbols()[rnd.nextInt(t.symbols().length)];
                    int r = sym >> 4;
                    int size = sym & 15;
                    if (sym == 0x00 || (size == 0 && r != 15) || k + (size == 0 ? 16 : r) > 63 + (size == 0 ? 1 : 0)) {
                        // an end of block drawn by chance, or a run past the block
                        if (sym == 0x00) {
                            w.put(t.codeOf()[0], t.lengthOf()[0]);
                            break;
                        }
                        continue;
                    }
                    w.put(t.codeOf()[sym], t.lengthOf()[sym]);
                    if (size == 0) {
                        k += 16;   // sixteen zeros
                        continue;
                    }
                    int v = randomValue(rnd, size);
                    w.put(v < 0 ? v - 1 : v, size);
                    k += r;
                    coefs[c][o + ZIGZAG[k]] = (short) v;
                    k++;
                }
            }
        }
        w.padWithOnes();
        byte[] data = w.out.toByteArray();

        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0xFF);
        f.write(0xD8);
        // DQT: table 0, all ones
        f.write(0xFF);
        f.write(0xDB);
        f.write(0);
        f.write(67);
        f.write(0);
        for (int i = 0; i < 64; i++) {
            f.write(1);
        }
        if (restart > 0) {
            f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (restart >> 8), (byte) restart});
        }
        // SOF0
        int h = bh * 8 * lv;
        int wd = bw * 8 * lh;
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, (byte) (8 + 3 * comps), 8, (byte) (h >> 8), (byte) h,
                (byte) (wd >> 8), (byte) wd, (byte) comps});
        for (int c = 0; c < comps; c++) {
            f.writeBytes(new byte[] {(byte) (c + 1), (byte) (c == 0 ? lh << 4 | lv : 0x11), 0});
        }
        for (int c = 0; c < Math.min(comps, 2); c++) {
            writeDht(f, 0x00 | c, dc[c]);
            writeDht(f, 0x10 | c, ac[c]);
        }
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, (byte) (6 + 2 * comps), (byte) comps});
        for (int c = 0; c < comps; c++) {
            int tbl = Math.min(c, 1);
            f.writeBytes(new byte[] {(byte) (c + 1), (byte) (tbl << 4 | tbl)});
        }
        f.writeBytes(new byte[] {0, 63, 0});
        f.writeBytes(data);
        f.write(0xFF);
        f.write(0xD9);
        return new File(f.toByteArray(), coefs, bw, bh);
    }

    /**
     * Where block ({@code hh}, {@code vv}) of MCU {@code m} of a component sampled {@code h} by
     * {@code v} lies in its coefficients (blocks in rows of {@code mcusX * h}, T.81 A.2.3).
     */
    private static int blockOffset(int m, int mcusX, int h, int v, int hh, int vv) {
        int by = m / mcusX * v + vv;
        int bx = m % mcusX * h + hh;
        return (by * mcusX * h + bx) * 64;
    }

    private static boolean hasRunZero(Table t) {
        for (int s = 1; s <= 15; s++) {
            if (t.has(s)) {
                return true;
            }
        }
        return false;
    }

    private static void writeDht(ByteArrayOutputStream f, int tcTh, Table t) {
        int len = 2 + 1 + 16 + t.symbols().length;
        f.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC4, (byte) (len >> 8), (byte) len, (byte) tcTh});
        for (int i = 1; i <= 16; i++) {
            f.write(t.counts()[i]);
        }
        for (int s : t.symbols()) {
            f.write(s);
        }
    }

    private record Outcome(short[][] coefs, String warning) {
    }

    private static Outcome decode(byte[] jpeg, boolean strict) {
        return decode(jpeg, strict, false);
    }

    /**
     * With {@code firstDcOnly} the first component's AC codes are stepped over (its DC-only
     * path, as at 1/8 scale), the others decoded in full in the same MCUs.
     */
    private static Outcome decode(byte[] jpeg, boolean strict, boolean firstDcOnly) {
        JpegFrame f = JpegFrame.parse(jpeg, "t.jpg", Limits.defaults());
        List<String> warnings = new ArrayList<>();
        ScanDecoder sd = new ScanDecoder(f, strict, warnings::add);
        sd.dcOnly[0] = firstDcOnly;
        short[][] coefs = new short[f.components.length][];
        for (JpegFrame.Component c : f.components) {
            coefs[c.index] = new short[c.blocksH * c.blocksW * 64];
        }
        sd.startScan(f.firstScanPos);
        for (int r = 0; r < sd.scanRows(); r++) {
            sd.decodeRow(r, coefs, 0);
        }
        return new Outcome(coefs, warnings.isEmpty() ? null : warnings.get(0));
    }

    /** The first component's sampling in file {@code t}: 1x1, 2x1, 1x2 and 2x2 in turn for three components. */
    private static int lumaH(int comps, int t) {
        return comps == 3 ? 1 + t / 3 % 2 : 1;
    }

    private static int lumaV(int comps, int t) {
        return comps == 3 ? 1 + t / 6 % 2 : 1;
    }

    /** The coefficients with every AC zeroed: what a DC-only decode stores. */
    private static short[] dcOnly(short[] coefs) {
        short[] out = new short[coefs.length];
        for (int i = 0; i < coefs.length; i += 64) {
            out[i] = coefs[i];
        }
        return out;
    }

    /** Both decodes of a three-component file, the first component in full and DC only, against {@code want}. */
    private static void assertDecodes(Outcome want, byte[] jpeg, boolean strict, int comps, String what) {
        for (boolean firstDcOnly : comps == 3 ? new boolean[] {false, true} : new boolean[] {false}) {
            Outcome got = decode(jpeg, strict, firstDcOnly);
            String how = what + (firstDcOnly ? ", first component DC only" : "");
            assertEquals(want.warning(), got.warning(), how);
            for (int c = 0; c < comps; c++) {
                short[] expected = firstDcOnly && c == 0 ? dcOnly(want.coefs()[c]) : want.coefs()[c];
                assertArrayEquals(expected, got.coefs()[c], how + " component " + c);
            }
        }
    }

    @Test
    void randomTablesAndBlocksDecodeToWhatWasCoded() {
        decodeToWhatWasCoded(new Random(1234), false);
    }

    /** As above with photograph-like statistics: many pairs of short codes in one look-up. */
    @Test
    void naturalStatisticsDecodeToWhatWasCoded() {
        decodeToWhatWasCoded(new Random(4321), true);
    }

    private static void decodeToWhatWasCoded(Random rnd, boolean natural) {
        long coded = 0;
        for (int t = 0; t < 300; t++) {
            int comps = t % 3 == 0 ? 3 : 1;
            int restart = t % 4 == 1 ? 1 + rnd.nextInt(5) : 0;
            File file = randomFile(rnd, comps, 1 + rnd.nextInt(12), 1 + rnd.nextInt(6), lumaH(comps, t), lumaV(comps, t),
                    restart, t % 2 == 0, natural);
            assertDecodes(new Outcome(file.coefs(), null), file.jpeg(), true, comps, "file " + t);
            for (int c = 0; c < comps; c++) {
                for (short v : file.coefs()[c]) {
                    coded += v != 0 ? 1 : 0;
                }
            }
        }
        assertTrue(coded > (natural ? 50_000 : 100_000), "too few coefficients coded: " + coded);
    }

    /**
     * The reference: T.81 F.2.2.3 DECODE one bit at a time over the unstuffed data (zero bits past
     * a marker or the end), F.2.2.1 EXTEND, libjpeg's guard for runs past the block (they land
     * on coefficient 63). An invalid code consumes nothing and reads as symbol 0 (an end of block
     * or a DC difference of 0); the first one's offset is that of the byte holding its first bit
     * (a stuffed 0xFF 0x00 counts at its 0xFF). At the end of each MCU: padding consumed is a
     * truncation at the marker's last 0xFF (the end of data: its length), else an invalid code is
     * reported; the rest of the scan stays zero. Files without restart markers.
     */
    private static Outcome reference(byte[] jpeg) {
        JpegFrame f = JpegFrame.parse(jpeg, "t.jpg", Limits.defaults());
        int comps = f.components.length;
        // the tables again from the DHT segments: this file has them in order, DC then AC
        Table[] dc = new Table[2];
        Table[] ac = new Table[2];
        int p = 2;
        int sos = -1;
        while (sos < 0) {
            int m = jpeg[p + 1] & 0xFF;
            int len = (jpeg[p + 2] & 0xFF) << 8 | (jpeg[p + 3] & 0xFF);
            if (m == 0xC4) {
                int q = p + 4;
                int tc = jpeg[q] >> 4;
                int th = jpeg[q] & 15;
                int[] counts = new int[17];
                int n = 0;
                for (int i = 1; i <= 16; i++) {
                    counts[i] = jpeg[q + i] & 0xFF;
                    n += counts[i];
                }
                int[] syms = new int[n];
                for (int i = 0; i < n; i++) {
                    syms[i] = jpeg[q + 17 + i] & 0xFF;
                }
                (tc == 0 ? dc : ac)[th] = Table.of(counts, syms);
            } else if (m == 0xDA) {
                sos = p + 2 + len;
            }
            p += 2 + len;
        }
        // unstuff: data bits with the offset of the byte each came from
        List<Integer> bytes = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        int markerAt = jpeg.length;
        int markerRun = jpeg.length;   // where the reader stops: the first 0xFF before the marker
        for (int q = sos; q < jpeg.length; ) {
            int b = jpeg[q] & 0xFF;
            if (b != 0xFF) {
                bytes.add(b);
                offsets.add(q);
                q++;
                continue;
            }
            int r = q + 1;
            while (r < jpeg.length && (jpeg[r] & 0xFF) == 0xFF) {
                r++;
            }
            if (r < jpeg.length && jpeg[r] == 0) {
                bytes.add(0xFF);
                offsets.add(q);
                q = r + 1;
                continue;
            }
            markerAt = r < jpeg.length ? r - 1 : jpeg.length;
            markerRun = q;
            break;
        }
        int realBits = bytes.size() * 8;
        int stop = markerRun;
        int[] bitPos = {0};
        java.util.function.IntUnaryOperator bitAt = i -> i < realBits ? (bytes.get(i >> 3) >> (7 - (i & 7))) & 1 : 0;
        int[] bad = {-1};
        java.util.function.Function<Table, Integer> decodeSymbol = t -> {
            int code = 0;
            int base = 0;   // first code of this length
            int k = 0;      // symbols of shorter lengths
            for (int len = 1; len <= 16; len++) {
                code = (code << 1) | bitAt.applyAsInt(bitPos[0] + len - 1);
                if (code - base < t.counts()[len]) {
                    bitPos[0] += len;
                    return t.symbols()[k + code - base];
                }
                k += t.counts()[len];
                base = (base + t.counts()[len]) << 1;
            }
            if (bad[0] < 0) {
                bad[0] = bitPos[0] < realBits ? offsets.get(bitPos[0] >> 3) : stop;
            }
            return 0;
        };
        java.util.function.IntUnaryOperator receive = s -> {
            int v = 0;
            for (int i = 0; i < s; i++) {
                v = (v << 1) | bitAt.applyAsInt(bitPos[0]++);
            }
            return s == 0 ? 0 : v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
        };
        short[][] coefs = new short[comps][];
        for (JpegFrame.Component c : f.components) {
            coefs[c.index] = new short[c.blocksH * c.blocksW * 64];
        }
        int[] pred = new int[comps];
        String warning = null;
        int mcusX = comps == 1 ? f.components[0].blocksW : f.mcusX;
        int mcus = comps == 1 ? f.components[0].blocksW * f.components[0].blocksH : f.mcusX * f.mcusY;
        int lh = f.components[0].h;
        int lv = f.components[0].v;
        for (int m = 0; m < mcus && warning == null; m++) {
            for (int blk = 0; blk < lh * lv + comps - 1; blk++) {
                int c = blk < lh * lv ? 0 : blk - lh * lv + 1;
                Table d = dc[Math.min(c, 1)];
                Table a = ac[Math.min(c, 1)];
                int o = c == 0 ? blockOffset(m, mcusX, lh, lv, blk % lh, blk / lh) : m * 64;
                int s = Math.min(11, decodeSymbol.apply(d));
                pred[c] += receive.applyAsInt(s);
                coefs[c][o] = (short) pred[c];
                for (int k = 1; k < 64; k++) {
                    int rs = decodeSymbol.apply(a);
                    int r = rs >> 4;
                    s = rs & 15;
                    if (s != 0) {
                        k += r;
                        coefs[c][o + (k <= 63 ? ZIGZAG[k] : 63)] = (short) receive.applyAsInt(s);
                    } else if (r == 15) {
                        k += 15;
                    } else {
                        break;
                    }
                }
            }
            boolean truncated = bitPos[0] > realBits;
            String where = markerAt == jpeg.length ? "truncated JPEG data" : "corrupt JPEG data (premature marker)";
            if (truncated) {
                warning = "t.jpg: " + where + " at offset " + markerAt;
            } else if (bad[0] >= 0) {
                warning = "t.jpg: corrupt JPEG data (invalid Huffman code) at offset " + bad[0];
            }
        }
        return new Outcome(coefs, warning == null ? null : warning + "; the rest of the scan is left blank");
    }

    @Test
    void damagedDataDecodesAsTheBitByBitReference() {
        damagedDataDecodesAsTheReference(new Random(99), false);
    }

    @Test
    void damagedNaturalDataDecodesAsTheBitByBitReference() {
        damagedDataDecodesAsTheReference(new Random(98), true);
    }

    private static void damagedDataDecodesAsTheReference(Random rnd, boolean natural) {
        int warned = 0;
        for (int t = 0; t < 400; t++) {
            int comps = t % 3 == 0 ? 3 : 1;
            File file = randomFile(rnd, comps, 1 + rnd.nextInt(10), 1 + rnd.nextInt(5), lumaH(comps, t), lumaV(comps, t),
                    0, t % 2 == 0, natural);
            byte[] jpeg = file.jpeg();
            // the clean file first: the reference must agree with what was coded
            Outcome clean = reference(jpeg);
            assertEquals(null, clean.warning());
            for (int c = 0; c < comps; c++) {
                assertArrayEquals(file.coefs()[c], clean.coefs()[c], "reference, file " + t);
            }
            JpegFrame f = JpegFrame.parse(jpeg, "t.jpg", Limits.defaults());
            int start = f.firstScanPos + 6 + 2 * comps + 2;
            byte[] bad = jpeg.clone();
            int n = 1 + rnd.nextInt(4);
            for (int j = 0; j < n; j++) {
                int at = start + rnd.nextInt(Math.max(1, bad.length - 2 - start));
                bad[at] = (byte) (rnd.nextInt(3) == 0 ? 0xFF : rnd.nextInt(256));
            }
            if (t % 5 == 0) {
                bad = Arrays.copyOf(bad, start + rnd.nextInt(bad.length - start));   // cut short
            }
            Outcome want = reference(bad);
            assertDecodes(want, bad, false, comps, "damaged file " + t);
            warned += want.warning() != null ? 1 : 0;
        }
        assertTrue(warned > 200, "too few damaged files were found damaged: " + warned);
    }
}
