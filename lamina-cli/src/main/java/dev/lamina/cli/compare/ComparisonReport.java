package dev.lamina.cli.compare;

import dev.lamina.metrics.Comparison;

import java.util.List;
import java.util.Locale;

/**
 * The two ways {@code lamina compare} prints its results: a table for people and JSON for
 * machines. The JSON is written by hand with a fixed key order; values that JSON cannot hold
 * (PSNR of identical images, metrics undefined for the size) are {@code null}, and
 * {@code "identical"} says which case an infinite PSNR is.
 */
public final class ComparisonReport {
    private ComparisonReport() {
    }

    /** The table. */
    public static String table(String nameA, String nameB, Comparison c, List<Gate.Result> gates) {
        StringBuilder s = new StringBuilder();
        String[] bands = c.bandNames();
        s.append("compare ").append(nameA).append("  vs  ").append(nameB).append('\n');
        s.append(String.format(Locale.ROOT, "  %d x %d, bands %s, data range %s, %s%n", c.width(), c.height(),
                String.join("", bands), number(c.dataRange()),
                c.premultiplied() ? "colour premultiplied by alpha"
                        : bands[bands.length - 1].equals("A") ? "straight values" : "no alpha"));
        s.append(String.format(Locale.ROOT, "  %-22s %12s", "", "all"));
        for (String b : bands) {
            s.append(String.format(Locale.ROOT, " %10s", b));
        }
        s.append('\n');
        row(s, "PSNR (dB)", fixed(c.psnr(), 2), c.psnrPerBand(), 2, bands.length);
        row(s, "SSIM", fixed(c.ssim(), 5), c.ssimPerBand(), 5, bands.length);
        s.append(String.format(Locale.ROOT, "  %-22s %12s%n", "MS-SSIM", fixed(c.msSsim(), 5)));
        row(s, "max abs error", fixed(c.maxAbsError(), 2), c.maxAbsErrorPerBand(), 2, bands.length);
        s.append(String.format(Locale.ROOT, "  %-22s %12d of %d (%s%%)%n", "differing samples",
                c.differingSamples(), c.samples(), fixed(100 * c.differingShare(), 4)));
        s.append(String.format(Locale.ROOT, "  %-22s mean %s  p95 %s  max %s  over %d visible pixels%n",
                "CIEDE2000", fixed(c.deltaEMean(), 4), fixed(c.deltaEP95(), 3), fixed(c.deltaEMax(), 4),
                c.visiblePixels()));
        if (!gates.isEmpty()) {
            s.append("gates\n");
            for (Gate.Result g : gates) {
                s.append(String.format(Locale.ROOT, "  %-14s %-10s %s %-10s %12s  %s%n", g.gate().option(),
                        g.gate().metric(), g.gate().relation(), number(g.gate().threshold()), fixed(g.value(), 4),
                        g.pass() ? "pass" : (Double.isNaN(g.value()) ? "FAIL (undefined for this size)" : "FAIL")));
            }
            s.append(gates.stream().allMatch(Gate.Result::pass) ? "result: pass\n" : "result: FAIL\n");
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String name, String all, double[] perBand, int decimals, int bands) {
        s.append(String.format(Locale.ROOT, "  %-22s %12s", name, all));
        for (int k = 0; k < bands; k++) {
            s.append(String.format(Locale.ROOT, " %10s", k < perBand.length ? fixed(perBand[k], decimals) : "-"));
        }
        s.append('\n');
    }

    private static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The JSON document, keys in a fixed order, one line. */
    public static String json(String nameA, String nameB, Comparison c, List<Gate.Result> gates) {
        StringBuilder s = new StringBuilder("{");
        String[] bands = c.bandNames();
        key(s, "a").append(string(nameA)).append(',');
        key(s, "b").append(string(nameB)).append(',');
        key(s, "width").append(c.width()).append(',');
        key(s, "height").append(c.height()).append(',');
        key(s, "bands").append('[');
        for (int k = 0; k < bands.length; k++) {
            s.append(k > 0 ? "," : "").append(string(bands[k]));
        }
        s.append("],");
        key(s, "dataRange").append(json(c.dataRange())).append(',');
        key(s, "premultiplied").append(c.premultiplied()).append(',');
        key(s, "identical").append(c.identical()).append(',');
        key(s, "psnr").append('{');
        key(s, "all").append(json(c.psnr())).append(',');
        perBand(s, bands, c.psnrPerBand());
        s.append("},");
        key(s, "ssim").append('{');
        key(s, "mean").append(json(c.ssim())).append(',');
        perBand(s, bands, c.ssimPerBand());
        s.append("},");
        key(s, "msSsim").append(json(c.msSsim())).append(',');
        key(s, "deltaE2000").append('{');
        key(s, "mean").append(json(c.deltaEMean())).append(',');
        key(s, "p95").append(json(c.deltaEP95())).append(',');
        key(s, "max").append(json(c.deltaEMax())).append(',');
        key(s, "visiblePixels").append(c.visiblePixels());
        s.append("},");
        key(s, "maxAbsError").append('{');
        key(s, "all").append(json(c.maxAbsError())).append(',');
        perBand(s, bands, c.maxAbsErrorPerBand());
        s.append("},");
        key(s, "differingSamples").append(c.differingSamples()).append(',');
        key(s, "samples").append(c.samples()).append(',');
        key(s, "differingShare").append(json(c.differingShare())).append(',');
        key(s, "gates").append('[');
        for (int i = 0; i < gates.size(); i++) {
            Gate.Result g = gates.get(i);
            s.append(i > 0 ? "," : "").append('{');
            key(s, "option").append(string(g.gate().option())).append(',');
            key(s, "metric").append(string(g.gate().metric())).append(',');
            key(s, "relation").append(string(g.gate().relation())).append(',');
            key(s, "threshold").append(json(g.gate().threshold())).append(',');
            key(s, "value").append(json(g.value())).append(',');
            key(s, "pass").append(g.pass());
            s.append('}');
        }
        s.append("],");
        key(s, "pass").append(gates.stream().allMatch(Gate.Result::pass));
        return s.append('}').toString();
    }

    /** Per-band values keyed by band name; bands without a value (alpha for SSIM) are left out. */
    private static void perBand(StringBuilder s, String[] bands, double[] values) {
        key(s, "perBand").append('{');
        for (int k = 0; k < values.length; k++) {
            s.append(k > 0 ? "," : "");
            key(s, bands[k]).append(json(values[k]));
        }
        s.append('}');
    }

    private static StringBuilder key(StringBuilder s, String k) {
        return s.append(string(k)).append(':');
    }

    /** A JSON number; null for NaN and infinities, which JSON cannot express. */
    static String json(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String string(String v) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        s.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        s.append(ch);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
