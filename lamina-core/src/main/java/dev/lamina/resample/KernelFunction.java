package dev.lamina.resample;

import dev.lamina.model.Kernel;

/**
 * The formulas of the {@link Kernel}s, as functions of the distance in (unstretched) kernel units.
 * Each is zero at and beyond its support, so a window that reaches exactly to the support adds
 * only zero weights (which {@link ResampleWeights} trims).
 */
public final class KernelFunction {

    private KernelFunction() {
    }

    /** The kernel's value at distance {@code d}. NEAREST is not a function here (see ResampleWeights). */
    public static double value(Kernel kernel, double d) {
        double x = Math.abs(d);
        return switch (kernel) {
            case NEAREST -> x < 0.5 ? 1.0 : 0.0;
            case LINEAR -> x < 1.0 ? 1.0 - x : 0.0;
            case CUBIC -> bcSpline(x, 0.0, 0.5);
            case MITCHELL -> bcSpline(x, 1.0 / 3.0, 1.0 / 3.0);
            case LANCZOS2 -> lanczos(x, 2);
            case LANCZOS3 -> lanczos(x, 3);
        };
    }

    /** Mitchell and Netravali's two-parameter cubic (SIGGRAPH 1988), for x = |d|. */
    private static double bcSpline(double x, double b, double c) {
        if (x < 1.0) {
            return ((12 - 9 * b - 6 * c) * x * x * x + (-18 + 12 * b + 6 * c) * x * x + (6 - 2 * b)) / 6.0;
        }
        if (x < 2.0) {
            return ((-b - 6 * c) * x * x * x + (6 * b + 30 * c) * x * x + (-12 * b - 48 * c) * x + (8 * b + 24 * c)) / 6.0;
        }
        return 0.0;
    }

    /** sin(pi x) sin(pi x / a) / (pi^2 x^2 / a): sinc windowed by a wider sinc, for x = |d|. */
    private static double lanczos(double x, int a) {
        if (x == 0.0) {
            return 1.0;
        }
        if (x >= a) {
            return 0.0;
        }
        double px = Math.PI * x;
        return a * Math.sin(px) * Math.sin(px / a) / (px * px);
    }
}
