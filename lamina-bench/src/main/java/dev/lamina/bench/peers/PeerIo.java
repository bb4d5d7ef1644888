package dev.lamina.bench.peers;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** ImageIO writing with explicit settings, shared by the Java peers that write through ImageIO. */
final class PeerIo {
    private PeerIo() {
    }

    /**
     * The ImageIO compression quality that gives zlib level {@code level}: the JDK's PNG writer maps
     * quality q to level 9 - round(9 q), so q = (9 - level) / 9 is exact.
     */
    static float pngQualityFor(int level) {
        return (9 - level) / 9f;
    }

    static void writePng(RenderedImage img, Path out, int level) throws IOException {
        write(img, out, "png", pngQualityFor(level));
    }

    static void writeJpeg(RenderedImage img, Path out, float quality) throws IOException {
        write(img, out, "jpeg", quality);
    }

    private static void write(RenderedImage img, Path out, String format, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        Files.deleteIfExists(out);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(stream);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    static BufferedImage read(Path p) throws IOException {
        BufferedImage img = ImageIO.read(p.toFile());
        if (img == null) {
            throw new IOException("no ImageIO reader for " + p);
        }
        return img;
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        List<Path> out = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().forEach(out::add);
        }
        return out;
    }

    static File file(String s) {
        return new File(s);
    }

    /** Thumbnail size that fits the longest edge to {@code edge}, rounding as libvips and sharp do. */
    static int[] fit(int w, int h, int edge) {
        if (w >= h) {
            return new int[] {edge, Math.max(1, (int) Math.round((double) h * edge / w))};
        }
        return new int[] {Math.max(1, (int) Math.round((double) w * edge / h)), edge};
    }
}
