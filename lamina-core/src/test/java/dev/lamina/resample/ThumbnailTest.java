package dev.lamina.resample;

import dev.lamina.Kernel;
import dev.lamina.LaminaException;
import dev.lamina.Limits;
import dev.lamina.LoadOptions;
import dev.lamina.ThumbnailOptions;
import dev.lamina.ThumbnailOptions.Fit;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.codec.png.PngDecoder;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thumbnails: the sizes libvips' rules give (worked out by hand below), shrink-on-load chosen as
 * libvips chooses it and composed of the codec's scaled decode and {@link Resize} exactly, the
 * orientation applied before sizing, and clear errors.
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

    @ParameterizedTest(name = "{0}x{1} to {2}: load at 1/{3}")
    @CsvSource({
            // Total shrink 1203 / 64 = 18.8 >= 16: 1/8 leaves 2.3 for the kernel.
            "1203, 901, 64, 8",
            // 1203 / 100 = 12: 1/4 (1/8 would leave less than 2).
            "1203, 901, 100, 4",
            // 1203 / 256 = 4.7: 1/2.
            "1203, 901, 256, 2",
            // 1203 / 400 = 3: no shrink on load.
            "1203, 901, 400, 1",
    })
    void jpegShrinksOnLoadAsLibvipsDoesAndThenResizesWithTheSourcesScale(int w, int h, int edge, int shrink) throws IOException {
        byte[] jpeg = jpeg(photo(w, h), null);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), ThumbnailOptions.edge(edge));
        Image loaded = JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(), JpegDecodeOptions.defaults().scale(shrink));
        Thumbnail.Size size = Thumbnail.Size.of(w, h, ThumbnailOptions.edge(edge));
        int rw = size.resizedWidth(), rh = size.resizedHeight();
        // The sides are not multiples of the block (1203 = 8 x 150 + 3): the scale is the source's
        // over the shrink, not the shrunk image's rounded-up size over the thumbnail's.
        Image expected = Resize.build(loaded, rw, rh, Kernel.LANCZOS3, w / ((double) shrink * rw), h / ((double) shrink * rh));
        assertEquals(edge, thumb.width);
        assertArrayEquals(samples(expected), samples(thumb));
    }

    @Test
    void withoutShrinkOnLoadTheFullDecodeIsResized() throws IOException {
        byte[] jpeg = jpeg(photo(1203, 901), null);
        ThumbnailOptions o = ThumbnailOptions.edge(100).shrinkOnLoad(false).kernel(Kernel.MITCHELL);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), o);
        Image full = JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertArrayEquals(samples(Resize.build(full, 100, 75, Kernel.MITCHELL)), samples(thumb));
    }

    /**
     * The block reduction adds its own small error (a box filter and the JPEG noise it keeps); the
     * kernel that follows smooths most of it away. A floor well under the measured figures
     * (docs/resample.md) so that a broken shrink path (wrong offset, wrong scale) fails.
     */
    @Test
    void shrinkOnLoadStaysCloseToFullDecodePlusResize() throws IOException {
        byte[] jpeg = jpeg(photo(1203, 901), null);
        for (int edge : new int[]{64, 100, 256}) {
            Image fast = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), ThumbnailOptions.edge(edge));
            Image slow = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), ThumbnailOptions.edge(edge).shrinkOnLoad(false));
            double psnr = psnr(samples(fast), samples(slow));
            assertTrue(psnr > 34, "edge " + edge + ": PSNR " + psnr);
        }
    }

    @Test
    void pngIsResizedFromFullSize() throws IOException {
        BufferedImage p = photo(300, 200);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(p, "png", b);
        Image thumb = Thumbnail.open(b.toByteArray(), "p.png", LoadOptions.defaults(), ThumbnailOptions.edge(30));
        Image full = PngDecoder.open(b.toByteArray(), "p.png", Limits.defaults());
        assertArrayEquals(samples(Resize.build(full, 30, 20, Kernel.LANCZOS3)), samples(thumb));
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({"2", "3", "5", "6", "7", "8"})
    void sizeIsWorkedOutOnTheUprightImageAndTheThumbnailTurned(int orientation) throws IOException {
        byte[] jpeg = jpeg(photo(1203, 901), exifOrientation(orientation));
        ThumbnailOptions box = ThumbnailOptions.box(100, 80);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), box);
        boolean swapped = orientation >= 5;
        // Upright 901 x 1203 in 100 x 80: 80 high, 901 * 80 / 1203 = 59.9 -> 60 wide; else 100 x 75.
        assertEquals(swapped ? 60 : 100, thumb.width);
        assertEquals(swapped ? 80 : 75, thumb.height);
        assertEquals(1, thumb.metadata.orientation());
        // The thumbnail of the stored image, sized for the turned box, then turned by the same EXIF rule.
        ThumbnailOptions storedBox = swapped ? ThumbnailOptions.box(80, 100) : box;
        Image stored = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults().autoOrient(false), storedBox);
        assertEquals(swapped ? 80 : 100, stored.width);
        assertArrayEquals(samples(dev.lamina.geometry.Dihedral.upright(stored, orientation)), samples(thumb));
    }

    /**
     * Without shrink-on-load, resizing before the rotation (what the thumbnail does) and after it
     * are the same arithmetic mirrored: equal but for ties that round the other way.
     */
    @Test
    void resizingBeforeTheRotationEqualsResizingAfterIt() throws IOException {
        byte[] jpeg = jpeg(photo(301, 203), exifOrientation(7));
        ThumbnailOptions o = ThumbnailOptions.box(70, 70).shrinkOnLoad(false);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), o);
        Image upright = dev.lamina.codec.Decoders.open(jpeg, "photo.jpg", LoadOptions.defaults());
        Image after = Resize.build(upright, thumb.width, thumb.height, Kernel.LANCZOS3);
        byte[] a = samples(thumb), b = samples(after);
        int maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        assertTrue(maxDiff <= 1, "max difference " + maxDiff);
    }

    @Test
    void coverCropsTheCentre() throws IOException {
        BufferedImage p = photo(300, 200);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(p, "png", b);
        Image thumb = Thumbnail.open(b.toByteArray(), "p.png", LoadOptions.defaults(),
                ThumbnailOptions.box(50, 50).fit(Fit.COVER).kernel(Kernel.LINEAR));
        Image resized = Resize.build(PngDecoder.open(b.toByteArray(), "p.png", Limits.defaults()), 75, 50, Kernel.LINEAR);
        assertEquals(50, thumb.width);
        assertEquals(50, thumb.height);
        // (75 - 50) / 2 = 12 columns cut on the left, 13 on the right.
        assertArrayEquals(samples(resized, new Rect(12, 0, 50, 50)), samples(thumb));
    }

    /** An enlargement is checked against the pixel limit before anything is computed or held. */
    @Test
    void hugeEnlargementIsRefusedByThePixelLimit() throws IOException {
        byte[] jpeg = jpeg(photo(40, 30), null);
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

    /** Written by the JDK's JPEG writer (quality 0.9), with an EXIF APP1 segment right after SOI when given. */
    static byte[] jpeg(BufferedImage img, byte[] app1) throws IOException {
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
        byte[] j = b.toByteArray();
        if (app1 == null) {
            return j;
        }
        byte[] withExif = new byte[j.length + app1.length];
        System.arraycopy(j, 0, withExif, 0, 2);
        System.arraycopy(app1, 0, withExif, 2, app1.length);
        System.arraycopy(j, 2, withExif, 2 + app1.length, j.length - 2);
        return withExif;
    }

    /** An APP1 "Exif" segment whose little-endian IFD0 holds one entry: Orientation (0x0112), SHORT. */
    static byte[] exifOrientation(int orientation) {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0, 0, 0, 0, 0};
        byte[] seg = new byte[4 + 6 + tiff.length];
        int len = seg.length - 2;
        seg[0] = (byte) 0xFF;
        seg[1] = (byte) 0xE1;
        seg[2] = (byte) (len >> 8);
        seg[3] = (byte) len;
        System.arraycopy(new byte[]{'E', 'x', 'i', 'f', 0, 0}, 0, seg, 4, 6);
        System.arraycopy(tiff, 0, seg, 10, tiff.length);
        return seg;
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
