package dev.lamina.bench.jmh;

import dev.lamina.convolution.GaussianBlur;
import dev.lamina.core.Image;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import nu.pattern.OpenCV;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Gaussian blur of a 1920x1080 RGB picture by sigma, per engine; MPix/s of the picture. Lamina
 * pulls the blur through its pipeline on its worker pool (exact below sigma 3, recursive from 3
 * for 8-bit) and, as "lamina-exact", with the exact kernel at every sigma (what a 16-bit image
 * gets). Java2D runs a ConvolveOp of the same sampled kernel (truncated at 4 sigma) as two 1-D
 * passes, the way a user would; OpenCV's GaussianBlur picks its own kernel size from sigma
 * (3 sigma for 8-bit) and replicates edges like Lamina. {@link OneThread} is Lamina on one worker.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BlurBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"1", "3", "10", "30"})
    public double sigma;

    @Param({"lamina", "lamina-exact", "java2d", "opencv"})
    public String engine;

    private BufferedImage image;
    private Mat mat;
    private Image lamina;
    private ConvolveOp across, down;

    @Setup
    public void setUp() throws IOException {
        image = Pictures.rgb(1920, 1080);
        switch (engine) {
            case "lamina" -> lamina = GaussianBlur.build(Pictures.lamina(image), sigma);
            case "lamina-exact" -> lamina = GaussianBlur.build(Pictures.lamina(image), sigma, false);
            case "java2d" -> {
                float[] k = kernel(sigma);
                across = new ConvolveOp(new Kernel(k.length, 1, k), ConvolveOp.EDGE_NO_OP, null);
                down = new ConvolveOp(new Kernel(1, k.length, k), ConvolveOp.EDGE_NO_OP, null);
            }
            default -> {
                OpenCV.loadLocally();
                mat = Pictures.mat(image);
            }
        }
    }

    /** The sampled Gaussian to 4 sigma, normalised: Lamina's kernel, as floats for ConvolveOp. */
    static float[] kernel(double sigma) {
        int r = (int) (4 * sigma + 0.5);
        float[] k = new float[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            sum += Math.exp(-i * i / (2 * sigma * sigma));
        }
        for (int i = -r; i <= r; i++) {
            k[i + r] = (float) (Math.exp(-i * i / (2 * sigma * sigma)) / sum);
        }
        return k;
    }

    @Benchmark
    public Object blur() {
        if (lamina != null) {
            return ResizeBench.pull(lamina);
        }
        if (across != null) {
            return down.filter(across.filter(image, null), null);
        }
        Mat out = new Mat();
        Imgproc.GaussianBlur(mat, out, new Size(0, 0), sigma, sigma, Core.BORDER_REPLICATE);
        return out;
    }

    /** Lamina on a pool of one worker: the per-core figure, comparable with the single-threaded peers. */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(jvmArgsAppend = "-Dlamina.threads=1")
    public static class OneThread {
        @Param({"1", "3", "10", "30"})
        public double sigma;

        private Image lamina;

        @Setup
        public void setUp() throws IOException {
            lamina = GaussianBlur.build(Pictures.lamina(Pictures.rgb(1920, 1080)), sigma);
        }

        @Benchmark
        public Object blur() {
            return ResizeBench.pull(lamina);
        }
    }
}
