package dev.lamina.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A method and a path template ({@code /v1/assets/{id}}) with its handler. The template is also
 * the route's name in metrics and in the OpenAPI document, so it must be written as OpenAPI writes
 * paths.
 */
public record Route(String method, String template, Handler handler) {

    /** What serves a route. */
    @FunctionalInterface
    public interface Handler {
        void handle(Request request) throws Exception;
    }

    /** The path parameters of {@code rawPath} when it matches the template (decoded), else null. */
    Map<String, String> match(String rawPath) {
        String[] want = segments(template);
        String[] got = segments(rawPath);
        if (want.length != got.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < want.length; i++) {
            String w = want[i];
            if (w.startsWith("{") && w.endsWith("}")) {
                String value = Query.decode(got[i]);
                if (value == null || value.isEmpty()) {
                    return null;
                }
                if (params == null) {
                    params = new java.util.HashMap<>(2);
                }
                params.put(w.substring(1, w.length() - 1), value);
            } else if (!w.equals(got[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    private static String[] segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            out.add(s);
        }
        return out.toArray(String[]::new);
    }
}
