package dev.lamina.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command as a user runs it: exit codes, one-line errors that name the file, no partial
 * output, and results that an independent decoder (ImageIO) reads back.
 */
class CliTest {
    @TempDir
    static Path dir;
    static Path base;
    static Path layer;

    record Run(int code, String out, String err) {
    }

    static Run lamina(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = LaminaCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void images() throws IOException {
        base = dir.resolve("base.png");
        layer = dir.resolve("layer.png");
        BufferedImage b = new BufferedImage(64, 48, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                b.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x + y) * 2));
            }
        }
        ImageIO.write(b, "png", base.toFile());
        BufferedImage l = new BufferedImage(16, 10, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 16; x++) {
                l.setRGB(x, y, (255 << 24) | 0xFF0000);   // opaque red
            }
        }
        ImageIO.write(l, "png", layer.toFile());
    }

    @Test
    void compositePlacesAnOpaqueLayerExactlyWhereAsked() throws IOException {
        Path out = dir.resolve("placed.png");
        Run r = lamina("composite", base.toString(), layer.toString(), "--x", "5", "--y", "7", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage got = ImageIO.read(out.toFile());
        BufferedImage in = ImageIO.read(base.toFile());
        assertEquals(64, got.getWidth());
        assertEquals(0xFF0000, got.getRGB(5, 7) & 0xFFFFFF);
        assertEquals(0xFF0000, got.getRGB(20, 16) & 0xFFFFFF);
        assertEquals(in.getRGB(4, 7) & 0xFFFFFF, got.getRGB(4, 7) & 0xFFFFFF, "left of the layer: the base");
        assertEquals(in.getRGB(21, 17) & 0xFFFFFF, got.getRGB(21, 17) & 0xFFFFFF, "below-right: the base");
    }

    @Test
    void perLayerOptionsApplyToTheLayerBeforeThem() throws IOException {
        Path out = dir.resolve("two.png");
        Run r = lamina("composite", base.toString(),
                layer.toString(), "--gravity", "north-west",
                layer.toString(), "--gravity=south-east", "--opacity", "0",
                "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage got = ImageIO.read(out.toFile());
        BufferedImage in = ImageIO.read(base.toFile());
        assertEquals(0xFF0000, got.getRGB(0, 0) & 0xFFFFFF, "first layer at the top left");
        assertEquals(in.getRGB(63, 47) & 0xFFFFFF, got.getRGB(63, 47) & 0xFFFFFF, "second layer invisible");
    }

    @Test
    void jpegOutputFlattensOntoWhite() throws IOException {
        Path out = dir.resolve("flat.jpg");
        Path clear = dir.resolve("clear.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB), "png", clear.toFile());
        Run r = lamina("convert", clear.toString(), out.toString(), "--quality", "95");
        assertEquals(0, r.code(), r.err());
        BufferedImage got = ImageIO.read(out.toFile());
        int rgb = got.getRGB(4, 4);
        assertTrue(((rgb >> 16) & 0xFF) > 250 && ((rgb >> 8) & 0xFF) > 250 && (rgb & 0xFF) > 250,
                "transparent pixels become white, not black: " + Integer.toHexString(rgb));
    }

    /** The launcher's training run for its ahead-of-time cache: goes through every main path, writes nothing. */
    @Test
    void aotTrainingRunsOnTheBundledSamplesAndIsHidden() throws IOException {
        Path samples = Path.of("..", "samples");
        try (Stream<Path> before = Files.list(samples)) {
            long files = before.count();
            Run r = lamina("aot-training", samples.toString());
            assertEquals(0, r.code(), r.err());
            try (Stream<Path> after = Files.list(samples)) {
                assertEquals(files, after.count(), "nothing written");
            }
        }
        assertFalse(lamina("--help").out().contains("aot-training"), "not in the help");
    }

    @Test
    void infoPrintsSizeBandsAndFormat() {
        Run r = lamina("info", layer.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("16 x 10"), r.out());
        assertTrue(r.out().contains("4 (rgb + alpha)"), r.out());
        assertTrue(r.out().contains("u8"), r.out());
    }

    @Test
    void missingInputIsOneLineNamingTheFile() {
        Path out = dir.resolve("never.png");
        Run r = lamina("composite", dir.resolve("nope.png").toString(), layer.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertOneLineNaming(r.err(), "nope.png");
        assertFalse(Files.exists(out));
    }

    @Test
    void notAnImageIsRefused() throws IOException {
        Path text = dir.resolve("notes.png");
        Files.writeString(text, "these are not pixels");
        Run r = lamina("info", text.toString());
        assertEquals(1, r.code());
        assertOneLineNaming(r.err(), "notes.png");
    }

    @Test
    void truncatedInputLeavesNoPartialOutput() throws IOException {
        byte[] png = Files.readAllBytes(base);
        Path cut = dir.resolve("cut.png");
        Files.write(cut, Arrays.copyOf(png, png.length * 2 / 3));
        Path out = dir.resolve("from-cut.png");
        Run r = lamina("convert", cut.toString(), out.toString());
        assertEquals(1, r.code());
        assertOneLineNaming(r.err(), "cut.png");
        assertFalse(Files.exists(out), "no partial output");
        try (Stream<Path> s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary file left");
        }
    }

    @Test
    void failedRunKeepsAnExistingOutputIntact() throws IOException {
        Path out = dir.resolve("keep.png");
        Files.copy(base, out);
        byte[] before = Files.readAllBytes(out);
        byte[] png = Files.readAllBytes(layer);
        Path cut = dir.resolve("cut2.png");
        Files.write(cut, Arrays.copyOf(png, png.length - 20));
        Run r = lamina("composite", base.toString(), cut.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertTrue(Arrays.equals(before, Files.readAllBytes(out)), "the old file is untouched");
    }

    @Test
    void unwritableFolderIsReported() throws IOException {
        Path locked = dir.resolve("locked");
        Files.createDirectory(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path out = locked.resolve("out.png");
        Run r = lamina("convert", base.toString(), out.toString());
        if (System.getProperty("user.name").equals("root")) {
            // root writes anyway; then the run must simply succeed
            assertEquals(0, r.code(), r.err());
        } else {
            assertEquals(1, r.code());
            assertOneLineNaming(r.err(), "out.png");
        }
        Run missing = lamina("convert", base.toString(), dir.resolve("no/such/folder/out.png").toString());
        assertEquals(1, missing.code());
        assertOneLineNaming(missing.err(), "out.png");
    }

    @Test
    void pixelLimitRefusesFromTheHeader() {
        Run r = lamina("convert", base.toString(), dir.resolve("big.png").toString(), "--limit-pixels", "100");
        assertEquals(1, r.code());
        assertOneLineNaming(r.err(), "base.png");
        assertTrue(r.err().contains("limit"), r.err());
    }

    @Test
    void unknownOutputFormatAndBadOptionsAreClear() {
        Run r = lamina("convert", base.toString(), dir.resolve("x.gif").toString());
        assertEquals(1, r.code());
        assertOneLineNaming(r.err(), "x.gif");
        Run mode = lamina("composite", base.toString(), layer.toString(), "--mode", "sparkle", "-o",
                dir.resolve("m.png").toString());
        assertEquals(1, mode.code());
        assertTrue(mode.err().contains("sparkle"), mode.err());
        Run opacity = lamina("composite", base.toString(), layer.toString(), "--opacity", "2", "-o",
                dir.resolve("o.png").toString());
        assertEquals(1, opacity.code());
        Run usage = lamina("composite", base.toString());
        assertEquals(2, usage.code());
    }

    static void assertOneLineNaming(String err, String name) {
        List<String> lines = err.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), "one line: " + err);
        assertTrue(lines.get(0).startsWith("lamina: "), err);
        assertTrue(lines.get(0).contains(name), "names " + name + ": " + err);
        assertFalse(err.contains("\tat "), "no stack trace");
    }

    @Test
    void helpListsTheCommands() {
        Run r = lamina("--help");
        assertEquals(0, r.code());
        assertNotNull(r.out());
        assertTrue(r.out().contains("composite") && r.out().contains("convert") && r.out().contains("info"));
    }
}
