package dev.lamina.determinism;

import dev.lamina.model.AffineOptions;
import dev.lamina.model.BlendMode;
import dev.lamina.model.ExtendWith;
import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Kernel;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;
import dev.lamina.Layer;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Paint;
import dev.lamina.model.Shadow;
import dev.lamina.model.Shape;
import dev.lamina.model.Stroke;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.model.TiffOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.Encoders;
import dev.lamina.codec.webp.lossless.ImageArgb;
import dev.lamina.codec.webp.lossless.Vp8lEncodeOptions;
import dev.lamina.codec.webp.lossless.Vp8lEncoder;
import dev.lamina.codec.webp.lossless.WebpLosslessFile;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.metrics.Compare;
import dev.lamina.metrics.Comparison;
import dev.lamina.metrics.ErrorHeatMap;
import dev.lamina.testing.TestImages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every pipeline the engine offers, each as a job that returns its output bytes. The determinism
 * harness runs each at several worker counts and under scheduling jitter and requires the same
 * bytes every time. A new operation adds its pipelines here.
 *
 * <p>Inputs are made once, by Lamina's own encoders from deterministic synthetic pictures (their
 * exact content does not matter: only that every run sees the same input), plus PngSuite's
 * interlaced 16-bit RGBA image for the Adam7 path.
 */
final class Pipelines {

    record Pipeline(String name, Supplier<byte[]> job) {
    }

    private static final LoadOptions LOAD = LoadOptions.defaults();

    /** Portrait, so a 300-row thumbnail is two JPEG encoder strips (256 + 44 rows): the race's shape. */
    static final byte[] JPEG_PORTRAIT = encode(TestImages.photoLike(1200, 1600, Interpretation.RGB, false,
            BandFormat.U8, 11), JpegOptions.jpeg().quality(90));
    static final byte[] JPEG_PROGRESSIVE = encode(TestImages.photoLike(1201, 901, Interpretation.RGB, false,
            BandFormat.U8, 12), JpegOptions.jpeg().quality(80).progressive(true));
    static final byte[] JPEG_GREY_444 = encode(TestImages.photoLike(701, 513, Interpretation.GREY, false,
            BandFormat.U8, 13), JpegOptions.jpeg().quality(95));
    static final byte[] PNG_RGB = encode(TestImages.photoLike(1203, 907, Interpretation.RGB, false,
            BandFormat.U8, 14), PngOptions.png().compression(6));
    static final byte[] PNG_RGBA16 = encode(TestImages.photoLike(611, 419, Interpretation.RGB, true,
            BandFormat.U16, 15), PngOptions.png().compression(6).bitDepth(16));
    static final byte[] PNG_RGBA16_AS_U8 = Lamina.open(PNG_RGBA16, "rgba16.png").bitDepth(8)
            .encode(PngOptions.png().compression(1));
    static final byte[] WATERMARK = encode(TestImages.photoLike(301, 157, Interpretation.RGB, true,
            BandFormat.U8, 16), PngOptions.png().compression(1));
    static final byte[] PNG_INTERLACED = resource("/pngsuite/basi6a16.png");
    /** A photo in a white frame with a little noise: trim's input. */
    static final byte[] FRAMED = Lamina.open(PNG_RGB, "photo.png").extract(0, 0, 500, 400).extend(61, 47, 83, 29, 0xFFFFFFFF)
            .encode(JpegOptions.jpeg().quality(92));
    /** Striped (sequential, through the line cache) and tiled (random access, through the tile cache) TIFFs. */
    static final byte[] TIFF_STRIPS = encode(TestImages.photoLike(1203, 907, Interpretation.RGB, false,
            BandFormat.U8, 17), TiffOptions.tiff().compression(TiffOptions.Compression.LZW));
    static final byte[] TIFF_TILES = encode(TestImages.photoLike(1001, 777, Interpretation.RGB, true,
            BandFormat.U16, 18), TiffOptions.tiff().compression(TiffOptions.Compression.DEFLATE).tiles(128, 64));
    static final byte[] WEBP_LOSSLESS = WebpLosslessFile.wrap(Vp8lEncoder.encode(ImageArgb.of(TestImages.photoLike(803, 611,
            Interpretation.RGB, true, BandFormat.U8, 17)), 803, 611, Vp8lEncodeOptions.defaults()));

    private Pipelines() {
    }

    static List<Pipeline> all(Path scratch) {
        List<Pipeline> p = new ArrayList<>();
        // codecs in and out
        p.add(new Pipeline("png rgb -> png", () -> open(PNG_RGB).encode(PngOptions.png().compression(6))));
        p.add(new Pipeline("png rgba16 -> png16", () -> open(PNG_RGBA16).encode(PngOptions.png().bitDepth(16))));
        p.add(new Pipeline("interlaced png x13 lanczos3 -> png", () -> open(PNG_INTERLACED)
                .resize(32 * 13, 32 * 13, Kernel.LANCZOS3).encode(PngOptions.png().compression(3))));
        p.add(new Pipeline("lossless webp -> png", () -> encode(WebpLosslessFile.open(WEBP_LOSSLESS, "input.webp", Limits.defaults()),
                PngOptions.png().compression(1))));
        p.add(new Pipeline("jpeg -> jpeg q85", () -> open(JPEG_PORTRAIT).encode(JpegOptions.jpeg().quality(85))));
        p.add(new Pipeline("progressive jpeg -> png", () -> open(JPEG_PROGRESSIVE).encode(PngOptions.png())));
        p.add(new Pipeline("grey jpeg -> jpeg 444", () -> open(JPEG_GREY_444)
                .encode(JpegOptions.jpeg().quality(70).subsampling(JpegOptions.Subsampling.S444))));
        p.add(new Pipeline("png -> progressive jpeg", () -> open(PNG_RGB)
                .encode(JpegOptions.jpeg().progressive(true))));
        p.add(new Pipeline("tiff lzw strips -> tiff deflate tiles", () -> open(TIFF_STRIPS)
                .encode(TiffOptions.tiff().compression(TiffOptions.Compression.DEFLATE).tiles(64, 48))));
        p.add(new Pipeline("tiff tiles rgba16 -> tiff lzw strips float", () -> open(TIFF_TILES)
                .encode(TiffOptions.tiff().compression(TiffOptions.Compression.LZW).bitDepth(32))));
        p.add(new Pipeline("tiff tiles resize -> png", () -> open(TIFF_TILES)
                .resize(400, 311, Kernel.LANCZOS3).encode(PngOptions.png().compression(1))));
        p.add(new Pipeline("jpeg -> tiff associated alpha lzw", () -> composite()
                .encode(TiffOptions.tiff().compression(TiffOptions.Compression.LZW).premultiplied(true))));
        // composite
        p.add(new Pipeline("composite jpeg+rgba -> jpeg", () -> composite().encode(JpegOptions.jpeg())));
        p.add(new Pipeline("composite png16+rgba -> png", () -> open(PNG_RGBA16)
                .composite(Layer.of(open(WATERMARK)).gravity(Gravity.CENTRE).mode(BlendMode.SCREEN),
                        Layer.of(open(WATERMARK)).at(-40, 300).mode(BlendMode.DEST_OVER))
                .encode(PngOptions.png().bitDepth(16))));
        // collages: rows of disjoint 8-bit over layers take the byte path, rows with an overlap the accumulator
        p.add(new Pipeline("collage 48 rgb tiles -> jpeg", () -> collage(open(PNG_RGB).resize(100, 100), 100, false)
                .encode(JpegOptions.jpeg().quality(85))));
        p.add(new Pipeline("collage rgba tiles, one overlapping -> png", () -> collage(open(WATERMARK).resize(90, 60), 100, true)
                .encode(PngOptions.png().compression(1))));
        // resize: the strip path (shrink by less than 2, enlarge) and the sweep (shrink by more than 2)
        p.add(new Pipeline("resize strip 1200x1600 -> 700x1000 -> png", () -> open(JPEG_PORTRAIT)
                .resize(700, 1000, Kernel.LANCZOS3).encode(PngOptions.png().compression(1))));
        p.add(new Pipeline("resize enlarge rgba16 x1.7 mitchell -> png", () -> open(PNG_RGBA16)
                .resize(1039, 712, Kernel.MITCHELL).encode(PngOptions.png().compression(1))));
        p.add(new Pipeline("resize sweep jpeg -> 300 wide -> jpeg", () -> open(JPEG_PORTRAIT)
                .resize(300, 400, Kernel.LANCZOS3).encode(JpegOptions.jpeg())));
        p.add(new Pipeline("resize sweep png -> 97x73 cubic -> png", () -> open(PNG_RGB)
                .resize(97, 73, Kernel.CUBIC).encode(PngOptions.png())));
        // thumbnail
        p.add(new Pipeline("thumbnail jpeg 300 shrink-on-load -> jpeg", () -> Lamina.thumbnail(JPEG_PORTRAIT,
                "portrait.jpg", ThumbnailOptions.edge(300), LOAD).encode(JpegOptions.jpeg())));
        p.add(new Pipeline("thumbnail jpeg 300 no shrink-on-load -> jpeg", () -> Lamina.thumbnail(JPEG_PORTRAIT,
                "portrait.jpg", ThumbnailOptions.edge(300).shrinkOnLoad(false), LOAD).encode(JpegOptions.jpeg())));
        p.add(new Pipeline("thumbnail png16 cover 256x200 -> png", () -> Lamina.thumbnail(PNG_RGBA16, "rgba16.png",
                ThumbnailOptions.box(256, 200).fit(ThumbnailOptions.Fit.COVER), LOAD).encode(PngOptions.png())));
        // geometry: affine and rotation (tiles, coverage, materialised sequential inputs), extend/extract
        // (streaming), flips and quarter turns, trim (a sink over the image, then an extract)
        p.add(new Pipeline("rotate 30 lanczos3 png16 rgba -> png16", () -> open(PNG_RGBA16)
                .rotate(30, AffineOptions.defaults().kernel(Kernel.LANCZOS3)).encode(PngOptions.png().bitDepth(16))));
        p.add(new Pipeline("affine shear cubic png on translucent -> png", () -> open(PNG_RGB).extract(100, 50, 500, 400)
                .affine(0.8, 0.3, -0.1, 0.9, 0.25, 0.5, AffineOptions.defaults().kernel(Kernel.CUBIC).background(0x80336699))
                .encode(PngOptions.png().compression(1))));
        p.add(new Pipeline("extend mirror + extract jpeg -> jpeg", () -> open(JPEG_PORTRAIT)
                .extend(40, 30, 20, 10, ExtendWith.MIRROR).extract(5, 7, 1100, 1500).encode(JpegOptions.jpeg())));
        p.add(new Pipeline("flip, rotate 90, flop jpeg -> jpeg", () -> open(JPEG_GREY_444).flip().rotate(90).flop()
                .encode(JpegOptions.jpeg())));
        p.add(new Pipeline("trim framed jpeg -> png", () -> open(FRAMED).trim().encode(PngOptions.png().compression(1))));
        // compare: the statistics and the heat map
        p.add(new Pipeline("compare grey jpeg q95 vs q60: statistics + heat map", Pipelines::compare));
        p.add(new Pipeline("compare png rgba16 vs png rgba: statistics, then heat map of the same opened images",
                Pipelines::compareLikeTheCommand));
        // drawing: a big canvas of shapes (strokes, dashes, both fill rules, curves), gradients
        p.add(new Pipeline("shapes on a 1500x1000 canvas -> png", () -> Lamina.canvas(1500, 1000, 0xf0f0f0).composite(
                Layer.of(Lamina.shape(1500, 1000, Shape.parse("M50 950 C400 -200 1100 1200 1450 50").stroked(
                        Stroke.width(7).cap(Stroke.Cap.ROUND).dashes(3, 30, 12)), Paint.solid(0x204080, 0.8))).at(0, 0),
                Layer.of(Lamina.shape(1500, 1000, star(750, 500, 475, 11, 4).evenOdd(),
                        Paint.radial(750, 500, 450, Paint.stop(0, 0xffcc00), Paint.stop(1, 0xcc3300, 0.6)))).at(0, 0),
                Layer.of(Lamina.shape(1500, 1000, Shape.roundedRect(100.5, 75.25, 450, 250, 40, 5, 80, 0)
                        .rotate(7, 325, 200), Paint.solid(0x00aa66, 0.5), 16)).at(0, 0))
                .encode(PngOptions.png().compression(1))));
        p.add(new Pipeline("gradients linear repeat + radial reflect -> png16", () -> Lamina.fill(700, 500,
                Paint.linear(0, 0, 130, 70, Paint.stop(0, 0x000000), Paint.stop(0.5, 0x3366ff, 0.5), Paint.stop(1, 0xffffff))
                        .spread(Paint.Spread.REPEAT), 16).composite(Layer.of(Lamina.fill(700, 500,
                Paint.radial(350, 200, 150, Paint.stop(0, 0xff0000, 0), Paint.stop(1, 0x00ff00)).spread(Paint.Spread.REFLECT)))
                .opacity(0.5)).encode(PngOptions.png().bitDepth(16).compression(1))));
        // convolution: the exact blur, the recursive one, sharpen, a shadow under its shape
        p.add(new Pipeline("blur sigma 1.6 png16 rgba (exact) -> png16", () -> open(PNG_RGBA16).blur(1.6)
                .encode(PngOptions.png().bitDepth(16).compression(1))));
        p.add(new Pipeline("blur sigma 12 jpeg (recursive) -> jpeg", () -> open(JPEG_PORTRAIT).blur(12)
                .encode(JpegOptions.jpeg())));
        p.add(new Pipeline("sharpen jpeg -> jpeg", () -> open(JPEG_PORTRAIT).sharpen(1.2, 0.8, 0.01)
                .encode(JpegOptions.jpeg())));
        p.add(new Pipeline("shape with shadow, glow and outline -> png", () -> {
            LaminaImage badge = Lamina.shape(450, 350, Shape.roundedRect(100, 75, 250, 190, 20), Paint.solid(0xffffff));
            return Lamina.canvas(450, 350, 0x6688aa).composite(
                    Layer.of(badge.shadow(Shadow.of(7, 9, 5).opacity(0.6).spread(3))).at(0, 0),
                    Layer.of(badge.shadow(Shadow.glow(10).colour(0xffee00))).at(0, 0),
                    Layer.of(badge.outline(4.5, 0x112233, 1)).at(0, 0),
                    Layer.of(badge).at(0, 0)).encode(PngOptions.png().compression(1));
        }));
        // the file sink (temporary file, then rename)
        p.add(new Pipeline("composite saved to a file", () -> {
            Path out = scratch.resolve("out-" + Thread.currentThread().threadId() + ".jpg");
            composite().save(out, JpegOptions.jpeg().quality(75));
            try {
                return Files.readAllBytes(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        return p;
    }

    /** A star polygon: {@code points} spikes joining every {@code step}-th, self-intersecting. */
    private static Shape star(double cx, double cy, double r, int points, int step) {
        double[] xy = new double[2 * points];
        for (int i = 0; i < points; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * ((long) i * step % points) / points;
            xy[2 * i] = cx + r * Math.cos(a);
            xy[2 * i + 1] = cy + r * Math.sin(a);
        }
        return Shape.polygon(xy);
    }

    private static LaminaImage collage(LaminaImage tile, int pitch, boolean overlap) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            layers.add(Layer.of(tile).at((i % 8) * pitch, (i / 8) * pitch).opacity(i % 5 == 0 ? 1.0 : overlap ? 0.7 : 1.0));
        }
        if (overlap) {
            layers.add(Layer.of(tile).at(pitch / 2, pitch / 3));
        }
        return open(JPEG_PORTRAIT).composite(layers);
    }

    private static LaminaImage composite() {
        LaminaImage mark = open(WATERMARK);
        return open(JPEG_PORTRAIT).composite(
                Layer.of(mark).gravity(Gravity.SOUTH_EAST).opacity(0.8),
                Layer.of(mark).at(20, 1450).mode(BlendMode.MULTIPLY),
                Layer.of(mark).tiled().mode(BlendMode.SOFT_LIGHT).opacity(0.3));
    }

    private static byte[] compare() {
        byte[] worse = open(JPEG_GREY_444).encode(JpegOptions.jpeg().quality(60));
        Image a = Decoders.open(JPEG_GREY_444, "a.jpg", LOAD);
        Image b = Decoders.open(worse, "b.jpg", LOAD);
        Comparison c = Compare.of(a, b);
        String stats = c.width() + " " + c.height() + " " + c.psnr() + " " + Arrays.toString(c.psnrPerBand()) + " "
                + c.ssim() + " " + Arrays.toString(c.ssimPerBand()) + " " + c.msSsim() + " " + c.deltaEMean() + " "
                + c.deltaEP95() + " " + c.deltaEMax() + " " + c.visiblePixels() + " " + c.maxAbsError() + " "
                + c.differingSamples() + " " + c.samples();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(stats.getBytes(StandardCharsets.UTF_8));
        Image map = ErrorHeatMap.image(Decoders.open(JPEG_GREY_444, "a.jpg", LOAD), Decoders.open(worse, "b.jpg", LOAD),
                false, ErrorHeatMap.niceScale(c.deltaEMax()));
        try {
            Encoders.write(map, out, PngOptions.png().compression(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * As {@code lamina compare --diff} runs it: both files opened once, the statistics pulled, then
     * the heat map pulled from the same two images by the PNG encoder (issue 9's configuration: the
     * second run over a line cache the first one had left at the bottom).
     */
    private static byte[] compareLikeTheCommand() {
        Image a = Decoders.open(PNG_RGBA16, "a.png", LOAD);
        Image b = Decoders.open(PNG_RGBA16_AS_U8, "b.png", LOAD);
        Comparison c = Compare.of(a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((c.deltaEMean() + " " + c.deltaEMax() + " " + c.ssim()).getBytes(StandardCharsets.UTF_8));
        try {
            Encoders.write(ErrorHeatMap.image(a, b, false, ErrorHeatMap.niceScale(c.deltaEMax())), out,
                    PngOptions.png().compression(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static LaminaImage open(byte[] data) {
        return Lamina.open(data, "input");
    }

    private static byte[] encode(Image image, dev.lamina.model.SaveOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Encoders.write(image, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = Pipelines.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static {
        // fail loudly if an input could not be made, rather than comparing empty outputs
        for (byte[] b : new byte[][]{JPEG_PORTRAIT, JPEG_PROGRESSIVE, JPEG_GREY_444, PNG_RGB, PNG_RGBA16, PNG_RGBA16_AS_U8, WATERMARK,
                FRAMED}) {
            if (b.length < 1000) {
                throw new LaminaException(LaminaException.Kind.INTERNAL, "test input too small");
            }
        }
    }
}
