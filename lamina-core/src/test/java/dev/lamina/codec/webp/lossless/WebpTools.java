package dev.lamina.codec.webp.lossless;

import dev.lamina.codec.webp.WebpTestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test helper: libwebp's command-line tools (Debian's {@code webp} package) as the independent
 * oracle. {@code cwebp} makes files, {@code dwebp -pam} decodes them to RGBA. Tests that need them
 * skip with a visible note when they are absent.
 */
final class WebpTools {
    private WebpTools() {
    }

    static boolean available() {
        return WebpTestTools.available();
    }

    static final String MISSING = WebpTestTools.MISSING;

    /** cwebp with the given options on a PNG (or PAM) input; returns the file's bytes. */
    static byte[] cwebp(Path input, Path output, String... options) throws IOException {
        return WebpTestTools.cwebp(input, output, options);
    }

    /** dwebp's decoding of a WebP file as packed ARGB ints (read from its RGBA PAM output). */
    static int[] dwebp(Path webp, Path pam) throws IOException {
        WebpTestTools.run("dwebp", "-quiet", webp.toString(), "-pam", "-o", pam.toString());
        return WebpTestTools.Pam.read(Files.readAllBytes(pam)).argb();
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
