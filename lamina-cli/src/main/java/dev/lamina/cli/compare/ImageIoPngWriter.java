package dev.lamina.cli.compare;

import dev.lamina.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes an 8-bit RGB image as PNG with the JDK's ImageIO. A stopgap until Lamina's own streaming
 * PNG encoder lands: ImageIO needs the whole picture in a BufferedImage, so memory here grows with
 * the area. Swap {@link #writeWithImageIO} for the encoder's sink when it exists.
 */
public final class ImageIoPngWriter {
    private ImageIoPngWriter() {
    }

    public static void writeWithImageIO(Image image, Path out) throws IOException {
        if (image.format != BandFormat.U8 || image.bands != 3) {
            throw new IllegalArgumentException("expects 8-bit RGB, not " + image);
        }
        BufferedImage bi = new BufferedImage(image.width, image.height, BufferedImage.TYPE_INT_RGB);
        StripSink.run(image, strip -> {
            byte[] p = strip.u8();
            for (int y = strip.rect().y(); y < strip.rect().bottom(); y++) {
                for (int x = 0, i = strip.index(0, y); x < image.width; x++, i += 3) {
                    bi.setRGB(x, y, ((p[i] & 0xFF) << 16) | ((p[i + 1] & 0xFF) << 8) | (p[i + 2] & 0xFF));
                }
            }
        });
        // Open the file ourselves: ImageIO given a File prints a stack trace when it cannot create it.
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out))) {
            if (!ImageIO.write(bi, "png", os)) {
                throw new LaminaException(out + ": no PNG writer available");
            }
        }
    }
}
