package dev.lamina.bench.peers;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import net.coobird.thumbnailator.Thumbnails;
import net.coobird.thumbnailator.geometry.Positions;

/** Thumbnailator: its watermark feature for composites, its builder for thumbnails. */
public final class ThumbnailatorPeer extends PeerMain {

    public static void main(String[] args) throws Exception {
        new ThumbnailatorPeer().run(args);
    }

    @Override
    void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) throws Exception {
        var builder = Thumbnails.of(base.toFile()).scale(1.0);
        for (Path p : layers) {
            BufferedImage layer = PeerIo.read(p);
            builder = builder.watermark(centre ? Positions.CENTER : Positions.TOP_LEFT, layer, 1.0f);
        }
        // Thumbnailator passes outputQuality to ImageIO's compression quality: level 9 - round(9 q).
        builder.outputFormat("png").outputQuality(PeerIo.pngQualityFor(pngLevel)).toFile(out.toFile());
    }

    @Override
    void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) {
        throw new UnsupportedOperationException("Thumbnailator places one watermark per position; no collage");
    }

    @Override
    boolean resize(Path in, Path out, int width, int height, String kernel) throws Exception {
        if (!kernel.equals("progressive")) {
            return false; // Thumbnailator picks its resizer itself (progressive bilinear when shrinking)
        }
        Thumbnails.of(in.toFile()).forceSize(width, height).outputFormat("png")
                .outputQuality(PeerIo.pngQualityFor(6)).toFile(out.toFile());
        return true;
    }

    @Override
    void thumbnail(Path in, Path out, int edge, float jpegQuality) throws Exception {
        Thumbnails.of(in.toFile()).size(edge, edge).outputFormat("jpg").outputQuality(jpegQuality).toFile(out.toFile());
    }
}
