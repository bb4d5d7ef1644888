package dev.lamina.server.loadtest;

import dev.lamina.server.LaminaServer;
import dev.lamina.server.ServerConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoadTestTest {
    @Test
    void sendsAtTheRateAndCountsStatuses() throws Exception {
        Path data = Files.createTempDirectory("lamina-load-");
        ServerConfig c = ServerConfig.parse(ServerConfigJson.of("{\"port\": 0, \"accessLog\": \"off\", \"data\": \""
                + data + "\"}"), "test");
        try (LaminaServer server = LaminaServer.start(c)) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            long pid = ProcessHandle.current().pid();
            List<LoadTest.Step> ok = LoadTest.run(base, new LoadTest.Scenario("live", "GET", "/health/live", Map.of(),
                    new byte[0]), new double[]{100}, Duration.ZERO, Duration.ofSeconds(1), 1000, Duration.ofSeconds(5), pid);
            LoadTest.Step s = ok.getFirst();
            assertEquals(100, s.sent());
            assertEquals(100, s.ok());
            assertTrue(s.errors().isEmpty(), s.errors().toString());
            assertTrue(s.p50() > 0 && s.p50() <= s.p99() && s.p99() <= s.max());
            assertTrue(s.seconds() >= 0.98, "100 requests at 100/s take about a second, not " + s.seconds());
            assertTrue(s.cpu() >= 0 && s.rssBytes() > 0);
            LoadTest.Step missing = LoadTest.run(base, new LoadTest.Scenario("404", "GET", "/nothing", Map.of(), new byte[0]),
                    new double[]{50}, Duration.ZERO, Duration.ofMillis(200), 1000, Duration.ofSeconds(5), 0).getFirst();
            assertEquals(Map.of("404", 10), missing.errors());
            assertEquals(-1, missing.cpu());
        } finally {
            try (var f = Files.walk(data)) {
                f.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void onlyLoopbackTargets() {
        assertThrows(IllegalArgumentException.class, () -> LoadTest.run(URI.create("http://192.0.2.1:8080"),
                new LoadTest.Scenario("x", "GET", "/", Map.of(), new byte[0]), new double[]{1}, Duration.ZERO,
                Duration.ofMillis(10), 1, Duration.ofSeconds(1), 0));
    }

    /** Parses a JSON literal for the configuration. */
    private static final class ServerConfigJson {
        static com.fasterxml.jackson.databind.JsonNode of(String json) throws Exception {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        }
    }
}
