package dev.lamina.server;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.server.http.Exchange;
import dev.lamina.server.http.Router;
import dev.lamina.server.http.Transport;
import org.junit.jupiter.api.BeforeAll;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fuzz target: the service's request handling, from routing through query and body parsing,
 * asset storage and rendering to the answer, in process (the router is handed an in-memory
 * exchange instead of a socket). An input reads like a small HTTP request:
 * {@code METHOD PATH?QUERY\nCONTENT-TYPE\nBODY}. The invariant: the service answers every request
 * with a status below 500 (or 503 when it sheds load), and an error's body names no Java class and
 * holds no stack trace. Its regression corpus (one request per route, good and bad) replays in
 * every build; bin/fuzz fuzzes it.
 */
class ServerRequestFuzzer {
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|dev\\.lamina|com\\.fasterxml|io\\.helidon)\\.[a-z]"
            + "|[A-Z][A-Za-z]*(Exception|Error)\\b|\\bat [a-z]+\\.");
    /** Uploads go to these few names, so a long campaign stores a few files, not one per input. */
    private static final String[] UPLOAD_NAMES = {"photo", "logo", "x", "y z"};

    private static Router router;

    /**
     * Starts the service before the first input: starting it (and Jazzer instrumenting Jackson and
     * the service's classes) takes seconds, which the per-input timeout should not count.
     */
    @BeforeAll
    public static void fuzzerInitialize() throws IOException {
        router();
    }

    @FuzzTest(maxDuration = "30s")
    void request(byte[] data) throws IOException {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) throws IOException {
        Router r = router();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int line = text.indexOf('\n');
        String first = line < 0 ? text : text.substring(0, line);
        int next = line < 0 ? -1 : text.indexOf('\n', line + 1);
        String contentType = line < 0 ? null : text.substring(line + 1, next < 0 ? text.length() : next);
        byte[] body = next < 0 ? new byte[0] : Arrays.copyOfRange(data, next + 1, data.length);
        int space = first.indexOf(' ');
        String method = (space < 0 ? "GET" : first.substring(0, space)).toUpperCase(Locale.ROOT);
        String target = space < 0 ? first : first.substring(space + 1);
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        if (method.equals("PUT") && path.startsWith("/v1/assets/")) {
            path = "/v1/assets/" + UPLOAD_NAMES[Math.floorMod(path.hashCode(), UPLOAD_NAMES.length)].replace(" ", "%20");
        }
        FakeExchange exchange = new FakeExchange(method, path, query, contentType, body);
        r.handle(exchange);
        exchange.check(first, text);
    }

    private static synchronized Router router() throws IOException {
        if (router == null) {
            Path data = Files.createTempDirectory("lamina-fuzz-server-");
            data.toFile().deleteOnExit();
            ObjectNode c = TestServer.JSON.createObjectNode();
            c.put("data", data.toString());
            c.put("port", 0);
            c.put("workers", 1);
            c.put("accessLog", "off");
            c.put("cacheBytes", 8L << 20);
            ObjectNode limits = c.putObject("limits");
            limits.put("bodyBytes", 1 << 20);
            limits.put("inputPixels", 1 << 20);
            limits.put("outputPixels", 1 << 20);
            limits.put("deadlineMs", 5000);
            limits.put("memoryBudgetBytes", 64L << 20);
            Router[] captured = new Router[1];
            LaminaServer.start(ServerConfig.parse(c, "fuzz"), new Transport() {
                @Override
                public int start(String host, int port, Router rt, TransportOptions options) {
                    captured[0] = rt;
                    return 0;
                }

                @Override
                public void stop() {
                }
            });
            router = captured[0];
            // Assets the render requests of the corpus refer to.
            router.handle(new FakeExchange("PUT", "/v1/assets/photo", "", "image/png", TestServer.png(64, 48, 3, 1)));
            router.handle(new FakeExchange("PUT", "/v1/assets/logo", "", "image/png", TestServer.png(16, 16, 4, 2)));
        }
        return router;
    }

    /** One request and its captured answer. */
    private static final class FakeExchange implements Exchange {
        private final String method;
        private final String path;
        private final String query;
        private final String contentType;
        private final byte[] body;
        private int status = -1;
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();

        FakeExchange(String method, String path, String query, String contentType, byte[] body) {
            this.method = method;
            this.path = path;
            this.query = query;
            this.contentType = contentType;
            this.body = body;
        }

        /** {@code input}: the whole request as text; what the answer echoes from it is not a leak. */
        void check(String request, String input) {
            if (status < 100 || status >= 600 || status >= 500 && status != 503) {
                throw new AssertionError(request + ": status " + status + ": " + sent.toString(StandardCharsets.UTF_8));
            }
            if (status >= 400) {
                String answer = sent.toString(StandardCharsets.UTF_8);
                Matcher m = CLASS_NAME.matcher(decoded(answer));
                String lowerInput = input.toLowerCase(Locale.ROOT);
                while (m.find()) {
                    if (!lowerInput.contains(m.group().toLowerCase(Locale.ROOT))) {
                        throw new AssertionError(request + ": the answer shows a class name or a stack: " + answer);
                    }
                }
            }
        }

        /**
         * The answer as a reader sees it: a JSON problem's strings unescaped. Matched in its escaped
         * form, an echoed control character followed by echoed text ({@code \u001AError}) reads as
         * a class name ({@code AError}) that neither the input nor the answer holds.
         */
        private static String decoded(String answer) {
            try {
                JsonNode tree = TestServer.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(answer);
                if (tree == null || !tree.isContainerNode()) {
                    return answer;
                }
                StringBuilder text = new StringBuilder();
                collect(tree, text);
                return text.toString();
            } catch (IOException notJson) {
                return answer;
            }
        }

        private static void collect(JsonNode node, StringBuilder text) {
            if (node.isValueNode()) {
                text.append(node.asText()).append('\n');
            }
            for (var field : node.properties()) {
                text.append(field.getKey()).append('\n');
                collect(field.getValue(), text);
            }
            for (JsonNode element : node) {
                if (!node.isObject()) {
                    collect(element, text);
                }
            }
        }

        @Override
        public String method() {
            return method;
        }

        @Override
        public String rawPath() {
            return path;
        }

        @Override
        public String rawQuery() {
            return query;
        }

        @Override
        public String header(String name) {
            if (name.equalsIgnoreCase("Content-Type")) {
                return contentType;
            }
            if (name.equalsIgnoreCase("Content-Length")) {
                return Integer.toString(body.length);
            }
            return null;
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public String remoteAddress() {
            return "127.0.0.1";
        }

        @Override
        public void status(int s) {
            status = s;
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void send(byte[] bytes) {
            sent.writeBytes(bytes);
        }

        @Override
        public OutputStream stream(long length) {
            return sent;
        }

        @Override
        public void closeConnection() {
        }
    }
}
