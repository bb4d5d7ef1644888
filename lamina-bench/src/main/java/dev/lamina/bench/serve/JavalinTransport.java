package dev.lamina.bench.serve;

import dev.lamina.server.http.Exchange;
import dev.lamina.server.http.Router;
import dev.lamina.server.http.Transport;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Javalin 7 on Jetty 12 with virtual threads behind the service's {@link Exchange}: the HTTP library that
 * lost to Helidon SE (docs/decisions.md), kept here so the comparison can be run again
 * ({@link ServiceBench} starts the service on it with {@link JavalinServerMain}).
 */
public final class JavalinTransport implements Transport {
    private Javalin app;

    @Override
    public int start(String host, int port, Router router, TransportOptions options) {
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = options.maxBodyBytes();
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.jetty.modifyServer(server -> {
                server.setStopTimeout(options.grace().toMillis());
                for (var c : server.getConnectors()) {
                    if (c instanceof ServerConnector sc) {
                        sc.setIdleTimeout(options.idleTimeout().toMillis());
                    }
                }
            });
            for (HandlerType t : new HandlerType[]{HandlerType.GET, HandlerType.HEAD, HandlerType.POST, HandlerType.PUT,
                    HandlerType.DELETE}) {
                cfg.routes.addHttpHandler(t, "/<path>", ctx -> router.handle(new JavalinExchange(ctx)));
                cfg.routes.addHttpHandler(t, "/", ctx -> router.handle(new JavalinExchange(ctx)));
            }
        }).start();
        for (var c : app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setIdleTimeout(options.idleTimeout().toMillis());
            }
        }
        return app.port();
    }

    @Override
    public void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private static final class JavalinExchange implements Exchange {
        private final Context ctx;

        JavalinExchange(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public String method() {
            return ctx.req().getMethod();
        }

        @Override
        public String rawPath() {
            return ctx.req().getRequestURI();
        }

        @Override
        public String rawQuery() {
            String q = ctx.req().getQueryString();
            return q == null ? "" : q;
        }

        @Override
        public String header(String name) {
            return ctx.req().getHeader(name);
        }

        @Override
        public InputStream body() throws IOException {
            return ctx.req().getInputStream();
        }

        @Override
        public String remoteAddress() {
            return ctx.req().getRemoteAddr();
        }

        @Override
        public void status(int status) {
            ctx.res().setStatus(status);
        }

        @Override
        public void header(String name, String value) {
            ctx.res().setHeader(name, value);
        }

        @Override
        public void send(byte[] body) throws IOException {
            ctx.res().setContentLength(body.length);
            if (body.length > 0) {
                ctx.res().getOutputStream().write(body);
            }
            ctx.res().flushBuffer();
        }

        @Override
        public OutputStream stream(long length) throws IOException {
            ctx.res().setContentLengthLong(length);
            return ctx.res().getOutputStream();
        }

        @Override
        public void closeConnection() {
            ctx.res().setHeader("Connection", "close");
        }
    }
}
