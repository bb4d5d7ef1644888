package dev.lamina.server.observe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.server.http.Request;
import dev.lamina.server.http.Router;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One JSON object per finished request, one per line: time, request id, client, method, path,
 * query (with the signature's value hidden), route, status, bytes, milliseconds, the problem type
 * if any, and what the handler added (asset, cache outcome, render phases). Thread-safe.
 */
public final class AccessLog implements Router.Listener, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final boolean owned;

    private AccessLog(PrintStream out, boolean owned) {
        this.out = out;
        this.owned = owned;
    }

    /** "stdout", "off", or a file to append to. */
    public static AccessLog open(String target) throws IOException {
        return switch (target) {
            case "stdout" -> new AccessLog(System.out, false);
            case "off" -> new AccessLog(null, false);
            default -> new AccessLog(new PrintStream(new FileOutputStream(target, true), false, StandardCharsets.UTF_8), true);
        };
    }

    /** For tests: lines go to {@code stream}. */
    public static AccessLog to(OutputStream stream) {
        return new AccessLog(new PrintStream(stream, true, StandardCharsets.UTF_8), false);
    }

    @Override
    public void finished(Request request, int status, long bytes, long nanos, String error) {
        if (out == null) {
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("id", request.id());
        line.put("remote", request.remoteAddress());
        line.put("method", request.method());
        line.put("path", request.rawPath());
        if (!request.rawQuery().isEmpty()) {
            line.put("query", request.rawQuery().replaceAll("(^|&)sig=[^&]*", "$1sig=..."));
        }
        line.put("route", request.route());
        line.put("status", status);
        line.put("bytes", bytes);
        line.put("ms", Math.round(nanos / 1e4) / 100.0);
        if (error != null) {
            line.put("problem", error);
        }
        line.putAll(request.logFields());
        try {
            String s = JSON.writeValueAsString(line);
            synchronized (out) {
                out.println(s);
                out.flush();
            }
        } catch (IOException e) {
            // A log that cannot be written must not fail the request it describes.
        }
    }

    @Override
    public void close() {
        if (owned) {
            out.close();
        }
    }
}
