package dev.lamina.codec.jpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Progressive JPEG output as libjpeg 6b writes it (jcphuff.c): the scan script of
 * jpeg_simple_progression (DC with one bit of successive approximation, luma AC 1-5 then 6-63 at
 * two bits, chroma AC 1-63 at one bit, then the refinements), and optimised Huffman tables per
 * scan (a counting pass, then the writing pass), as libjpeg forces for progressive mode.
 */
final class ProgressiveEncoder {
    private static final int MAX_CORR_BITS = 1000;

    private ProgressiveEncoder() {
    }

    /** One scan: components, spectral band, successive approximation. */
    private record Scan(int[] comps, int ss, int se, int ah, int al) {
    }

    private static Scan[] script(int components) {
        if (components == 1) {
            return new Scan[] {
                    new Scan(new int[] {0}, 0, 0, 0, 1),
                    new Scan(new int[] {0}, 1, 5, 0, 2),
                    new Scan(new int[] {0}, 6, 63, 0, 2),
                    new Scan(new int[] {0}, 1, 63, 2, 1),
                    new Scan(new int[] {0}, 0, 0, 1, 0),
                    new Scan(new int[] {0}, 1, 63, 1, 0)};
        }
        return new Scan[] {
                new Scan(new int[] {0, 1, 2}, 0, 0, 0, 1),
                new Scan(new int[] {0}, 1, 5, 0, 2),
                new Scan(new int[] {2}, 1, 63, 0, 1),
                new Scan(new int[] {1}, 1, 63, 0, 1),
                new Scan(new int[] {0}, 6, 63, 0, 2),
                new Scan(new int[] {0}, 1, 63, 2, 1),
                new Scan(new int[] {0, 1, 2}, 0, 0, 1, 0),
                new Scan(new int[] {2}, 1, 63, 1, 0),
                new Scan(new int[] {1}, 1, 63, 1, 0),
                new Scan(new int[] {0}, 1, 63, 1, 0)};
    }

    static void write(OutputStream out, EncoderLayout l, List<StripCoder.Coefficients> strips, int restartInterval)
            throws IOException {
        // whole-image coefficient arrays per component
        short[][] coef = new short[l.components][];
        for (int c = 0; c < l.components; c++) {
            coef[c] = new short[l.blocksW[c] * l.mcusY * l.v[c] * 64];
            for (StripCoder.Coefficients s : strips) {
                short[] b = s.blocks()[c];
                int at = s.firstImcuRow() * l.v[c] * l.blocksW[c] * 64;
                System.arraycopy(b, 0, coef[c], at, Math.min(b.length, coef[c].length - at));
            }
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        JpegEncoder.writeFrame(head, l, true);
        JpegEncoder.writeRestart(head, restartInterval);
        out.write(head.toByteArray());
        for (Scan scan : script(l.components)) {
            ScanCoder counter = new ScanCoder(l, coef, scan, new EntropyWriter(null, true), null, restartInterval);
            counter.run();
            HuffmanCodes[] tables = new HuffmanCodes[4];
            ByteArrayOutputStream dht = new ByteArrayOutputStream();
            boolean dc = scan.ss() == 0;
            if (!(dc && scan.ah() != 0)) {
                boolean[] used = new boolean[2];
                for (int c : scan.comps()) {
                    used[c == 0 ? 0 : 1] = true;
                }
                for (int t = 0; t < 2; t++) {
                    if (!used[t]) {
                        continue;
                    }
                    HuffmanCodes h = HuffmanCodes.optimal(dc ? counter.w.dcFreq[t] : counter.w.acFreq[t]);
                    tables[dc ? 2 * t : 2 * t + 1] = h;
                    dht.write((dc ? 0 : 0x10) | t);
                    for (int i = 1; i <= 16; i++) {
                        dht.write(h.bits[i]);
                    }
                    for (int v : h.values) {
                        dht.write(v);
                    }
                }
                segment(out, 0xC4, dht.toByteArray());
            }
            ByteArrayOutputStream sos = new ByteArrayOutputStream();
            sos.write(scan.comps().length);
            for (int c : scan.comps()) {
                sos.write(c + 1);
                int t = c == 0 ? 0 : 1;
                sos.write((t << 4) | t);
            }
            sos.write(scan.ss());
            sos.write(scan.se());
            sos.write((scan.ah() << 4) | scan.al());
            segment(out, 0xDA, sos.toByteArray());
            EntropyWriter w = new EntropyWriter(out, false);
            new ScanCoder(l, coef, scan, w, tables, restartInterval).run();
            w.flush();
        }
    }

    private static void segment(OutputStream out, int marker, byte[] body) throws IOException {
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write((body.length + 2) & 0xFF);
        out.write(body);
    }

    /** Codes (or counts) one scan, MCU by MCU, with restart markers. */
    private static final class ScanCoder {
        private final EncoderLayout l;
        private final short[][] coef;
        private final Scan scan;
        final EntropyWriter w;
        private final HuffmanCodes[] tables;
        private final int restartInterval;
        private final int[] pred = new int[3];
        private int eobrun;
        private final byte[] corrBits = new byte[MAX_CORR_BITS + 64];
        private int be;                 // correction bits buffered for the pending EOB run
        private final int[] absv = new int[64];
        private int mcus;
        private int restarts;
        private int acTable;

        ScanCoder(EncoderLayout l, short[][] coef, Scan scan, EntropyWriter w, HuffmanCodes[] tables, int restartInterval) {
            this.l = l;
            this.coef = coef;
            this.scan = scan;
            this.w = w;
            this.tables = tables == null ? new HuffmanCodes[4] : tables;
            this.restartInterval = restartInterval;
        }

        void run() throws IOException {
            int[] comps = scan.comps();
            if (comps.length == 1) {
                int c = comps[0];
                acTable = c == 0 ? 0 : 1;
                for (int by = 0; by < l.heightInBlocks[c]; by++) {
                    for (int bx = 0; bx < l.widthInBlocks[c]; bx++) {
                        beginMcu();
                        block(c, (by * l.blocksW[c] + bx) * 64);
                    }
                }
            } else {
                for (int my = 0; my < l.mcusY; my++) {
                    for (int mx = 0; mx < l.mcusX; mx++) {
                        beginMcu();
                        for (int c : comps) {
                            for (int v = 0; v < l.v[c]; v++) {
                                for (int h = 0; h < l.h[c]; h++) {
                                    int by = my * l.v[c] + v;
                                    int bx = mx * l.h[c] + h;
                                    block(c, (by * l.blocksW[c] + bx) * 64);
                                }
                            }
                        }
                    }
                }
            }
            emitEobrun();
        }

        private void beginMcu() throws IOException {
            if (restartInterval > 0 && mcus > 0 && mcus % restartInterval == 0) {
                emitEobrun();
                w.restartMarker(restarts++);
                java.util.Arrays.fill(pred, 0);
            }
            mcus++;
        }

        private void block(int c, int o) throws IOException {
            short[] b = coef[c];
            if (scan.ss() == 0) {
                if (scan.ah() == 0) {
                    int t = c == 0 ? 0 : 1;
                    int v = b[o] >> scan.al();
                    int diff = v - pred[c];
                    pred[c] = v;
                    int a = diff < 0 ? -diff : diff;
                    int n = 32 - Integer.numberOfLeadingZeros(a);
                    w.dcSymbol(t, tables[2 * t], n);
                    w.rawBits(diff < 0 ? diff - 1 : diff, n);
                } else {
                    w.rawBits((b[o] >> scan.al()) & 1, 1);
                }
            } else if (scan.ah() == 0) {
                acFirst(b, o);
            } else {
                acRefine(b, o);
            }
        }

        private void emitEobrun() throws IOException {
            if (eobrun > 0) {
                int n = 31 - Integer.numberOfLeadingZeros(eobrun);
                w.acSymbol(acTable, tables[2 * acTable + 1], n << 4);
                w.rawBits(eobrun, n);
                eobrun = 0;
                for (int i = 0; i < be; i++) {
                    w.rawBits(corrBits[i], 1);
                }
                be = 0;
            }
        }

        private void acFirst(short[] b, int o) throws IOException {
            HuffmanCodes ac = tables[2 * acTable + 1];
            int al = scan.al();
            int r = 0;
            for (int k = scan.ss(); k <= scan.se(); k++) {
                int v = b[o + k];
                if (v == 0) {
                    r++;
                    continue;
                }
                int a;
                int bits;
                if (v < 0) {
                    a = (-v) >> al;
                    bits = ~a;
                } else {
                    a = v >> al;
                    bits = a;
                }
                if (a == 0) {
                    r++;
                    continue;
                }
                emitEobrun();
                while (r > 15) {
                    w.acSymbol(acTable, ac, 0xF0);
                    r -= 16;
                }
                int n = 32 - Integer.numberOfLeadingZeros(a);
                w.acSymbol(acTable, ac, (r << 4) + n);
                w.rawBits(bits, n);
                r = 0;
            }
            if (r > 0) {
                eobrun++;
                if (eobrun == 0x7FFF) {
                    emitEobrun();
                }
            }
        }

        private void acRefine(short[] b, int o) throws IOException {
            HuffmanCodes ac = tables[2 * acTable + 1];
            int al = scan.al();
            int eob = 0;
            for (int k = scan.ss(); k <= scan.se(); k++) {
                int v = b[o + k];
                int a = (v < 0 ? -v : v) >> al;
                absv[k] = a;
                if (a == 1) {
                    eob = k;
                }
            }
            int r = 0;
            int br = 0;                 // correction bits of this block, after the buffered ones
            int brStart = be;
            for (int k = scan.ss(); k <= scan.se(); k++) {
                int a = absv[k];
                if (a == 0) {
                    r++;
                    continue;
                }
                while (r > 15 && k <= eob) {
                    emitEobrun();
                    w.acSymbol(acTable, ac, 0xF0);
                    r -= 16;
                    for (int i = 0; i < br; i++) {
                        w.rawBits(corrBits[brStart + i], 1);
                    }
                    brStart = 0;
                    br = 0;
                    be = 0;
                }
                if (a > 1) {
                    corrBits[brStart + br++] = (byte) (a & 1);
                    continue;
                }
                emitEobrun();
                w.acSymbol(acTable, ac, (r << 4) + 1);
                w.rawBits(b[o + k] < 0 ? 0 : 1, 1);
                for (int i = 0; i < br; i++) {
                    w.rawBits(corrBits[brStart + i], 1);
                }
                brStart = 0;
                br = 0;
                be = 0;
                r = 0;
            }
            if (r > 0 || br > 0) {
                eobrun++;
                be = brStart + br;
                if (eobrun == 0x7FFF || be > MAX_CORR_BITS - 64 + 1) {
                    emitEobrun();
                }
            }
        }
    }
}
