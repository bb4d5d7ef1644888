package dev.lamina.recipe;

import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that can be known about a recipe before drawing it: assets and fonts exist, ids are
 * unique and masks' references resolve without cycles, nesting, layer count, text length, sizes and
 * sigmas are within the limits, and the estimated pixels and memory of the whole tree are too.
 * Errors are {@link RecipeException}s naming the JSON path (the builder's trees get the same paths).
 */
final class RecipeChecks {
    /** Core's ceilings for a shadow's spread and an outline's width. */
    private static final double MAX_GROW = 200;

    private final Recipe recipe;
    private final TextRenderer text;
    private final RecipeLimits limits;
    final AssetTable assets;
    final Map<String, Node> ids = new HashMap<>();
    /** Every layer's JSON path, for the errors of the assets the evaluation loads. */
    final Map<Node, String> paths = new IdentityHashMap<>();
    private int layers;
    private long textChars;
    private long workPixels;
    private long wholeBytes;

    RecipeChecks(Recipe recipe, Assets assets, TextRenderer text, RecipeLimits limits) {
        this.recipe = recipe;
        this.assets = new AssetTable(assets);
        this.text = text;
        this.limits = limits;
    }

    /** The canvas with its size known (taken from its asset when it names one). */
    Recipe.Canvas canvas;

    void run() {
        Recipe.Canvas c = recipe.canvas();
        if (c.asset() != null) {
            LaminaImage img = asset(c.asset(), "canvas.asset");
            if (c.width() < 0 || c.height() < 0) {
                throw invalid("canvas", "width and height must be positive");
            }
            if (c.width() > 0 || c.height() > 0) {
                long[] size = resizedSize(img.width(), img.height(), c.width(), c.height());
                checkPixels(c.width() > 0 ? "canvas.width" : "canvas.height", size[0], size[1]);
                img = Evaluator.resize(img, c.width(), c.height(), c.fit(), dev.lamina.model.Kernel.LANCZOS3);
            }
            c = new Recipe.Canvas(img.width(), img.height(), c.background(), c.asset(), c.fit());
        }
        canvas = c;
        if (c.width() < 1 || c.height() < 1) {
            throw invalid("canvas", "the size must be at least 1x1, not " + c.width() + "x" + c.height());
        }
        checkPixels("canvas", c.width(), c.height());
        collectIds(recipe.layers(), "layers");
        for (int i = 0; i < recipe.layers().size(); i++) {
            node(recipe.layers().get(i), "layers[" + i + "]", 1);
        }
        cycles();
        if (workPixels > limits.maxWorkPixels()) {
            throw tooLarge("", "the layers' images add up to about " + workPixels + " pixels, over the limit of "
                    + limits.maxWorkPixels() + " (raise it with the recipe limits)");
        }
        if (wholeBytes > limits.core().maxMemoryBytes()) {
            throw tooLarge("", "the images the render holds whole need about " + wholeBytes / (1 << 20)
                    + " MiB, over the memory budget of " + limits.core().maxMemoryBytes() / (1 << 20) + " MiB");
        }
    }

    private void collectIds(List<Node> nodes, String path) {
        for (int i = 0; i < nodes.size(); i++) {
            collectId(nodes.get(i), path + "[" + i + "]");
        }
    }

    private void collectId(Node n, String path) {
        paths.put(n, path);
        String id = n.common().id();
        if (id != null && ids.putIfAbsent(id, n) != null) {
            throw invalid(path + ".id", "the id \"" + id + "\" is already used by " + paths.get(ids.get(id)));
        }
        if (n.common().mask() != null && n.common().mask().source() instanceof Mask.Inline in) {
            collectId(in.layer(), path + ".mask.layer");
        }
        switch (n) {
            case Node.Group g -> collectIds(g.layers(), path + ".layers");
            case Node.Tile t -> collectId(t.layer(), path + ".layer");
            default -> {
            }
        }
    }

    private void node(Node n, String path, int depth) {
        if (depth > limits.maxNesting()) {
            throw tooLarge(path, "nested " + depth + " deep, over the limit of " + limits.maxNesting());
        }
        if (++layers > limits.maxLayers()) {
            throw tooLarge(path, "the recipe has more than " + limits.maxLayers() + " layers");
        }
        Node.Common c = n.common();
        long area = canvasArea();
        switch (n) {
            case Node.Image i -> area = image(i, path);
            case Node.Fill f -> {
            }
            case Node.ShapeLayer s -> {
                if (s.fill() == null && s.stroke() == null) {
                    throw invalid(path, "a shape needs a fill, a stroke or both");
                }
                shape(s.geometry(), path + ".shape");
            }
            case Node.Text t -> area = text(t, path);
            case Node.Group g -> {
                for (int i = 0; i < g.layers().size(); i++) {
                    node(g.layers().get(i), path + ".layers[" + i + "]", depth + 1);
                }
            }
            case Node.Tile t -> {
                tile(t, path);
                node(t.layer(), path + ".layer", depth + 1);
            }
        }
        if (!(c.opacity() >= 0 && c.opacity() <= 1)) {
            throw invalid(path + ".opacity", "must be from 0 to 1, not " + c.opacity());
        }
        if (c.clip() != null) {
            shape(c.clip(), path + ".clip");
            area *= 2;
        }
        if (c.mask() != null) {
            mask(c.mask(), path + ".mask", depth);
            area *= 3;
        }
        for (int i = 0; i < c.effects().size(); i++) {
            area += effect(c.effects().get(i), path + ".effects[" + i + "]", area);
        }
        workPixels = Limits.product(1, workPixels + area);
    }

    private long canvasArea() {
        return (long) canvas.width() * canvas.height();
    }

    /** The asset for its size: the checks read no pixels. */
    private LaminaImage asset(String name, String path) {
        return assets.header(name, path);
    }

    private long image(Node.Image n, String path) {
        LaminaImage img = asset(n.asset(), path + ".asset");
        long w = img.width(), h = img.height();
        if (n.crop() != null) {
            Node.Crop cr = n.crop();
            if (cr.x() < 0 || cr.y() < 0 || cr.width() < 1 || cr.height() < 1 || (long) cr.x() + cr.width() > w
                    || (long) cr.y() + cr.height() > h) {
                throw invalid(path + ".crop", cr.width() + "x" + cr.height() + " at (" + cr.x() + ", " + cr.y()
                        + ") is not inside the " + w + "x" + h + " image \"" + n.asset() + "\"");
            }
            w = cr.width();
            h = cr.height();
        }
        if (n.width() < 0 || n.height() < 0) {
            throw invalid(path, "width and height must be positive");
        }
        if (n.fastShrinkOnLoad() && (n.crop() != null || (n.width() == 0 && n.height() == 0))) {
            // A crop is in source pixels, so a cropped layer decodes at full size (docs/recipes.md);
            // without a resize there is nothing to shrink.
            throw invalid(path + ".fastShrinkOnLoad", n.crop() != null ? "a cropped image is decoded at full size: drop"
                    + " fastShrinkOnLoad or the crop" : "needs a resize (a width or a height) to shrink for");
        }
        if (n.width() > 0 || n.height() > 0) {
            long[] size = resizedSize(w, h, n.width(), n.height());
            checkPixels(path + (n.width() > 0 ? ".width" : ".height"), size[0], size[1]);
            w = size[0];
            h = size[1];
        }
        if (!Double.isFinite(n.rotate())) {
            throw invalid(path + ".rotate", "must be a finite number of degrees");
        }
        boolean whole = n.flip() || n.rotate() != 0 || !n.affine().isEmpty();
        if (n.rotate() != 0 || !n.affine().isEmpty()) {
            // the transformed box: a rotation grows it up to the diagonal, an affine by its norm
            double s = n.affine().isEmpty() ? 1 : Math.max(Math.hypot(n.affine().get(0), n.affine().get(2)),
                    Math.hypot(n.affine().get(1), n.affine().get(3)));
            long d = (long) Math.ceil(Math.hypot(w, h) * s) + 2;
            checkPixels(path + (n.affine().isEmpty() ? ".rotate" : ".affine"), d, d);
        }
        if (whole) {
            wholeBytes = Limits.product(1, wholeBytes + Limits.product(w, h, 8));
        }
        return Limits.product(w, h);
    }

    /** The box a resize to {@code width x height} asks for (0: from the aspect ratio), in long arithmetic. */
    private static long[] resizedSize(long w, long h, int width, int height) {
        long rw = width > 0 ? width : Math.max(1, Math.round((double) height * w / h));
        long rh = height > 0 ? height : Math.max(1, Math.round((double) width * h / w));
        return new long[]{rw, rh};
    }

    private long text(Node.Text t, String path) {
        textChars += t.text().length();
        if (textChars > limits.maxTextLength()) {
            throw tooLarge(path + ".text", "the recipe's text is over the limit of " + limits.maxTextLength() + " characters");
        }
        if (t.font() != null) {
            try {
                text.font(t.font());
            } catch (LaminaException e) {
                throw new RecipeException(RecipeException.Problem.NOT_FOUND, path + ".font", e.getMessage());
            }
        }
        try {
            var l = text.layout(t);
            long w = (long) Math.ceil(l.width()) + 3L * (long) Math.ceil(t.size());
            long h = (long) Math.ceil(l.height()) + 3L * (long) Math.ceil(t.size());
            checkPixels(path, w, h);
            return Limits.product(w, h);
        } catch (RecipeException e) {
            throw e;
        } catch (LaminaException e) {
            throw new RecipeException(e.kind() == LaminaException.Kind.LIMIT_EXCEEDED ? RecipeException.Problem.TOO_LARGE
                    : RecipeException.Problem.INVALID, path + ".text", e.getMessage());
        }
    }

    private void tile(Node.Tile t, String path) {
        for (double v : new double[]{t.spacingX(), t.spacingY()}) {
            if (!(v >= 0) || v > 1 << 16) {
                throw invalid(path + ".spacing", "spacing must be from 0 to 65536 pixels, not " + v);
            }
        }
        if (!Double.isFinite(t.rotate()) || !Double.isFinite(t.offsetX()) || !Double.isFinite(t.offsetY())) {
            throw invalid(path, "offset and rotation must be finite numbers");
        }
        if (t.rotate() % 360 != 0) {
            long d = Evaluator.diagonal(canvas.width(), canvas.height());
            checkPixels(path + ".rotate", d, d);
            wholeBytes = Limits.product(1, wholeBytes + Limits.product(d, d, 8));
            workPixels = Limits.product(1, workPixels + Limits.product(d, d));
        }
    }

    private void mask(Mask m, String path, int depth) {
        switch (m.source()) {
            case Mask.Asset a -> asset(a.name(), path + ".source");
            case Mask.Inline in -> node(in.layer(), path + ".layer", depth + 1);
            case Mask.Ref r -> {
                if (!ids.containsKey(r.id())) {
                    throw invalid(path + ".ref", "no layer has the id \"" + r.id() + "\"");
                }
            }
        }
    }

    private long effect(Effect e, String path, long area) {
        double sigma = switch (e) {
            case Effect.Blur b -> b.sigma();
            case Effect.DropShadow s -> s.sigma();
            case Effect.Glow g -> g.sigma();
            case Effect.Outline o -> 0;
        };
        if (!(sigma >= 0) || sigma > limits.maxSigma()) {
            throw tooLarge(path + ".sigma", "sigma " + sigma + " is over the limit of " + limits.maxSigma() + " pixels");
        }
        if (e instanceof Effect.Blur && !(sigma > 0)) {
            throw invalid(path + ".sigma", "a blur's sigma must be more than 0");
        }
        double grow = switch (e) {
            case Effect.DropShadow s -> s.spread();
            case Effect.Glow g -> g.spread();
            case Effect.Outline o -> o.width();
            default -> 0;
        };
        if (!(grow >= 0) || grow > MAX_GROW) {
            throw tooLarge(path + (e instanceof Effect.Outline ? ".width" : ".spread"),
                    grow + " pixels is over the limit of " + MAX_GROW);
        }
        double opacity = switch (e) {
            case Effect.DropShadow s -> s.opacity();
            case Effect.Glow g -> g.opacity();
            case Effect.Outline o -> o.opacity();
            default -> 1;
        };
        if (!(opacity >= 0 && opacity <= 1)) {
            throw invalid(path + ".opacity", "must be from 0 to 1, not " + opacity);
        }
        if (e instanceof Effect.DropShadow s && (Math.abs(s.dx()) > 1 << 16 || Math.abs(s.dy()) > 1 << 16)) {
            throw tooLarge(path, "a shadow's offset must be within 65536 pixels");
        }
        // the effect's image (the layer with margins) and the blur's rows: about twice the layer again
        return Limits.product(2, area);
    }

    private void shape(Geometry g, String path) {
        try {
            g.toShape();
        } catch (LaminaException e) {
            throw invalid(path, e.getMessage());
        }
    }

    /** Mask references must not lead back to a layer that is being drawn: a layer masked by itself, or by its group. */
    private void cycles() {
        Map<Node, Integer> state = new IdentityHashMap<>();
        for (Node n : recipe.layers()) {
            visit(n, state, new ArrayList<>());
        }
    }

    private void visit(Node n, Map<Node, Integer> state, List<Node> stack) {
        Integer s = state.get(n);
        if (s != null && s == 2) {
            return;
        }
        stack.add(n);
        if (s != null) {
            List<String> chain = new ArrayList<>();
            for (Node k : stack.subList(stack.indexOf(n), stack.size())) {
                chain.add(paths.get(k));
            }
            throw invalid(paths.get(stack.get(stack.size() - 2)) + ".mask.ref", "the masks refer to each other in a cycle: "
                    + String.join(" -> ", chain));
        }
        state.put(n, 1);
        for (Node d : needs(n)) {
            visit(d, state, stack);
        }
        state.put(n, 2);
        stack.removeLast();
    }

    private List<Node> needs(Node n) {
        List<Node> out = new ArrayList<>();
        switch (n) {
            case Node.Group g -> out.addAll(g.layers());
            case Node.Tile t -> out.add(t.layer());
            default -> {
            }
        }
        Mask m = n.common().mask();
        if (m != null && m.source() instanceof Mask.Inline in) {
            out.add(in.layer());
        } else if (m != null && m.source() instanceof Mask.Ref r) {
            out.add(ids.get(r.id()));
        }
        return out;
    }

    private void checkPixels(String path, long w, long h) {
        if (Limits.product(w, h) > limits.core().maxPixels()) {
            throw tooLarge(path, w + "x" + h + " is over the pixel limit of " + limits.core().maxPixels());
        }
    }

    private static RecipeException invalid(String path, String what) {
        return new RecipeException(RecipeException.Problem.INVALID, path, what);
    }

    private static RecipeException tooLarge(String path, String what) {
        return new RecipeException(RecipeException.Problem.TOO_LARGE, path, what);
    }
}
