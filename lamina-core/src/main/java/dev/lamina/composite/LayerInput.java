package dev.lamina.composite;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * A layer's per-thread state: its input sequence and the regions that hold the part of the layer
 * that meets the output rectangle being computed.
 *
 * <p>An untiled layer needs one region: the overlap of its placed rectangle with the request,
 * in the layer's coordinates (nothing at all when they do not meet). A tiled layer's copies meet the
 * request in at most two ranges of layer rows (the request crosses at most one tile edge
 * vertically, or covers whole tiles and so every row) and likewise two ranges of columns; every
 * copy's overlap lies inside one of these up to four rectangles, so each is asked for once per
 * request however many copies there are.
 */
final class LayerInput implements AutoCloseable {
    /** Ints per span in the span buffer: output x, region index, layer x, layer y, length. */
    static final int SPAN = 5;

    final PlacedLayer layer;
    private final int width;
    private final int height;
    private Sequence sequence;
    private final Region[] regions = new Region[4];

    // Untiled: the overlap of the layer with the current request, in base coordinates.
    private static final Rect NOTHING = new Rect(0, 0, 0, 0);
    private Rect overlap = NOTHING;
    // Tiled: layer row ranges [rowStart[i], rowEnd[i]) and column ranges for the current request.
    private final int[] rowStart = new int[2], rowEnd = new int[2];
    private final int[] colStart = new int[2], colEnd = new int[2];

    LayerInput(PlacedLayer layer) {
        this.layer = layer;
        this.width = layer.image().width;
        this.height = layer.image().height;
    }

    /** Asks the layer for the parts that meet {@code request} (base coordinates). */
    void prepare(Rect request) {
        if (!layer.tiled()) {
            // The layer's rectangle may reach past 2^31 (an offset near the int limit): clipped in long.
            Rect o = request.clip(layer.left(), layer.top(), width, height);
            // An empty intersection can still have a height: keep it from matching any row.
            overlap = o.isEmpty() ? NOTHING : o;
            if (overlap != NOTHING) {
                fetch(0, overlap.translate(-layer.left(), -layer.top()));
            }
            return;
        }
        int rows = ranges((long) request.y() - layer.top(), request.height(), height, rowStart, rowEnd);
        int cols = ranges((long) request.x() - layer.left(), request.width(), width, colStart, colEnd);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                fetch(2 * i + j, new Rect(colStart[j], rowStart[i], colEnd[j] - colStart[j], rowEnd[i] - rowStart[i]));
            }
        }
        if (rows == 1) {
            rowStart[1] = rowEnd[1] = 0;
        }
        if (cols == 1) {
            colStart[1] = colEnd[1] = 0;
        }
    }

    /**
     * The layer coordinates (modulo {@code size}) that a run of {@code length} base coordinates
     * from {@code from} (relative to the anchor) maps to: one or two ranges.
     */
    private static int ranges(long from, int length, int size, int[] start, int[] end) {
        if (length >= size) {
            start[0] = 0;
            end[0] = size;
            return 1;
        }
        int s = (int) Math.floorMod(from, (long) size);
        start[0] = s;
        if (s + length <= size) {
            end[0] = s + length;
            return 1;
        }
        end[0] = size;
        start[1] = 0;
        end[1] = s + length - size;
        return 2;
    }

    private void fetch(int slot, Rect rect) {
        if (sequence == null) {
            sequence = layer.image().producer().start();
        }
        Region r = Region.reuse(regions[slot], rect, layer.image().bands, layer.image().format);
        regions[slot] = r;
        sequence.generate(r);
    }

    Region region(int slot) {
        return regions[slot];
    }

    /** Most spans a row of {@code requestWidth} pixels can have. */
    private int maxSpans(int requestWidth) {
        return layer.tiled() ? requestWidth / width + 2 : 1;
    }

    /** The spans of the last {@link #computeSpans} call, {@link #SPAN} ints each, ordered by x. */
    int[] spans = new int[SPAN];
    /** How many spans the last {@link #computeSpans} call found. */
    int spanCount;

    /**
     * Finds the spans of row {@code y} of the current request ({@code x0..x1}) that the layer
     * covers: output x, region slot, layer x, layer y, length. Returns their number.
     */
    int computeSpans(int y, int x0, int x1) {
        if (!layer.tiled()) {
            if (y < overlap.y() || y >= overlap.bottom()) {
                return spanCount = 0;
            }
            spans[0] = overlap.x();
            spans[1] = 0;
            spans[2] = overlap.x() - layer.left();
            spans[3] = y - layer.top();
            spans[4] = overlap.width();
            return spanCount = 1;
        }
        if (spans.length < maxSpans(x1 - x0) * SPAN) {
            spans = new int[maxSpans(x1 - x0) * SPAN];
        }
        int ly = (int) Math.floorMod((long) y - layer.top(), (long) height);
        int rowSlot = ly >= rowStart[0] && ly < rowEnd[0] ? 0 : 2;
        int n = 0;
        for (int x = x0; x < x1; ) {
            int lx = (int) Math.floorMod((long) x - layer.left(), (long) width);
            int len = Math.min(width - lx, x1 - x);
            int colSlot = lx >= colStart[0] && lx < colEnd[0] ? 0 : 1;
            int o = n * SPAN;
            spans[o] = x;
            spans[o + 1] = rowSlot + colSlot;
            spans[o + 2] = lx;
            spans[o + 3] = ly;
            spans[o + 4] = len;
            n++;
            x += len;
        }
        return spanCount = n;
    }

    @Override
    public void close() {
        if (sequence != null) {
            Sequence s = sequence;
            sequence = null;
            s.close();
        }
    }
}
