package dev.lamina.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.server.render.Preset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything {@code lamina serve} can be told, with safe defaults: one JSON file
 * ({@code --config}), every key optional. docs/server.md lists them. Immutable.
 *
 * @param host            address to listen on (127.0.0.1 by default: exposing the service is a choice)
 * @param port            TCP port (8080; 0 picks a free one)
 * @param data            folder of the asset store ({@code ./lamina-data})
 * @param development     accept unsigned preset URLs and skip the API token (never in production)
 * @param tokens          bearer tokens of the private API (assets, POST /v1/render); empty: open,
 *                        allowed only on a loopback address or in development mode
 * @param keys            URL-signing keys by key id (hex, at least 32 bytes each)
 * @param limits          the request limits
 * @param cacheBytes      bytes of decoded (pinned) assets kept in memory
 * @param workers         threads of the image pool (the cores by default)
 * @param shutdownGrace   how long requests in flight may take to finish on shutdown
 * @param accessLog       "stdout", "off" or a file to append JSON lines to
 * @param maxAgeSeconds   Cache-Control max-age of preset renders (bounded by the URL's expiry)
 * @param benchmarkRoutes serve the Java2D collage handler used as a peer by the load test
 * @param presets         named render presets for {@code GET /v1/render/{preset}}
 */
public record ServerConfig(String host, int port, Path data, boolean development, List<String> tokens,
                           Map<String, byte[]> keys, Limits limits, long cacheBytes, int workers,
                           Duration shutdownGrace, String accessLog, long maxAgeSeconds, boolean benchmarkRoutes,
                           Map<String, Preset> presets) {

    /**
     * Limits per request. Defaults: 32 MiB bodies, 50 MP per input (as imgproxy), 50 MP per
     * output, 200 layers, nesting 8, 1000 characters of text, 10 s per request, 2 renders per
     * worker at once and 8 per worker waiting, the memory budget from the heap.
     */
    public record Limits(long bodyBytes, long inputPixels, long outputPixels, int layers, int nesting, int textLength,
                         Duration deadline, int concurrentRenders, int queue, long memoryBudgetBytes,
                         Duration bodyTimeout, Duration idleTimeout) {
    }

    public static ServerConfig defaults() {
        return parse(JSON.createObjectNode(), "defaults");
    }

    public static ServerConfig load(Path file) {
        try {
            return parse(JSON.readTree(Files.readAllBytes(file)), file.toString());
        } catch (JsonProcessingException e) {
            throw new ConfigException(file + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr());
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read it");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a configuration document; unknown keys are errors (a misspelt limit must not pass silently). */
    public static ServerConfig parse(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new ConfigException(source + ": the configuration must be a JSON object");
        }
        Reader r = new Reader(source, (ObjectNode) root);
        r.allow("host", "port", "data", "development", "tokens", "keys", "limits", "cacheBytes", "workers",
                "shutdownGraceMs", "accessLog", "maxAgeSeconds", "benchmarkRoutes", "presets");
        int cores = Runtime.getRuntime().availableProcessors();
        int workers = r.integer("workers", cores, 1, 1024);
        long cacheBytes = r.number("cacheBytes", 256L << 20, 0, Long.MAX_VALUE);
        Limits limits = limits(r.object("limits"), source + ": limits", workers, cacheBytes);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        ObjectNode k = r.object("keys");
        for (Iterator<Map.Entry<String, JsonNode>> it = k.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byte[] secret;
            try {
                secret = HexFormat.of().parseHex(e.getValue().asText());
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(source + ": keys." + e.getKey() + " must be hexadecimal (openssl rand -hex 32)");
            }
            if (secret.length < 32) {
                throw new ConfigException(source + ": keys." + e.getKey() + " must be at least 32 bytes (64 hex digits)");
            }
            keys.put(e.getKey(), secret);
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode t : r.array("tokens")) {
            if (t.asText().length() < 16) {
                throw new ConfigException(source + ": tokens must be at least 16 characters");
            }
            tokens.add(t.asText());
        }
        Map<String, Preset> presets = new LinkedHashMap<>();
        ObjectNode p = r.object("presets");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            presets.put(e.getKey(), Preset.parse(e.getKey(), e.getValue(), source + ": presets." + e.getKey()));
        }
        return new ServerConfig(
                r.text("host", "127.0.0.1"),
                r.integer("port", 8080, 0, 65535),
                Path.of(r.text("data", "lamina-data")),
                r.bool("development", false),
                List.copyOf(tokens),
                Map.copyOf(keys),
                limits,
                cacheBytes,
                workers,
                Duration.ofMillis(r.number("shutdownGraceMs", 10_000, 0, 3_600_000)),
                r.text("accessLog", "stdout"),
                r.number("maxAgeSeconds", 86_400, 0, 31_536_000),
                r.bool("benchmarkRoutes", false),
                Map.copyOf(presets));
    }

    private static Limits limits(ObjectNode node, String source, int workers, long cacheBytes) {
        Reader r = new Reader(source, node);
        r.allow("bodyBytes", "inputPixels", "outputPixels", "layers", "nesting", "textLength", "deadlineMs",
                "concurrentRenders", "queue", "memoryBudgetBytes", "bodyTimeoutMs", "idleTimeoutMs");
        // Half of what the heap has beside the asset cache: the rest is the JVM's, the server's
        // buffers and the garbage of the renders just finished.
        long heapShare = Math.max(64L << 20, (Runtime.getRuntime().maxMemory() - cacheBytes) / 2);
        return new Limits(
                r.number("bodyBytes", 32L << 20, 1, Integer.MAX_VALUE - 16),
                r.number("inputPixels", 50_000_000L, 1, Long.MAX_VALUE),
                r.number("outputPixels", 50_000_000L, 1, Long.MAX_VALUE),
                r.integer("layers", 200, 1, 100_000),
                r.integer("nesting", 8, 1, 1000),
                r.integer("textLength", 1000, 0, 1_000_000),
                Duration.ofMillis(r.number("deadlineMs", 10_000, 1, 3_600_000)),
                r.integer("concurrentRenders", 2 * workers, 1, 100_000),
                r.integer("queue", 8 * workers, 0, 1_000_000),
                r.number("memoryBudgetBytes", heapShare, 1, Long.MAX_VALUE),
                Duration.ofMillis(r.number("bodyTimeoutMs", 30_000, 1, 3_600_000)),
                Duration.ofMillis(r.number("idleTimeoutMs", 30_000, 1, 3_600_000)));
    }

    /** The same configuration with the command line's overrides. */
    public ServerConfig with(Integer port, Path data) {
        return new ServerConfig(host, port == null ? this.port : port, data == null ? this.data : data, development, tokens,
                keys, limits, cacheBytes, workers, shutdownGrace, accessLog, maxAgeSeconds, benchmarkRoutes, presets);
    }

    /** A configuration error, reported as one line that names the file and the key. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }

    /** Typed reads of one JSON object with its source named in every error. */
    private record Reader(String source, ObjectNode node) {
        void allow(String... names) {
            Set<String> known = Set.of(names);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String n = it.next();
                if (!known.contains(n)) {
                    throw new ConfigException(source + ": unknown setting '" + n + "' (known: " + String.join(", ", names) + ")");
                }
            }
        }

        long number(String name, long def, long min, long max) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                throw new ConfigException(source + ": " + name + " must be a whole number");
            }
            long n = v.asLong();
            if (n < min || n > max) {
                throw new ConfigException(source + ": " + name + " must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        }

        int integer(String name, int def, int min, int max) {
            return (int) number(name, def, min, max);
        }

        boolean bool(String name, boolean def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.isBoolean()) {
                throw new ConfigException(source + ": " + name + " must be true or false");
            }
            return v.asBoolean();
        }

        String text(String name, String def) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return def;
            }
            if (!v.isTextual()) {
                throw new ConfigException(source + ": " + name + " must be a string");
            }
            return v.asText();
        }

        ObjectNode object(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return JSON.createObjectNode();
            }
            if (!v.isObject()) {
                throw new ConfigException(source + ": " + name + " must be an object");
            }
            return (ObjectNode) v;
        }

        Iterable<JsonNode> array(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return List.of();
            }
            if (!v.isArray()) {
                throw new ConfigException(source + ": " + name + " must be an array");
            }
            return v;
        }
    }
}
