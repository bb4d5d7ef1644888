package dev.lamina.core;

import dev.lamina.model.LaminaException;

/**
 * A sequential decoder read ahead of its reader on a thread of its own, so that the decoding of a
 * file (entropy decoding is serial in every format) overlaps the work its reader does on the rows
 * already decoded, as libvips' sequential loaders do. It is for a sole reader that works between
 * its requests ({@link #asSoleReader}: a resize sweep), in a run of two workers or more: a
 * thumbnail's JPEG decode and its resize each take about half of its CPU, and without this they
 * ran one after the other on the worker holding the sweep. (Strips pulled by parallel workers
 * overlap already: one decodes under the file's lock while the others work on their rows.)
 *
 * <p>Rows are decoded a chunk (about 64 KiB of samples) at a time into {@link #BUFFERS} buffers;
 * the reader copies each row out of its chunk's buffer, and a buffer is decoded into again once its
 * chunk has been read. The reader waits for the thread only while the thread is alive, and the
 * thread, a virtual thread outside the pool, waits for nothing but a free buffer, which it always
 * has when the reader needs its chunk: so the engine's rule that no job waits for another job that
 * may not run holds. Should the thread end early, the reader decodes what is left itself.
 *
 * <p>The output is the decoder's, byte for byte: the same rows in the same order, whoever decodes
 * them. An error thrown while decoding row {@code y} is kept and thrown to the reader when it asks
 * for row {@code y}, after the rows before it, as without read-ahead. The thread runs with the
 * reader's run bound (its deadline and cancellation) and holds one of the run's {@link Workers}'
 * read-ahead permits ({@code parallelism - 1} of them), so however many runs are going on, no more
 * than that many decoders are read ahead at once.
 *
 * <p>Thread-safe for one reader and the read-ahead thread.
 */
public final class ReadAheadRows implements RowDecoder {
    /** Bound while a sole reader fetches rows ({@link #asSoleReader}). */
    private static final ScopedValue<Boolean> SOLE_READER = ScopedValue.newInstance();
    /**
     * {@code -Dlamina.readAhead=false} turns read-ahead off: for a service that wants no thread
     * besides its pool, and to measure what read-ahead gives.
     */
    private static final boolean ENABLED = !"false".equals(System.getProperty("lamina.readAhead"));

    /** Chunks decoded ahead or being read: one read, two ahead. */
    static final int BUFFERS = 3;
    /**
     * About this many bytes of samples per chunk: a hand-off (a park and an unpark when the reader
     * waits, as it does at every chunk when decoding is the slower side) must be noise beside the
     * chunk's work (16 KiB chunks, six rows of a thumbnail's 816-pixel input, with a lock per row,
     * cost 2-3 ms more CPU per thumbnail: docs/benchmarks.md, "read-ahead for the resize sweep").
     */
    private static final long CHUNK_BYTES = 64 * 1024;
    /** Rows per chunk at most, so that a narrow image is still read ahead in small steps. */
    private static final int MAX_CHUNK_ROWS = 64;
    /** Above this much buffer memory (very wide images) the decoder is read as it is. */
    private static final long MAX_BYTES = 1 << 20;

    private final RowDecoder inner;
    private final int width;
    private final int height;
    private final int chunkRows;
    private final Region[] buffers = new Region[BUFFERS];
    private final Workers workers;
    /**
     * Rows [0, readyRows) are decoded into their chunks' buffers. Written under this; volatile so
     * that the reader's usual case, a row that is ready, takes no lock.
     */
    private volatile int readyRows;
    /** Chunks [0, readChunks) have been read: their buffers may be decoded into again. Written by the reader alone. */
    private volatile int readChunks;
    /** The thread waits for a free buffer: the reader, having freed one, wakes it. */
    private volatile boolean producerWaiting;
    /** What decoding row {@link #readyRows} threw, or null. Guarded by this. */
    private Throwable failure;
    /**
     * A chunk is being decoded (by the thread or the reader): whoever set it is the only one
     * touching {@link #inner} until it is cleared. Guarded by this.
     */
    private boolean decodingNow;
    /** The read-ahead thread has not ended. Guarded by this. */
    private boolean producing = true;
    /** Guarded by this. */
    private boolean closed;

    private ReadAheadRows(RowDecoder inner, int width, int height, int bands, BandFormat format, int chunkRows,
                          Workers workers) {
        this.inner = inner;
        this.width = width;
        this.height = height;
        this.chunkRows = chunkRows;
        this.workers = workers;
        for (int i = 0; i < BUFFERS; i++) {
            buffers[i] = Region.allocate(new Rect(0, 0, width, chunkRows), bands, format);
        }
    }

    /**
     * Runs {@code fetch}, in which the caller asks images for rows as their only reader, from the
     * top down, doing work of its own between requests (a resize sweep): the files' decoders opened
     * for it may be read ahead on another thread. Strips pulled by parallel workers do not need
     * this: there one worker decodes under the file's lock while the others work on their rows.
     */
    public static void asSoleReader(Runnable fetch) {
        ScopedValue.where(SOLE_READER, Boolean.TRUE).run(fetch);
    }

    /**
     * {@code inner} read ahead when its reader is a sole reader ({@link #asSoleReader}) in a run of
     * more than one worker, a permit is free and the image is worth it; otherwise {@code inner}.
     */
    static RowDecoder wrap(RowDecoder inner, int width, int height, int bands, BandFormat format) {
        SinkRun run = SinkRun.current();
        if (!ENABLED || run == null || !SOLE_READER.orElse(Boolean.FALSE)) {
            return inner;   // outside any run (one thread by definition), or read by parallel strips
        }
        Workers workers = run.context.workers();
        long rowBytes = (long) width * bands * format.bytes;
        int chunkRows = (int) Math.max(1, Math.min(MAX_CHUNK_ROWS, CHUNK_BYTES / Math.max(1, rowBytes)));
        if (workers.parallelism() < 2 || height < 2 * chunkRows || BUFFERS * chunkRows * rowBytes > MAX_BYTES) {
            return inner;
        }
        if (!workers.tryStartReadAhead()) {
            return inner;   // as many decoders as the pool has spare threads are read ahead already
        }
        try {
            ReadAheadRows rows = new ReadAheadRows(inner, width, height, bands, format, chunkRows, workers);
            Thread.ofVirtual().name("lamina-read-ahead").start(() -> rows.produce(run));
            return rows;
        } catch (RuntimeException e) {
            workers.endReadAhead();
            return inner;   // no thread to be had: read it as it is
        }
    }

    @Override
    public void decodeRow(Region dst, int y) {
        int chunk = y / chunkRows;
        if (y >= readyRows) {
            awaitRow(y);
        }
        dst.copyFrom(buffers[chunk % BUFFERS], new Rect(0, y, width, 1));
        if (y == Math.min(height, (chunk + 1) * chunkRows) - 1) {
            readChunks = chunk + 1;
            if (producerWaiting) {
                synchronized (this) {
                    notifyAll();
                }
            }
        }
    }

    /** Row {@code y} decoded into its buffer: by the thread (waited for) or here; or its error thrown. */
    private void awaitRow(int y) {
        boolean decodeHere;
        synchronized (this) {
            // While the thread is alive the chunk is its to decode (it is decoding it, or will as
            // soon as it is scheduled: it waits for nothing else when the reader needs a chunk):
            // wait for it without spinning (a chunk is more work than a monitor spins for).
            while (y >= readyRows && failure == null && (decodingNow || producing)) {
                waitUninterrupted();
            }
            if (y >= readyRows && failure != null) {
                throw rethrown(failure);
            }
            // The thread has ended (an unexpected error in it): decode it here.
            decodeHere = y >= readyRows;
            if (decodeHere) {
                decodingNow = true;
            }
        }
        if (decodeHere) {
            Jitter.at(Jitter.Site.READ_AHEAD);
            decodeChunk();
            synchronized (this) {
                if (y >= readyRows) {
                    throw rethrown(failure);   // decodeChunk stopped before row y: it kept why
                }
            }
        }
    }

    /** The read-ahead thread: the run bound, then {@link #produceChunks}; its permit given back at the end. */
    private void produce(SinkRun run) {
        try {
            run.within(() -> {
                produceChunks();
                return null;
            });
        } catch (Throwable t) {
            // Decoding errors are kept for the reader by decodeChunk; anything else here leaves the
            // rest to the reader, which decodes what is not ready itself.
        } finally {
            synchronized (this) {
                producing = false;
                notifyAll();
            }
            workers.endReadAhead();
        }
    }

    /** Chunks while a buffer is free, until the end, an error, close or an interrupt. */
    private void produceChunks() {
        while (true) {
            synchronized (this) {
                // producerWaiting is set before readChunks is read, and the reader writes
                // readChunks before it reads producerWaiting: one of them sees the other
                producerWaiting = true;
                try {
                    while (!closed && failure == null && readyRows < height
                            && (decodingNow || readyRows / chunkRows >= readChunks + BUFFERS)) {
                        wait();
                    }
                } catch (InterruptedException e) {
                    return;
                } finally {
                    producerWaiting = false;
                }
                if (closed || failure != null || readyRows >= height) {
                    return;
                }
                decodingNow = true;
            }
            Jitter.at(Jitter.Site.READ_AHEAD);
            decodeChunk();
        }
    }

    /**
     * Decodes the chunk that holds row {@link #readyRows} into its buffer; the caller has set
     * {@link #decodingNow}, which makes it the only one touching the decoder, and this clears it.
     * A failure is kept for the reader, with the rows before it ready.
     */
    private void decodeChunk() {
        int y0;
        synchronized (this) {
            y0 = readyRows;
        }
        int chunk = y0 / chunkRows;
        int y1 = Math.min(height, (chunk + 1) * chunkRows);
        Region buffer = buffers[chunk % BUFFERS];
        buffer.resize(new Rect(0, chunk * chunkRows, width, chunkRows));
        int y = y0;
        Throwable failed = null;
        try {
            for (; y < y1; y++) {
                inner.decodeRow(buffer, y);
            }
        } catch (Throwable t) {
            failed = t;
        }
        synchronized (this) {
            readyRows = y;
            failure = failed;
            decodingNow = false;
            notifyAll();
        }
    }

    /** Waits on this; an interrupt is kept for the caller's later checks, not lost. */
    private void waitUninterrupted() {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the run's own checks (cancellation, deadline) decide what an interrupt means
            throw new LaminaException(LaminaException.Kind.CANCELLED, "interrupted while reading the image", e);
        }
    }

    private static RuntimeException rethrown(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new LaminaException(LaminaException.Kind.INTERNAL, String.valueOf(t.getMessage()), t);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
            // after the chunk being decoded, if any: the decoder is never closed under the other thread
            boolean interrupted = false;
            while (decodingNow) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        inner.close();
    }
}
