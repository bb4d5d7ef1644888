package dev.lamina.reference.resample;

import dev.lamina.model.Kernel;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.model.ThumbnailOptions.Fit;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.codec.png.PngDecoder;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.reference.conversion.CastReference;
import dev.lamina.reference.geometry.ExtractReference;
import dev.lamina.reference.geometry.OrientReference;
import dev.lamina.thumbnail.Thumbnail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Thumbnails against the float64 reference: the decoded input (the codecs are held to libjpeg and
 * the PNG suite by their own tests) resized by {@link ResizeReference} with the scale libvips'
 * shrink-on-load rule implies, then cut ({@link ExtractReference}) or turned upright
 * ({@link OrientReference}) as the fit and the EXIF orientation ask. Nothing here calls the
 * engine's Resize, which the thumbnail itself calls: a wrong scale, offset or shrink would show.
 */
class ThumbnailReferenceTest {

    @ParameterizedTest(name = "301x203 to {0}x{1}: load at 1/{2}")
    @CsvSource({
            // 301 / 18 = 16.7 >= 16: 1/8 leaves 2.1 for the kernel; 203 * 18 / 301 = 12.1.
            "18, 12, 8",
            // 301 / 30 = 10: 1/4 (1/8 would leave less than 2); 20.2.
            "30, 20, 4",
            // 301 / 70 = 4.3: 1/2; 47.2.
            "70, 47, 2",
            // 301 / 120 = 2.5: no shrink on load; 80.9.
            "120, 81, 1",
    })
    void aJpegThumbnailIsTheShrunkDecodeResizedWithTheSourcesScale(int rw, int rh, int shrink) throws IOException {
        byte[] jpeg = jpeg(photo(301, 203), null);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), ThumbnailOptions.edge(rw));
        Region loaded = whole(JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(), JpegDecodeOptions.defaults().scale(shrink)));
        // 301 and 203 are not multiples of the block: the scale is the source's over the shrink.
        Region expected = ResizeReference.resize(loaded, rw, rh, Kernel.LANCZOS3,
                301 / ((double) shrink * rw), 203 / ((double) shrink * rh));
        ResizeTesting.assertMatches(expected, thumb, "edge " + rw + " at 1/" + shrink);
    }

    @ParameterizedTest(name = "fast rule, 301x203 to {0}x{1}: load at 1/{2}")
    @CsvSource({
            // sharp's fastShrinkOnLoad: 301 / 30 = 10.03 >= 8: 1/8, leaving 1.25 for the kernel.
            "30, 20, 8",
            // 301 / 47 = 6.4: 1/4 (libvips' rule would load at 1/2); 31.7 rounds to 32.
            "47, 32, 4",
            // 301 / 70 = 4.3: 4 is its integer part, so one step less: 1/2.
            "70, 47, 2",
            // 301 / 120 = 2.5: 2 is its integer part: no shrink on load.
            "120, 81, 1",
            // 301 / 100 = 3.01: 1/2, leaving 1.5 for the kernel.
            "100, 67, 2",
    })
    void theFastRuleLoadsSmallerAndStillResizesWithTheSourcesScale(int rw, int rh, int shrink) throws IOException {
        byte[] jpeg = jpeg(photo(301, 203), null);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(),
                ThumbnailOptions.edge(rw).fastShrinkOnLoad(true));
        Region loaded = whole(JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(), JpegDecodeOptions.defaults().scale(shrink)));
        Region expected = ResizeReference.resize(loaded, rw, rh, Kernel.LANCZOS3,
                301 / ((double) shrink * rw), 203 / ((double) shrink * rh));
        ResizeTesting.assertMatches(expected, thumb, "fast, edge " + rw + " at 1/" + shrink);
    }

    /**
     * At 16 bits (a recipe's image layer): the same shrunk decode, widened exactly (x 257), resized
     * with the source's scale and rounded once to 16 bits.
     */
    @ParameterizedTest(name = "16 bits, 301x203 to {0}x{1}: load at 1/{2}, fast rule {3}")
    @CsvSource({"30, 20, 4, false", "70, 47, 2, false", "47, 32, 4, true", "120, 81, 1, false"})
    void atSixteenBitsTheShrunkDecodeIsWidenedThenResized(int rw, int rh, int shrink, boolean fast) throws IOException {
        byte[] jpeg = jpeg(photo(301, 203), null);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(),
                ThumbnailOptions.edge(rw).fastShrinkOnLoad(fast), BandFormat.U16);
        Region loaded = CastReference.cast(whole(JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(),
                JpegDecodeOptions.defaults().scale(shrink))), BandFormat.U16);
        Region expected = ResizeReference.resize(loaded, rw, rh, Kernel.LANCZOS3,
                301 / ((double) shrink * rw), 203 / ((double) shrink * rh));
        ResizeTesting.assertMatches(expected, thumb, "16 bits, edge " + rw + " at 1/" + shrink);
    }

    @Test
    void withoutShrinkOnLoadTheFullDecodeIsResized() throws IOException {
        byte[] jpeg = jpeg(photo(301, 203), null);
        ThumbnailOptions o = ThumbnailOptions.edge(40).shrinkOnLoad(false).kernel(Kernel.MITCHELL);
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(), o);
        Region full = whole(JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(), JpegDecodeOptions.defaults()));
        ResizeTesting.assertMatches(ResizeReference.resize(full, 40, 27, Kernel.MITCHELL), thumb, "Mitchell, full decode");
    }

    /** A PNG shrunk by more than 2 takes the engine's sweep; the reference knows nothing of it. */
    @Test
    void aPngIsResizedFromFullSize() throws IOException {
        byte[] png = png(photo(300, 200));
        Image thumb = Thumbnail.open(png, "p.png", LoadOptions.defaults(), ThumbnailOptions.edge(30));
        Region full = whole(PngDecoder.open(png, "p.png", Limits.defaults()));
        ResizeTesting.assertMatches(ResizeReference.resize(full, 30, 20, Kernel.LANCZOS3), thumb, "PNG 300x200 to 30x20");
    }

    @Test
    void coverCropsTheCentreOfTheResizedImage() throws IOException {
        byte[] png = png(photo(300, 200));
        Image thumb = Thumbnail.open(png, "p.png", LoadOptions.defaults(),
                ThumbnailOptions.box(50, 50).fit(Fit.COVER).kernel(Kernel.LINEAR));
        Region full = whole(PngDecoder.open(png, "p.png", Limits.defaults()));
        // 300x200 covering 50x50 is 75x50; (75 - 50) / 2 = 12 columns cut on the left, 13 on the right.
        Region resized = ResizeReference.resize(full, 75, 50, Kernel.LINEAR);
        ResizeTesting.assertMatches(ExtractReference.extract(resized, new Rect(12, 0, 50, 50)), thumb, "cover 50x50");
    }

    /**
     * The size is worked out for the upright box, the stored image resized to the turned box, and
     * the small result turned upright by the EXIF rule.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({"2", "3", "5", "6", "7", "8"})
    void theThumbnailOfAnOrientedJpegIsTheStoredImageResizedThenTurned(int orientation) throws IOException {
        byte[] jpeg = jpeg(photo(301, 203), exifOrientation(orientation));
        Image thumb = Thumbnail.open(jpeg, "photo.jpg", LoadOptions.defaults(),
                ThumbnailOptions.box(50, 40).shrinkOnLoad(false));
        boolean swapped = orientation >= 5;
        // Upright 203x301 in 50x40: 40 high, 203 * 40 / 301 = 26.98 -> 27 wide; else 50 x 34 (33.7).
        int w = swapped ? 27 : 50, h = swapped ? 40 : 34;
        Region stored = whole(JpegDecoder.open(jpeg, "photo.jpg", Limits.defaults(), JpegDecodeOptions.defaults()));
        Region resized = swapped ? ResizeReference.resize(stored, h, w, Kernel.LANCZOS3)
                : ResizeReference.resize(stored, w, h, Kernel.LANCZOS3);
        ResizeTesting.assertMatches(OrientReference.orient(resized, orientation), thumb, "orientation " + orientation);
        assertEquals(1, thumb.metadata.orientation());
    }

    // ---- test data -------------------------------------------------------------------------

    private static Region whole(Image image) {
        return image.materialise(Limits.defaults(), "test").fetch(image.bounds());
    }

    /**
     * A photo-like picture made here: smooth colour gradients, a disc with a hard edge, and fine
     * texture, so that a wrong scale or offset of the shrink shows in every band.
     */
    static BufferedImage photo(int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 40 + 180 * x / w;
                int g = 30 + 200 * y / h;
                int b = 128 + (int) (100 * Math.sin(x * 0.07 + y * 0.05));
                double dx = x - w * 0.6, dy = y - h * 0.4;
                if (dx * dx + dy * dy < h * h / 16.0) {
                    r = 230;
                    g = 60;
                }
                if (((x / 3) + (y / 3)) % 7 == 0) {
                    r ^= 0x20;
                    g ^= 0x20;
                    b ^= 0x20;
                }
                out.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        return out;
    }

    static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }

    /** Written by the JDK's JPEG writer (quality 0.9), with an EXIF APP1 segment right after SOI when given. */
    static byte[] jpeg(BufferedImage img, byte[] app1) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(b)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
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
}
