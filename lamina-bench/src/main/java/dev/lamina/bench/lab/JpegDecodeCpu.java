package dev.lamina.bench.lab;

import com.sun.management.ThreadMXBean;
import dev.lamina.bench.jmh.JpegCodecBench;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.codec.jpeg.JpegEncoder;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.StripSink;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Limits;
import dev.lamina.model.Metadata;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code JpegCodecBench}'s decodes in process CPU time: the 800x600 quality-85 file at full and
 * 1/2 scale and the 1632x1224 quality-90 4:2:0 file (the lab's S4 shape) at 1/2, made as that
 * benchmark makes them. On a shared 2-core machine whose load average is above the core count,
 * JMH's wall time mostly measures the other jobs; CPU time is inflated far less. The figure is
 * the CPU time of the Java threads (the caller and the decode's worker; per-thread clocks have
 * nanosecond resolution where the process's counts 10 ms ticks), so the JIT's and the
 * collector's threads are left out; rounds only count after as many warm-up rounds.
 *
 * <p>Usage: {@code JpegDecodeCpu [ROUNDS] [DECODES_PER_ROUND]} with {@code -Dlamina.threads=1}.
 */
public final class JpegDecodeCpu {
    private JpegDecodeCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        int per = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        byte[] small = encode(JpegCodecBench.coffee(800, 600), JpegOptions.jpeg().quality(85));
        byte[] s4 = encode(JpegCodecBench.coffee(1632, 1224), JpegOptions.jpeg().quality(90).subsampling(JpegOptions.Subsampling.S420));
        String[] names = {"800x600 q85 full", "800x600 q85 1/2", "1632x1224 q90 4:2:0 1/2",
                "800x600 entropy only", "1632x1224 entropy only"};
        byte[][] files = {small, small, s4, small, s4};
        int[] scales = {1, 2, 2, 0, 0};   // 0: only the entropy decode of the scan, see entropyOnly
        int[] weight = {1, 2, 1, 4, 2};   // about the same time per round for each
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[][] cpu = new double[names.length][rounds];
        long sink = 0;
        for (int r = -rounds; r < rounds; r++) {
            for (int t = 0; t < names.length; t++) {
                int n = per * weight[t];
                long c0 = javaThreadsCpu(threads);
                for (int i = 0; i < n; i++) {
                    sink += scales[t] == 0 ? entropyOnly(files[t]) : decode(files[t], scales[t]);
                }
                if (r >= 0) {
                    cpu[t][r] = (javaThreadsCpu(threads) - c0) / 1e6 / n;
                }
            }
        }
        for (int t = 0; t < names.length; t++) {
            double[] c = cpu[t];
            Arrays.sort(c);
            System.out.printf(Locale.ROOT, "%-24s CPU median %.3f ms/decode (%.3f-%.3f), %d rounds of %d%n",
                    names[t], c[rounds / 2], c[0], c[rounds - 1], rounds, per * weight[t]);
        }
        System.out.println("(checksum " + sink % 1000 + ")");
    }

    /** CPU nanoseconds of all live Java threads (the decode's worker pool lives as long as the run). */
    private static long javaThreadsCpu(ThreadMXBean threads) {
        long sum = 0;
        for (long t : threads.getThreadCpuTime(threads.getAllThreadIds())) {
            sum += Math.max(0, t);
        }
        return sum;
    }

    private static java.lang.reflect.Method parse;
    private static java.lang.reflect.Constructor<?> scanDecoder;
    private static java.lang.reflect.Method startScan;
    private static java.lang.reflect.Method decodeRow;
    private static java.lang.reflect.Method scanRows;

    /**
     * The Huffman decode of the file's one scan into coefficients, nothing else: through the
     * package-private {@code JpegFrame} and {@code ScanDecoder} by reflection (the same
     * signatures before and after the entropy work, so both builds run the same harness), one
     * iMCU row at a time into arrays one iMCU row high, cleared before each row, as the
     * streaming baseline decode does ({@code JpegRowDecoder}).
     */
    private static long entropyOnly(byte[] jpeg) {
        try {
            if (parse == null) {
                Class<?> frame = Class.forName("dev.lamina.codec.jpeg.JpegFrame");
                Class<?> sd = Class.forName("dev.lamina.codec.jpeg.ScanDecoder");
                parse = frame.getDeclaredMethod("parse", byte[].class, String.class, Limits.class);
                scanDecoder = sd.getDeclaredConstructor(frame, boolean.class, java.util.function.Consumer.class);
                startScan = sd.getDeclaredMethod("startScan", int.class);
                decodeRow = sd.getDeclaredMethod("decodeRow", int.class, short[][].class, int.class);
                scanRows = sd.getDeclaredMethod("scanRows");
                for (java.lang.reflect.AccessibleObject o : new java.lang.reflect.AccessibleObject[] {
                        parse, scanDecoder, startScan, decodeRow, scanRows}) {
                    o.setAccessible(true);
                }
            }
            Object f = parse.invoke(null, jpeg, "bench.jpg", Limits.defaults());
            java.lang.reflect.Field components = f.getClass().getDeclaredField("components");
            components.setAccessible(true);
            Object[] comps = (Object[]) components.get(f);
            short[][] coefs = new short[comps.length][];
            for (int c = 0; c < comps.length; c++) {
                java.lang.reflect.Field w = comps[c].getClass().getDeclaredField("blocksW");
                java.lang.reflect.Field v = comps[c].getClass().getDeclaredField("v");
                w.setAccessible(true);
                v.setAccessible(true);
                coefs[c] = new short[w.getInt(comps[c]) * v.getInt(comps[c]) * 64];
            }
            java.lang.reflect.Field first = f.getClass().getDeclaredField("firstScanPos");
            first.setAccessible(true);
            Object d = scanDecoder.newInstance(f, true, (java.util.function.Consumer<String>) s -> { });
            startScan.invoke(d, first.getInt(f));
            int rows = (int) scanRows.invoke(d);
            for (int r = 0; r < rows; r++) {
                for (short[] c : coefs) {
                    Arrays.fill(c, (short) 0);
                }
                decodeRow.invoke(d, r, coefs, r);
            }
            return coefs[0][64];
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long decode(byte[] jpeg, int scale) {
        Image decoded = JpegDecoder.open(jpeg, "bench.jpg", Limits.defaults(), JpegDecodeOptions.defaults().scale(scale));
        long[] sum = {0};
        StripSink.run(decoded, strip -> sum[0] += strip.u8()[0]);
        return sum[0];
    }

    private static byte[] encode(BufferedImage img, JpegOptions options) {
        byte[] data = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Region region = Region.allocate(Rect.of(img.getWidth(), img.getHeight()), 3, BandFormat.U8);
        byte[] out = region.u8();
        for (int i = 0; i < data.length; i += 3) {
            out[i] = data[i + 2];
            out[i + 1] = data[i + 1];
            out[i + 2] = data[i];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        JpegEncoder.write(MemorySource.image(region, Interpretation.RGB, false, Metadata.NONE), bytes, options);
        return bytes.toByteArray();
    }

}
