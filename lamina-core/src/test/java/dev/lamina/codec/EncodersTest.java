package dev.lamina.codec;

import dev.lamina.model.ThumbnailOptions;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.PngOptions;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.hostile.HostileFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Files on the way out: temporary files tracked and swept, special files, and what a failed write says. */
class EncodersTest {
    @TempDir
    Path dir;

    static LaminaImage small() {
        byte[] rgb = new byte[8 * 6 * 3];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (byte) (i * 7);
        }
        return Lamina.fromPixels(rgb, 8, 6, 3);
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFailedSaveLeavesNoTemporaryFileAndNothingInFlight() throws IOException {
        // bad input found while pixels are pulled: the output is never created, the temporary file is gone
        byte[] truncated = HostileFiles.jpegHeader(64, 64, false, 8);
        LaminaImage bad = Lamina.open(truncated, "bad.jpg");
        Path out = dir.resolve("out.png");
        assertThrows(LaminaException.class, () -> bad.save(out));
        assertEquals(List.of(), names(dir));
        assertEquals(java.util.Set.of(), Encoders.inFlight());
    }

    @Test
    void staleTemporaryFilesOfLaminaAreSweptAndNothingElse() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("sweep"));
        Instant old = Instant.now().minus(Encoders.STALE_AFTER).minus(Duration.ofMinutes(5));
        Path stale = Files.writeString(folder.resolve(".photo.png.lamina-1234567890.part"), "left by a killed run");
        Files.setLastModifiedTime(stale, FileTime.from(old));
        Path fresh = Files.writeString(folder.resolve(".photo.png.lamina-987.part"), "being written now");
        Path foreign = Files.writeString(folder.resolve(".photo.png.1234.part"), "another tool's");
        Files.setLastModifiedTime(foreign, FileTime.from(old));
        Path download = Files.writeString(folder.resolve("movie.mkv.part"), "a browser's download");
        Files.setLastModifiedTime(download, FileTime.from(old));
        small().save(folder.resolve("out.png"));
        assertEquals(List.of(".photo.png.1234.part", ".photo.png.lamina-987.part", "movie.mkv.part", "out.png"), names(folder));
        assertTrue(Encoders.TEMPORARY.matcher(".out.png.lamina-42.part").matches());
    }

    @Test
    void whileASaveRunsItsTemporaryFileIsTrackedForTheShutdownHook() throws Exception {
        // an image whose pixels wait for the test: the save is caught in the middle
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Image slow = new Image(8, 6, Interpretation.GREY, false, BandFormat.U8, false, null, () -> region -> {
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Path out = dir.resolve("slow.png");
        Thread saver = Thread.ofPlatform().start(() -> Encoders.save(slow, out, PngOptions.png()));
        assertTrue(writing.await(30, TimeUnit.SECONDS));
        List<String> during = names(dir);
        assertEquals(1, during.size(), during.toString());
        assertTrue(Encoders.TEMPORARY.matcher(during.getFirst()).matches(), during.toString());
        assertEquals(java.util.Set.of(dir.resolve(during.getFirst())), Encoders.inFlight());
        release.countDown();
        saver.join();
        assertEquals(List.of("slow.png"), names(dir));
        assertEquals(java.util.Set.of(), Encoders.inFlight());
    }

    @Test
    void aPathThroughARegularFileSaysSo() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        LaminaException e = assertThrows(LaminaException.class, () -> small().save(file.resolve("out.png")));
        assertEquals(LaminaException.Kind.IO, e.kind());
        assertEquals(file.resolve("out.png") + ": cannot write: " + file + " is a file, not a folder", e.getMessage());
        LaminaException deeper = assertThrows(LaminaException.class,
                () -> small().save(file.resolve("a").resolve("b").resolve("out.png")));
        assertTrue(deeper.getMessage().endsWith(": cannot write: " + file + " is a file, not a folder"), deeper.getMessage());
        LaminaException missing = assertThrows(LaminaException.class, () -> small().save(dir.resolve("nope/out.png")));
        assertEquals(dir.resolve("nope/out.png") + ": cannot write: folder " + dir.resolve("nope") + " does not exist",
                missing.getMessage());
    }

    @Test
    void aFullDiskIsReportedWithTheOutputsName() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full here");
        for (String name : List.of("full.jpg", "full.png")) {
            Path out = Files.createSymbolicLink(dir.resolve(name), full);   // written in place: a device
            LaminaException e = assertThrows(LaminaException.class, () -> small().save(out));
            assertEquals(LaminaException.Kind.IO, e.kind());
            assertEquals(out + ": cannot write: No space left on device", e.getMessage());
        }
    }

    @Test
    void aFolderThatRefusesNewFilesGivesTheReason() {
        Path proc = Path.of("/proc");
        assumeTrue(Files.isDirectory(proc), "no /proc here");
        LaminaException e = assertThrows(LaminaException.class, () -> small().save(proc.resolve("x.png")));
        assertEquals(LaminaException.Kind.IO, e.kind());
        String m = e.getMessage();
        assertTrue(m.startsWith("/proc/x.png: cannot write: "), m);
        assertTrue(m.endsWith("folder /proc does not accept new files") || m.matches(".*: [a-z][^:]*$"), m);
        // a reason after the path, not the temporary file's name alone
        assertFalse(m.contains(".part"), m);
        assertTrue(m.matches(".*: [a-z][^:]*$"), m);
    }

    @Test
    void aFifoIsReadOnceAndWrittenIntoInPlace() throws Exception {
        assumeTrue(new java.io.File("/usr/bin/mkfifo").canExecute() || new java.io.File("/bin/mkfifo").canExecute(),
                "no mkfifo here");
        byte[] png = small().encode(PngOptions.png());
        Path in = mkfifo(dir.resolve("in.fifo"));
        Path out = mkfifo(dir.resolve("fifo.png"));   // a FIFO named like a PNG: the name says the format
        Thread writer = Thread.ofPlatform().start(() -> {
            try (OutputStream o = Files.newOutputStream(in)) {
                o.write(png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[][] written = new byte[1][];
        Thread reader = Thread.ofPlatform().start(() -> {
            try {
                written[0] = Files.readAllBytes(out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Lamina.open(in).save(out);   // opened once: a second open would wait for a writer forever
            writer.join();
            reader.join();
        });
        assertArrayEquals(png, written[0]);
        assertTrue(Files.exists(out) && !Files.isRegularFile(out), "the FIFO is still a FIFO");
        // a thumbnail (which opens a regular file twice) reads a FIFO once too
        Thread again = Thread.ofPlatform().start(() -> {
            try (OutputStream o = Files.newOutputStream(in)) {
                o.write(png);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            LaminaImage t = Lamina.thumbnail(in, dev.lamina.model.ThumbnailOptions.edge(4));
            again.join();
            assertEquals(4, t.width());
        });
    }

    static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo failed");
        return p;
    }
}
