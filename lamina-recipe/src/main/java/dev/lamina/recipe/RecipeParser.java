package dev.lamina.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.lamina.model.BlendMode;
import dev.lamina.model.FillRule;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.MaskMode;
import dev.lamina.model.Paint;
import dev.lamina.model.Stroke;
import dev.lamina.model.ThumbnailOptions.Fit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a recipe from JSON: the JSON Schema ({@code recipe-v1.schema.json}, the contract of the
 * language) first, then the tree. Errors are {@link RecipeException}s naming the JSON path. Checks
 * that need assets, fonts or limits come after, in {@link RecipeChecks}. Thread-safe.
 */
public final class RecipeParser {
    /** The schema's resource name, beside this class. */
    public static final String SCHEMA = "recipe-v1.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA_V1 = loadSchema();
    /** Deeper JSON than this is refused by the reader itself (the nesting limit is far lower). */
    private static final int MAX_JSON_DEPTH = 200;

    private RecipeParser() {
    }

    private static Schema loadSchema() {
        try (InputStream in = RecipeParser.class.getResourceAsStream(SCHEMA)) {
            JsonNode schema = JSON.readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException("the recipe schema is missing from the jar", e);
        }
    }

    /** The schema as text, for tools and the docs. */
    public static String schemaText() {
        try (InputStream in = RecipeParser.class.getResourceAsStream(SCHEMA)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Recipe parse(String json) {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Recipe parse(byte[] json) {
        JsonNode root;
        try {
            ObjectMapper reader = JSON.copy();
            reader.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build());
            root = reader.readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            String what = e.getOriginalMessage().contains("nesting depth")
                    ? "nested deeper than " + MAX_JSON_DEPTH + " levels" : "not valid JSON";
            throw new RecipeException(RecipeException.Problem.SYNTAX, "", what + where);
        } catch (IOException e) {
            throw new RecipeException(RecipeException.Problem.SYNTAX, "", "not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new RecipeException(RecipeException.Problem.SYNTAX, "", "empty");
        }
        if (root.isObject() && root.has("version") && !(root.get("version").isInt() && root.get("version").asInt() == 1)) {
            throw new RecipeException(RecipeException.Problem.INVALID, "version",
                    "this Lamina reads recipes of version 1, not " + root.get("version"));
        }
        List<Error> errors = SCHEMA_V1.validate(root);
        if (!errors.isEmpty()) {
            throw schemaError(errors);
        }
        return new Reader().recipe(root);
    }

    /**
     * The most useful of the validator's errors: the deepest location (a wrong value deep in a layer
     * says more than "layers[2] does not match"), and not the conditional schemas' summaries.
     */
    private static RecipeException schemaError(List<Error> errors) {
        Error best = errors.stream()
                .filter(e -> !"if".equals(e.getKeyword()) && !"allOf".equals(e.getKeyword()))
                .max(Comparator.comparingInt((Error e) -> e.getInstanceLocation().getNameCount())
                        .thenComparingInt(e -> "oneOf".equals(e.getKeyword()) ? 0 : 1))
                .orElse(errors.get(0));
        String path = path(best);
        String message = best.getMessage();
        // the validator's message starts with its own form of the location
        int colon = message.indexOf(": ");
        if (colon >= 0 && message.startsWith("$")) {
            message = message.substring(colon + 2);
        }
        return new RecipeException(RecipeException.Problem.INVALID, path, message);
    }

    private static String path(Error e) {
        StringBuilder b = new StringBuilder();
        var loc = e.getInstanceLocation();
        for (int i = 0; i < loc.getNameCount(); i++) {
            Object el = loc.getElement(i);
            if (el instanceof Number n) {
                b.append('[').append(n).append(']');
            } else {
                b.append(b.isEmpty() ? "" : ".").append(el);
            }
        }
        return b.toString();
    }

    /** Converts a schema-valid tree; the checks here are the ones a schema cannot say. */
    private static final class Reader {

        Recipe recipe(JsonNode root) {
            JsonNode c = root.get("canvas");
            Paint.Solid bg = c.has("background") ? colour(c.get("background"), "canvas.background") : null;
            if (bg != null && bg.alpha() == 0) {
                bg = null;
            }
            for (String side : new String[]{"width", "height"}) {
                if (c.has(side) && !c.get(side).canConvertToInt()) {
                    throw new RecipeException(RecipeException.Problem.TOO_LARGE, "canvas." + side, "must fit 32 bits");
                }
            }
            Fit fit = c.has("fit") ? Fit.valueOf(c.get("fit").asText().toUpperCase(Locale.ROOT)) : Fit.FILL;
            if (c.has("fit") && !(c.has("asset") && c.has("width") && c.has("height"))) {
                throw new RecipeException(RecipeException.Problem.INVALID, "canvas.fit", "a fit needs an asset, a width and a height");
            }
            Recipe.Canvas canvas = new Recipe.Canvas(c.path("width").asInt(0), c.path("height").asInt(0), bg,
                    c.has("asset") ? c.get("asset").asText() : null, fit);
            return new Recipe(1, canvas, layers(root.get("layers"), "layers"));
        }

        List<Node> layers(JsonNode array, String path) {
            List<Node> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(layer(array.get(i), path + "[" + i + "]"));
            }
            return out;
        }

        Node layer(JsonNode n, String path) {
            Node.Common common = common(n, path);
            String type = n.get("type").asText();
            return switch (type) {
                case "image" -> image(n, path, common);
                case "fill" -> new Node.Fill(common, paint(n.get("paint"), path + ".paint"));
                case "shape" -> shape(n, path, common);
                case "text" -> text(n, path, common);
                case "group" -> new Node.Group(common, layers(n.get("layers"), path + ".layers"));
                case "tile" -> tile(n, path, common);
                default -> throw new AssertionError(type);
            };
        }

        Node.Common common(JsonNode n, String path) {
            String id = n.has("id") ? n.get("id").asText() : null;
            BlendMode blend = n.has("blend") ? BlendMode.parse(n.get("blend").asText()) : BlendMode.OVER;
            double opacity = n.path("opacity").asDouble(1);
            Mask mask = n.has("mask") ? mask(n.get("mask"), path + ".mask") : null;
            Geometry clip = n.has("clip") ? geometry(n.get("clip"), path + ".clip") : null;
            List<Effect> effects = new ArrayList<>();
            JsonNode e = n.path("effects");
            for (int i = 0; i < e.size(); i++) {
                effects.add(effect(e.get(i), path + ".effects[" + i + "]"));
            }
            return new Node.Common(id, blend, opacity, mask, clip, effects);
        }

        Mask mask(JsonNode n, String path) {
            Mask.Source source;
            if (n.has("source")) {
                source = new Mask.Asset(n.get("source").asText());
            } else if (n.has("layer")) {
                source = new Mask.Inline(layer(n.get("layer"), path + ".layer"));
            } else {
                source = new Mask.Ref(n.get("ref").asText());
            }
            MaskMode mode = "luminance".equals(n.path("mode").asText("alpha")) ? MaskMode.LUMINANCE : MaskMode.ALPHA;
            return new Mask(source, mode, n.path("invert").asBoolean(false));
        }

        Effect effect(JsonNode n, String path) {
            int rgbDefault = 0x000000;
            return switch (n.get("type").asText()) {
                case "blur" -> new Effect.Blur(n.get("sigma").asDouble());
                case "shadow" -> new Effect.DropShadow(n.path("dx").asInt(0), n.path("dy").asInt(0), n.get("sigma").asDouble(),
                        rgb(n, "color", rgbDefault, path), n.path("opacity").asDouble(0.5), n.path("spread").asDouble(0));
                case "glow" -> new Effect.Glow(n.get("sigma").asDouble(), rgb(n, "color", 0xffffff, path),
                        n.path("opacity").asDouble(0.8), n.path("spread").asDouble(0));
                case "outline" -> new Effect.Outline(n.get("width").asDouble(), rgb(n, "color", 0xffffff, path),
                        n.path("opacity").asDouble(1));
                default -> throw new AssertionError(n);
            };
        }

        int rgb(JsonNode n, String field, int dflt, String path) {
            if (!n.has(field)) {
                return dflt;
            }
            Paint.Solid s = colour(n.get(field), path + "." + field);
            if (s.alpha() != 1) {
                throw new RecipeException(RecipeException.Problem.INVALID, path + "." + field,
                        "an effect's colour is opaque (#RRGGBB): give its transparency as \"opacity\"");
            }
            return s.rgb();
        }

        Node.Position position(JsonNode n) {
            Gravity g = n.has("gravity") ? Gravity.parse(n.get("gravity").asText()) : null;
            return new Node.Position(n.path("x").asDouble(0), n.path("y").asDouble(0), g);
        }

        Node image(JsonNode n, String path, Node.Common common) {
            int w = n.path("width").asInt(0), h = n.path("height").asInt(0);
            Fit fit = n.has("fit") ? Fit.valueOf(n.get("fit").asText().toUpperCase(Locale.ROOT)) : Fit.FILL;
            if (n.has("fit") && (w == 0 || h == 0) && fit != Fit.FILL && fit != Fit.INSIDE) {
                throw new RecipeException(RecipeException.Problem.INVALID, path + ".fit",
                        "fit \"" + n.get("fit").asText() + "\" needs both a width and a height");
            }
            Kernel kernel = n.has("kernel") ? Kernel.valueOf(n.get("kernel").asText().toUpperCase(Locale.ROOT)) : Kernel.LANCZOS3;
            Node.Crop crop = null;
            if (n.has("crop")) {
                JsonNode c = n.get("crop");
                crop = new Node.Crop(c.get("x").asInt(), c.get("y").asInt(), c.get("width").asInt(), c.get("height").asInt());
            }
            List<Double> affine = numbers(n.path("affine"));
            if (n.has("rotate") && !affine.isEmpty()) {
                throw new RecipeException(RecipeException.Problem.INVALID, path, "give rotate or affine, not both");
            }
            if (!affine.isEmpty() && affine.get(0) * affine.get(3) - affine.get(1) * affine.get(2) == 0) {
                throw new RecipeException(RecipeException.Problem.INVALID, path + ".affine", "the matrix is singular (its determinant is 0)");
            }
            return new Node.Image(common, n.get("asset").asText(), position(n), w, h, fit, kernel, crop,
                    n.path("rotate").asDouble(0), affine, n.path("flip").asBoolean(false), n.path("flop").asBoolean(false),
                    n.path("fastShrinkOnLoad").asBoolean(false));
        }

        Node shape(JsonNode n, String path, Node.Common common) {
            FillRule rule = "evenodd".equals(n.path("fillRule").asText("nonzero")) ? FillRule.EVEN_ODD : FillRule.NON_ZERO;
            if (!n.has("fill") && !n.has("stroke")) {
                throw new RecipeException(RecipeException.Problem.INVALID, path, "a shape needs a \"fill\", a \"stroke\" or both");
            }
            Paint fill = n.has("fill") ? paint(n.get("fill"), path + ".fill") : null;
            StrokeStyle stroke = null;
            if (n.has("stroke")) {
                JsonNode s = n.get("stroke");
                Paint p = s.has("paint") ? paint(s.get("paint"), path + ".stroke.paint") : Paint.solid(0x000000);
                List<Double> dashes = numbers(s.path("dashes"));
                if (!dashes.isEmpty() && dashes.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                    throw new RecipeException(RecipeException.Problem.INVALID, path + ".stroke.dashes", "the dash lengths add up to 0");
                }
                stroke = new StrokeStyle(s.get("width").asDouble(),
                        p, Stroke.Join.valueOf(s.path("join").asText("miter").toUpperCase(Locale.ROOT)),
                        Stroke.Cap.valueOf(s.path("cap").asText("butt").toUpperCase(Locale.ROOT)),
                        s.path("miterLimit").asDouble(4), dashes, s.path("dashOffset").asDouble(0));
            }
            return new Node.ShapeLayer(common, geometry(n.get("shape"), path + ".shape"), rule, fill, stroke);
        }

        Node text(JsonNode n, String path, Node.Common common) {
            Node.Align align = switch (n.path("align").asText("left")) {
                case "center", "centre" -> Node.Align.CENTER;
                case "right" -> Node.Align.RIGHT;
                default -> Node.Align.LEFT;
            };
            Paint.Solid colour = n.has("color") ? colour(n.get("color"), path + ".color") : Paint.solid(0x000000);
            return new Node.Text(common, n.get("text").asText(), n.has("font") ? n.get("font").asText() : null,
                    n.path("size").asDouble(16), colour, align, n.path("lineHeight").asDouble(0),
                    n.path("letterSpacing").asDouble(0), n.path("wrapWidth").asDouble(0),
                    position(n));
        }

        Node tile(JsonNode n, String path, Node.Common common) {
            List<Double> spacing = numbers(n.path("spacing")), offset = numbers(n.path("offset"));
            return new Node.Tile(common, layer(n.get("layer"), path + ".layer"),
                    spacing.isEmpty() ? 0 : spacing.get(0), spacing.isEmpty() ? 0 : spacing.get(1),
                    offset.isEmpty() ? 0 : offset.get(0), offset.isEmpty() ? 0 : offset.get(1), n.path("rotate").asDouble(0));
        }

        Geometry geometry(JsonNode n, String path) {
            if (n.has("rect")) {
                JsonNode r = n.get("rect");
                JsonNode radius = r.path("radius");
                List<Double> radii = radius.isArray() ? numbers(radius) : radius.isNumber() ? List.of(radius.asDouble()) : List.of();
                return new Geometry.Rect(r.get("x").asDouble(), r.get("y").asDouble(), r.get("width").asDouble(),
                        r.get("height").asDouble(), radii);
            }
            if (n.has("ellipse")) {
                JsonNode e = n.get("ellipse");
                return new Geometry.Ellipse(e.get("cx").asDouble(), e.get("cy").asDouble(), e.get("rx").asDouble(), e.get("ry").asDouble());
            }
            if (n.has("polygon")) {
                if (n.get("polygon").size() % 2 != 0) {
                    throw new RecipeException(RecipeException.Problem.INVALID, path + ".polygon",
                            "expected pairs of numbers (x, y), found " + n.get("polygon").size() + " numbers");
                }
                return new Geometry.Polygon(numbers(n.get("polygon")));
            }
            String d = n.get("path").asText();
            try {
                dev.lamina.model.Shape.parse(d);
            } catch (LaminaException e) {
                throw new RecipeException(RecipeException.Problem.INVALID, path + ".path", e.getMessage());
            }
            return new Geometry.Path(d);
        }

        Paint paint(JsonNode n, String path) {
            if (n.isTextual()) {
                return colour(n, path);
            }
            if (n.has("linear")) {
                JsonNode l = n.get("linear");
                return new Paint.Linear(l.get("x0").asDouble(), l.get("y0").asDouble(), l.get("x1").asDouble(),
                        l.get("y1").asDouble(), stops(l.get("stops"), path + ".linear.stops"), spread(l));
            }
            JsonNode r = n.get("radial");
            return new Paint.Radial(r.get("cx").asDouble(), r.get("cy").asDouble(), r.get("r").asDouble(),
                    stops(r.get("stops"), path + ".radial.stops"), spread(r));
        }

        Paint.Spread spread(JsonNode g) {
            return Paint.Spread.valueOf(g.path("spread").asText("pad").toUpperCase(Locale.ROOT));
        }

        List<Paint.Stop> stops(JsonNode a, String path) {
            List<Paint.Stop> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                Paint.Solid c = colour(a.get(i).get("color"), path + "[" + i + "].color");
                out.add(new Paint.Stop(a.get(i).get("offset").asDouble(), c.rgb(), c.alpha()));
            }
            return out;
        }

        static List<Double> numbers(JsonNode a) {
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(a.get(i).asDouble());
            }
            return out;
        }
    }

    /** {@code #RRGGBB}, {@code #RRGGBBAA} (the # optional) or {@code transparent}. */
    static Paint.Solid colour(JsonNode n, String path) {
        String s = n.asText();
        if (s.equals("transparent")) {
            return Paint.solid(0, 0);
        }
        if (s.startsWith("#")) {
            s = s.substring(1);
        }
        long v = Long.parseLong(s, 16);
        return s.length() == 6 ? Paint.solid((int) v) : Paint.solid((int) (v >>> 8), (v & 0xFF) / 255.0);
    }
}
