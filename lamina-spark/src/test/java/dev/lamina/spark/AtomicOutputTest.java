package dev.lamina.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rename protocol on Hadoop's local file system, as tasks use it. */
class AtomicOutputTest {
    @TempDir
    java.nio.file.Path dir;

    private FileSystem fs() throws IOException {
        return AtomicOutput.outputFileSystem(new Path(dir.toUri()), new Configuration());
    }

    @Test
    void twinAttemptsLeaveOneCompleteFileAndNoTemporaries() throws Exception {
        FileSystem fs = fs();
        Path out = new Path(dir.toUri());
        Path tmp = AtomicOutput.temporaryFolder(out, "run");
        Path target = new Path(out, "sub/a.png");
        byte[] bytes = new byte[300_000];
        new java.util.Random(1).nextBytes(bytes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> attempts = new ArrayList<>();
        try (ExecutorService twins = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                attempts.add(twins.submit(() -> {
                    start.await();
                    return AtomicOutput.write(fs, tmp, target, false, o -> {
                        for (int k = 0; k < bytes.length; k += 4096) {
                            o.write(bytes, k, Math.min(4096, bytes.length - k));
                        }
                    });
                }));
            }
            start.countDown();
            for (Future<Long> f : attempts) {
                assertEquals(bytes.length, f.get());
            }
        }
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("sub/a.png")));
        try (Stream<java.nio.file.Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir.resolve("sub/a.png")), all.filter(Files::isRegularFile).toList(),
                    "one output, no temporary file, no checksum file");
        }
    }

    @Test
    void aFailedWriteLeavesNothing() throws IOException {
        FileSystem fs = fs();
        Path out = new Path(dir.toUri());
        Path target = new Path(out, "b.png");
        assertThrows(IOException.class, () -> AtomicOutput.write(fs, AtomicOutput.temporaryFolder(out, "run"), target, false, o -> {
            o.write(new byte[1000]);
            throw new IOException("encoder failed half way");
        }));
        assertFalse(fs.exists(target));
        try (Stream<java.nio.file.Path> all = Files.walk(dir)) {
            assertEquals(0, all.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void replaceSwapsAnEarlierRunsFile() throws IOException {
        FileSystem fs = fs();
        Path out = new Path(dir.toUri());
        Files.write(dir.resolve("c.png"), new byte[]{1, 2, 3});
        AtomicOutput.write(fs, AtomicOutput.temporaryFolder(out, "run"), new Path(out, "c.png"), true, o -> o.write(new byte[]{9, 9}));
        assertArrayEquals(new byte[]{9, 9}, Files.readAllBytes(dir.resolve("c.png")));
    }
}
