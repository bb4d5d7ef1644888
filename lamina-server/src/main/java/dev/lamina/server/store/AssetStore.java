package dev.lamina.server.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where assets live. The embedded one is {@link FileAssetStore}; a store in a bucket or a
 * database would implement this. Ids match {@link #ID}. Implementations are thread-safe, and
 * every change is atomic: a reader sees an asset's old content or its new content, never a mix,
 * and a failed or aborted upload leaves nothing.
 */
public interface AssetStore {
    /** Asset ids: a letter or digit, then letters, digits, '.', '_' or '-'; at most 128. */
    java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** The asset's description, or null when there is none. */
    AssetInfo info(String id) throws IOException;

    /** The file holding the asset's bytes (valid until the asset is replaced or deleted). */
    Path file(String id);

    /** Starts an upload: bytes go to a temporary place until {@link Upload#commit()}. */
    Upload begin(String id) throws IOException;

    boolean delete(String id) throws IOException;

    /** Up to {@code limit} assets in id order, starting after {@code after} (null: from the start). */
    List<AssetInfo> list(String after, int limit) throws IOException;

    /** An upload in progress. Closing it without a commit removes what was written. */
    interface Upload extends AutoCloseable {
        OutputStream out();

        /** The temporary file, for validation before the commit. */
        Path file();

        /** Makes the upload the asset's content, atomically; concurrent commits: the last one wins. */
        AssetInfo commit(int width, int height) throws IOException;

        @Override
        void close() throws IOException;
    }
}
