package dev.lamina.server.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.server.http.Problem;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The interim render body, until the layer-tree recipe (issue 11) replaces it behind
 * {@link RecipeRenderer}: a base (a blank canvas or an asset), image layers placed by position or
 * gravity with opacity and blend mode, and optional resizes. It covers what the core API does
 * today and no more; docs/server.md describes it and marks it interim.
 *
 * <pre>{@code
 * {"base": {"canvas": {"width": 800, "height": 600, "color": "ffffff"}},
 *  "layers": [{"asset": "logo", "gravity": "south-east", "opacity": 0.8, "mode": "over",
 *              "resize": {"width": 120}}],
 *  "resize": {"width": 400, "fit": "inside"}}
 * }</pre>
 */
final class InterimRecipe implements RecipeRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Rendering render(byte[] recipe, AssetResolver assets, RecipeLimits limits) {
        JsonNode root;
        try {
            root = JSON.readTree(recipe);
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("the body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")", "$");
        } catch (IOException e) {
            throw Problem.badRequest("the body is not valid JSON", "$");
        }
        if (root == null || !root.isObject()) {
            throw Problem.invalid("the recipe must be a JSON object", "$");
        }
        fields(root, "$", "base", "layers", "resize");
        LaminaImage image = base(required(root, "base", "$"), "base", assets, limits);
        JsonNode layersNode = root.path("layers");
        List<Layer> layers = new ArrayList<>();
        if (!layersNode.isMissingNode()) {
            if (!layersNode.isArray()) {
                throw Problem.invalid("must be an array of layers", "layers");
            }
            if (layersNode.size() > limits.layers()) {
                throw Problem.tooLarge(layersNode.size() + " layers is over the limit of " + limits.layers(), "layers");
            }
            for (int i = 0; i < layersNode.size(); i++) {
                layers.add(layer(layersNode.get(i), "layers[" + i + "]", assets));
            }
        }
        try {
            image = image.composite(layers);
        } catch (LaminaException e) {
            throw Problem.invalid(e.getMessage(), "layers");
        }
        if (root.has("resize")) {
            image = resize(image, root.get("resize"), "resize", limits);
        }
        return new Rendering(image, sha256(recipe), layers.size());
    }

    private static LaminaImage base(JsonNode node, String path, AssetResolver assets, RecipeLimits limits) {
        object(node, path);
        fields(node, path, "canvas", "asset", "resize");
        LaminaImage image;
        if (node.has("canvas") == node.has("asset")) {
            throw Problem.invalid("give exactly one of 'canvas' and 'asset'", path);
        }
        if (node.has("canvas")) {
            JsonNode c = node.get("canvas");
            String cp = path + ".canvas";
            object(c, cp);
            fields(c, cp, "width", "height", "color");
            int w = integer(c, "width", cp, 1, Integer.MAX_VALUE);
            int h = integer(c, "height", cp, 1, Integer.MAX_VALUE);
            if ((long) w * h > limits.outputPixels()) {
                throw Problem.tooLarge(w + "x" + h + " is over the output limit of " + limits.outputPixels() + " pixels", cp);
            }
            long colour = colour(c.path("color"), cp + ".color");
            int alpha = (int) (colour & 0xFF);
            int rgb = (int) (colour >>> 8);
            image = alpha == 255 ? Lamina.canvas(w, h, rgb) : Lamina.canvas(w, h, rgb, alpha / 255.0);
        } else {
            image = assets.resolve(text(node, "asset", path), path + ".asset");
        }
        if (node.has("resize")) {
            image = resize(image, node.get("resize"), path + ".resize", limits);
        }
        return image;
    }

    private static Layer layer(JsonNode node, String path, AssetResolver assets) {
        object(node, path);
        fields(node, path, "asset", "x", "y", "gravity", "opacity", "mode", "tiled", "resize");
        LaminaImage image = assets.resolve(text(node, "asset", path), path + ".asset");
        if (node.has("resize")) {
            image = resize(image, node.get("resize"), path + ".resize", null);
        }
        Layer l = Layer.of(image);
        if (node.has("x") || node.has("y")) {
            if (node.has("gravity")) {
                throw Problem.invalid("give either x/y or gravity, not both", path);
            }
            l = l.at(integer(node, "x", path, Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 2),
                    integer(node, "y", path, Integer.MIN_VALUE / 2, Integer.MAX_VALUE / 2));
        } else if (node.has("gravity")) {
            try {
                l = l.gravity(Gravity.parse(text(node, "gravity", path)));
            } catch (LaminaException e) {
                throw Problem.invalid(e.getMessage(), path + ".gravity");
            }
        }
        if (node.has("mode")) {
            try {
                l = l.mode(BlendMode.parse(text(node, "mode", path)));
            } catch (LaminaException e) {
                throw Problem.invalid(e.getMessage(), path + ".mode");
            }
        }
        if (node.has("opacity")) {
            JsonNode o = node.get("opacity");
            if (!o.isNumber() || o.asDouble() < 0 || o.asDouble() > 1) {
                throw Problem.invalid("must be a number from 0 to 1", path + ".opacity");
            }
            l = l.opacity(o.asDouble());
        }
        if (node.has("tiled")) {
            if (!node.get("tiled").isBoolean()) {
                throw Problem.invalid("must be true or false", path + ".tiled");
            }
            if (node.get("tiled").asBoolean()) {
                l = l.tiled();
            }
        }
        return l;
    }

    /** A thumbnail-style resize: width and/or height (the other follows the aspect), fit and kernel. */
    private static LaminaImage resize(LaminaImage image, JsonNode node, String path, RecipeLimits limits) {
        object(node, path);
        fields(node, path, "width", "height", "fit", "kernel");
        if (!node.has("width") && !node.has("height")) {
            throw Problem.invalid("give a width, a height or both", path);
        }
        int w = node.has("width") ? integer(node, "width", path, 1, 1 << 20) : -1;
        int h = node.has("height") ? integer(node, "height", path, 1, 1 << 20) : -1;
        if (w < 0) {
            w = (int) Math.max(1, Math.round((double) h * image.width() / image.height()));
        }
        if (h < 0) {
            h = (int) Math.max(1, Math.round((double) w * image.height() / image.width()));
        }
        if (limits != null && (long) w * h > limits.outputPixels()) {
            throw Problem.tooLarge(w + "x" + h + " is over the output limit of " + limits.outputPixels() + " pixels", path);
        }
        ThumbnailOptions o = ThumbnailOptions.box(w, h);
        if (node.has("fit")) {
            o = o.fit(choice(ThumbnailOptions.Fit.class, text(node, "fit", path), path + ".fit"));
        }
        if (node.has("kernel")) {
            o = o.kernel(choice(Kernel.class, text(node, "kernel", path), path + ".kernel"));
        }
        try {
            return image.thumbnail(o);
        } catch (LaminaException e) {
            if (e.kind() == LaminaException.Kind.LIMIT_EXCEEDED) {
                throw Problem.tooLarge(e.getMessage(), path);
            }
            throw Problem.invalid(e.getMessage(), path);
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String path) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT));
        }
        throw Problem.invalid("'" + value + "' is not one of " + String.join(", ", names), path);
    }

    /** RRGGBB or RRGGBBAA, '#' optional; white when absent. Returns 0xRRGGBBAA. */
    private static long colour(JsonNode node, String path) {
        if (node.isMissingNode()) {
            return 0xFFFFFFFFL;
        }
        String s = node.asText().startsWith("#") ? node.asText().substring(1) : node.asText();
        if (!node.isTextual() || !(s.length() == 6 || s.length() == 8) || !s.matches("[0-9A-Fa-f]+")) {
            throw Problem.invalid("must be a colour RRGGBB or RRGGBBAA in hexadecimal", path);
        }
        long v = Long.parseLong(s, 16);
        return s.length() == 6 ? (v << 8) | 0xFF : v;
    }

    private static void object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw Problem.invalid("must be an object", path);
        }
    }

    private static JsonNode required(JsonNode node, String name, String path) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw Problem.invalid("is required", path.equals("$") ? name : path + "." + name);
        }
        return v;
    }

    private static void fields(JsonNode node, String path, String... known) {
        Set<String> k = Set.of(known);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!k.contains(f)) {
                throw Problem.invalid("unknown field (known: " + String.join(", ", known) + ")",
                        path.equals("$") ? f : path + "." + f);
            }
        }
    }

    private static String text(JsonNode node, String name, String path) {
        JsonNode v = required(node, name, path);
        if (!v.isTextual()) {
            throw Problem.invalid("must be a string", path + "." + name);
        }
        return v.asText();
    }

    private static int integer(JsonNode node, String name, String path, int min, int max) {
        JsonNode v = required(node, name, path);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw Problem.invalid("must be a whole number", path + "." + name);
        }
        int n = v.asInt();
        if (n < min || n > max) {
            throw Problem.invalid("must be from " + min + " to " + max + ", not " + n, path + "." + name);
        }
        return n;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }
}
