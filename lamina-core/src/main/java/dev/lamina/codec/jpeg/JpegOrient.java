package dev.lamina.codec.jpeg;

import dev.lamina.core.Image;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

/**
 * Applies an EXIF orientation (2-8) to a decoded U8 image: materialises it and copies pixels to
 * their upright place. A small private stand-in until dev.lamina.conversion.Orient exists.
 */
final class JpegOrient {
    private JpegOrient() {
    }

    static Image apply(Image image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        // fetch, not materialise: StripSink.run(image, consumer) hands the consumer regions that
        // workers already recycle (see the report of issue 5)
        Image m = image;
        long samples = image.pixels() * image.bands;
        if (samples > Integer.MAX_VALUE - 16) {
            throw new dev.lamina.LaminaException("image of " + image.width + "x" + image.height
                    + " is too large to rotate in memory");
        }
        Region src = m.fetch(m.bounds());
        int w = m.width;
        int h = m.height;
        boolean swap = orientation >= 5;
        int ow = swap ? h : w;
        int oh = swap ? w : h;
        int b = m.bands;
        Region out = Region.allocate(Rect.of(ow, oh), b, m.format);
        byte[] s = src.u8();
        byte[] d = out.u8();
        // Source coordinates are affine in the output's: sx = ax x + bx y + cx, sy = ay x + by y + cy.
        int ax = 0, bx = 0, cx = 0, ay = 0, by = 0, cy = 0;
        switch (orientation) {
            case 2 -> { ax = -1; cx = w - 1; by = 1; }
            case 3 -> { ax = -1; cx = w - 1; by = -1; cy = h - 1; }
            case 4 -> { ax = 1; by = -1; cy = h - 1; }
            case 5 -> { bx = 1; ay = 1; }
            case 6 -> { bx = 1; ay = -1; cy = h - 1; }
            case 7 -> { bx = -1; cx = w - 1; ay = -1; cy = h - 1; }
            default -> { bx = -1; cx = w - 1; ay = 1; }
        }
        int stepX = (ay * w + ax) * b;
        int stepY = (by * w + bx) * b;
        int o = 0;
        for (int y = 0; y < oh; y++) {
            int si = ((cy + by * y) * w + cx + bx * y) * b;
            for (int x = 0; x < ow; x++, si += stepX) {
                for (int k = 0; k < b; k++) {
                    d[o++] = s[si + k];
                }
            }
        }
        return MemorySource.image(out, m.interpretation, m.hasAlpha, m.metadata.withOrientation(1));
    }
}
