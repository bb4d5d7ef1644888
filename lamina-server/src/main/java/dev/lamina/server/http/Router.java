package dev.lamina.server.http;

import dev.lamina.model.LaminaException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Matches each request to a {@link Route}, runs its handler, and turns every failure into a
 * problem document: {@link Problem}s as thrown, {@link LaminaException}s by their kind, anything
 * else as a 500 whose detail is only an incident number (the trace goes to the server's log).
 * Counts requests in flight for graceful shutdown. Thread-safe once built.
 */
public final class Router {
    /** Told about every finished request (metrics, access log). */
    public interface Listener {
        void finished(Request request, int status, long bytes, long nanos, String error);
    }

    private final List<Route> routes;
    private final Listener listener;
    private final UnaryOperator<String> sanitise;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean draining;

    /**
     * @param sanitise rewrites engine messages before a client sees them (the asset store's
     *                 folder becomes the asset's name)
     */
    public Router(List<Route> routes, Listener listener, UnaryOperator<String> sanitise) {
        this.routes = List.copyOf(routes);
        this.listener = listener;
        this.sanitise = sanitise;
    }

    public List<Route> routes() {
        return routes;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** From now on requests are answered 503 with Connection: close (shutdown has begun). */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    public void handle(Exchange exchange) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        String path = exchange.rawPath();
        Route route = null;
        Map<String, String> params = null;
        Set<String> allowed = new LinkedHashSet<>();
        for (Route r : routes) {
            Map<String, String> p = r.match(path);
            if (p != null) {
                allowed.add(r.method());
                if (r.method().equals(exchange.method()) && route == null) {
                    route = r;
                    params = p;
                }
            }
        }
        Route served = route != null ? route : new Route(exchange.method(), allowed.isEmpty() ? "unmatched" : templateOf(path), null);
        Request request = new Request(exchange, served, params == null ? Map.of() : params,
                start, Long.toHexString(0x100000L + ids.incrementAndGet()));
        String error = null;
        try {
            if (draining) {
                exchange.closeConnection();
                throw new Problem(503, "shutting-down", "Service unavailable", "the server is shutting down")
                        .header("Retry-After", "1");
            }
            if (route == null) {
                if (allowed.isEmpty()) {
                    throw Problem.notFound("no such route: " + exchange.method() + " " + path);
                }
                throw new Problem(405, "method-not-allowed", "Method not allowed",
                        exchange.method() + " is not allowed here; allowed: " + String.join(", ", allowed))
                        .header("Allow", String.join(", ", allowed));
            }
            route.handler().handle(request);
        } catch (Problem p) {
            error = p.slug();
            sendProblem(request, p);
        } catch (LaminaException e) {
            Problem p = Problems.of(e, sanitise);
            error = p.slug();
            sendProblem(request, p);
        } catch (IOException e) {
            // The client went away (closed mid-body or mid-response): nobody to answer.
            // The client went away; the answer is for the library's bookkeeping, the log says 499.
            error = "client-gone";
            request.closeConnection();
            sendProblem(request, Problem.badRequest("the request body ended early", "body"));
            request.clientGone();
        } catch (RuntimeException | Error e) {
            String incident = request.id();
            System.err.println("lamina-server: internal error in request " + incident + " (" + exchange.method() + " "
                    + served.template() + ")");
            e.printStackTrace();
            error = "internal";
            sendProblem(request, new Problem(500, "internal", "Internal server error",
                    "an internal error occurred (incident " + incident + "); it has been logged"));
        } catch (Exception e) {
            error = "internal";
            sendProblem(request, new Problem(500, "internal", "Internal server error",
                    "an internal error occurred (incident " + request.id() + ")"));
        } finally {
            inFlight.decrementAndGet();
            listener.finished(request, request.status(), request.bytesSent(), System.nanoTime() - start, error);
        }
    }

    /** For a 405, the template of a route the path matched, so metrics name it. */
    private String templateOf(String path) {
        for (Route r : routes) {
            if (r.match(path) != null) {
                return r.template();
            }
        }
        return "unmatched";
    }

    private static void sendProblem(Request request, Problem p) {
        if (request.status() != 0) {
            return;   // the response had begun: the connection is all we can still end
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", "urn:lamina:problem:" + p.slug());
        doc.put("title", p.title());
        doc.put("status", p.status());
        doc.put("detail", p.detail());
        doc.put("instance", request.rawPath());
        doc.putAll(p.members());
        doc.put("requestId", request.id());
        try {
            for (Map.Entry<String, String> h : p.headers().entrySet()) {
                request.header(h.getKey(), h.getValue());
            }
            request.header("Cache-Control", "no-store");
            request.send(p.status(), "application/problem+json", Request.JSON.writeValueAsBytes(doc));
        } catch (IOException e) {
            request.closeConnection();
        }
    }

    /** The routes as (method, template) pairs, for the OpenAPI test and the docs. */
    public List<String> describe() {
        List<String> out = new ArrayList<>();
        for (Route r : routes) {
            out.add(r.method() + " " + r.template());
        }
        return out;
    }
}
