package dev.lamina.bench.jmh;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.recipe.Assets;
import dev.lamina.recipe.Recipe;
import dev.lamina.recipe.RecipeLimits;
import dev.lamina.recipe.RecipeParser;
import dev.lamina.recipe.Recipes;
import dev.lamina.text.FontLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The social card of examples/social-card.json (1200x630: a diagonal gradient, a radial
 * highlight, the 600x400 photo covering 480x510 in a rounded-rectangle clip with a sigma-18 drop
 * shadow, a 180-wide logo with a sigma-6 shadow, a bold title and a two-line subtitle), cards per
 * second, to pixels in memory (no encoding). Assets are decoded once in setup, as a service keeps
 * them pinned.
 *
 * <ul>
 * <li>{@code lamina}: the recipe parsed and rendered (check, build, pull every pixel) on Lamina's
 * pool (2 workers on the 2-core machine); {@code lamina-1t}: the same on one worker.</li>
 * <li>{@code java2d}: the same card drawn the way a Java team would, on one thread: Graphics2D with
 * antialiasing and bilinear interpolation, GradientPaint and RadialGradientPaint, the photo scaled
 * into a RoundRectangle2D clip, each shadow an ARGB mask blurred with two 1-D ConvolveOps of the
 * same sampled Gaussian (to 4 sigma) and drawn with AlphaComposite, drawString with DejaVu Sans
 * Bold / DejaVu Sans loaded from the same font files. 8 bits per step (ARGB ints).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SocialCardBench {
    @Param({"lamina", "lamina-1t", "java2d"})
    public String engine;

    private byte[] recipe;
    private Assets assets;
    private FontLibrary fonts;
    private Execution oneThread;

    private BufferedImage photo;
    private BufferedImage logo;
    private Font title;
    private Font subtitle;
    private ConvolveOp[] photoBlur;
    private ConvolveOp[] logoBlur;

    @Setup
    public void setUp() throws Exception {
        Path root = Path.of(System.getProperty("lamina.root", "."));
        Path examples = root.resolve("examples");
        recipe = Files.readAllBytes(examples.resolve("social-card.json"));
        LaminaImage p = Lamina.open(root.resolve("samples/background.png")).pin();
        LaminaImage l = Lamina.open(root.resolve("samples/watermark.png")).pin();
        assets = Assets.of(Map.of("../samples/background.png", p, "../samples/watermark.png", l));
        fonts = FontLibrary.withBundled();
        oneThread = Execution.standard().threads(1);
        photo = ImageIO.read(root.resolve("samples/background.png").toFile());
        BufferedImage lg = ImageIO.read(root.resolve("samples/watermark.png").toFile());
        logo = new BufferedImage(lg.getWidth(), lg.getHeight(), BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = logo.createGraphics();
        g.drawImage(lg, 0, 0, null);
        g.dispose();
        title = font("DejaVuSans-Bold.ttf", 68);
        subtitle = font("DejaVuSans.ttf", 30);
        photoBlur = blur(18);
        logoBlur = blur(6);
    }

    private static Font font(String file, float size) throws Exception {
        try (InputStream in = dev.lamina.text.Font.class.getResourceAsStream("fonts/" + file)) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(size);
        }
    }

    private static ConvolveOp[] blur(double sigma) {
        float[] k = BlurBench.kernel(sigma);
        return new ConvolveOp[]{new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_ZERO_FILL, null),
                new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_ZERO_FILL, null)};
    }

    @Benchmark
    public Object card() {
        return switch (engine) {
            case "lamina" -> lamina();
            case "lamina-1t" -> oneThread.call(this::lamina);
            default -> java2d();
        };
    }

    private byte[] lamina() {
        Recipe r = RecipeParser.parse(recipe);
        return Recipes.render(r, assets, fonts, RecipeLimits.defaults(), 8).pixels8();
    }

    private BufferedImage java2d() {
        BufferedImage card = new BufferedImage(1200, 630, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = card.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(0x1e3c72), 1200, 630, new Color(0x2a5298)));
        g.fillRect(0, 0, 1200, 630);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.12f));
        g.setPaint(new RadialGradientPaint(1080, 90, 260, new float[]{0, 1},
                new Color[]{new Color(255, 255, 255, 255), new Color(255, 255, 255, 0)}));
        g.fill(new Ellipse2D.Double(820, -170, 520, 520));
        g.setComposite(AlphaComposite.SrcOver);

        // the photo's shadow: the rounded rectangle's mask, blurred, at 45%, 14 px down
        RoundRectangle2D clip = new RoundRectangle2D.Double(60, 60, 480, 510, 64, 64);
        int m = 73;
        BufferedImage mask = new BufferedImage(480 + 2 * m, 510 + 2 * m, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D mg = mask.createGraphics();
        mg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        mg.setColor(Color.BLACK);
        mg.fill(new RoundRectangle2D.Double(m, m, 480, 510, 64, 64));
        mg.dispose();
        BufferedImage soft = photoBlur[1].filter(photoBlur[0].filter(mask, null), null);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
        g.drawImage(soft, 60 - m, 60 - m + 14, null);
        g.setComposite(AlphaComposite.SrcOver);
        // the photo, covering 480x510 (its centre 376x400 of 600x400), in the clip
        g.setClip(clip);
        g.drawImage(photo, 60, 60, 540, 570, 112, 0, 488, 400, null);
        g.setClip(null);

        // the logo, 180 wide, with its shadow (its alpha, blurred, 55%, moved 6, 8)
        int lw = 180, lh = 120, lm = 26;
        BufferedImage lmask = new BufferedImage(lw + 2 * lm, lh + 2 * lm, BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D lg = lmask.createGraphics();
        lg.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        lg.drawImage(logo, lm, lm, lw, lh, null);
        lg.setComposite(AlphaComposite.SrcIn);
        lg.setColor(Color.BLACK);
        lg.fillRect(0, 0, lmask.getWidth(), lmask.getHeight());
        lg.dispose();
        BufferedImage lsoft = logoBlur[1].filter(logoBlur[0].filter(lmask, null), null);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.55f));
        g.drawImage(lsoft, 600 - lm + 6, 60 - lm + 8, null);
        g.setComposite(AlphaComposite.SrcOver);
        g.drawImage(logo, 600, 60, lw, lh, null);

        g.setColor(Color.WHITE);
        g.setFont(title);
        g.drawString("Lamina recipes", 600, 300 + 64);
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.9f));
        g.setColor(new Color(0xdfe8ff));
        g.setFont(subtitle);
        g.drawString("A layer tree in one JSON file, evaluated", 600, 400 + 34);
        g.drawString("at 16 bits and rounded once.", 600, 400 + 34 + 40);
        g.dispose();
        return card;
    }
}
