package dev.lamina.bench.lab;

import com.sun.management.OperatingSystemMXBean;
import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.bench.inputs.InputGenerator;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 15's warm per-image thumbnail in process CPU time as well as wall time: the lab's first 16
 * S4 photos in memory, each to fit 256 px, JPEG quality 85, as {@code WarmThumbnailBench} does.
 * CPU time is what a loaded, shared machine does not inflate much (wall time there measures the
 * other jobs); it includes the JIT and the collector, so rounds only count after as many warm-up
 * rounds. {@code bench/node/warm-thumbnail.js} prints the same two figures for sharp.
 *
 * <p>Usage: {@code ThumbnailCpu [ROUNDS] [IMAGES_PER_ROUND] [precise|fast]} with {@code -Dlamina.threads=N}:
 * {@code precise} (the default) shrinks on load by libvips' rule, {@code fast} by sharp's default
 * rule ({@link ThumbnailOptions#fastShrinkOnLoad}), the counterpart of sharp's
 * {@code fastShrinkOnLoad: true}.
 */
public final class ThumbnailCpu {
    private ThumbnailCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String rule = args.length > 2 ? args[2] : "precise";
        if (!rule.equals("precise") && !rule.equals("fast")) {
            System.err.println("ThumbnailCpu: the rule is precise or fast, not " + rule);
            System.exit(2);
        }
        ThumbnailOptions options = ThumbnailOptions.edge(256).fastShrinkOnLoad(rule.equals("fast"));
        Path dir = Path.of("bench", "inputs", "full");
        InputGenerator.generate(dir, InputGenerator.Profile.full(), Set.of("s4"));
        byte[][] files = new byte[16][];
        for (int i = 0; i < files.length; i++) {
            files[i] = Files.readAllBytes(dir.resolve("s4").resolve("photo-%03d.jpg".formatted(i)));
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpu = new double[rounds];
        double[] wall = new double[rounds];
        long sink = 0;
        for (int r = -rounds; r < rounds; r++) {
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < per; i++) {
                sink += Lamina.thumbnail(files[i % files.length], "photo.jpg", options, LoadOptions.defaults())
                        .encode(JpegOptions.jpeg().quality(85)).length;
            }
            if (r >= 0) {
                cpu[r] = (os.getProcessCpuTime() - c0) / 1e6 / per;
                wall[r] = (System.nanoTime() - t0) / 1e6 / per;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "lamina %s threads %s: CPU median %.3f ms/image (%.3f-%.3f), wall median %.3f ms/image (%.3f-%.3f), %d rounds of %d (%d)%n",
                rule, System.getProperty("lamina.threads", "default"), cpu[rounds / 2], cpu[0], cpu[rounds - 1],
                wall[rounds / 2], wall[0], wall[rounds - 1], rounds, per, sink % 10);
    }
}
