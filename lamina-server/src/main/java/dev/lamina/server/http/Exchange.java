package dev.lamina.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One HTTP request and its response, as the handlers see it. Each HTTP server library is put
 * behind this small interface by a {@link Transport}, so the same handler code runs on either
 * (the Helidon/Javalin comparison in docs/decisions.md measured exactly that). Used by one thread.
 */
public interface Exchange {
    String method();

    /** The path as sent, percent-encoded, without the query. */
    String rawPath();

    /** The query as sent, percent-encoded, without the '?'; empty when there is none. */
    String rawQuery();

    /** The first value of a request header (case-insensitive name), or null. */
    String header(String name);

    /** The request body; reading it may block on the client. */
    InputStream body() throws IOException;

    /** The client's address, for the access log. */
    String remoteAddress();

    void status(int status);

    void header(String name, String value);

    /** Sends the status, the headers and this body (Content-Length is set from it), once. */
    void send(byte[] body) throws IOException;

    /**
     * Sends the status and headers with a body of {@code length} bytes written to the returned
     * stream by the caller, which closes it. For large asset downloads.
     */
    OutputStream stream(long length) throws IOException;

    /** Asks the transport to close the connection after this response (a client we gave up on). */
    void closeConnection();
}
