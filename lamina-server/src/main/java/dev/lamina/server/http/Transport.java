package dev.lamina.server.http;

import java.time.Duration;

/**
 * An HTTP server library that hands every request to the {@link Router} on a virtual thread.
 * The one in the product is {@link HelidonTransport}; docs/decisions.md says why.
 */
public interface Transport {
    /** Starts listening; returns the bound port (useful when {@code port} is 0). */
    int start(String host, int port, Router router, TransportOptions options);

    /** Stops accepting connections and waits up to the grace period for requests in flight. */
    void stop();

    /**
     * What the library enforces itself, before a handler runs.
     *
     * @param maxBodyBytes a backstop above the handlers' own body limit (they answer with
     *                     problem+json first, from Content-Length or while reading)
     * @param idleTimeout  how long a connection may send nothing before it is closed (a client
     *                     that sent headers and went quiet)
     * @param grace        how long {@link #stop} lets requests in flight finish
     */
    record TransportOptions(long maxBodyBytes, Duration idleTimeout, Duration grace) {
    }
}
