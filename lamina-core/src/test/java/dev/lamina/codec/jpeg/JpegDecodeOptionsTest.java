package dev.lamina.codec.jpeg;

import dev.lamina.model.LaminaException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Option checks and the shrink-on-load rule (libvips': leave a factor of two for the resampler). */
class JpegDecodeOptionsTest {

    @Test
    void shrinkOnLoadLeavesAFactorOfTwo() {
        assertEquals(1, JpegDecodeOptions.shrinkOnLoad(3.99));
        assertEquals(2, JpegDecodeOptions.shrinkOnLoad(4));
        assertEquals(4, JpegDecodeOptions.shrinkOnLoad(8));
        assertEquals(8, JpegDecodeOptions.shrinkOnLoad(16));
        assertEquals(8, JpegDecodeOptions.shrinkOnLoad(100));
        // 6000x4000 into a 200x200 box: shrink 30 -> decode at 1/8 (750x500), then resize
        assertEquals(8, JpegDecodeOptions.shrinkOnLoad(6000, 4000, 200, 200));
        // 800x600 to 400 wide: shrink 2, no reduction on load
        assertEquals(1, JpegDecodeOptions.shrinkOnLoad(800, 600, 400, 400));
        // the taller axis decides for a fit-inside box
        assertEquals(2, JpegDecodeOptions.shrinkOnLoad(1000, 4000, 1000, 1000));
    }

    /** sharp's pipeline with {@code fastShrinkOnLoad: true} (its default), worked out by hand. */
    @Test
    void fastShrinkOnLoadReducesAsFarAsTheShrinkGoes() {
        assertEquals(1, JpegDecodeOptions.fastShrinkOnLoad(1.99));
        assertEquals(2, JpegDecodeOptions.fastShrinkOnLoad(3.99));
        // 4.0 and 4.5: the integer part equals the reduction, so one step less
        assertEquals(2, JpegDecodeOptions.fastShrinkOnLoad(4));
        assertEquals(2, JpegDecodeOptions.fastShrinkOnLoad(4.5));
        // the lab's 1632x1224 photos into 256 px: 6.375 -> 1/4 (libvips' rule: 1/2)
        assertEquals(4, JpegDecodeOptions.fastShrinkOnLoad(6.375));
        assertEquals(2, JpegDecodeOptions.shrinkOnLoad(6.375));
        assertEquals(4, JpegDecodeOptions.fastShrinkOnLoad(8.9));
        assertEquals(8, JpegDecodeOptions.fastShrinkOnLoad(9));
        assertEquals(8, JpegDecodeOptions.fastShrinkOnLoad(100));
        // 2.0 and 2.5: 2 -> 1
        assertEquals(1, JpegDecodeOptions.fastShrinkOnLoad(2.5));
    }

    @Test
    void badScaleIsOurError() {
        assertThrows(LaminaException.class, () -> JpegDecodeOptions.defaults().scale(3));
    }
}
