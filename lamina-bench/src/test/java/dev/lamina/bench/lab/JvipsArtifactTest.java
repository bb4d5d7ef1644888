package dev.lamina.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.bench.lab.Results.Artifact;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jvips jar names no architecture in its paths: the platforms come from the ELF headers. */
class JvipsArtifactTest {

    /** The first 20 bytes of an ELF file whose e_machine (bytes 18-19, little-endian) is {@code machine}. */
    private static byte[] elf(int machine) {
        byte[] h = new byte[20];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[18] = (byte) machine;
        h[19] = (byte) (machine >> 8);
        return h;
    }

    private static Path jar(Path dir, String... entries) throws IOException {
        Path jar = dir.resolve("jvips-8.12.2-test.jar");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (int i = 0; i < entries.length; i += 2) {
                z.putNextEntry(new ZipEntry(entries[i]));
                OutputStream o = z;
                o.write(entries[i + 1].equals("amd64") ? elf(0x3E) : entries[i + 1].equals("arm64") ? elf(0xB7)
                        : new byte[] {1, 2, 3});
                z.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void linuxIsSelfContainedWhereTheJarCarriesLibvipsTheOthersOnlyTheGlue(@TempDir Path dir) throws IOException {
        Path jar = jar(dir, "libvips.so", "amd64", "libJVips.so", "amd64", "libJVips.dylib", "-", "JVips.dll", "-");
        Artifact a = Engines.jvipsArtifact(jar, "JDK");
        assertEquals(List.of(
                "Linux amd64 (libvips and its codecs in the jar; glib, gio, expat, libstdc++ from the system)",
                "macOS (JNI glue only: libvips 8.12 must be installed apart)",
                "Windows (JNI glue only: libvips-42.dll must be installed apart)"), a.platforms());
        assertEquals(Files.size(jar), a.bytes());
    }

    @Test
    void glueWithoutLibvipsIsSaidSo(@TempDir Path dir) throws IOException {
        Path jar = jar(dir, "libJVips.so", "arm64");
        assertEquals(List.of("Linux arm64 (JNI glue only)"), Engines.jvipsArtifact(jar, "JDK").platforms());
    }
}
