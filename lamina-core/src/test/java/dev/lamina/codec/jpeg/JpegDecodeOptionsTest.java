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

    @Test
    void badScaleIsOurError() {
        assertThrows(LaminaException.class, () -> JpegDecodeOptions.defaults().scale(3));
    }
}
