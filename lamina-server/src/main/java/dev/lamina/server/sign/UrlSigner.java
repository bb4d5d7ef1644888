package dev.lamina.server.sign;

import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Query;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Signed URLs for presets. The signature is HMAC-SHA256, with the key named by {@code keyid}, over
 * the canonical form
 *
 * <pre>
 *   PATH + "?" + every query parameter but sig, sorted by name then value, each name=value
 *   percent-encoded as RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~ as they are, every other
 *   UTF-8 byte as %XX in upper case), joined with '&amp;'
 * </pre>
 *
 * sent as {@code sig} in unpadded base64url. {@code expires} (Unix seconds) and {@code keyid} are
 * required and signed. The path is signed as sent (percent-encoded), so a signature for one preset
 * does not open another, and the comparison takes the same time whatever the first wrong byte.
 * Thread-safe.
 */
public final class UrlSigner {
    private final Map<String, byte[]> keys;

    public UrlSigner(Map<String, byte[]> keys) {
        this.keys = Map.copyOf(keys);
    }

    /** Checks {@code query}'s signature for {@code rawPath} at {@code nowSeconds}; 403 naming what is wrong. */
    public void verify(String rawPath, Query query, long nowSeconds) {
        String sig = query.get("sig");
        String keyId = query.get("keyid");
        String expires = query.get("expires");
        if (sig == null || keyId == null || expires == null) {
            throw Problem.forbidden("this URL must be signed (sig, keyid and expires parameters; see docs/server.md)",
                    sig == null ? "sig" : keyId == null ? "keyid" : "expires");
        }
        byte[] key = keys.get(keyId);
        if (key == null) {
            throw Problem.forbidden("unknown signing key '" + keyId + "'", "keyid");
        }
        long exp;
        try {
            exp = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw Problem.forbidden("expires must be a Unix time in seconds", "expires");
        }
        if (exp < nowSeconds) {
            throw Problem.forbidden("the URL expired at " + exp + " (now " + nowSeconds + ")", "expires");
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(sig);
        } catch (IllegalArgumentException e) {
            throw Problem.forbidden("the signature is not base64url", "sig");
        }
        byte[] expected = hmac(key, canonical(rawPath, query));
        if (!MessageDigest.isEqual(expected, given)) {
            throw Problem.forbidden("the signature does not match this path and query", "sig");
        }
    }

    /** The signature of a path and query (without sig), for clients and tests. */
    public static String sign(byte[] key, String rawPath, Query query) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, canonical(rawPath, query)));
    }

    /** The string that is signed. */
    public static String canonical(String rawPath, Query query) {
        List<Query.Param> params = new ArrayList<>();
        for (Query.Param p : query.params()) {
            if (!p.name().equals("sig")) {
                params.add(p);
            }
        }
        params.sort(Comparator.comparing(Query.Param::name).thenComparing(Query.Param::value));
        StringBuilder s = new StringBuilder(rawPath).append('?');
        for (int i = 0; i < params.size(); i++) {
            if (i > 0) {
                s.append('&');
            }
            s.append(encode(params.get(i).name())).append('=').append(encode(params.get(i).value()));
        }
        return s.toString();
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new AssertionError("every JDK has HmacSHA256", e);
        }
    }
}
