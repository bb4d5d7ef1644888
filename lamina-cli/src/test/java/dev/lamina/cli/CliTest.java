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
        Run r = lamina("convert", clear.toString(), "-o", out.toString(), "--quality", "95");
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
        Run r = lamina("convert", cut.toString(), "-o", out.toString());
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
        Run r = lamina("convert", base.toString(), "-o", out.toString());
        if (System.getProperty("user.name").equals("root")) {
            // root writes anyway; then the run must simply succeed
            assertEquals(0, r.code(), r.err());
        } else {
            assertEquals(1, r.code());
            assertOneLineNaming(r.err(), "out.png");
        }
        Run missing = lamina("convert", base.toString(), "-o", dir.resolve("no/such/folder/out.png").toString());
        assertEquals(1, missing.code());
        assertOneLineNaming(missing.err(), "out.png");
    }

    @Test
    void pixelLimitRefusesFromTheHeader() {
        Run r = lamina("convert", base.toString(), "-o", dir.resolve("big.png").toString(), "--limit-pixels", "100");
        assertEquals(1, r.code());
        assertOneLineNaming(r.err(), "base.png");
        assertTrue(r.err().contains("limit"), r.err());
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

    /** Every file is reported, the bad ones on standard error; the exit says whether any failed. */
    @Test
    void infoReportsEveryFileAndFailsIfAnyFailed() throws IOException {
        Path text = Files.writeString(dir.resolve("words.png"), "not pixels");
        Run r = lamina("info", base.toString(), dir.resolve("absent.png").toString(), text.toString(), layer.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(base.toString()) && r.out().contains("64 x 48"), r.out());
        assertTrue(r.out().contains(layer.toString()) && r.out().contains("16 x 10"), "the file after two bad ones: " + r.out());
        List<String> errors = r.err().lines().toList();
        assertEquals(2, errors.size(), r.err());
        assertTrue(errors.get(0).startsWith("lamina: ") && errors.get(0).contains("absent.png"), r.err());
        assertTrue(errors.get(1).contains("words.png"), r.err());
        assertEquals(0, lamina("info", base.toString(), layer.toString()).code());
    }

    @Test
    void aBlankCanvasIsABaseOrALayerOrAnInput() throws IOException {
        Path out = dir.resolve("collage.png");
        Run r = lamina("composite", "canvas:100x80:336699", layer.toString(), "--x", "10", "--y", "5",
                "canvas:20x20:ffffff80", "--gravity", "south-east", "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage got = ImageIO.read(out.toFile());
        assertEquals(100, got.getWidth());
        assertEquals(80, got.getHeight());
        assertEquals(0x336699, got.getRGB(0, 0) & 0xFFFFFF, "the canvas");
        assertEquals(0xFF0000, got.getRGB(10, 5) & 0xFFFFFF, "the layer where asked");
        // white at alpha 128/255 over 0x336699: 0x33 + (255 - 0x33) * 128 / 255 = 153.4 -> 153
        int mixed = got.getRGB(95, 75);
        assertEquals(153, (mixed >> 16) & 0xFF, 1, Integer.toHexString(mixed));
        assertEquals(255, mixed >>> 24, "opaque where the base is");

        Path clear = dir.resolve("clear.png"), red = dir.resolve("red.jpg");
        assertEquals(0, lamina("convert", "canvas:8x4", "-o", clear.toString()).code());
        assertEquals(0, ImageIO.read(clear.toFile()).getRGB(3, 2) >>> 24, "no colour: transparent");
        assertEquals(0, lamina("convert", "canvas:8x4:FF0000", "-o", red.toString()).code());
        int rgb = ImageIO.read(red.toFile()).getRGB(3, 2);
        assertTrue((rgb >> 16 & 0xFF) > 240 && (rgb >> 8 & 0xFF) < 15, Integer.toHexString(rgb));
        Run big = lamina("convert", "canvas:100x100", "-o", dir.resolve("big.png").toString(), "--limit-pixels", "9999");
        assertEquals(1, big.code());
        assertTrue(big.err().contains("canvas:100x100") && big.err().contains("--limit-pixels"), big.err());
    }

    /**
     * A run that names a command registers that command alone (a cold start builds one model,
     * not nineteen): its usage and its errors must be what the full command line gives.
     */
    @Test
    void aCommandRegisteredAloneBehavesAsAmongAll() {
        Run all = lamina("--help");
        for (Class<?> command : LaminaCommand.COMMANDS) {
            String name = command.getAnnotation(picocli.CommandLine.Command.class).name();
            boolean hidden = command.getAnnotation(picocli.CommandLine.Command.class).hidden();
            assertEquals(!hidden, all.out().contains("\n  " + name + " "), name + " in lamina --help");
            if (name.equals("help")) {
                continue;
            }
            picocli.CommandLine alone = LaminaCommand.commandLine(new String[]{name});
            assertEquals(List.of(name), List.copyOf(alone.getSubcommands().keySet()));
            assertEquals(LaminaCommand.commandLine(new String[0]).getSubcommands().get(name).getUsageMessage(),
                    alone.getSubcommands().get(name).getUsageMessage(), name + " --help");
        }
        Run wrong = lamina("resize", base.toString(), "--no-such-option", "-o", dir.resolve("x.png").toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("'--no-such-option'"), wrong.err());
        assertTrue(wrong.err().contains("(lamina resize --help shows the usage)"), wrong.err());
        assertEquals(2, lamina().code());
        assertTrue(lamina("help", "thumbnail").out().contains("Usage: lamina thumbnail"));
    }
}
