package dev.lamina.text;

import dev.lamina.model.LaminaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the layout refuses, and that each refusal names the character and the reason. */
class RefusalTest {
    private static final TextStyle STYLE = TextStyle.of(Font.bundled(), 20);

    private static LaminaException refused(String text) {
        return assertThrows(LaminaException.class, () -> TextLayout.layout(text, STYLE));
    }

    @Test
    void arabicIsRefusedAsComplexShaping() {
        LaminaException e = refused("Hi \u0645\u0631\u062d\u0628\u0627");
        assertEquals(LaminaException.Kind.UNSUPPORTED, e.kind());
        assertEquals("text: U+0645 '\u0645' at index 3 is Arabic script, which needs complex shaping or right-to-left "
                + "layout; complex shaping is not yet supported", e.getMessage());
    }

    @Test
    void hebrewAndDevanagariAreRefused() {
        assertTrue(refused("\u05e9\u05dc\u05d5\u05dd").getMessage().contains("U+05E9 '\u05e9' at index 0 is Hebrew script"));
        assertTrue(refused("ab \u0928\u092e\u0938\u094d\u0924\u0947").getMessage().contains("U+0928 '\u0928' at index 3 is Devanagari script"));
    }

    @Test
    void emojiIsRefused() {
        LaminaException e = refused("ok \uD83D\uDE00");
        assertEquals(LaminaException.Kind.UNSUPPORTED, e.kind());
        assertEquals("text: U+1F600 '\uD83D\uDE00' at index 3 is an emoji; colour emoji and emoji sequences are not yet supported",
                e.getMessage());
    }

    @Test
    void combiningMarkThatDoesNotComposeIsRefusedButOneThatDoesIsComposed() {
        // e + U+0301 composes to U+00E9 under NFC, which DejaVu Sans has.
        assertEquals(1, TextLayout.layout("e\u0301", STYLE).glyphCount());
        LaminaException e = refused("q\u0301");
        assertEquals(LaminaException.Kind.UNSUPPORTED, e.kind());
        assertTrue(e.getMessage().startsWith("text: combining mark U+0301"), e.getMessage());
    }

    @Test
    void missingGlyphIsAnErrorNotTofu() {
        // DejaVu Sans has no CJK ideographs.
        LaminaException e = refused("ab\u4e2d");
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
        assertEquals("text: font \"DejaVu Sans\" has no glyph for U+4E2D '\u4e2d' (index 2); Lamina does not "
                + "substitute another font, so choose a font that has it", e.getMessage());
    }

    @Test
    void controlCharacterIsRefused() {
        LaminaException e = refused("a\u0007b");
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().contains("control character U+0007 at index 1"), e.getMessage());
    }

    @Test
    void textLengthLimitIsCheckedAndRaisable() {
        String longText = "a".repeat(TextLayout.DEFAULT_MAX_CHARS + 1);
        LaminaException e = refused(longText);
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, e.kind());
        assertEquals("text: 10001 characters is over the limit of 10000", e.getMessage());
        assertEquals(10_001, TextLayout.layout(longText, STYLE, 20_000).glyphCount());
    }

    @Test
    void badStyleValuesAreRefused() {
        assertThrows(LaminaException.class, () -> TextStyle.of(Font.bundled(), 0));
        assertThrows(LaminaException.class, () -> STYLE.withLineHeight(Double.NaN));
        assertThrows(LaminaException.class, () -> STYLE.withWrapWidth(-1));
        assertThrows(LaminaException.class, () -> STYLE.withLetterSpacing(Double.POSITIVE_INFINITY));
    }

    @Test
    void unknownFamilyListsTheKnownOnes() {
        LaminaException e = assertThrows(LaminaException.class, () -> FontLibrary.withBundled().family("Helvetica"));
        assertEquals("no such font family \"Helvetica\" (known: DejaVu Sans)", e.getMessage());
    }

    @Test
    void libraryResolvesFamilyToRegularAndFullNameToBold() {
        FontLibrary lib = FontLibrary.withBundled();
        assertSame(Font.bundled(), lib.family("dejavu sans"));
        assertSame(Font.bundledBold(), lib.family("DejaVu Sans Bold"));
    }

    @Test
    void fontFileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.ttf");
        Files.write(junk, new byte[]{0, 1, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        LaminaException e = assertThrows(LaminaException.class, () -> Font.load(junk));
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
        assertTrue(e.getMessage().startsWith(junk + ": corrupt or unreadable font"), e.getMessage());

        Path text = dir.resolve("notes.otf");
        Files.writeString(text, "hello, not a font");
        e = assertThrows(LaminaException.class, () -> Font.load(text));
        assertEquals(text + ": not a TrueType or OpenType font", e.getMessage());

        Path none = dir.resolve("none.ttf");
        e = assertThrows(LaminaException.class, () -> Font.load(none));
        assertEquals(LaminaException.Kind.IO, e.kind());
        assertEquals(none + ": no such font file", e.getMessage());
    }
}
