package dev.lamina.server.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code multipart/form-data} body (RFC 7578) already in memory, split into its parts by name.
 * Enough for the render route: each part's name and bytes; part headers other than
 * Content-Disposition are ignored. A malformed body is a 400.
 */
public final class Multipart {
    private Multipart() {
    }

    /** The boundary of a {@code multipart/form-data} Content-Type, or null when it is not one. */
    public static String boundary(String contentType) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return null;
        }
        for (String p : contentType.split(";")) {
            String t = p.trim();
            if (t.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = t.substring(9);
                if (b.length() >= 2 && b.startsWith("\"") && b.endsWith("\"")) {
                    b = b.substring(1, b.length() - 1);
                }
                if (b.isEmpty() || b.length() > 70) {
                    break;
                }
                return b;
            }
        }
        throw Problem.badRequest("multipart/form-data needs a boundary parameter of 1 to 70 characters", "Content-Type");
    }

    public static Map<String, byte[]> parse(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> parts = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw malformed("no boundary found");
        }
        while (true) {
            pos += delimiter.length;
            if (pos + 2 <= body.length && body[pos] == '-' && body[pos + 1] == '-') {
                return parts;   // the closing delimiter
            }
            pos = skipLine(body, pos);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
            if (headersEnd < 0) {
                throw malformed("a part has no end of headers");
            }
            String headers = new String(body, pos, headersEnd - pos, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                throw malformed("a part is not closed by the boundary");
            }
            String name = name(headers);
            if (parts.containsKey(name)) {
                throw Problem.badRequest("the part '" + name + "' is given twice", name);
            }
            byte[] content = new byte[next - contentStart];
            System.arraycopy(body, contentStart, content, 0, content.length);
            parts.put(name, content);
            pos = next + 2;
        }
    }

    private static String name(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                for (String p : line.substring(20).split(";")) {
                    String t = p.trim();
                    if (t.startsWith("name=")) {
                        String n = t.substring(5);
                        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
                            n = n.substring(1, n.length() - 1);
                        }
                        return n;
                    }
                }
            }
        }
        throw malformed("a part has no Content-Disposition name");
    }

    private static int skipLine(byte[] b, int pos) {
        int eol = indexOf(b, new byte[]{'\r', '\n'}, pos);
        if (eol < 0) {
            throw malformed("a boundary line is not ended");
        }
        return eol + 2;
    }

    private static Problem malformed(String what) {
        return Problem.badRequest("the multipart body is malformed: " + what, "body");
    }

    static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
