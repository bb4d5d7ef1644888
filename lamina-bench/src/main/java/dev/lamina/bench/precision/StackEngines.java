package dev.lamina.bench.precision;

import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.Paint;
import dev.lamina.model.Shadow;
import dev.lamina.model.Shape;
import dev.lamina.awt.Java2D;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link LayerStack} as the JVM engines draw it, each through its own public API as a user
 * would: Lamina (shapes at 16 bits, {@code blur}, {@code shadow}, a composite with opacities,
 * one rounding at the end) and Java2D (Graphics2D antialiased fills into premultiplied 8-bit
 * images, ConvolveOp blur passes, AlphaComposite with the opacity: 8 bits per step).
 */
public final class StackEngines {
    private StackEngines() {
    }

    /** Lamina's result, interleaved 8-bit RGB. */
    public static int[] lamina(LayerStack s) {
        LaminaImage base = Java2D.from(baseImage(s));
        List<Layer> layers = new ArrayList<>();
        for (LayerStack.Layer l : s.layers()) {
            Shape shape = Shape.polygon(l.polygon());
            if (l.shadow()) {
                LaminaImage cast = Lamina.shape(s.width(), s.height(), shape, Paint.solid(0x000000), 16)
                        .shadow(Shadow.of(l.dx(), l.dy(), l.sigma()).colour(l.rgb()).opacity(l.opacity()));
                layers.add(Layer.of(cast));
            } else {
                LaminaImage soft = Lamina.shape(s.width(), s.height(), shape, Paint.solid(l.rgb()), 16).blur(l.sigma());
                layers.add(Layer.of(soft).opacity(l.opacity()));
            }
        }
        return rgb(Java2D.toBufferedImage(base.composite(layers)));
    }

    /** Java2D's result, interleaved 8-bit RGB. */
    public static int[] java2d(LayerStack s) {
        BufferedImage dst = baseImage(s);
        Graphics2D g = dst.createGraphics();
        for (LayerStack.Layer l : s.layers()) {
            BufferedImage layer = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D lg = layer.createGraphics();
            lg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            lg.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            lg.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            lg.setColor(new Color(l.rgb()));
            lg.fill(path(l.polygon()));
            lg.dispose();
            float[] taps = taps(l.sigma());
            ConvolveOp across = new ConvolveOp(new Kernel(taps.length, 1, taps), ConvolveOp.EDGE_ZERO_FILL, null);
            ConvolveOp down = new ConvolveOp(new Kernel(1, taps.length, taps), ConvolveOp.EDGE_ZERO_FILL, null);
            BufferedImage blurred = down.filter(across.filter(layer, null), null);
            g.setComposite(AlphaComposite.SrcOver.derive((float) l.opacity()));
            g.drawImage(blurred, l.dx(), l.dy(), null);
        }
        g.dispose();
        return rgb(dst);
    }

    /** The normalised Gaussian taps of the reference's definition, as floats. */
    static float[] taps(double sigma) {
        int r = (int) Math.floor(4 * sigma + 0.5);
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-(double) i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        float[] f = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            f[i] = (float) (k[i] / sum);
        }
        return f;
    }

    static BufferedImage baseImage(LayerStack s) {
        BufferedImage img = new BufferedImage(s.width(), s.height(), BufferedImage.TYPE_INT_RGB);
        int[] b = s.base();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int i = 3 * (y * s.width() + x);
                img.setRGB(x, y, b[i] << 16 | b[i + 1] << 8 | b[i + 2]);
            }
        }
        return img;
    }

    static int[] rgb(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] out = new int[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y);
                int i = 3 * (y * w + x);
                out[i] = p >> 16 & 0xFF;
                out[i + 1] = p >> 8 & 0xFF;
                out[i + 2] = p & 0xFF;
            }
        }
        return out;
    }

    private static Path2D path(double[] poly) {
        Path2D.Double p = new Path2D.Double(Path2D.WIND_NON_ZERO);
        p.moveTo(poly[0], poly[1]);
        for (int i = 2; i < poly.length; i += 2) {
            p.lineTo(poly[i], poly[i + 1]);
        }
        p.closePath();
        return p;
    }
}
