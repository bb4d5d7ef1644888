package dev.lamina.codec;

import dev.lamina.model.JpegOptions;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.PngOptions;
import dev.lamina.model.SaveOptions;
import dev.lamina.model.TiffOptions;
import dev.lamina.codec.jpeg.JpegEncoder;
import dev.lamina.codec.png.PngEncoder;
import dev.lamina.codec.tiff.TiffEncoder;
import dev.lamina.core.Image;
import dev.lamina.core.IoReasons;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Writes images, to streams or to files. A file is written beside its final name, as
 * {@code .<name>.lamina-<digits>.part}, and renamed into place only when complete, so a failure
 * (bad input found halfway, a full disk) never leaves a partial or truncated file, and an existing
 * file is replaced in one step.
 *
 * <p><b>Temporary files on the way out.</b> Every temporary file being written is tracked; a JVM
 * shutdown hook (registered by this class when it writes its first file, so by the command line
 * and by any application alike) deletes the ones still in flight when the JVM is stopped
 * (SIGTERM, SIGINT, {@code System.exit}). A process killed outright (SIGKILL, a crash) cannot clean
 * up, so the first save into a folder in each process also deletes the temporary files that Lamina
 * left there (its exact naming only) more than {@link #STALE_AFTER} ago: one listing per folder per
 * process, and old enough that no live writer is still filling them.
 *
 * <p>A target that exists and is not a regular file (a FIFO, {@code /dev/stdout}) is written
 * straight to, with no temporary file: renaming over it would replace the device or pipe instead of
 * writing into it.
 */
public final class Encoders {
    /** Age after which a temporary file of Lamina's is taken as left by a process that died. */
    static final Duration STALE_AFTER = Duration.ofHours(1);
    /** Lamina's temporary file names: {@code .<target name>.lamina-<digits>.part}. */
    static final Pattern TEMPORARY = Pattern.compile("\\..+\\.lamina-[0-9]+\\.part");

    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicBoolean HOOKED = new java.util.concurrent.atomic.AtomicBoolean();

    private Encoders() {
    }

    public static SaveOptions defaultOptionsFor(Path file) {
        return switch (ImageFormat.forName(file)) {
            case PNG -> PngOptions.png();
            case JPEG -> JpegOptions.jpeg();
            case TIFF -> TiffOptions.tiff();
            case UNKNOWN -> throw new AssertionError();
        };
    }

    /** Writes to a stream (not closed) with the default limits; errors name the output "output". */
    public static void write(Image image, OutputStream out, SaveOptions options) throws IOException {
        write(image, out, options, "output", Limits.defaults());
    }

    /**
     * Writes to a stream (not closed); {@code name} names the output in errors, and what the
     * encoder holds (a progressive JPEG's coefficients) is checked against the memory budget of
     * {@code limits}.
     */
    public static void write(Image image, OutputStream out, SaveOptions options, String name, Limits limits)
            throws IOException {
        switch (options) {
            case PngOptions png -> PngEncoder.write(image, out, png, name);
            case JpegOptions jpeg -> JpegEncoder.write(image, out, jpeg, name, limits);
            case TiffOptions tiff -> TiffEncoder.write(image, out, tiff);
        }
    }

    public static void save(Image image, Path file, SaveOptions options) {
        save(image, file, options, Limits.defaults());
    }

    /** Saves to {@code file}, complete or not at all (see the class comment). */
    public static void save(Image image, Path file, SaveOptions options, Limits limits) {
        String name = String.valueOf(file);
        ImageFormat wanted = ImageFormat.forName(file);
        ImageFormat given = switch (options) {
            case PngOptions png -> ImageFormat.PNG;
            case JpegOptions jpeg -> ImageFormat.JPEG;
            case TiffOptions tiff -> ImageFormat.TIFF;
        };
        if (wanted != given) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the name says " + wanted + " but " + given + " options were given");
        }
        Path dir = file.toAbsolutePath().getParent();
        checkFolder(name, file, dir);
        if (Files.isDirectory(file)) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: it is a folder");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            writeInPlace(image, file, options, name, limits);
            return;
        }
        sweepStale(dir);
        Path tmp = createTemporary(name, file, dir);
        boolean done = false;
        try {
            if (options instanceof TiffOptions tiff) {
                TiffEncoder.save(image, tmp, tiff);   // seeks back to the header: written in place, not through a stream
            } else {
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                    write(image, out, options, name, limits);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + IoReasons.of(e), e);
        } finally {
            if (!done) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more can be done; the error being thrown is the one that matters
                }
            }
            IN_FLIGHT.remove(tmp);
        }
    }

    /** The folder the file goes in must exist; a path through a regular file says so. */
    private static void checkFolder(String name, Path file, Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path typed = file.getParent() != null ? file.getParent() : dir;
        Path p = dir;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            Path shown = typed;
            while (shown != null && !shown.toAbsolutePath().normalize().equals(p.normalize())) {
                shown = shown.getParent();
            }
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + (shown != null ? shown : p)
                    + " is a file, not a folder");
        }
        throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: folder " + typed + " does not exist");
    }

    private static Path createTemporary(String name, Path file, Path dir) {
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + file.getFileName() + ".lamina-", ".part");
        } catch (AccessDeniedException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: folder " + dir + " is not writable", e);
        } catch (java.nio.file.NoSuchFileException e) {
            // the folder is there (checked above) but refuses new files, as /proc and /sys do
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: folder " + dir
                    + " does not accept new files", e);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: cannot create a file in folder "
                    + dir + ": " + IoReasons.of(e), e);
        }
        hookShutdown();
        IN_FLIGHT.add(tmp);
        try {
            // A temporary file is private (0600); the finished image should be readable like any other.
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
        } catch (IOException e) {
            IN_FLIGHT.remove(tmp);
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the error below is the one that matters
            }
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + IoReasons.of(e), e);
        }
        return tmp;
    }

    /** A FIFO, a device or another special file: written straight into, as {@code cat > fifo} would. */
    private static void writeInPlace(Image image, Path file, SaveOptions options, String name, Limits limits) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.WRITE), 1 << 16)) {
            write(image, out, options, name, limits);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, name + ": cannot write: " + IoReasons.of(e), e);
        }
    }

    /**
     * Deletes, once per folder per process, Lamina's temporary files there that were last written
     * more than {@link #STALE_AFTER} ago (left by a process that was killed outright). Best effort:
     * a folder that cannot be listed, or a file that cannot be deleted, is left alone.
     */
    static void sweepStale(Path dir) {
        if (!SWEPT.add(dir)) {
            return;
        }
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.part")) {
            for (Path f : files) {
                if (!TEMPORARY.matcher(f.getFileName().toString()).matches() || IN_FLIGHT.contains(f)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile() && a.lastModifiedTime().toInstant().isBefore(before)) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // a sweep is housekeeping: it never makes a save fail
        }
    }

    /** Temporary files being written now: for tests. */
    static Set<Path> inFlight() {
        return Set.copyOf(IN_FLIGHT);
    }

    /** Registers, once, the shutdown hook that deletes the temporary files still being written. */
    private static void hookShutdown() {
        if (HOOKED.compareAndSet(false, true)) {
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(Encoders::deleteInFlight, "lamina-temporary-files"));
            } catch (IllegalStateException alreadyShuttingDown) {
                // a save started while the JVM stops: its own failure will delete its file
            }
        }
    }

    private static void deleteInFlight() {
        for (Path p : IN_FLIGHT) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException | RuntimeException ignored) {
                // the JVM is going away: delete what can be deleted
            }
        }
    }
}
