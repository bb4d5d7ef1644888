package dev.lamina.codec.tiff;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The independent TIFF implementations the tests check against: libtiff's own tools (Debian's
 * libtiff-tools: raw2tiff, tiffcp, tiffset, tiff2rgba, tiffinfo, tiffcmp, tiffmedian) and libvips
 * (libvips-tools: vips). A test that needs one that is absent is skipped with a note on standard
 * error, so a machine without them still runs the hand-made tests; CI installs both.
 */
final class ExternalTools {
    private static final Set<String> NOTED = ConcurrentHashMap.newKeySet();

    private ExternalTools() {
    }

    static boolean has(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Skips the calling test, visibly, unless {@code tool} is installed. */
    static void require(String tool, String debianPackage) {
        boolean present = has(tool);
        if (!present && NOTED.add(tool)) {
            System.err.println("NOTE: " + tool + " is not installed (Debian package " + debianPackage
                    + "): the TIFF tests that check against it are SKIPPED");
        }
        Assumptions.assumeTrue(present, tool + " (" + debianPackage + ") not installed");
    }

    static void libtiff() {
        require("tiffcp", "libtiff-tools");
    }

    static void vips() {
        require("vips", "libvips-tools");
    }

    /** Runs a command in {@code dir}; returns its standard output, fails with its standard error. */
    static byte[] run(Path dir, String... command) {
        try {
            Path err = Files.createTempFile(dir, "stderr", ".txt");
            Process p = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                    .redirectError(err.toFile()).start();
            p.getOutputStream().close();
            byte[] out;
            try (InputStream o = p.getInputStream()) {
                out = o.readAllBytes();
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + ": timed out");
            }
            String message = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(err);
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + p.exitValue() + "): " + message);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
