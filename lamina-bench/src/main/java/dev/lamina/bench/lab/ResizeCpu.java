package dev.lamina.bench.lab;

import com.sun.management.OperatingSystemMXBean;
import dev.lamina.codec.Decoders;
import dev.lamina.core.*;
import dev.lamina.model.*;
import dev.lamina.resample.Resize;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.util.*;

/**
 * Issue 15: the resize half of the warm thumbnail alone, in process CPU time. The lab's first 16 S4
 * photos (run from the folder holding bench/inputs/full/s4) decoded at 1/2 ({@code precise}) or 1/4
 * ({@code fast}) once, then, per image, resized
 * from a sequential copy (a row decoder behind a line cache, as the JPEG decoder is) to 256x192
 * Lanczos-3 with the thumbnail's scales and pulled in strips: the sweep for {@code precise}, the strip
 * path for {@code fast}. Usage: {@code ResizeCpu ROUNDS PER_ROUND precise|fast}, with
 * {@code -Dlamina.threads=1}.
 */
public final class ResizeCpu {
    private ResizeCpu() {
    }

    public static void main(String[] a) throws Exception {
        int rounds = Integer.parseInt(a[0]), per = Integer.parseInt(a[1]);
        int shrink = a[2].equals("fast") ? 4 : 2;
        Region[] px = new Region[16];
        Image[] decoded = new Image[16];
        for (int i = 0; i < 16; i++) {
            byte[] f = Files.readAllBytes(Path.of("bench/inputs/full/s4/photo-%03d.jpg".formatted(i)));
            Image d = Decoders.open(f, "p.jpg", LoadOptions.defaults(), shrink);
            Region all = Region.allocate(new Rect(0, 0, d.width, d.height), d.bands, d.format);
            StripSink.run(d, s -> all.copyFrom(s));
            px[i] = all; decoded[i] = d;
        }
        double sc = 1632.0 / (shrink * 256);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] cpu = new double[rounds];
        long sink = 0;
        for (int r = -rounds; r < rounds; r++) {
            long c0 = os.getProcessCpuTime();
            for (int i = 0; i < per; i++) {
                Region all = px[i % 16]; Image d = decoded[i % 16];
                int w = d.width, bands = d.bands;
                Image seq = LineCache.image(() -> new RowDecoder() {
                    public void decodeRow(Region dst, int y) {
                        System.arraycopy(all.u8(), all.index(0, y), dst.u8(), dst.index(0, y), w * bands);
                    }
                    public void close() {}
                }, d.width, d.height, d.interpretation, d.hasAlpha, d.format, d.metadata, "p", Limits.defaults());
                Image out = Resize.build(seq, 256, 192, Kernel.LANCZOS3, sc, sc, Limits.defaults(), "p");
                long[] s = {0};
                StripSink.run(out, strip -> s[0] += strip.u8()[strip.index(strip.rect().x(), strip.rect().y())]);
                sink += s[0];
            }
            if (r >= 0) cpu[r] = (os.getProcessCpuTime() - c0) / 1e6 / per;
        }
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%s: resize CPU median %.4f ms (%.4f-%.4f) (%d)%n", a[2], cpu[rounds / 2], cpu[0], cpu[rounds - 1], sink % 10);
    }
}
