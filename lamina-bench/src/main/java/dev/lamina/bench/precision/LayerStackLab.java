package dev.lamina.bench.precision;

import dev.lamina.metrics.Comparison;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The lab's layer-stack precision table (issue 11, item 5): for stacks of 2, 3 and 4 layers, the
 * SSIM and CIEDE2000 (mean, p95, max) of each engine's 8-bit result against the float64
 * reference, and the largest sample error in levels. Engines: Lamina, Java2D (8 bits per step),
 * libvips, ImageMagick and sharp through their command lines when installed, and the same
 * computation as the reference storing every step in 8 bits or in half floats.
 *
 * <pre>
 * bench/layer-stacks.sh [--size 640x480] [--out bench/report]
 * </pre>
 * Writes {@code layer-stacks.md} and {@code charts/layer-stacks.png} (CIEDE2000 p95 and max per
 * layer count) under the output directory, and prints the table.
 */
public final class LayerStackLab {
    private LayerStackLab() {
    }

    private record Row(String engine, int layers, Comparison c, String note) {
    }

    public static void main(String[] args) throws Exception {
        int w = 640, h = 480;
        Path out = Path.of("bench/report");
        Path node = Path.of("bench/node");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--size" -> {
                    String[] wh = args[++i].split("x");
                    w = Integer.parseInt(wh[0]);
                    h = Integer.parseInt(wh[1]);
                }
                case "--out" -> out = Path.of(args[++i]);
                case "--node" -> node = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("usage: LayerStackLab [--size WxH] [--out DIR] [--node DIR]");
            }
        }
        Path work = Files.createTempDirectory("layer-stacks");
        List<Row> rows = new ArrayList<>();
        for (int n = 2; n <= 4; n++) {
            LayerStack s = LayerStack.of(n, w, h);
            double[] ref = StackModel.render(s, StackModel.Storage.FLOAT64);
            Path dir = Files.createDirectories(work.resolve(n + "-layers"));
            add(rows, "Lamina", n, StackEngines.lamina(s), ref, w, h);
            add(rows, "Java2D (8 bits per step)", n, StackEngines.java2d(s), ref, w, h);
            add(rows, "model: 8 bits per step", n, rounded(StackModel.render(s, StackModel.Storage.U8)), ref, w, h);
            add(rows, "model: half float per step", n, rounded(StackModel.render(s, StackModel.Storage.HALF)), ref, w, h);
            peer(rows, "libvips 8.x CLI", n, StackPeers.vips(s, dir), ref, w, h);
            peer(rows, "ImageMagick (Q16)", n, StackPeers.imagemagick(s, dir), ref, w, h);
            peer(rows, "sharp", n, StackPeers.sharp(s, dir, node), ref, w, h);
        }
        String table = table(rows, w, h);
        System.out.print(table);
        Files.createDirectories(out.resolve("charts"));
        Files.writeString(out.resolve("layer-stacks.md"), table);
        chart(rows, out.resolve("charts/layer-stacks.png"));
    }

    private static void add(List<Row> rows, String engine, int n, int[] rgb, double[] ref, int w, int h) {
        rows.add(new Row(engine, n, StackStats.compare(rgb, ref, w, h), null));
    }

    private static void peer(List<Row> rows, String engine, int n, StackPeers.Outcome o, double[] ref, int w, int h) {
        rows.add(o.rgb() == null ? new Row(engine, n, null, o.note())
                : new Row(engine, n, StackStats.compare(o.rgb(), ref, w, h), null));
    }

    /** The model's output rounded once more to 8 bits for the file it would be saved to. */
    private static int[] rounded(double[] v) {
        int[] rgb = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            rgb[i] = (int) Math.rint(Math.max(0, Math.min(1, v[i])) * 255);
        }
        return rgb;
    }

    static String table(List<Row> rows, int w, int h) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Layer stacks, %d x %d, against the float64 reference "
                + "(SSIM per colour band, mean; CIEDE2000 over all pixels; max error in 8-bit levels)%n%n", w, h));
        sb.append("| engine | layers | SSIM | SSIM drop | ΔE2000 mean | ΔE2000 p95 | ΔE2000 max | max error (levels) |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<String> notes = new ArrayList<>();
        for (Row r : rows) {
            if (r.c() == null) {
                if (!notes.contains(r.engine() + ": " + r.note())) {
                    notes.add(r.engine() + ": " + r.note());
                }
                continue;
            }
            Comparison c = r.c();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.6f | %.1e | %.4f | %.4f | %.4f | %.3f |%n",
                    r.engine(), r.layers(), c.ssim(), 1 - c.ssim(), c.deltaEMean(), c.deltaEP95(), c.deltaEMax(),
                    c.maxAbsError() * 255));
        }
        for (String n : notes) {
            sb.append("\nSkipped: ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static void chart(List<Row> rows, Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(420)
                .title("Layer stacks: CIEDE2000 against float64 (p95 solid, max dashed)")
                .xAxisTitle("layers").yAxisTitle("ΔE2000").build();
        chart.getStyler().setXAxisDecimalPattern("0");
        Map<String, List<Row>> byEngine = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.c() != null) {
                byEngine.computeIfAbsent(r.engine(), k -> new ArrayList<>()).add(r);
            }
        }
        java.awt.Color[] palette = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728), new java.awt.Color(0xff7f0e),
                new java.awt.Color(0x9467bd), new java.awt.Color(0x2ca02c), new java.awt.Color(0x8c564b), new java.awt.Color(0xe377c2)};
        int k = 0;
        for (Map.Entry<String, List<Row>> e : byEngine.entrySet()) {
            java.awt.Color colour = palette[k++ % palette.length];
            List<Double> x = new ArrayList<>(), p95 = new ArrayList<>(), max = new ArrayList<>();
            for (Row r : e.getValue()) {
                x.add((double) r.layers());
                p95.add(r.c().deltaEP95());
                max.add(r.c().deltaEMax());
            }
            XYSeries s = chart.addSeries(e.getKey() + " p95", x, p95);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            XYSeries m = chart.addSeries(e.getKey() + " max", x, max);
            m.setMarker(SeriesMarkers.NONE);
            m.setLineStyle(new java.awt.BasicStroke(1.2f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[]{5f, 4f}, 0f));
            m.setLineColor(colour);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
