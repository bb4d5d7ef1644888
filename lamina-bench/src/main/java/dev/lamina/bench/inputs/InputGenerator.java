package dev.lamina.bench.inputs;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Generates the lab's inputs, deterministically: real photographs (from the resources) scaled up
 * with a bicubic kernel, plus mild seeded noise so the upscale does not leave flat smooth areas
 * that PNG would compress unrealistically well. Neither flat colour nor pure noise: both mislead
 * codec timings.
 *
 * <p>Usage: {@code InputGenerator OUT_DIR [--smoke]}. The smoke profile makes the same scenarios
 * at small sizes so CI can run the whole lab in a minute or two. A marker file records the profile
 * per scenario so an existing set is reused rather than regenerated.
 */
public final class InputGenerator {

    /** Sizes of one profile of the lab. */
    public record Profile(String name, int s1BackgroundW, int s1BackgroundH, int s1WatermarkW,
                          int s1WatermarkH, int s2Tiles, int s2Tile, int s2CanvasW, int s2CanvasH,
                          int s4Count, int s4W, int s4H, int p1W, int p1H, int s3Count, int s3Size) {
        public static Profile full() {
            return new Profile("full", 3840, 2160, 1920, 1080, 48, 100, 800, 600, 500, 1632, 1224, 1024, 768, 100, 4096);
        }

        /** The same profile with another S3 batch size (the 100 takes long on small machines). */
        public Profile withS3Count(int count) {
            return new Profile(name, s1BackgroundW, s1BackgroundH, s1WatermarkW, s1WatermarkH, s2Tiles, s2Tile, s2CanvasW,
                    s2CanvasH, s4Count, s4W, s4H, p1W, p1H, count, s3Size);
        }

        public static Profile smoke() {
            return new Profile("smoke", 960, 540, 480, 270, 48, 100, 800, 600, 12, 800, 600, 320, 240, 4, 512);
        }
    }

    private InputGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: InputGenerator OUT_DIR [--smoke] [--only s1,s2,...]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        List<String> rest = List.of(args).subList(1, args.length);
        Profile profile = rest.contains("--smoke") ? Profile.smoke() : Profile.full();
        int only = rest.indexOf("--only");
        if (only >= 0 && only + 1 < rest.size()) {
            // one tool needs a few scenarios' inputs (bench/webp-vs-cwebp.sh): not the S3 batch's gigabytes
            generate(out, profile, Set.of(rest.get(only + 1).split(",")));
        } else {
            generate(out, profile);
        }
    }

    /** Writes every input of the profile under {@code out}. */
    public static void generate(Path out, Profile profile) throws IOException {
        generate(out, profile, Set.of("s1", "s2", "s3", "s4", "p1", "p2"));
    }

    /**
     * Writes the inputs of the given scenarios under {@code out}; a scenario whose complete set is
     * already there (its marker names the same profile) is not regenerated.
     */
    public static void generate(Path out, Profile profile, Set<String> scenarios) throws IOException {
        Files.createDirectories(out);
        for (String s : List.of("s1", "s2", "s3", "s4", "p1", "p2")) {
            // S3 composites the S1 watermark; F1 converts P2's photo.
            if (!scenarios.contains(s) && !(s.equals("s1") && scenarios.contains("s3"))
                    && !(s.equals("p2") && scenarios.contains("f1"))) {
                continue;
            }
            Path marker = out.resolve("GENERATED-" + s);
            String signature = profile.toString();
            if (Files.exists(marker) && Files.readString(marker).equals(signature)) {
                continue;
            }
            Files.deleteIfExists(marker);
            Path dir = Files.createDirectories(out.resolve(s));
            switch (s) {
                case "s1" -> s1(dir, profile);
                case "s2" -> s2(dir, profile);
                case "s3" -> s3(dir, profile);
                case "s4" -> s4(dir, profile);
                case "p1" -> p1(dir, profile);
                case "p2" -> p2(dir, profile);
                default -> throw new IllegalStateException(s);
            }
            Files.writeString(marker, signature);
        }
    }

    /** S1, the seed workload: a photo background and a soft-edged translucent photo watermark. */
    private static void s1(Path dir, Profile profile) throws IOException {
        writePng(noisy(scale(photo("coffee.png"), profile.s1BackgroundW(), profile.s1BackgroundH(), false), 11),
                dir.resolve("background.png"));
        writePng(withSoftAlpha(noisy(scale(photo("chelsea.png"), profile.s1WatermarkW(), profile.s1WatermarkH(), true), 12), 0.85),
                dir.resolve("watermark.png"));
    }

    /** S2: a canvas and 48 small tiles cut from different places of a photo. */
    private static void s2(Path dir, Profile profile) throws IOException {
        writePng(noisy(scale(photo("rocket.jpg"), profile.s2CanvasW(), profile.s2CanvasH(), false), 21), dir.resolve("canvas.png"));
        BufferedImage big = noisy(scale(photo("hubble_deep_field.jpg"), 1000, 872, false), 22);
        Path tiles = Files.createDirectories(dir.resolve("tiles"));
        SplittableRandom cut = new SplittableRandom(23);
        for (int i = 0; i < profile.s2Tiles(); i++) {
            int x = cut.nextInt(big.getWidth() - 200);
            int y = cut.nextInt(big.getHeight() - 200);
            BufferedImage tile = scale(big.getSubimage(x, y, 200, 200), profile.s2Tile(), profile.s2Tile(), false);
            writePng(tile, tiles.resolve("tile-%02d.png".formatted(i)));
        }
    }

    /**
     * S3: a batch of large RGBA images. Four distinct pictures are written and the batch folder
     * names each of them count / 4 times through symbolic links: every engine still decodes,
     * composites and encodes every image, and the inputs take 4 files of disk, not 100.
     */
    private static void s3(Path dir, Profile profile) throws IOException {
        String[] photos = {"coffee.png", "rocket.jpg", "hubble_deep_field.jpg", "chelsea.png"};
        for (int i = 0; i < photos.length; i++) {
            BufferedImage img = withSoftAlpha(noisy(scale(photo(photos[i]), profile.s3Size(), profile.s3Size(), true), 51 + i), 1.0);
            writePng(img, dir.resolve("distinct-" + i + ".png"));
        }
        Path batch = dir.resolve("batch");
        if (Files.isDirectory(batch)) {
            try (var old = Files.list(batch)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(batch);
        for (int i = 0; i < profile.s3Count(); i++) {
            Files.createSymbolicLink(batch.resolve("img-%03d.png".formatted(i)), Path.of("..", "distinct-" + (i % photos.length) + ".png"));
        }
    }

    /** S4: photo-like JPEGs of about 2 MP, each a different crop, scale and noise seed. */
    private static void s4(Path dir, Profile profile) throws IOException {
        BufferedImage[] sources = {photo("coffee.png"), photo("chelsea.png"), photo("rocket.jpg"), photo("hubble_deep_field.jpg")};
        SplittableRandom pick = new SplittableRandom(41);
        for (int i = 0; i < profile.s4Count(); i++) {
            BufferedImage src = sources[i % sources.length];
            int cw = src.getWidth() * 3 / 4;
            int ch = src.getHeight() * 3 / 4;
            BufferedImage crop = src.getSubimage(pick.nextInt(src.getWidth() - cw + 1), pick.nextInt(src.getHeight() - ch + 1), cw, ch);
            writeJpeg(noisy(scale(crop, profile.s4W(), profile.s4H(), false), 1000 + i), dir.resolve("photo-%03d.jpg".formatted(i)), 0.9f);
        }
    }

    /**
     * P1: a base and four layers of the same size (so no engine differs in placement):
     * semi-transparent colour masks, a soft shadow, a translucent photo.
     */
    private static void p1(Path dir, Profile profile) throws IOException {
        int w = profile.p1W();
        int h = profile.p1H();
        writePng(noisy(scale(photo("rocket.jpg"), w, h, false), 31), dir.resolve("base.png"));
        writePng(softShadow(w, h), dir.resolve("layer-1.png"));
        writePng(colourMask(w, h, 0xE0_40_20, 0.55, 32), dir.resolve("layer-2.png"));
        writePng(withSoftAlpha(noisy(scale(photo("chelsea.png"), w, h, true), 33), 0.6), dir.resolve("layer-3.png"));
        writePng(colourMask(w, h, 0x20_60_F0, 0.35, 34), dir.resolve("layer-4.png"));
    }

    /**
     * P2: an opaque photo for the kernel table (sides divisible by 4), and the fringe test: white
     * shapes with soft edges on a transparent background whose hidden colour is black, the trap
     * for resamplers that do not premultiply.
     */
    private static void p2(Path dir, Profile profile) throws IOException {
        int w = profile.p1W();
        int h = profile.p1H();
        writePng(noisy(scale(photo("hubble_deep_field.jpg"), w, h, false), 61), dir.resolve("photo.png"));
        int size = Math.min(w, h);
        BufferedImage fringe = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double dx = (x + 0.5) / size - 0.5;
                double dy = (y + 0.5) / size - 0.5;
                double ring = Math.abs(Math.hypot(dx, dy) - 0.3);
                double bar = Math.abs(dx + 0.1 * Math.sin(dy * 20));
                double cover = Math.max(smoothstep(0.06, 0.04, ring), smoothstep(0.03, 0.015, bar));
                int a = (int) Math.round(255 * cover);
                fringe.setRGB(x, y, a == 0 ? 0 : a << 24 | 0xFFFFFF);
            }
        }
        writePng(fringe, dir.resolve("fringe.png"));
    }

    public static BufferedImage photo(String name) throws IOException {
        try (InputStream in = InputGenerator.class.getResourceAsStream("/photos/" + name)) {
            if (in == null) {
                throw new IOException("missing bench resource /photos/" + name);
            }
            BufferedImage img = ImageIO.read(in);
            BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
            rgb.getGraphics().drawImage(img, 0, 0, null);
            return rgb;
        }
    }

    public static BufferedImage scale(BufferedImage src, int w, int h, boolean alpha) {
        BufferedImage dst = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        return dst;
    }

    /** Adds seeded noise of about 2 levels (sum of three uniforms: bell-shaped, bounded). */
    public static BufferedImage noisy(BufferedImage img, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int w = img.getWidth();
        int[] row = new int[w];
        for (int y = 0; y < img.getHeight(); y++) {
            img.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                int p = row[x];
                int n = r.nextInt(3) + r.nextInt(3) + r.nextInt(3) - 3;
                row[x] = (p & 0xFF000000) | clamp(((p >> 16) & 0xFF) + n) << 16
                        | clamp(((p >> 8) & 0xFF) + n) << 8 | clamp((p & 0xFF) + n);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    /**
     * A watermark's alpha: a soft-edged rounded shape whose inside varies with the picture's own
     * luminance, so every alpha value from 0 to {@code peak} occurs (flat alpha would hide
     * rounding differences).
     */
    public static BufferedImage withSoftAlpha(BufferedImage img, double peak) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = img.getRGB(x, y) & 0xFFFFFF;
                double dx = (x + 0.5) / w * 2 - 1;
                double dy = (y + 0.5) / h * 2 - 1;
                double d = Math.pow(Math.pow(Math.abs(dx), 4) + Math.pow(Math.abs(dy), 4), 0.25);
                double edge = smoothstep(1.0, 0.7, d);
                double lum = (0.299 * (p >> 16 & 0xFF) + 0.587 * (p >> 8 & 0xFF) + 0.114 * (p & 0xFF)) / 255;
                int a = (int) Math.round(255 * peak * edge * (0.55 + 0.45 * lum));
                out.setRGB(x, y, a << 24 | p);
            }
        }
        return out;
    }

    static BufferedImage softShadow(int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                // A blurred rectangle, offset down and right, as a drop shadow is.
                double fx = smoothstep(0.15 * w, 0.30 * w, x) * smoothstep(0.95 * w, 0.80 * w, x);
                double fy = smoothstep(0.20 * h, 0.35 * h, y) * smoothstep(0.98 * h, 0.83 * h, y);
                int a = (int) Math.round(255 * 0.6 * fx * fy);
                out.setRGB(x, y, a << 24 | 0x101010);
            }
        }
        return out;
    }

    static BufferedImage colourMask(int w, int h, int rgb, double peak, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double cx = w * (0.3 + 0.4 * r.nextDouble());
        double cy = h * (0.3 + 0.4 * r.nextDouble());
        double radius = Math.min(w, h) * 0.45;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) / radius;
                double ripple = 0.85 + 0.15 * Math.sin(x * 0.07) * Math.cos(y * 0.05);
                int a = (int) Math.round(255 * peak * smoothstep(1.0, 0.2, d) * ripple);
                out.setRGB(x, y, a << 24 | rgb);
            }
        }
        return out;
    }

    private static double smoothstep(double edge0, double edge1, double x) {
        double t = Math.clamp((x - edge0) / (edge1 - edge0), 0.0, 1.0);
        return t * t * (3 - 2 * t);
    }

    private static int clamp(int v) {
        return Math.clamp(v, 0, 255);
    }

    static void writePng(BufferedImage img, Path path) {
        try {
            if (!ImageIO.write(img, "png", path.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeJpeg(BufferedImage img, Path path, float quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(path.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }
}
