package dev.lamina.codec.jpeg;

import dev.lamina.model.JpegOptions;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.codec.metadata.XmpPacket;
import dev.lamina.core.Image;
import dev.lamina.core.IoReasons;
import dev.lamina.core.Interpretation;
import dev.lamina.core.StripSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lamina's JPEG encoder, pure Java: baseline (and progressive) Huffman JPEG, quality 1-100 with the
 * IJG scaling of the Annex K tables, 4:4:4 or 4:2:0, standard or optimised Huffman tables, restart
 * markers, ICC profile, EXIF and XMP carried over (their orientation value made the image's), JFIF density.
 *
 * <p>The image is pulled strip by strip (whole iMCU rows) through {@link StripSink}; colour
 * conversion, DCT and quantisation run on the worker threads, Huffman coding in order on the
 * caller's thread, so memory does not grow with the height. Optimised tables and progressive
 * output need every coefficient before the first byte of entropy data and keep them (2 bytes per
 * sample after subsampling). The pixel pipeline is libjpeg 6b's (see {@link StripCoder}), so at the
 * same quality the coefficients equal those of the JDK's ImageIO writer.
 *
 * <p>U16 and F32 images are rounded to 8 bits, grey stays grey, and alpha is flattened on
 * {@link JpegOptions#background()} (its luma for grey images).
 */
public final class JpegEncoder {

    private JpegEncoder() {
    }

    /** Writes {@code image} as JPEG. The stream is not closed. */
    public static void write(Image image, OutputStream out, JpegOptions options) {
        write(image, out, options, JpegEncodeExtras.none());
    }

    /**
     * Writes {@code image} as JPEG; {@code name} names the output in errors, and a progressive
     * file's coefficients, held whole, are checked against the memory budget of {@code limits}.
     */
    public static void write(Image image, OutputStream out, JpegOptions options, String name, Limits limits) {
        write(image, out, options, JpegEncodeExtras.none(), name, limits);
    }

    /** Writes {@code image} as JPEG with optimised tables and/or restart markers. */
    public static void write(Image image, OutputStream out, JpegOptions options, JpegEncodeExtras extras) {
        write(image, out, options, extras, "output", Limits.defaults());
    }

    private static void write(Image image, OutputStream out, JpegOptions options, JpegEncodeExtras extras, String name,
                              Limits limits) {
        JpegOptions opt = options == null ? JpegOptions.jpeg() : options;
        JpegEncodeExtras ext = extras == null ? JpegEncodeExtras.none() : extras;
        if (image.width > 65535 || image.height > 65535) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": JPEG cannot hold " + image.width + "x" + image.height
                    + " pixels (at most 65535 on a side)");
        }
        boolean grey = image.interpretation == Interpretation.GREY;
        boolean s420 = !grey && opt.effectiveSubsampling() == JpegOptions.Subsampling.S420;
        EncoderLayout layout = new EncoderLayout(image.width, image.height, grey, s420);
        int[] lq = QuantTables.scaled(QuantTables.LUMINANCE, opt.quality());
        int[] cq = QuantTables.scaled(QuantTables.CHROMINANCE, opt.quality());
        ForwardDct.Divisors[] div = {new ForwardDct.Divisors(lq), new ForwardDct.Divisors(cq)};
        StripCoder coder = new StripCoder(layout, div, opt.background());
        int stripH = stripHeight(image, layout);
        if (opt.progressive() || ext.optimiseHuffman()) {
            // Progressive scans and optimised tables need every block's coefficients first:
            // 64 samples of 2 bytes and a bit mask of 8 bytes per block.
            limits.checkMemory(name, Limits.product(layout.totalBlocks(), 64 * Short.BYTES + Long.BYTES),
                    "holding the DCT coefficients of the " + image.width + "x" + image.height + " JPEG");
        }
        try {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.write(0xFF);
            head.write(0xD8);
            writeJfif(head, image.metadata);
            writeExif(head, image.metadata, image.width, image.height);
            writeXmp(head, image.metadata);
            writeIcc(head, image.metadata, name);
            writeQuant(head, grey ? new int[][] {lq} : new int[][] {lq, cq});
            if (opt.progressive()) {
                List<StripCoder.Coefficients> all = collect(image, stripH, coder);
                out.write(head.toByteArray());
                ProgressiveEncoder.write(out, layout, all, ext.restartInterval());
            } else if (ext.optimiseHuffman()) {
                List<StripCoder.Coefficients> all = collect(image, stripH, coder);
                EntropyWriter counter = new EntropyWriter(null, true);
                SequentialScan count = new SequentialScan(layout, counter, null, ext.restartInterval());
                for (StripCoder.Coefficients c : all) {
                    count.rows(c);
                }
                HuffmanCodes[] tables = new HuffmanCodes[4];
                for (int t = 0; t < (grey ? 1 : 2); t++) {
                    tables[2 * t] = HuffmanCodes.optimal(counter.dcFreq[t]);
                    tables[2 * t + 1] = HuffmanCodes.optimal(counter.acFreq[t]);
                }
                writeFrame(head, layout, false);
                writeHuffman(head, tables, grey);
                writeRestart(head, ext.restartInterval());
                writeSequentialScanHeader(head, layout);
                out.write(head.toByteArray());
                EntropyWriter w = new EntropyWriter(out, false);
                SequentialScan scan = new SequentialScan(layout, w, tables, ext.restartInterval());
                for (StripCoder.Coefficients c : all) {
                    scan.rows(c);
                }
                w.flush();
            } else {
                HuffmanCodes[] tables = {HuffmanCodes.DC_LUMINANCE, HuffmanCodes.AC_LUMINANCE,
                        HuffmanCodes.DC_CHROMINANCE, HuffmanCodes.AC_CHROMINANCE};
                writeFrame(head, layout, false);
                writeHuffman(head, tables, grey);
                writeRestart(head, ext.restartInterval());
                writeSequentialScanHeader(head, layout);
                out.write(head.toByteArray());
                EntropyWriter w = new EntropyWriter(out, false);
                SequentialScan scan = new SequentialScan(layout, w, tables, ext.restartInterval());
                StripSink.run(image, stripH, 0, (strip, firstRow) -> coder.code(strip), c -> {
                    try {
                        scan.rows(c);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                w.flush();
            }
            out.write(0xFF);
            out.write(0xD9);
            out.flush();
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + IoReasons.of(e), e);
        } catch (UncheckedIOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + IoReasons.of(e.getCause()), e.getCause());
        }
    }

    private static List<StripCoder.Coefficients> collect(Image image, int stripH, StripCoder coder) {
        List<StripCoder.Coefficients> all = new ArrayList<>();
        StripSink.run(image, stripH, 0, (strip, firstRow) -> coder.code(strip), all::add);
        return all;
    }

    /**
     * Whole iMCU rows (a multiple of 16), about 256 KiB of samples, 16 to 256 rows: each strip
     * costs a hand-over between a worker and the caller's thread and its own buffers, which at
     * 64 KiB (16 rows of an 800-pixel image) cost more than the cache misses of a larger strip
     * (800x600 at one thread: 3.4 ms at 64 KiB, 3.0 at 128 KiB, 2.9 at 256 KiB).
     */
    private static int stripHeight(Image image, EncoderLayout layout) {
        int rows = (256 * 1024) / Math.max(1, image.width * image.bands);
        return Math.max(16, Math.min(256, rows / 16 * 16));
    }

    /** Codes the MCUs of one baseline scan holding every component, in order, strip after strip. */
    static final class SequentialScan {
        private final EncoderLayout l;
        private final EntropyWriter w;
        private final HuffmanCodes[] tables;
        private final int restartInterval;
        private final int[] pred;
        private int mcus;
        private int restarts;

        SequentialScan(EncoderLayout l, EntropyWriter w, HuffmanCodes[] tables, int restartInterval) {
            this.l = l;
            this.w = w;
            this.tables = tables == null ? new HuffmanCodes[4] : tables;
            this.restartInterval = restartInterval;
            this.pred = new int[l.components];
        }

        private void beginMcu() throws IOException {
            if (restartInterval > 0 && mcus > 0 && mcus % restartInterval == 0) {
                w.restartMarker(restarts++);
                java.util.Arrays.fill(pred, 0);
            }
            mcus++;
        }

        void rows(StripCoder.Coefficients c) throws IOException {
            int nc = l.components;
            if (nc == 1) {
                short[] b = c.blocks()[0];
                int bw = l.blocksW[0];
                for (int r = 0; r < c.imcuRows(); r++) {
                    int gby = c.firstImcuRow() + r;
                    if (gby >= l.heightInBlocks[0]) {
                        break;
                    }
                    for (int bx = 0; bx < l.widthInBlocks[0]; bx++) {
                        beginMcu();
                        int i = r * bw + bx;
                        pred[0] = w.block(b, i * 64, c.nonZero()[0][i], pred[0], 0, tables[0], tables[1]);
                    }
                }
                return;
            }
            for (int r = 0; r < c.imcuRows(); r++) {
                for (int mx = 0; mx < l.mcusX; mx++) {
                    beginMcu();
                    for (int ci = 0; ci < nc; ci++) {
                        short[] b = c.blocks()[ci];
                        int t = ci == 0 ? 0 : 1;
                        int bw = l.blocksW[ci];
                        for (int v = 0; v < l.v[ci]; v++) {
                            int row = r * l.v[ci] + v;
                            for (int h = 0; h < l.h[ci]; h++) {
                                int i = row * bw + mx * l.h[ci] + h;
                                pred[ci] = w.block(b, i * 64, c.nonZero()[ci][i], pred[ci], t,
                                        tables[2 * t], tables[2 * t + 1]);
                            }
                        }
                    }
                }
            }
        }
    }

    // ---- marker segments ----

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        int len = body.length + 2;
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(body);
    }

    private static void u16(ByteArrayOutputStream b, int v) {
        b.write((v >> 8) & 0xFF);
        b.write(v & 0xFF);
    }

    private static void writeJfif(ByteArrayOutputStream out, Metadata m) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {'J', 'F', 'I', 'F', 0, 1, 1});
        int units = 0;
        long x = 1;
        long y = 1;
        Metadata.Density d = m.density();
        if (d != null && d.pixelsPerUnitX() > 0 && d.pixelsPerUnitY() > 0) {
            if (d.metre()) {
                long dx = Math.round(d.pixelsPerUnitX() * 0.0254);
                long dy = Math.round(d.pixelsPerUnitY() * 0.0254);
                if (Math.round(dx / 0.0254) == d.pixelsPerUnitX() && Math.round(dy / 0.0254) == d.pixelsPerUnitY()) {
                    units = 1;   // a whole number of dots per inch: say it in inches
                    x = dx;
                    y = dy;
                } else {
                    units = 2;
                    x = Math.round(d.pixelsPerUnitX() / 100.0);
                    y = Math.round(d.pixelsPerUnitY() / 100.0);
                }
            } else {
                x = d.pixelsPerUnitX();
                y = d.pixelsPerUnitY();
            }
            x = Math.max(1, Math.min(65535, x));
            y = Math.max(1, Math.min(65535, y));
        }
        b.write(units);
        u16(b, (int) x);
        u16(b, (int) y);
        b.write(0);
        b.write(0);
        segment(out, 0xE0, b.toByteArray());
    }

    /**
     * APP1 "Exif\0\0" with the image's EXIF block, its orientation value set to the image's
     * ({@link ExifBlock#forWriting}); a block too large for one segment is dropped for an
     * orientation-only one. Written after JFIF APP0 and before ICC APP2, where libjpeg-based
     * writers put it (libjpeg's jpeg_start_compress writes SOI and JFIF APP0; the application's
     * jpeg_write_marker calls follow): JFIF 1.02 wants APP0 right after SOI, and readers find APP1
     * wherever it is.
     */
    private static void writeExif(ByteArrayOutputStream out, Metadata m, int width, int height) {
        byte[] block = ExifBlock.forWriting(m, ExifBlock.MAX_JPEG_BLOCK, width, height);
        if (block == null) {
            return;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(block.length + 6);
        b.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        b.writeBytes(block);
        segment(out, 0xE1, b.toByteArray());
    }

    /**
     * APP1 with the XMP namespace and the image's packet ({@link XmpPacket#forWriting}), after the
     * EXIF APP1 as libvips and exiftool place it. A packet over {@link XmpPacket#MAX_JPEG_PACKET}
     * bytes is left out: it would need XMP's extended form (docs/decisions.md).
     */
    private static void writeXmp(ByteArrayOutputStream out, Metadata m) {
        byte[] packet = XmpPacket.forWriting(m);
        if (packet == null || packet.length > XmpPacket.MAX_JPEG_PACKET) {
            return;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream(XmpPacket.JPEG_NAMESPACE.length + packet.length);
        b.writeBytes(XmpPacket.JPEG_NAMESPACE);
        b.writeBytes(packet);
        segment(out, 0xE1, b.toByteArray());
    }

    /** The ICC profile in APP2 segments of at most 65519 bytes each (ICC.1 B.4). */
    private static void writeIcc(ByteArrayOutputStream out, Metadata m, String name) {
        byte[] icc = m.iccProfile();
        if (icc == null || icc.length == 0) {
            return;
        }
        int chunk = 65519;
        int count = (icc.length + chunk - 1) / chunk;
        if (count > 255) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": an ICC profile of " + icc.length
                    + " bytes is too large for JPEG (at most 255 APP2 segments of " + chunk + " bytes: " + 255L * chunk + ")");
        }
        for (int i = 0; i < count; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            b.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            b.write(i + 1);
            b.write(count);
            int from = i * chunk;
            b.write(icc, from, Math.min(chunk, icc.length - from));
            segment(out, 0xE2, b.toByteArray());
        }
    }

    private static void writeQuant(ByteArrayOutputStream out, int[][] tables) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int t = 0; t < tables.length; t++) {
            b.write(t);
            for (int k = 0; k < 64; k++) {
                b.write(tables[t][ZigZag.NATURAL[k]]);
            }
        }
        segment(out, 0xDB, b.toByteArray());
    }

    static void writeFrame(ByteArrayOutputStream out, EncoderLayout l, boolean progressive) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(8);
        u16(b, l.height);
        u16(b, l.width);
        b.write(l.components);
        for (int c = 0; c < l.components; c++) {
            b.write(c + 1);
            b.write((l.h[c] << 4) | l.v[c]);
            b.write(c == 0 ? 0 : 1);
        }
        segment(out, progressive ? 0xC2 : 0xC0, b.toByteArray());
    }

    /** DC and AC tables 0 (luma) and, for colour, 1 (chroma) in one DHT segment. */
    static void writeHuffman(ByteArrayOutputStream out, HuffmanCodes[] tables, boolean grey) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int t = 0; t < (grey ? 1 : 2); t++) {
            for (int ac = 0; ac < 2; ac++) {
                HuffmanCodes h = tables[2 * t + ac];
                b.write((ac << 4) | t);
                for (int i = 1; i <= 16; i++) {
                    b.write(h.bits[i]);
                }
                for (int v : h.values) {
                    b.write(v);
                }
            }
        }
        segment(out, 0xC4, b.toByteArray());
    }

    static void writeRestart(ByteArrayOutputStream out, int interval) {
        if (interval > 0) {
            segment(out, 0xDD, new byte[] {(byte) (interval >> 8), (byte) interval});
        }
    }

    private static void writeSequentialScanHeader(ByteArrayOutputStream out, EncoderLayout l) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(l.components);
        for (int c = 0; c < l.components; c++) {
            b.write(c + 1);
            b.write(c == 0 ? 0x00 : 0x11);
        }
        b.write(0);
        b.write(63);
        b.write(0);
        segment(out, 0xDA, b.toByteArray());
    }
}
