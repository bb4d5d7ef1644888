package dev.lamina.server;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.server.api.AssetApi;
import dev.lamina.server.api.Java2dBenchApi;
import dev.lamina.server.api.OpsApi;
import dev.lamina.server.api.RenderApi;
import dev.lamina.server.http.HelidonTransport;
import dev.lamina.server.http.Route;
import dev.lamina.server.http.Router;
import dev.lamina.server.http.Transport;
import dev.lamina.server.observe.AccessLog;
import dev.lamina.server.observe.ServerMetrics;
import dev.lamina.server.render.LaminaRenderers;
import dev.lamina.server.render.RenderService;
import dev.lamina.server.store.AssetCache;
import dev.lamina.server.store.FileAssetStore;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compositing service: {@code lamina serve}. Requests arrive on virtual threads (Helidon SE);
 * image work runs on one pool of platform threads sized to the cores, through the engine's
 * {@link Execution}; assets live in a {@link FileAssetStore} under the data folder, hot ones
 * decoded in an {@link AssetCache}. docs/server.md is the user's guide.
 */
public final class LaminaServer implements AutoCloseable {
    private final ServerConfig config;
    private final Transport transport;
    private final Router router;
    private final RenderService renders;
    private final ServerMetrics metrics;
    private final AccessLog accessLog;
    private final ThreadPoolExecutor workers;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean ready;
    private final int port;

    private LaminaServer(ServerConfig config, Transport transport) throws IOException {
        this.config = config;
        this.transport = transport;
        checkExposure(config);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.workers(), config.workers(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "lamina-image-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Execution pool = Execution.standard().executor(workers, config.workers());
        LoadOptions load = LoadOptions.defaults().limits(Limits.defaults()
                .maxPixels(config.limits().inputPixels()).maxFileBytes(config.limits().bodyBytes()));
        FileAssetStore store = new FileAssetStore(config.data(), (file, id) -> {
            LaminaImage header = Lamina.open(file, load);
            return new int[]{header.width(), header.height()};
        });
        AssetCache cache = new AssetCache(config.cacheBytes());
        this.metrics = new ServerMetrics();
        this.accessLog = AccessLog.open(config.accessLog());
        this.renders = new RenderService(config.limits(), store, cache, LaminaRenderers.recipes(), pool, config.workers(),
                metrics, load);
        metrics.gauge("lamina.workers", "threads of the image pool", config::workers);
        metrics.gauge("lamina.workers.busy", "image pool threads running a job now", workers::getActiveCount);
        metrics.gauge("lamina.asset.cache.bytes", "pixels held by the asset cache", cache::bytes);
        metrics.gauge("lamina.asset.cache.capacity.bytes", "the asset cache's bound", cache::capacity);
        metrics.counter("lamina.asset.cache.hits", "asset lookups served decoded from the cache", cache, AssetCache::hits);
        metrics.counter("lamina.asset.cache.misses", "asset lookups that had to open the store", cache, AssetCache::misses);
        metrics.counter("lamina.asset.cache.evictions", "assets dropped from the cache for room", cache, AssetCache::evictions);

        List<Route> routes = new ArrayList<>();
        routes.addAll(new AssetApi(store, cache, config, load, pool).routes());
        routes.addAll(new RenderApi(renders, config).routes());
        if (config.benchmarkRoutes()) {
            routes.addAll(new Java2dBenchApi(store, config.limits(), renders.admission()).routes());
        }
        routes.addAll(new OpsApi(metrics, () -> ready && !router().draining()).routes());
        String assets = store.folder().toAbsolutePath() + java.io.File.separator;
        String uploads = store.uploads().toAbsolutePath() + java.io.File.separator;
        this.router = new Router(routes, (request, status, bytes, nanos, error) -> {
            metrics.finished(request, status, bytes, nanos, error);
            accessLog.finished(request, status, bytes, nanos, error);
        }, message -> message.replace(assets, "").replace(uploads, ""));
        metrics.gauge("lamina.requests.in.progress", "requests being served", router::inFlight);
        this.port = transport.start(config.host(), config.port(), router, new Transport.TransportOptions(
                2 * config.limits().bodyBytes(), config.limits().idleTimeout(), config.shutdownGrace()));
        this.ready = true;
    }

    private Router router() {
        return router;
    }

    /** Starts the service on Helidon. */
    public static LaminaServer start(ServerConfig config) throws IOException {
        return new LaminaServer(config, new HelidonTransport());
    }

    /** Starts the service on another HTTP library (the benchmark's comparison). */
    public static LaminaServer start(ServerConfig config, Transport transport) throws IOException {
        return new LaminaServer(config, transport);
    }

    /**
     * An open private API must not face a network: without tokens, the server listens only on a
     * loopback address unless development mode says otherwise.
     */
    private static void checkExposure(ServerConfig config) {
        if (!config.tokens().isEmpty() || config.development()) {
            return;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(config.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ServerConfig.ConfigException("host '" + config.host() + "' is not a known address");
        }
        if (!loopback) {
            throw new ServerConfig.ConfigException("listening on " + config.host() + " needs API tokens (\"tokens\" in the"
                    + " configuration) or \"development\": true; without them anyone who can reach the port could"
                    + " upload and delete assets");
        }
    }

    public int port() {
        return port;
    }

    public List<String> routes() {
        return router.describe();
    }

    /**
     * Graceful shutdown: readiness turns DOWN, the listener closes, requests in flight get the
     * grace period to finish, then renders still running are cancelled.
     */
    public void shutdown() {
        if (stopped.getCount() == 0) {
            return;
        }
        ready = false;
        Thread canceller = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(config.shutdownGrace().toMillis());
                renders.cancelAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        transport.stop();
        router.drain();
        canceller.interrupt();
        renders.cancelAll();
        workers.shutdown();
        accessLog.close();
        metrics.close();
        stopped.countDown();
    }

    @Override
    public void close() {
        shutdown();
    }

    /** Blocks until {@link #shutdown} has finished. */
    public void awaitShutdown() throws InterruptedException {
        stopped.await();
    }

    /** Runs until SIGTERM or SIGINT, then shuts down gracefully. */
    public static void run(ServerConfig config) throws IOException, InterruptedException {
        LaminaServer server = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "lamina-shutdown"));
        System.err.println("lamina-server: listening on http://" + config.host() + ":" + server.port() + " (data "
                + config.data().toAbsolutePath() + ", " + config.workers() + " image threads)");
        server.awaitShutdown();
    }

    /** {@code LaminaServer [--config FILE] [--port N] [--data DIR]}: what {@code lamina serve} runs. */
    public static void main(String[] args) throws Exception {
        Path configFile = null;
        Integer port = null;
        Path data = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            switch (a) {
                case "--config" -> configFile = Path.of(v);
                case "--port" -> port = Integer.parseInt(v);
                case "--data" -> data = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
            i++;
        }
        ServerConfig config = (configFile == null ? ServerConfig.defaults() : ServerConfig.load(configFile)).with(port, data);
        run(config);
    }
}
