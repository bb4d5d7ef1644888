package dev.lamina.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every wrong command line exits 2 before anything is read or written, with a message that says
 * what was wrong and what is valid, and one line pointing at the command's help.
 */
class UsageErrorsTest {
    @TempDir
    static Path dir;
    static Path image;
    static Path out;

    @BeforeAll
    static void files() throws IOException {
        image = dir.resolve("in.png");
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
        out = dir.resolve("out");
    }

    /**
     * In the command line, {@code IN} and {@code OUT} stand for an input image and an output in an
     * empty folder; the message must contain each of the '|'-separated fragments.
     */
    @ParameterizedTest(name = "lamina {0}")
    @CsvSource(delimiter = ';', value = {
            "composite IN IN --opacity 2 -o OUT.png; '--opacity'|2 is not from 0 to 1",
            "composite IN IN --opacity half -o OUT.png; 'half' is not a number",
            "composite IN IN --mode burn -o OUT.png; 'burn' is not a blend mode|over|multiply|colour-burn|exclusion",
            "composite IN IN --gravity up -o OUT.png; 'up' is not a gravity|north-west|south-east",
            "composite IN IN --x left -o OUT.png; '--x'|'left' is not a whole number",
            "composite IN --mode over IN -o OUT.png; --mode comes before any layer",
            "composite IN IN --sparkle 3 -o OUT.png; '--sparkle'|--mode, --gravity, --x, --y, --tile, --opacity",
            "composite IN IN --mode -o OUT.png; Missing required parameter for layer option '--mode'",
            "composite IN -o OUT.png; BASE LAYER",
            "convert IN -o OUT.jpg --quality 0; '--quality'|0 is not from 1 to 100",
            "convert IN -o OUT.jpg --quality 101; 101 is not from 1 to 100",
            "convert IN -o OUT.png --compression 10; '--compression'|10 is not from 0 to 9",
            "convert IN -o OUT.jpg --background zzz; '--background'|'zzz' is not a colour|RRGGBB",
            "convert IN -o OUT.png --filter best; 'best' is not a PNG filter|none, sub, up, average, paeth, adaptive",
            "convert IN -o OUT.png --bit-depth 12; '12' is not a bit depth (8, 16)",
            "convert IN -o OUT.jpg --subsampling 411; '411' is not a subsampling (444, 420)",
            "convert IN -o OUT.png --metadata strip; 'strip' is not a metadata mode (all, icc-only, none)",
            "convert IN -o OUT.png --limit-pixels 0; '--limit-pixels'|0 is not at least 1",
            "convert IN -o OUT.gif; out.gif: unknown output format|.png, .jpg, .jpeg, .tif, .tiff or .webp",
            "convert IN OUT.png; Missing required option: '--output=OUT'",
            "convert IN OUT.png -o OUT.jpg; Unmatched argument|out.png|outputs are written with -o OUT",
            "convert canvas:10x0 -o OUT.png; Invalid canvas 'canvas:10x0'|0 is not at least 1",
            "convert canvas:ten -o OUT.png; not of the form canvas:WIDTHxHEIGHT[:RRGGBB[AA]]",
            "resize IN -o OUT.png --width 0; '--width'|0 is not at least 1",
            "resize IN -o OUT.png --height -3; '--height'|-3 is not at least 1",
            "resize IN -o OUT.png --scale 0; '--scale'|0 is not a number greater than 0",
            "resize IN -o OUT.png; give --scale, or --width and/or --height",
            "resize IN -o OUT.png --scale 2 --width 3; give --scale, or --width and/or --height",
            "resize IN -o OUT.png --width 5 --kernel bicubicish; 'bicubicish' is not a kernel|lanczos3",
            "resize IN -o OUT.png --width 5 --height 5 --fit squash; 'squash' is not a fit|inside, cover, contain, fill, outside",
            "resize IN -o OUT.png --width 5 --height 5 --fit contain --gravity entropy; needs --fit cover",
            "resize IN -o OUT.png --width 5 --gravity middle; 'middle' is not a gravity or a crop strategy|entropy, attention",
            "thumbnail IN -s 0 -o OUT.jpg; '--size'|'0'",
            "thumbnail IN -s 64x -o OUT.jpg; '--size'|'64x'",
            "thumbnail IN IN2 -s 64 -o OUT.jpg; must contain %s",
            "thumbnail IN -s 64 -o OUT.bmp; unknown output format",
            "thumbnail IN -s 64 --fast-shrink-on-load --no-shrink-on-load -o OUT.jpg; --fast-shrink-on-load and --no-shrink-on-load contradict",
            "compare IN IN --diff-max -1; '--diff-max'|-1 is not a number greater than 0",
    })
    void wrongCommandLinesExitTwoAndSayWhatIsValid(String args, String fragments) throws IOException {
        Path folder = Files.createTempDirectory(dir, "case");
        Path in2 = dir.resolve("in2.png");
        Files.copy(image, in2, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> argv = new ArrayList<>();
        for (String a : args.split(" ")) {
            argv.add(a.replace("IN2", in2.toString()).replace("IN", image.toString())
                    .replace("OUT", folder.resolve("out").toString()));
        }
        CliTest.Run r = lamina(argv.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        String[] lines = r.err().strip().split("\n");
        assertEquals(2, lines.length, "the problem, then where the usage is: " + r.err());
        assertTrue(lines[0].startsWith("lamina: "), r.err());
        for (String f : fragments.split("\\|")) {
            assertTrue(lines[0].contains(f), "says " + f + ": " + lines[0]);
        }
        assertEquals("(lamina " + argv.get(0) + " --help shows the usage)", lines[1]);
        try (Stream<Path> written = Files.list(folder)) {
            assertEquals(List.of(), written.toList(), "nothing written");
        }
    }

    @Test
    void theUsageHintNamesTheCommandOnce() {
        CliTest.Run top = lamina("--bogus");
        assertEquals(2, top.code());
        assertTrue(top.err().contains("(lamina --help shows the usage)"), top.err());
        assertFalse(top.err().contains("lamina lamina"), top.err());
        CliTest.Run none = lamina();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("a command is required"), none.err());
    }

    /** A job that fails (as opposed to a wrong command line) is still 1: a missing input, say. */
    @Test
    void aFailedJobIsOneNotTwo() {
        CliTest.Run r = lamina("convert", dir.resolve("absent.png").toString(), "-o", dir.resolve("x.png").toString());
        assertEquals(1, r.code(), r.err());
        CliTest.assertOneLineNaming(r.err(), "absent.png");
    }

    /** Every value the help lists for the options above is accepted. */
    @Test
    void everyListedValueIsAccepted() throws IOException {
        List<String[]> ok = new ArrayList<>();
        for (String mode : List.of("all", "icc-only", "none")) {
            ok.add(new String[] {"convert", image.toString(), "-o", dir.resolve("m.png").toString(), "--metadata", mode});
        }
        for (String filter : List.of("none", "sub", "up", "average", "paeth", "adaptive")) {
            ok.add(new String[] {"convert", image.toString(), "-o", dir.resolve("f.png").toString(), "--filter", filter});
        }
        for (String kernel : List.of("nearest", "linear", "cubic", "mitchell", "lanczos2", "lanczos3")) {
            ok.add(new String[] {"resize", image.toString(), "-o", dir.resolve("k.png").toString(), "--width", "7",
                    "--kernel", kernel});
        }
        for (String fit : List.of("inside", "cover", "contain", "fill", "outside")) {
            ok.add(new String[] {"resize", image.toString(), "-o", dir.resolve("fit.png").toString(), "--width", "7",
                    "--height", "7", "--fit", fit});
        }
        for (String g : List.of("entropy", "attention", "north-east", "centre", "center", "south")) {
            ok.add(new String[] {"thumbnail", image.toString(), "-o", dir.resolve("g.png").toString(), "-s", "7",
                    "--fit", "cover", "--gravity", g});
        }
        ok.add(new String[] {"convert", image.toString(), "-o", dir.resolve("q.jpg").toString(), "--quality", "1",
                "--subsampling", "4:4:4", "--background", "#00ff0080", "--progressive"});
        ok.add(new String[] {"convert", image.toString(), "-o", dir.resolve("c.png").toString(), "--compression", "0",
                "--bit-depth", "16"});
        for (String[] a : ok) {
            CliTest.Run r = lamina(a);
            assertEquals(0, r.code(), Arrays.toString(a) + ": " + r.err());
            assertEquals("", r.err(), Arrays.toString(a));
        }
    }
}
