package dev.lamina.text;

import dev.lamina.model.LaminaException;
import org.apache.fontbox.cff.CFFCIDFont;
import org.apache.fontbox.cff.CFFFont;
import org.apache.fontbox.ttf.CFFTable;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.GlyphTable;
import org.apache.fontbox.ttf.HorizontalHeaderTable;
import org.apache.fontbox.ttf.HorizontalMetricsTable;
import org.apache.fontbox.ttf.NameRecord;
import org.apache.fontbox.ttf.NamingTable;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TrueType (glyf) or OpenType (CFF) font read with Apache FontBox: its names, metrics, character
 * map, kerning and glyph outlines. No {@code java.awt.Font}, so no native font library and no
 * fontconfig: text works in a slim container with no fonts installed, from the bundled
 * {@link #bundled() DejaVu Sans} or any font file.
 *
 * <p>Immutable and thread-safe. The metrics, character map and kerning are read when the font is
 * loaded; glyph outlines are read on first use (FontBox reads them from one shared buffer, so that
 * read is serialised) and kept.
 */
public final class Font {
    /** Larger font files are refused before they are read (CJK fonts with every glyph are ~20 MiB). */
    public static final long MAX_FILE_BYTES = 64L << 20;

    private static final String BUNDLED_REGULAR = "fonts/DejaVuSans.ttf";
    private static final String BUNDLED_BOLD = "fonts/DejaVuSans-Bold.ttf";

    private final String source;        // the file name or resource, for errors
    private final String family;
    private final String subfamily;
    private final String fullName;
    private final int unitsPerEm;
    private final int ascender;          // font units above the baseline (hhea), positive
    private final int descender;         // font units below the baseline (hhea), positive
    private final int glyphCount;
    private final int[] advances;        // per glyph, font units
    private final CmapLookup cmap;
    private final Kerning kerning;
    private final OpenTypeFont font;     // outlines are read from it on demand, under its lock
    private final CFFFont cff;           // non-null for CFF-flavoured OpenType
    private final ConcurrentHashMap<Integer, GlyphOutline> outlines = new ConcurrentHashMap<>();

    private Font(String source, OpenTypeFont font) throws IOException {
        this.source = source;
        this.font = font;
        if (font.isPostScript()) {
            if (!font.isSupportedOTF()) {
                throw LaminaException.unsupported(source + ": CFF2 (variable OpenType) outlines are not supported");
            }
            CFFTable table = font.getCFF();
            this.cff = table == null ? null : table.getFont();
            if (cff == null) {
                throw LaminaException.badInput(source + ": OpenType font whose CFF table cannot be read");
            }
        } else {
            this.cff = null;
            GlyphTable glyf = font.getGlyph();
            if (glyf == null) {
                throw LaminaException.badInput(source + ": font has no glyph outlines (neither a glyf nor a CFF table)");
            }
        }
        NamingTable names = font.getNaming();
        String fam = name(names, 1);
        this.family = fam == null || fam.isBlank() ? fallbackName(source) : fam.strip();
        String sub = name(names, 2);
        this.subfamily = sub == null || sub.isBlank() ? "Regular" : sub.strip();
        String full = name(names, 4);
        this.fullName = full == null || full.isBlank() ? family + " " + subfamily : full.strip();
        this.unitsPerEm = font.getUnitsPerEm();
        if (unitsPerEm < 16 || unitsPerEm > 16384) {
            throw LaminaException.badInput(source + ": font has " + unitsPerEm + " units per em (16 to 16384 is valid)");
        }
        HorizontalHeaderTable hhea = font.getHorizontalHeader();
        HorizontalMetricsTable hmtx = font.getHorizontalMetrics();
        if (hhea == null || hmtx == null) {
            throw LaminaException.badInput(source + ": font has no horizontal metrics (hhea/hmtx)");
        }
        int asc = hhea.getAscender();
        int desc = -hhea.getDescender();
        if (asc <= 0 && desc <= 0) {
            // Some fonts leave hhea empty: the usual 0.8/0.2 split of the em instead of a zero-height line.
            asc = Math.round(unitsPerEm * 0.8f);
            desc = unitsPerEm - asc;
        }
        this.ascender = asc;
        this.descender = desc;
        this.glyphCount = font.getNumberOfGlyphs();
        this.advances = new int[glyphCount];
        for (int g = 0; g < glyphCount; g++) {
            advances[g] = hmtx.getAdvanceWidth(g);
        }
        this.cmap = font.getUnicodeCmapLookup(false);
        if (cmap == null) {
            throw LaminaException.badInput(source + ": font has no Unicode character map (cmap)");
        }
        this.kerning = Kerning.read(font, glyphCount);
    }

    /** The bundled default: DejaVu Sans (Bitstream Vera licence), so text works with no fonts installed. */
    public static Font bundled() {
        return Bundled.REGULAR;
    }

    /** The bundled DejaVu Sans Bold. */
    public static Font bundledBold() {
        return BundledBold.BOLD;
    }

    /**
     * The font in a .ttf or .otf file (TrueType outlines or OpenType CFF). A missing, unreadable,
     * oversized or corrupt file is a {@link LaminaException} naming it; font collections (.ttc),
     * WOFF and variable CFF2 fonts are refused as unsupported.
     */
    public static Font load(Path file) {
        String name = file.toString();
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw LaminaException.limit(name + ": font file of " + size + " bytes is over the limit of "
                        + MAX_FILE_BYTES + " bytes");
            }
            return parse(name, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw LaminaException.io(name + ": no such font file", e);
        } catch (IOException e) {
            throw LaminaException.io(name + ": cannot read the font file (" + e.getMessage() + ")", e);
        }
    }

    /** The font in these bytes; {@code name} is what errors call it. */
    public static Font parse(String name, byte[] data) {
        if (data.length > MAX_FILE_BYTES) {
            throw LaminaException.limit(name + ": font of " + data.length + " bytes is over the limit of "
                    + MAX_FILE_BYTES + " bytes");
        }
        if (data.length < 12) {
            throw LaminaException.badInput(name + ": not a TrueType or OpenType font (" + data.length + " bytes)");
        }
        String tag = new String(data, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        switch (tag) {
            case "ttcf" -> throw LaminaException.unsupported(name
                    + ": font collections (.ttc) are not supported; use a single .ttf or .otf font");
            case "wOFF", "wOF2" -> throw LaminaException.unsupported(name
                    + ": WOFF web fonts are not supported; use the .ttf or .otf font");
            case "OTTO", "true", "\0\1\0\0" -> { }
            default -> throw LaminaException.badInput(name + ": not a TrueType or OpenType font");
        }
        try {
            OpenTypeFont otf = new OTFParser().parse(new RandomAccessReadBuffer(data));
            return new Font(name, otf);
        } catch (LaminaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // FontBox reports a damaged table with whatever exception it met: a person gets the file
            // and the fact, the cause stays attached for a developer.
            throw new LaminaException(LaminaException.Kind.BAD_INPUT,
                    name + ": corrupt or unreadable font (" + describe(e) + ")", e);
        }
    }

    /** The family name (name table ID 1), for example "DejaVu Sans". */
    public String family() {
        return family;
    }

    /** The style within the family (name table ID 2), for example "Bold" or "Book". */
    public String subfamily() {
        return subfamily;
    }

    /** The full name (name table ID 4), for example "DejaVu Sans Bold". */
    public String fullName() {
        return fullName;
    }

    /** Whether the font has a glyph for this Unicode code point. */
    public boolean canDisplay(int codePoint) {
        return glyphId(codePoint) != 0;
    }

    @Override
    public String toString() {
        return fullName + " (" + source + ")";
    }

    String source() {
        return source;
    }

    int unitsPerEm() {
        return unitsPerEm;
    }

    int ascender() {
        return ascender;
    }

    int descender() {
        return descender;
    }

    /** The glyph for a code point, 0 (.notdef) when the font has none. */
    int glyphId(int codePoint) {
        int g = cmap.getGlyphId(codePoint);
        return g > 0 && g < glyphCount ? g : 0;
    }

    int advance(int glyph) {
        return advances[glyph];
    }

    /** The kerning between two glyphs in font units (negative brings them closer). */
    int kerning(int left, int right) {
        return kerning.pair(left, right);
    }

    GlyphOutline outline(int glyph) {
        GlyphOutline o = outlines.get(glyph);
        if (o == null) {
            o = readOutline(glyph);
            GlyphOutline prior = outlines.putIfAbsent(glyph, o);
            if (prior != null) {
                o = prior;
            }
        }
        return o;
    }

    private GlyphOutline readOutline(int glyph) {
        synchronized (font) { // FontBox reads glyphs from one shared stream
            try {
                if (cff != null) {
                    int key = cff instanceof CFFCIDFont ? cff.getCharset().getCIDForGID(glyph) : glyph;
                    return GlyphOutline.of(cff.getType2CharString(key).getPath());
                }
                GlyphData g = font.getGlyph().getGlyph(glyph);
                return g == null ? GlyphOutline.EMPTY : GlyphOutline.of(g.getPath());
            } catch (IOException | RuntimeException e) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT,
                        source + ": corrupt outline of glyph " + glyph + " (" + describe(e) + ")", e);
            }
        }
    }

    private static String name(NamingTable names, int id) {
        if (names == null) {
            return null;
        }
        String any = null;
        for (NameRecord r : names.getNameRecords()) {
            if (r.getNameId() != id || r.getString() == null) {
                continue;
            }
            if (r.getPlatformId() == NameRecord.PLATFORM_WINDOWS && r.getLanguageId() == NameRecord.LANGUAGE_WINDOWS_EN_US) {
                return r.getString();
            }
            if (any == null || r.getPlatformId() == NameRecord.PLATFORM_UNICODE) {
                any = r.getString();
            }
        }
        return any;
    }

    private static String fallbackName(String source) {
        String file = Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "the data ends or points outside the file" : m;
    }

    private static Font resource(String path) {
        try (InputStream in = Font.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new LaminaException(LaminaException.Kind.INTERNAL, "bundled font " + path + " is missing from lamina-text");
            }
            return parse("bundled " + path.substring(path.lastIndexOf('/') + 1), in.readAllBytes());
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.INTERNAL, "bundled font " + path + " cannot be read", e);
        }
    }

    /** Loaded on first use: an application that never draws text never parses the fonts. */
    private static final class Bundled {
        static final Font REGULAR = resource(BUNDLED_REGULAR);
    }

    private static final class BundledBold {
        static final Font BOLD = resource(BUNDLED_BOLD);
    }
}
