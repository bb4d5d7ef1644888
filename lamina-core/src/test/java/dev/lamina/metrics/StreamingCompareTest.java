package dev.lamina.metrics;

import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The metrics read sequential sources (decoders behind a line cache) once, top to bottom, and get
 * the same numbers as from memory: they stream, they do not materialise.
 */
class StreamingCompareTest {

    /** A forward-only decoder over pixels in memory that counts what it is asked. */
    private static final class CountingDecoder implements RowDecoder {
        private final Region pixels;
        private final AtomicInteger rows;
        private int next;

        CountingDecoder(Region pixels, AtomicInteger rows) {
            this.pixels = pixels;
            this.rows = rows;
        }

        @Override
        public void decodeRow(Region dst, int y) {
            assertEquals(next++, y, "rows are decoded in order");
            rows.incrementAndGet();
            int n = pixels.stride();
            System.arraycopy(pixels.u8(), pixels.index(0, y), dst.u8(), dst.index(0, y), n);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void tallSequentialImagesAreDecodedOnceAndMatchTheInMemoryResult() {
        int w = 190, h = 1200;
        Region ra = TestImages.random(21, w, h, 3, BandFormat.U8, 0, 255);
        Region rb = TestImages.map(ra, v -> Math.min(255, v + (v % 7 == 0 ? 3 : 0)));
        AtomicInteger opensA = new AtomicInteger(), opensB = new AtomicInteger();
        AtomicInteger rowsA = new AtomicInteger(), rowsB = new AtomicInteger();
        Image a = LineCache.image(() -> {
            opensA.incrementAndGet();
            return new CountingDecoder(ra, rowsA);
        }, w, h, Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "a", Limits.defaults());
        Image b = LineCache.image(() -> {
            opensB.incrementAndGet();
            return new CountingDecoder(rb, rowsB);
        }, w, h, Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "b", Limits.defaults());

        Comparison streamed = Compare.of(a, b);
        assertEquals(1, opensA.get(), "first image opened once");
        assertEquals(1, opensB.get(), "second image opened once");
        assertEquals(h, rowsA.get(), "every row of the first image decoded once");
        assertEquals(h, rowsB.get(), "every row of the second image decoded once");

        Comparison inMemory = Compare.of(TestImages.image(ra, false), TestImages.image(rb, false));
        assertEquals(inMemory.psnr(), streamed.psnr(), 1e-12);
        assertEquals(inMemory.ssim(), streamed.ssim(), 1e-12);
        assertEquals(inMemory.msSsim(), streamed.msSsim(), 1e-12);
        assertEquals(inMemory.deltaEMean(), streamed.deltaEMean(), 1e-12);
        assertEquals(inMemory.differingSamples(), streamed.differingSamples());
    }
}
