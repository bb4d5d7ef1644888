package dev.lamina.text;

import dev.lamina.model.LaminaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FontLibraryTest {
    @Test
    void aDirectoryAddsItsFontsAndARegularMemberAnswersForTheFamily(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("cantarell"));
        Files.copy(HarfBuzzAdvanceTest.CANTARELL, sub.resolve("Cantarell-Regular.otf"));
        Files.writeString(dir.resolve("README.txt"), "not a font, not read");
        FontLibrary lib = FontLibrary.withBundled().add(dir);
        Font cantarell = lib.family("cantarell");
        assertEquals("Cantarell", cantarell.family());
        assertEquals(List.of("Cantarell", "Cantarell Regular", "DejaVu Sans", "DejaVu Sans Bold"), lib.names());
        // The library it was made from is unchanged.
        assertThrows(LaminaException.class, () -> FontLibrary.withBundled().family("Cantarell"));
    }

    @Test
    void aLaterFontOfTheSameNameReplacesTheBundledOne(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("MyDejaVu.ttf");
        Files.copy(HarfBuzzAdvanceTest.DEJAVU, copy);
        FontLibrary lib = FontLibrary.withBundled().add(copy);
        Font mine = lib.family("DejaVu Sans");
        assertNotSame(Font.bundled(), mine);
        assertTrue(mine.toString().endsWith("(" + copy + ")"), mine.toString());
        assertSame(Font.bundledBold(), lib.family("DejaVu Sans Bold"));
    }

    @Test
    void aBadFileInADirectoryIsNamed(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.ttf");
        Files.writeString(bad, "nope");
        LaminaException e = assertThrows(LaminaException.class, () -> FontLibrary.empty().add(dir));
        assertEquals(bad + ": not a TrueType or OpenType font (4 bytes)", e.getMessage());
    }

    @Test
    void boldIsABoldFont() {
        Font bold = Font.bundledBold();
        assertEquals("DejaVu Sans", bold.family());
        assertEquals("Bold", bold.subfamily());
        assertEquals("DejaVu Sans Bold", bold.fullName());
        // Bold glyphs are wider: the same text takes more room.
        assertTrue(TextLayout.layout("Lamina", TextStyle.of(bold, 40)).width()
                > TextLayout.layout("Lamina", TextStyle.of(Font.bundled(), 40)).width());
    }
}
