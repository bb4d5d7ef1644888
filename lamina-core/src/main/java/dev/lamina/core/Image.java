package dev.lamina.core;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;

import java.util.Objects;

/**
 * An immutable description of an image (size, bands, format, meaning, alpha, metadata) plus the
 * producer that can compute any rectangle of it. Building a chain of operations computes nothing;
 * a sink pulls pixels through the chain.
 *
 * <p>{@code sequential} images come from decoders that read their file once from top to bottom:
 * they must be asked for rows in roughly increasing order (a sink does that). Operations that
 * need random access to such an input ask for {@link #materialise()} first.
 */
public final class Image {
    public final int width;
    public final int height;
    public final Interpretation interpretation;
    public final boolean hasAlpha;
    public final BandFormat format;
    public final int bands;
    public final boolean sequential;
    public final Metadata metadata;
    private final Producer producer;

    public Image(int width, int height, Interpretation interpretation, boolean hasAlpha, BandFormat format,
                 boolean sequential, Metadata metadata, Producer producer) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive, not " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.interpretation = Objects.requireNonNull(interpretation);
        this.hasAlpha = hasAlpha;
        this.format = Objects.requireNonNull(format);
        this.bands = interpretation.colourBands + (hasAlpha ? 1 : 0);
        this.sequential = sequential;
        this.metadata = metadata == null ? Metadata.NONE : metadata;
        this.producer = Objects.requireNonNull(producer);
    }

    /** The same description with another producer: what most operations return. */
    public Image withProducer(Producer p, boolean isSequential) {
        return new Image(width, height, interpretation, hasAlpha, format, isSequential, metadata, p);
    }

    public Image withMetadata(Metadata m) {
        return new Image(width, height, interpretation, hasAlpha, format, sequential, m, producer);
    }

    public Producer producer() {
        return producer;
    }

    public Rect bounds() {
        return Rect.of(width, height);
    }

    public long pixels() {
        return (long) width * height;
    }

    /** An empty region with this image's layout for {@code rect}. */
    public Region newRegion(Rect rect) {
        return Region.allocate(rect, bands, format);
    }

    /**
     * Computes one rectangle on the calling thread. For tests, small images and operations that
     * are given a random-access input; sinks use the worker pool instead.
     */
    public Region fetch(Rect rect) {
        if (!bounds().contains(rect)) {
            throw new IllegalArgumentException(rect + " is outside the " + width + "x" + height + " image");
        }
        Region out = newRegion(rect);
        try (Sequence s = producer.start()) {
            s.generate(out);
        }
        return out;
    }

    /**
     * This image computed once into memory, as a random-access image. Memory grows with the area:
     * use only where an operation really needs the whole input at once. The buffer is checked
     * against the memory budget of {@code limits} first; errors name the image {@code name}.
     */
    public Image materialise(Limits limits, String name) {
        if (producer instanceof MemorySource) {
            return this;
        }
        checkWhole(limits, name, "holding the " + width + "x" + height + " image in memory");
        Region all = newRegion(bounds());
        StripSink.run(this, strip -> all.copyFrom(strip));
        return MemorySource.image(all, interpretation, hasAlpha, metadata);
    }

    /**
     * Checks that this image fits one Java array and the memory budget before {@code what}
     * allocates it whole (width x height x bands samples).
     */
    public void checkWhole(Limits limits, String name, String what) {
        long samples = Limits.product(width, height, bands);
        if (samples > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + what + " needs " + samples
                    + " samples, more than one Java array holds (2^31)");
        }
        limits.checkMemory(name, Limits.product(samples, format.bytes), what);
    }

    @Override
    public String toString() {
        return width + "x" + height + " " + interpretation + (hasAlpha ? "A" : "") + " " + format
                + (sequential ? " sequential" : "");
    }
}
