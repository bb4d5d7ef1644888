package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import dev.lamina.core.RunContext;

import java.util.function.Consumer;

/**
 * Decodes a JPEG row by row. A sequential file whose first scan holds every component is decoded
 * one iMCU row (8 or 16 rows) at a time as rows are asked for: memory is three iMCU rows of
 * samples per component plus one iMCU row of coefficients, whatever the height. Progressive and
 * multi-scan files are first decoded into whole-image coefficient arrays (2 bytes per block
 * sample, padded to whole MCUs: about 3 bytes per pixel for 4:2:0, 6 for 4:4:4), then rows are
 * produced from them the same way.
 *
 * <p>With scale 2, 4 or 8 the reduced IDCTs of libjpeg produce 4x4, 2x2 or 1x1 samples per block,
 * and, as libjpeg does, subsampled chroma is scaled less (bigger IDCT) rather than upsampled; where
 * the sizes needed across and down differ (4:2:2, 4:4:0, 4:1:1) the larger square IDCT runs and
 * the other direction is box-averaged, as libjpeg 7+'s separate sizes would give.
 */
final class JpegRowDecoder implements RowDecoder {
    /**
     * Real encoders write about ten scans; each scan costs a pass over every block of its
     * components however few bytes it has, so a file of many tiny scans is a way to make a small
     * file expensive (libjpeg-turbo offers a scan limit for the same reason).
     */
    static final int MAX_SCANS = 1000;
    private final JpegFrame f;
    private final ScanDecoder sd;
    private final JpegFrame.ColourModel model;
    private final boolean rawCmyk;
    private final boolean rawComponents;
    private final int outW;
    private final int outH;
    private final int n;
    private final boolean streaming;
    private final short[][] coefs;
    private final int[] ssize;
    private final int[] szH;
    private final int[] szV;
    private final byte[] square = new byte[64];
    private final int[] dsW;
    private final int[] dsH;
    private final int[] hr;
    private final int[] vr;
    private final boolean[] fancy;
    private final byte[][] ring;
    private final int[] ringRows;
    private final int[] planeW;
    private final byte[][] up;
    private final byte[] cmyk;
    private final InverseDct idct = new InverseDct();
    private final byte[][] rowRefs;
    private final int[] rowPos;
    private int decodedImcu;
    private final int imcuRows;

    /**
     * @param denom   1, 2, 4 or 8
     * @param rawCmyk for tests: 4-component files give their stored CMYK (YCCK converted) as 4 bands
     * @param rawComponents for tests: with rawCmyk, the 4 components as stored, YCCK not converted
     */
    JpegRowDecoder(JpegFrame f, int denom, boolean strict, Consumer<String> warnings, boolean rawCmyk,
                   boolean rawComponents) {
        this(f, denom, strict, warnings, rawCmyk, rawComponents, false);
    }

    /** @param chromaDcOnly at 1/8, subsampled chroma too with the 1x1 IDCT, then replicated */
    JpegRowDecoder(JpegFrame f, int denom, boolean strict, Consumer<String> warnings, boolean rawCmyk,
                   boolean rawComponents, boolean chromaDcOnly) {
        this.f = f;
        this.rawCmyk = rawCmyk;
        this.rawComponents = rawComponents;
        this.model = f.colourModel();
        this.n = f.components.length;
        this.sd = new ScanDecoder(f, strict, warnings);
        int s = 8 / denom;
        outW = JpegFrame.ceilDiv(f.width, denom);
        outH = JpegFrame.ceilDiv(f.height, denom);
        sd.startScan(f.firstScanPos);
        streaming = !f.progressive && sd.scanComponents().length == n;
        coefs = new short[n][];
        ssize = new int[n];
        szH = new int[n];
        szV = new int[n];
        dsW = new int[n];
        dsH = new int[n];
        hr = new int[n];
        vr = new int[n];
        fancy = new boolean[n];
        ring = new byte[n][];
        ringRows = new int[n];
        planeW = new int[n];
        up = new byte[n][];
        imcuRows = f.mcusY;
        for (JpegFrame.Component c : f.components) {
            int i = c.index;
            // The block size across and down this component needs so that it is not upsampled
            // more than it was subsampled. libjpeg 6b takes one square size for both (and so
            // upsamples 4:2:2 chroma it has reduced too much); like libjpeg 7+ we take each
            // direction's own size, and when they differ run the larger square IDCT and average
            // down the other way. At full scale both are 8: libjpeg 6b's path exactly.
            if ((f.hmax * s) % c.h != 0 || (f.vmax * s) % c.v != 0) {
                throw new LaminaException(LaminaException.Kind.UNSUPPORTED, f.name + ": this sampling cannot be decoded at 1/" + denom + " scale");
            }
            int wantH = f.hmax * s / c.h;
            int wantV = f.vmax * s / c.v;
            int sh = Math.min(8, wantH);
            int sv = Math.min(8, wantV);
            if (s == 1 && chromaDcOnly) {
                // Opted in (JpegDecodeOptions.eighthChromaDcOnly): at 1/8 every component takes
                // the 1x1 IDCT and so the DC-only skip path, and subsampled chroma is replicated
                // afterwards (no fancy upsampling at 1/8, libjpeg's rule). Faster, but chroma
                // keeps half the resolution: see docs/jpeg.md.
                sh = 1;
                sv = 1;
            }
            if (Integer.bitCount(sh) != 1 || Integer.bitCount(sv) != 1 || wantH % sh != 0 || wantV % sv != 0) {
                throw new LaminaException(LaminaException.Kind.UNSUPPORTED, f.name + ": this sampling cannot be decoded at 1/" + denom + " scale");
            }
            int sz = Math.max(sh, sv);
            ssize[i] = sz;
            szH[i] = sh;
            szV[i] = sv;
            hr[i] = wantH / sh;
            vr[i] = wantV / sv;
            dsW[i] = (int) JpegFrame.ceilDiv(f.width * c.h * sh, f.hmax * 8);
            dsH[i] = (int) JpegFrame.ceilDiv(f.height * c.v * sv, f.vmax * 8);
            boolean doFancy = s > 1 && dsW[i] > 2;
            fancy[i] = doFancy && hr[i] == 2 && (vr[i] == 1 || vr[i] == 2);
            planeW[i] = c.blocksW * sh;
            ringRows[i] = 3 * c.v * sv;
            ring[i] = new byte[planeW[i] * ringRows[i]];
            up[i] = new byte[Math.max(dsW[i] * hr[i], outW) + 8];
            coefs[i] = new short[(streaming ? c.v : c.blocksH) * c.blocksW * 64];
            sd.dcOnly[i] = sz == 1;
        }
        rowRefs = new byte[n][];
        rowPos = new int[n];
        cmyk = n == 4 ? new byte[outW * 4] : null;
        if (!streaming) {
            decodeAllScans();
        }
    }

    int width() {
        return outW;
    }

    int height() {
        return outH;
    }

    /** Progressive or multi-scan: every scan into the whole-image coefficient arrays. */
    private void decodeAllScans() {
        byte[] d = f.data;
        int scans = 0;
        while (true) {
            if (++scans > MAX_SCANS) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, f.name + ": more than " + MAX_SCANS
                        + " scans (real encoders write about ten)");
            }
            int rows = sd.scanRows();
            for (int r = 0; r < rows; r++) {
                if ((r & 63) == 0) {
                    // the run's deadline and cancellation, looked at within the whole-image decode
                    RunContext.current().check(f.name);
                }
                sd.decodeRow(r, coefs, 0);
            }
            int pos = sd.endOfScan();
            // markers between scans
            while (true) {
                if (pos >= d.length - 1) {
                    return;   // no EOI: keep what we have (libjpeg warns, ImageIO too)
                }
                int m;
                try {
                    m = f.nextMarker(pos);
                } catch (LaminaException e) {
                    return;
                }
                int at = f.markerPos;
                pos = f.markerEnd;
                if (m == 0xD9) {
                    return;
                }
                if (m == 0xDA) {
                    sd.startScan(at);
                    break;
                }
                if ((m >= 0xD0 && m <= 0xD7) || m == 0x01 || m == 0xD8) {
                    continue;
                }
                int len = f.u16(pos, at);
                if (len < 2 || pos + len > d.length) {
                    throw f.error("truncated " + JpegFrame.markerName(m) + " segment", at);
                }
                f.parseTablesBetweenScans(m, pos + 2, pos + len, at);
                pos += len;
            }
        }
    }

    /** Makes sure iMCU row {@code m} has been turned into samples in the rings. */
    private void ensureImcu(int m) {
        while (decodedImcu <= m && decodedImcu < imcuRows) {
            int row = decodedImcu;
            int rowBase = 0;
            if (streaming) {
                // the IDCTs below leave every coefficient they read zero, so the row is clear
                // for this decode without a pass over it (coefficients no IDCT reads may hold
                // the last row's values: nothing reads them)
                sd.decodeRow(row, coefs, row);
                rowBase = row;
            }
            for (JpegFrame.Component c : f.components) {
                int i = c.index;
                int sz = ssize[i];
                int[] q = sd.latchedQuant[i];
                if (q == null) {
                    continue;   // component never in any scan: stays zero
                }
                short[] co = coefs[i];
                byte[] plane = ring[i];
                int pw = planeW[i];
                int sh = szH[i];
                int sv = szV[i];
                boolean reduce = sh != sz || sv != sz;
                int usedCols = Math.min(c.blocksW, (dsW[i] + sh - 1) / sh);
                for (int v = 0; v < c.v; v++) {
                    int by = row * c.v + v;
                    int sampleRow = by * sv;
                    if (sampleRow >= dsH[i]) {
                        break;
                    }
                    int outBase = (sampleRow % ringRows[i]) * pw;
                    int inBase = (by - rowBase * c.v) * c.blocksW * 64;
                    if (sz == 4 && !reduce) {
                        // the block row at once (InverseDct.idct4Row): its loops vectorise
                        idct.idct4Row(co, inBase, usedCols, q, plane, outBase, pw);
                        continue;
                    }
                    if (sz == 8 && !reduce) {
                        idct.idct8Row(co, inBase, usedCols, q, plane, outBase, pw);
                        continue;
                    }
                    if (sz == 2 && !reduce) {
                        idct.idct2Row(co, inBase, usedCols, q, plane, outBase, pw);
                        continue;
                    }
                    for (int bx = 0; bx < usedCols; bx++) {
                        int o = inBase + bx * 64;
                        int p = outBase + bx * sh;
                        byte[] target = reduce ? square : plane;
                        int tp = reduce ? 0 : p;
                        int ts = reduce ? sz : pw;
                        switch (sz) {
                            case 8 -> idct.idct8(co, o, q, target, tp, ts);
                            case 4 -> idct.idct4(co, o, q, target, tp, ts);
                            case 2 -> InverseDct.idct2(co, o, q, target, tp, ts);
                            default -> InverseDct.idct1(co, o, q, target, tp);
                        }
                        if (reduce) {
                            boxReduce(square, sz, sz / sh, sz / sv, plane, p, pw, sh, sv);
                        }
                    }
                    // cleared as the block-row IDCTs clear theirs
                    java.util.Arrays.fill(co, inBase, inBase + usedCols * 64, (short) 0);
                }
            }
            decodedImcu++;
        }
    }

    /** Averages {@code rx x ry} boxes of an {@code n x n} IDCT output into an {@code w x h} block. */
    private static void boxReduce(byte[] in, int n, int rx, int ry, byte[] out, int p, int stride, int w, int h) {
        int count = rx * ry;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                for (int j = 0; j < ry; j++) {
                    int row = (y * ry + j) * n + x * rx;
                    for (int k = 0; k < rx; k++) {
                        sum += in[row + k] & 0xFF;
                    }
                }
                out[p + y * stride + x] = (byte) ((sum + count / 2) / count);
            }
        }
    }

    private int rowOffset(int i, int r) {
        return (r % ringRows[i]) * planeW[i];
    }

    @Override
    public void decodeRow(Region dst, int y) {
        decodeRow(dst.u8(), dst.index(0, y), y);
    }

    void decodeRow(byte[] out, int o, int y) {
        // rows of each component this output row needs, and the iMCU rows that hold them
        int needImcu = 0;
        for (JpegFrame.Component c : f.components) {
            int i = c.index;
            int r = Math.min(dsH[i] - 1, y / vr[i] + 1);
            needImcu = Math.max(needImcu, r / (c.v * szV[i]));
        }
        ensureImcu(needImcu);
        byte[][] rows = rowRefs;
        int[] pos = rowPos;
        for (int i = 0; i < n; i++) {
            int w = dsW[i];
            byte[] plane = ring[i];
            if (hr[i] == 1 && vr[i] == 1) {
                rows[i] = plane;
                pos[i] = rowOffset(i, y);
                continue;
            }
            int r = Math.min(dsH[i] - 1, y / vr[i]);
            if (fancy[i] && vr[i] == 2) {
                int far = (y & 1) == 0 ? Math.max(0, r - 1) : Math.min(dsH[i] - 1, r + 1);
                Upsample.h2v2Fancy(plane, rowOffset(i, r), rowOffset(i, far), w, up[i]);
            } else if (fancy[i]) {
                Upsample.h2v1Fancy(plane, rowOffset(i, r), w, up[i]);
            } else {
                Upsample.replicate(plane, rowOffset(i, r), w, hr[i], up[i]);
            }
            rows[i] = up[i];
            pos[i] = 0;
        }
        switch (model) {
            case GREY -> System.arraycopy(rows[0], pos[0], out, o, outW);
            case YCBCR -> ColourConvert.ycbcrToRgb(rows[0], pos[0], rows[1], pos[1], rows[2], pos[2], out, o, outW);
            case RGB -> ColourConvert.interleave3(rows[0], pos[0], rows[1], pos[1], rows[2], pos[2], out, o, outW);
            case CMYK, YCCK -> {
                byte[] target = rawCmyk ? out : cmyk;
                int t = rawCmyk ? o : 0;
                if (model == JpegFrame.ColourModel.YCCK && !rawComponents) {
                    ColourConvert.ycckToCmyk(rows[0], pos[0], rows[1], pos[1], rows[2], pos[2], rows[3], pos[3],
                            target, t, outW);
                } else {
                    for (int x = 0; x < outW; x++) {
                        target[t + 4 * x] = rows[0][pos[0] + x];
                        target[t + 4 * x + 1] = rows[1][pos[1] + x];
                        target[t + 4 * x + 2] = rows[2][pos[2] + x];
                        target[t + 4 * x + 3] = rows[3][pos[3] + x];
                    }
                }
                if (!rawCmyk) {
                    ColourConvert.cmykToRgb(cmyk, 0, out, o, outW);
                }
            }
        }
    }

    @Override
    public void close() {
        // the bytes are in memory: nothing to release
    }
}
