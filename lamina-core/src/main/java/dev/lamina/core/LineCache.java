package dev.lamina.core;

import dev.lamina.Metadata;

import java.util.function.Supplier;

/**
 * Serves a forward-only {@link RowDecoder} to many worker threads: rows are decoded once, in
 * order, under a lock, and kept in a ring of recent rows, so requests that arrive slightly out of
 * order (strips computed in parallel) or overlap (operations with a margin) are served from the
 * ring. Memory is the ring, a few strips high, never the whole image.
 *
 * <p>The ring holds {@code StripSink.window() + 2} strips of the largest height asked so far, which
 * covers every request a sink makes. A request for a row that has already left the ring (the same
 * image saved twice, or an operation that reads backwards) reopens the decoder and reads forward
 * again: slow, but correct. The decoder is opened on the first request, so building a pipeline
 * reads no pixels, and it is closed as soon as the last row is in.
 */
public final class LineCache implements Producer {
    private final Supplier<RowDecoder> opener;
    private RowDecoder decoder;
    private final int width;
    private final int bands;
    private final BandFormat format;
    private final String name;
    private Region[] ring = new Region[0];
    private int nextRow;          // the row the decoder produces next
    /**
     * The oldest row the ring holds. Invariant: for every y in [firstHeld, nextRow) the slot
     * {@code ring[y % ring.length]} holds row y, and {@code nextRow - firstHeld <= ring.length}.
     * It is kept, not derived from {@code nextRow - ring.length}: when the ring grows, the new
     * slots hold nothing, so a length-based bound would claim rows that were never kept.
     */
    private int firstHeld;

    private LineCache(Supplier<RowDecoder> opener, int width, int height, int bands, BandFormat format, String name) {
        this.opener = opener;
        this.width = width;
        this.bands = bands;
        this.format = format;
        this.name = name;
        this.height = height;
    }

    private final int height;

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
        return this::fill;
    }

    private synchronized void fill(Region out) {
        Rect r = out.rect();
        ensureCapacity(r.height());
        if (r.y() < firstHeld) {
            // Asked again for rows already gone: read the file again from the top.
            closeDecoder();
            nextRow = 0;
            firstHeld = 0;
        }
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

    /** Grows the ring to cover the sink's window of strips of {@code rows} rows. */
    private void ensureCapacity(int rows) {
        int wanted = Math.min(height, (StripSink.window() + 2) * rows + 2);
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

    private void closeDecoder() {
        if (decoder != null) {
            RowDecoder d = decoder;
            decoder = null;
            d.close();
        }
    }
}
