package dev.lamina.recipe;

import dev.lamina.model.AffineOptions;
import dev.lamina.model.BlendMode;
import dev.lamina.model.Kernel;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.Paint;
import dev.lamina.model.Shadow;
import dev.lamina.model.Shape;
import dev.lamina.model.ThumbnailOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked recipe into one image graph on lamina-core (nothing is computed until the caller
 * saves or encodes it).
 *
 * <p><b>Precision.</b> Every layer is made at 16 bits per sample (shapes, fills and text drawn at
 * 16 bits, assets widened exactly with {@code bitDepth(16)}), every step computes in premultiplied
 * double inside core's operations and stores 16 bits, and the root composite rounds once, from
 * its exact blend, to the requested depth. A 16-bit step is within 1/131070 of full scale, so the whole tree
 * stays far inside one 8-bit step of the float64 evaluation (docs/recipes.md, Precision).
 *
 * <p><b>Rasters.</b> Each layer becomes a {@link Raster}: an image and where its top-left corner
 * sits on the canvas. Shapes and text are drawn on their bounding box only, images keep their
 * size, fills, groups and tiles cover the canvas (plus what their effects need around it); clips,
 * masks and effects are computed on the layer's raster, so their cost follows the layer's size.
 */
final class Evaluator {
    private static final int TRANSPARENT = 0x00000000;

    private final Recipe recipe;
    private final Recipe.Canvas canvas;
    private final AssetTable assets;
    private final Map<Node, String> paths;
    private final Map<String, Node> ids;
    private final TextRenderer text;
    private final int width;
    private final int height;
    /** The output's depth: shadows and glows headed for 8 bits may take core's recursive blur. */
    private int outputBits = 8;

    Evaluator(Recipe recipe, Recipe.Canvas canvas, AssetTable assets, Map<Node, String> paths, Map<String, Node> ids,
              TextRenderer text) {
        this.recipe = recipe;
        this.canvas = canvas;
        this.assets = assets;
        this.paths = paths;
        this.ids = ids;
        this.text = text;
        this.width = canvas.width();
        this.height = canvas.height();
    }

    /**
     * A layer's pixels and the canvas position of their top-left corner; a tiled raster is one cell
     * repeated over whatever it is composited on, its grid anchored at (x, y) (a tile layer without
     * rotation: the repetition costs nothing until it is composited).
     */
    record Raster(LaminaImage image, int x, int y, boolean tiled) {
        Raster(LaminaImage image, int x, int y) {
            this(image, x, y, false);
        }

        /** As a core layer on a base whose top-left corner is at (bx, by) on the canvas. */
        Layer on(int bx, int by) {
            Layer l = Layer.of(image).at(x - bx, y - by);
            return tiled ? l.tiled() : l;
        }

        int width() {
            return image.width();
        }

        int height() {
            return image.height();
        }
    }

    LaminaImage render(int bitDepth) {
        outputBits = bitDepth;
        Paint.Solid bg = canvas.background();
        LaminaImage base = bg == null ? Lamina.canvas(width, height, 0, 0.0)
                : bg.alpha() == 1 ? Lamina.canvas(width, height, bg.rgb()) : Lamina.canvas(width, height, bg.rgb(), bg.alpha());
        List<Node> nodes = recipe.layers();
        if (!nodes.isEmpty() && nodes.getFirst() instanceof Node.Fill f && plain(f) && opaque(f.paint())) {
            // An opaque fill drawn over the canvas hides it: it becomes the base (one canvas-sized
            // layer less to blend; the same pixels).
            base = Lamina.fill(width, height, f.paint(), 16);
            nodes = nodes.subList(1, nodes.size());
        }
        // The root composite rounds once, from the blend's exact value, to the output's depth.
        LaminaImage out = base.composite(layers(nodes, 0, 0), bitDepth);
        if (bg != null && bg.alpha() == 1 && out.hasAlpha()) {
            // An opaque canvas gives an opaque image (RGB, as sharp's flatten): a layer that clears
            // part of it (clear, dest-out) shows the background colour there.
            out = out.flatten(bg.rgb());
        }
        return out;
    }

    /** Drawn as it is: over, fully opaque, without clip, mask or effects. */
    private static boolean plain(Node n) {
        Node.Common c = n.common();
        return c.blend() == BlendMode.OVER && c.opacity() == 1 && c.clip() == null && c.mask() == null && c.effects().isEmpty();
    }

    private static boolean opaque(Paint p) {
        return switch (p) {
            case Paint.Solid s -> s.alpha() == 1;
            case Paint.Linear l -> l.stops().stream().allMatch(st -> st.alpha() == 1);
            case Paint.Radial r -> r.stops().stream().allMatch(st -> st.alpha() == 1);
        };
    }

    /** The layers on {@code base} (whose top-left corner is at (bx, by) on the canvas), as one composite at 16 bits. */
    private LaminaImage compose(LaminaImage base, int bx, int by, List<Node> nodes) {
        return base.composite(layers(nodes, bx, by), 16);
    }

    /** The nodes as core layers on a base whose top-left corner is at (bx, by) on the canvas. */
    private List<Layer> layers(List<Node> nodes, int bx, int by) {
        List<Layer> layers = new ArrayList<>();
        for (Node n : nodes) {
            Raster r = layer(n);
            if (r == null) {
                continue;
            }
            Node.Common c = n.common();
            layers.add(r.on(bx, by).mode(c.blend()).opacity(c.opacity()));
        }
        return layers;
    }

    /** A layer with its clip, mask and effects, before its opacity and blend mode. */
    Raster layer(Node n) {
        Raster r = content(n);
        if (r == null) {
            return null;
        }
        Node.Common c = n.common();
        if (r.tiled && (c.clip() != null || c.mask() != null || !c.effects().isEmpty())) {
            r = untile(r, reach(n));
        }
        if (c.clip() != null) {
            r = clip(r, c.clip().toShape());
        }
        if (c.mask() != null) {
            r = mask(r, c.mask(), paths.get(n) + ".mask.source");
        }
        for (Effect e : c.effects()) {
            r = effect(r, e);
        }
        return r;
    }

    private Raster content(Node n) {
        return switch (n) {
            case Node.Image i -> image(i);
            case Node.Fill f -> {
                int m = reach(n);
                yield new Raster(Lamina.fill(width + 2 * m, height + 2 * m, translate(f.paint(), m, m), 16), -m, -m);
            }
            case Node.ShapeLayer s -> shape(s);
            case Node.Text t -> text.render(t, width, height);
            case Node.Group g -> {
                int m = reach(n);
                yield new Raster(compose(transparent(width + 2 * m, height + 2 * m), -m, -m, g.layers()), -m, -m);
            }
            case Node.Tile t -> tile(t);
        };
    }

    /** How far this layer's effects reach beyond what it draws, so that boxes leave room for them. */
    static int reach(Node n) {
        double m = 0;
        for (Effect e : n.common().effects()) {
            m += switch (e) {
                case Effect.Blur b -> 4 * b.sigma() + 1;
                case Effect.DropShadow s -> 4 * s.sigma() + s.spread() + Math.max(Math.abs(s.dx()), Math.abs(s.dy())) + 1;
                case Effect.Glow g -> 4 * g.sigma() + g.spread() + 1;
                case Effect.Outline o -> o.width() + 2;
            };
        }
        return (int) Math.ceil(m);
    }

    private static LaminaImage transparent(int w, int h) {
        return Lamina.canvas(w, h, 0, 0.0).bitDepth(16);
    }

    private Raster image(Node.Image n) {
        String path = paths.get(n) + ".asset";
        LaminaImage img;
        if (n.crop() == null && (n.width() > 0 || n.height() > 0)) {
            // Resized whole: the asset's source may load it again at 1/2, 1/4 or 1/8 (a JPEG's
            // shrink on load, as Lamina.thumbnail from a file), resampled at 16 bits. A crop is in
            // source pixels, so a cropped layer takes the path below and decodes at full size.
            img = assets.thumbnail(n.asset(), path, options(assets.header(n.asset(), path), n.width(), n.height(),
                    n.fit(), n.kernel()).fastShrinkOnLoad(n.fastShrinkOnLoad()));
        } else {
            // widened first (exactly, x 257), so the resize and rotation round to 16 bits, not to 8
            img = assets.image(n.asset(), path).bitDepth(16);
            if (n.crop() != null) {
                Node.Crop c = n.crop();
                img = img.extract(c.x(), c.y(), c.width(), c.height());
            }
            if (n.width() > 0 || n.height() > 0) {
                img = resize(img, n.width(), n.height(), n.fit(), n.kernel());
            }
        }
        if (n.flip()) {
            img = img.flip();
        }
        if (n.flop()) {
            img = img.flop();
        }
        Kernel k = n.kernel();
        if (n.rotate() != 0) {
            img = img.rotate(n.rotate(), AffineOptions.defaults().kernel(k));
        } else if (!n.affine().isEmpty()) {
            List<Double> a = n.affine();
            img = img.affine(a.get(0), a.get(1), a.get(2), a.get(3), 0, 0, AffineOptions.defaults().kernel(k));
        }
        return new Raster(img, left(n.at(), img.width()), top(n.at(), img.height()));
    }

    /** An image resized as a layer's width, height (0: from the aspect ratio) and fit say. */
    static LaminaImage resize(LaminaImage img, int width, int height, ThumbnailOptions.Fit fit, Kernel kernel) {
        return img.thumbnail(options(img, width, height, fit, kernel));
    }

    /** The thumbnail options of a layer's resize of {@code img}: its box (a side of 0 from the aspect ratio). */
    static ThumbnailOptions options(LaminaImage img, int width, int height, ThumbnailOptions.Fit fit, Kernel kernel) {
        int w = width, h = height;
        if (w == 0) {
            w = (int) Math.max(1, Math.round((double) h * img.width() / img.height()));
        }
        if (h == 0) {
            h = (int) Math.max(1, Math.round((double) w * img.height() / img.width()));
        }
        return ThumbnailOptions.box(w, h).fit(fit).kernel(kernel).background(TRANSPARENT);
    }

    private int left(Node.Position p, double w) {
        double base = p.gravity() == null ? 0 : p.gravity().left(width, (int) Math.ceil(w));
        return (int) Math.round(base + p.x());
    }

    private int top(Node.Position p, double h) {
        double base = p.gravity() == null ? 0 : p.gravity().top(height, (int) Math.ceil(h));
        return (int) Math.round(base + p.y());
    }

    private Raster shape(Node.ShapeLayer n) {
        Shape shape = Geometry.withRule(n.geometry().toShape(), n.fillRule());
        Shape stroke = n.stroke() == null ? null : shape.stroked(n.stroke().toStroke());
        double[] box = bounds(stroke != null ? stroke : shape, n.stroke() == null ? 0 : pad(n.stroke()));
        if (n.fill() != null && stroke != null) {
            double[] fb = bounds(shape, 0);
            box = new double[]{Math.min(box[0], fb[0]), Math.min(box[1], fb[1]), Math.max(box[2], fb[2]), Math.max(box[3], fb[3])};
        }
        int m = reach(n);
        // the box holds every point and control point, so no pixel outside it has coverage: the
        // raster is the shape's drawn box (what a tile repeats), cut to the canvas and the effects' room
        int x0 = (int) Math.max(Math.floor(box[0]), -m), y0 = (int) Math.max(Math.floor(box[1]), -m);
        int x1 = (int) Math.min(Math.ceil(box[2]), width + m), y1 = (int) Math.min(Math.ceil(box[3]), height + m);
        if (x1 <= x0 || y1 <= y0) {
            return null;
        }
        int w = x1 - x0, h = y1 - y0;
        LaminaImage img = null;
        if (n.fill() != null) {
            img = Lamina.shape(w, h, shape.translate(-x0, -y0), translate(n.fill(), -x0, -y0), 16);
        }
        if (stroke != null) {
            LaminaImage s = Lamina.shape(w, h, stroke.translate(-x0, -y0), translate(n.stroke().paint(), -x0, -y0), 16);
            img = img == null ? s : img.composite(Layer.of(s).at(0, 0));
        }
        return new Raster(img, x0, y0);
    }

    /** How far a stroke can reach beyond its path's control points: half its width times the miter limit. */
    private static double pad(StrokeStyle s) {
        return s.width() / 2 * Math.max(s.miterLimit(), 1.5);
    }

    /**
     * The box of a shape's points and control points (curves lie inside their control polygon),
     * widened by {@code pad}; for a stroked shape the points are its path's.
     */
    static double[] bounds(Shape s, double pad) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        s.segments(new Shape.Segments() {
            void add(double x, double y) {
                b[0] = Math.min(b[0], x);
                b[1] = Math.min(b[1], y);
                b[2] = Math.max(b[2], x);
                b[3] = Math.max(b[3], y);
            }

            @Override
            public void moveTo(double x, double y) {
                add(x, y);
            }

            @Override
            public void lineTo(double x, double y) {
                add(x, y);
            }

            @Override
            public void quadTo(double cx, double cy, double x, double y) {
                add(cx, cy);
                add(x, y);
            }

            @Override
            public void cubicTo(double c1x, double c1y, double c2x, double c2y, double x, double y) {
                add(c1x, c1y);
                add(c2x, c2y);
                add(x, y);
            }

            @Override
            public void close() {
            }
        });
        double[] t = s.stroke() == null ? null : s.strokeTransform();
        if (t != null) {
            // the stroke's own transform scales the pad (a scaled stroke is wider)
            double scale = Math.max(Math.hypot(t[0], t[1]), Math.hypot(t[2], t[3]));
            pad *= scale;
        }
        return new double[]{b[0] - pad, b[1] - pad, b[2] + pad, b[3] + pad};
    }

    /** A paint moved by (dx, dy): gradients are defined in canvas coordinates, rasters have their own origin. */
    static Paint translate(Paint p, double dx, double dy) {
        return switch (p) {
            case Paint.Solid s -> s;
            case Paint.Linear l -> new Paint.Linear(l.x0() + dx, l.y0() + dy, l.x1() + dx, l.y1() + dy, l.stops(), l.spread());
            case Paint.Radial r -> new Paint.Radial(r.cx() + dx, r.cy() + dy, r.radius(), r.stops(), r.spread());
        };
    }

    /** A tiled raster drawn out over the canvas and {@code margin} pixels around it. */
    private Raster untile(Raster r, int margin) {
        return new Raster(transparent(width + 2 * margin, height + 2 * margin).composite(List.of(r.on(-margin, -margin)), 16),
                -margin, -margin);
    }

    private Raster tile(Node.Tile t) {
        Raster cell = layer(t.layer());
        if (cell == null) {
            return null;
        }
        if (cell.tiled) {
            cell = untile(cell, reach(t.layer()));
        }
        int sx = (int) Math.round(t.spacingX()), sy = (int) Math.round(t.spacingY());
        LaminaImage img = sx > 0 || sy > 0 ? cell.image.extend(0, sx, sy, 0, TRANSPARENT) : cell.image;
        int ox = (int) Math.round(t.offsetX()), oy = (int) Math.round(t.offsetY());
        if (t.rotate() % 360 == 0) {
            return new Raster(img, ox, oy, true);
        }
        int m = reach(t);
        int w = width + 2 * m, h = height + 2 * m;
        Layer tiled = Layer.of(img).at(ox, oy).tiled();
        // Tile a square that covers the canvas at any angle, then turn it about the canvas centre.
        int d = diagonal(w, h);
        LaminaImage big = transparent(d, d).composite(tiled);
        double a = Math.toRadians(t.rotate()), cos = Math.cos(a), sin = Math.sin(a);
        double tx = w / 2.0 - (cos * d / 2 - sin * d / 2), ty = h / 2.0 - (sin * d / 2 + cos * d / 2);
        LaminaImage turned = big.affine(cos, -sin, sin, cos, tx, ty, AffineOptions.defaults().area(0, 0, w, h));
        return new Raster(turned, -m, -m);
    }

    static int diagonal(int w, int h) {
        return (int) Math.ceil(Math.hypot(w, h)) + 2;
    }

    private Raster clip(Raster r, Shape clip) {
        LaminaImage cover = Lamina.shape(r.width(), r.height(), clip.translate(-r.x, -r.y), Paint.solid(0xffffff), 16);
        return new Raster(r.image.composite(Layer.of(cover).at(0, 0).mode(BlendMode.DEST_IN)), r.x, r.y);
    }

    /** @param sourcePath the JSON path of an asset source, for its errors */
    private Raster mask(Raster r, Mask m, String sourcePath) {
        Raster source;
        double opacity = 1;
        switch (m.source()) {
            case Mask.Asset a -> source = new Raster(assets.image(a.name(), sourcePath).bitDepth(16), 0, 0);
            case Mask.Inline i -> {
                source = layer(i.layer());
                opacity = i.layer().common().opacity();
            }
            case Mask.Ref ref -> {
                Node target = ids.get(ref.id());
                source = layer(target);
                opacity = target.common().opacity();
            }
        }
        LaminaImage placed = transparent(r.width(), r.height());
        if (source != null) {
            placed = placed.composite(source.on(r.x, r.y).opacity(opacity));
        }
        LaminaImage mask = placed.toMask(m.mode(), m.invert());
        return new Raster(r.image.composite(Layer.of(mask).at(0, 0).mode(BlendMode.DEST_IN)), r.x, r.y);
    }

    private Raster effect(Raster r, Effect e) {
        return switch (e) {
                case Effect.Blur b -> {
                    int m = (int) Math.ceil(4 * b.sigma()) + 1;
                    yield new Raster(r.image.extend(m, m, m, m, TRANSPARENT).blur(b.sigma()), r.x - m, r.y - m);
                }
                case Effect.DropShadow s -> under(r, (int) Math.ceil(4 * s.sigma() + s.spread()) + Math.max(Math.abs(s.dx()), Math.abs(s.dy())) + 1,
                        img -> img.shadow(new Shadow(s.dx(), s.dy(), s.sigma(), s.spread(), s.rgb(), s.opacity()), outputBits));
                case Effect.Glow g -> under(r, (int) Math.ceil(4 * g.sigma() + g.spread()) + 1,
                        img -> img.shadow(new Shadow(0, 0, g.sigma(), g.spread(), g.rgb(), g.opacity()), outputBits));
                case Effect.Outline o -> under(r, (int) Math.ceil(o.width()) + 2, img -> img.outline(o.width(), o.rgb(), o.opacity()));
        };
    }

    /** The layer with room around it and something made from it drawn underneath. */
    private static Raster under(Raster r, int margin, java.util.function.UnaryOperator<LaminaImage> make) {
        LaminaImage room = r.image.extend(margin, margin, margin, margin, TRANSPARENT);
        return new Raster(make.apply(room).composite(Layer.of(room).at(0, 0)), r.x - margin, r.y - margin);
    }
}
