package dev.lamina.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.PngOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /v1/render over HTTP. What the engine computes is tested in lamina-core against the float64
 * reference; here the service must hand the engine the right graph and options: its bytes are
 * compared with the public API doing the same render in process.
 */
class RenderTest {
    static Path data;
    static TestServer s;
    static byte[] photo = TestServer.png(320, 240, 3, 11);
    static byte[] logo = TestServer.png(60, 40, 4, 12);

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("lamina-render-");
        s = TestServer.start(data, """
                {"limits": {"layers": 5, "outputPixels": 4000000}}""");
        assertEquals(201, s.put("/v1/assets/photo", photo).statusCode());
        assertEquals(201, s.put("/v1/assets/logo", logo).statusCode());
    }

    @AfterAll
    static void stop() throws IOException {
        s.close();
        TestServer.deleteTree(data);
    }

    static final String WATERMARK = """
            {"version": 1, "canvas": {"asset": "photo"},
             "layers": [{"type": "image", "asset": "photo"},
                        {"type": "image", "asset": "logo", "gravity": "south-east", "opacity": 0.5, "blend": "multiply"}]}""";

    private static LaminaImage expectedWatermark() {
        return Lamina.open(photo, "photo").composite(Layer.of(Lamina.open(logo, "logo")).gravity(Gravity.SOUTH_EAST)
                .opacity(0.5).mode(dev.lamina.model.BlendMode.MULTIPLY));
    }

    @Test
    void rendersWhatTheEngineRendersInEachFormat() throws Exception {
        HttpResponse<byte[]> png = s.postJson("/v1/render?format=png", WATERMARK);
        assertEquals(200, png.statusCode(), () -> new String(png.body(), StandardCharsets.UTF_8));
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(expectedWatermark().encode(PngOptions.png()), png.body());

        HttpResponse<byte[]> jpeg = s.postJson("/v1/render?format=jpeg&quality=70", WATERMARK);
        assertEquals("image/jpeg", jpeg.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(expectedWatermark().encode(JpegOptions.jpeg().quality(70)), jpeg.body());
        assertTrue(jpeg.headers().firstValue("ETag").isPresent());
        assertEquals("private, no-cache", jpeg.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void canvasCollageAndResize() throws Exception {
        String recipe = """
                {"version": 1, "canvas": {"width": 200, "height": 100, "background": "336699"},
                 "layers": [{"type": "image", "asset": "logo", "x": 10, "y": 20}, {"type": "image", "asset": "logo", "x": 150, "y": 70}]}""";
        HttpResponse<byte[]> r = s.postJson("/v1/render?format=png", recipe);
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        LaminaImage logoImage = Lamina.open(logo, "logo");
        byte[] expected = Lamina.canvas(200, 100, 0x336699)
                .composite(Layer.of(logoImage).at(10, 20), Layer.of(logoImage).at(150, 70))
                .flatten(0x336699)   // an opaque canvas gives an opaque image (docs/recipes.md)
                .encode(PngOptions.png());
        assertArrayEquals(expected, r.body());
    }

    @Test
    void formatByAcceptAndVary() throws Exception {
        HttpResponse<byte[]> png = s.send(HttpRequest.newBuilder(s.uri("/v1/render")).header("Accept", "image/png")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WATERMARK)));
        assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Accept", png.headers().firstValue("Vary").orElse(""));
        HttpResponse<byte[]> weighted = s.send(HttpRequest.newBuilder(s.uri("/v1/render"))
                .header("Accept", "image/png;q=0.5, image/jpeg;q=0.9, */*;q=0.1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WATERMARK)));
        assertEquals("image/jpeg", weighted.headers().firstValue("Content-Type").orElse(""));
        // The logo has alpha, so the composite has: a wildcard gives PNG, which keeps it.
        HttpResponse<byte[]> any = s.send(HttpRequest.newBuilder(s.uri("/v1/render")).header("Accept", "*/*")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WATERMARK)));
        assertEquals("image/png", any.headers().firstValue("Content-Type").orElse(""));
        HttpResponse<byte[]> avif = s.send(HttpRequest.newBuilder(s.uri("/v1/render")).header("Accept", "image/avif")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WATERMARK)));
        assertEquals(406, avif.statusCode());
        HttpResponse<byte[]> tiff = s.postJson("/v1/render?format=tiff", WATERMARK);
        assertEquals("image/tiff", tiff.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(expectedWatermark().encode(dev.lamina.model.TiffOptions.tiff()), tiff.body());
        HttpResponse<byte[]> tiffByAccept = s.send(HttpRequest.newBuilder(s.uri("/v1/render")).header("Accept", "image/tiff")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(WATERMARK)));
        assertEquals("image/tiff", tiffByAccept.headers().firstValue("Content-Type").orElse(""));
        assertEquals(400, s.postJson("/v1/render?format=gif", WATERMARK).statusCode());
        assertEquals(400, s.postJson("/v1/render?format=jpeg&quality=101", WATERMARK).statusCode());
    }

    @Test
    void etagAnswers304AndFollowsAssetVersions() throws Exception {
        String recipe = """
                {"version": 1, "canvas": {"asset": "etag-base"},
                 "layers": [{"type": "image", "asset": "etag-base"}, {"type": "image", "asset": "logo", "x": 1, "y": 1}]}""";
        s.put("/v1/assets/etag-base", TestServer.png(50, 50, 3, 20));
        HttpResponse<byte[]> first = s.postJson("/v1/render?format=png", recipe);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = s.send(HttpRequest.newBuilder(s.uri("/v1/render?format=png"))
                .header("Content-Type", "application/json").header("If-None-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(recipe)));
        assertEquals(304, again.statusCode());
        assertEquals(0, again.body().length);
        assertNotEquals(etag, s.postJson("/v1/render?format=jpeg", recipe).headers().firstValue("ETag").orElseThrow(),
                "another format is another entity");
        s.put("/v1/assets/etag-base", TestServer.png(50, 50, 3, 21));
        HttpResponse<byte[]> changed = s.send(HttpRequest.newBuilder(s.uri("/v1/render?format=png"))
                .header("Content-Type", "application/json").header("If-None-Match", etag)
                .POST(HttpRequest.BodyPublishers.ofString(recipe)));
        assertEquals(200, changed.statusCode(), "a new asset version is a new render");
        assertNotEquals(etag, changed.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void multipartWithAnInlineImage() throws Exception {
        byte[] inline = TestServer.png(30, 30, 4, 30);
        String boundary = "lamina-test-boundary";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"recipe\"\r\nContent-Type: application/json\r\n\r\n"
                + "{\"version\": 1, \"canvas\": {\"asset\": \"photo\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"photo\"},"
                + " {\"type\": \"image\", \"asset\": \"stamp\", \"x\": 5, \"y\": 6}]}\r\n")
                .getBytes(StandardCharsets.UTF_8));
        b.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"stamp\"; filename=\"stamp.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.write(inline);
        b.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/v1/render?format=png"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        byte[] expected = Lamina.open(photo, "photo").composite(Layer.of(Lamina.open(inline, "stamp")).at(5, 6))
                .encode(PngOptions.png());
        assertArrayEquals(expected, r.body());

        HttpResponse<byte[]> bad = s.send(HttpRequest.newBuilder(s.uri("/v1/render?format=png"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(b.toByteArray(), 150))));
        assertEquals(400, bad.statusCode());
    }

    private static void assertProblem(HttpResponse<byte[]> r, int status, String field) throws IOException {
        assertEquals(status, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = TestServer.json(r);
        assertEquals(field, p.path("field").asText(), p.toString());
        assertTrue(!p.path("detail").asText().contains("Exception"), p.toString());
    }

    @Test
    void badRecipesNameTheFieldAtFault() throws Exception {
        assertProblem(s.postJson("/v1/render", "{\"version\": "), 400, "$");
        assertProblem(s.postJson("/v1/render", "[1, 2]"), 422, "$");
        assertProblem(s.postJson("/v1/render", "{}"), 422, "$");
        String canvas = "{\"version\": 1, \"canvas\": {\"asset\": \"photo\"}, ";
        assertProblem(s.postJson("/v1/render", canvas + "\"layers\": [], \"layerz\": []}"), 422, "$");
        assertProblem(s.postJson("/v1/render", canvas + "\"layers\": [{\"type\": \"image\", \"asset\": \"logo\", \"gravity\": \"up\"}]}"),
                422, "layers[0].gravity");
        assertProblem(s.postJson("/v1/render", canvas + "\"layers\": [{\"type\": \"image\", \"asset\": \"logo\", \"blend\": 3}]}"),
                422, "layers[0].blend");
        HttpResponse<byte[]> unknown = s.postJson("/v1/render",
                canvas + "\"layers\": [{\"type\": \"image\", \"asset\": \"logo\"}, {\"type\": \"fill\", \"paint\": \"#ffffff\", \"mask\": {\"source\": \"logo2\"}}]}");
        assertProblem(unknown, 404, "layers[1].mask.source");
        assertEquals("logo2", TestServer.json(unknown).path("asset").asText());
        String six = "{\"type\": \"image\", \"asset\": \"logo\"},".repeat(5) + "{\"type\": \"image\", \"asset\": \"logo\"}";
        assertProblem(s.postJson("/v1/render", canvas + "\"layers\": [" + six + "]}"), 413, "layers[5]");
        // 30000 x 30000 canvas: over the output limit, refused before anything is allocated.
        assertProblem(s.postJson("/v1/render", "{\"version\": 1, \"canvas\": {\"width\": 30000, \"height\": 30000}, \"layers\": []}"), 413,
                "canvas");
        assertProblem(s.postJson("/v1/render", canvas + "\"layers\": [{\"type\": \"image\", \"asset\": \"photo\", \"width\": 90000}]}"), 413,
                "layers[0].width");
        assertProblem(s.postJson("/v1/render", canvas + "\"layers\": [{\"type\": \"text\", \"text\": \"x\", \"font\": \"Nope\"}]}"), 422,
                "layers[0].font");
        HttpResponse<byte[]> text = s.send(HttpRequest.newBuilder(s.uri("/v1/render")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(WATERMARK)));
        assertEquals(415, text.statusCode());
        assertEquals(200, s.get("/health/live").statusCode());
    }

    @Test
    void concurrentRendersGiveTheSameBytes() throws Exception {
        byte[] expected = s.postJson("/v1/render?format=jpeg", WATERMARK).body();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpResponse<byte[]>>> all = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                all.add(pool.submit(() -> s.postJson("/v1/render?format=jpeg", WATERMARK)));
            }
            for (Future<HttpResponse<byte[]>> f : all) {
                HttpResponse<byte[]> r = f.get();
                if (r.statusCode() == 429) {
                    continue;   // shed by the queue: allowed, the point is that none is wrong
                }
                assertEquals(200, r.statusCode());
                assertArrayEquals(expected, r.body());
            }
        }
        TestServer.eventually(() -> {
            try {
                return s.metric("lamina_images_in_progress") == 0 && s.metric("lamina_memory_in_flight_bytes") == 0;
            } catch (Exception e) {
                return false;
            }
        }, "every render has released its slot and memory");
        assertTrue(s.metric("lamina_asset_cache_hits_total") > 0);
    }
}
