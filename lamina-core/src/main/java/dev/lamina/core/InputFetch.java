package dev.lamina.core;

/**
 * One input of an operation's sequence: the input's own sequence, started on first use (so a
 * worker that never needs this input never starts it), and a region reused between requests, so
 * steady-state generation allocates nothing. The region returned by {@link #fetch} stays valid
 * until the next fetch.
 */
public final class InputFetch implements AutoCloseable {
    private final Image image;
    private Sequence sequence;
    private Region region;

    public InputFetch(Image image) {
        this.image = image;
    }

    /** The pixels of {@code rect} (inside the input image). */
    public Region fetch(Rect rect) {
        if (sequence == null) {
            sequence = image.producer().start();
        }
        region = Region.reuse(region, rect, image.bands, image.format);
        sequence.generate(region);
        return region;
    }

    @Override
    public void close() {
        if (sequence != null) {
            sequence.close();
            sequence = null;
        }
    }
}
