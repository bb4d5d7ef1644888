package dev.lamina.codec.webp.lossy;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;

import java.util.Arrays;

import static dev.lamina.codec.webp.lossy.Vp8Idct.BPS;

/**
 * Lamina's VP8 (lossy WebP) decoder: a key frame of RFC 6386 decoded to the samples libwebp's
 * {@code dwebp} writes, one macroblock row at a time.
 *
 * <p><b>Call order.</b> {@link #open} reads the frame headers (a damaged header fails there);
 * {@link #rgbRow} then gives output rows top to bottom, RGB or RGBA with alpha left to the caller.
 * Each macroblock row is parsed (modes from the first partition, tokens from its token partition),
 * predicted and reconstructed in a 32-byte-stride work block (libwebp's layout, whose borders hold
 * the neighbours or VP8's edge values), loop-filtered in a cache of that row plus the last rows of
 * the row above (which the filter of this row still changes), and the rows that no later filter
 * can change go to small rings. Output rows are made from the rings with libwebp's "fancy"
 * upsampling of the 4:2:0 chroma and its fixed-point YUV to RGB conversion ({@link Vp8Upsampler}).
 *
 * <p><b>Memory</b> is a few macroblock rows of the image's width (the cache, 64 luma and 32 chroma
 * rows of rings, the row above for prediction), checked against the memory budget at open; never
 * the image's area.
 *
 * <p><b>Errors</b>: what libwebp refuses (a truncated first partition or token partition, a bad
 * header) is a {@link LaminaException} BAD_INPUT naming the input, at open or from the row where
 * it is found. Not thread-safe: one decoder per reader.
 */
public final class Vp8Decoder {
    private static final int Y_OFF = BPS + 8;
    private static final int U_OFF = Y_OFF + BPS * 16 + BPS;
    private static final int V_OFF = U_OFF + 16;
    private static final int YUV_SIZE = BPS * 17 + BPS * 9;
    private static final int[] SCAN = new int[16];
    private static final int[] EXTRA_ROWS = {0, 2, 8};
    private static final int RING_Y = 64;
    private static final int RING_C = 32;

    static {
        for (int n = 0; n < 16; n++) {
            SCAN[n] = (n & 3) * 4 + (n >> 2) * 4 * BPS;
        }
    }

    private final String name;
    private final Vp8FrameHeader h;
    private final int width;
    private final int height;
    private final int mbW;
    private final int mbH;
    private final int[] probs;

    // Prediction context.
    private final byte[] intraT;
    private final byte[] intraL = new byte[4];
    private final int[] nzTop;
    private final int[] nzDcTop;
    private int nzLeft;
    private int nzDcLeft;
    private final byte[] topY;
    private final byte[] topU;
    private final byte[] topV;

    // The macroblock row being decoded.
    private final boolean[] rowI4;
    private final byte[] rowModes;
    private final byte[] rowUv;
    private final byte[] rowSegment;
    private final boolean[] rowSkip;
    private final short[] coeffs = new short[384];
    private final short[] dc = new short[16];
    private final int[] idctScratch = new int[16];
    private final byte[] yuv = new byte[YUV_SIZE];
    private int nonZeroY;
    private int nonZeroUv;

    // Loop filter: strengths per [segment][i4x4] and per macroblock of the row.
    private final int[][] fsLimit = new int[4][2];
    private final int[][] fsIlevel = new int[4][2];
    private final int[][] fsHev = new int[4][2];
    private final int[] fLimit;
    private final int[] fIlevel;
    private final int[] fHev;
    private final boolean[] fInner;
    private final int extraY;
    private final int extraC;

    // The cache (extra rows of the row above + this row) and the rings of final rows.
    private final int strideY;
    private final int strideC;
    private final byte[] cacheY;
    private final byte[] cacheU;
    private final byte[] cacheV;
    private final byte[] ringY;
    private final byte[] ringU;
    private final byte[] ringV;
    private int mbY;
    private int yDone;
    private int cDone;
    private final int chromaHeight;

    private Vp8Decoder(byte[] data, int offset, int length, String name, Limits limits) {
        this.name = name;
        this.h = Vp8FrameHeader.read(data, offset, length, name);
        width = h.width;
        height = h.height;
        limits.checkPixels(name, width, height);
        mbW = h.mbW;
        mbH = h.mbH;
        strideY = 16 * mbW;
        strideC = 8 * mbW;
        extraY = EXTRA_ROWS[h.filterType];
        extraC = extraY / 2;
        long rows = (long) RING_Y + 16 + extraY + 3 + 2L * (RING_C + 8 + extraC + 1);
        limits.checkMemory(name, Limits.product(rows, strideY), "the lossy WebP decoder's rows");
        probs = new int[h.coeffProbs.length];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = h.coeffProbs[i] & 0xFF;
        }
        intraT = new byte[4 * mbW];
        nzTop = new int[mbW];
        nzDcTop = new int[mbW];
        topY = new byte[strideY];
        topU = new byte[strideC];
        topV = new byte[strideC];
        rowI4 = new boolean[mbW];
        rowModes = new byte[16 * mbW];
        rowUv = new byte[mbW];
        rowSegment = new byte[mbW];
        rowSkip = new boolean[mbW];
        fLimit = new int[mbW];
        fIlevel = new int[mbW];
        fHev = new int[mbW];
        fInner = new boolean[mbW];
        cacheY = new byte[(extraY + 16) * strideY];
        cacheU = new byte[(extraC + 8) * strideC];
        cacheV = new byte[(extraC + 8) * strideC];
        ringY = new byte[RING_Y * strideY];
        ringU = new byte[RING_C * strideC];
        ringV = new byte[RING_C * strideC];
        chromaHeight = (height + 1) / 2;
        precomputeFilterStrengths();
    }

    /** Reads the headers of the VP8 frame in {@code data[offset, offset + length)}; {@code data} must not change afterwards. */
    public static Vp8Decoder open(byte[] data, int offset, int length, String name, Limits limits) {
        return new Vp8Decoder(data, offset, length, name, limits);
    }

    /** The frame's size from its first ten bytes, checked as libwebp checks it: {width, height}. */
    public static int[] size(byte[] data, int offset, int length, String name) {
        return Vp8FrameHeader.size(data, offset, length, name);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * Writes output row {@code y} (rows in order, each once) as RGB into {@code out} from
     * {@code at}, {@code step} bytes per pixel (3, or 4 leaving every fourth byte to the caller).
     */
    public void rgbRow(int y, byte[] out, int at, int step) {
        int near = y >> 1;
        int far = (y & 1) != 0 ? Math.min((y + 1) >> 1, chromaHeight - 1) : Math.max(near - 1, 0);
        while (yDone <= y || cDone <= Math.max(near, far)) {
            if (mbY >= mbH) {
                throw new IllegalStateException("row " + y + " past the frame");
            }
            decodeMacroblockRow();
        }
        if (y < yDone - RING_Y || Math.min(near, far) < cDone - RING_C) {
            throw new IllegalStateException("row " + y + " asked for out of order");
        }
        Vp8Upsampler.row(ringY, (y % RING_Y) * strideY,
                ringU, (near % RING_C) * strideC, ringU, (far % RING_C) * strideC,
                ringV, (near % RING_C) * strideC, ringV, (far % RING_C) * strideC,
                out, at, step, width);
    }

    private void precomputeFilterStrengths() {
        if (h.filterType == 0) {
            return;
        }
        for (int s = 0; s < 4; s++) {
            int base;
            if (h.useSegment) {
                base = h.filterStrength[s];
                if (!h.absoluteDelta) {
                    base += h.filterLevel;
                }
            } else {
                base = h.filterLevel;
            }
            for (int i4 = 0; i4 <= 1; i4++) {
                int level = base;
                if (h.useLfDelta) {
                    level += h.refLfDelta[0];
                    if (i4 == 1) {
                        level += h.modeLfDelta[0];
                    }
                }
                level = level < 0 ? 0 : Math.min(level, 63);
                if (level > 0) {
                    int ilevel = level;
                    if (h.sharpness > 0) {
                        ilevel >>= h.sharpness > 4 ? 2 : 1;
                        ilevel = Math.min(ilevel, 9 - h.sharpness);
                    }
                    ilevel = Math.max(ilevel, 1);
                    fsIlevel[s][i4] = ilevel;
                    fsLimit[s][i4] = 2 * level + ilevel;
                    fsHev[s][i4] = level >= 40 ? 2 : level >= 15 ? 1 : 0;
                } else {
                    fsLimit[s][i4] = 0;
                }
            }
        }
    }

    // ------------------------------------------------------------------ parsing

    private void decodeMacroblockRow() {
        Vp8BoolDecoder tokens = h.parts[mbY & (h.parts.length - 1)];
        Arrays.fill(intraL, (byte) 0);
        nzLeft = 0;
        nzDcLeft = 0;
        for (int x = 0; x < mbW; x++) {
            parseIntraMode(x);
        }
        if (h.modes.eof()) {
            throw Vp8FrameHeader.truncated(name, "the first partition (macroblock row " + mbY + ")");
        }
        startReconstructRow();
        for (int x = 0; x < mbW; x++) {
            decodeMacroblock(x, tokens);
            if (tokens.eof()) {
                throw Vp8FrameHeader.truncated(name, "the coefficients of macroblock (" + x + ", " + mbY + ")");
            }
            reconstruct(x);
        }
        if (h.filterType > 0) {
            for (int x = 0; x < mbW; x++) {
                filter(x);
            }
        }
        emitRows();
        mbY++;
    }

    private void parseIntraMode(int x) {
        Vp8BoolDecoder br = h.modes;
        int segment = 0;
        if (h.updateMap) {
            segment = br.bit(h.segmentProbs[0]) == 0 ? br.bit(h.segmentProbs[1]) : br.bit(h.segmentProbs[2]) + 2;
        }
        rowSegment[x] = (byte) segment;
        rowSkip[x] = h.useSkipProba && br.bit(h.skipProba) != 0;
        boolean i4 = br.bit(145) == 0;
        rowI4[x] = i4;
        int top = 4 * x;
        if (!i4) {
            int ymode = br.bit(156) != 0 ? (br.bit(128) != 0 ? 1 : 3) : (br.bit(163) != 0 ? 2 : 0);
            rowModes[16 * x] = (byte) ymode;
            Arrays.fill(intraT, top, top + 4, (byte) ymode);
            Arrays.fill(intraL, (byte) ymode);
        } else {
            int m = 16 * x;
            for (int y = 0; y < 4; y++) {
                int ymode = intraL[y];
                for (int xx = 0; xx < 4; xx++) {
                    int p = (intraT[top + xx] * 10 + ymode) * 9;
                    byte[] pr = Vp8Tables.B_MODES_PROBA;
                    if (br.bit(pr[p] & 0xFF) == 0) {
                        ymode = 0;
                    } else if (br.bit(pr[p + 1] & 0xFF) == 0) {
                        ymode = 1;
                    } else if (br.bit(pr[p + 2] & 0xFF) == 0) {
                        ymode = 2;
                    } else if (br.bit(pr[p + 3] & 0xFF) == 0) {
                        ymode = br.bit(pr[p + 4] & 0xFF) == 0 ? 3 : br.bit(pr[p + 5] & 0xFF) == 0 ? 4 : 5;
                    } else {
                        ymode = br.bit(pr[p + 6] & 0xFF) == 0 ? 6
                                : br.bit(pr[p + 7] & 0xFF) == 0 ? 7
                                : br.bit(pr[p + 8] & 0xFF) == 0 ? 8 : 9;
                    }
                    intraT[top + xx] = (byte) ymode;
                }
                System.arraycopy(intraT, top, rowModes, m, 4);
                m += 4;
                intraL[y] = (byte) ymode;
            }
        }
        rowUv[x] = (byte) (br.bit(142) == 0 ? 0 : br.bit(114) == 0 ? 2 : br.bit(183) != 0 ? 1 : 3);
    }

    private void decodeMacroblock(int x, Vp8BoolDecoder tokens) {
        boolean skip = rowSkip[x];
        if (!skip) {
            skip = parseResiduals(x, tokens);
        } else {
            nzLeft = 0;
            nzTop[x] = 0;
            if (!rowI4[x]) {
                nzDcLeft = 0;
                nzDcTop[x] = 0;
            }
            nonZeroY = 0;
            nonZeroUv = 0;
        }
        if (h.filterType > 0) {
            int s = rowSegment[x];
            int i4 = rowI4[x] ? 1 : 0;
            fLimit[x] = fsLimit[s][i4];
            fIlevel[x] = fsIlevel[s][i4];
            fHev[x] = fsHev[s][i4];
            fInner[x] = rowI4[x] || !skip;
        }
    }

    private static int nzCodeBits(int nzCoeffs, int nz, boolean dcNz) {
        return (nzCoeffs << 2) | (nz > 3 ? 3 : nz > 1 ? 2 : dcNz ? 1 : 0);
    }

    /** Reads the macroblock's coefficients; true when all are zero. */
    private boolean parseResiduals(int x, Vp8BoolDecoder br) {
        short[] c = coeffs;
        Arrays.fill(c, (short) 0);
        int[] q = h.dequant[rowSegment[x]];
        int first;
        int acType;
        if (!rowI4[x]) {
            Arrays.fill(dc, (short) 0);
            int ctx = nzDcTop[x] + nzDcLeft;
            int nz = coefficients(br, 1, ctx, q[2], q[3], 0, dc, 0);
            nzDcTop[x] = nzDcLeft = nz > 0 ? 1 : 0;
            if (nz > 1) {
                Vp8Idct.transformWht(dc, c, 0);
            } else {
                short dc0 = (short) ((dc[0] + 3) >> 3);
                for (int i = 0; i < 256; i += 16) {
                    c[i] = dc0;
                }
            }
            first = 1;
            acType = 0;
        } else {
            first = 0;
            acType = 3;
        }
        int tnz = nzTop[x] & 0x0f;
        int lnz = nzLeft & 0x0f;
        int nonZero = 0;
        int dst = 0;
        for (int y = 0; y < 4; y++) {
            int l = lnz & 1;
            int nzCoeffs = 0;
            for (int xx = 0; xx < 4; xx++) {
                int ctx = l + (tnz & 1);
                int nz = coefficients(br, acType, ctx, q[0], q[1], first, c, dst);
                l = nz > first ? 1 : 0;
                tnz = (tnz >> 1) | (l << 7);
                nzCoeffs = nzCodeBits(nzCoeffs, nz, c[dst] != 0);
                dst += 16;
            }
            tnz >>= 4;
            lnz = (lnz >> 1) | (l << 7);
            nonZero = (nonZero << 8) | nzCoeffs;
        }
        int outT = tnz;
        int outL = lnz >> 4;
        int nonZeroChroma = 0;
        for (int ch = 0; ch < 4; ch += 2) {
            int nzCoeffs = 0;
            tnz = (nzTop[x] & 0xFF) >> (4 + ch);
            lnz = (nzLeft & 0xFF) >> (4 + ch);
            for (int y = 0; y < 2; y++) {
                int l = lnz & 1;
                for (int xx = 0; xx < 2; xx++) {
                    int ctx = l + (tnz & 1);
                    int nz = coefficients(br, 2, ctx, q[4], q[5], 0, c, dst);
                    l = nz > 0 ? 1 : 0;
                    tnz = (tnz >> 1) | (l << 3);
                    nzCoeffs = nzCodeBits(nzCoeffs, nz, c[dst] != 0);
                    dst += 16;
                }
                tnz >>= 2;
                lnz = (lnz >> 1) | (l << 5);
            }
            nonZeroChroma |= nzCoeffs << (4 * ch);
            outT |= (tnz << 4) << ch;
            outL |= (lnz & 0xf0) << ch;
        }
        nzTop[x] = outT & 0xFF;
        nzLeft = outL & 0xFF;
        nonZeroY = nonZero;
        nonZeroUv = nonZeroChroma;
        return (nonZero | nonZeroChroma) == 0;
    }

    private int probaBase(int type, int n, int ctx) {
        return ((type * Vp8Tables.NUM_BANDS + Vp8Tables.BANDS[n]) * Vp8Tables.NUM_CTX + ctx) * Vp8Tables.NUM_PROBAS;
    }

    /**
     * The tokens of one 4x4 block from position {@code n} (RFC 6386 13.2-13.3): dequantised values
     * go to {@code out[off + zigzag]}; returns the position after the last non-zero one (libwebp's
     * GetCoeffs). Values are stored as 16-bit, as libwebp stores them.
     */
    private int coefficients(Vp8BoolDecoder br, int type, int ctx, int dcq, int acq, int n, short[] out, int off) {
        int[] pr = probs;
        int p = probaBase(type, n, ctx);
        for (; n < 16; n++) {
            if (br.bit(pr[p]) == 0) {
                return n;   // end of block
            }
            while (br.bit(pr[p + 1]) == 0) {   // a zero coefficient
                p = probaBase(type, ++n, 0);
                if (n == 16) {
                    return 16;
                }
            }
            int v;
            if (br.bit(pr[p + 2]) == 0) {
                v = 1;
                p = probaBase(type, n + 1, 1);
            } else {
                v = largeValue(br, pr, p);
                p = probaBase(type, n + 1, 2);
            }
            out[off + Vp8Tables.ZIGZAG[n]] = (short) (br.signed(v) * (n > 0 ? acq : dcq));
        }
        return 16;
    }

    private static int largeValue(Vp8BoolDecoder br, int[] pr, int p) {
        int v;
        if (br.bit(pr[p + 3]) == 0) {
            if (br.bit(pr[p + 4]) == 0) {
                v = 2;
            } else {
                v = 3 + br.bit(pr[p + 5]);
            }
        } else if (br.bit(pr[p + 6]) == 0) {
            if (br.bit(pr[p + 7]) == 0) {
                v = 5 + br.bit(159);
            } else {
                v = 7 + 2 * br.bit(165);
                v += br.bit(145);
            }
        } else {
            int bit1 = br.bit(pr[p + 8]);
            int bit0 = br.bit(pr[p + 9 + bit1]);
            int cat = 2 * bit1 + bit0;
            v = 0;
            for (int prob : Vp8Tables.CAT3456[cat]) {
                v += v + br.bit(prob);
            }
            v += 3 + (8 << cat);
        }
        return v;
    }

    // ------------------------------------------------------------------ reconstruction

    /** The work block's left and top-left borders at the start of a macroblock row. */
    private void startReconstructRow() {
        byte[] b = yuv;
        for (int j = 0; j < 16; j++) {
            b[Y_OFF + j * BPS - 1] = (byte) 129;
        }
        for (int j = 0; j < 8; j++) {
            b[U_OFF + j * BPS - 1] = (byte) 129;
            b[V_OFF + j * BPS - 1] = (byte) 129;
        }
        if (mbY > 0) {
            b[Y_OFF - 1 - BPS] = (byte) 129;
            b[U_OFF - 1 - BPS] = (byte) 129;
            b[V_OFF - 1 - BPS] = (byte) 129;
        } else {
            Arrays.fill(b, Y_OFF - BPS - 1, Y_OFF - BPS - 1 + 21, (byte) 127);
            Arrays.fill(b, U_OFF - BPS - 1, U_OFF - BPS - 1 + 9, (byte) 127);
            Arrays.fill(b, V_OFF - BPS - 1, V_OFF - BPS - 1 + 9, (byte) 127);
        }
    }

    private static int checkMode(int mbX, int mbY, int mode) {
        if (mode == 0) {
            if (mbX == 0) {
                return mbY == 0 ? Vp8Intra.DC_NO_TOP_LEFT : Vp8Intra.DC_NO_LEFT;
            }
            return mbY == 0 ? Vp8Intra.DC_NO_TOP : 0;
        }
        return mode;
    }

    private void reconstruct(int x) {
        byte[] b = yuv;
        if (x > 0) {   // the previous macroblock's right columns become this one's left border
            for (int j = -1; j < 16; j++) {
                System.arraycopy(b, Y_OFF + j * BPS + 12, b, Y_OFF + j * BPS - 4, 4);
            }
            for (int j = -1; j < 8; j++) {
                System.arraycopy(b, U_OFF + j * BPS + 4, b, U_OFF + j * BPS - 4, 4);
                System.arraycopy(b, V_OFF + j * BPS + 4, b, V_OFF + j * BPS - 4, 4);
            }
        }
        if (mbY > 0) {
            System.arraycopy(topY, 16 * x, b, Y_OFF - BPS, 16);
            System.arraycopy(topU, 8 * x, b, U_OFF - BPS, 8);
            System.arraycopy(topV, 8 * x, b, V_OFF - BPS, 8);
        }
        int bits = nonZeroY;
        if (rowI4[x]) {
            int topRight = Y_OFF - BPS + 16;
            if (mbY > 0) {
                if (x >= mbW - 1) {   // on the right edge: repeat the last pixel above
                    Arrays.fill(b, topRight, topRight + 4, topY[16 * x + 15]);
                } else {
                    System.arraycopy(topY, 16 * (x + 1), b, topRight, 4);
                }
            }
            // Sub-blocks on the right edge of rows 1-3 use the macroblock's top-right pixels.
            System.arraycopy(b, topRight, b, topRight + 4 * BPS, 4);
            System.arraycopy(b, topRight, b, topRight + 8 * BPS, 4);
            System.arraycopy(b, topRight, b, topRight + 12 * BPS, 4);
            for (int n = 0; n < 16; n++, bits <<= 2) {
                int dst = Y_OFF + SCAN[n];
                Vp8Intra.predict4(b, dst, rowModes[16 * x + n]);
                transform(bits, n * 16, dst);
            }
        } else {
            Vp8Intra.predictBlock(b, Y_OFF, checkMode(x, mbY, rowModes[16 * x]), 16);
            if (bits != 0) {
                for (int n = 0; n < 16; n++, bits <<= 2) {
                    transform(bits, n * 16, Y_OFF + SCAN[n]);
                }
            }
        }
        int uvMode = checkMode(x, mbY, rowUv[x]);
        Vp8Intra.predictBlock(b, U_OFF, uvMode, 8);
        Vp8Intra.predictBlock(b, V_OFF, uvMode, 8);
        transformUv(nonZeroUv, 256, U_OFF);
        transformUv(nonZeroUv >> 8, 320, V_OFF);
        if (mbY < mbH - 1) {   // the unfiltered bottom row predicts the macroblock below
            System.arraycopy(b, Y_OFF + 15 * BPS, topY, 16 * x, 16);
            System.arraycopy(b, U_OFF + 7 * BPS, topU, 8 * x, 8);
            System.arraycopy(b, V_OFF + 7 * BPS, topV, 8 * x, 8);
        }
        for (int j = 0; j < 16; j++) {
            System.arraycopy(b, Y_OFF + j * BPS, cacheY, (extraY + j) * strideY + 16 * x, 16);
        }
        for (int j = 0; j < 8; j++) {
            System.arraycopy(b, U_OFF + j * BPS, cacheU, (extraC + j) * strideC + 8 * x, 8);
            System.arraycopy(b, V_OFF + j * BPS, cacheV, (extraC + j) * strideC + 8 * x, 8);
        }
    }

    private void transform(int bits, int coeff, int dst) {
        switch (bits >>> 30) {
            case 3 -> Vp8Idct.transform(coeffs, coeff, yuv, dst, idctScratch);
            case 2 -> Vp8Idct.transformAc3(coeffs, coeff, yuv, dst);
            case 1 -> Vp8Idct.transformDc(coeffs, coeff, yuv, dst);
            default -> {
            }
        }
    }

    private void transformUv(int bits, int coeff, int dst) {
        if ((bits & 0xff) != 0) {
            if ((bits & 0xaa) != 0) {
                Vp8Idct.transformUv(coeffs, coeff, yuv, dst, idctScratch);
            } else {
                Vp8Idct.transformDcUv(coeffs, coeff, yuv, dst);
            }
        }
    }

    // ------------------------------------------------------------------ loop filter and output

    private void filter(int x) {
        int limit = fLimit[x];
        if (limit == 0) {
            return;
        }
        int y = extraY * strideY + 16 * x;
        boolean inner = fInner[x];
        if (h.filterType == 1) {
            if (x > 0) {
                Vp8LoopFilter.simpleH16(cacheY, y, strideY, limit + 4);
            }
            if (inner) {
                Vp8LoopFilter.simpleH16Inner(cacheY, y, strideY, limit);
            }
            if (mbY > 0) {
                Vp8LoopFilter.simpleV16(cacheY, y, strideY, limit + 4);
            }
            if (inner) {
                Vp8LoopFilter.simpleV16Inner(cacheY, y, strideY, limit);
            }
            return;
        }
        int c = extraC * strideC + 8 * x;
        int il = fIlevel[x];
        int hev = fHev[x];
        if (x > 0) {
            Vp8LoopFilter.loop26(cacheY, y, 1, strideY, 16, limit + 4, il, hev);
            Vp8LoopFilter.loop26(cacheU, c, 1, strideC, 8, limit + 4, il, hev);
            Vp8LoopFilter.loop26(cacheV, c, 1, strideC, 8, limit + 4, il, hev);
        }
        if (inner) {
            for (int k = 1; k <= 3; k++) {
                Vp8LoopFilter.loop24(cacheY, y + 4 * k, 1, strideY, 16, limit, il, hev);
            }
            Vp8LoopFilter.loop24(cacheU, c + 4, 1, strideC, 8, limit, il, hev);
            Vp8LoopFilter.loop24(cacheV, c + 4, 1, strideC, 8, limit, il, hev);
        }
        if (mbY > 0) {
            Vp8LoopFilter.loop26(cacheY, y, strideY, 1, 16, limit + 4, il, hev);
            Vp8LoopFilter.loop26(cacheU, c, strideC, 1, 8, limit + 4, il, hev);
            Vp8LoopFilter.loop26(cacheV, c, strideC, 1, 8, limit + 4, il, hev);
        }
        if (inner) {
            for (int k = 1; k <= 3; k++) {
                Vp8LoopFilter.loop24(cacheY, y + 4 * k * strideY, strideY, 1, 16, limit, il, hev);
            }
            Vp8LoopFilter.loop24(cacheU, c + 4 * strideC, strideC, 1, 8, limit, il, hev);
            Vp8LoopFilter.loop24(cacheV, c + 4 * strideC, strideC, 1, 8, limit, il, hev);
        }
    }

    /**
     * Moves the rows no later filtering can change to the rings: all of this macroblock row but its
     * last {@code extra} rows (the next row's filter changes up to three of them), plus the rows
     * held back from the row above. Then the held-back rows move to the top of the cache.
     */
    private void emitRows() {
        boolean last = mbY == mbH - 1;
        yDone = emit(cacheY, strideY, ringY, RING_Y, 16, extraY, last, height, yDone);
        cDone = emit(cacheU, strideC, ringU, RING_C, 8, extraC, last, chromaHeight, cDone);
        emit(cacheV, strideC, ringV, RING_C, 8, extraC, last, chromaHeight, cDone);
        if (!last) {
            System.arraycopy(cacheY, 16 * strideY, cacheY, 0, extraY * strideY);
            System.arraycopy(cacheU, 8 * strideC, cacheU, 0, extraC * strideC);
            System.arraycopy(cacheV, 8 * strideC, cacheV, 0, extraC * strideC);
        }
    }

    private int emit(byte[] cache, int stride, byte[] ring, int ringRows, int mbRows, int extra, boolean last,
                     int planeHeight, int done) {
        int start = mbY == 0 ? 0 : mbY * mbRows - extra;
        int end = Math.min(last ? (mbY + 1) * mbRows : (mbY + 1) * mbRows - extra, planeHeight);
        int cacheRow = mbY == 0 ? extra : 0;
        for (int r = start; r < end; r++, cacheRow++) {
            System.arraycopy(cache, cacheRow * stride, ring, (r % ringRows) * stride, stride);
        }
        return Math.max(done, end);
    }
}
