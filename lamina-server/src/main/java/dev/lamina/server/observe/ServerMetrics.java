package dev.lamina.server.observe;

import dev.lamina.server.http.Request;
import dev.lamina.server.http.Router;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The service's Prometheus metrics, named after imgproxy's where they mean the same
 * ({@code imgproxy_requests_total} is {@code lamina_requests_total}, its request span histogram is
 * {@code lamina_request_span_duration_seconds}); docs/server.md lists them. Thread-safe.
 */
public final class ServerMetrics implements Router.Listener {
    /** Histogram buckets for latencies: 1 ms to 10 s, about three per decade. */
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer queue;
    private final Timer decode;
    private final Timer render;
    private final Timer encode;

    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        queue = span("queue");
        decode = span("decode");
        render = span("render");
        encode = span("encode");
    }

    private Timer span(String name) {
        return Timer.builder("lamina.request.span.duration")
                .description("time of one phase of a render: queue (waiting for a slot), decode (assets not yet"
                        + " pinned), render (building the graph), encode (pulling pixels through it and encoding)")
                .tag("span", name)
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    @Override
    public void finished(Request request, int status, long bytes, long nanos, String error) {
        Counter.builder("lamina.requests")
                .description("requests by route, method and status")
                .tags("route", request.route(), "method", request.method(), "status", Integer.toString(status))
                .register(registry).increment();
        Timer.builder("lamina.request.duration")
                .description("time from a request's arrival to its response, by route")
                .tags("route", request.route())
                .serviceLevelObjectives(BUCKETS)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
        if (error != null) {
            Counter.builder("lamina.errors").description("failed requests by problem type")
                    .tag("type", error).register(registry).increment();
        }
    }

    public void recordQueue(long nanos) {
        queue.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordDecode(long nanos) {
        decode.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordRender(long nanos) {
        render.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void recordEncode(long nanos) {
        encode.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A gauge read when scraped. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /**
     * A counter that the scrape reads from a running total kept by {@code owner} (cache hits...).
     * Micrometer holds {@code owner} weakly, so it must be an object the server keeps, not a lambda.
     */
    public <T> void counter(String name, String description, T owner, java.util.function.ToDoubleFunction<T> total) {
        io.micrometer.core.instrument.FunctionCounter.builder(name, owner, total)
                .description(description).register(registry);
    }

    public void rejected(String reason) {
        Counter.builder("lamina.renders.rejected").description("renders refused before they started, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }

    public void close() {
        gc.close();
        registry.close();
    }
}
