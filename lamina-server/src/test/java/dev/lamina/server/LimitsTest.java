package dev.lamina.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.server.render.WorkingSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deadlines, the admission queue and the memory budget, each with a render that takes a while. */
class LimitsTest {
    static Path data;
    static byte[] logo = TestServer.png(64, 64, 4, 40);
    /** A 4000 x 4000 RGBA PNG: a second or more of encoding on a loaded two-core machine. */
    static final String SLOW = """
            {"version": 1, "canvas": {"width": 4000, "height": 4000, "background": "808080"},
             "layers": [{"type": "tile", "opacity": 0.5, "layer": {"type": "image", "asset": "logo"}}]}""";

    @BeforeAll
    static void folder() throws IOException {
        data = Files.createTempDirectory("lamina-limits-");
    }

    @AfterAll
    static void clean() throws IOException {
        TestServer.deleteTree(data);
    }

    private static TestServer start(String limits) throws Exception {
        TestServer s = TestServer.start(data, "{\"workers\": 2, \"limits\": " + limits + "}");
        s.put("/v1/assets/logo", logo);
        return s;
    }

    private static void released(TestServer s) throws InterruptedException {
        TestServer.eventually(() -> {
            try {
                return s.metric("lamina_images_in_progress") == 0 && s.metric("lamina_memory_in_flight_bytes") == 0
                        && s.metric("lamina_workers_busy") == 0;
            } catch (Exception e) {
                return false;
            }
        }, "the render's slot, memory and workers are released");
    }

    @Test
    void aRenderPastItsDeadlineIsStoppedWith504() throws Exception {
        try (TestServer s = start("{\"deadlineMs\": 300, \"outputPixels\": 20000000}")) {
            long t0 = System.nanoTime();
            HttpResponse<byte[]> r = s.postJson("/v1/render?format=png", SLOW);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(504, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(ms < 5000, "the run went on for " + ms + " ms after its deadline of 300");
            released(s);
            assertEquals(200, s.postJson("/v1/render?format=png",
                    "{\"version\": 1, \"canvas\": {\"asset\": \"logo\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"logo\"}]}").statusCode(), "the server keeps serving");
        }
    }

    @Test
    void aFullQueueSheds429WithRetryAfter() throws Exception {
        try (TestServer s = start("{\"concurrentRenders\": 1, \"queue\": 0, \"outputPixels\": 20000000}")) {
            CompletableFuture<HttpResponse<byte[]>> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.postJson("/v1/render?format=png", SLOW);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            TestServer.eventually(() -> {
                try {
                    return s.metric("lamina_images_in_progress") == 1;
                } catch (Exception e) {
                    return false;
                }
            }, "the slow render holds the only slot");
            HttpResponse<byte[]> shed = s.postJson("/v1/render?format=png", "{\"version\": 1, \"canvas\": {\"asset\": \"logo\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"logo\"}]}");
            assertEquals(429, shed.statusCode());
            assertEquals("1", shed.headers().firstValue("Retry-After").orElse(""));
            assertEquals("urn:lamina:problem:queue-full", TestServer.json(shed).path("type").asText());
            assertEquals(200, slow.get().statusCode(), "the admitted render completes");
            assertEquals(200, s.postJson("/v1/render?format=png", "{\"version\": 1, \"canvas\": {\"asset\": \"logo\"}, \"layers\": [{\"type\": \"image\", \"asset\": \"logo\"}]}").statusCode());
            assertTrue(s.metric("lamina_renders_rejected_total{reason=\"queue_full\"}") >= 1);
        }
    }

    @Test
    void theMemoryBudgetRefuses503BeforeStarting() throws Exception {
        LaminaImage l = Lamina.open(logo, "logo");
        LaminaImage out = Lamina.canvas(4000, 4000, 0x808080).composite(Layer.of(l).tiled().opacity(0.5));
        long estimate = WorkingSet.estimate(out, 2, List.of(new WorkingSet.Input(l, true)), true,
                SLOW.getBytes(StandardCharsets.UTF_8).length);
        long budget = estimate * 3 / 2;   // one fits, two do not
        try (TestServer s = start("{\"concurrentRenders\": 4, \"outputPixels\": 20000000, \"memoryBudgetBytes\": " + budget + "}")) {
            CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return s.postJson("/v1/render?format=png", SLOW);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            TestServer.eventually(() -> {
                try {
                    return s.metric("lamina_memory_in_flight_bytes") > 0;
                } catch (Exception e) {
                    return false;
                }
            }, "the first render holds its estimate");
            HttpResponse<byte[]> second = s.postJson("/v1/render?format=png", SLOW);
            assertEquals(503, second.statusCode(), () -> new String(second.body(), StandardCharsets.UTF_8));
            assertEquals("1", second.headers().firstValue("Retry-After").orElse(""));
            JsonNode p = TestServer.json(second);
            assertEquals("urn:lamina:problem:memory-budget", p.path("type").asText());
            assertEquals(200, first.get().statusCode());
            released(s);
        }
        try (TestServer s = start("{\"outputPixels\": 20000000, \"memoryBudgetBytes\": " + estimate / 2 + "}")) {
            assertEquals(413, s.postJson("/v1/render?format=png", SLOW).statusCode(), "it could never fit");
        }
    }
}
