package dev.lamina.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.server.http.Query;
import dev.lamina.server.sign.UrlSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presets behind signed URLs, and the operational routes: health, metrics, OpenAPI, access log. */
class PresetsAndOpsTest {
    static final String KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    static final byte[] KEY = HexFormat.of().parseHex(KEY_HEX);
    static final String PRESETS = """
            "presets": {
              "thumbnail": {"format": "jpeg", "quality": 80,
                "params": {"asset": {"type": "asset"}, "w": {"type": "integer", "min": 8, "max": 512, "default": 64}},
                "recipe": {"version": 1, "canvas": {"asset": "{{asset}}", "width": "{{w}}"},
                           "layers": [{"type": "image", "asset": "{{asset}}", "width": "{{w}}"}]}},
              "watermark": {"format": "png",
                "params": {"asset": {"type": "asset"}, "g": {"type": "string", "enum": ["south-east", "north-west"], "default": "south-east"}},
                "recipe": {"version": 1, "canvas": {"asset": "{{asset}}"},
                           "layers": [{"type": "image", "asset": "{{asset}}"}, {"type": "image", "asset": "logo", "gravity": "{{g}}", "opacity": 0.6}]}}
            }""";
    static Path data;
    static Path log;
    static TestServer s;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("lamina-presets-");
        log = data.resolve("access.log");
        s = TestServer.start(data, "{\"benchmarkRoutes\": true, \"accessLog\": \"" + log + "\", \"keys\": {\"k1\": \""
                + KEY_HEX + "\"}, " + PRESETS + "}");
        s.put("/v1/assets/photo", TestServer.png(200, 100, 3, 50));
        s.put("/v1/assets/logo", TestServer.png(40, 40, 4, 51));
    }

    @AfterAll
    static void stop() throws IOException {
        s.close();
        TestServer.deleteTree(data);
    }

    static String signed(String path, String query) {
        return path + "?" + query + "&sig=" + UrlSigner.sign(KEY, path, Query.parse(query));
    }

    static long future() {
        return System.currentTimeMillis() / 1000 + 600;
    }

    @Test
    void aSignedPresetRendersWithCacheHeaders() throws Exception {
        HttpResponse<byte[]> r = s.get(signed("/v1/render/thumbnail", "asset=photo&w=100&keyid=k1&expires=" + future()));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("image/jpeg", r.headers().firstValue("Content-Type").orElse(""));
        String cc = r.headers().firstValue("Cache-Control").orElse("");
        assertTrue(cc.startsWith("public, max-age="), cc);
        assertTrue(Long.parseLong(cc.substring(16)) <= 600, "max-age bounded by the URL's expiry: " + cc);
        String etag = r.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = s.send(HttpRequest.newBuilder(s.uri(signed("/v1/render/thumbnail",
                "asset=photo&w=100&keyid=k1&expires=" + future()))).header("If-None-Match", etag));
        assertEquals(304, again.statusCode());
        HttpResponse<byte[]> wm = s.get(signed("/v1/render/watermark", "asset=photo&keyid=k1&expires=" + future()));
        assertEquals(200, wm.statusCode());
        assertEquals("image/png", wm.headers().firstValue("Content-Type").orElse(""));
    }

    private static void forbidden(String url, String field) throws Exception {
        HttpResponse<byte[]> r = s.get(url);
        assertEquals(403, r.statusCode(), url);
        assertEquals(field, TestServer.json(r).path("field").asText(), url);
    }

    @Test
    void wrongExpiredReplayedAndUnsignedURLsAreRefused() throws Exception {
        long exp = future();
        String good = signed("/v1/render/thumbnail", "asset=photo&w=100&keyid=k1&expires=" + exp);
        forbidden(good.replace("w=100", "w=101"), "sig");                          // a parameter changed
        forbidden(good.replace("/thumbnail", "/watermark"), "sig");               // replayed on another path
        forbidden(good.substring(0, good.length() - 2) + "AA", "sig");            // a wrong signature
        forbidden(signed("/v1/render/thumbnail", "asset=photo&keyid=k1&expires=" + (exp - 1200)), "expires");
        forbidden(signed("/v1/render/thumbnail", "asset=photo&keyid=k9&expires=" + exp), "keyid");
        forbidden("/v1/render/thumbnail?asset=photo", "sig");
        HttpResponse<byte[]> unknownParam = s.get(signed("/v1/render/thumbnail", "asset=photo&zoom=2&keyid=k1&expires=" + exp));
        assertEquals(400, unknownParam.statusCode());
        assertEquals("zoom", TestServer.json(unknownParam).path("field").asText());
        HttpResponse<byte[]> outOfRange = s.get(signed("/v1/render/thumbnail", "asset=photo&w=5000&keyid=k1&expires=" + exp));
        assertEquals(400, outOfRange.statusCode());
        assertEquals(404, s.get(signed("/v1/render/nothing", "keyid=k1&expires=" + exp)).statusCode());
        assertEquals(404, s.get(signed("/v1/render/thumbnail", "asset=missing&keyid=k1&expires=" + exp)).statusCode());
        // Parameter order does not matter: the canonical form sorts them.
        String reordered = "/v1/render/thumbnail?expires=" + exp + "&keyid=k1&w=100&asset=photo&sig="
                + good.substring(good.indexOf("&sig=") + 5);
        assertEquals(200, s.get(reordered).statusCode());
    }

    @Test
    void developmentModeAcceptsUnsignedURLs() throws Exception {
        Path dev = Files.createTempDirectory("lamina-dev-");
        try (TestServer d = TestServer.start(dev, "{\"development\": true, " + PRESETS + "}")) {
            d.put("/v1/assets/photo", TestServer.png(200, 100, 3, 50));
            assertEquals(200, d.get("/v1/render/thumbnail?asset=photo&w=50").statusCode());
        } finally {
            TestServer.deleteTree(dev);
        }
    }

    /** The docs' shell recipe (openssl) signs the same as the server: an independent implementation. */
    @Test
    void opensslSignsTheSameCanonicalString() throws Exception {
        String canonical = UrlSigner.canonical("/v1/render/thumbnail", Query.parse("w=100&asset=photo%20one&keyid=k1&expires=2000000000"));
        assertEquals("/v1/render/thumbnail?asset=photo%20one&expires=2000000000&keyid=k1&w=100", canonical);
        Process p;
        try {
            p = new ProcessBuilder("sh", "-c", "printf '%s' \"$0\" | openssl dgst -sha256 -mac HMAC -macopt hexkey:" + KEY_HEX
                    + " -binary | openssl base64 -A | tr '+/' '-_' | tr -d '='", canonical).start();
        } catch (IOException e) {
            System.err.println("NOTE: openssl is not installed; the signature was not checked against it");
            return;
        }
        String sig = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || sig.isEmpty()) {
            System.err.println("NOTE: openssl failed; the signature was not checked against it");
            return;
        }
        assertEquals(sig, UrlSigner.sign(KEY, "/v1/render/thumbnail",
                Query.parse("w=100&asset=photo%20one&keyid=k1&expires=2000000000")));
    }

    @Test
    void everyRouteIsInTheOpenApiDocument() throws Exception {
        HttpResponse<byte[]> r = s.get("/openapi.json");
        assertEquals(200, r.statusCode());
        JsonNode doc = TestServer.json(r);
        assertEquals("3.1.0", doc.path("openapi").asText());
        Set<String> documented = new HashSet<>();
        for (Iterator<String> paths = doc.path("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            for (Iterator<String> methods = doc.path("paths").path(path).fieldNames(); methods.hasNext(); ) {
                String m = methods.next();
                if (!m.equals("parameters")) {
                    documented.add(m.toUpperCase() + " " + path);
                }
            }
        }
        Set<String> routed = new HashSet<>(s.server.routes());
        assertTrue(routed.contains("POST /v1/bench/java2d"), "this server has every optional route on");
        assertEquals(routed, documented);
    }

    @Test
    void healthMetricsAndTheAccessLog() throws Exception {
        assertEquals(200, s.get("/health/live").statusCode());
        assertEquals("UP", TestServer.json(s.get("/health/ready")).path("status").asText());
        s.get(signed("/v1/render/thumbnail", "asset=photo&keyid=k1&expires=" + future()));
        String metrics = new String(s.get("/metrics").body(), StandardCharsets.UTF_8);
        for (String name : new String[]{"lamina_requests_total{", "lamina_request_duration_seconds_bucket{",
                "lamina_request_span_duration_seconds_bucket{span=\"queue\"", "lamina_request_span_duration_seconds_bucket{span=\"decode\"",
                "lamina_request_span_duration_seconds_bucket{span=\"render\"", "lamina_request_span_duration_seconds_bucket{span=\"encode\"",
                "lamina_workers ", "lamina_workers_busy ", "lamina_images_in_progress ", "lamina_requests_in_progress ",
                "lamina_asset_cache_bytes ", "lamina_asset_cache_hits_total ", "lamina_asset_cache_misses_total ",
                "lamina_memory_in_flight_bytes ", "jvm_memory_used_bytes{", "jvm_gc_", "process_cpu_usage "}) {
            assertTrue(metrics.contains(name), "missing " + name);
        }
        assertTrue(metrics.contains("route=\"/v1/render/{preset}\"") && metrics.contains("status=\"200\""));
        TestServer.eventually(() -> {
            try {
                return Files.readString(log).contains("/v1/render/thumbnail");
            } catch (IOException e) {
                return false;
            }
        }, "the access log has the render");
        for (String line : Files.readAllLines(log)) {
            JsonNode entry = TestServer.JSON.readTree(line);
            assertTrue(entry.has("status") && entry.has("route") && entry.has("ms") && entry.has("id"), line);
            assertTrue(!line.contains("sig=") || line.contains("sig=..."), "the signature is hidden: " + line);
        }
    }

    @Test
    void theJava2dPeerDrawsTheCollage() throws Exception {
        HttpResponse<byte[]> r = s.postJson("/v1/bench/java2d?quality=85",
                "{\"version\": 1, \"canvas\": {\"asset\": \"photo\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"photo\"},"
                        + " {\"type\": \"image\", \"asset\": \"logo\", \"x\": 10, \"y\": 10}]}");
        assertEquals(200, r.statusCode());
        assertEquals(200, dev.lamina.Lamina.open(r.body(), "java2d").width());
    }
}
