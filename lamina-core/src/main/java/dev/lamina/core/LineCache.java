package dev.lamina.core;

import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;

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
 * it is closed as soon as the last row is in. The ring is one region whose rows are used
 * round-robin, so a tall narrow image (a strip of a 1-pixel-wide PNG is hundreds of thousands of
 * rows) costs its samples and no object per row, and a request is copied out in at most two runs.
 * The ring is checked against the memory budget before it is allocated or grown: only an absurdly
 * wide image makes a few strips of rows large.
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
    private final Limits limits;
    /** Rows decoded between two looks at the run's deadline and cancellation (a power of two). */
    private static final int CHECK_ROWS = 4096;
    /** The cursors of the runs in progress, with the number of their sequences still open. */
    private final Map<SinkRun, Cursor> byRun = new IdentityHashMap<>();
    /** The cursor of requests made outside a sink run; it lives as long as the image. */
    private Cursor unscoped;

    private LineCache(Supplier<RowDecoder> opener, int width, int height, int bands, BandFormat format, String name,
                      Limits limits) {
        this.opener = opener;
        this.limits = limits;
        this.width = width;
        this.height = height;
        this.bands = bands;
        this.format = format;
        this.name = name;
    }

    /**
     * A sequential image over the decoders that {@code opener} makes (each reads from row 0).
     * {@code name} names the input in errors; the ring is kept within the memory budget of {@code limits}.
     * Its decoder is read ahead when a sole reader asks for it ({@link ReadAheadRows#asSoleReader}).
     */
    public static Image image(Supplier<RowDecoder> opener, int width, int height, Interpretation interpretation,
                              boolean hasAlpha, BandFormat format, Metadata metadata, String name, Limits limits) {
        int bands = interpretation.colourBands + (hasAlpha ? 1 : 0);
        LineCache cache = new LineCache(opener, width, height, bands, format, name, limits);
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
        /** Row y is held (when it is) in row {@code y % capacity} of this region. */
        private Region ring;
        private int capacity;
        private int nextRow;          // the row the decoder produces next
        /**
         * The oldest row the ring holds. Invariant: for every y in [firstHeld, nextRow) ring row
         * {@code y % capacity} holds row y, and {@code nextRow - firstHeld <= capacity}.
         * It is kept, not derived from {@code nextRow - capacity}: when the ring grows, the new
         * rows hold nothing, so a length-based bound would claim rows that were never kept.
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
                    decoder = ReadAheadRows.wrap(opener.get(), width, height, bands, format);
                }
                if ((nextRow & (CHECK_ROWS - 1)) == 0) {
                    // a strip of a tall narrow image is hundreds of thousands of rows: the run's
                    // deadline and cancellation are looked at within it too, not only between strips
                    RunContext.current().check(name);
                }
                if (nextRow - firstHeld == capacity) {
                    firstHeld++;   // the ring row about to be written holds the oldest row: it leaves
                }
                // The ring seen as the rows [nextRow - slot, nextRow - slot + capacity), so that the
                // decoder's row nextRow lands in ring row slot.
                int slot = nextRow % capacity;
                ring.resize(new Rect(0, nextRow - slot, width, capacity));
                try {
                    decoder.decodeRow(ring, nextRow);
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
            Rect held = new Rect(0, 0, width, capacity);
            for (int y = r.y(); y < r.bottom(); ) {
                // rows that follow each other in the ring: one run until it wraps around
                int slot = y % capacity;
                int n = Math.min(r.bottom() - y, capacity - slot);
                ring.resize(held.translate(0, y - slot));
                out.copyFrom(ring, new Rect(r.x(), y, r.width(), n));
                y += n;
            }
        }

        /** Grows the ring to cover the run's window of strips of {@code rows} rows. */
        private void ensureCapacity(int rows) {
            int wanted = (int) Math.min(height, (window + 2L) * rows + 2);
            if (wanted <= capacity) {
                return;
            }
            limits.checkMemory(name, Limits.product(wanted, width, bands, format.bytes),
                    "keeping " + wanted + " rows of " + width + " pixels for the strips in flight");
            Region grown = Region.allocate(new Rect(0, 0, width, wanted), bands, format);
            // keep the rows already held at their new places (firstHeld stays: the new rows hold nothing)
            for (int y = firstHeld; y < nextRow; y++) {
                ring.resize(new Rect(0, y - y % capacity, width, capacity));
                grown.resize(new Rect(0, y - y % wanted, width, wanted));
                grown.copyFrom(ring, new Rect(0, y, width, 1));
            }
            ring = grown;
            capacity = wanted;
        }

        /** The run is over: the file is closed and the ring let go now, not when the GC gets to it. */
        synchronized void release() {
            closeDecoder();
            ring = null;
            capacity = 0;
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
