package dev.lamina.bench.lab;

import com.sun.management.OperatingSystemMXBean;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.LoadOptions;
import dev.lamina.recipe.Assets;
import dev.lamina.recipe.Recipe;
import dev.lamina.recipe.RecipeLimits;
import dev.lamina.recipe.RecipeParser;
import dev.lamina.recipe.Recipes;
import dev.lamina.text.FontLibrary;

import dev.lamina.bench.inputs.InputGenerator;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The service's thumbnail preset as a recipe render, in process CPU time per render: the lab's
 * first 16 S4 photos (1632x1224 JPEG q90) as files, each to fit 256 px, JPEG quality 85, the ways
 * a render can get its asset, alternated round by round in one JVM:
 * <ul>
 * <li>{@code pinned}: the asset decoded whole and pinned beforehand (the service's cache hit);</li>
 * <li>{@code pin-miss}: decoded whole and pinned by the render (the service's cache miss);</li>
 * <li>{@code opened}: opened and resized from its full decode, streaming (main's {@code lamina render});</li>
 * <li>{@code store}: opened again from the file at 1/shrink by libvips' rule ({@link Assets#files});</li>
 * <li>{@code store-fast}: the same with the layer's {@code fastShrinkOnLoad} (sharp's rule).</li>
 * </ul>
 * Usage: {@code RecipeThumbnailCpu [ROUNDS] [RENDERS_PER_ROUND] [S4_DIR]} with {@code -Dlamina.threads=1};
 * without a folder the lab's S4 photos are made under {@code bench/inputs/full} if missing.
 */
public final class RecipeThumbnailCpu {
    private RecipeThumbnailCpu() {
    }

    static final String RECIPE = """
            {"version": 1, "canvas": {"asset": "photo", "width": 256, "height": 256, "fit": "inside"},
             "layers": [{"type": "image", "asset": "photo", "width": 256, "height": 256, "fit": "inside"%s}]}""";

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir;
        if (args.length > 2) {
            dir = Path.of(args[2]);
        } else {
            // the lab's S4 photos, made here as ThumbnailCpu makes them when they are missing
            InputGenerator.generate(Path.of("bench", "inputs", "full"), InputGenerator.Profile.full(), Set.of("s4"));
            dir = Path.of("bench", "inputs", "full", "s4");
        }
        Path[] files = new Path[16];
        LaminaImage[] pinned = new LaminaImage[files.length];
        for (int i = 0; i < files.length; i++) {
            files[i] = dir.resolve("photo-%03d.jpg".formatted(i));
            pinned[i] = Lamina.open(files[i]).pin();
        }
        Recipe precise = RecipeParser.parse(RECIPE.formatted(""));
        Recipe fast = RecipeParser.parse(RECIPE.formatted(", \"fastShrinkOnLoad\": true"));
        record Mode(Recipe recipe, IntFunction<Assets> assets) {
        }
        Map<String, Mode> modes = new LinkedHashMap<>();
        modes.put("pinned", new Mode(precise, i -> Assets.of(Map.of("photo", pinned[i]))));
        modes.put("pin-miss", new Mode(precise, i -> Assets.of(Map.of("photo", Lamina.open(files[i]).pin()))));
        modes.put("opened", new Mode(precise, i -> Assets.of(Map.of("photo", Lamina.open(files[i])))));
        modes.put("store", new Mode(precise, i -> Assets.files((n, p) -> files[i], LoadOptions.defaults())));
        modes.put("store-fast", new Mode(fast, i -> Assets.files((n, p) -> files[i], LoadOptions.defaults())));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, double[]> cpu = new LinkedHashMap<>();
        modes.keySet().forEach(m -> cpu.put(m, new double[rounds]));
        long sink = 0;
        FontLibrary fonts = FontLibrary.withBundled();
        for (int r = -rounds; r < rounds; r++) {
            for (Map.Entry<String, Mode> m : modes.entrySet()) {
                long c0 = os.getProcessCpuTime();
                for (int i = 0; i < per; i++) {
                    int k = i % files.length;
                    sink += Recipes.render(m.getValue().recipe(), m.getValue().assets().apply(k), fonts,
                            RecipeLimits.defaults(), 8).encode(JpegOptions.jpeg().quality(85)).length;
                }
                if (r >= 0) {
                    cpu.get(m.getKey())[r] = (os.getProcessCpuTime() - c0) / 1e6 / per;
                }
            }
        }
        for (Map.Entry<String, double[]> e : cpu.entrySet()) {
            double[] c = e.getValue();
            Arrays.sort(c);
            System.out.printf(Locale.ROOT, "%-10s CPU median %.2f ms/render (%.2f-%.2f), %d rounds of %d%n",
                    e.getKey(), c[rounds / 2], c[0], c[rounds - 1], rounds, per);
        }
        System.out.println("threads " + System.getProperty("lamina.threads", "default") + " (" + sink % 10 + ")");
    }
}
