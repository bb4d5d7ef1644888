package dev.lamina.bench.precision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ReferenceOverTest {

    @Test
    void overMixesStraightColourByAlphaAndLeavesTheRestAlone() {
        BufferedImage base = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        base.setRGB(0, 0, 0x00_00_FF);
        base.setRGB(1, 0, 0x10_20_30);
        BufferedImage layer = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(0, 0, 0x40_FF_00_00); // alpha 64/255 red
        double[] acc = ReferenceOver.base(base);
        ReferenceOver.over(acc, 2, 1, layer, 0, 0);
        double a = 64 / 255.0;
        assertArrayEquals(new double[] {a, 0, 1 - a, 0x10 / 255.0, 0x20 / 255.0, 0x30 / 255.0}, acc, 1e-15);
    }

    @Test
    void layersOutsideTheBaseAreClipped() {
        BufferedImage base = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        BufferedImage layer = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        layer.setRGB(1, 1, 0xFF_FF_FF_FF);
        double[] acc = ReferenceOver.base(base);
        ReferenceOver.over(acc, 1, 1, layer, -1, -1);
        assertArrayEquals(new double[] {1, 1, 1}, acc, 0);
    }
}
