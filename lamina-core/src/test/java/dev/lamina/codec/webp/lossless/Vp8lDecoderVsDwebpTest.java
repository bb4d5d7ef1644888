package dev.lamina.codec.webp.lossless;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Files made by libwebp's {@code cwebp} (every lossless effort, exact and not, near-lossless, from
 * PngSuite and generated content) decode to exactly the samples {@code dwebp} gives.
 */
class Vp8lDecoderVsDwebpTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        if (!WebpTools.available()) {
            System.err.println("NOTE: " + WebpTools.MISSING);
        }
    }

    static Stream<Path> inputs() throws IOException {
        List<Path> out = new ArrayList<>();
        Path suite = resource("pngsuite");
        try (Stream<Path> files = Files.list(suite)) {
            // one of each kind of PNG (grey, palette, RGB, alpha, 16-bit) at 32x32, plus odd sizes
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("basn.*\\.png|s0[1-9]n.*\\.png|tbbn.*\\.png|tp1n3p08\\.png"))
                    .sorted().forEach(n -> out.add(suite.resolve(n)));
        }
        out.add(resource("jpeg/coffee-crop.png"));
        return out.stream();
    }

    static Stream<TestImages.Argb> generated() {
        return Stream.of(
                TestImages.noise(67, 45, 1, true), TestImages.noise(1, 1, 2, false), TestImages.noise(1, 37, 3, true),
                TestImages.noise(53, 1, 4, true), TestImages.gradient(130, 70, 5), TestImages.palette(90, 61, 2, 6),
                TestImages.palette(90, 61, 3, 7), TestImages.palette(91, 33, 11, 8), TestImages.palette(77, 40, 200, 9),
                TestImages.pattern(150, 90, 10), TestImages.flat(40, 30, 0x80336699), TestImages.gradient(3, 200, 11));
    }

    static final String[][] OPTIONS = {
        {"-lossless", "-z", "0"}, {"-lossless", "-z", "3"}, {"-lossless", "-z", "6"}, {"-lossless", "-z", "9"},
        {"-lossless", "-z", "9", "-exact"}, {"-lossless", "-m", "1", "-q", "20"}, {"-lossless", "-m", "4", "-q", "100", "-exact"},
        {"-near_lossless", "40"}, {"-lossless", "-z", "5", "-alpha_filter", "none"}};

    @ParameterizedTest
    @MethodSource("inputs")
    void pngInputsDecodeAsDwebpDoes(Path png) throws IOException {
        Assumptions.assumeTrue(WebpTools.available(), WebpTools.MISSING);
        compareAll(png, png.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("generated")
    void generatedInputsDecodeAsDwebpDoes(TestImages.Argb image) throws IOException {
        Assumptions.assumeTrue(WebpTools.available(), WebpTools.MISSING);
        Path pam = dir.resolve(image.name() + ".pam");
        new dev.lamina.codec.webp.WebpTestTools.Pam(image.width(), image.height(), image.pixels()).write(pam);
        compareAll(pam, image.name());
    }

    private static void compareAll(Path input, String label) throws IOException {
        for (String[] options : OPTIONS) {
            String tag = label + " " + String.join(" ", options);
            Path webp = dir.resolve("t.webp");
            byte[] file = WebpTools.cwebp(input, webp, options);
            int[] expected = WebpTools.dwebp(webp, dir.resolve("t.pam"));
            assertArrayEquals(expected, WebpTools.decode(file, tag), tag);
        }
    }

    private static Path resource(String path) {
        try {
            return Path.of(Vp8lDecoderVsDwebpTest.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
