package dev.lamina.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error answered as an RFC 9457 problem document ({@code application/problem+json}): a type
 * ({@code urn:lamina:problem:SLUG}), the status, a title, a detail written for a person, and
 * {@code field} or {@code asset} naming what was at fault. Thrown by handlers; the {@link Router}
 * writes it. The detail never carries Java exception text.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String slug;
    private final String title;
    private final transient Map<String, Object> members;
    private final transient Map<String, String> headers;

    public Problem(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.members = new LinkedHashMap<>();
        this.headers = new LinkedHashMap<>();
    }

    /** Adds an extension member (RFC 9457 section 3.2), such as {@code field} or {@code asset}. */
    public Problem with(String name, Object value) {
        if (value != null) {
            members.put(name, value);
        }
        return this;
    }

    /** A response header to send with the problem (Retry-After, Allow). */
    public Problem header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> members() {
        return members;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public static Problem badRequest(String detail, String field) {
        return new Problem(400, "bad-request", "Bad request", detail).with("field", field);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem assetNotFound(String id, String field) {
        return new Problem(404, "unknown-asset", "Unknown asset", "no asset named '" + id + "'")
                .with("asset", id).with("field", field);
    }

    public static Problem tooLarge(String detail, String field) {
        return new Problem(413, "too-large", "Content too large", detail).with("field", field);
    }

    public static Problem forbidden(String detail, String field) {
        return new Problem(403, "forbidden", "Forbidden", detail).with("field", field);
    }

    public static Problem invalid(String detail, String field) {
        return new Problem(422, "invalid-recipe", "Unprocessable content", detail).with("field", field);
    }
}
