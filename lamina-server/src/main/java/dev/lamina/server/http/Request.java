package dev.lamina.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A request being served: the {@link Exchange}, the matched route and its path parameters, and
 * the response helpers that record what was sent for the access log and the metrics.
 */
public final class Request {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Exchange exchange;
    private final Route route;
    private final Map<String, String> params;
    private final long startNanos;
    private final String id;
    private Query query;
    private int status;
    private long bytesSent;
    private final Map<String, Object> logFields = new java.util.LinkedHashMap<>();

    Request(Exchange exchange, Route route, Map<String, String> params, long startNanos, String id) {
        this.exchange = exchange;
        this.route = route;
        this.params = params;
        this.startNanos = startNanos;
        this.id = id;
    }

    public String method() {
        return exchange.method();
    }

    public String rawPath() {
        return exchange.rawPath();
    }

    public String rawQuery() {
        return exchange.rawQuery();
    }

    public String remoteAddress() {
        return exchange.remoteAddress();
    }

    /** Extra fields for this request's access-log line. */
    public Map<String, Object> logFields() {
        return logFields;
    }

    /** The route's template, e.g. {@code /v1/assets/{id}}. */
    public String route() {
        return route.template();
    }

    public String id() {
        return id;
    }

    /** {@link System#nanoTime()} when the request arrived: deadlines count from here. */
    public long startNanos() {
        return startNanos;
    }

    public String param(String name) {
        return params.get(name);
    }

    public Query query() {
        if (query == null) {
            query = Query.parse(exchange.rawQuery());
        }
        return query;
    }

    public String header(String name) {
        return exchange.header(name);
    }

    /** Adds a field to this request's access-log line (asset id, cache outcome, ...). */
    public void log(String name, Object value) {
        logFields.put(name, value);
    }

    /**
     * The declared body length, refused with 413 before anything is read when it is over
     * {@code limit}; -1 when the client did not declare it (chunked).
     */
    public long declaredLength(long limit) {
        String cl = exchange.header("Content-Length");
        if (cl == null) {
            return -1;
        }
        long n;
        try {
            n = Long.parseLong(cl.trim());
        } catch (NumberFormatException e) {
            throw Problem.badRequest("Content-Length is not a number", "Content-Length");
        }
        if (n > limit) {
            exchange.closeConnection();   // do not read (or make the server drain) what we refuse
            throw Problem.tooLarge("the body of " + n + " bytes is over the limit of " + limit + " bytes", "body");
        }
        return n;
    }

    /**
     * Copies the body to {@code out}: at most {@code limit} bytes (413 past it) and within
     * {@code timeout} from the request's arrival (408 past it, for clients that trickle the body).
     * A client that disconnects mid-body is an {@link IOException}.
     */
    public long copyBody(OutputStream out, long limit, Duration timeout) throws IOException {
        declaredLength(limit);
        long deadline = startNanos + timeout.toNanos();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = exchange.body()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) {
                    exchange.closeConnection();
                    throw Problem.tooLarge("the body is over the limit of " + limit + " bytes", "body");
                }
                if (System.nanoTime() - deadline > 0) {
                    exchange.closeConnection();
                    throw new Problem(408, "body-timeout", "Request timeout",
                            "the body did not arrive within " + timeout.toMillis() + " ms");
                }
                out.write(buf, 0, n);
            }
        }
        return total;
    }

    /** The whole body in memory, under the same limits as {@link #copyBody}. */
    public byte[] readBody(long limit, Duration timeout) throws IOException {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        copyBody(b, limit, timeout);
        return b.toByteArray();
    }

    public void header(String name, String value) {
        exchange.header(name, value);
    }

    public void send(int status, String contentType, byte[] body) throws IOException {
        this.status = status;
        exchange.status(status);
        if (contentType != null) {
            exchange.header("Content-Type", contentType);
        }
        if (method().equals("HEAD")) {
            exchange.send(new byte[0]);
        } else {
            exchange.send(body);
            bytesSent = body.length;
        }
    }

    /** Sends no body with the status (204, 304). */
    public void sendEmpty(int status) throws IOException {
        this.status = status;
        exchange.status(status);
        exchange.send(new byte[0]);
    }

    public void sendJson(int status, Object value) throws IOException {
        send(status, "application/json", JSON.writeValueAsBytes(value));
    }

    public void sendText(int status, String contentType, String text) throws IOException {
        send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends {@code length} bytes that the caller writes to the returned stream and closes. */
    public OutputStream stream(int status, String contentType, long length) throws IOException {
        this.status = status;
        exchange.status(status);
        exchange.header("Content-Type", contentType);
        bytesSent = length;
        return exchange.stream(length);
    }

    /** Records that the client left before a response (499, as nginx logs it). */
    void clientGone() {
        status = 499;
    }

    void closeConnection() {
        exchange.closeConnection();
    }

    int status() {
        return status;
    }

    long bytesSent() {
        return bytesSent;
    }

    Exchange exchange() {
        return exchange;
    }
}
