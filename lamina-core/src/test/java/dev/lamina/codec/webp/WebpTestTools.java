package dev.lamina.codec.webp;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper for the WebP container and the lossy decoder: libwebp's tools (Debian's {@code webp}
 * package: cwebp, dwebp, webpmux, img2webp) make the files and decode them as the oracle. Tests
 * skip with a visible note when the tools are absent.
 */
public final class WebpTestTools {
    private WebpTestTools() {
    }

    public static final String MISSING = "libwebp's cwebp/dwebp are not installed (Debian package 'webp'): skipping the comparison with libwebp";

    public static boolean available() {
        return onPath("cwebp") && onPath("dwebp");
    }

    public static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command; returns its output (stdout and stderr), failing the test on a non-zero exit. */
    public static String run(String... command) {
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

    /** cwebp with the given options; returns the file's bytes. */
    public static byte[] cwebp(Path input, Path output, String... options) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("cwebp", "-quiet"));
        cmd.addAll(List.of(options));
        cmd.addAll(List.of(input.toString(), "-o", output.toString()));
        run(cmd.toArray(String[]::new));
        return Files.readAllBytes(output);
    }

    /** dwebp's RGB samples (its PPM output, without the header). */
    public static byte[] dwebpRgb(Path webp, Path ppm) throws IOException {
        run("dwebp", "-quiet", webp.toString(), "-ppm", "-o", ppm.toString());
        return body(Files.readAllBytes(ppm), 4);
    }

    /** dwebp's RGBA samples (its PAM output, without the header). */
    public static byte[] dwebpRgba(Path webp, Path pam) throws IOException {
        run("dwebp", "-quiet", webp.toString(), "-pam", "-o", pam.toString());
        byte[] data = Files.readAllBytes(pam);
        int end = indexOf(data, "ENDHDR\n") + 7;
        return java.util.Arrays.copyOfRange(data, end, data.length);
    }

    /** dwebp's decoding as packed ARGB (read from its PAM output, written beside the file). */
    public static int[] dwebpArgb(Path webp) throws IOException {
        Path pam = webp.resolveSibling(webp.getFileName() + ".pam");
        run("dwebp", "-quiet", webp.toString(), "-pam", "-o", pam.toString());
        return Pam.read(Files.readAllBytes(pam)).argb();
    }

    /** A PAM image (8 bits; read: grey, grey+alpha, RGB or RGBA; written as RGBA), the format libwebp's tools read and write. */
    public record Pam(int width, int height, int[] argb) {
        public static Pam read(byte[] data) {
            int headerEnd = indexOf(data, "ENDHDR\n") + 7;
            String header = new String(data, 0, headerEnd, StandardCharsets.US_ASCII);
            int w = field(header, "WIDTH");
            int h = field(header, "HEIGHT");
            int depth = field(header, "DEPTH");
            int[] argb = new int[w * h];
            for (int i = 0, j = headerEnd; i < argb.length; i++, j += depth) {
                int r = data[j] & 0xFF;
                int g = depth > 2 ? data[j + 1] & 0xFF : r;
                int b = depth > 2 ? data[j + 2] & 0xFF : r;
                int a = depth == 4 ? data[j + 3] & 0xFF : depth == 2 ? data[j + 1] & 0xFF : 255;
                argb[i] = (a << 24) | (r << 16) | (g << 8) | b;
            }
            return new Pam(w, h, argb);
        }

        public void write(Path file) throws IOException {
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
    }

    /** The samples after a PPM header of {@code fields} whitespace-separated fields. */
    private static byte[] body(byte[] data, int fields) {
        int i = 0;
        for (int f = 0; f < fields; f++) {
            while (Character.isWhitespace(data[i])) {
                i++;
            }
            while (!Character.isWhitespace(data[i])) {
                i++;
            }
        }
        return java.util.Arrays.copyOfRange(data, i + 1, data.length);
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

    /** {offset, length} of the first chunk with this FourCC (top level, after the RIFF header). */
    public static int[] chunk(byte[] file, String fourcc) {
        int at = 12;
        while (at + 8 <= file.length) {
            int size = (file[at + 4] & 0xFF) | (file[at + 5] & 0xFF) << 8 | (file[at + 6] & 0xFF) << 16 | (file[at + 7] & 0xFF) << 24;
            if (new String(file, at, 4, StandardCharsets.ISO_8859_1).equals(fourcc)) {
                return new int[] {at + 8, size};
            }
            at += 8 + size + (size & 1);
        }
        throw new AssertionError("no " + fourcc + " chunk");
    }

    /** An input picture for cwebp: a PNG file, or generated pixels written as PNG. */
    public record Source(String name, Path file, BufferedImage image) {
        public Path write(Path dir) throws IOException {
            if (file != null) {
                return file;
            }
            Path out = dir.resolve(name + ".png");
            javax.imageio.ImageIO.write(image, "png", out.toFile());
            return out;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public static Path resource(String name) {
        try {
            return Path.of(WebpTestTools.class.getResource("/" + name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** Photos and generated pictures at sizes that are and are not multiples of 16. */
    public static Stream<Source> lossySources() {
        List<Source> out = new ArrayList<>();
        out.add(new Source("coffee-crop 203x141", resource("jpeg/coffee-crop.png"), null));
        out.add(generated("noise 37x29", 37, 29, 1, false));
        out.add(generated("gradient 64x48", 64, 48, 2, false));
        out.add(generated("edges 33x17", 33, 17, 3, false));
        out.add(generated("1x1", 1, 1, 4, false));
        out.add(generated("1x21", 1, 21, 5, false));
        out.add(generated("21x1", 21, 1, 6, false));
        out.add(generated("2x2", 2, 2, 7, false));
        out.add(generated("mixed 130x97", 130, 97, 8, false));
        return out.stream();
    }

    /** Pictures with soft and hard transparency for the alpha tests. */
    public static Stream<Source> alphaSources() {
        List<Source> out = new ArrayList<>();
        out.add(generated("alpha 61x43", 61, 43, 11, true));
        out.add(generated("alpha 1x1", 1, 1, 12, true));
        out.add(generated("alpha 100x64", 100, 64, 13, true));
        out.add(new Source("watermark", Path.of(System.getProperty("user.dir")).resolve("../samples/watermark.png").normalize(), null));
        return out.stream().filter(s -> s.file() == null || Files.exists(s.file()));
    }

    /**
     * Smooth gradients, a few hard edges, text-like strokes and noise in one picture, so every
     * prediction mode, the loop filter's both branches and many token values occur.
     */
    public static Source generated(String name, int w, int h, long seed, boolean alpha) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int region = ((x * 4 / Math.max(w, 1)) + (y * 3 / Math.max(h, 1))) % 4;
                int red;
                int green;
                int blue;
                switch (region) {
                    case 0 -> {   // gradient
                        red = x * 255 / Math.max(w - 1, 1);
                        green = y * 255 / Math.max(h - 1, 1);
                        blue = (x + y) * 127 / Math.max(w + h - 2, 1);
                    }
                    case 1 -> {   // noise
                        red = r.nextInt(256);
                        green = r.nextInt(256);
                        blue = r.nextInt(256);
                    }
                    case 2 -> {   // stripes with hard edges
                        boolean on = ((x / 3) + (y / 5)) % 2 == 0;
                        red = on ? 240 : 10;
                        green = on ? 20 : 200;
                        blue = on ? 30 : 250;
                    }
                    default -> {   // flat with mild noise
                        red = 120 + r.nextInt(9);
                        green = 90 + r.nextInt(9);
                        blue = 60 + r.nextInt(9);
                    }
                }
                int a = 255;
                if (alpha) {
                    int d = (x * 7 + y * 5) % 97;
                    a = d < 20 ? 0 : d < 40 ? d * 6 : d > 90 ? r.nextInt(256) : 255;
                }
                img.setRGB(x, y, a << 24 | red << 16 | green << 8 | blue);
            }
        }
        return new Source(name, null, img);
    }
}
