package dev.lamina.composite;

import dev.lamina.model.BlendMode;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Producer;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

import java.util.ArrayList;
import java.util.List;

/**
 * Composites N layers onto a base in one operation.
 *
 * <h2>What is computed</h2>
 * <ul>
 * <li><b>Order.</b> Each layer (the source, "A") is drawn on what is below it (the destination,
 * "B": the base and the layers before it), in list order.</li>
 * <li><b>Layers cover the whole base.</b> Conceptually each layer is a transparent image the size
 * of the base with the layer drawn at its place. So modes where a transparent source changes the
 * destination (clear, source, in, out, dest-in, dest-atop) make the base transparent black outside
 * the layer, as in libvips. For the other modes a transparent source leaves the destination as it
 * is, so pixels outside the layer pass through untouched; which modes are which is decided once per
 * mode, at build.</li>
 * <li><b>Placement.</b> Layers larger than the base or partly or completely off it are clipped,
 * never an error. Tiled layers repeat over the whole base, their grid anchored at the given
 * offset ({@link Placement}).</li>
 * <li><b>Common layout.</b> RGB if any input is RGB (grey inputs are replicated into R = G = B),
 * else grey; alpha if any input has alpha; band format the widest input format (U8 &lt; U16 &lt;
 * F32) unless {@code outputFormat} is given. The output's metadata is the base's. An input without
 * alpha is opaque. When no input has alpha the result's alpha (which opacity or a mode such as
 * xor can still lower) is dropped after unpremultiplying: the colour is written straight.</li>
 * <li><b>Opacity</b> (0..1) multiplies the layer's alpha.</li>
 * <li><b>Alpha.</b> Straight (unpremultiplied) alpha at the edges, premultiplied inside. All
 * layers are accumulated in double and rounded once, at the end, by
 * {@link dev.lamina.core.SampleRows} (the project's one rounding rule). The final colour is
 * clamped to [0, αo] and alpha to [0, 1] before unpremultiplying; an output alpha of 0 gives
 * colour 0. Intermediate results are not clamped (as libvips). F32 input samples are clamped to
 * 0..1 on the way in (NaN reads as 0).</li>
 * <li><b>Modes</b> ({@link BlendMode}), with αs, Cs the source and αb, Cb the destination
 * (straight), cs = αs·Cs and cb = αb·Cb premultiplied:
 *   <ul>
 *   <li>the twelve Porter-Duff operators with the Fa/Fb table of W3C Compositing and Blending
 *   Level 1: co = αs·Fa·Cs + αb·Fb·Cb, αo = αs·Fa + αb·Fb;</li>
 *   <li>add, as libvips: αo = min(1, αs + αb), co = cs + cb;</li>
 *   <li>saturate, as cairo defines it and libvips documents it: αo = min(1, αs + αb),
 *   co = min(αs, 1 - αb)·Cs + cb. (libvips' code multiplies min(αs, 1 - αb) by the premultiplied
 *   cs instead, which counts the source alpha twice; Lamina follows the definition.)</li>
 *   <li>the separable blend modes (multiply, screen, overlay, darken, lighten, colour-dodge,
 *   colour-burn, hard-light, soft-light, difference, exclusion) with the W3C functions B(Cb, Cs)
 *   and source-over: co = cs·(1 - αb) + cb·(1 - αs) + αs·αb·B(Cb, Cs), αo = αs + αb·(1 - αs).</li>
 *   </ul></li>
 * </ul>
 *
 * <h2>How</h2>
 * Each request reads the base strip and, from each layer, only the part that meets it (tiled
 * layers: the distinct parts their copies need). Rows are worked in a double accumulator per
 * sequence in the canonical layout (colour then alpha), with one row kernel per layer chosen at
 * build. Rows that no layer touches are converted straight from the base, and for 8-bit data a row
 * touched by one RGBA layer drawn with over is computed in integer arithmetic: exact at full
 * opacity, 40-bit fixed-point weights at other opacities on an opaque base (see {@code DirectU8}). The demand hint is the tightest of the inputs'; the result is sequential if
 * any input is.
 */
public final class CompositeOp {
    private CompositeOp() {
    }

    /**
     * The base with {@code layers} drawn on it, in order. {@code outputFormat} null means the
     * widest input format. Computes nothing until a sink asks.
     */
    public static Image build(Image base, List<CompositeLayer> layers, BandFormat outputFormat) {
        return build(base, layers, outputFormat, Limits.defaults());
    }

    /**
     * As {@link #build(Image, List, BandFormat)}; a tiled layer that is sequential is held in
     * memory whole, within the memory budget of {@code limits}.
     */
    public static Image build(Image base, List<CompositeLayer> layers, BandFormat outputFormat, Limits limits) {
        if (base == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "composite: the base image is missing");
        }
        if (layers == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "composite: the list of layers is missing");
        }
        boolean rgb = base.interpretation == Interpretation.RGB;
        boolean alpha = base.hasAlpha;
        BandFormat widest = base.format;
        boolean sequential = base.sequential;
        DemandHint demand = base.producer().demand();
        for (int i = 0; i < layers.size(); i++) {
            CompositeLayer l = checked(layers.get(i), i + 1);
            rgb |= l.image().interpretation == Interpretation.RGB;
            alpha |= l.image().hasAlpha;
            widest = BandFormat.widest(widest, l.image().format);
            sequential |= l.image().sequential;
            demand = DemandHint.tightest(demand, l.image().producer().demand());
        }
        Interpretation interpretation = rgb ? Interpretation.RGB : Interpretation.GREY;
        BandFormat format = outputFormat != null ? outputFormat : widest;
        int colours = interpretation.colourBands;
        int outBands = colours + (alpha ? 1 : 0);

        List<PlacedLayer> placed = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            CompositeLayer l = layers.get(i);
            if (l.mode() == BlendMode.DEST) {
                continue;   // keeps the destination everywhere: nothing to draw
            }
            placed.add(place(base, l, colours, format, outBands, limits, "layer " + (i + 1)));
        }
        DirectU8.RowCopier baseCopier = base.format == BandFormat.U8 && format == BandFormat.U8
                && base.interpretation.colourBands == colours
                ? DirectU8.baseCopier(base.bands, base.hasAlpha, outBands) : null;
        Plan plan = new Plan(base, List.copyOf(placed), colours, alpha, outBands,
                CanonicalRows.loader(base.interpretation.colourBands, base.hasAlpha, colours), baseCopier, demand);
        return new Image(base.width, base.height, interpretation, alpha, format, sequential, base.metadata, plan);
    }

    private static CompositeLayer checked(CompositeLayer l, int number) {
        String name = "layer " + number;
        if (l == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + " is missing");
        }
        if (l.image() == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the image is missing");
        }
        if (l.mode() == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the blend mode is missing");
        }
        if (l.placement() == null) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the placement is missing");
        }
        if (!(l.opacity() >= 0.0 && l.opacity() <= 1.0)) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": opacity must be between 0 and 1, not " + l.opacity());
        }
        return l;
    }

    private static PlacedLayer place(Image base, CompositeLayer l, int colours, BandFormat format, int outBands,
                                     Limits limits, String name) {
        Image image = l.image();
        Placement p = l.placement();
        if (p.isTiled() && image.sequential) {
            // Tiles revisit the layer's rows many times; a forward-only decoder would restart each time.
            image.checkWhole(limits, name, "holding the " + image.width + "x" + image.height + " tile in memory");
            image = image.withProducer(new WholeImageOnce(image), false);
        }
        boolean over8 = l.mode() == BlendMode.OVER && image.format == BandFormat.U8
                && base.format == BandFormat.U8 && format == BandFormat.U8;
        return new PlacedLayer(image, p.left(base.width, image.width), p.top(base.height, image.height), p.isTiled(),
                l.opacity(), l.mode(), ModeKernel.transparentSourceKeepsDestination(l.mode()),
                ModeKernel.of(l.mode(), colours),
                CanonicalRows.loader(image.interpretation.colourBands, image.hasAlpha, colours),
                over8 ? DirectU8.overKernel(base.bands, image.bands, outBands, l.opacity()) : null);
    }

    /** The built operation: shared, immutable; each worker gets a {@link CompositeSequence}. */
    record Plan(Image base, List<PlacedLayer> layers, int colours, boolean alpha, int outBands,
                CanonicalRows.Loader baseLoader, DirectU8.RowCopier baseCopier, DemandHint demand)
            implements Producer {

        @Override
        public Sequence start() {
            return new CompositeSequence(this);
        }
    }

    /**
     * A random-access view of a sequential image, computed once on first use on the asking thread
     * (never through the worker pool, whose jobs must not wait on each other). Memory is the
     * image's area: used only for tiles, which are small by nature.
     */
    private static final class WholeImageOnce implements Producer {
        private final Image image;
        private Region pixels;

        WholeImageOnce(Image image) {
            this.image = image;
        }

        private synchronized Region pixels() {
            if (pixels == null) {
                pixels = image.fetch(image.bounds());
            }
            return pixels;
        }

        @Override
        public Sequence start() {
            return out -> out.copyFrom(pixels());
        }
    }
}
