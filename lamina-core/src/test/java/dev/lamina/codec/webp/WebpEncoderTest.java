package dev.lamina.codec.webp;

import dev.lamina.model.Metadata;
import dev.lamina.model.WebpOptions;
import dev.lamina.codec.Encoders;
import dev.lamina.codec.webp.lossless.ImageArgb;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.testing.ExifBlocks;
import dev.lamina.testing.TestImages;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files written by the WebP encoder, judged by libwebp's own tools: {@code webpinfo} finds no
 * error in the container, {@code dwebp} decodes every file, lossy output keeps a PSNR floor per
 * quality (computed here from dwebp's pixels, not from the encoder's own estimate) and stays
 * within reach of {@code cwebp} at the same quality, alpha is exact, and ICC, EXIF and XMP come
 * out of {@code webpmux} as they went in.
 */
class WebpEncoderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void tools() {
        Assumptions.assumeTrue(WebpCli.available(), WebpCli.MISSING);
    }

    private Path write(Image image, WebpOptions options, String name) throws IOException {
        Path file = dir.resolve(name);
        Encoders.save(image, file, options);
        String info = WebpCli.run("webpinfo", file.toString());
        assertTrue(info.contains("No error detected"), name + ": webpinfo says\n" + info);
        return file;
    }

    /** Sizes that exercise partial macroblocks, one-pixel frames and a width of one macroblock plus one. */
    @ParameterizedTest
    @CsvSource({"1,1", "2,3", "17,9", "16,16", "33,47", "250,130"})
    void everySizeDecodesWithDwebp(int w, int h) throws IOException {
        Image src = TestImages.photoLike(w, h, Interpretation.RGB, false, BandFormat.U8, w * 31L + h);
        for (int effort : new int[] {0, 2, 4, 6}) {
            Path f = write(src, WebpOptions.webp().effort(effort), "size.webp");
            int[] out = WebpCli.dwebp(f);
            assertEquals(w * h, out.length);
            if (w * h >= 1500) {   // tiny frames of this content are noise at pixel scale: cwebp gets 19 dB at 16x16 too
                double psnr = WebpCli.psnr(ImageArgb.of(src), out);
                assertTrue(psnr > 27, w + "x" + h + " effort " + effort + ": PSNR " + psnr);
            }
        }
    }

    /**
     * The floor per quality on a photo-like image, and the comparison with cwebp at the same
     * quality (both decoded by dwebp): PSNR no more than 0.5 dB below, size no more than 10% above.
     */
    @ParameterizedTest
    @CsvSource({"10,26", "50,33", "75,35", "90,36.5", "100,38.5"})
    void qualityKeepsItsFloorAndTracksCwebp(int quality, double floor) throws IOException {
        Image src = TestImages.photoLike(320, 240, Interpretation.RGB, false, BandFormat.U8, 3);
        int[] pixels = ImageArgb.of(src);
        Path ours = write(src, WebpOptions.webp().quality(quality), "q.webp");
        double psnr = WebpCli.psnr(pixels, WebpCli.dwebp(ours));
        assertTrue(psnr > floor, "q" + quality + ": PSNR " + psnr + " under " + floor);

        Path png = dir.resolve("src.png");
        Encoders.save(src, png, dev.lamina.model.PngOptions.png());
        Path theirs = dir.resolve("cwebp.webp");
        WebpCli.run("cwebp", "-quiet", "-q", Integer.toString(quality), png.toString(), "-o", theirs.toString());
        double theirPsnr = WebpCli.psnr(pixels, WebpCli.dwebp(theirs));
        long ourSize = Files.size(ours);
        long theirSize = Files.size(theirs);
        assertTrue(psnr > theirPsnr - 0.5, "q" + quality + ": PSNR " + psnr + " against cwebp's " + theirPsnr);
        assertTrue(ourSize <= theirSize * 1.10, "q" + quality + ": " + ourSize + " bytes against cwebp's " + theirSize);
    }

    @Test
    void lossyAlphaIsExactAndColourStaysClose() throws IOException {
        Image src = TestImages.photoLike(97, 61, Interpretation.RGB, true, BandFormat.U8, 9);
        int[] pixels = ImageArgb.of(src);
        for (int effort : new int[] {1, 4, 6}) {
            Path f = write(src, WebpOptions.webp().effort(effort), "alpha.webp");
            assertTrue(WebpCli.run("webpinfo", f.toString()).contains("ALPH"), "an ALPH chunk");
            int[] out = WebpCli.dwebp(f);
            for (int i = 0; i < pixels.length; i++) {
                assertEquals(pixels[i] >>> 24, out[i] >>> 24, "alpha of pixel " + i + " at effort " + effort);
            }
        }
    }

    @Test
    void losslessIsExactWithAlpha() throws IOException {
        Image src = TestImages.photoLike(71, 45, Interpretation.RGB, true, BandFormat.U8, 10);
        int[] pixels = ImageArgb.of(src);
        for (int effort : new int[] {0, 4, 6}) {
            int[] out = WebpCli.dwebp(write(src, WebpOptions.webp().lossless(true).effort(effort), "ll.webp"));
            for (int i = 0; i < pixels.length; i++) {
                int expected = pixels[i] >>> 24 == 0 ? 0 : pixels[i];   // invisible colour is free
                int got = out[i] >>> 24 == 0 ? 0 : out[i];
                assertEquals(expected, got, "pixel " + i + " at effort " + effort);
            }
        }
    }

    @Test
    void sixteenBitAndGreyInputsAreRoundedTo8Bits() throws IOException {
        Image grey16 = TestImages.photoLike(40, 30, Interpretation.GREY, false, BandFormat.U16, 4);
        int[] out = WebpCli.dwebp(write(grey16, WebpOptions.webp().lossless(true), "g16.webp"));
        short[] samples = grey16.fetch(grey16.bounds()).u16();
        int[] expected = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            int v = (int) Math.round((samples[i] & 0xffff) * 255.0 / 65535.0);
            expected[i] = 0xff000000 | v * 0x010101;
        }
        assertArrayEquals(expected, out);
    }

    @Test
    void iccExifAndXmpSurviveInBothModes() throws IOException {
        byte[] icc = new byte[601];
        for (int i = 0; i < icc.length; i++) {
            icc[i] = (byte) (i * 7);
        }
        byte[] exif = ExifBlocks.camera(true, 1);
        byte[] xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF/></x:xmpmeta>".getBytes(StandardCharsets.UTF_8);
        Image plain = TestImages.photoLike(64, 48, Interpretation.RGB, false, BandFormat.U8, 5);
        Image tagged = plain.withMetadata(Metadata.NONE.withIcc(icc, "test").withExif(exif).withXmp(xmp));
        for (boolean lossless : new boolean[] {false, true}) {
            Path f = dir.resolve(lossless ? "meta-ll.webp" : "meta.webp");
            Encoders.save(tagged, f, WebpOptions.webp().lossless(lossless));
            assertTrue(WebpCli.run("webpinfo", f.toString()).contains("No error detected"));
            assertArrayEquals(icc, extract(f, "icc"), "ICC");
            assertArrayEquals(exif, extract(f, "exif"), "EXIF");
            assertArrayEquals(xmp, extract(f, "xmp"), "XMP");
        }
        // stripped: a simple file, no VP8X
        Path bare = dir.resolve("bare.webp");
        Encoders.save(tagged.withMetadata(tagged.metadata.keep(Metadata.Keep.NONE)), bare, WebpOptions.webp());
        String info = WebpCli.run("webpinfo", bare.toString());
        assertTrue(!info.contains("VP8X") && info.contains("No error detected"), info);
    }

    private byte[] extract(Path file, String what) throws IOException {
        Path out = dir.resolve(what + ".bin");
        WebpCli.run("webpmux", "-get", what, file.toString(), "-o", out.toString());
        return Files.readAllBytes(out);
    }

    @Test
    void streamAndFileAreTheSameBytes() throws IOException {
        Image src = TestImages.photoLike(90, 70, Interpretation.RGB, true, BandFormat.U8, 6);
        Path f = write(src, WebpOptions.webp(), "same.webp");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Encoders.write(src, b, WebpOptions.webp());
        assertArrayEquals(Files.readAllBytes(f), b.toByteArray());
    }
}
