package dev.lamina.core;

/**
 * The built, immutable half of an operation: parameters, prepared inputs and precomputed tables.
 * It computes nothing until a sink asks, through a {@link Sequence} per thread.
 */
public interface Producer {

    /** A new sequence for one worker thread. */
    Sequence start();

    /** How this producer and everything below it prefer to be asked for pixels. */
    default DemandHint demand() {
        return DemandHint.ANY;
    }
}
