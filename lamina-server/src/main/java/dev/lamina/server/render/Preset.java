package dev.lamina.server.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lamina.server.ServerConfig.ConfigException;
import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Query;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named render from the configuration for {@code GET /v1/render/{preset}?...}: a recipe
 * template whose strings {@code "{{name}}"} are replaced by the URL's typed parameters, and the
 * output format and quality it defaults to. The expanded recipe goes through the same
 * {@link RecipeRenderer} as a POSTed one, so presets need no second language. Immutable.
 *
 * @param name    the preset's name
 * @param params  the parameters it takes, by name
 * @param recipe  the template
 * @param format  default output format name (null: negotiated)
 * @param quality default quality (null: the format's)
 */
public record Preset(String name, Map<String, Param> params, JsonNode recipe, String format, Integer quality) {

    /** Query parameters that are the server's, not a preset's. */
    public static final Set<String> RESERVED = Set.of("format", "quality", "expires", "keyid", "sig");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z0-9_]+)}}");
    private static final Pattern ASSET_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /**
     * One parameter: {@code integer} (with min and max), {@code string} (with an optional list of
     * allowed values) or {@code asset} (an asset id).
     */
    public record Param(String type, long min, long max, List<String> allowed, String defaultValue) {
    }

    public static Preset parse(String name, JsonNode node, String source) {
        if (!node.isObject()) {
            throw new ConfigException(source + " must be an object");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!Set.of("params", "recipe", "format", "quality").contains(f)) {
                throw new ConfigException(source + ": unknown setting '" + f + "' (params, recipe, format, quality)");
            }
        }
        if (!node.path("recipe").isObject()) {
            throw new ConfigException(source + ".recipe must be an object");
        }
        Map<String, Param> params = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = e.getKey();
            JsonNode d = e.getValue();
            if (RESERVED.contains(p)) {
                throw new ConfigException(source + ".params." + p + ": the name is reserved (" + String.join(", ", RESERVED) + ")");
            }
            String type = d.path("type").asText("string");
            if (!Set.of("integer", "string", "asset").contains(type)) {
                throw new ConfigException(source + ".params." + p + ".type must be integer, string or asset");
            }
            List<String> allowed = new java.util.ArrayList<>();
            d.path("enum").forEach(v -> allowed.add(v.asText()));
            params.put(p, new Param(type, d.path("min").asLong(Long.MIN_VALUE), d.path("max").asLong(Long.MAX_VALUE),
                    List.copyOf(allowed), d.hasNonNull("default") ? d.get("default").asText() : null));
        }
        String format = node.hasNonNull("format") ? node.get("format").asText() : null;
        if (format != null && OutputFormats.byName(format) == null) {
            throw new ConfigException(source + ".format: unknown format '" + format + "' (" + OutputFormats.names() + ")");
        }
        Integer quality = node.hasNonNull("quality") ? node.get("quality").asInt() : null;
        return new Preset(name, Map.copyOf(params), node.get("recipe").deepCopy(), format, quality);
    }

    /** The recipe with the URL's parameters put in; unknown, missing or out-of-range ones are 400s naming them. */
    public JsonNode expand(Query query) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Query.Param q : query.params()) {
            if (!RESERVED.contains(q.name()) && !params.containsKey(q.name())) {
                throw Problem.badRequest("preset '" + name + "' has no parameter '" + q.name() + "' (it takes: "
                        + (params.isEmpty() ? "none" : String.join(", ", params.keySet())) + ")", q.name());
            }
        }
        for (Map.Entry<String, Param> e : params.entrySet()) {
            String raw = query.get(e.getKey());
            Param p = e.getValue();
            if (raw == null) {
                raw = p.defaultValue();
            }
            if (raw == null) {
                throw Problem.badRequest("preset '" + name + "' needs the parameter '" + e.getKey() + "'", e.getKey());
            }
            values.put(e.getKey(), typed(e.getKey(), p, raw));
        }
        return substitute(recipe, values);
    }

    private JsonNode typed(String key, Param p, String raw) {
        switch (p.type()) {
            case "integer" -> {
                long v;
                try {
                    v = Long.parseLong(raw);
                } catch (NumberFormatException e) {
                    throw Problem.badRequest("'" + key + "' must be a whole number, not '" + raw + "'", key);
                }
                if (v < p.min() || v > p.max()) {
                    throw Problem.badRequest("'" + key + "' must be between " + p.min() + " and " + p.max() + ", not " + v, key);
                }
                return IntNode.valueOf((int) v);
            }
            case "asset" -> {
                if (!ASSET_ID.matcher(raw).matches()) {
                    throw Problem.badRequest("'" + key + "' is not a valid asset id", key);
                }
                return TextNode.valueOf(raw);
            }
            default -> {
                if (!p.allowed().isEmpty() && !p.allowed().contains(raw)) {
                    throw Problem.badRequest("'" + key + "' must be one of " + p.allowed() + ", not '" + raw + "'", key);
                }
                return TextNode.valueOf(raw);
            }
        }
    }

    private static JsonNode substitute(JsonNode node, Map<String, JsonNode> values) {
        if (node.isTextual()) {
            String s = node.asText();
            Matcher whole = PLACEHOLDER.matcher(s);
            if (whole.matches() && values.containsKey(whole.group(1))) {
                return values.get(whole.group(1));
            }
            Matcher m = PLACEHOLDER.matcher(s);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                JsonNode v = values.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v.asText()));
            }
            m.appendTail(out);
            return TextNode.valueOf(out.toString());
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> o.set(e.getKey(), substitute(e.getValue(), values)));
            return o;
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(v -> a.add(substitute(v, values)));
            return a;
        }
        return node;
    }
}
