package dev.lamina.thumbnail;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.model.ThumbnailOptions.Fit;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thumbnails: the sizes libvips' rules give (worked out by hand below), shrink-on-load close to
 * the full decode, and clear errors. Their pixels are held to the float64 reference in
 * lamina-reference's ThumbnailReferenceTest (shrink-on-load, fits, orientation).
 */
class ThumbnailTest {
    @TempDir
    static Path dir;

    @ParameterizedTest(name = "{0}x{1} in {2}x{3} {4} enlarge={5} -> {6}x{7} crop {8}x{9}")
    @CsvSource({
            // Inside: the binding side gets the box exactly; the other is rounded (3000 * 256 / 4000 = 192).
            "4000, 3000, 256, 256, INSIDE, true, 256, 192, 256, 192",
            "3000, 4000, 256, 256, INSIDE, true, 192, 256, 192, 256",
            // 1000 * 300 / 1600 = 187.5 rounds half up to 188.
            "1600, 1000, 300, 300, INSIDE, true, 300, 188, 300, 188",
            // Cover: the other side overflows (4000 * 256 / 3000 = 341.33) and is cropped to the box.
            "4000, 3000, 256, 256, COVER, true, 341, 256, 256, 256",
            "3000, 4000, 200, 100, COVER, true, 200, 267, 200, 100",
            // Small sources: enlarged by default, kept without enlarge (cover then crops to the box at most).
            "100, 50, 256, 256, INSIDE, true, 256, 128, 256, 128",
            "100, 50, 256, 256, INSIDE, false, 100, 50, 100, 50",
            "100, 50, 256, 256, COVER, false, 100, 50, 100, 50",
            "400, 50, 256, 256, COVER, false, 400, 50, 256, 50",
            // A sliver never vanishes: at least one pixel.
            "1, 5000, 256, 256, INSIDE, true, 1, 256, 1, 256",
    })
    void sizes(int w, int h, int bw, int bh, Fit fit, boolean enlarge, int rw, int rh, int cw, int ch) {
        ThumbnailOptions o = ThumbnailOptions.box(bw, bh).fit(fit).enlarge(enlarge);
        Thumbnail.Size s = Thumbnail.Size.of(w, h, o);
        assertEquals(rw, s.resizedWidth());
        assertEquals(rh, s.resizedHeight());
        assertEquals(cw, s.outWidth());
        assertEquals(ch, s.outHeight());
    }

    /**
     * The block reduction adds its own small error (a box filter and the JPEG noise it keeps); the
     * kernel that follows smooths most of it away. A floor well under the measured figures
     * (docs/resample.md) so that a broken shrink path (wrong offset, wrong scale) fails.
     */
    @Test
    void shrinkOnLoadStaysCloseToFullDecodePlusResize() throws IOException {
        byte[] jpeg = jpeg(photo(1203, 901));
        for (int edge : new int[]{64, 100, 256}) {
            Image fast = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), ThumbnailOptions.edge(edge));
            Image slow = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), ThumbnailOptions.edge(edge).shrinkOnLoad(false));
            double psnr = psnr(samples(fast), samples(slow));
            assertTrue(psnr > 34, "edge " + edge + ": PSNR " + psnr);
        }
    }

    /** An enlargement is checked against the pixel limit before anything is computed or held. */
    @Test
    void hugeEnlargementIsRefusedByThePixelLimit() throws IOException {
        byte[] jpeg = jpeg(photo(40, 30));
        LoadOptions small = LoadOptions.defaults().limits(Limits.defaults().maxPixels(10_000));
        LaminaException e = assertThrows(LaminaException.class,
                () -> Thumbnail.open(jpeg, "small.jpg", small, ThumbnailOptions.edge(400)));
        assertTrue(e.getMessage().contains("400x300") && e.getMessage().contains("limit"), e.getMessage());
        assertEquals(100, Thumbnail.open(jpeg, "small.jpg", small, ThumbnailOptions.edge(100)).width);
    }

    @Test
    void badInputIsNamed() throws IOException {
        Path f = Files.write(dir.resolve("broken.jpg"), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 1, 2});
        LaminaException e = assertThrows(LaminaException.class, () -> samples(
                Thumbnail.open(f, LoadOptions.defaults(), ThumbnailOptions.edge(64))));
        assertTrue(e.getMessage().contains("broken.jpg"), e.getMessage());
        LaminaException missing = assertThrows(LaminaException.class,
                () -> Thumbnail.open(dir.resolve("nope.jpg"), LoadOptions.defaults(), ThumbnailOptions.edge(64)));
        assertTrue(missing.getMessage().contains("nope.jpg: no such file"), missing.getMessage());
    }

    // ---- test data -------------------------------------------------------------------------

    /** The coffee photo crop (test resource) stretched to {@code w x h} by Java2D: detail and edges at every scale. */
    static BufferedImage photo(int w, int h) throws IOException {
        BufferedImage src;
        try (InputStream in = ThumbnailTest.class.getResourceAsStream("/jpeg/coffee-crop.png")) {
            src = ImageIO.read(in);
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        // Fine texture on top, so the shrink has high frequencies to get wrong.
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (((x / 3) + (y / 3)) % 7 == 0) {
                    out.setRGB(x, y, out.getRGB(x, y) ^ 0x202020);
                }
            }
        }
        return out;
    }

    /** Written by the JDK's JPEG writer (quality 0.9). */
    static byte[] jpeg(BufferedImage img) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var param = writer.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(b)) {
            writer.setOutput(out);
            writer.write(null, new javax.imageio.IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return b.toByteArray();
    }

    static byte[] samples(Image img) {
        return samples(img, new Rect(0, 0, img.width, img.height));
    }

    static byte[] samples(Image img, Rect r) {
        Region region = img.fetch(r);
        byte[] out = new byte[r.width() * r.height() * img.bands];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(region.u8(), region.index(r.x(), r.y() + y), out, y * r.width() * img.bands, r.width() * img.bands);
        }
        return out;
    }

    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            se += d * d;
        }
        return 10 * Math.log10(255.0 * 255 / (se / a.length));
    }
}
