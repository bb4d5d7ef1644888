package dev.lamina.metrics;

import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Image;
import dev.lamina.core.InputFetch;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * A picture of where two images differ: the CIEDE2000 difference of every pixel through
 * {@link HeatRamp} (0 at the dark end, {@code scaleMax} and above at the bright end), with a legend
 * strip below it: the colour bar, ticks with their ΔE values, and a caption. Pixels transparent in
 * both images (not visible, see {@link PixelDeltaE}) are black.
 *
 * <p>The map is an {@link Image} like any other (RGB, 8-bit): rows of the map are computed on
 * demand from strips of the two inputs, so a streaming encoder can write a heat map of any size in
 * a few strips of memory. Only the legend, a strip {@value #LEGEND_HEIGHT} pixels high, is drawn
 * up front, with Java2D. The image is at least {@value #MIN_WIDTH} pixels wide so the legend has
 * room; a narrower map is padded on the right with the legend's background.
 */
public final class ErrorHeatMap {
    static final int LEGEND_HEIGHT = 54;
    static final int MIN_WIDTH = 200;
    private static final int BACKGROUND = 0x202020;
    private static final int MARGIN = 12;

    private ErrorHeatMap() {
    }

    /**
     * The heat map of {@code a} against {@code b} (same size), colour premultiplied by alpha unless
     * {@code straight}, with the scale running from 0 to {@code scaleMax} ΔE.
     */
    public static Image image(Image a, Image b, boolean straight, double scaleMax) {
        PairLayout layout = PairLayout.of(a, b, !straight);
        double top = scaleMax > 0 && Double.isFinite(scaleMax) ? scaleMax : 1;
        int width = Math.max(MIN_WIDTH, a.width);
        int height = a.height + LEGEND_HEIGHT;
        Region legend = legend(width, a.height, top);
        Producer p = new HeatMapProducer(a, b, layout, legend, top, width);
        return new Image(width, height, Interpretation.RGB, false, BandFormat.U8, a.sequential || b.sequential,
                Metadata.NONE, p);
    }

    /** A round upper end for the scale: the smallest of 1, 2, 2.5, 5 x 10^k not below {@code v} (at least 1). */
    public static double niceScale(double v) {
        if (!(v > 1)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static final class HeatMapProducer implements Producer {
        private final Image a;
        private final Image b;
        private final PairLayout layout;
        private final Region legend;
        private final double scaleMax;
        private final int width;

        HeatMapProducer(Image a, Image b, PairLayout layout, Region legend, double scaleMax, int width) {
            this.a = a;
            this.b = b;
            this.layout = layout;
            this.legend = legend;
            this.scaleMax = scaleMax;
            this.width = width;
        }

        @Override
        public DemandHint demand() {
            return DemandHint.tightest(a.producer().demand(), b.producer().demand());
        }

        @Override
        public Sequence start() {
            return new Sequence() {
                private final InputFetch fetchA = new InputFetch(a);
                private final InputFetch fetchB = new InputFetch(b);
                private final PairLayout.RowReader readerA = layout.reader(a);
                private final PairLayout.RowReader readerB = layout.reader(b);
                private final double[] rowA = new double[layout.width * layout.bands];
                private final double[] rowB = new double[layout.width * layout.bands];
                private final double[] de = new double[layout.width];
                private final PixelDeltaE pixelDeltaE = new PixelDeltaE(layout);

                @Override
                public void generate(Region out) {
                    Rect r = out.rect();
                    int mapBottom = Math.min(r.bottom(), layout.height);
                    if (r.y() < mapBottom) {
                        Rect in = new Rect(0, r.y(), layout.width, mapBottom - r.y());
                        Region inA = fetchA.fetch(in);
                        Region inB = fetchB.fetch(in);
                        byte[] o = out.u8();
                        for (int y = r.y(); y < mapBottom; y++) {
                            readerA.read(inA, y, rowA);
                            readerB.read(inB, y, rowB);
                            pixelDeltaE.row(rowA, rowB, de);
                            for (int x = r.x(); x < r.right(); x++) {
                                int rgb;
                                if (x >= layout.width) {
                                    rgb = BACKGROUND;
                                } else if (de[x] < 0) {
                                    rgb = 0;   // transparent in both images
                                } else {
                                    rgb = HeatRamp.rgb(de[x] / scaleMax);
                                }
                                int i = out.index(x, y);
                                o[i] = (byte) (rgb >> 16);
                                o[i + 1] = (byte) (rgb >> 8);
                                o[i + 2] = (byte) rgb;
                            }
                        }
                    }
                    if (r.bottom() > layout.height) {
                        out.copyFrom(legend);
                    }
                }

                @Override
                public void close() {
                    fetchA.close();
                    fetchB.close();
                }
            };
        }
    }

    /** The legend strip, drawn once with Java2D, as a region placed below the map. */
    private static Region legend(int width, int mapHeight, double scaleMax) {
        BufferedImage img = new BufferedImage(width, LEGEND_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(BACKGROUND));
            g.fillRect(0, 0, width, LEGEND_HEIGHT);
            int x0 = MARGIN, x1 = width - MARGIN, barTop = 20, barBottom = 34;
            for (int x = x0; x < x1; x++) {
                g.setColor(new Color(HeatRamp.rgb((x - x0) / (double) (x1 - 1 - x0))));
                g.drawLine(x, barTop, x, barBottom - 1);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            g.setColor(Color.WHITE);
            g.drawString("CIEDE2000 per pixel (black: transparent)", x0, 14);
            double step = tickStep(scaleMax);
            int ticks = (int) Math.round(scaleMax / step);
            for (int k = 0; k <= ticks; k++) {
                double v = Math.min(scaleMax, k * step);
                int x = x0 + (int) Math.round(v / scaleMax * (x1 - 1 - x0));
                g.drawLine(x, barBottom, x, barBottom + 4);
                String label = label(v) + (k == ticks && v >= scaleMax ? "+" : "");
                int tx = Math.max(0, Math.min(width - fm.stringWidth(label), x - fm.stringWidth(label) / 2));
                g.drawString(label, tx, barBottom + 5 + fm.getAscent());
            }
        } finally {
            g.dispose();
        }
        Region r = Region.allocate(new Rect(0, mapHeight, width, LEGEND_HEIGHT), 3, BandFormat.U8);
        byte[] o = r.u8();
        for (int y = 0; y < LEGEND_HEIGHT; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = img.getRGB(x, y);
                int i = r.index(x, mapHeight + y);
                o[i] = (byte) (rgb >> 16);
                o[i + 1] = (byte) (rgb >> 8);
                o[i + 2] = (byte) rgb;
            }
        }
        return r;
    }

    /** A tick spacing of 1, 2 or 5 x 10^k giving at most 5 intervals. */
    static double tickStep(double scaleMax) {
        double raw = scaleMax / 5;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }

    private static String label(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
