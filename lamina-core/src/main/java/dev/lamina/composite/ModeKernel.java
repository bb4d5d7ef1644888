package dev.lamina.composite;

import dev.lamina.model.BlendMode;

/**
 * Draws one row of a layer onto the accumulator, for one blend mode. Chosen once per layer at
 * build; called once per row span, so the mode never costs a switch per pixel.
 *
 * <p>Rows are in the canonical layout: {@code C} colour samples then alpha ({@code C + 1} per
 * pixel, C = 1 or 3). The accumulator {@code acc} holds the destination premultiplied; the source
 * row {@code src} holds straight colour and its alpha (opacity already applied). Notation follows
 * W3C Compositing and Blending Level 1: {@code αs, Cs} the source, {@code αb, cb} the backdrop
 * (premultiplied {@code cb = αb·Cb}).
 */
abstract class ModeKernel {
    final int colours;
    final int stride;

    ModeKernel(int colours) {
        this.colours = colours;
        this.stride = colours + 1;
    }

    /**
     * Draws {@code n} source pixels {@code src[0..n)} onto accumulator pixels
     * {@code acc[at..at + n)}. {@code scratch} provides work rows of at least {@code n * colours}.
     */
    abstract void apply(double[] acc, int at, double[] src, int n, Scratch scratch);

    /** Reusable work rows, one set per sequence. */
    static final class Scratch {
        double[] cb = new double[0];
        double[] cs = new double[0];
        double[] f = new double[0];

        void ensure(int samples) {
            if (cb.length < samples) {
                cb = new double[samples];
                cs = new double[samples];
                f = new double[samples];
            }
        }
    }

    /**
     * Whether a fully transparent source (αs = 0) leaves the destination as it is. When it does,
     * pixels outside the layer need no work; when it does not (clear, source, in, out, dest-in,
     * dest-atop) the destination becomes transparent black there, which the caller does directly.
     */
    static boolean transparentSourceKeepsDestination(BlendMode mode) {
        return switch (mode) {
            case CLEAR, SOURCE, IN, OUT, DEST_IN, DEST_ATOP -> false;
            default -> true;
        };
    }

    static ModeKernel of(BlendMode mode, int colours) {
        return switch (mode) {
            // Porter-Duff, W3C table: Fa = fa0 + fa1·αb, Fb = fb0 + fb1·αs.
            case CLEAR -> new PorterDuff(colours, 0, 0, 0, 0);
            case SOURCE -> new PorterDuff(colours, 1, 0, 0, 0);
            case DEST -> new PorterDuff(colours, 0, 0, 1, 0);
            case OVER -> new PorterDuff(colours, 1, 0, 1, -1);
            case DEST_OVER -> new PorterDuff(colours, 1, -1, 1, 0);
            case IN -> new PorterDuff(colours, 0, 1, 0, 0);
            case DEST_IN -> new PorterDuff(colours, 0, 0, 0, 1);
            case OUT -> new PorterDuff(colours, 1, -1, 0, 0);
            case DEST_OUT -> new PorterDuff(colours, 0, 0, 1, -1);
            case ATOP -> new PorterDuff(colours, 0, 1, 1, -1);
            case DEST_ATOP -> new PorterDuff(colours, 1, -1, 0, 1);
            case XOR -> new PorterDuff(colours, 1, -1, 1, -1);
            case ADD -> new Add(colours);
            case SATURATE -> new Saturate(colours);
            case MULTIPLY -> new Separable(colours, BlendFunctions::multiply);
            case SCREEN -> new Separable(colours, BlendFunctions::screen);
            case OVERLAY -> new Separable(colours, BlendFunctions::overlay);
            case DARKEN -> new Separable(colours, BlendFunctions::darken);
            case LIGHTEN -> new Separable(colours, BlendFunctions::lighten);
            case COLOUR_DODGE -> new Separable(colours, BlendFunctions::colourDodge);
            case COLOUR_BURN -> new Separable(colours, BlendFunctions::colourBurn);
            case HARD_LIGHT -> new Separable(colours, BlendFunctions::hardLight);
            case SOFT_LIGHT -> new Separable(colours, BlendFunctions::softLight);
            case DIFFERENCE -> new Separable(colours, BlendFunctions::difference);
            case EXCLUSION -> new Separable(colours, BlendFunctions::exclusion);
        };
    }

    /**
     * The twelve Porter-Duff operators as one linear kernel: co = αs·Fa·Cs + Fb·cb,
     * αo = αs·Fa + αb·Fb. The coefficients are 0, 1 or -1, so {@code fa0 + fa1·αb} is exactly
     * the table's 0, 1, αb or 1 - αb: no rounding differs from the formula written per mode.
     */
    static final class PorterDuff extends ModeKernel {
        private final double fa0, fa1, fb0, fb1;

        PorterDuff(int colours, double fa0, double fa1, double fb0, double fb1) {
            super(colours);
            this.fa0 = fa0;
            this.fa1 = fa1;
            this.fb0 = fb0;
            this.fb1 = fb1;
        }

        @Override
        void apply(double[] acc, int at, double[] src, int n, Scratch scratch) {
            final int k = stride, c = colours;
            for (int i = 0, s = 0, d = at * k; i < n; i++, s += k, d += k) {
                double as = src[s + c], ab = acc[d + c];
                double wa = as * (fa0 + fa1 * ab);       // αs·Fa: the weight of straight Cs
                double fb = fb0 + fb1 * as;
                for (int b = 0; b < c; b++) {
                    acc[d + b] = wa * src[s + b] + fb * acc[d + b];
                }
                acc[d + c] = wa + fb * ab;
            }
        }
    }

    /** libvips add: αo = min(1, αs + αb), co = cs + cb (clamped to αo only at the very end). */
    static final class Add extends ModeKernel {
        Add(int colours) {
            super(colours);
        }

        @Override
        void apply(double[] acc, int at, double[] src, int n, Scratch scratch) {
            final int k = stride, c = colours;
            for (int i = 0, s = 0, d = at * k; i < n; i++, s += k, d += k) {
                double as = src[s + c], ab = acc[d + c];
                for (int b = 0; b < c; b++) {
                    acc[d + b] = as * src[s + b] + acc[d + b];
                }
                acc[d + c] = Math.min(1.0, as + ab);
            }
        }
    }

    /**
     * Saturate (cairo's definition, which libvips documents): αo = min(1, αs + αb),
     * co = min(αs, 1 - αb)·Cs + cb: the source fills only the room the destination leaves.
     */
    static final class Saturate extends ModeKernel {
        Saturate(int colours) {
            super(colours);
        }

        @Override
        void apply(double[] acc, int at, double[] src, int n, Scratch scratch) {
            final int k = stride, c = colours;
            for (int i = 0, s = 0, d = at * k; i < n; i++, s += k, d += k) {
                double as = src[s + c], ab = acc[d + c];
                double w = Math.min(as, 1.0 - ab);
                for (int b = 0; b < c; b++) {
                    acc[d + b] = w * src[s + b] + acc[d + b];
                }
                acc[d + c] = Math.min(1.0, as + ab);
            }
        }
    }

    /** A separable blend function B(Cb, Cs), applied to {@code m} samples of straight colour. */
    @FunctionalInterface
    interface BlendFunction {
        void blend(double[] cb, double[] cs, double[] out, int m);
    }

    /**
     * The W3C separable blend modes with source-over: co = cs·(1 - αb) + cb·(1 - αs) + αs·αb·B(Cb, Cs),
     * αo = αs + αb·(1 - αs). Three passes per span (unpremultiply the backdrop, B over the whole span,
     * composite) so the mode's function is one tight loop called once per span.
     */
    static final class Separable extends ModeKernel {
        private final BlendFunction function;

        Separable(int colours, BlendFunction function) {
            super(colours);
            this.function = function;
        }

        @Override
        void apply(double[] acc, int at, double[] src, int n, Scratch scratch) {
            final int k = stride, c = colours;
            scratch.ensure(n * c);
            double[] cb = scratch.cb, cs = scratch.cs, f = scratch.f;
            for (int i = 0, s = 0, d = at * k, j = 0; i < n; i++, s += k, d += k, j += c) {
                double ab = acc[d + c];
                for (int b = 0; b < c; b++) {
                    // Cb only matters multiplied by αb below, so any value does when αb = 0.
                    cb[j + b] = ab > 0 ? acc[d + b] / ab : 0.0;
                    cs[j + b] = src[s + b];
                }
            }
            function.blend(cb, cs, f, n * c);
            for (int i = 0, s = 0, d = at * k, j = 0; i < n; i++, s += k, d += k, j += c) {
                double as = src[s + c], ab = acc[d + c];
                double wSource = as * (1.0 - ab), wBackdrop = 1.0 - as, wBlend = as * ab;
                for (int b = 0; b < c; b++) {
                    acc[d + b] = wSource * src[s + b] + wBackdrop * acc[d + b] + wBlend * f[j + b];
                }
                acc[d + c] = as + ab * (1.0 - as);
            }
        }
    }
}
