package dev.lamina.resample;

import dev.lamina.model.Limits;
import dev.lamina.model.Kernel;
import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.LineCache;
import dev.lamina.core.Producer;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import dev.lamina.core.Sequence;
import dev.lamina.core.StripSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sweep's memory does not grow with the scale: the largest request its sequential input sees
 * (which sizes the input line cache's ring: {@code (window + 2)} such requests) stays at four rows
 * ({@link ResampleVertical#ROWS_AT_ONCE}) for any scale, where the strip path asks for {@code 16 x scale} rows and more. No timing.
 */
class ResizeSweepMemoryTest {

    /** A sequential image whose requests are measured: the largest height asked, rows decoded, opens. */
    private static final class Probe {
        final AtomicInteger largestRequest = new AtomicInteger();
        final AtomicInteger opens = new AtomicInteger();
        final AtomicLong rowsDecoded = new AtomicLong();
        final Image image;

        Probe(int w, int h) {
            Image cache = LineCache.image(() -> {
                opens.incrementAndGet();
                return new RowDecoder() {
                    @Override
                    public void decodeRow(Region dst, int y) {
                        rowsDecoded.incrementAndGet();
                        for (int x = 0; x < w; x++) {
                            for (int b = 0; b < 3; b++) {
                                dst.u8()[dst.index(x, y) + b] = (byte) (x * 7 + y * 3 + b * 50);
                            }
                        }
                    }

                    @Override
                    public void close() {
                    }
                };
            }, w, h, Interpretation.RGB, false, BandFormat.U8, Metadata.NONE, "probe", Limits.defaults());
            Producer measured = new Producer() {
                @Override
                public Sequence start() {
                    Sequence s = cache.producer().start();
                    return new Sequence() {
                        @Override
                        public void generate(Region out) {
                            largestRequest.accumulateAndGet(out.rect().height(), Math::max);
                            s.generate(out);
                        }

                        @Override
                        public void close() {
                            s.close();
                        }
                    };
                }

                @Override
                public DemandHint demand() {
                    return cache.producer().demand();
                }
            };
            image = cache.withProducer(measured, true);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 16, 64})
    void theInputIsAskedForFourRowsAtATimeWhateverTheScale(int scale) {
        int w = 48, outH = 12, h = outH * scale;
        Probe p = new Probe(w, h);
        Image out = Resize.build(p.image, w / 4, outH, Kernel.LANCZOS3);
        AtomicInteger rows = new AtomicInteger();
        StripSink.run(out, strip -> rows.addAndGet(strip.rect().height()));
        assertEquals(outH, rows.get());
        assertTrue(p.largestRequest.get() <= ResampleVertical.ROWS_AT_ONCE, "scale " + scale + ": largest request " + p.largestRequest.get());
        assertEquals(1, p.opens.get(), "the decoder is opened once");
        assertEquals(h, p.rowsDecoded.get(), "every row is decoded once");
    }

    /** The measure tells the paths apart: the strip path's requests grow with the scale. */
    @ParameterizedTest
    @ValueSource(ints = {4, 16})
    void theStripPathsRequestsGrowWithTheScale(int scale) {
        int w = 48, outH = 32, h = outH * scale;
        Probe p = new Probe(w, h);
        Image out = Resize.build(p.image, w / 4, outH, Kernel.LANCZOS3, true);
        StripSink.run(out, strip -> { });
        assertTrue(p.largestRequest.get() >= 16 * scale, "scale " + scale + ": largest request " + p.largestRequest.get());
    }
}
