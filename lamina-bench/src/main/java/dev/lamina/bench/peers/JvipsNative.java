package dev.lamina.bench.peers;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/**
 * Loads libvips through com.criteo:jvips, whose jar carries a Linux x86-64 libvips 8.12.2 and its
 * codecs. The jar's own loader forgets one of them: its libvips.so needs libtiff.so.5, which the
 * jar holds but does not load, and which Debian 12 does not have (it has libtiff.so.6), so the
 * binding fails with UnsatisfiedLinkError. Loading the jar's libtiff.so first lets the dynamic
 * linker find libtiff.so.5 among the loaded libraries by its soname. Nothing outside the jar is
 * used except what its libraries link against (glib, gio, expat, libstdc++: ordinary system
 * libraries).
 */
public final class JvipsNative {
    private static String failure = "not loaded yet";
    private static boolean tried;

    private JvipsNative() {
    }

    /** Null when libvips is usable in this process, else why not, in one line. */
    public static synchronized String load() {
        if (tried) {
            return failure;
        }
        tried = true;
        if (!System.getProperty("os.name").toLowerCase().contains("linux")
                || !System.getProperty("os.arch").matches("amd64|x86_64")) {
            failure = "the jar bundles libvips for Linux x86-64 only (on macOS and Windows it needs a separately installed libvips)";
            return failure;
        }
        try {
            preload("libtiff.so");
            Class.forName("com.criteo.vips.Vips", true, JvipsNative.class.getClassLoader());
            failure = null;
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            failure = root.getClass().getSimpleName() + ": " + String.valueOf(root.getMessage()).lines().findFirst().orElse("");
        }
        return failure;
    }

    private static void preload(String resource) throws IOException {
        try (InputStream in = JvipsNative.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not in the jvips jar");
            }
            File f = File.createTempFile("jvips-", "-" + resource);
            f.deleteOnExit();
            Files.copy(in, f.toPath(), StandardCopyOption.REPLACE_EXISTING);
            System.load(f.getAbsolutePath());
        }
    }
}
