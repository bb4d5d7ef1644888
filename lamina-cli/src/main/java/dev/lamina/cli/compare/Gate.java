package dev.lamina.cli.compare;

import dev.lamina.metrics.Comparison;

import java.util.function.ToDoubleFunction;

/**
 * One pass/fail threshold on one metric, as given on the command line.
 *
 * @param option    the option that set it (for messages and JSON), e.g. {@code --psnr-min}
 * @param metric    the metric's display name
 * @param atLeast   true for a minimum (value &gt;= threshold), false for a maximum (value &lt;= threshold)
 * @param threshold the limit
 * @param value     how to read the metric from a comparison
 */
public record Gate(String option, String metric, boolean atLeast, double threshold,
                   ToDoubleFunction<Comparison> value) {

    /** The outcome of this gate on one comparison. */
    public Result check(Comparison c) {
        double v = value.applyAsDouble(c);
        boolean pass;
        if (Double.isNaN(v)) {
            pass = false;   // undefined for this image size: the gate cannot be met
        } else {
            pass = atLeast ? v >= threshold : v <= threshold;
        }
        return new Result(this, v, pass);
    }

    /** A gate with the value it saw. */
    public record Result(Gate gate, double value, boolean pass) {
    }

    public static Gate psnrMin(double dB) {
        return new Gate("--psnr-min", "PSNR", true, dB, Comparison::psnr);
    }

    public static Gate ssimMin(double v) {
        return new Gate("--ssim-min", "SSIM", true, v, Comparison::ssim);
    }

    public static Gate deltaEMeanMax(double v) {
        return new Gate("--de-mean-max", "mean ΔE00", false, v, Comparison::deltaEMean);
    }

    public static Gate deltaEMax(double v) {
        return new Gate("--de-max", "max ΔE00", false, v, Comparison::deltaEMax);
    }

    /** The symbol for reports. */
    public String relation() {
        return atLeast ? ">=" : "<=";
    }
}
