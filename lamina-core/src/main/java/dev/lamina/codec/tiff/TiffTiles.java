package dev.lamina.codec.tiff;

import dev.lamina.model.Limits;
import dev.lamina.core.DemandHint;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;
import dev.lamina.core.SinkRun;
import dev.lamina.core.StripSink;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A tiled page as a random-access image: a request decodes only the tiles it touches.
 *
 * <p><b>The tile cache.</b> A sink asks for full-width strips a few rows high, so consecutive
 * strips, computed by different workers, touch the same row of tiles. Each run (as in
 * {@link dev.lamina.core.LineCache}, one per sink run, plus one for requests outside runs) has a
 * cache of decoded tiles shared by its workers: the first worker that needs a tile decodes it while
 * the others that need it wait for it, so every tile is decoded once per run, in parallel with
 * other tiles. The cache holds about as many rows of tiles as the run's strips in flight span (the
 * window of strips times the tallest request, plus one row of tiles), least recently used out; so
 * memory is proportional to the image's width times a few tile heights, never its area. A request
 * for a tile that has left the cache decodes it again: correct, just slower. A tile being read is
 * pinned and never evicted, so evicted tiles' regions can be reused for the next tiles: a run
 * allocates about a cache's worth of tiles, not the image's (the garbage of a gigabyte of tiles
 * made the process grow to 1 GB under the serial collector before this).
 *
 * <p>Thread-safe: the cache is guarded by its map; decoding runs outside the lock with the
 * caller's own {@link BlockDecoder}; the file is read with positional reads.
 */
final class TiffTiles implements dev.lamina.core.Producer {
    private final TiffPage page;
    private final Supplier<TiffInput> opener;
    private final boolean failOnError;
    private final Limits limits;
    private final Map<SinkRun, Cache> byRun = new IdentityHashMap<>();
    private Cache unscoped;

    TiffTiles(TiffPage page, Supplier<TiffInput> opener, boolean failOnError, Limits limits) {
        this.page = page;
        this.opener = opener;
        this.failOnError = failOnError;
        this.limits = limits;
    }

    @Override
    public DemandHint demand() {
        return DemandHint.ANY;
    }

    @Override
    public Sequence start() {
        SinkRun run = SinkRun.current();
        Cache cache;
        synchronized (byRun) {
            if (run == null) {
                if (unscoped == null) {
                    unscoped = new Cache(StripSink.window());
                }
                cache = unscoped;
            } else {
                cache = byRun.computeIfAbsent(run, r -> new Cache(r.window()));
            }
            cache.users++;
        }
        return new TileSequence(cache, run);
    }

    /** Open caches: for tests that check a run leaves nothing behind. */
    int openCaches() {
        synchronized (byRun) {
            return byRun.size();
        }
    }

    /** A decoded (or being decoded) tile and the number of readers copying from it now. */
    private static final class Slot {
        final CompletableFuture<Region> tile = new CompletableFuture<>();
        int pins;   // guarded by the cache's map
    }

    /** One run's decoded tiles, their spare regions and its file handle. */
    private final class Cache {
        private final int window;
        private final LinkedHashMap<Long, Slot> tiles = new LinkedHashMap<>(16, 0.75f, true);
        /** Regions of evicted tiles, reused for the next tiles decoded (so a run allocates a cache's worth, not an image's). */
        private final ArrayDeque<Region> spare = new ArrayDeque<>();
        private TiffInput input;
        private int tallestRequest = 1;
        int users;   // guarded by byRun

        Cache(int window) {
            this.window = window;
        }

        synchronized TiffInput input() {
            if (input == null) {
                input = opener.get();
            }
            return input;
        }

        /**
         * Tile {@code index} decoded (by this thread if no other is at it) and pinned: it stays in
         * the cache, and its region is not reused, until {@link #unpin} is called.
         */
        Slot pin(long index, int bx, int by, BlockDecoder decoder) {
            Slot slot;
            boolean mine = false;
            Region reuse = null;
            synchronized (tiles) {
                slot = tiles.get(index);
                if (slot == null) {
                    slot = new Slot();
                    tiles.put(index, slot);
                    mine = true;
                    evict();
                    reuse = spare.poll();
                }
                slot.pins++;
            }
            if (mine) {
                try {
                    slot.tile.complete(decode(bx, by, decoder, reuse));
                } catch (RuntimeException | Error e) {
                    synchronized (tiles) {
                        tiles.remove(index, slot);
                    }
                    slot.tile.completeExceptionally(e);
                }
            }
            try {
                slot.tile.join();
                return slot;
            } catch (CompletionException e) {
                unpin(slot);
                throw StripSink.unwrap(e);
            }
        }

        void unpin(Slot slot) {
            synchronized (tiles) {
                slot.pins--;
            }
        }

        void requested(int rows) {
            synchronized (tiles) {
                tallestRequest = Math.max(tallestRequest, rows);
            }
        }

        /**
         * Keeps the tiles of the rows of tiles that the strips in flight can span, and one more row;
         * tiles being decoded or read are never evicted. Evicted regions are kept for reuse.
         */
        private void evict() {
            long tileRows = ((window + 2L) * tallestRequest + page.blockHeight - 1) / page.blockHeight + 1;
            long capacity = Math.max(2, tileRows) * page.blocksAcross;
            Iterator<Map.Entry<Long, Slot>> it = tiles.entrySet().iterator();
            while (tiles.size() > capacity && it.hasNext()) {
                Slot old = it.next().getValue();
                if (old.tile.isDone() && old.pins == 0) {
                    it.remove();
                    Region r = old.tile.getNow(null);
                    if (r != null && spare.size() < page.blocksAcross) {
                        spare.add(r);
                    }
                }
            }
        }

        private Region decode(int bx, int by, BlockDecoder decoder, Region reuse) {
            int x0 = bx * page.blockWidth;
            int y0 = by * page.blockHeight;
            Rect r = new Rect(x0, y0, Math.min(page.blockWidth, page.width - x0), Math.min(page.blockHeight, page.height - y0));
            Region out = Region.reuse(reuse, r, page.outputBands(), page.format);
            decoder.start(bx, by, r.height());
            for (int y = r.y(); y < r.bottom(); y++) {
                decoder.row(y - y0, 0, r.width(), out, out.index(x0, y));
            }
            return out;
        }

        void release() {
            synchronized (tiles) {
                tiles.clear();
                spare.clear();
            }
            synchronized (this) {
                if (input != null) {
                    input.close();
                    input = null;
                }
            }
        }
    }

    private final class TileSequence implements Sequence {
        private final Cache cache;
        private final SinkRun run;
        private BlockDecoder decoder;
        private boolean closed;

        TileSequence(Cache cache, SinkRun run) {
            this.cache = cache;
            this.run = run;
        }

        @Override
        public void generate(Region out) {
            Rect r = out.rect();
            cache.requested(r.height());
            if (decoder == null) {
                decoder = new BlockDecoder(new BlockReader(page, cache.input(), failOnError), limits);
            }
            int bx0 = r.x() / page.blockWidth;
            int bx1 = (r.right() - 1) / page.blockWidth;
            int by0 = r.y() / page.blockHeight;
            int by1 = (r.bottom() - 1) / page.blockHeight;
            for (int by = by0; by <= by1; by++) {
                for (int bx = bx0; bx <= bx1; bx++) {
                    Slot slot = cache.pin(page.blockIndex(bx, by, 0), bx, by, decoder);
                    try {
                        out.copyFrom(slot.tile.join());
                    } finally {
                        cache.unpin(slot);
                    }
                }
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (decoder != null) {
                decoder.close();
            }
            // The last sequence of a run lets its tiles and file go (outside runs too: Image.fetch
            // would otherwise keep the file open as long as the image lives).
            synchronized (byRun) {
                if (--cache.users == 0) {
                    if (run != null) {
                        byRun.remove(run);
                    }
                    cache.release();
                }
            }
        }
    }
}
