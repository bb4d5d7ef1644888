package dev.lamina.model;

/**
 * What fills the new pixels when an image is extended (sharp's {@code extendWith}, libvips'
 * {@code VipsExtend}). For an image {@code n} pixels wide placed at 0, new pixel {@code u} (left
 * of the image when negative, right of it from {@code n}) takes, per axis:
 * <ul>
 * <li>{@link #BACKGROUND}: a colour;</li>
 * <li>{@link #COPY}: the nearest edge pixel, {@code clamp(u, 0, n - 1)};</li>
 * <li>{@link #REPEAT}: the image tiled, {@code u mod n};</li>
 * <li>{@link #MIRROR}: the image reflected with its edge pixels repeated ({@code ...c b a | a b c
 * | c b a...}), that is the tile {@code image | flipped image} repeated with period {@code 2n}:
 * {@code m = u mod 2n}, then {@code m} if {@code m < n}, else {@code 2n - 1 - m}. This is
 * libvips' {@code VIPS_EXTEND_MIRROR} (a 2x2 tile of the image and its flips, repeated).</li>
 * </ul>
 *
 * <p>Immutable and thread-safe, like every value type of this package.
 */
public enum ExtendWith {
    BACKGROUND, COPY, REPEAT, MIRROR
}
