package dev.lamina.codec.webp;

import java.io.IOException;
import java.nio.file.Path;

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
        return WebpTestTools.onPath("cwebp") && WebpTestTools.onPath("dwebp") && WebpTestTools.onPath("webpinfo")
                && WebpTestTools.onPath("webpmux");
    }

    static String run(String... command) {
        return WebpTestTools.run(command);
    }

    /** dwebp's decoding as packed ARGB. */
    static int[] dwebp(Path webp) throws IOException {
        return WebpTestTools.dwebpArgb(webp);
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
