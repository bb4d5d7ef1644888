package dev.lamina.server.render;

import dev.lamina.LaminaImage;

/**
 * An upper estimate of the memory a render holds while it runs, from what is known before it
 * starts. The engine streams: a render holds strips, not images (docs/architecture.md), so with
 * {@code window = 2 x workers} strips in flight of up to 64 rows each (PNG strips are ~512 KiB of
 * row bytes, JPEG's 16 rows):
 * <ul>
 * <li>the output's strips in doubles (8 bytes per sample: the composite's working precision),
 *     twice (the blend and the converted result);</li>
 * <li>for each input, the part of its rows a strip reads, at 2 bytes per sample;</li>
 * <li>for each input decoded from the store rather than pinned, its line cache ({@code window +
 *     2} strips of its width), plus 2 bytes per sample of the whole image, since a progressive
 *     JPEG holds its coefficients and an interlaced PNG its pixels, and which it is cannot be
 *     told from here;</li>
 * <li>the encoded output, held until it is sent: width x height x bands for PNG (the
 *     incompressible worst case), a quarter of it for JPEG;</li>
 * <li>the request body when it is held in memory.</li>
 * </ul>
 * Pinned inputs are the asset cache's memory and counted there. The estimate is pessimistic on
 * purpose; {@code lamina_memory_in_flight_bytes} shows it next to the JVM's heap metrics.
 */
public final class WorkingSet {
    private static final int STRIP_ROWS = 64;

    private WorkingSet() {
    }

    /** One image a render reads, and whether it is pinned in memory already. */
    public record Input(LaminaImage image, boolean pinned) {
    }

    public static long estimate(LaminaImage output, int workers, Iterable<Input> inputs, boolean png, long bodyBytes) {
        long window = 2L * workers;
        long rows = Math.min(STRIP_ROWS, output.height());
        long total = 2 * window * rows * output.width() * output.bands() * 8L;
        for (Input input : inputs) {
            LaminaImage in = input.image();
            total += window * rows * Math.min(in.width(), output.width()) * in.bands() * 2L;
            if (!input.pinned()) {
                long pixels = (long) in.width() * in.height();
                total += (window + 2) * in.width() * (long) STRIP_ROWS * in.bands() * 2L;
                total += pixels * in.bands() * 2L;
            }
        }
        total += (long) output.width() * output.height() * output.bands() / (png ? 1 : 4);
        return total + bodyBytes;
    }
}
