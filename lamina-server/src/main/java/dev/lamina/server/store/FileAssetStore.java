package dev.lamina.server.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Assets as files under {@code DATA/assets/ID}. An upload is written to {@code DATA/tmp}, synced,
 * and renamed over the asset in one atomic step, so readers see the old or the new content and a
 * crash or an aborted upload leaves at most a temporary file, which the next start removes.
 * Descriptions (size, version, media type, dimensions) are kept in memory and checked against the
 * file's identity (inode, size, time), so a restart or a change made behind the server's back is
 * noticed and re-read.
 */
public final class FileAssetStore implements AssetStore {
    private final Path assets;
    private final Path tmp;
    private final NavigableSet<String> ids = new ConcurrentSkipListSet<>();
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];
    private final Dimensions dimensions;

    /** Reads an asset's width and height from its header (the engine's business, not the store's). */
    public interface Dimensions {
        int[] of(Path file, String id);
    }

    private record Known(AssetInfo info, Object fileKey, long size, long modified) {
    }

    public FileAssetStore(Path data, Dimensions dimensions) throws IOException {
        this.assets = Files.createDirectories(data.resolve("assets"));
        this.tmp = Files.createDirectories(data.resolve("tmp"));
        this.dimensions = dimensions;
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(tmp)) {
            for (Path p : leftovers) {
                Files.deleteIfExists(p);   // uploads that a crash interrupted
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(assets)) {
            for (Path p : files) {
                String id = p.getFileName().toString();
                if (ID.matcher(id).matches() && Files.isRegularFile(p)) {
                    ids.add(id);
                }
            }
        }
    }

    /** The folder that holds the assets, taken out of the engine's messages before clients see them. */
    public Path folder() {
        return assets;
    }

    /** The folder of uploads in progress. */
    public Path uploads() {
        return tmp;
    }

    private Object lock(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    @Override
    public Path file(String id) {
        return assets.resolve(id);
    }

    @Override
    public AssetInfo info(String id) throws IOException {
        Path f = assets.resolve(id);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(f, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            known.remove(id);
            return null;
        }
        Known k = known.get(id);
        if (k != null && java.util.Objects.equals(k.fileKey, a.fileKey()) && k.size == a.size()
                && k.modified == a.lastModifiedTime().toMillis()) {
            return k.info;
        }
        // Not seen since the start (or changed behind our back): describe it from the file.
        String version;
        String mediaType;
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest sha = sha256();
            byte[] buf = new byte[64 * 1024];
            byte[] head = new byte[16];
            int headLength = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                if (headLength < head.length) {
                    int c = Math.min(n, head.length - headLength);
                    System.arraycopy(buf, 0, head, headLength, c);
                    headLength += c;
                }
                sha.update(buf, 0, n);
            }
            version = HexFormat.of().formatHex(sha.digest(), 0, 16);
            mediaType = MediaTypes.sniff(head, headLength);
        } catch (NoSuchFileException e) {
            return null;
        }
        int[] wh = dimensions.of(f, id);
        AssetInfo info = new AssetInfo(id, a.size(), version, mediaType, wh[0], wh[1], a.lastModifiedTime().toInstant());
        known.put(id, new Known(info, a.fileKey(), a.size(), a.lastModifiedTime().toMillis()));
        ids.add(id);
        return info;
    }

    @Override
    public Upload begin(String id) throws IOException {
        Path file = Files.createTempFile(tmp, "upload-", ".part");
        return new FileUpload(id, file);
    }

    @Override
    public boolean delete(String id) throws IOException {
        synchronized (lock(id)) {
            known.remove(id);
            ids.remove(id);
            return Files.deleteIfExists(assets.resolve(id));
        }
    }

    @Override
    public List<AssetInfo> list(String after, int limit) throws IOException {
        List<AssetInfo> out = new ArrayList<>(limit);
        for (String id : after == null ? ids : ids.tailSet(after, false)) {
            AssetInfo info = info(id);
            if (info != null) {
                out.add(info);
                if (out.size() == limit) {
                    break;
                }
            } else {
                ids.remove(id);
            }
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    private final class FileUpload implements Upload {
        private final String id;
        private final Path file;
        private final MessageDigest sha = sha256();
        private final OutputStream out;
        private final byte[] head = new byte[16];
        private int headLength;
        private boolean committed;

        FileUpload(String id, Path file) throws IOException {
            this.id = id;
            this.file = file;
            OutputStream raw = new DigestOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), sha);
            this.out = new BufferedOutputStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    if (headLength < head.length) {
                        int c = Math.min(len, head.length - headLength);
                        System.arraycopy(b, off, head, headLength, c);
                        headLength += c;
                    }
                    raw.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    raw.close();
                }
            }, 64 * 1024);
        }

        @Override
        public OutputStream out() {
            return out;
        }

        @Override
        public Path file() {
            return file;
        }

        @Override
        public AssetInfo commit(int width, int height) throws IOException {
            out.close();
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.force(true);   // the bytes are on disk before the name points at them
            }
            String version = HexFormat.of().formatHex(sha.digest(), 0, 16);
            Path target = assets.resolve(id);
            synchronized (lock(id)) {
                try {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the asset folder does not support atomic renames", e);
                }
                committed = true;
                BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class);
                AssetInfo info = new AssetInfo(id, a.size(), version, MediaTypes.sniff(head, headLength), width, height,
                        a.lastModifiedTime().toInstant());
                known.put(id, new Known(info, a.fileKey(), a.size(), a.lastModifiedTime().toMillis()));
                ids.add(id);
                return info;
            }
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
