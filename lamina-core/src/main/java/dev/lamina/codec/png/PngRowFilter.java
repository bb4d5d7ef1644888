package dev.lamina.codec.png;

import dev.lamina.model.PngFilter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The five PNG row filters (PNG spec, section 9) and the adaptive choice between them.
 *
 * <p>Adaptive follows libpng's heuristic: filter the row all five ways and keep the one whose
 * bytes, read as signed values, have the smallest sum of absolute values (the first of equal
 * sums, in the spec's order). Small signed residuals are what deflate's Huffman stage compresses
 * best, and the choice depends only on this row and the one above, so output bytes never depend
 * on how the image was cut into strips.
 *
 * <p>The choice is one pass over the row, eight bytes at a time in a long (SWAR), that loads each
 * byte's four neighbours once, stores all five filters' residuals to trial rows and sums them;
 * the chosen trial row is then copied out. A cold command (bin/lamina runs short jobs on the C1
 * compiler alone) pays for every load, store, branch and call as written: filtering five trial
 * rows byte by byte, with a call to the Paeth predictor per byte (C1 inlines nothing over 35
 * bytecodes), then summing them, was over half of the headline composite's CPU. Eight lanes per
 * operation, absolute values and selections as arithmetic rather than branches that photographs
 * make unpredictable, and one predictor call per eight bytes take it from about 580 to 95 ms of
 * CPU for that image's 33 MB (one thread, C1, JIT-warm; docs/benchmarks.md, "Issue 15, third
 * pass"). The fixed filters are plain byte loops.
 *
 * <p>A missing row above (the first row of the image) is passed as a row of zeros, as the spec
 * defines it, so the loops have no special case.
 */
final class PngRowFilter {
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;   // each byte lane's top bit
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;
    private static final long ONES8 = 0x0101010101010101L;
    private static final long EVEN = 0x00FF00FF00FF00FFL;        // the even bytes, as 16-bit lanes
    /** Row bytes per call of {@link #sumBlock}. */
    private static final int BLOCK = 256;

    private final int bpp;          // bytes per complete pixel, at least 1 (the filter's left distance)
    private final int rowBytes;     // bytes of one unfiltered row, without the filter-type byte
    private final PngFilter mode;
    private final byte[] zeros;     // the row above the first row
    private final byte[] trial;     // adaptive: the row filtered each of the five ways, one after the other
    /** Adaptive: the sums of |residual| of the row's eight-byte groups so far, per filter type. */
    private int blockNone;
    private int blockSub;
    private int blockUp;
    private int blockAvg;
    private int blockPaeth;

    PngRowFilter(int bytesPerPixel, int rowBytes, PngFilter mode) {
        this.bpp = bytesPerPixel;
        this.rowBytes = rowBytes;
        this.mode = mode;
        this.zeros = new byte[rowBytes];
        this.trial = mode == PngFilter.ADAPTIVE ? new byte[5 * rowBytes] : null;
    }

    boolean fits(int bytesPerPixel, int bytes, PngFilter filterMode) {
        return bpp == bytesPerPixel && rowBytes == bytes && mode == filterMode;
    }

    /**
     * Filters {@code cur} (row bytes at {@code c}) against {@code prev} (at {@code p}; null for the
     * first row of the image) into {@code out} at {@code o}: one filter-type byte, then
     * {@code rowBytes} filtered bytes.
     */
    void filter(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        if (prev == null) {
            prev = zeros;
            p = 0;
        }
        // NONE=0, SUB=1, UP=2, AVERAGE=3, PAETH=4: the spec's numbers
        if (mode == PngFilter.ADAPTIVE) {
            int type = choose(cur, c, prev, p);
            out[o] = (byte) type;
            System.arraycopy(trial, type * rowBytes, out, o + 1, rowBytes);
            return;
        }
        int type = mode.ordinal();
        out[o] = (byte) type;
        switch (type) {
            case 0 -> System.arraycopy(cur, c, out, o + 1, rowBytes);
            case 1 -> sub(cur, c, out, o + 1);
            case 2 -> up(cur, c, prev, p, out, o + 1);
            case 3 -> average(cur, c, prev, p, out, o + 1);
            default -> paeth(cur, c, prev, p, out, o + 1);
        }
    }

    /**
     * The adaptive choice: the filter type whose residuals have the smallest sum of |signed byte|.
     * Eight bytes at a time in a long (SWAR): none, sub, up and average as bytewise subtractions,
     * Paeth's predictor by {@link PngPaeth#predict8}; each filter's eight residuals are stored to
     * its trial row and their absolute values summed in 16-bit lanes. The first pixel and a tail
     * of fewer than eight bytes go one byte at a time.
     */
    private int choose(byte[] cur, int c, byte[] prev, int p) {
        int n = rowBytes;
        int left = bpp;
        int head = Math.min(left, n);
        byte[] t = trial;
        int sumNone = 0;
        int sumSub = 0;
        int sumUp = 0;
        int sumAvg = 0;
        int sumPaeth = 0;
        // The first pixel has no left neighbour (a = c = 0): sub is none, and Paeth predicts up.
        for (int i = 0; i < head; i++) {
            int x = cur[c + i];
            int b = prev[p + i] & 0xFF;
            t[i] = (byte) x;
            t[n + i] = (byte) x;
            t[2 * n + i] = (byte) (x - b);
            t[3 * n + i] = (byte) (x - (b >>> 1));
            t[4 * n + i] = (byte) (x - b);
            sumNone += abs8(x);
            sumSub += abs8(x);
            sumUp += abs8(x - b);
            sumAvg += abs8(x - (b >>> 1));
            sumPaeth += abs8(x - b);
        }
        blockNone = 0;
        blockSub = 0;
        blockUp = 0;
        blockAvg = 0;
        blockPaeth = 0;
        for (int i = head; i + 8 <= n; i += BLOCK) {
            sumBlock(cur, c, prev, p, i, Math.min(n - 8, i + BLOCK - 8));
        }
        int i = head + (n - head) / 8 * 8;   // the tail
        sumNone += blockNone;
        sumSub += blockSub;
        sumUp += blockUp;
        sumAvg += blockAvg;
        sumPaeth += blockPaeth;
        for (; i < n; i++) {
            int x = cur[c + i];
            int a = cur[c + i - left] & 0xFF;
            int b = prev[p + i] & 0xFF;
            int d = prev[p + i - left] & 0xFF;
            int pred = PngPaeth.predict(a, b, d);
            t[i] = (byte) x;
            t[n + i] = (byte) (x - a);
            t[2 * n + i] = (byte) (x - b);
            t[3 * n + i] = (byte) (x - ((a + b) >>> 1));
            t[4 * n + i] = (byte) (x - pred);
            sumNone += abs8(x);
            sumSub += abs8(x - a);
            sumUp += abs8(x - b);
            sumAvg += abs8(x - ((a + b) >>> 1));
            sumPaeth += abs8(x - pred);
        }
        int best = 0;
        int bestSum = sumNone;
        if (sumSub < bestSum) {
            best = 1;
            bestSum = sumSub;
        }
        if (sumUp < bestSum) {
            best = 2;
            bestSum = sumUp;
        }
        if (sumAvg < bestSum) {
            best = 3;
            bestSum = sumAvg;
        }
        if (sumPaeth < bestSum) {
            best = 4;
        }
        return best;
    }

    /**
     * Bytes {@code [from, stop + 8)} of the row (stop - from a multiple of 8) filtered the five ways
     * into the trial rows, their sums of |residual| added to the block sums. A method of its own
     * per {@value #BLOCK} bytes rather than a loop in {@link #choose}: C1 compiles a method after
     * about a hundred calls, 25 KB of rows here, where a loop waits for 60,000 iterations (480 KB
     * of rows, run by the interpreter at a twentieth of the compiled speed).
     */
    private void sumBlock(byte[] cur, int c, byte[] prev, int p, int from, int stop) {
        int n = rowBytes;
        int left = bpp;
        byte[] t = trial;
        // 16-bit lane sums: each step adds at most 2 * 128 per lane; BLOCK / 8 steps stay below 255
        long accNone = 0;
        long accSub = 0;
        long accUp = 0;
        long accAvg = 0;
        long accPaeth = 0;
        for (int i = from; i <= stop; i += 8) {
            long x = (long) LONG_LE.get(cur, c + i);
            long a = (long) LONG_LE.get(cur, c + i - left);
            long b = (long) LONG_LE.get(prev, p + i);
            long d = (long) LONG_LE.get(prev, p + i - left);
            LONG_LE.set(t, i, x);
            accNone += widen(abs8x8(x));
            long r = sub8x8(x, a);
            LONG_LE.set(t, n + i, r);
            accSub += widen(abs8x8(r));
            r = sub8x8(x, b);
            LONG_LE.set(t, 2 * n + i, r);
            accUp += widen(abs8x8(r));
            r = sub8x8(x, (a & b) + ((a ^ b) >>> 1 & LOW7));   // floor((a + b) / 2) per byte
            LONG_LE.set(t, 3 * n + i, r);
            accAvg += widen(abs8x8(r));
            r = sub8x8(x, PngPaeth.predict8(a, b, d));
            LONG_LE.set(t, 4 * n + i, r);
            accPaeth += widen(abs8x8(r));
        }
        blockNone += lanes16(accNone);
        blockSub += lanes16(accSub);
        blockUp += lanes16(accUp);
        blockAvg += lanes16(accAvg);
        blockPaeth += lanes16(accPaeth);
    }

    /** |(byte) r|: the residual r (any int) read as a signed byte, its absolute value. */
    private static int abs8(int r) {
        int s = r << 24 >> 24;
        int m = s >> 31;
        return (s ^ m) - m;
    }

    /** x - y in each of eight byte lanes, modulo 256 (no borrow crosses a lane). */
    private static long sub8x8(long x, long y) {
        return ((x | HIGH_BITS) - (y & ~HIGH_BITS)) ^ ((x ^ ~y) & HIGH_BITS);
    }

    /** |lane as a signed byte| in each of eight byte lanes (at most 128: no carry crosses a lane). */
    private static long abs8x8(long r) {
        long negative = r >>> 7 & ONES8;
        return (r ^ negative * 0xFF) + negative;
    }

    /** Adjacent byte lanes added into four 16-bit lanes. */
    private static long widen(long v) {
        return (v & EVEN) + (v >>> 8 & EVEN);
    }

    /** The sum of four 16-bit lanes. */
    private static int lanes16(long v) {
        long pairs = (v & 0x0000FFFF0000FFFFL) + (v >>> 16 & 0x0000FFFF0000FFFFL);
        return (int) (pairs + (pairs >>> 32));
    }

    private void sub(byte[] cur, int c, byte[] out, int o) {
        int head = Math.min(bpp, rowBytes);
        System.arraycopy(cur, c, out, o, head);
        int left = bpp;
        int oi = o + head;
        int end = c + rowBytes;
        for (int ci = c + head; ci < end; ci++, oi++) {
            out[oi] = (byte) (cur[ci] - cur[ci - left]);
        }
    }

    private void up(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int oi = o;
        int pi = p;
        int end = c + rowBytes;
        for (int ci = c; ci < end; ci++, pi++, oi++) {
            out[oi] = (byte) (cur[ci] - prev[pi]);
        }
    }

    private void average(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            out[o + i] = (byte) (cur[c + i] - ((prev[p + i] & 0xFF) >>> 1));
        }
        int left = bpp;
        int oi = o + head;
        int pi = p + head;
        int end = c + rowBytes;
        for (int ci = c + head; ci < end; ci++, pi++, oi++) {
            out[oi] = (byte) (cur[ci] - (((cur[ci - left] & 0xFF) + (prev[pi] & 0xFF)) >>> 1));
        }
    }

    private void paeth(byte[] cur, int c, byte[] prev, int p, byte[] out, int o) {
        int head = Math.min(bpp, rowBytes);
        for (int i = 0; i < head; i++) {
            out[o + i] = (byte) (cur[c + i] - prev[p + i]);   // left and upper-left are 0: predicts up
        }
        int left = bpp;
        int oi = o + head;
        int pi = p + head;
        int end = c + rowBytes;
        for (int ci = c + head; ci < end; ci++, pi++, oi++) {
            int a = cur[ci - left] & 0xFF;
            int b = prev[pi] & 0xFF;
            int d = prev[pi - left] & 0xFF;
            out[oi] = (byte) (cur[ci] - PngPaeth.predict(a, b, d));
        }
    }
}
