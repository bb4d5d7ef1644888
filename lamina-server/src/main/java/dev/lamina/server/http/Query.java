package dev.lamina.server.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A parsed query string: names and values decoded, in the order sent, repeats kept. */
public record Query(List<Param> params) {

    public record Param(String name, String value) {
    }

    public static Query parse(String raw) {
        List<Param> out = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return new Query(out);
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                throw Problem.badRequest("the query string is not valid percent-encoding", "query");
            }
            out.add(new Param(name, value));
        }
        return new Query(List.copyOf(out));
    }

    /** The one value of {@code name}, or null; a repeated parameter is an error (ambiguous). */
    public String get(String name) {
        String found = null;
        for (Param p : params) {
            if (p.name.equals(name)) {
                if (found != null) {
                    throw Problem.badRequest("the query parameter '" + name + "' is given more than once", name);
                }
                found = p.value;
            }
        }
        return found;
    }

    /** Percent-decoding ('+' as space, as forms send it); null when the encoding is broken. */
    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
