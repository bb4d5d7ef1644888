package dev.lamina.core;

import dev.lamina.model.Metadata;

/** A random-access image whose pixels are already in memory, in one region covering the image. */
public final class MemorySource implements Producer {
    private final Region pixels;

    private MemorySource(Region pixels) {
        this.pixels = pixels;
    }

    /** Wraps {@code pixels} (which must start at 0,0) as an image. The region must not change afterwards. */
    public static Image image(Region pixels, Interpretation interpretation, boolean hasAlpha, Metadata metadata) {
        Rect r = pixels.rect();
        if (r.x() != 0 || r.y() != 0) {
            throw new IllegalArgumentException("memory image must start at 0,0: " + r);
        }
        if (pixels.bands != interpretation.colourBands + (hasAlpha ? 1 : 0)) {
            throw new IllegalArgumentException(pixels.bands + " bands do not fit " + interpretation
                    + (hasAlpha ? " with alpha" : ""));
        }
        return new Image(r.width(), r.height(), interpretation, hasAlpha, pixels.format, false, metadata,
                new MemorySource(pixels));
    }

    @Override
    public Sequence start() {
        return out -> out.copyFrom(pixels);
    }
}
