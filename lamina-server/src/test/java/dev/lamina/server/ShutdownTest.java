package dev.lamina.server;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown, as an operator sees it: the server in a JVM of its own, a slow upload in
 * flight, SIGTERM. The upload must complete, new connections must be refused, and the process must
 * exit well within the grace period.
 */
class ShutdownTest {
    @Test
    void sigtermLetsTheRequestInFlightFinishThenExits() throws Exception {
        Path data = Files.createTempDirectory("lamina-shutdown-");
        Path config = data.resolve("config.json");
        Files.writeString(config, "{\"port\": 0, \"data\": \"" + data.resolve("store") + "\", \"accessLog\": \"off\","
                + " \"shutdownGraceMs\": 15000}");
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "-Xmx256m",
                "dev.lamina.server.LaminaServer", "--config", config.toString())
                .redirectErrorStream(true).start();
        try {
            int port = port(server);
            byte[] png = TestServer.png(200, 200, 3, 60);
            try (RawHttp upload = new RawHttp(port)) {
                upload.headers("PUT", "/v1/assets/late", png.length);
                int chunk = png.length / 20;
                long signalled = 0;
                for (int i = 0; i < 20; i++) {
                    upload.write(png, i * chunk, i == 19 ? png.length - i * chunk : chunk);
                    Thread.sleep(100);
                    if (i == 5) {
                        server.destroy();   // SIGTERM
                        signalled = System.nanoTime();
                    }
                    if (i == 10) {
                        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                                "the listener is closed once shutdown begins");
                    }
                }
                assertEquals(201, upload.status(), "the upload in flight completed");
                assertTrue(server.waitFor(15, TimeUnit.SECONDS), "the process exited");
                long ms = (System.nanoTime() - signalled) / 1_000_000;
                assertTrue(ms < 10_000, "exit took " + ms + " ms");
            }
            assertTrue(Files.exists(data.resolve("store").resolve("assets").resolve("late")), "the upload was stored");
        } finally {
            server.destroyForcibly();
            TestServer.deleteTree(data);
        }
    }

    private static int port(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        Pattern listening = Pattern.compile("listening on http://[^:]+:(\\d+)");
        long end = System.nanoTime() + 60_000_000_000L;
        String line;
        while (System.nanoTime() < end && (line = out.readLine()) != null) {
            Matcher m = listening.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the server did not say where it listens");
    }
}
