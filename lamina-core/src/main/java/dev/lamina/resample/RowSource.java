package dev.lamina.resample;

import dev.lamina.core.DemandHint;

/**
 * Rows of normalised doubles flowing between the resampler's passes: premultiplied when the
 * kernel mixes pixels, interleaved like a {@code Region}. The passes hand doubles to each other
 * rather than an F32 image because a float between the passes would cost 16-bit results their
 * correct rounding (a float carries 24 bits: about 0.002 of a 16-bit step, enough to move one
 * sample in a few hundred across a rounding boundary).
 */
public interface RowSource {

    int width();

    int height();

    DemandHint demand();

    /** A reader for one worker thread. */
    Reader open();

    /** The per-thread half: owns its input's sequence and its scratch rows. */
    interface Reader extends AutoCloseable {

        /**
         * Prepares the rows {@code y0 .. y1-1} of columns {@code x0 .. x1-1}: fetches (at once)
         * everything they need from the input, so a sequential source sees one request per strip.
         */
        void request(int x0, int y0, int x1, int y1);

        /**
         * Writes row {@code y} of the requested rectangle to {@code dst[0 .. (x1-x0)*bands)}. Rows are
         * asked in increasing order, each once, unless {@link #rereads()}.
         */
        void row(int y, double[] dst);

        /**
         * Whether, after a request, its rows may be read again and in any order: true where they
         * are at hand (the input's region), false where each is computed when asked.
         */
        default boolean rereads() {
            return false;
        }

        @Override
        void close();
    }
}
