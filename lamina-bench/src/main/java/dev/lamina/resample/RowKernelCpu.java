package dev.lamina.resample;

import dev.lamina.core.BandFormat;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.SampleRows;
import dev.lamina.model.Kernel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 15: one of the warm thumbnail's resize kernels alone, in thread CPU time (median of 15
 * rounds after 10): {@code h816} and {@code h408}, the RGB horizontal pass of 192 rows from 816 or
 * 408 pixels to 256 (the thumbnail's Lanczos-3 windows: 19-20 and 9-10 taps); {@code write}, the U8
 * write of a 256-pixel RGB row. In the package of the resampler, whose pass it calls (run on the
 * class path); {@code -Dlamina.vector=false} runs the scalar forms. One shape per JVM, so that
 * the JIT's profile is that shape's alone.
 */
public final class RowKernelCpu {
    private static long sink;

    private RowKernelCpu() {
    }

    public static void main(String[] args) {
        String shape = args[0];
        Random rnd = new Random(1);
        Runnable body;
        int calls;
        if (shape.equals("write")) {
            Region out = Region.allocate(new Rect(0, 0, 256, 1), 3, BandFormat.U8);
            double[] row = new double[256 * 3];
            for (int i = 0; i < row.length; i++) {
                row[i] = rnd.nextDouble() * 1.1 - 0.05;
            }
            body = () -> {
                SampleRows.write(row, out, 0, 0, 256);
                sink += out.u8()[5];
            };
            calls = 20000;
        } else {
            int in = shape.equals("h816") ? 816 : 408;
            ResampleWeights w = ResampleWeights.of(Kernel.LANCZOS3, in, 256, 1632.0 / (1632 / in * 256));
            double[] src = new double[in * 3 + 1];
            for (int i = 0; i < src.length; i++) {
                src[i] = rnd.nextInt(256) / 255.0;
            }
            double[] dst = new double[256 * 3 + 1];
            body = () -> {
                for (int y = 0; y < 192; y++) {
                    ResampleHorizontal.filterRow(src, dst, w, 3, 0, 256, 0);
                }
                sink += (long) dst[5];
            };
            calls = 200;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] ns = new double[15];
        for (int r = -10; r < ns.length; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < calls; k++) {
                body.run();
            }
            if (r >= 0) {
                ns[r] = (threads.getCurrentThreadCpuTime() - c0) / (double) calls;
            }
        }
        Arrays.sort(ns);
        System.out.printf(Locale.ROOT, "%s: median %.1f us per call (%.1f-%.1f) (%d)%n", shape, ns[7] / 1000, ns[0] / 1000,
                ns[14] / 1000, sink % 10);
    }
}
