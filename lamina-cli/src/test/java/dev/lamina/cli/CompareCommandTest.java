package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command's logic on in-memory images: exit codes, gates, output formats, the heat map. */
class CompareCommandTest {
    private final Map<String, Image> images = new HashMap<>();
    private BiFunction<Path, LoadOptions, Image> saved;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void wireLoader() {
        saved = CompareCommand.loader;
        CompareCommand.loader = (path, load) -> {
            Image img = images.get(path.getFileName().toString());
            if (img == null) {
                throw LaminaException.io(path + ": cannot be read (no such file)", null);
            }
            return img;
        };
        images.put("a.png", grey(64, 48, 0));
        images.put("same.png", grey(64, 48, 0));
        images.put("plus1.png", grey(64, 48, 1));       // PSNR 48.13 dB, SSIM ~1
        images.put("plus20.png", grey(64, 48, 20));     // PSNR 22.1 dB
        images.put("small.png", grey(32, 48, 0));
    }

    @AfterEach
    void restoreLoader() {
        CompareCommand.loader = saved;
    }

    /** A smooth grey ramp (values 30..200) plus {@code offset}. */
    private static Image grey(int w, int h, int offset) {
        Region r = Region.allocate(Rect.of(w, h), 1, BandFormat.U8);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                r.u8()[r.index(x, y)] = (byte) (30 + (x * 2 + y) % 170 + offset);
            }
        }
        return MemorySource.image(r, Interpretation.GREY, false, Metadata.NONE);
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new CompareCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void identicalImagesPassEveryGate() {
        assertEquals(0, run("a.png", "same.png", "--gate", "study", "--de-max", "0"), err.toString());
        assertTrue(out.toString().contains("inf"), out.toString());
        assertTrue(out.toString().contains("result: pass"), out.toString());
    }

    @Test
    void withoutGatesTheExitIsZeroEvenForDifferentImages() {
        assertEquals(0, run("a.png", "plus20.png"));
        assertTrue(out.toString().contains("no alpha"), out.toString());
        assertTrue(out.toString().contains("PSNR (dB)"));
    }

    @Test
    void theStudyGateFailsBelow32Decibels() {
        assertEquals(1, run("a.png", "plus20.png", "--gate", "study"));
        assertTrue(out.toString().contains("FAIL"), out.toString());
        assertEquals(0, run("a.png", "plus1.png", "--gate", "study"));
    }

    @Test
    void eachGateOptionDecides() {
        assertEquals(0, run("a.png", "plus1.png", "--psnr-min", "48"));
        assertEquals(1, run("a.png", "plus1.png", "--psnr-min", "48.2"));
        assertEquals(0, run("a.png", "plus1.png", "--ssim-min", "0.99"));
        assertEquals(1, run("a.png", "plus20.png", "--ssim-min", "0.9999"));
        assertEquals(1, run("a.png", "plus20.png", "--de-mean-max", "1"));
        assertEquals(0, run("a.png", "plus20.png", "--de-mean-max", "50"));
        assertEquals(1, run("a.png", "plus1.png", "--de-max", "0.01"));
        assertEquals(0, run("a.png", "plus1.png", "--de-max", "5"));
    }

    @Test
    void errorsExitWithTwoAndOneLine() {
        assertEquals(2, run("a.png", "small.png"));
        assertTrue(err.toString().contains("64x48") && err.toString().contains("32x48"), err.toString());
        assertEquals(1, err.toString().strip().lines().count());
        assertEquals(2, run("a.png", "missing.png"));
        assertTrue(err.toString().contains("missing.png"), err.toString());
        assertEquals(2, run("a.png", "same.png", "--gate", "nonsense"));
        assertEquals(2, run("a.png"));
    }

    @Test
    void jsonHasAStableKeyOrderAndNullForInfinity() {
        assertEquals(0, run("a.png", "same.png", "--json", "--gate", "study"));
        String j = out.toString().strip();
        assertTrue(j.startsWith("{\"a\":\"a.png\",\"b\":\"same.png\",\"width\":64,\"height\":48,\"bands\":[\"Y\"],"
                + "\"dataRange\":255,\"premultiplied\":false,\"identical\":true,\"psnr\":{\"all\":null,"), j);
        String[] order = {"\"ssim\"", "\"msSsim\"", "\"deltaE2000\"", "\"maxAbsError\"", "\"differingSamples\"",
                "\"samples\"", "\"differingShare\"", "\"gates\"", "\"pass\":true}"};
        int at = 0;
        for (String k : order) {
            int i = j.indexOf(k, at);
            assertTrue(i > at, k + " after position " + at + " in " + j);
            at = i;
        }
        assertTrue(j.contains("{\"option\":\"--psnr-min\",\"metric\":\"PSNR\",\"relation\":\">=\",\"threshold\":32,"
                + "\"value\":null,\"pass\":true}"), j);
        assertTrue(j.endsWith("}"));
    }

    @Test
    void jsonOfDifferentImagesHasNumbers() {
        assertEquals(1, run("a.png", "plus1.png", "--json", "--psnr-min", "60"));
        String j = out.toString();
        assertTrue(j.contains("\"psnr\":{\"all\":48.13080360867"), j);
        assertTrue(j.contains("\"differingShare\":1,"), j);
        assertTrue(j.contains("\"pass\":false}"), j);
    }

    @Test
    void writesAHeatMapWithALegend(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("diff.png");
        assertEquals(0, run("a.png", "plus20.png", "--diff", png.toString()));
        BufferedImage map = ImageIO.read(png.toFile());
        assertNotNull(map);
        assertEquals(200, map.getWidth());     // widened to fit the legend
        assertTrue(map.getHeight() > 48 + 40, "legend below the map: " + map.getHeight());
        assertEquals(2, run("a.png", "plus20.png", "--diff", dir.resolve("no/such/dir/diff.png").toString()));
    }
}
