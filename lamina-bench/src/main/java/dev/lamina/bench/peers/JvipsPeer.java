package dev.lamina.bench.peers;

import com.criteo.vips.PixelPacket;
import com.criteo.vips.VipsImage;
import com.criteo.vips.enums.VipsCompassDirection;
import java.awt.Dimension;
import java.nio.file.Path;
import java.util.List;

/**
 * libvips in process through its Java binding com.criteo:jvips (libvips 8.12.2 bundled in the jar).
 * The binding's compose is vips_composite2 "over" with the layer at 0,0 and no position argument,
 * so a centred layer is first padded to the base's size with transparent pixels (vips_gravity),
 * the way a JVips user places it. PNG is written through libvips' file saver with the lab's level
 * and all filters tried per row (the option the lab also names for the vips CLI).
 */
public final class JvipsPeer extends PeerMain {

    public static void main(String[] args) throws Exception {
        String failure = JvipsNative.load();
        if (args.length == 1 && args[0].equals("probe")) {
            // The lab asks before measuring: a binding that cannot load here is shown as absent.
            System.out.println(failure == null ? "ok" : "jvips: " + failure);
            System.exit(failure == null ? 0 : 1);
        }
        if (failure != null) {
            System.err.println("jvips: " + failure);
            System.exit(1);
        }
        new JvipsPeer().run(args);
    }

    @Override
    void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) throws Exception {
        try (VipsImage img = open(base)) {
            for (Path p : layers) {
                try (VipsImage layer = open(p)) {
                    if (centre) {
                        layer.pad(new Dimension(img.getWidth(), img.getHeight()), new PixelPacket(0, 0, 0, 0),
                                VipsCompassDirection.Centre);
                    }
                    img.compose(layer);
                }
            }
            img.writeToFile(out + "[compression=" + pngLevel + ",filter=all]");
        }
    }

    /** From the file: libvips decodes lazily, and a byte[] given to the binding is not kept alive. */
    private static VipsImage open(Path p) throws Exception {
        return new VipsImage(p.toString());
    }

    @Override
    void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) {
        throw new UnsupportedOperationException("jvips is measured on the composites only");
    }

    @Override
    void thumbnail(Path in, Path out, int edge, float jpegQuality) {
        throw new UnsupportedOperationException("jvips is measured on the composites only");
    }
}
