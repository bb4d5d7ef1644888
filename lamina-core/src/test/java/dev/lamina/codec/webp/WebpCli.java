package dev.lamina.codec.webp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: libwebp's command-line tools (Debian's {@code webp} package) as the independent
 * judge of the files Lamina writes: {@code dwebp} decodes them, {@code webpinfo} checks the
 * container, {@code webpmux} extracts metadata, {@code cwebp} is the encoder compared with.
 */
final class WebpCli {
    static final String MISSING = "libwebp's tools (cwebp, dwebp, webpinfo, webpmux; Debian package 'webp') are not installed: skipping";

    private WebpCli() {
    }

    static boolean available() {
        return onPath("cwebp") && onPath("dwebp") && onPath("webpinfo") && onPath("webpmux");
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command; returns its output (stdout and stderr), failing the test on a non-zero exit. */
    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** dwebp's decoding as packed ARGB. */
    static int[] dwebp(Path webp) throws IOException {
        Path pam = webp.resolveSibling(webp.getFileName() + ".pam");
        run("dwebp", "-quiet", webp.toString(), "-pam", "-o", pam.toString());
        byte[] data = Files.readAllBytes(pam);
        String head = new String(data, 0, Math.min(data.length, 200), StandardCharsets.US_ASCII);
        int end = head.indexOf("ENDHDR\n") + 7;
        int w = field(head, "WIDTH");
        int h = field(head, "HEIGHT");
        int depth = field(head, "DEPTH");
        int[] argb = new int[w * h];
        for (int i = 0, j = end; i < argb.length; i++, j += depth) {
            int a = depth == 4 ? data[j + 3] & 0xff : 0xff;
            argb[i] = (a << 24) | ((data[j] & 0xff) << 16) | ((data[j + 1] & 0xff) << 8) | (data[j + 2] & 0xff);
        }
        return argb;
    }

    private static int field(String header, String name) {
        for (String line : header.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Integer.parseInt(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("PAM without " + name);
    }

    /** PSNR of the RGB samples of two ARGB images, in dB (99 when identical). */
    static double psnr(int[] a, int[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            for (int s = 0; s <= 16; s += 8) {
                int d = ((a[i] >> s) & 0xff) - ((b[i] >> s) & 0xff);
                se += d * d;
            }
        }
        if (se == 0) {
            return 99;
        }
        return 10 * Math.log10(255.0 * 255.0 * 3 * a.length / se);
    }
}
