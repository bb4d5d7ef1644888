package dev.lamina.composite;

import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.core.Sequence;

import java.util.Arrays;

/**
 * One worker's half of a composite: the base and layer inputs, and the work rows. Rows are
 * reused across requests, so steady-state generation allocates nothing.
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
    private int[] spans = new int[0];
    private final ModeKernel.Scratch scratch = new ModeKernel.Scratch();

    CompositeSequence(CompositeOp.Plan plan) {
        this.plan = plan;
        this.colours = plan.colours();
        this.stride = colours + 1;
        this.layers = plan.layers().stream().map(LayerInput::new).toArray(LayerInput[]::new);
    }

    @Override
    public void generate(Region out) {
        Rect r = out.rect();
        int w = r.width();
        if (baseSequence == null) {
            baseSequence = plan.base().producer().start();
        }
        baseRegion = Region.reuse(baseRegion, r, plan.base().bands, plan.base().format);
        baseSequence.generate(baseRegion);
        int maxSpans = 1;
        for (LayerInput l : layers) {
            l.prepare(r);
            maxSpans = Math.max(maxSpans, l.maxSpans(w));
        }
        ensureRows(w, maxSpans);

        DirectU8.RowCopier copier = plan.baseCopier();
        for (int y = r.y(); y < r.bottom(); y++) {
            int active = 0;
            LayerInput only = null;
            for (LayerInput l : layers) {
                if (l.touchesRow(y) || !l.layer.keepsOutside()) {
                    active++;
                    only = l;
                }
            }
            if (copier != null && (active == 0 || (active == 1 && only.layer.overU8() != null))) {
                copier.copy(baseRegion.u8(), baseRegion.index(r.x(), y), out.u8(), out.index(r.x(), y), w);
                if (active == 1) {
                    overRowU8(only, out, r, y);
                }
            } else {
                blendRow(out, r, y);
            }
        }
    }

    /** The 8-bit over layer's spans of row y, straight from bytes to bytes. */
    private void overRowU8(LayerInput l, Region out, Rect r, int y) {
        DirectU8.OverKernel kernel = l.layer.overU8();
        int n = l.spans(y, r.x(), r.right(), spans);
        for (int s = 0; s < n * LayerInput.SPAN; s += LayerInput.SPAN) {
            int x = spans[s];
            Region lr = l.region(spans[s + 1]);
            kernel.over(baseRegion.u8(), baseRegion.index(x, y), lr.u8(), lr.index(spans[s + 2], spans[s + 3]),
                    out.u8(), out.index(x, y), spans[s + 4]);
        }
    }

    /** The general path: every layer through the double accumulator. */
    private void blendRow(Region out, Rect r, int y) {
        int w = r.width();
        SampleRows.read(baseRegion, r.x(), y, w, raw);
        plan.baseLoader().load(raw, acc, w, 1.0);
        CanonicalRows.premultiply(acc, w, colours);
        for (LayerInput l : layers) {
            PlacedLayer p = l.layer;
            int n = l.spans(y, r.x(), r.right(), spans);
            for (int s = 0; s < n * LayerInput.SPAN; s += LayerInput.SPAN) {
                int len = spans[s + 4];
                SampleRows.read(l.region(spans[s + 1]), spans[s + 2], spans[s + 3], len, raw);
                p.loader().load(raw, src, len, p.opacity());
                p.kernel().apply(acc, spans[s] - r.x(), src, len, scratch);
            }
            if (!p.keepsOutside() && !p.tiled()) {
                // A transparent source clears the destination for this mode: outside the layer
                // the result is transparent black (an untiled layer has at most one span).
                if (n == 0) {
                    Arrays.fill(acc, 0, w * stride, 0.0);
                } else {
                    Arrays.fill(acc, 0, (spans[0] - r.x()) * stride, 0.0);
                    Arrays.fill(acc, (spans[0] + spans[4] - r.x()) * stride, w * stride, 0.0);
                }
            }
        }
        CanonicalRows.unpremultiply(acc, w, colours);
        if (plan.alpha()) {
            SampleRows.write(acc, out, r.x(), y, w);
        } else {
            CanonicalRows.dropAlpha(acc, packed, w, colours);
            SampleRows.write(packed, out, r.x(), y, w);
        }
    }

    private void ensureRows(int w, int maxSpans) {
        if (acc.length < w * stride) {
            acc = new double[w * stride];
            src = new double[w * stride];
            raw = new double[w * 4];
            packed = new double[w * colours];
        }
        if (spans.length < maxSpans * LayerInput.SPAN) {
            spans = new int[maxSpans * LayerInput.SPAN];
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
