package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.codec.metadata.XmpPacket;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything a JPEG says before its first scan: the frame (size, components, sampling), tables,
 * restart interval, colour transform markers and metadata. Parsing checks the decoder limits
 * (pixels, components, coefficient memory) before anything large is allocated.
 */
final class JpegFrame {
    static final int MAX_COMPONENTS = 4;

    /** One component of the frame. */
    static final class Component {
        int id;
        int h;
        int v;
        int tq;
        int index;
        /** Samples across and down at full scale (ceil(W * h / hmax)), as libjpeg's downsampled size. */
        int width;
        int height;
        /** Blocks across and down, padded to whole MCUs. */
        int blocksW;
        int blocksH;
    }

    final String name;
    final byte[] data;
    int width;
    int height;
    boolean progressive;
    Component[] components;
    int hmax;
    int vmax;
    int mcusX;
    int mcusY;
    final int[][] quant = new int[4][];            // natural order
    final HuffmanTable[] dcTables = new HuffmanTable[4];
    final HuffmanTable[] acTables = new HuffmanTable[4];
    int restartInterval;
    boolean jfif;
    int adobeTransform = -1;                       // -1: no Adobe marker
    Metadata metadata = Metadata.NONE;
    /** Offset of the first SOS marker (its 0xFF). */
    int firstScanPos;

    private JpegFrame(String name, byte[] data) {
        this.name = name;
        this.data = data;
    }

    LaminaException error(String what, int offset) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": " + what + " at offset " + offset);
    }

    /** Parses the markers up to the first scan. */
    static JpegFrame parse(byte[] data, String name, Limits limits) {
        JpegFrame f = new JpegFrame(name, data);
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": not a JPEG file (no SOI marker)");
        }
        byte[][] iccChunks = null;
        int iccCount = 0;
        byte[] exif = null;
        byte[] xmp = null;
        Metadata.Density density = null;
        int pos = 2;
        boolean haveFrame = false;
        while (true) {
            int m = f.nextMarker(pos);
            int at = f.markerPos;
            pos = f.markerEnd;
            if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
                continue;   // stray SOI / RST / TEM: no length
            }
            if (m == 0xD9) {
                throw f.error("end of image before any scan", at);
            }
            int len = f.u16(pos, at);
            if (len < 2 || pos + len > data.length) {
                throw f.error("truncated " + markerName(m) + " segment", at);
            }
            int s = pos + 2;
            int e = pos + len;
            switch (m) {
                case 0xC0, 0xC1, 0xC2 -> {
                    if (haveFrame) {
                        throw f.error("second frame header", at);
                    }
                    f.parseFrame(s, e, m == 0xC2, limits, at);
                    haveFrame = true;
                }
                case 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                        throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": " + markerName(m) + " JPEG is not supported"
                                + " (only baseline and progressive Huffman)");
                case 0xC4 -> f.parseHuffman(s, e, at);
                case 0xDB -> f.parseQuant(s, e, at);
                case 0xDD -> {
                    if (len != 4) {
                        throw f.error("bad DRI segment", at);
                    }
                    f.restartInterval = f.u16(s, at);
                }
                case 0xE0 -> {
                    if (len >= 16 && startsWith(data, s, "JFIF\0")) {
                        f.jfif = true;
                        int units = data[s + 7] & 0xFF;
                        int xd = f.u16(s + 8, at);
                        int yd = f.u16(s + 10, at);
                        if (xd > 0 && yd > 0) {
                            density = switch (units) {
                                case 1 -> new Metadata.Density(Math.round(xd / 0.0254), Math.round(yd / 0.0254), true);
                                case 2 -> new Metadata.Density(xd * 100L, yd * 100L, true);
                                default -> new Metadata.Density(xd, yd, false);
                            };
                        }
                    }
                }
                case 0xE1 -> {
                    // The first EXIF APP1 only (XMP also lives in APP1, under its own name, below). The block
                    // is kept when its TIFF header is sound; damage past the header is carried, and
                    // only makes the orientation read as 1.
                    if (exif == null && startsWith(data, s, "Exif\0\0") && ExifBlock.isTiffHeader(data, s + 6, e)) {
                        exif = java.util.Arrays.copyOfRange(data, s + 6, e);
                    }
                    // The standard XMP packet (XMP Part 3); extended XMP segments
                    // ("http://ns.adobe.com/xmp/extension/") are not joined and are left out.
                    int xmpAt = s + XmpPacket.JPEG_NAMESPACE.length;
                    if (xmp == null && xmpAt <= e && startsWith(data, s, XmpPacket.JPEG_NAMESPACE)) {
                        xmp = java.util.Arrays.copyOfRange(data, xmpAt, e);
                    }
                }
                case 0xE2 -> {
                    if (len >= 16 && startsWith(data, s, "ICC_PROFILE\0")) {
                        int seq = data[s + 12] & 0xFF;
                        int count = data[s + 13] & 0xFF;
                        if (iccChunks == null && count > 0) {
                            iccChunks = new byte[count][];
                            iccCount = count;
                        }
                        if (iccChunks != null && count == iccCount && seq >= 1 && seq <= count) {
                            iccChunks[seq - 1] = java.util.Arrays.copyOfRange(data, s + 14, e);
                        }
                    }
                }
                case 0xEE -> {
                    if (len >= 14 && startsWith(data, s, "Adobe")) {
                        f.adobeTransform = data[s + 11] & 0xFF;
                    }
                }
                case 0xDA -> {
                    if (!haveFrame) {
                        throw f.error("scan before the frame header", at);
                    }
                    f.firstScanPos = at;
                    if (len < 3) {
                        throw f.error("truncated SOS segment", at);
                    }
                    f.checkCoefficientMemory(data[s] & 0xFF, limits);
                    byte[] icc = joinIcc(iccChunks);
                    int orientation = exif == null ? 1 : ExifBlock.orientation(exif);
                    f.metadata = new Metadata(icc, null, 0, -1, density, List.of(), orientation, exif, xmp);
                    return f;
                }
                default -> {
                    // APPn, COM, DNL and the like: skipped
                }
            }
            pos = e;
        }
    }

    private static byte[] joinIcc(byte[][] chunks) {
        if (chunks == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            if (c == null) {
                return null;   // a piece is missing: the profile is unusable
            }
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    private static boolean startsWith(byte[] d, int at, String s) {
        return startsWith(d, at, s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean startsWith(byte[] d, int at, byte[] b) {
        if (at + b.length > d.length) {
            return false;
        }
        for (int i = 0; i < b.length; i++) {
            if (d[at + i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    int markerPos;
    int markerEnd;

    /**
     * Finds the marker at or after {@code pos}: skips fill bytes (0xFF runs) and, as libjpeg does,
     * garbage before a marker. Sets {@link #markerPos} and {@link #markerEnd} (after the code).
     */
    int nextMarker(int pos) {
        int p = pos;
        while (true) {
            while (p < data.length && (data[p] & 0xFF) != 0xFF) {
                p++;
            }
            int q = p;
            while (q < data.length && (data[q] & 0xFF) == 0xFF) {
                q++;
            }
            if (q >= data.length) {
                throw error("unexpected end of file looking for a marker", data.length);
            }
            int m = data[q] & 0xFF;
            if (m != 0) {
                markerPos = q - 1;
                markerEnd = q + 1;
                return m;
            }
            p = q + 1;
        }
    }

    int u16(int at, int markerAt) {
        if (at + 2 > data.length) {
            throw error("truncated segment", markerAt);
        }
        return ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF);
    }

    private void parseFrame(int s, int e, boolean prog, Limits limits, int at) {
        progressive = prog;
        if (e - s < 6) {
            throw error("truncated frame header", at);
        }
        int precision = data[s] & 0xFF;
        if (precision != 8) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": " + precision + "-bit JPEG is not supported (only 8-bit)");
        }
        height = u16(s + 1, at);
        width = u16(s + 3, at);
        int n = data[s + 5] & 0xFF;
        if (height == 0) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": JPEG with its height in a DNL marker is not supported");
        }
        limits.checkPixels(name, width, height);
        if (n != 1 && n != 3 && n != 4) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": JPEG with " + n + " components is not supported (1, 3 or 4)");
        }
        if (e - s < 6 + 3 * n) {
            throw error("truncated frame header", at);
        }
        components = new Component[n];
        for (int i = 0; i < n; i++) {
            Component c = new Component();
            c.index = i;
            c.id = data[s + 6 + 3 * i] & 0xFF;
            c.h = (data[s + 7 + 3 * i] >> 4) & 15;
            c.v = data[s + 7 + 3 * i] & 15;
            c.tq = data[s + 8 + 3 * i] & 0xFF;
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) {
                throw error("bad component " + c.id + " in the frame header", at);
            }
            for (int j = 0; j < i; j++) {
                if (components[j].id == c.id) {
                    throw error("duplicate component id " + c.id, at);
                }
            }
            components[i] = c;
            hmax = Math.max(hmax, c.h);
            vmax = Math.max(vmax, c.v);
        }
        int blocksInMcu = 0;
        for (Component c : components) {
            if (hmax % c.h != 0 || vmax % c.v != 0) {
                throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": JPEG with fractional sampling factors is not supported");
            }
            blocksInMcu += c.h * c.v;
        }
        if (n > 1 && blocksInMcu > 10) {
            throw error("more than 10 blocks in one MCU", at);
        }
        mcusX = ceilDiv(width, 8 * hmax);
        mcusY = ceilDiv(height, 8 * vmax);
        for (Component c : components) {
            c.width = ceilDiv(width * c.h, hmax);
            c.height = ceilDiv(height * c.v, vmax);
            c.blocksW = mcusX * c.h;
            c.blocksH = mcusY * c.v;
        }
    }

    /**
     * Checks, at the first scan, what the decoder will hold: a progressive file, or one whose
     * first scan does not carry every component, is decoded into whole-image coefficient arrays
     * (two bytes per coefficient, 64 per block, blocks padded to whole MCUs), which must fit Java
     * arrays and the memory budget before anything is allocated.
     */
    private void checkCoefficientMemory(int scanComponents, Limits limits) {
        if (!progressive && scanComponents == components.length) {
            return;   // streamed an iMCU row at a time
        }
        long total = 0;
        for (Component c : components) {
            long n = Limits.product(c.blocksW, c.blocksH, 64);
            if (n > Integer.MAX_VALUE - 16) {
                throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": the " + width + "x" + height
                        + " " + (progressive ? "progressive" : "multi-scan") + " JPEG needs more coefficients per"
                        + " component than a Java array holds");
            }
            total += n;
        }
        limits.checkMemory(name, Limits.product(total, 2), "holding the DCT coefficients of the " + width + "x" + height
                + " " + (progressive ? "progressive" : "multi-scan") + " JPEG");
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private void parseHuffman(int s, int e, int at) {
        int p = s;
        while (p < e) {
            int tc = (data[p] >> 4) & 15;
            int th = data[p] & 15;
            if (tc > 1 || th > 3) {
                throw error("bad DHT segment (table class " + tc + ", id " + th + ")", at);
            }
            if (p + 17 > e) {
                throw error("truncated DHT segment", at);
            }
            int[] counts = new int[17];
            int total = 0;
            for (int i = 1; i <= 16; i++) {
                counts[i] = data[p + i] & 0xFF;
                total += counts[i];
            }
            p += 17;
            if (total > 256) {
                throw error("bad Huffman table " + (tc == 0 ? "DC" : "AC") + th + " (" + total
                        + " codes, more than 256) in the DHT segment", at);
            }
            if (p + total > e) {
                throw error("truncated DHT segment", at);
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[p + i] & 0xFF;
            }
            p += total;
            String problem = HuffmanTable.problem(counts, symbols, tc == 0);
            if (problem != null) {
                throw error("bad Huffman table " + (tc == 0 ? "DC" : "AC") + th + " (" + problem + ") in the DHT segment", at);
            }
            (tc == 0 ? dcTables : acTables)[th] = HuffmanTable.build(counts, symbols);
        }
    }

    private void parseQuant(int s, int e, int at) {
        int p = s;
        while (p < e) {
            int pq = (data[p] >> 4) & 15;
            int tq = data[p] & 15;
            int size = pq == 0 ? 64 : 128;
            if (pq > 1 || tq > 3 || p + 1 + size > e) {
                throw error("bad DQT segment", at);
            }
            int[] table = new int[64];
            for (int i = 0; i < 64; i++) {
                int v = pq == 0 ? data[p + 1 + i] & 0xFF : ((data[p + 1 + 2 * i] & 0xFF) << 8) | (data[p + 2 + 2 * i] & 0xFF);
                table[ZigZag.NATURAL[i]] = v;
            }
            quant[tq] = table;
            p += 1 + size;
        }
    }

    /** Table and marker segments met between scans: DHT, DQT, DRI. */
    void parseTablesBetweenScans(int m, int s, int e, int at) {
        switch (m) {
            case 0xC4 -> parseHuffman(s, e, at);
            case 0xDB -> parseQuant(s, e, at);
            case 0xDD -> {
                if (e - s != 2) {
                    throw error("bad DRI segment", at);
                }
                restartInterval = u16(s, at);
            }
            default -> {
            }
        }
    }

    /** The colour model the components hold, decided as libjpeg (and so ImageIO) decides it. */
    ColourModel colourModel() {
        int n = components.length;
        if (n == 1) {
            return ColourModel.GREY;
        }
        if (n == 3) {
            if (jfif) {
                return ColourModel.YCBCR;
            }
            if (adobeTransform >= 0) {
                return adobeTransform == 0 ? ColourModel.RGB : ColourModel.YCBCR;
            }
            if (components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B') {
                return ColourModel.RGB;
            }
            return ColourModel.YCBCR;
        }
        return adobeTransform == 2 ? ColourModel.YCCK : ColourModel.CMYK;
    }

    enum ColourModel { GREY, YCBCR, RGB, CMYK, YCCK }

    static String markerName(int m) {
        return switch (m) {
            case 0xC0 -> "SOF0";
            case 0xC1 -> "SOF1";
            case 0xC2 -> "SOF2";
            case 0xC3 -> "lossless (SOF3)";
            case 0xC5, 0xC6, 0xC7 -> "hierarchical (SOF" + (m - 0xC0) + ")";
            case 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF -> "arithmetic-coded (SOF" + (m - 0xC0) + ")";
            case 0xC4 -> "DHT";
            case 0xDB -> "DQT";
            case 0xDA -> "SOS";
            case 0xDD -> "DRI";
            default -> String.format("0x%02X", m);
        };
    }
}
