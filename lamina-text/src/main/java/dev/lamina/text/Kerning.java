package dev.lamina.text;

import org.apache.fontbox.ttf.KerningSubtable;
import org.apache.fontbox.ttf.KerningTable;
import org.apache.fontbox.ttf.OpenTypeFont;

import java.io.IOException;

/**
 * The pair kerning of a font, in font units. FontBox reads the legacy {@code kern} table (format
 * 0, horizontal); it does not read GPOS.
 *
 * <p>Immutable once read: FontBox's format-0 subtable is a sorted array it only searches.
 */
abstract class Kerning {
    static final Kerning NONE = new Kerning() {
        @Override
        int pair(int left, int right) {
            return 0;
        }
    };

    abstract int pair(int left, int right);

    static Kerning read(OpenTypeFont font, int glyphCount) throws IOException {
        KerningTable kern = font.getKerning();
        KerningSubtable sub = kern == null ? null : kern.getHorizontalKerningSubtable();
        if (sub == null) {
            return NONE;
        }
        return new Kerning() {
            @Override
            int pair(int left, int right) {
                return sub.getKerning(left, right);
            }
        };
    }
}
