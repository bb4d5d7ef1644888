package dev.lamina.server.render;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.server.ServerConfig;
import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Request;
import dev.lamina.server.observe.ServerMetrics;
import dev.lamina.server.store.AssetCache;
import dev.lamina.server.store.AssetInfo;
import dev.lamina.server.store.AssetStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One render, from admission to encoded bytes: wait for a slot (429 when the queue is full), build
 * the graph through the {@link RecipeRenderer} with assets from the cache or the store, answer
 * 304 when the ETag matches, reserve the estimated working set (503 when the budget is in use),
 * then encode on the image pool under the request's deadline (504 past it; the engine then stops
 * submitting strips and releases its decoders). Each phase is timed into the span histograms.
 * Thread-safe.
 */
public final class RenderService {
    private final ServerConfig.Limits limits;
    private final AssetStore store;
    private final AssetCache cache;
    private final RecipeRenderer renderer;
    private final Execution pool;
    private final int workers;
    private final Admission admission;
    private final MemoryBudget budget;
    private final ServerMetrics metrics;
    private final LoadOptions load;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Set<Execution> running = ConcurrentHashMap.newKeySet();

    public RenderService(ServerConfig.Limits limits, AssetStore store, AssetCache cache, RecipeRenderer renderer,
                         Execution pool, int workers, ServerMetrics metrics, LoadOptions load) {
        this.limits = limits;
        this.store = store;
        this.cache = cache;
        this.renderer = renderer;
        this.pool = pool;
        this.workers = workers;
        this.admission = new Admission(limits.concurrentRenders(), limits.queue());
        this.budget = new MemoryBudget(limits.memoryBudgetBytes());
        this.metrics = metrics;
        this.load = load;
        metrics.gauge("lamina.images.in.progress", "renders holding a slot", inProgress::get);
        metrics.gauge("lamina.render.queue.length", "renders waiting for a slot", admission::waiting);
        metrics.gauge("lamina.memory.in.flight.bytes", "estimated working memory of the renders in flight", budget::inFlight);
        metrics.gauge("lamina.memory.budget.bytes", "the renders' memory budget", budget::budget);
    }

    /** What to render and how to write it. */
    public record Job(byte[] recipe, Map<String, byte[]> inline, String format, String quality, String presetFormat,
                      Integer presetQuality, String etagSalt, long bodyBytesHeld) {
    }

    /** The result: encoded bytes, or only the ETag when the client has it already. */
    public record Output(byte[] bytes, String mediaType, String etag, boolean notModified, boolean negotiated) {
    }

    public Output render(Request request, Job job) throws InterruptedException {
        long deadline = request.startNanos() + limits.deadline().toNanos();
        long t0 = System.nanoTime();
        Admission.Slot slot;
        try {
            slot = admission.enter(deadline);
        } catch (Problem p) {
            metrics.rejected(p.status() == 429 ? "queue_full" : "deadline");
            throw p;
        }
        long queued = System.nanoTime() - t0;
        metrics.recordQueue(queued);
        request.log("queueMs", ms(queued));
        inProgress.incrementAndGet();
        Execution execution = pool.timeout(java.time.Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        running.add(execution);
        try (slot) {
            return execution.call(() -> renderUnderDeadline(request, job));
        } catch (UncheckedIOException e) {
            throw new LaminaException(LaminaException.Kind.IO, "asset store: " + e.getCause().getClass().getSimpleName());
        } finally {
            running.remove(execution);
            inProgress.decrementAndGet();
        }
    }

    private Output renderUnderDeadline(Request request, Job job) {
        Resolver resolver = new Resolver(job.inline());
        long t0 = System.nanoTime();
        RecipeRenderer.Rendering rendering = renderer.render(job.recipe(), resolver,
                new RecipeRenderer.RecipeLimits(limits.layers(), limits.nesting(), limits.textLength(), limits.outputPixels()));
        long built = System.nanoTime() - t0;
        metrics.recordDecode(resolver.decodeNanos);
        metrics.recordRender(built - resolver.decodeNanos);
        request.log("cache", resolver.hits + "/" + (resolver.hits + resolver.misses));
        if (resolver.shrunk > 0) {
            request.log("shrunkOnLoad", resolver.shrunk);
        }
        LaminaImage image = rendering.image();
        long pixels = (long) image.width() * image.height();
        if (pixels > limits.outputPixels()) {
            throw Problem.tooLarge("the output of " + image.width() + "x" + image.height() + " is over the limit of "
                    + limits.outputPixels() + " pixels", "body");
        }
        OutputFormats.Choice choice = OutputFormats.choose(job.format(), job.quality(), job.presetFormat(),
                job.presetQuality(), request.header("Accept"), image.hasAlpha());
        String etag = etag(rendering.etag(), resolver.versions, choice, job.etagSalt());
        if (matches(request.header("If-None-Match"), etag)) {
            return new Output(null, choice.format().mediaType(), etag, true, choice.negotiated());
        }
        long estimate = WorkingSet.estimate(image, workers, resolver.inputs,
                choice.format().name().equals("png"), job.bodyBytesHeld());
        long t1;
        byte[] bytes;
        try (MemoryBudget.Reservation r = reserve(estimate)) {
            t1 = System.nanoTime();
            bytes = image.encode(choice.options());
        }
        long encoded = System.nanoTime() - t1;
        metrics.recordEncode(encoded);
        request.log("encodeMs", ms(encoded));
        return new Output(bytes, choice.format().mediaType(), etag, false, choice.negotiated());
    }

    private MemoryBudget.Reservation reserve(long estimate) {
        try {
            return budget.reserve(estimate);
        } catch (Problem p) {
            metrics.rejected(p.status() == 503 ? "memory" : "too_large");
            throw p;
        }
    }

    /** Stops every render in flight (shutdown after the grace period): they end with 503. */
    public void cancelAll() {
        running.forEach(Execution::cancel);
    }

    public int inProgress() {
        return inProgress.get();
    }

    public Admission admission() {
        return admission;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e4) / 100.0;
    }

    /**
     * Which pixels this build renders: part of every ETag, and changed whenever a release renders
     * the same recipe and assets to other bytes (shrink-on-load in image layers did), so that a
     * client's cached render is not confirmed by a 304 for bytes the server no longer makes
     * (imgproxy's ETag buster, kept in the code so nobody has to remember to set it).
     */
    static final String RENDERING_REVISION = "2: image layers shrink JPEGs on load";

    static String etag(String recipe, List<String> versions, OutputFormats.Choice choice, String salt) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        sha.update(recipe.getBytes(StandardCharsets.UTF_8));
        for (String v : versions) {
            sha.update((byte) 0);
            sha.update(v.getBytes(StandardCharsets.UTF_8));
        }
        sha.update((byte) 1);
        sha.update(choice.options().toString().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 2);
        sha.update(salt.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 3);
        sha.update(RENDERING_REVISION.getBytes(StandardCharsets.UTF_8));
        return "\"" + HexFormat.of().formatHex(sha.digest(), 0, 16) + "\"";
    }

    /** If-None-Match: a list of entity tags or '*'; compared weakly, as RFC 9110 says for it. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String t : ifNoneMatch.split(",")) {
            String tag = t.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Resolves names to inline parts first, then to the store through the cache; records each
     * asset's version once (looked up once per request, so every use of a name reads one version).
     *
     * <p>Pinning policy (docs/decisions.md, "Shrink-on-load in recipes and the service"): an image
     * layer that resizes a stored JPEG by 2 or more on load ({@link Lamina#thumbnailShrink}) opens
     * the stored file at that reduction and pins nothing, whether or not the asset is pinned
     * already: measured cheaper than resizing the pinned full decode, and the output must not
     * depend on what the cache holds. Every other use goes through the cache as before. The checks
     * only read sizes: a pinned copy if there is one, else the file's header.
     */
    private final class Resolver implements AssetResolver {
        private final Map<String, byte[]> inline;
        private final Map<String, AssetInfo> infos = new HashMap<>();
        private final Map<String, LaminaImage> headers = new HashMap<>();
        final List<String> versions = new ArrayList<>();
        final List<WorkingSet.Input> inputs = new ArrayList<>();
        long decodeNanos;
        int hits;
        int misses;
        int shrunk;

        Resolver(Map<String, byte[]> inline) {
            this.inline = inline;
        }

        @Override
        public LaminaImage resolve(String name, String field) {
            byte[] part = inline.get(name);
            if (part != null) {
                LaminaImage img = inlineHeader(name, part, field);
                inputs.add(new WorkingSet.Input(img, false));
                return img;
            }
            AssetInfo info = info(name, field);
            long t0 = System.nanoTime();
            AssetCache.Lookup found;
            try {
                found = cache.get(info, () -> Lamina.open(store.file(name), load));
            } catch (LaminaException e) {
                if (e.kind() == LaminaException.Kind.IO) {
                    throw Problem.assetNotFound(name, field);   // deleted while we looked
                }
                throw e;
            }
            if (found.hit()) {
                hits++;
            } else {
                misses++;
                decodeNanos += System.nanoTime() - t0;
            }
            inputs.add(new WorkingSet.Input(found.image(), found.pinned()));
            return found.image();
        }

        @Override
        public LaminaImage header(String name, String field) {
            byte[] part = inline.get(name);
            if (part != null) {
                return inlineHeader(name, part, field);
            }
            LaminaImage h = headers.get(name);
            if (h == null) {
                AssetInfo info = info(name, field);
                h = cache.pinned(info);
                if (h == null) {
                    h = open(name, field);
                }
                headers.put(name, h);
            }
            return h;
        }

        @Override
        public LaminaImage thumbnail(String name, String field, ThumbnailOptions options) {
            byte[] part = inline.get(name);
            if (part != null) {
                // never pinned: loaded again from the part's bytes, shrunk on load where it can be
                inputs.add(new WorkingSet.Input(inlineHeader(name, part, field), false));
                try {
                    return Lamina.thumbnail(part, name, options, load, 16);
                } catch (LaminaException e) {
                    throw withField(e, field);
                }
            }
            AssetInfo info = info(name, field);
            LaminaImage upright = header(name, field);
            if (!info.mediaType().equals("image/jpeg")
                    || Lamina.thumbnailShrink(upright.width(), upright.height(), options) == 1) {
                return null;   // no shrink on load: the layer resizes the cached image, as before
            }
            // Streams the stored file at 1/shrink: the estimate counts it as an unpinned input of
            // its full size (a progressive JPEG holds its coefficients whatever the shrink).
            inputs.add(new WorkingSet.Input(upright, false));
            shrunk++;
            try {
                return Lamina.thumbnail(store.file(name), options, load, 16);
            } catch (LaminaException e) {
                if (e.kind() == LaminaException.Kind.IO) {
                    throw Problem.assetNotFound(name, field);
                }
                throw e;
            }
        }

        /** The store's description of the asset, looked up once per request; its version recorded. */
        private AssetInfo info(String name, String field) {
            AssetInfo info = infos.get(name);
            if (info != null) {
                return info;
            }
            try {
                info = AssetStore.ID.matcher(name).matches() ? store.info(name) : null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (info == null) {
                throw Problem.assetNotFound(name, field);
            }
            versions.add(name + ":" + info.version());
            infos.put(name, info);
            return info;
        }

        /** The stored file opened: its header read, no pixels. */
        private LaminaImage open(String name, String field) {
            try {
                return Lamina.open(store.file(name), load);
            } catch (LaminaException e) {
                if (e.kind() == LaminaException.Kind.IO) {
                    throw Problem.assetNotFound(name, field);
                }
                throw e;
            }
        }

        /** An inline part opened (its header read), its version recorded once. */
        private LaminaImage inlineHeader(String name, byte[] part, String field) {
            LaminaImage h = headers.get(name);
            if (h == null) {
                versions.add("inline:" + name + ":" + sha(part));
                try {
                    h = Lamina.open(part, name, load);
                } catch (LaminaException e) {
                    throw withField(e, field);
                }
                headers.put(name, h);
            }
            return h;
        }

        private Problem withField(LaminaException e, String field) {
            int status = switch (e.kind()) {
                case UNSUPPORTED -> 415;
                case LIMIT_EXCEEDED -> 413;
                default -> 400;
            };
            return new Problem(status, "bad-inline-image", "Bad inline image", e.getMessage()).with("field", field);
        }

        private String sha(byte[] data) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data), 0, 16);
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }
}
