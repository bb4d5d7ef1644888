package dev.lamina.text;

import org.apache.fontbox.ttf.KerningSubtable;
import org.apache.fontbox.ttf.KerningTable;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFTable;

import java.io.IOException;

/**
 * The pair kerning of a font, in font units: from GPOS pair adjustments of the {@code kern}
 * feature when the font has them (read by {@link GposKerning}; FontBox does not read GPOS), else
 * from the legacy {@code kern} table (format 0, horizontal) as FontBox reads it. Never both: a
 * font that has GPOS kerning keeps its legacy table for old software only, and HarfBuzz makes the
 * same choice.
 *
 * <p>Immutable once read: both are sorted tables that are only searched.
 */
abstract class Kerning {
    static final Kerning NONE = new Kerning() {
        @Override
        int pair(int left, int right) {
            return 0;
        }

        @Override
        String table() {
            return "none";
        }
    };

    abstract int pair(int left, int right);

    /** Where the kerning comes from: "GPOS", "kern" or "none". */
    abstract String table();

    static Kerning read(OpenTypeFont font, String source) throws IOException {
        TTFTable gposTable = font.getTableMap().get("GPOS");
        if (gposTable != null) {
            GposKerning gpos = GposKerning.read(font.getTableBytes(gposTable), source);
            if (gpos != null) {
                return gpos;
            }
        }
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

            @Override
            String table() {
                return "kern";
            }
        };
    }
}
