package dev.lamina.reference.endtoend;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.Lamina;
import dev.lamina.Layer;
import dev.lamina.model.Limits;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.png.PngDecoder;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.Placement;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import dev.lamina.reference.composite.ReferenceComposite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path a user takes — PNG files written by another encoder (the JDK's), opened, composited
 * through the public API, saved by Lamina's encoder — against the float64 reference, with the
 * output read back by the JDK's decoder.
 */
class PngCompositeEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void watermarkAndShadowMatchTheReferenceAfterTheRoundTrip() throws IOException {
        Path basePath = dir.resolve("base.png");
        Path markPath = dir.resolve("mark.png");
        ImageIO.write(photoLike(301, 203, false, 1), "png", basePath.toFile());
        ImageIO.write(photoLike(120, 77, true, 2), "png", markPath.toFile());

        Path out = dir.resolve("out.png");
        var base = Lamina.open(basePath);
        var mark = Lamina.open(markPath);
        base.composite(Layer.of(mark).gravity(Gravity.CENTRE).opacity(0.8),
                        Layer.of(mark).at(-10, 150).mode(BlendMode.MULTIPLY),
                        Layer.of(mark).gravity(Gravity.NORTH_EAST).mode(BlendMode.SCREEN).opacity(0.5))
                .save(out, PngOptions.png());

        Image b = PngDecoder.open(basePath, Limits.defaults());
        Image m = PngDecoder.open(markPath, Limits.defaults());
        Region want = ReferenceComposite.render(b, List.of(
                new CompositeLayer(m, BlendMode.OVER, Placement.gravity(Gravity.CENTRE), 0.8),
                new CompositeLayer(m, BlendMode.MULTIPLY, Placement.at(-10, 150), 1.0),
                new CompositeLayer(m, BlendMode.SCREEN, Placement.gravity(Gravity.NORTH_EAST), 0.5)), null);

        Raster got = ImageIO.read(out.toFile()).getRaster();
        assertEquals(4, got.getNumBands(), "RGB base + RGBA layer gives RGBA");
        long samples = 0, differ = 0;
        for (int y = 0; y < 203; y++) {
            for (int x = 0; x < 301; x++) {
                for (int band = 0; band < 4; band++) {
                    int d = Math.abs(got.getSample(x, y, band) - (int) want.raw(x, y, band));
                    assertTrue(d <= 1, "(" + x + "," + y + "," + band + ") off by " + d);
                    samples++;
                    differ += d == 0 ? 0 : 1;
                }
            }
        }
        assertTrue(differ <= samples / 1000, differ + " of " + samples + " samples not correctly rounded");
    }

    static BufferedImage photoLike(int w, int h, boolean alpha, long seed) {
        BufferedImage im = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        SplittableRandom r = new SplittableRandom(seed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int red = clamp(128 + 100 * Math.sin(x / 23.0) + r.nextInt(7) - 3);
                int green = clamp(128 + 90 * Math.cos(y / 17.0 + x / 41.0) + r.nextInt(7) - 3);
                int blue = clamp(60 + x * 150.0 / w + r.nextInt(5) - 2);
                int a = alpha ? clamp(128 + 200 * Math.sin(x / 19.0) * Math.cos(y / 13.0)) : 255;
                im.setRGB(x, y, a << 24 | red << 16 | green << 8 | blue);
            }
        }
        return im;
    }

    static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
