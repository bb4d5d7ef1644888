package dev.lamina.server.store;

import dev.lamina.LaminaImage;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Hot assets kept decoded: pinned {@link LaminaImage}s (pixels in memory, read by any number of
 * renders at once), least recently used first out, bounded in bytes of pixels. An asset larger
 * than a quarter of the cache is never pinned (it would push out everything else); it is decoded
 * from the store per render, streaming. Entries are keyed by id and version, so a replaced asset
 * is never served from its old pixels. Thread-safe.
 */
public final class AssetCache {
    private final long capacity;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();

    private record Entry(String version, LaminaImage image, long bytes) {
    }

    /** What a lookup found: the image, and whether it came from the cache (for logs and spans). */
    public record Lookup(LaminaImage image, boolean hit, boolean pinned) {
    }

    public AssetCache(long capacityBytes) {
        this.capacity = capacityBytes;
    }

    /**
     * The asset's pinned image, or {@code open}'s image pinned now (under the caller's execution)
     * and kept, or, when too large to keep, {@code open}'s image as it is.
     */
    public Lookup get(AssetInfo info, Supplier<LaminaImage> open) {
        synchronized (this) {
            Entry e = entries.get(info.id());
            if (e != null && e.version.equals(info.version())) {
                hits.incrementAndGet();
                return new Lookup(e.image, true, true);
            }
        }
        misses.incrementAndGet();
        LaminaImage opened = open.get();
        long size = pixelBytes(opened);
        if (size > capacity / 4) {
            return new Lookup(opened, false, false);
        }
        // Two renders that miss at once both decode; the second insert replaces the first.
        // Rare (a cold start) and cheaper than making every miss wait on a shared future.
        LaminaImage pinned = opened.pin();
        synchronized (this) {
            Entry old = entries.put(info.id(), new Entry(info.version(), pinned, size));
            if (old != null) {
                bytes -= old.bytes;
            }
            bytes += size;
            for (Iterator<Entry> it = entries.values().iterator(); bytes > capacity && it.hasNext(); ) {
                Entry victim = it.next();
                it.remove();
                bytes -= victim.bytes;
                evictions.incrementAndGet();
            }
        }
        return new Lookup(pinned, false, true);
    }

    /**
     * The asset's pinned image if the cache holds this version, else null; counts neither a hit
     * nor a miss and pins nothing (for a look at its size, or a choice between it and the file).
     */
    public synchronized LaminaImage pinned(AssetInfo info) {
        Entry e = entries.get(info.id());
        return e != null && e.version.equals(info.version()) ? e.image : null;
    }

    /** Forgets an asset (replaced or deleted). */
    public synchronized void invalidate(String id) {
        Entry e = entries.remove(id);
        if (e != null) {
            bytes -= e.bytes;
        }
    }

    /** Memory of an image's pixels once pinned: width x height x bands x bytes per sample. */
    public static long pixelBytes(LaminaImage image) {
        int sample = switch (image.sampleFormat()) {
            case "u8" -> 1;
            case "u16" -> 2;
            default -> 4;
        };
        return (long) image.width() * image.height() * image.bands() * sample;
    }

    public synchronized long bytes() {
        return bytes;
    }

    public long capacity() {
        return capacity;
    }

    public long hits() {
        return hits.get();
    }

    public long misses() {
        return misses.get();
    }

    public long evictions() {
        return evictions.get();
    }
}
