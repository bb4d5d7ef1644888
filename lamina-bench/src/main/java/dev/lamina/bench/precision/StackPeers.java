package dev.lamina.bench.precision;

import dev.lamina.model.FillRule;
import dev.lamina.reference.draw.RasteriserReference;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LayerStack} drawn by the native peers through their command lines. Every peer gets
 * the same layer files: 16-bit RGBA PNGs of the layer's colour with alpha = the polygon's exact
 * coverage (lamina-reference's rasteriser, a shadow's polygon already moved by its offset, which
 * is the same image away from the edges). So the rasterisers (ImageMagick's inclusive polygon
 * fill, librsvg's sampling) stay out of it and the figures show what the issue asks about: the
 * precision of blurring, applying the opacity and compositing, step after step. Each peer then
 * works as its documentation shows:
 *
 * <ul>
 *   <li>libvips ({@code vips}): the base as a 16-bit PNG too; each layer {@code premultiply} (float from here on), {@code gaussblur} with
 *       {@code --min-ampl 0.001} (the kernel reaches 3.7 sigma, near the reference's 4; the
 *       default 0.2 cuts it at 1.8 sigma; 0.001 is the least sharp accepts), {@code unpremultiply}, the opacity with {@code linear} on alpha,
 *       then one {@code composite} of all layers (its output is rgb16 in float), scaled to
 *       0..255 with {@code linear}, {@code round rint} and a cast to 8 bits.</li>
 *   <li>ImageMagick ({@code convert}, Q16): one command; each layer {@code -channel RGBA -blur
 *       0xSIGMA}, alpha times the opacity with {@code -evaluate multiply}, {@code -composite}:
 *       16 bits per step.</li>
 *   <li>sharp ({@code node bench/node/stacks.js}): each layer {@code blur} (sigma, {@code
 *       minAmplitude} 0.001 as libvips above) and {@code linear} on alpha for the opacity (its
 *       composite has none) to a PNG (8 bits, sharp's default output), then one
 *       {@code composite} of all layers.</li>
 * </ul>
 * A peer that is not installed is reported as absent, never replaced by anything.
 */
public final class StackPeers {
    private StackPeers() {
    }

    /** A peer's 8-bit RGB result, or why there is none. */
    public record Outcome(int[] rgb, String note) {
    }

    public static Outcome vips(LayerStack s, Path dir) {
        if (!onPath("vips")) {
            return new Outcome(null, "vips not installed (bench/install-peers.sh)");
        }
        try {
            // The base as 16 bits too (v * 257, exact): libvips converts 8-bit sRGB to rgb16 by
            // shifting (v * 256), which would mix two scales in one composite.
            Path base = writeBase16(s, dir);
            List<String> images = new ArrayList<>(List.of(base.toString()));
            for (int i = 0; i < s.layers().size(); i++) {
                LayerStack.Layer l = s.layers().get(i);
                Path png = layerPng(s, l, dir.resolve("layer-" + i + ".png"));
                String p = dir.resolve("vips-" + i).toString();
                run(dir, "vips", "premultiply", png.toString(), p + "-pre.v");
                run(dir, "vips", "gaussblur", p + "-pre.v", p + "-blur.v", fmt(l.sigma()), "--min-ampl", "0.001");
                run(dir, "vips", "unpremultiply", p + "-blur.v", p + "-straight.v");
                run(dir, "vips", "linear", p + "-straight.v", p + "-layer.v", "1 1 1 " + fmt(l.opacity()), "0 0 0 0");
                images.add(p + "-layer.v");
            }
            String modes = String.join(" ", java.util.Collections.nCopies(s.layers().size(), "2")); // 2 = over
            run(dir, "vips", "composite", String.join(" ", images), dir.resolve("vips-out.v").toString(), modes);
            // The composite takes the widest interpretation of its inputs (rgb16, 0..65535, float):
            // scaled to 0..255 here, then rounded once and cast.
            run(dir, "vips", "linear", dir.resolve("vips-out.v").toString(), dir.resolve("vips-scaled.v").toString(),
                    fmt(255.0 / 65535), "0");
            run(dir, "vips", "round", dir.resolve("vips-scaled.v").toString(), dir.resolve("vips-rint.v").toString(), "rint");
            run(dir, "vips", "cast", dir.resolve("vips-rint.v").toString(), dir.resolve("vips-8.v").toString(), "uchar");
            // Still labelled rgb16: saved as that, pngsave would shift the 8-bit values down again.
            run(dir, "vips", "copy", dir.resolve("vips-8.v").toString(), dir.resolve("vips-out.png").toString(),
                    "--interpretation", "srgb");
            return new Outcome(read(dir.resolve("vips-out.png")), null);
        } catch (IOException | InterruptedException e) {
            return new Outcome(null, "vips failed: " + e.getMessage());
        }
    }

    public static Outcome imagemagick(LayerStack s, Path dir) {
        String convert = imageMagick();
        if (convert == null) {
            return new Outcome(null, "ImageMagick not installed (bench/install-peers.sh)");
        }
        try {
            Path base = writeBase(s, dir);
            List<String> cmd = new ArrayList<>(List.of(convert, base.toString()));
            for (int i = 0; i < s.layers().size(); i++) {
                LayerStack.Layer l = s.layers().get(i);
                Path png = layerPng(s, l, dir.resolve("layer-" + i + ".png"));
                cmd.addAll(List.of("(", png.toString(), "-channel", "RGBA", "-blur", "0x" + fmt(l.sigma()),
                        "-channel", "A", "-evaluate", "multiply", fmt(l.opacity()), "+channel", ")",
                        "-compose", "over", "-composite"));
            }
            Path out = dir.resolve("magick-out.png");
            cmd.addAll(List.of("-alpha", "off", "-depth", "8", out.toString()));
            run(dir, cmd.toArray(new String[0]));
            return new Outcome(read(out), null);
        } catch (IOException | InterruptedException e) {
            return new Outcome(null, "ImageMagick failed: " + e.getMessage());
        }
    }

    public static Outcome sharp(LayerStack s, Path dir, Path nodeDir) {
        if (!onPath("node") || !Files.isDirectory(nodeDir.resolve("node_modules/sharp"))) {
            return new Outcome(null, "sharp not installed (bench/install-peers.sh puts it in bench/node)");
        }
        try {
            Path base = writeBase(s, dir);
            Path out = dir.resolve("sharp-out.png");
            List<String> cmd = new ArrayList<>(List.of("node", nodeDir.toAbsolutePath().resolve("stacks.js").toString(),
                    base.toString(), out.toString()));
            for (int i = 0; i < s.layers().size(); i++) {
                LayerStack.Layer l = s.layers().get(i);
                cmd.add(layerPng(s, l, dir.resolve("layer-" + i + ".png")).toString());
                cmd.add(fmt(l.sigma()));
                cmd.add(fmt(l.opacity()));
            }
            run(dir, cmd.toArray(new String[0]));
            return new Outcome(read(out), null);
        } catch (IOException | InterruptedException e) {
            return new Outcome(null, "sharp failed: " + e.getMessage());
        }
    }

    /**
     * The layer as a 16-bit RGBA PNG: its colour, alpha = the exact coverage of its polygon (moved by
     * the offset for a shadow), rounded to 16 bits. Written once per directory.
     */
    static Path layerPng(LayerStack s, LayerStack.Layer l, Path file) throws IOException {
        if (Files.exists(file)) {
            return file;
        }
        double[] p = l.polygon().clone();
        if (l.shadow()) {
            for (int i = 0; i < p.length; i += 2) {
                p[i] += l.dx();
                p[i + 1] += l.dy();
            }
        }
        double[][] cov = RasteriserReference.coverage(List.of(p), FillRule.NON_ZERO, s.width(), s.height());
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(s.width(), s.height());
        int[] px = {(l.rgb() >> 16 & 0xFF) * 257, (l.rgb() >> 8 & 0xFF) * 257, (l.rgb() & 0xFF) * 257, 0};
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                px[3] = (int) Math.rint(cov[y][x] * 65535);
                r.setPixel(x, y, px);
            }
        }
        ImageIO.write(new BufferedImage(cm, r, false, null), "png", file.toFile());
        return file;
    }

    private static Path writeBase16(LayerStack s, Path dir) throws IOException {
        Path file = dir.resolve("base16.png");
        if (Files.exists(file)) {
            return file;
        }
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster r = cm.createCompatibleWritableRaster(s.width(), s.height());
        int[] b = s.base();
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                int i = 3 * (y * s.width() + x);
                r.setPixel(x, y, new int[]{b[i] * 257, b[i + 1] * 257, b[i + 2] * 257});
            }
        }
        ImageIO.write(new BufferedImage(cm, r, false, null), "png", file.toFile());
        return file;
    }

    private static Path writeBase(LayerStack s, Path dir) throws IOException {
        Path base = dir.resolve("base.png");
        if (!Files.exists(base)) {
            ImageIO.write(StackEngines.baseImage(s), "png", base.toFile());
        }
        return base;
    }

    private static int[] read(Path png) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        return StackEngines.rgb(img);
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            String first = out.strip().lines().findFirst().orElse("exit " + p.exitValue());
            throw new IOException(cmd[0] + " " + (cmd.length > 1 ? cmd[1] : "") + ": " + first);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.10f", v);
    }

    static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    /** The real ImageMagick: {@code magick}, else a {@code convert} that says it is ImageMagick. */
    private static String imageMagick() {
        if (onPath("magick")) {
            return "magick";
        }
        for (String c : List.of("/usr/bin/convert-im6.q16", "convert")) {
            try {
                Process p = new ProcessBuilder(c, "-version").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor(30, TimeUnit.SECONDS) && out.contains("ImageMagick")) {
                    return c;
                }
            } catch (IOException | InterruptedException e) {
                // not this one
            }
        }
        return null;
    }
}
