package dev.lamina.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A separate, minimal reader of a TrueType file's tables for the tests' expected values: the
 * table directory, hhea's ascender/descender, hmtx's advances, and cmap format 4 (BMP). Written
 * from the OpenType spec, sharing nothing with FontBox or lamina-text.
 */
final class FontTables {
    final int unitsPerEm;
    final int ascender;
    final int descender;
    private final ByteBuffer b;
    private final int hmtx;
    private final int numberOfHMetrics;
    private final int cmap4;

    FontTables(Path file) throws IOException {
        b = ByteBuffer.wrap(Files.readAllBytes(file));
        unitsPerEm = u16(table("head") + 18);
        int hhea = table("hhea");
        ascender = (short) u16(hhea + 4);
        descender = (short) u16(hhea + 6);
        numberOfHMetrics = u16(hhea + 34);
        hmtx = table("hmtx");
        int cmap = table("cmap");
        int found = -1;
        for (int i = 0, n = u16(cmap + 2); i < n; i++) {
            int rec = cmap + 4 + 8 * i;
            int platform = u16(rec), encoding = u16(rec + 2);
            int sub = cmap + b.getInt(rec + 4);
            if (u16(sub) == 4 && (platform == 3 && encoding == 1 || platform == 0)) {
                found = sub;
            }
        }
        cmap4 = found;
    }

    int advance(int glyph) {
        return u16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));
    }

    int glyph(char c) {
        int segX2 = u16(cmap4 + 6);
        int ends = cmap4 + 14, starts = ends + segX2 + 2, deltas = starts + segX2, ranges = deltas + segX2;
        for (int i = 0; i < segX2 / 2; i++) {
            int end = u16(ends + 2 * i), start = u16(starts + 2 * i);
            if (c >= start && c <= end) {
                int delta = u16(deltas + 2 * i), rangeOffset = u16(ranges + 2 * i);
                if (rangeOffset == 0) {
                    return (c + delta) & 0xFFFF;
                }
                int g = u16(ranges + 2 * i + rangeOffset + 2 * (c - start));
                return g == 0 ? 0 : (g + delta) & 0xFFFF;
            }
        }
        return 0;
    }

    /** Sum of the advances of the characters, font units (no kerning). */
    int advances(String s) {
        int sum = 0;
        for (char c : s.toCharArray()) {
            sum += advance(glyph(c));
        }
        return sum;
    }

    private int table(String tag) {
        for (int i = 0, n = u16(4); i < n; i++) {
            int rec = 12 + 16 * i;
            String t = new String(new byte[]{b.get(rec), b.get(rec + 1), b.get(rec + 2), b.get(rec + 3)},
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            if (t.equals(tag)) {
                return b.getInt(rec + 8);
            }
        }
        throw new IllegalArgumentException("no " + tag + " table");
    }

    private int u16(int at) {
        return b.getShort(at) & 0xFFFF;
    }
}
