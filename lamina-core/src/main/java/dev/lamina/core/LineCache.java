package dev.lamina.core;

import dev.lamina.Metadata;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Serves a forward-only {@link RowDecoder} to many worker threads: rows are decoded once, in
 * order, under a lock, and kept in a ring of recent rows, so requests that arrive slightly out of
 * order (strips computed in parallel) or overlap (operations with a margin) are served from the
 * ring. Memory is the ring, a few strips high, never the whole image.
 *
 * <p><b>One cursor per sink run.</b> The decoder and its ring belong to a {@link Cursor}, and every
 * sink run that pulls from this image gets its own: concurrent runs over one opened image (a
 * service rendering the same asset for many requests) each read it forward once, instead of
 * taking rows out from under each other and reopening the file on every backward jump. A run's
 * cursor is released (decoder closed, ring dropped) when the last of the run's sequences closes,
 * at the end of the run; requests made outside any run (a direct {@link Image#fetch}) share one
 * cursor of their own. Each cursor reads the file once per run unless asked backwards.
 *
 * <p><b>The ring.</b> It holds {@code window + 2} strips of the largest height the run has asked
 * for, which covers every request a sink makes. A request for a row that has already left the ring
 * (an operation that reads backwards) reopens the decoder and reads forward again: slow, but
 * correct. The decoder is opened on the first request, so building a pipeline reads no pixels, and
 * it is closed as soon as the last row is in.
 *
 * <p>Thread-safe: a cursor's state is touched only under its lock.
 */
public final class LineCache implements Producer {
    private final Supplier<RowDecoder> opener;
    private final int width;
    private final int height;
    private final int bands;
    private final BandFormat format;
    private final String name;
    /** The cursors of the runs in progress, with the number of their sequences still open. */
    private final Map<SinkRun, Cursor> byRun = new IdentityHashMap<>();
    /** The cursor of requests made outside a sink run; it lives as long as the image. */
    private Cursor unscoped;

    private LineCache(Supplier<RowDecoder> opener, int width, int height, int bands, BandFormat format, String name) {
        this.opener = opener;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.format = format;
        this.name = name;
    }

    /**
     * A sequential image over the decoders that {@code opener} makes (each reads from row 0).
     * {@code name} names the input in errors.
     */
    public static Image image(Supplier<RowDecoder> opener, int width, int height, Interpretation interpretation,
                              boolean hasAlpha, BandFormat format, Metadata metadata, String name) {
        int bands = interpretation.colourBands + (hasAlpha ? 1 : 0);
        LineCache cache = new LineCache(opener, width, height, bands, format, name);
        return new Image(width, height, interpretation, hasAlpha, format, true, metadata, cache);
    }

    @Override
    public DemandHint demand() {
        return DemandHint.THINSTRIP;
    }

    @Override
    public Sequence start() {
        SinkRun run = SinkRun.current();
        Cursor cursor;
        synchronized (byRun) {
            if (run == null) {
                if (unscoped == null) {
                    unscoped = new Cursor(StripSink.window());
                }
                cursor = unscoped;
            } else {
                cursor = byRun.computeIfAbsent(run, r -> new Cursor(r.window));
                cursor.users++;
            }
        }
        if (run == null) {
            return cursor::fill;
        }
        return new Sequence() {
            private boolean closed;

            @Override
            public void generate(Region out) {
                cursor.fill(out);
            }

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                boolean last;
                synchronized (byRun) {
                    last = --cursor.users == 0;
                    if (last) {
                        byRun.remove(run);
                    }
                }
                if (last) {
                    cursor.release();
                }
            }
        };
    }

    /** Cursors alive now: for tests that check a run leaves nothing open. */
    int openCursors() {
        synchronized (byRun) {
            return byRun.size();
        }
    }

    /** One forward reading of the file and the ring of its recent rows. */
    private final class Cursor {
        private final int window;
        private RowDecoder decoder;
        private Region[] ring = new Region[0];
        private int nextRow;          // the row the decoder produces next
        /**
         * The oldest row the ring holds. Invariant: for every y in [firstHeld, nextRow) the slot
         * {@code ring[y % ring.length]} holds row y, and {@code nextRow - firstHeld <= ring.length}.
         * It is kept, not derived from {@code nextRow - ring.length}: when the ring grows, the new
         * slots hold nothing, so a length-based bound would claim rows that were never kept.
         */
        private int firstHeld;
        int users;   // guarded by byRun

        Cursor(int window) {
            this.window = window;
        }

        void fill(Region out) {
            Jitter.at(Jitter.Site.LINE_CACHE_FILL);
            synchronized (this) {
                fillLocked(out);
            }
        }

        private void fillLocked(Region out) {
            Rect r = out.rect();
            ensureCapacity(r.height());
            if (r.y() < firstHeld) {
                // Asked again for rows already gone: read the file again from the top.
                closeDecoder();
                nextRow = 0;
                firstHeld = 0;
            }
            Jitter.at(Jitter.Site.LINE_CACHE_FILL);
            while (nextRow < r.bottom()) {
                if (decoder == null) {
                    nextRow = 0;   // first use, or a failure earlier: start from the top
                    firstHeld = 0;
                    decoder = opener.get();
                }
                if (nextRow - firstHeld == ring.length) {
                    firstHeld++;   // the slot about to be written holds the oldest row: it leaves
                }
                Region slot = ring[nextRow % ring.length];
                slot.resize(new Rect(0, nextRow, width, 1));
                try {
                    decoder.decodeRow(slot, nextRow);
                } catch (RuntimeException e) {
                    closeDecoder();
                    nextRow = 0;
                    firstHeld = 0;
                    throw e;
                }
                nextRow++;
                if (nextRow == height) {
                    closeDecoder();   // release the file as soon as the last row is in
                }
            }
            for (int y = r.y(); y < r.bottom(); y++) {
                out.copyFrom(ring[y % ring.length]);
            }
        }

        /** Grows the ring to cover the run's window of strips of {@code rows} rows. */
        private void ensureCapacity(int rows) {
            int wanted = (int) Math.min(height, (window + 2L) * rows + 2);
            if (wanted <= ring.length) {
                return;
            }
            Region[] grown = new Region[wanted];
            // keep the rows already held at their new slots (firstHeld stays: the new slots hold nothing)
            for (int y = firstHeld; y < nextRow; y++) {
                grown[y % wanted] = ring[y % ring.length];
            }
            for (int i = 0; i < wanted; i++) {
                if (grown[i] == null) {
                    grown[i] = Region.allocate(new Rect(0, 0, width, 1), bands, format);
                }
            }
            ring = grown;
        }

        /** The run is over: the file is closed and the ring let go now, not when the GC gets to it. */
        synchronized void release() {
            closeDecoder();
            ring = new Region[0];
            nextRow = 0;
            firstHeld = 0;
        }

        private void closeDecoder() {
            if (decoder != null) {
                RowDecoder d = decoder;
                decoder = null;
                d.close();
            }
        }
    }

    @Override
    public String toString() {
        return "LineCache(" + name + ")";
    }
}
