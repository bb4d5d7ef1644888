package dev.lamina.recipe;

import dev.lamina.LaminaImage;
import dev.lamina.model.ThumbnailOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * One render's view of its {@link Assets}: each name asked once for its header and once for its
 * pixels (a source's {@code image} may decode and pin, or open a file), and image layers' resizes
 * sent to the source's {@code thumbnail} when it has one. Used by one thread.
 */
final class AssetTable {
    private final Assets source;
    private final Map<String, LaminaImage> headers = new HashMap<>();
    private final Map<String, LaminaImage> pixels = new HashMap<>();

    AssetTable(Assets source) {
        this.source = source;
    }

    /** The asset for its size only (the checks): the source's header, or its image when it has none. */
    LaminaImage header(String name, String path) {
        LaminaImage img = pixels.get(name);
        if (img == null) {
            img = headers.get(name);
        }
        if (img == null) {
            img = source.header(name, path);
            if (img == null) {
                return image(name, path);
            }
            headers.put(name, img);
        }
        return img;
    }

    /** The asset's pixels. */
    LaminaImage image(String name, String path) {
        LaminaImage img = pixels.get(name);
        if (img == null) {
            img = source.image(name, path);
            pixels.put(name, img);
        }
        return img;
    }

    /** The asset resized into the options' box at 16 bits: loaded again by the source, or from its pixels. */
    LaminaImage thumbnail(String name, String path, ThumbnailOptions options) {
        LaminaImage t = source.thumbnail(name, path, options);
        return t != null ? t : image(name, path).bitDepth(16).thumbnail(options);
    }
}
