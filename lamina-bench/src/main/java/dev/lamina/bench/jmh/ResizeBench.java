package dev.lamina.bench.jmh;

import com.sksamuel.scrimage.ImmutableImage;
import dev.lamina.model.Kernel;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import dev.lamina.resample.Resize;
import com.sksamuel.scrimage.ScaleMethod;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.coobird.thumbnailator.Thumbnails;
import nu.pattern.OpenCV;
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
 * Resize a 1920x1080 RGB picture to a quarter of each side, per engine and kernel. MPix/s counts
 * the input's pixels. Lamina resizes the in-memory picture through its pipeline and worker pool
 * (pulled in strips, as a save would), exact against the float64 reference; {@link OneThread}
 * runs its Lanczos-3 on a pool of one worker, for a per-core figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ResizeBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"lamina-linear", "lamina-cubic", "lamina-lanczos3", "java2d-bilinear", "java2d-bicubic", "thumbnailator", "scrimage-bicubic", "scrimage-lanczos3",
            "opencv-area", "opencv-cubic", "opencv-lanczos4"})
    public String kernel;

    private BufferedImage image;
    private ImmutableImage scrimage;
    private Mat mat;
    private Image lamina;

    @Setup
    public void setUp() throws IOException {
        image = Pictures.rgb(1920, 1080);
        if (kernel.startsWith("opencv")) {
            OpenCV.loadLocally();
            mat = Pictures.mat(image);
        }
        if (kernel.startsWith("lamina")) {
            lamina = laminaQuarter(image, kernel);
        }
        if (kernel.startsWith("scrimage")) {
            scrimage = ImmutableImage.fromAwt(image);
        }
    }

    @Benchmark
    public Object quarter() throws IOException {
        int w = 480;
        int h = 270;
        if (lamina != null) {
            return pull(lamina);
        }
        return switch (kernel) {
            case "java2d-bilinear", "java2d-bicubic" -> {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = out.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, kernel.endsWith("bicubic")
                        ? RenderingHints.VALUE_INTERPOLATION_BICUBIC : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(image, 0, 0, w, h, null);
                g.dispose();
                yield out;
            }
            case "thumbnailator" -> Thumbnails.of(image).size(w, h).asBufferedImage();
            case "scrimage-bicubic" -> scrimage.scaleTo(w, h, ScaleMethod.Bicubic);
            case "scrimage-lanczos3" -> scrimage.scaleTo(w, h, ScaleMethod.Lanczos3);
            default -> {
                Mat out = new Mat();
                int interp = switch (kernel) {
                    case "opencv-area" -> Imgproc.INTER_AREA;
                    case "opencv-cubic" -> Imgproc.INTER_CUBIC;
                    default -> Imgproc.INTER_LANCZOS4;
                };
                Imgproc.resize(mat, out, new Size(w, h), 0, 0, interp);
                yield out;
            }
        };
    }

    /** The resize of the picture to 480x270 with the kernel a "lamina-..." parameter names. */
    static Image laminaQuarter(BufferedImage picture, String param) {
        Kernel k = switch (param) {
            case "lamina-linear" -> Kernel.LINEAR;
            case "lamina-cubic" -> Kernel.CUBIC;
            case "lamina-lanczos3" -> Kernel.LANCZOS3;
            default -> throw new IllegalArgumentException(param);
        };
        return Resize.build(Pictures.lamina(picture), 480, 270, k);
    }

    /** Computes every strip on the worker pool, as a save would, and keeps one sample of each. */
    static long pull(Image image) {
        long[] sum = {0};
        StripSink.run(image, strip -> sum[0] += strip.u8()[0]);
        return sum[0];
    }

    /**
     * Lamina's Lanczos-3 on a worker pool of one thread (the pool's size is fixed per JVM, hence
     * the fork of its own): the per-core cost, comparable with the single-threaded peers.
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(jvmArgsAppend = "-Dlamina.threads=1")
    public static class OneThread {
        @Param({"lamina-lanczos3"})
        public String kernel;

        private Image lamina;

        @Setup
        public void setUp() throws IOException {
            lamina = laminaQuarter(Pictures.rgb(1920, 1080), kernel);
        }

        @Benchmark
        public Object quarter() {
            return pull(lamina);
        }
    }
}
