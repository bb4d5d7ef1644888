package dev.lamina.recipe;

import dev.lamina.model.BlendMode;
import dev.lamina.model.FillRule;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.model.Paint;
import dev.lamina.model.ThumbnailOptions.Fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One layer of a recipe: what it draws (its kind) and what every layer has ({@link Common}: blend
 * mode, opacity, mask, clip, effects). Immutable records; the fluent methods return copies, so a
 * tree built in code equals the tree parsed from the same JSON.
 */
public sealed interface Node {

    Common common();

    Node withCommon(Common c);

    /**
     * What every layer has.
     *
     * @param id      a name other layers' masks can refer to ({@code null}: none)
     * @param blend   how the layer meets what is below it
     * @param opacity multiplies the layer's alpha, 0..1
     * @param mask    cuts the layer by another image's alpha or luminance ({@code null}: none)
     * @param clip    cuts the layer to a shape ({@code null}: none)
     * @param effects blur, shadows, glows and outlines, in order
     */
    record Common(String id, BlendMode blend, double opacity, Mask mask, Geometry clip, List<Effect> effects) {
        public static final Common DEFAULT = new Common(null, BlendMode.OVER, 1, null, null, List.of());

        public Common {
            Objects.requireNonNull(blend, "blend");
            effects = List.copyOf(effects);
        }
    }

    /**
     * Where a layer goes: its top-left corner at (x, y), or by a gravity on the canvas and then
     * moved by (x, y).
     */
    record Position(double x, double y, Gravity gravity) {
        public static final Position ORIGIN = new Position(0, 0, null);
    }

    default Node id(String id) {
        Common c = common();
        return withCommon(new Common(id, c.blend(), c.opacity(), c.mask(), c.clip(), c.effects()));
    }

    default Node blend(BlendMode mode) {
        Common c = common();
        return withCommon(new Common(c.id(), mode, c.opacity(), c.mask(), c.clip(), c.effects()));
    }

    default Node opacity(double opacity) {
        Common c = common();
        return withCommon(new Common(c.id(), c.blend(), opacity, c.mask(), c.clip(), c.effects()));
    }

    default Node mask(Mask mask) {
        Common c = common();
        return withCommon(new Common(c.id(), c.blend(), c.opacity(), mask, c.clip(), c.effects()));
    }

    default Node clip(Geometry clip) {
        Common c = common();
        return withCommon(new Common(c.id(), c.blend(), c.opacity(), c.mask(), clip, c.effects()));
    }

    default Node effect(Effect e) {
        Common c = common();
        List<Effect> all = new ArrayList<>(c.effects());
        all.add(e);
        return withCommon(new Common(c.id(), c.blend(), c.opacity(), c.mask(), c.clip(), all));
    }

    // ---- kinds ----

    /**
     * An image asset: cropped, resized (a fit mode and kernel), flipped, turned by any angle or an
     * affine matrix, then placed.
     *
     * @param width  resized width, or 0: from the height and the aspect ratio (both 0: unchanged)
     * @param affine {@code [a, b, c, d]} (X = a x + b y, Y = c x + d y), or empty
     * @param fastShrinkOnLoad when the asset is resized down without a crop and its source can be
     *               opened again at a reduced size (a JPEG file), sharp's rule for that reduction
     *               (as far as the shrink allows) instead of libvips' (a factor of two left for the
     *               kernel): faster, a little further from the full decode (docs/recipes.md)
     */
    record Image(Common common, String asset, Position at, int width, int height, Fit fit, Kernel kernel, Crop crop,
                 double rotate, List<Double> affine, boolean flip, boolean flop, boolean fastShrinkOnLoad) implements Node {
        public Image {
            affine = List.copyOf(affine);
        }

        @Override
        public Image withCommon(Common c) {
            return new Image(c, asset, at, width, height, fit, kernel, crop, rotate, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image at(double x, double y) {
            return new Image(common, asset, new Position(x, y, null), width, height, fit, kernel, crop, rotate, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image gravity(Gravity g, double dx, double dy) {
            return new Image(common, asset, new Position(dx, dy, g), width, height, fit, kernel, crop, rotate, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image size(int w, int h, Fit f) {
            return new Image(common, asset, at, w, h, f, kernel, crop, rotate, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image kernel(Kernel k) {
            return new Image(common, asset, at, width, height, fit, k, crop, rotate, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image crop(int x, int y, int w, int h) {
            return new Image(common, asset, at, width, height, fit, kernel, new Crop(x, y, w, h), rotate, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image rotate(double degrees) {
            return new Image(common, asset, at, width, height, fit, kernel, crop, degrees, affine, flip, flop, fastShrinkOnLoad);
        }

        public Image affine(double a, double b, double c, double d) {
            return new Image(common, asset, at, width, height, fit, kernel, crop, rotate, List.of(a, b, c, d), flip, flop, fastShrinkOnLoad);
        }

        /** sharp's {@code fastShrinkOnLoad} for this layer's resize: see the record's description. */
        public Image fastShrinkOnLoad(boolean on) {
            return new Image(common, asset, at, width, height, fit, kernel, crop, rotate, affine, flip, flop, on);
        }

        public Image flip(boolean topBottom, boolean leftRight) {
            return new Image(common, asset, at, width, height, fit, kernel, crop, rotate, affine, topBottom, leftRight, fastShrinkOnLoad);
        }
    }

    /** A rectangle of the source image to keep, before anything else. */
    record Crop(int x, int y, int width, int height) {
    }

    /** A paint (colour or gradient) over the whole canvas. */
    record Fill(Common common, Paint paint) implements Node {
        @Override
        public Fill withCommon(Common c) {
            return new Fill(c, paint);
        }
    }

    /** A shape, filled and/or stroked. */
    record ShapeLayer(Common common, Geometry geometry, FillRule fillRule, Paint fill, StrokeStyle stroke) implements Node {
        @Override
        public ShapeLayer withCommon(Common c) {
            return new ShapeLayer(c, geometry, fillRule, fill, stroke);
        }

        public ShapeLayer fill(Paint p) {
            return new ShapeLayer(common, geometry, fillRule, p, stroke);
        }

        public ShapeLayer stroke(StrokeStyle s) {
            return new ShapeLayer(common, geometry, fillRule, fill, s);
        }

        public ShapeLayer fillRule(FillRule r) {
            return new ShapeLayer(common, geometry, r, fill, stroke);
        }
    }

    /** Where text lines sit in their box. */
    enum Align { LEFT, CENTER, RIGHT }

    /**
     * Text set with a font family (bundled, or added with font files) and drawn in one colour.
     *
     * @param font          a family name; {@code null}: the bundled default
     * @param lineHeight    line advance as a multiple of the size (0: the font's own)
     * @param letterSpacing extra advance between letters, pixels
     * @param wrapWidth     lines wrap at this width in pixels (0: only at newlines); the font's
     *                      kerning pairs always apply
     */
    record Text(Common common, String text, String font, double size, Paint.Solid colour, Align align,
                double lineHeight, double letterSpacing, double wrapWidth, Position at) implements Node {
        @Override
        public Text withCommon(Common c) {
            return new Text(c, text, font, size, colour, align, lineHeight, letterSpacing, wrapWidth, at);
        }

        public Text font(String family, double px) {
            return new Text(common, text, family, px, colour, align, lineHeight, letterSpacing, wrapWidth, at);
        }

        public Text colour(Paint.Solid c) {
            return new Text(common, text, font, size, c, align, lineHeight, letterSpacing, wrapWidth, at);
        }

        public Text align(Align a) {
            return new Text(common, text, font, size, colour, a, lineHeight, letterSpacing, wrapWidth, at);
        }

        public Text lineHeight(double h) {
            return new Text(common, text, font, size, colour, align, h, letterSpacing, wrapWidth, at);
        }

        public Text letterSpacing(double s) {
            return new Text(common, text, font, size, colour, align, lineHeight, s, wrapWidth, at);
        }

        public Text wrap(double width) {
            return new Text(common, text, font, size, colour, align, lineHeight, letterSpacing, width, at);
        }


        public Text at(double x, double y) {
            return new Text(common, text, font, size, colour, align, lineHeight, letterSpacing, wrapWidth, new Position(x, y, null));
        }

        public Text gravity(Gravity g, double dx, double dy) {
            return new Text(common, text, font, size, colour, align, lineHeight, letterSpacing, wrapWidth, new Position(dx, dy, g));
        }
    }

    /** Layers composited on their own (isolated), then blended as one. */
    record Group(Common common, List<Node> layers) implements Node {
        public Group {
            layers = List.copyOf(layers);
        }

        @Override
        public Group withCommon(Common c) {
            return new Group(c, layers);
        }
    }

    /**
     * A layer repeated over the canvas: cells of the layer's drawn box plus the spacing, starting at
     * the offset, the whole pattern turned by {@code rotate} degrees about the canvas centre.
     */
    record Tile(Common common, Node layer, double spacingX, double spacingY, double offsetX, double offsetY,
                double rotate) implements Node {
        @Override
        public Tile withCommon(Common c) {
            return new Tile(c, layer, spacingX, spacingY, offsetX, offsetY, rotate);
        }

        public Tile spacing(double x, double y) {
            return new Tile(common, layer, x, y, offsetX, offsetY, rotate);
        }

        public Tile offset(double x, double y) {
            return new Tile(common, layer, spacingX, spacingY, x, y, rotate);
        }

        public Tile rotate(double degrees) {
            return new Tile(common, layer, spacingX, spacingY, offsetX, offsetY, degrees);
        }
    }

    static Image image(String asset) {
        return new Image(Common.DEFAULT, asset, Position.ORIGIN, 0, 0, Fit.FILL, Kernel.LANCZOS3, null, 0, List.of(), false, false, false);
    }

    static Fill fill(Paint paint) {
        return new Fill(Common.DEFAULT, paint);
    }

    static ShapeLayer shape(Geometry geometry) {
        return new ShapeLayer(Common.DEFAULT, geometry, FillRule.NON_ZERO, null, null);
    }

    static Text text(String text) {
        return new Text(Common.DEFAULT, text, null, 16, Paint.solid(0x000000), Align.LEFT, 0, 0, 0, Position.ORIGIN);
    }

    static Group group(Node... layers) {
        return new Group(Common.DEFAULT, Arrays.asList(layers));
    }

    static Tile tile(Node layer) {
        return new Tile(Common.DEFAULT, layer, 0, 0, 0, 0, 0);
    }
}
