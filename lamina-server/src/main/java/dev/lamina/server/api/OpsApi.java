package dev.lamina.server.api;

import dev.lamina.server.http.Request;
import dev.lamina.server.http.Route;
import dev.lamina.server.observe.ServerMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, metrics and the OpenAPI document. */
public final class OpsApi {
    private final ServerMetrics metrics;
    private final BooleanSupplier ready;
    private final byte[] openapi;

    public OpsApi(ServerMetrics metrics, BooleanSupplier ready) throws IOException {
        this.metrics = metrics;
        this.ready = ready;
        try (InputStream in = OpsApi.class.getResourceAsStream("/openapi.json")) {
            this.openapi = in.readAllBytes();
        }
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/health/live", r -> r.sendJson(200, Map.of("status", "UP"))),
                new Route("GET", "/health/ready", this::readiness),
                new Route("GET", "/metrics", this::metrics),
                new Route("GET", "/openapi.json", r -> r.send(200, "application/json", openapi)));
    }

    private void readiness(Request request) throws IOException {
        boolean ok = ready.getAsBoolean();
        request.header("Cache-Control", "no-store");
        request.sendJson(ok ? 200 : 503, Map.of("status", ok ? "UP" : "DOWN"));
    }

    private void metrics(Request request) throws IOException {
        request.header("Cache-Control", "no-store");
        request.sendText(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape());
    }
}
