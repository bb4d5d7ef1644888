package dev.lamina.server;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The asset routes over real HTTP: uploads, downloads, paging, bad inputs, atomicity, restarts. */
class AssetsTest {
    static Path data;
    static TestServer s;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("lamina-assets-");
        s = TestServer.start(data, """
                {"limits": {"bodyBytes": 400000, "inputPixels": 1000000, "bodyTimeoutMs": 1500, "idleTimeoutMs": 3000}}""");
    }

    @AfterAll
    static void stop() throws IOException {
        s.close();
        TestServer.deleteTree(data);
    }

    private static void assertProblem(HttpResponse<byte[]> r, int status, String field) throws IOException {
        assertEquals(status, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
        JsonNode p = TestServer.json(r);
        assertEquals(status, p.path("status").asInt());
        assertTrue(p.path("type").asText().startsWith("urn:lamina:problem:"));
        String detail = p.path("detail").asText();
        assertFalse(detail.isBlank());
        assertFalse(detail.contains("Exception") || detail.contains("java.") || detail.contains(data.toString()),
                "the detail shows Java or server internals: " + detail);
        if (field != null) {
            assertTrue(field.equals(p.path("field").asText()) || field.equals(p.path("asset").asText()),
                    "field/asset " + p.path("field") + "/" + p.path("asset") + " instead of " + field + ": " + detail);
        }
    }

    private static void stillServing() throws Exception {
        assertEquals(200, s.get("/health/live").statusCode());
    }

    @Test
    void uploadDownloadHeadDelete() throws Exception {
        byte[] png = TestServer.png(40, 30, 4, 1);
        HttpResponse<byte[]> created = s.put("/v1/assets/logo-1", png);
        assertEquals(201, created.statusCode());
        JsonNode info = TestServer.json(created);
        assertEquals(40, info.path("width").asInt());
        assertEquals(30, info.path("height").asInt());
        assertEquals("image/png", info.path("mediaType").asText());
        String etag = created.headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> got = s.get("/v1/assets/logo-1");
        assertEquals(200, got.statusCode());
        assertArrayEquals(png, got.body());
        assertEquals("image/png", got.headers().firstValue("Content-Type").orElse(""));
        assertEquals(etag, got.headers().firstValue("ETag").orElse(""));

        HttpResponse<byte[]> notModified = s.send(HttpRequest.newBuilder(s.uri("/v1/assets/logo-1")).header("If-None-Match", etag));
        assertEquals(304, notModified.statusCode());

        HttpResponse<byte[]> head = s.send(HttpRequest.newBuilder(s.uri("/v1/assets/logo-1")).method("HEAD",
                HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals(Long.toString(png.length), head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);

        byte[] other = TestServer.png(41, 30, 3, 2);
        HttpResponse<byte[]> replaced = s.put("/v1/assets/logo-1", other);
        assertEquals(200, replaced.statusCode());
        assertNotEquals(etag, replaced.headers().firstValue("ETag").orElse(""));
        assertArrayEquals(other, s.get("/v1/assets/logo-1").body());

        assertEquals(204, s.send(HttpRequest.newBuilder(s.uri("/v1/assets/logo-1")).DELETE()).statusCode());
        assertProblem(s.get("/v1/assets/logo-1"), 404, "logo-1");
        assertProblem(s.send(HttpRequest.newBuilder(s.uri("/v1/assets/logo-1")).DELETE()), 404, "logo-1");
    }

    @Test
    void listPagesThroughEveryAssetOnce() throws Exception {
        byte[] png = TestServer.png(8, 8, 3, 3);
        for (int i = 0; i < 7; i++) {
            assertEquals(201, s.put("/v1/assets/page-" + i, png).statusCode());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<byte[]> r = s.get("/v1/assets?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.statusCode());
            JsonNode page = TestServer.json(r);
            page.path("assets").forEach(a -> seen.add(a.path("id").asText()));
            cursor = page.path("next").isNull() ? null : page.path("next").asText();
            pages++;
        } while (cursor != null && pages < 100);
        List<String> pageIds = seen.stream().filter(id -> id.startsWith("page-")).toList();
        assertEquals(List.of("page-0", "page-1", "page-2", "page-3", "page-4", "page-5", "page-6"), pageIds);
        assertEquals(new HashSet<>(seen).size(), seen.size(), "an asset was listed twice");
        assertProblem(s.get("/v1/assets?limit=0"), 400, "limit");
        assertProblem(s.get("/v1/assets?cursor=Li4vZXRj"), 400, "cursor");   // "../etc"
    }

    /** A PNG whose header claims {@code width x height}, followed by a little junk. */
    static byte[] pngHeader(int width, int height) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = {'I', 'H', 'D', 'R', (byte) (width >>> 24), (byte) (width >>> 16), (byte) (width >>> 8), (byte) width,
                (byte) (height >>> 24), (byte) (height >>> 16), (byte) (height >>> 8), (byte) height, 8, 2, 0, 0, 0};
        b.write(new byte[]{0, 0, 0, 13});
        b.write(ihdr);
        CRC32 crc = new CRC32();
        crc.update(ihdr);
        long c = crc.getValue();
        b.write(new byte[]{(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        b.write(new byte[64]);
        return b.toByteArray();
    }

    @Test
    void badUploadsGetTheRight4xxAndLeaveNothing() throws Exception {
        byte[] good = TestServer.png(64, 64, 3, 4);
        assertProblem(s.put("/v1/assets/truncated", Arrays.copyOf(good, good.length / 2)), 400, null);
        byte[] corrupt = good.clone();
        for (int i = 60; i < corrupt.length - 20; i += 7) {
            corrupt[i] ^= 0x5A;
        }
        assertProblem(s.put("/v1/assets/corrupt", corrupt), 400, null);
        assertProblem(s.put("/v1/assets/text", "hello, not an image".getBytes(StandardCharsets.UTF_8)), 415, null);
        // 100000 x 100000: refused from the header, before a pixel is decoded (the limit here is 1 MP).
        HttpResponse<byte[]> absurd = s.put("/v1/assets/absurd", pngHeader(100_000, 100_000));
        assertProblem(absurd, 413, null);
        assertTrue(TestServer.json(absurd).path("detail").asText().contains("100000x100000"));
        assertProblem(s.put("/v1/assets/empty", new byte[0]), 400, "body");
        assertProblem(s.put("/v1/assets/.hidden", good), 400, "id");
        assertProblem(s.put("/v1/assets/big", new byte[500_000]), 413, "body");
        // Without Content-Length (chunked), the limit holds while reading.
        HttpResponse<byte[]> chunked = s.send(HttpRequest.newBuilder(s.uri("/v1/assets/big-chunked")).PUT(
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[500_000]))));
        assertProblem(chunked, 413, "body");
        for (String id : List.of("truncated", "corrupt", "text", "absurd", "empty", "big", "big-chunked")) {
            assertEquals(404, s.get("/v1/assets/" + id).statusCode(), id);
        }
        TestServer.eventually(() -> uploadsLeft() == 0, "no upload is left in the temporary folder");
        stillServing();
    }

    private static long uploadsLeft() {
        try (var files = Files.list(data.resolve("tmp"))) {
            return files.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAbortedUploadLeavesNoPartialAsset() throws Exception {
        byte[] png = TestServer.png(200, 200, 3, 5);
        try (RawHttp raw = new RawHttp(s.port())) {
            raw.headers("PUT", "/v1/assets/aborted", png.length);
            raw.write(png, 0, png.length / 2);
            Thread.sleep(200);
        }   // closed mid-body
        TestServer.eventually(() -> uploadsLeft() == 0, "the aborted upload's temporary file is removed");
        assertEquals(404, s.get("/v1/assets/aborted").statusCode());
        assertFalse(Files.exists(data.resolve("assets").resolve("aborted")));
        stillServing();
    }

    @Test
    void aSlowClientIsTimedOutAndTheServerKeepsServing() throws Exception {
        byte[] png = TestServer.png(100, 100, 3, 6);
        try (RawHttp raw = new RawHttp(s.port())) {
            raw.headers("PUT", "/v1/assets/trickle", png.length);
            long start = System.nanoTime();
            int sent = 0;
            int status = -1;
            raw.socket.setSoTimeout(200);
            // One byte every 100 ms: never idle long enough for the idle timeout, but the whole body
            // would take an hour; the body timeout (1.5 s here) must end it.
            while (System.nanoTime() - start < 10_000_000_000L) {
                try {
                    raw.write(png, sent++, 1);
                } catch (IOException closed) {
                    break;
                }
                assertEquals(200, s.get("/health/live").statusCode(), "the server serves others meanwhile");
                try {
                    status = raw.status();
                    break;
                } catch (java.net.SocketTimeoutException e) {
                    Thread.sleep(100);
                }
            }
            assertTrue(status == 408 || status == -1, "status " + status);
            assertTrue(System.nanoTime() - start < 8_000_000_000L, "the trickling client was not cut off in time");
        }
        TestServer.eventually(() -> uploadsLeft() == 0, "the trickled upload's temporary file is removed");
        assertEquals(404, s.get("/v1/assets/trickle").statusCode());
    }

    @Test
    void concurrentUploadsOfOneIdLeaveOneCompleteVersion() throws Exception {
        int n = 8;
        List<byte[]> versions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            versions.add(TestServer.png(150, 150, 3, 100 + i));
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int round = 0; round < 3; round++) {
                List<Future<HttpResponse<byte[]>>> puts = new ArrayList<>();
                for (byte[] v : versions) {
                    puts.add(pool.submit(() -> s.put("/v1/assets/contended", v)));
                }
                // Readers during the writes see some complete version, never a mix.
                for (int r = 0; r < 5; r++) {
                    HttpResponse<byte[]> got = s.get("/v1/assets/contended");
                    if (got.statusCode() == 200) {
                        assertTrue(versions.stream().anyMatch(v -> Arrays.equals(v, got.body())), "a read saw a mix");
                    }
                }
                for (Future<HttpResponse<byte[]>> f : puts) {
                    int st = f.get().statusCode();
                    assertTrue(st == 200 || st == 201, "status " + st);
                }
                byte[] now = s.get("/v1/assets/contended").body();
                assertTrue(versions.stream().anyMatch(v -> Arrays.equals(v, now)), "the stored asset is a mix");
            }
        }
        Set<String> left = new HashSet<>();
        try (var files = Files.list(data.resolve("tmp"))) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        assertEquals(Set.of(), left);
    }

    @Test
    void theStoreSurvivesARestart() throws Exception {
        Path other = Files.createTempDirectory("lamina-restart-");
        try {
            byte[] png = TestServer.png(30, 20, 3, 7);
            String etag;
            try (TestServer first = TestServer.start(other)) {
                etag = first.put("/v1/assets/kept", png).headers().firstValue("ETag").orElseThrow();
            }
            // A crash's leftover upload is swept at the next start.
            Files.write(other.resolve("tmp").resolve("upload-123.part"), new byte[10]);
            try (TestServer second = TestServer.start(other)) {
                HttpResponse<byte[]> got = second.get("/v1/assets/kept");
                assertEquals(200, got.statusCode());
                assertArrayEquals(png, got.body());
                assertEquals(etag, got.headers().firstValue("ETag").orElse(""), "the version survives too");
                assertEquals(30, TestServer.json(second.get("/v1/assets?limit=10")).path("assets").get(0).path("width").asInt());
                assertFalse(Files.exists(other.resolve("tmp").resolve("upload-123.part")));
            }
        } finally {
            TestServer.deleteTree(other);
        }
    }

    @Test
    void unknownRoutesAndMethods() throws Exception {
        assertProblem(s.get("/v2/nothing"), 404, null);
        HttpResponse<byte[]> r = s.send(HttpRequest.newBuilder(s.uri("/v1/assets/x")).POST(HttpRequest.BodyPublishers.noBody()));
        assertProblem(r, 405, null);
        assertTrue(r.headers().firstValue("Allow").orElse("").contains("PUT"));
        assertNull(TestServer.json(r).get("stackTrace"));
    }
}
