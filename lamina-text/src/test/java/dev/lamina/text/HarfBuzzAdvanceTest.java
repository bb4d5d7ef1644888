package dev.lamina.text;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Glyph choice, advances and kerning against HarfBuzz ({@code hb-shape}, an independent shaper:
 * its own cmap, hmtx, GPOS and kern readers). At a size equal to the font's units per em, a
 * layout's width is in font units, and HarfBuzz's advances (kerning included in the first glyph's
 * advance) add up to the same integer. Ligatures and contextual alternates are switched off in
 * HarfBuzz, since Lamina sets one glyph per character. Skipped when hb-shape is absent
 * (bin/install-test-tools installs it: Debian's libharfbuzz-bin).
 */
class HarfBuzzAdvanceTest {
    static final Path DEJAVU = Path.of("src/main/resources/dev/lamina/text/fonts/DejaVuSans.ttf");
    static final Path DEJAVU_BOLD = Path.of("src/main/resources/dev/lamina/text/fonts/DejaVuSans-Bold.ttf");
    static final Path CANTARELL = Path.of("src/test/resources/fonts/Cantarell-Regular.otf");
    private static final Pattern GLYPH = Pattern.compile("(\\d+)=\\d+(?:@-?\\d+,-?\\d+)?\\+(-?\\d+)");
    private static final List<String> TEXTS = List.of(
            "AVATAR To", "Wave Yoyo", "LT P. F, r. y.", "Typography", "KEVIN VAWTER", "«Tôt» Œuvre",
            "ΑΥΤΟΝ Γλώσσα", "ГАГАРИН Убыток", "Lamina 1/2 @ 90%");

    @BeforeAll
    static void needHarfBuzz() {
        Assumptions.assumeTrue(onPath("hb-shape"), "hb-shape (libharfbuzz-bin) not installed: HarfBuzz comparison skipped");
    }

    @Test
    void dejaVuSansGposKerningMatchesHarfBuzz() throws Exception {
        Font font = Font.load(DEJAVU);
        assertEquals("GPOS", font.kerningTable());
        int kerned = compareAll(font, DEJAVU);
        assertNotEquals(0, kerned, "some of the texts have kerning pairs");
    }

    @Test
    void dejaVuSansBoldMatchesHarfBuzz() throws Exception {
        compareAll(Font.load(DEJAVU_BOLD), DEJAVU_BOLD);
    }

    @Test
    void cffFontMatchesHarfBuzz() throws Exception {
        compareAll(Font.load(CANTARELL), CANTARELL);
    }

    @Test
    void legacyKernTableMatchesHarfBuzz(@TempDir Path dir) throws Exception {
        // DejaVu Sans with its GPOS table renamed: both HarfBuzz and Lamina fall back to 'kern'.
        byte[] data = Files.readAllBytes(DEJAVU);
        int tables = (data[4] & 0xFF) << 8 | (data[5] & 0xFF);
        for (int i = 0; i < tables; i++) {
            int rec = 12 + 16 * i;
            if (new String(data, rec, 4, StandardCharsets.ISO_8859_1).equals("GPOS")) {
                data[rec] = 'X';
            }
        }
        Path legacy = dir.resolve("DejaVuSans-kern-only.ttf");
        Files.write(legacy, data);
        Font font = Font.load(legacy);
        assertEquals("kern", font.kerningTable());
        assertNotEquals(0, compareAll(font, legacy));
    }

    @Test
    void letterSpacingAddsBetweenGlyphsOnly() throws Exception {
        Font font = Font.load(DEJAVU);
        String text = "AVATAR To";
        int[] hb = shape(DEJAVU, text, true)[1];
        double expected = sum(hb) + (text.length() - 1) * 37.5;
        TextLayout t = TextLayout.layout(text, TextStyle.of(font, 2048).withLetterSpacing(37.5));
        assertEquals(expected, t.width(), 1e-9);
    }

    /** Compares every text; returns how many of them HarfBuzz kerns (width differs without 'kern'). */
    private static int compareAll(Font font, Path file) throws Exception {
        int kerned = 0;
        for (String text : TEXTS) {
            if (!allCovered(font, text)) {
                continue;
            }
            int[][] hb = shape(file, text, true);
            int[] glyphs = new int[text.codePointCount(0, text.length())];
            int k = 0;
            for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
                glyphs[k++] = font.glyphId(text.codePointAt(i));
            }
            assertEquals(java.util.Arrays.toString(hb[0]), java.util.Arrays.toString(glyphs), "glyphs of " + text);
            TextLayout t = TextLayout.layout(text, TextStyle.of(font, font.unitsPerEm()));
            assertEquals(sum(hb[1]), t.width(), 1e-9, font.fullName() + ": width of \"" + text + "\" in font units");
            if (sum(shape(file, text, false)[1]) != sum(hb[1])) {
                kerned++;
            }
        }
        return kerned;
    }

    private static boolean allCovered(Font font, String text) {
        return text.codePoints().allMatch(cp -> cp == ' ' || font.canDisplay(cp));
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int v : a) {
            s += v;
        }
        return s;
    }

    /** {glyph ids, x advances} of HarfBuzz's shaping, one glyph per character (substitutions off). */
    static int[][] shape(Path font, String text, boolean kern) throws IOException, InterruptedException {
        String features = "-liga,-clig,-dlig,-calt,-ccmp,-locl" + (kern ? "" : ",-kern");
        Process p = new ProcessBuilder("hb-shape", "--no-glyph-names", "--features=" + features,
                font.toString(), text).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("hb-shape failed: " + out);
        }
        List<int[]> glyphs = new ArrayList<>();
        Matcher m = GLYPH.matcher(out);
        while (m.find()) {
            glyphs.add(new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))});
        }
        int[][] r = new int[2][glyphs.size()];
        for (int i = 0; i < glyphs.size(); i++) {
            r[0][i] = glyphs.get(i)[0];
            r[1][i] = glyphs.get(i)[1];
        }
        return r;
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
