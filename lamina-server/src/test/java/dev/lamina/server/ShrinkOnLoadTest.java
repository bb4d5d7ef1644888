package dev.lamina.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.Lamina;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thumbnail presets over stored JPEGs load the file again at 1/2, 1/4 or 1/8 and pin nothing; the
 * output is core's file thumbnail whatever the cache holds; uses that cannot shrink on load (a
 * PNG, a small reduction, a full-size layer) go through the cache of pinned assets as before, and
 * its accounting counts only what it pins. A fresh server per test: the cache's figures are the
 * test's own.
 */
class ShrinkOnLoadTest {
    static final int W = 640, H = 480;
    static final String PRESETS = """
            "presets": {
              "thumb": {"format": "jpeg", "quality": 80,
                "params": {"asset": {"type": "asset"}, "w": {"type": "integer", "min": 8, "max": 1024, "default": 64}},
                "recipe": {"version": 1, "canvas": {"asset": "{{asset}}", "width": "{{w}}", "height": "{{w}}", "fit": "inside"},
                           "layers": [{"type": "image", "asset": "{{asset}}", "width": "{{w}}", "height": "{{w}}", "fit": "inside"}]}},
              "fast": {"format": "jpeg", "quality": 80,
                "params": {"asset": {"type": "asset"}, "w": {"type": "integer", "min": 8, "max": 1024, "default": 64}},
                "recipe": {"version": 1, "canvas": {"asset": "{{asset}}", "width": "{{w}}", "height": "{{w}}", "fit": "inside"},
                           "layers": [{"type": "image", "asset": "{{asset}}", "width": "{{w}}", "height": "{{w}}", "fit": "inside",
                                       "fastShrinkOnLoad": true}]}},
              "full": {"format": "jpeg", "quality": 80, "params": {"asset": {"type": "asset"}},
                "recipe": {"version": 1, "canvas": {"asset": "{{asset}}"}, "layers": [{"type": "image", "asset": "{{asset}}"}]}}
            }""";
    static final byte[] JPEG = photo();
    Path data;
    Path log;
    TestServer s;

    /** A photo-like JPEG: gradients and texture, so that a different decode shows in the thumbnail. */
    static byte[] photo() {
        byte[] rgb = new byte[W * H * 3];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int i = (y * W + x) * 3;
                rgb[i] = (byte) (40 + 180 * x / W + rnd.nextInt(16));
                rgb[i + 1] = (byte) (30 + 200 * y / H + rnd.nextInt(16));
                rgb[i + 2] = (byte) (128 + (int) (100 * Math.sin(x * 0.07 + y * 0.05)));
            }
        }
        return Lamina.fromPixels(rgb, W, H, 3).encode(JpegOptions.jpeg().quality(90));
    }

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("lamina-shrink-");
        log = data.resolve("access.log");
        s = TestServer.start(data, "{\"development\": true, \"accessLog\": \"" + log + "\", " + PRESETS + "}");
        assertEquals(201, s.put("/v1/assets/photo", JPEG).statusCode());
        assertEquals(201, s.put("/v1/assets/noise", TestServer.png(200, 150, 3, 5)).statusCode());
    }

    @AfterEach
    void stop() throws IOException {
        s.close();
        TestServer.deleteTree(data);
    }

    /** The pixels of a JPEG response. */
    static byte[] pixels(HttpResponse<byte[]> r) {
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        return Lamina.open(r.body(), "response").pixels8();
    }

    /** What core's file thumbnail of the stored bytes gives, encoded as the preset encodes it. */
    static byte[] coreThumbnail(ThumbnailOptions o) {
        byte[] jpeg = Lamina.thumbnail(JPEG, "photo", o, LoadOptions.defaults()).encode(JpegOptions.jpeg().quality(80));
        return Lamina.open(jpeg, "expected").pixels8();
    }

    double cacheBytes() throws Exception {
        return s.metric("lamina_asset_cache_bytes");
    }

    double misses() throws Exception {
        return s.metric("lamina_asset_cache_misses_total");
    }

    double hits() throws Exception {
        return s.metric("lamina_asset_cache_hits_total");
    }

    /** The access log's entry for the render whose query contains {@code query}. */
    JsonNode logged(String query) throws Exception {
        JsonNode[] found = new JsonNode[1];
        TestServer.eventually(() -> {
            try {
                for (String line : Files.readAllLines(log)) {
                    JsonNode e = TestServer.JSON.readTree(line);
                    if (e.path("query").asText().contains(query)) {
                        found[0] = e;
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }, "the access log has " + query);
        return found[0];
    }

    @Test
    void aJpegThumbnailIsLoadedShrunkFromTheStoreAndPinsNothing() throws Exception {
        // 640 / 64 = 10: libvips' rule loads at 1/4
        byte[] got = pixels(s.get("/v1/render/thumb?asset=photo&w=64"));
        assertArrayEquals(coreThumbnail(ThumbnailOptions.edge(64)), got);
        assertEquals(0, cacheBytes(), "nothing pinned");
        assertEquals(0, misses(), "the cache was not asked for the pixels");
        assertEquals(1, logged("w=64").path("shrunkOnLoad").asInt());
    }

    @Test
    void theOutputDoesNotDependOnWhatTheCacheHolds() throws Exception {
        byte[] cold = s.get("/v1/render/thumb?asset=photo&w=64").body();
        assertEquals(200, s.get("/v1/render/full?asset=photo").statusCode());   // a full-size use pins it
        assertEquals(W * H * 3, cacheBytes(), "the full decode pinned, counted once");
        double hits = hits();
        byte[] warm = s.get("/v1/render/thumb?asset=photo&w=64").body();
        assertArrayEquals(cold, warm, "the same bytes with the asset pinned");
        assertEquals(hits, hits(), "the thumbnail did not read the pinned copy");
        assertEquals(W * H * 3, cacheBytes(), "and pinned nothing more");
    }

    @Test
    void sharpsRuleFromThePreset() throws Exception {
        // 640 / 64 = 10: sharp's rule loads at 1/8
        byte[] fast = pixels(s.get("/v1/render/fast?asset=photo&w=64"));
        assertArrayEquals(coreThumbnail(ThumbnailOptions.edge(64).fastShrinkOnLoad(true)), fast);
        assertFalse(java.util.Arrays.equals(coreThumbnail(ThumbnailOptions.edge(64)), fast), "1/8 is not 1/4");
        assertEquals(0, cacheBytes());
    }

    @Test
    void anInlineJpegIsLoadedShrunkFromItsPart() throws Exception {
        String boundary = "lamina-shrink-boundary";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"recipe\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"version\": 1, \"canvas\": {\"asset\": \"shot\", \"width\": 64, \"height\": 64, \"fit\": \"inside\"},"
                + " \"layers\": [{\"type\": \"image\", \"asset\": \"shot\", \"width\": 64, \"height\": 64, \"fit\": \"inside\"}]}\r\n")
                .getBytes(StandardCharsets.UTF_8));
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"shot\"; filename=\"shot.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(JPEG);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/v1/render?format=jpeg&quality=80"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())));
        assertArrayEquals(coreThumbnail(ThumbnailOptions.edge(64)), pixels(r));
        assertEquals(0, cacheBytes(), "inline images are never pinned");
    }

    @Test
    void whatCannotShrinkOnLoadGoesThroughTheCacheAsBefore() throws Exception {
        // 640 / 400 = 1.6: no shrink on load, the layer resizes the pinned full decode
        byte[] small = pixels(s.get("/v1/render/thumb?asset=photo&w=400"));
        assertEquals(W * H * 3, cacheBytes());
        assertEquals(1, misses());
        assertFalse(logged("w=400").has("shrunkOnLoad"));
        assertArrayEquals(coreThumbnail(ThumbnailOptions.edge(400)), small);
        // a PNG never shrinks on load: pinned on its first use, read from memory after
        assertEquals(200, s.get("/v1/render/thumb?asset=noise&w=32").statusCode());
        assertEquals(W * H * 3 + 200 * 150 * 3, cacheBytes());
        assertEquals(200, s.get("/v1/render/thumb?asset=noise&w=32").statusCode());
        assertEquals(2, misses());
        assertTrue(hits() >= 1);
    }
}
