package dev.lamina.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.Lamina;
import dev.lamina.model.PngOptions;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

/** The real server on a free loopback port with its own data folder, and an HTTP client for it. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path data;
    final LaminaServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(Path data, LaminaServer server) {
        this.data = data;
        this.server = server;
    }

    /** Starts with the test defaults (access log off, port 0) and {@code config}'s keys on top. */
    static TestServer start(Path data, String config) throws IOException {
        ObjectNode c = (ObjectNode) JSON.readTree(config == null ? "{}" : config);
        c.put("data", data.toString());
        c.put("port", 0);
        if (!c.has("accessLog")) {
            c.put("accessLog", "off");
        }
        return new TestServer(data, LaminaServer.start(ServerConfig.parse(c, "test")));
    }

    static TestServer start(Path data) throws IOException {
        return start(data, null);
    }

    int port() {
        return server.port();
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<byte[]> put(String path, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<byte[]> postJson(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readTree(response.body());
    }

    /** A PNG of seeded noise: incompressible enough to be a real upload, the same for the same seed. */
    static byte[] png(int width, int height, int bands, long seed) {
        byte[] px = new byte[width * height * bands];
        new SplittableRandom(seed).nextBytes(px);
        return Lamina.fromPixels(px, width, height, bands).encode(PngOptions.png());
    }

    /** Waits until {@code condition} holds (server-side bookkeeping finishes just after a response). */
    static void eventually(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The value of a metric line {@code name} (exact, with labels) in the Prometheus text. */
    double metric(String line) throws IOException, InterruptedException {
        String text = new String(get("/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
        for (String l : text.split("\n")) {
            if (l.startsWith(line + " ")) {
                return Double.parseDouble(l.substring(line.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + line + " in /metrics");
    }

    @Override
    public void close() {
        server.close();
    }

    static void deleteTree(Path p) throws IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
