package dev.lamina.recipe;

import dev.lamina.model.FillRule;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Paint;
import dev.lamina.core.Rounding;
import dev.lamina.reference.draw.PaintReference;
import dev.lamina.reference.draw.RasteriserReference;
import dev.lamina.text.FontLibrary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A three-layer recipe of semi-transparent layers (a gradient at 0.3, a multiplied triangle at
 * 0.2 x 0.25, a colour at 0.15 through a luminance mask) against a float64 evaluation written here
 * from the definitions: paints and coverage from lamina-reference (PaintReference,
 * RasteriserReference), Porter-Duff over and W3C multiply in premultiplied double, CSS Masking's
 * luminance, one rounding at the end. The recipe's 16-bit intermediates must keep every 8-bit
 * sample within 1 of it, and almost all exact.
 */
class RecipePrecisionTest {
    static final int W = 64, H = 48;
    static final double[] TRIANGLE = {4, 44, 60, 6, 58, 40};
    static final double[] DIAMOND = {32, 2, 62, 24, 32, 46, 2, 24};

    static final String RECIPE = """
            {"version": 1, "canvas": {"width": 64, "height": 48, "background": "#336699"},
             "layers": [
               {"type": "fill", "opacity": 0.3, "paint": {"linear": {"x0": 0, "y0": 0, "x1": 64, "y1": 20,
                 "stops": [{"offset": 0, "color": "#ff0000"}, {"offset": 1, "color": "#0000ff00"}]}}},
               {"type": "shape", "blend": "multiply", "opacity": 0.25,
                "shape": {"polygon": [4, 44, 60, 6, 58, 40]}, "fill": "#ffcc0033"},
               {"type": "fill", "paint": "#00ff80", "opacity": 0.15,
                "mask": {"mode": "luminance", "layer": {"type": "shape", "shape": {"polygon": [32, 2, 62, 24, 32, 46, 2, 24]}, "fill": "#808080"}}}
             ]}
            """;

    @Test
    void threeTranslucentLayersStayWithinOneStepOfFloat64() {
        byte[] got = Recipes.render(RecipeParser.parse(RECIPE), (n, p) -> {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "no assets");
        }, FontLibrary.withBundled(), RecipeLimits.defaults(), 8).pixels8();
        assertEquals(W * H * 3, got.length, "opaque background: RGB");

        Paint gradient = new Paint.Linear(0, 0, 64, 20, List.of(Paint.stop(0, 0xff0000), Paint.stop(1, 0x0000ff, 0)), Paint.Spread.PAD);
        double[][] tri = RasteriserReference.coverage(List.of(TRIANGLE), FillRule.NON_ZERO, W, H);
        double[][] dia = RasteriserReference.coverage(List.of(DIAMOND), FillRule.NON_ZERO, W, H);
        double grey = 128 / 255.0, lum = (0.2125 + 0.7154 + 0.0721) * grey;
        int exact = 0, worst = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] d = {0x33 / 255.0, 0x66 / 255.0, 0x99 / 255.0, 1};     // premultiplied, opaque
                double[] g = PaintReference.at(gradient, x, y);
                d = over(scale(g, 0.3), d);
                double a2 = 0x33 / 255.0 * tri[y][x] * 0.25;
                d = multiply(new double[]{a2, 0xcc / 255.0 * a2, 0, a2}, d);
                double a3 = lum * dia[y][x] * 0.15;
                d = over(new double[]{0, a3, 0x80 / 255.0 * a3, a3}, d);
                for (int c = 0; c < 3; c++) {
                    int want = Rounding.toU8(d[c] / d[3]);
                    int have = got[(y * W + x) * 3 + c] & 0xFF;
                    worst = Math.max(worst, Math.abs(want - have));
                    exact += want == have ? 1 : 0;
                }
            }
        }
        System.out.println("recipe precision: largest difference " + worst + ", " + exact + " of " + W * H * 3 + " samples exact");
        assertTrue(worst <= 1, "largest difference " + worst);
        assertTrue(exact >= 0.999 * W * H * 3, exact + " of " + W * H * 3 + " samples exact");
    }

    private static double[] scale(double[] p, double k) {
        return new double[]{p[0] * k, p[1] * k, p[2] * k, p[3] * k};
    }

    /** Porter-Duff source-over, premultiplied. */
    private static double[] over(double[] s, double[] d) {
        double[] o = new double[4];
        for (int c = 0; c < 4; c++) {
            o[c] = s[c] + d[c] * (1 - s[3]);
        }
        return o;
    }

    /** W3C Compositing: multiply blended, then source-over: co = cs (1 - ab) + cb (1 - as) + cs cb. */
    private static double[] multiply(double[] s, double[] d) {
        double[] o = new double[4];
        for (int c = 0; c < 3; c++) {
            o[c] = s[c] * (1 - d[3]) + d[c] * (1 - s[3]) + s[c] * d[c];
        }
        o[3] = s[3] + d[3] * (1 - s[3]);
        return o;
    }
}
