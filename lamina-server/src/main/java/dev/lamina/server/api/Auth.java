package dev.lamina.server.api;

import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/**
 * The private API's bearer tokens ({@code Authorization: Bearer TOKEN}): asset changes and
 * listings, and POST /v1/render. With no tokens configured the private API is open, which the
 * server allows only on a loopback address or in development mode (LaminaServer checks). Tokens
 * are compared in constant time.
 */
final class Auth {
    private final List<byte[]> tokens;

    Auth(List<String> tokens) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    void check(Request request) {
        if (tokens.isEmpty()) {
            return;
        }
        String h = request.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Problem(401, "unauthorized", "Unauthorized", "this route needs Authorization: Bearer TOKEN")
                    .with("field", "Authorization").header("WWW-Authenticate", "Bearer");
        }
        byte[] given = h.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        boolean ok = false;
        for (byte[] t : tokens) {
            ok |= MessageDigest.isEqual(t, given);
        }
        if (!ok) {
            throw new Problem(401, "unauthorized", "Unauthorized", "the bearer token is not valid")
                    .with("field", "Authorization").header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
    }
}
