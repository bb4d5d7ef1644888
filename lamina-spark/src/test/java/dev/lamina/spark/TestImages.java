package dev.lamina.spark;

import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.PngOptions;
import dev.lamina.model.SaveOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Inputs made in the tests: smooth seeded gradients with noise, encoded by Lamina. */
final class TestImages {
    private TestImages() {
    }

    static byte[] encoded(int width, int height, int bands, long seed, SaveOptions format) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] px = new byte[width * height * bands];
        double fx = 2 + rnd.nextDouble() * 6, fy = 2 + rnd.nextDouble() * 6;
        for (int y = 0, i = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < bands; b++, i++) {
                    double v = 0.5 + 0.4 * Math.sin((x * fx / width + b) * Math.PI) * Math.cos((y * fy / height - b) * Math.PI);
                    px[i] = (byte) Math.clamp(Math.round(v * 255 + rnd.nextInt(-12, 13)), 0, 255);
                }
            }
        }
        return Lamina.fromPixels(px, width, height, bands).encode(format);
    }

    static Path png(Path file, int width, int height, int bands, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, encoded(width, height, bands, seed, PngOptions.png()));
    }

    static Path jpeg(Path file, int width, int height, long seed) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, encoded(width, height, 3, seed, JpegOptions.jpeg().quality(90)));
    }
}
