package dev.lamina.composite;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

import java.util.Arrays;

/**
 * One worker's half of a composite: the base and layer inputs, and the work rows. Rows are
 * reused across requests, so steady-state generation allocates nothing.
 *
 * <p>Per output row: find each layer's spans; if no layer changes the row, or the layers that do
 * are all 8-bit over layers whose spans do not overlap (one layer, or the tiles of a collage), work
 * in bytes ({@link DirectU8}): each pixel then meets one layer at most, which is exactly the
 * one-layer case; otherwise run the double accumulator over the stretch of the row the layers
 * cover, and (8-bit) copy the rest from the base in bytes.
 */
final class CompositeSequence implements Sequence {
    private final CompositeOp.Plan plan;
    private final LayerInput[] layers;
    private final int colours;
    private final int stride;          // canonical samples per pixel: colours + alpha
    private Sequence baseSequence;
    private Region baseRegion;

    private double[] acc = new double[0];      // the destination, premultiplied, canonical layout
    private double[] raw = new double[0];      // input samples as read, in the input's layout
    private double[] src = new double[0];      // a layer row, straight, canonical layout
    private double[] packed = new double[0];   // colour only, when the output has no alpha
    private final ModeKernel.Scratch scratch = new ModeKernel.Scratch();
    private long[] order = new long[0];        // disjoint spans of a row: x << 32 | layer << 16 | span

    CompositeSequence(CompositeOp.Plan plan) {
        this.plan = plan;
        this.colours = plan.colours();
        this.stride = colours + 1;
        this.layers = plan.layers().stream().map(LayerInput::new).toArray(LayerInput[]::new);
    }

    @Override
    public void generate(Region out) {
        Rect r = out.rect();
        if (baseSequence == null) {
            baseSequence = plan.base().producer().start();
        }
        baseRegion = Region.reuse(baseRegion, r, plan.base().bands, plan.base().format);
        baseSequence.generate(baseRegion);
        for (LayerInput l : layers) {
            l.prepare(r);
        }
        ensureRows(r.width());

        DirectU8.RowCopier copier = plan.baseCopier();
        for (int y = r.y(); y < r.bottom(); y++) {
            int active = 0;
            boolean clears = false;
            int from = r.right(), to = r.x();     // the stretch of the row the layers cover
            LayerInput only = null;
            for (LayerInput l : layers) {
                int n = l.computeSpans(y, r.x(), r.right());
                boolean keeps = l.layer.keepsOutside();
                if (n > 0 || !keeps) {
                    active++;
                    only = l;
                    clears |= !keeps;
                }
                if (n > 0) {
                    from = Math.min(from, l.spans[0]);
                    int last = (n - 1) * LayerInput.SPAN;
                    to = Math.max(to, l.spans[last] + l.spans[last + 4]);
                }
            }
            if (copier == null) {
                blendRow(out, y, r.x(), r.right());
            } else if (active == 0) {
                copy(copier, out, y, r.x(), r.right());
            } else if (active == 1 && only.layer.overU8() != null) {
                overRowU8(copier, only, out, y, r.x(), r.right());
            } else if (!clears && disjointOverU8()) {
                disjointRowU8(copier, out, y, r.x(), r.right());
            } else if (clears) {
                blendRow(out, y, r.x(), r.right());
            } else {
                // Outside [from, to) every layer leaves the base as it is: copy it in bytes.
                copy(copier, out, y, r.x(), from);
                blendRow(out, y, from, to);
                copy(copier, out, y, to, r.right());
            }
        }
    }

    private void copy(DirectU8.RowCopier copier, Region out, int y, int x0, int x1) {
        if (x1 > x0) {
            copier.copy(baseRegion.u8(), baseRegion.index(x0, y), out.u8(), out.index(x0, y), x1 - x0);
        }
    }

    /** Row y with one 8-bit over layer: its spans through the byte kernel, the gaps copied from the base. */
    private void overRowU8(DirectU8.RowCopier copier, LayerInput l, Region out, int y, int x0, int x1) {
        DirectU8.OverKernel kernel = l.layer.overU8();
        int[] spans = l.spans;
        int x = x0;
        for (int s = 0; s < l.spanCount * LayerInput.SPAN; s += LayerInput.SPAN) {
            copy(copier, out, y, x, spans[s]);
            x = spans[s];
            Region lr = l.region(spans[s + 1]);
            kernel.over(baseRegion.u8(), baseRegion.index(x, y), lr.u8(), lr.index(spans[s + 2], spans[s + 3]),
                    out.u8(), out.index(x, y), spans[s + 4]);
            x += spans[s + 4];
        }
        copy(copier, out, y, x, x1);
    }

    /**
     * Whether every layer with spans on the current row is an 8-bit over layer and no two spans
     * overlap; if so, {@link #order} holds the spans sorted by x ({@code x << 32 | layer << 16 |
     * span}). Layers and spans per row are few (a collage row: one span per tile), so a sort of
     * a handful of longs.
     */
    private boolean disjointOverU8() {
        int n = 0;
        for (int li = 0; li < layers.length; li++) {
            LayerInput l = layers[li];
            if (l.spanCount == 0) {
                continue;
            }
            if (l.layer.overU8() == null || li > 0xFFFF || l.spanCount > 0xFFFF) {
                return false;
            }
            if (order.length < n + l.spanCount) {
                order = Arrays.copyOf(order, Math.max(2 * order.length, n + l.spanCount));
            }
            for (int s = 0; s < l.spanCount; s++) {
                order[n++] = (long) l.spans[s * LayerInput.SPAN] << 32 | (long) li << 16 | s;
            }
        }
        Arrays.sort(order, 0, n);   // x is never negative: spans lie inside the request
        int end = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            LayerInput l = layers[(int) (order[i] >>> 16) & 0xFFFF];
            int o = ((int) order[i] & 0xFFFF) * LayerInput.SPAN;
            if (l.spans[o] < end) {
                return false;
            }
            end = l.spans[o] + l.spans[o + 4];
        }
        orderCount = n;
        return true;
    }

    private int orderCount;

    /** Row y whose layers are disjoint 8-bit over layers: each span through its byte kernel, gaps copied. */
    private void disjointRowU8(DirectU8.RowCopier copier, Region out, int y, int x0, int x1) {
        int x = x0;
        for (int i = 0; i < orderCount; i++) {
            LayerInput l = layers[(int) (order[i] >>> 16) & 0xFFFF];
            int o = ((int) order[i] & 0xFFFF) * LayerInput.SPAN;
            int[] spans = l.spans;
            copy(copier, out, y, x, spans[o]);
            x = spans[o];
            Region lr = l.region(spans[o + 1]);
            l.layer.overU8().over(baseRegion.u8(), baseRegion.index(x, y), lr.u8(), lr.index(spans[o + 2], spans[o + 3]),
                    out.u8(), out.index(x, y), spans[o + 4]);
            x += spans[o + 4];
        }
        copy(copier, out, y, x, x1);
    }

    /**
     * The general path for pixels x0..x1 of row y: every layer through the double accumulator.
     * The caller makes sure no layer that clears outside itself has spans outside x0..x1.
     */
    private void blendRow(Region out, int y, int x0, int x1) {
        int w = x1 - x0;
        SampleRows.read(baseRegion, x0, y, w, raw);
        plan.baseLoader().load(raw, acc, w, 1.0);
        CanonicalRows.premultiply(acc, w, colours);
        for (LayerInput l : layers) {
            PlacedLayer p = l.layer;
            int[] spans = l.spans;
            int n = l.spanCount;
            for (int s = 0; s < n * LayerInput.SPAN; s += LayerInput.SPAN) {
                int len = spans[s + 4];
                SampleRows.read(l.region(spans[s + 1]), spans[s + 2], spans[s + 3], len, raw);
                p.loader().load(raw, src, len, p.opacity());
                p.kernel().apply(acc, spans[s] - x0, src, len, scratch);
            }
            if (!p.keepsOutside() && !p.tiled()) {
                // A transparent source clears the destination for this mode: outside the layer
                // the result is transparent black (an untiled layer has at most one span).
                if (n == 0) {
                    Arrays.fill(acc, 0, w * stride, 0.0);
                } else {
                    Arrays.fill(acc, 0, (spans[0] - x0) * stride, 0.0);
                    Arrays.fill(acc, (spans[0] + spans[4] - x0) * stride, w * stride, 0.0);
                }
            }
        }
        CanonicalRows.unpremultiply(acc, w, colours);
        if (plan.alpha()) {
            SampleRows.write(acc, out, x0, y, w);
        } else {
            CanonicalRows.dropAlpha(acc, packed, w, colours);
            SampleRows.write(packed, out, x0, y, w);
        }
    }

    private void ensureRows(int w) {
        if (acc.length < w * stride) {
            acc = new double[w * stride];
            src = new double[w * stride];
            raw = new double[w * 4];
            packed = new double[w * colours];
        }
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (LayerInput l : layers) {
            try {
                l.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (baseSequence != null) {
            Sequence s = baseSequence;
            baseSequence = null;
            try {
                s.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
