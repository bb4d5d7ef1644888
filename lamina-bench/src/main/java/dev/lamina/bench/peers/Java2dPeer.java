package dev.lamina.bench.peers;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/** Java2D with ImageIO, as most Java services do it: ImageIO.read, Graphics2D.drawImage, ImageIO.write. */
public final class Java2dPeer extends PeerMain {

    public static void main(String[] args) throws Exception {
        new Java2dPeer().run(args);
    }

    @Override
    void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) throws Exception {
        BufferedImage img = PeerIo.read(base);
        Graphics2D g = img.createGraphics();
        for (Path p : layers) {
            BufferedImage layer = PeerIo.read(p);
            int x = centre ? (img.getWidth() - layer.getWidth()) / 2 : 0;
            int y = centre ? (img.getHeight() - layer.getHeight()) / 2 : 0;
            g.drawImage(layer, x, y, null);
        }
        g.dispose();
        PeerIo.writePng(img, out, pngLevel);
    }

    @Override
    void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) throws Exception {
        BufferedImage img = PeerIo.read(canvas);
        Graphics2D g = img.createGraphics();
        int perRow = img.getWidth() / tile;
        for (int i = 0; i < tiles.size(); i++) {
            g.drawImage(PeerIo.read(tiles.get(i)), (i % perRow) * tile, (i / perRow) * tile, null);
        }
        g.dispose();
        PeerIo.writeJpeg(img, out, jpegQuality);
    }

    @Override
    boolean resize(Path in, Path out, int width, int height, String kernel) throws Exception {
        Object hint = switch (kernel) {
            case "nearest" -> RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR;
            case "linear" -> RenderingHints.VALUE_INTERPOLATION_BILINEAR;
            case "cubic" -> RenderingHints.VALUE_INTERPOLATION_BICUBIC;
            default -> null;
        };
        if (hint == null) {
            return false;
        }
        BufferedImage src = PeerIo.read(in);
        BufferedImage dst = new BufferedImage(width, height,
                src.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        PeerIo.writePng(dst, out, 6);
        return true;
    }

    @Override
    void thumbnail(Path in, Path out, int edge, float jpegQuality) throws Exception {
        BufferedImage src = PeerIo.read(in);
        int[] size = PeerIo.fit(src.getWidth(), src.getHeight(), edge);
        BufferedImage dst = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        // The usual "quality" hints; Java2D has no area-averaging drawImage path, so a large
        // reduction aliases. That is what its users get.
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, size[0], size[1], null);
        g.dispose();
        PeerIo.writeJpeg(dst, out, jpegQuality);
    }
}
