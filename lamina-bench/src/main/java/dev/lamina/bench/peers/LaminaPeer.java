package dev.lamina.bench.peers;

import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Lamina through its Java API, for the scenarios that run many operations in one process (S3's
 * batch): a service would call the API, not start a JVM per image. Single operations go through
 * the CLI like every other engine.
 */
public final class LaminaPeer extends PeerMain {

    public static void main(String[] args) throws Exception {
        new LaminaPeer().run(args);
    }

    @Override
    void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) {
        List<Layer> ls = new ArrayList<>();
        for (Path p : layers) {
            Layer l = Layer.of(Lamina.open(p));
            ls.add(centre ? l.gravity(Gravity.CENTRE) : l.at(0, 0));
        }
        Lamina.open(base).composite(ls).save(out, PngOptions.png().compression(pngLevel));
    }

    @Override
    void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) {
        LaminaImage img = Lamina.open(canvas);
        int perRow = img.width() / tile;
        List<Layer> ls = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            ls.add(Layer.of(Lamina.open(tiles.get(i))).at((i % perRow) * tile, (i / perRow) * tile));
        }
        img.composite(ls).save(out, JpegOptions.jpeg().quality(Math.round(jpegQuality * 100)));
    }

    @Override
    void thumbnail(Path in, Path out, int edge, float jpegQuality) {
        Lamina.thumbnail(in, ThumbnailOptions.edge(edge)).save(out, JpegOptions.jpeg().quality(Math.round(jpegQuality * 100)));
    }
}
