package dev.lamina.core;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One sequence of a producer per worker thread, made when a thread first needs it and closed
 * together at the end of a sink run. Pool threads are shared between runs, so the set belongs to
 * the run, not to the thread.
 */
public final class SequenceSet implements AutoCloseable {
    private final Producer producer;
    private final ConcurrentHashMap<Thread, Sequence> byThread = new ConcurrentHashMap<>();

    public SequenceSet(Producer producer) {
        this.producer = producer;
    }

    /** The calling thread's sequence. */
    public Sequence get() {
        return byThread.computeIfAbsent(Thread.currentThread(), t -> producer.start());
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Sequence s : byThread.values()) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        byThread.clear();
        if (first != null) {
            throw first;
        }
    }
}
