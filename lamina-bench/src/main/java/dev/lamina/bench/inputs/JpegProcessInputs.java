package dev.lamina.bench.inputs;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Inputs of bench/jpeg-process.sh, deterministic: an 800x600 photo-like PNG to encode (the
 * collage service's output size) and a 4000x3000 (12 MP, a phone photo) photo-like JPEG at
 * quality 90 to make thumbnails of. Photo-like = a real photo scaled up plus about 2 levels of
 * seeded noise, as the lab's other inputs.
 */
public final class JpegProcessInputs {
    private JpegProcessInputs() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JpegProcessInputs OUT_DIR");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[0]));
        Path png = out.resolve("photo-800x600.png");
        if (!Files.exists(png)) {
            BufferedImage coffee = InputGenerator.photo("coffee.png");
            InputGenerator.writePng(InputGenerator.noisy(InputGenerator.scale(coffee, 800, 600, false), 7), png);
        }
        bigPhoto(out);
    }

    /** The 12 MP photo-like JPEG in {@code dir} (made once): thumbnails' input here and in ThumbnailBench. */
    public static Path bigPhoto(Path dir) throws IOException {
        Path jpeg = dir.resolve("photo-4000x3000.jpg");
        if (!Files.exists(jpeg)) {
            BufferedImage hubble = InputGenerator.photo("hubble_deep_field.jpg");
            Path tmp = dir.resolve("photo-4000x3000.jpg.tmp");
            InputGenerator.writeJpeg(InputGenerator.noisy(InputGenerator.scale(hubble, 4000, 3000, false), 11), tmp, 0.9f);
            Files.move(tmp, jpeg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return jpeg;
    }
}
