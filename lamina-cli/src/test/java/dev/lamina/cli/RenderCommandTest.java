package dev.lamina.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code lamina render} as a user runs it: assets beside the recipe or named, errors with the recipe and the JSON path. */
class RenderCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private Path dot() throws IOException {
        BufferedImage b = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        b.setRGB(1, 2, 0xff0000);
        Path p = dir.resolve("dot.png");
        ImageIO.write(b, "png", p.toFile());
        return p;
    }

    private static final String RECIPE = """
            {"version": 1, "canvas": {"width": 8, "height": 6, "background": "#0000ff"},
             "layers": [{"type": "image", "asset": "%s", "x": 2, "y": 1}]}""";

    @Test
    void assetBesideTheRecipeByNameWithoutExtension() throws IOException {
        dot();
        Path recipe = write("r.json", RECIPE.formatted("dot"));
        Path out = dir.resolve("out.png");
        CliTest.Run r = lamina("render", recipe.toString(), "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage b = ImageIO.read(out.toFile());
        assertEquals(8, b.getWidth());
        assertEquals(6, b.getHeight());
        assertEquals(0xff0000, b.getRGB(3, 3) & 0xffffff, "the dot, moved by (2, 1)");
        assertEquals(0x000000, b.getRGB(2, 1) & 0xffffff, "the image's black");
        assertEquals(0x0000ff, b.getRGB(0, 0) & 0xffffff, "the canvas");
    }

    @Test
    void assetNamedOnTheCommandLine() throws IOException {
        Path img = dot();
        Path recipe = write("r.json", RECIPE.formatted("logo"));
        Path out = dir.resolve("out.png");
        CliTest.Run r = lamina("render", recipe.toString(), "--asset", "logo=" + img, "-o", out.toString(), "--bit-depth", "16");
        assertEquals(0, r.code(), r.err());
        assertEquals(0xff0000, ImageIO.read(out.toFile()).getRGB(3, 3) & 0xffffff);
    }

    @Test
    void missingAssetIsAFailedJobNamingTheRecipeAndThePath() throws IOException {
        Path recipe = write("r.json", RECIPE.formatted("logo2"));
        Path out = dir.resolve("out.png");
        CliTest.Run r = lamina("render", recipe.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertEquals("lamina: " + recipe + ": layers[0].asset: no such asset \"logo2\" (no --asset logo2=FILE, and none of"
                + " logo2, logo2.png, logo2.jpg, logo2.jpeg, logo2.webp, logo2.tif, logo2.tiff beside the recipe)", r.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void badJsonAndSchemaErrorsAreFailedJobsWithoutTraces() throws IOException {
        Path bad = write("bad.json", "{\"version\": 1,");
        CliTest.Run r = lamina("render", bad.toString(), "-o", dir.resolve("o.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("lamina: " + bad + ": not valid JSON (line "), r.err());
        Path wrong = write("wrong.json", "{\"version\": 1, \"canvas\": {\"width\": 0, \"height\": 5}, \"layers\": []}");
        r = lamina("render", wrong.toString(), "-o", dir.resolve("o.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("lamina: " + wrong + ": canvas.width: must have a minimum value of 1"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void badCommandLinesExitTwo() throws IOException {
        Path recipe = write("r.json", RECIPE.formatted("dot"));
        assertEquals(2, lamina("render", recipe.toString(), "--asset", "nameonly", "-o", dir.resolve("o.png").toString()).code());
        assertEquals(2, lamina("render", recipe.toString()).code(), "no -o");
        assertEquals(2, lamina("render", recipe.toString(), "--limit-sigma", "900", "-o", dir.resolve("o.png").toString()).code());
        CliTest.Run r = lamina("render", dir.resolve("none.json").toString(), "-o", dir.resolve("o.png").toString());
        assertEquals(1, r.code());
        assertEquals("lamina: " + dir.resolve("none.json") + ": no such file", r.err().strip());
    }

    @Test
    void fontDirectoryAddsFamilies() throws IOException {
        Path fonts = Files.createDirectories(dir.resolve("fonts"));
        try (var in = dev.lamina.text.Font.class.getResourceAsStream("fonts/DejaVuSans-Bold.ttf")) {
            Files.copy(in, fonts.resolve("Bold.ttf"));
        }
        Path recipe = write("t.json", """
                {"version": 1, "canvas": {"width": 60, "height": 30, "background": "#ffffff"},
                 "layers": [{"type": "text", "text": "Hi", "font": "Nope", "size": 20}]}""");
        CliTest.Run r = lamina("render", recipe.toString(), "--font-dir", fonts.toString(), "-o", dir.resolve("o.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("layers[0].font: no such font family \"Nope\""), r.err());
        Files.writeString(recipe, Files.readString(recipe).replace("Nope", "DejaVu Sans Bold"));
        r = lamina("render", recipe.toString(), "--font-dir", fonts.toString(), "-o", dir.resolve("o.png").toString());
        assertEquals(0, r.code(), r.err());
    }
}
