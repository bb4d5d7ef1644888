package dev.lamina.server.http;

import io.helidon.common.buffers.DataReader;
import io.helidon.common.socket.SocketOptions;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.ServerConnectionException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Helidon SE 4's web server (a virtual thread per request by design) behind {@link Exchange}: one
 * catch-all route hands everything to the {@link Router}. Why Helidon and not Javalin/Jetty:
 * docs/decisions.md.
 */
public final class HelidonTransport implements Transport {
    private WebServer server;

    @Override
    public int start(String host, int port, Router router, TransportOptions options) {
        server = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownHook(false)   // LaminaServer's own hook stops it
                .shutdownGracePeriod(options.grace())
                .maxPayloadSize(options.maxBodyBytes())
                .connectionOptions(SocketOptions.builder().readTimeout(options.idleTimeout()).build())
                .idleConnectionTimeout(options.idleTimeout())
                .routing(r -> r.any((req, res) -> router.handle(new HelidonExchange(req, res))))
                .build()
                .start();
        return server.port();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static final class HelidonExchange implements Exchange {
        private final ServerRequest req;
        private final ServerResponse res;

        HelidonExchange(ServerRequest req, ServerResponse res) {
            this.req = req;
            this.res = res;
        }

        @Override
        public String method() {
            return req.prologue().method().text();
        }

        @Override
        public String rawPath() {
            return req.path().rawPath();
        }

        @Override
        public String rawQuery() {
            return req.query().rawValue();
        }

        @Override
        public String header(String name) {
            return req.headers().first(HeaderNames.create(name)).orElse(null);
        }

        @Override
        public InputStream body() {
            // Helidon reports a client that closed mid-body (or before the response) as an unchecked
            // exception: make it the IOException every other stream throws for it, so the router
            // logs a client gone (499), not an internal error.
            return new FilterInputStream(req.content().inputStream()) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    try {
                        return super.read(b, off, len);
                    } catch (DataReader.InsufficientDataAvailableException | UncheckedIOException e) {
                        throw new IOException("the client closed the connection", e);
                    }
                }
            };
        }

        @Override
        public String remoteAddress() {
            return req.remotePeer().host();
        }

        @Override
        public void status(int status) {
            res.status(status);
        }

        @Override
        public void header(String name, String value) {
            res.header(name, value);
        }

        @Override
        public void send(byte[] body) throws IOException {
            try {
                res.send(body);
            } catch (ServerConnectionException | UncheckedIOException e) {
                throw new IOException("the client closed the connection", e);   // as body() does
            }
        }

        @Override
        public OutputStream stream(long length) throws IOException {
            try {
                res.contentLength(length);
                return res.outputStream();
            } catch (ServerConnectionException | UncheckedIOException e) {
                throw new IOException("the client closed the connection", e);
            }
        }

        @Override
        public void closeConnection() {
            res.header("Connection", "close");
        }
    }
}
