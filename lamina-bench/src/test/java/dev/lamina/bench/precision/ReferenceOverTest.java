package dev.lamina.bench.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceOverTest {
    @TempDir
    Path dir;

    @Test
    void overMixesStraightColourByAlphaAndLeavesTheRestAlone() throws IOException {
        BufferedImage base = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        base.setRGB(0, 0, 0x00_00_FF);
        base.setRGB(1, 0, 0x10_20_30);
        BufferedImage layer = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(0, 0, 0x40_FF_00_00); // alpha 64/255 red
        double[] acc = ReferenceOver.over(write(base, "base.png"), List.of(write(layer, "layer.png")),
                List.of(new int[] {0, 0}));
        double a = 64 / 255.0;   // by hand: red * a + blue * (1 - a); the second pixel untouched
        assertArrayEquals(new double[] {a, 0, 1 - a, 0x10 / 255.0, 0x20 / 255.0, 0x30 / 255.0}, acc, 1e-15);
    }

    @Test
    void layersOutsideTheBaseAreClipped() throws IOException {
        BufferedImage base = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage layer = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(1, 1, 0xFF_FF_FF_FF);
        double[] acc = ReferenceOver.over(write(base, "b.png"), List.of(write(layer, "l.png")),
                List.of(new int[] {-1, -1}));
        assertArrayEquals(new double[] {1, 1, 1}, acc, 0);
    }

    private Path write(BufferedImage img, String name) throws IOException {
        Path p = dir.resolve(name);
        ImageIO.write(img, "png", p.toFile());
        return p;
    }
}
