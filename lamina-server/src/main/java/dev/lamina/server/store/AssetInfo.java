package dev.lamina.server.store;

import java.time.Instant;

/**
 * What the store knows of one asset, read from its header when it was stored.
 *
 * @param version the first 16 bytes of the content's SHA-256, in hex: changes with every new
 *                content, so it goes into ETags and cache keys
 */
public record AssetInfo(String id, long bytes, String version, String mediaType, int width, int height,
                        Instant modified) {
}
