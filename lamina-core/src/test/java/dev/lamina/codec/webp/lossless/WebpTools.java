package dev.lamina.codec.webp.lossless;

import dev.lamina.model.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test helper: libwebp's command-line tools (Debian's {@code webp} package) as the independent
 * oracle. {@code cwebp} makes files, {@code dwebp -pam} decodes them to RGBA. Tests that need them
 * skip with a visible note when they are absent.
 */
final class WebpTools {
    private WebpTools() {
    }

    static boolean available() {
        return onPath("cwebp") && onPath("dwebp");
    }

    static final String MISSING = "libwebp's cwebp/dwebp are not installed (Debian package 'webp'): skipping the comparison with libwebp";

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

    static void run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** cwebp with the given options on a PNG (or PAM) input; returns the file's bytes. */
    static byte[] cwebp(Path input, Path output, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("cwebp", "-quiet"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(input.toString(), "-o", output.toString()));
        run(cmd.toArray(String[]::new));
        return Files.readAllBytes(output);
    }

    /** dwebp's decoding of a WebP file as packed ARGB ints (read from its RGBA PAM output). */
    static int[] dwebp(Path webp, Path pam) throws IOException {
        run("dwebp", "-quiet", webp.toString(), "-pam", "-o", pam.toString());
        return Pam.read(Files.readAllBytes(pam)).argb();
    }

    /** A PAM image (RGBA, 8 bits), the format both tools read and write. */
    record Pam(int width, int height, int[] argb) {
        static Pam read(byte[] data) {
            int headerEnd = indexOf(data, "ENDHDR\n") + 7;
            String header = new String(data, 0, headerEnd, StandardCharsets.US_ASCII);
            int w = field(header, "WIDTH");
            int h = field(header, "HEIGHT");
            int depth = field(header, "DEPTH");
            int[] argb = new int[w * h];
            for (int i = 0, j = headerEnd; i < argb.length; i++, j += depth) {
                int r = data[j] & 0xFF;
                int g = depth > 1 ? data[j + 1] & 0xFF : r;
                int b = depth > 2 ? data[j + 2] & 0xFF : r;
                int a = depth == 4 ? data[j + 3] & 0xFF : depth == 2 ? data[j + 1] & 0xFF : 255;
                argb[i] = (a << 24) | (r << 16) | (g << 8) | b;
            }
            return new Pam(w, h, argb);
        }

        void write(Path file) throws IOException {
            String header = "P7\nWIDTH " + width + "\nHEIGHT " + height + "\nDEPTH 4\nMAXVAL 255\nTUPLTYPE RGB_ALPHA\nENDHDR\n";
            byte[] h = header.getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[h.length + argb.length * 4];
            System.arraycopy(h, 0, out, 0, h.length);
            for (int i = 0, j = h.length; i < argb.length; i++, j += 4) {
                int p = argb[i];
                out[j] = (byte) (p >>> 16);
                out[j + 1] = (byte) (p >>> 8);
                out[j + 2] = (byte) p;
                out[j + 3] = (byte) (p >>> 24);
            }
            Files.write(file, out);
        }

        private static int field(String header, String name) {
            for (String line : header.split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Integer.parseInt(line.substring(name.length() + 1).trim());
                }
            }
            throw new IllegalArgumentException("PAM without " + name);
        }

        private static int indexOf(byte[] data, String s) {
            byte[] t = s.getBytes(StandardCharsets.US_ASCII);
            outer:
            for (int i = 0; i + t.length <= data.length; i++) {
                for (int k = 0; k < t.length; k++) {
                    if (data[i + k] != t[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            throw new IllegalArgumentException("not a PAM file");
        }
    }

    /** Decodes a simple lossless WebP file with the decoder under test. */
    static int[] decode(byte[] webp, String name) {
        int[] chunk = WebpLosslessFile.findVp8l(webp, name);
        ArgbRowReader rows = Vp8lDecoder.rows(webp, chunk[0], chunk[1], name, dev.lamina.model.Limits.defaults());
        int[] all = new int[rows.width() * rows.height()];
        for (int y = 0; y < rows.height(); y++) {
            System.arraycopy(rows.nextRow(), 0, all, y * rows.width(), rows.width());
        }
        return all;
    }
}
