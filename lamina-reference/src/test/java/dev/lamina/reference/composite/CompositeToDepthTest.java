package dev.lamina.reference.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.composite.CompositeLayer;
import dev.lamina.composite.Placement;
import dev.lamina.conversion.RawPixels;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code composite(layers, 8)} of 16-bit inputs rounds once, from the blend's exact value, to 8
 * bits: the float64 reference composite rounded to U8, for every mode.
 */
class CompositeToDepthTest {

    @Test
    void sixteenBitLayersRoundedOnceToEightBits() {
        Random r = new Random(7);
        int w = 23, h = 17;
        short[] base = new short[w * h * 4], layer = new short[11 * 9 * 4];
        for (int i = 0; i < base.length; i++) {
            base[i] = (short) r.nextInt(65536);
        }
        for (int i = 0; i < layer.length; i++) {
            layer[i] = (short) r.nextInt(65536);
        }
        Image baseImage = RawPixels.image(base, w, h, 4), layerImage = RawPixels.image(layer, 11, 9, 4);
        for (BlendMode mode : BlendMode.values()) {
            LaminaImage got = Lamina.fromPixels(base, w, h, 4)
                    .composite(List.of(Layer.of(Lamina.fromPixels(layer, 11, 9, 4)).at(5, 4).mode(mode).opacity(0.6)), 8);
            assertEquals("u8", got.sampleFormat());
            Region want = ReferenceComposite.render(baseImage,
                    List.of(new CompositeLayer(layerImage, mode, Placement.at(5, 4), 0.6)), BandFormat.U8);
            assertArrayEquals(want.u8(), got.pixels8(), mode.toString());
        }
    }
}
