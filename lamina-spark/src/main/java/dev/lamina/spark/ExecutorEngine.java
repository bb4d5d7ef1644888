package dev.lamina.spark;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import dev.lamina.model.ThumbnailOptions;
import org.apache.spark.util.LongAccumulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One executor JVM's Lamina engine for one job: the watermark decoded once and pinned (every task
 * and every image of the job on this JVM composites the same in-memory pixels), the options built
 * once, and one worker pool for the JVM.
 *
 * <p>Engines are kept per (spec, watermark broadcast) in a small per-JVM table, created by the
 * first task of a job that reaches the executor; the next tasks of the job find it. The table
 * keeps the last few jobs' engines (a long-lived executor of a notebook session runs many jobs).
 *
 * <p>Threads: the pool has one thread per processor of the executor; each task's images run with
 * a parallelism of the task's cores ({@code spark.task.cpus}), so the executor's concurrent tasks
 * together use its cores and no more, as Spark's scheduler assumes.
 *
 * <p>Thread-safe: immutable after construction; the table is guarded by the class lock.
 */
final class ExecutorEngine {
    private static final int KEPT_JOBS = 4;
    private static final Map<Key, ExecutorEngine> ENGINES = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ExecutorEngine> eldest) {
            return size() > KEPT_JOBS;
        }
    };
    private static ExecutorService pool;

    private record Key(JobSpec spec, long watermarkId) {
    }

    private final ThumbnailOptions thumbnail;
    private final Layer watermark;
    private final Metadata.Keep keep;
    private final LoadOptions load;
    private final Map<Integer, Execution> executions = new ConcurrentHashMap<>();

    private ExecutorEngine(JobSpec spec, byte[] watermarkBytes) {
        this.thumbnail = spec.thumbnail() == null ? null : spec.thumbnail().options();
        this.keep = spec.output().keep();
        this.load = spec.load();
        if (spec.watermark() == null) {
            this.watermark = null;
        } else {
            JobSpec.Watermark w = spec.watermark();
            int cores = Runtime.getRuntime().availableProcessors();
            LaminaImage pinned = Execution.standard().executor(pool(), cores)
                    .call(() -> Lamina.open(watermarkBytes, w.image()).pin());
            Layer l = Layer.of(pinned).gravity(w.gravity()).opacity(w.opacity()).mode(w.mode());
            this.watermark = w.tile() ? l.tiled() : l;
        }
    }

    /**
     * This JVM's engine for the job, made on first use ({@code created} counts how many were made
     * across the cluster: one per executor, the summary prints it).
     */
    static synchronized ExecutorEngine of(JobSpec spec, long watermarkId, java.util.function.Supplier<byte[]> watermark,
                                          LongAccumulator created) {
        Key key = new Key(spec, watermarkId);
        ExecutorEngine e = ENGINES.get(key);
        if (e == null) {
            e = new ExecutorEngine(spec, spec.watermark() == null ? null : watermark.get());
            ENGINES.put(key, e);
            created.add(1);
        }
        return e;
    }

    private static synchronized ExecutorService pool() {
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "lamina-spark-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        return pool;
    }

    /** How one image of a task with {@code taskCores} cores runs; with a deadline when asked. */
    Execution execution(int taskCores, int timeoutSeconds) {
        Execution e = executions.computeIfAbsent(Math.max(1, taskCores), n -> Execution.standard().executor(pool(), n));
        return timeoutSeconds > 0 ? e.timeout(Duration.ofSeconds(timeoutSeconds)) : e;
    }

    LoadOptions load() {
        return load;
    }

    /** The output image of one input (computes nothing: the caller's write pulls the pixels). */
    LaminaImage render(byte[] content, String name) {
        LaminaImage img = thumbnail != null ? Lamina.thumbnail(content, name, thumbnail, load) : Lamina.open(content, name, load);
        if (watermark != null) {
            img = img.composite(watermark);
        }
        return img.keepMetadata(keep);
    }
}
