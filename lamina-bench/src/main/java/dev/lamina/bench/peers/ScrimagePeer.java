package dev.lamina.bench.peers;

import com.sksamuel.scrimage.ImmutableImage;
import com.sksamuel.scrimage.ScaleMethod;
import com.sksamuel.scrimage.nio.JpegWriter;
import com.sksamuel.scrimage.nio.PngWriter;
import java.nio.file.Path;
import java.util.List;

/** scrimage: ImmutableImage.overlay for composites, bound for thumbnails. */
public final class ScrimagePeer extends PeerMain {

    public static void main(String[] args) throws Exception {
        new ScrimagePeer().run(args);
    }

    @Override
    void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) throws Exception {
        ImmutableImage img = ImmutableImage.loader().fromPath(base);
        for (Path p : layers) {
            ImmutableImage layer = ImmutableImage.loader().fromPath(p);
            int x = centre ? (img.width - layer.width) / 2 : 0;
            int y = centre ? (img.height - layer.height) / 2 : 0;
            img = img.overlay(layer, x, y);
        }
        img.output(new PngWriter(pngLevel), out);
    }

    @Override
    void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) throws Exception {
        ImmutableImage img = ImmutableImage.loader().fromPath(canvas);
        int perRow = img.width / tile;
        for (int i = 0; i < tiles.size(); i++) {
            img = img.overlay(ImmutableImage.loader().fromPath(tiles.get(i)), (i % perRow) * tile, (i / perRow) * tile);
        }
        img.output(new JpegWriter().withCompression(Math.round(jpegQuality * 100)), out);
    }

    @Override
    boolean resize(Path in, Path out, int width, int height, String kernel) throws Exception {
        ScaleMethod m = switch (kernel) {
            case "nearest" -> ScaleMethod.FastScale;
            case "linear" -> ScaleMethod.Bilinear;
            case "cubic" -> ScaleMethod.Bicubic;
            case "lanczos3" -> ScaleMethod.Lanczos3;
            case "progressive" -> ScaleMethod.Progressive;
            default -> null;
        };
        if (m == null) {
            return false;
        }
        ImmutableImage.loader().fromPath(in).scaleTo(width, height, m).output(new PngWriter(6), out);
        return true;
    }

    @Override
    void thumbnail(Path in, Path out, int edge, float jpegQuality) throws Exception {
        ImmutableImage.loader().fromPath(in).bound(edge, edge)
                .output(new JpegWriter().withCompression(Math.round(jpegQuality * 100)), out);
    }
}
