package dev.lamina.bench.jmh;

import dev.lamina.model.Kernel;
import dev.lamina.core.Image;
import dev.lamina.geometry.Affine;
import dev.lamina.geometry.AffineMatrix;
import java.awt.geom.AffineTransform;
import java.awt.image.AffineTransformOp;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import nu.pattern.OpenCV;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
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
 * A rotation by 30 degrees and a general affine (scale 1.1 x 1.2, shear 0.2, rotate 10 degrees:
 * no axis is compressed, so Lamina's kernel is not stretched and every engine samples the same
 * footprint) of a 1920x1080 RGB or RGBA picture, onto the transformed image's bounding box with a
 * transparent/black background, on one thread: Lamina's worker pool of one thread
 * ({@code -Dlamina.threads=1}), OpenCV with {@code setNumThreads(1)}, Java2D (single-threaded).
 * MPix/s counts the input's pixels.
 *
 * <p>What each computes: Lamina samples in premultiplied alpha, in double, rounds once, and blends
 * the edges by exact coverage; Java2D's {@code AffineTransformOp} (bilinear, bicubic) and OpenCV's
 * {@code warpAffine} (INTER_LINEAR, INTER_CUBIC, INTER_LANCZOS4: fixed-point weight tables of 32
 * sub-pixel phases for 8-bit data) interpolate straight alpha, and their edges are whatever the
 * kernel makes of the border (OpenCV: a constant border of zeros).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = "-Dlamina.threads=1")
public class GeometryBench {
    public static final long PIXELS = 1920L * 1080;

    @Param({"rgb", "rgba"})
    public String picture;

    @Param({"lamina-linear", "lamina-cubic", "lamina-lanczos3", "java2d-bilinear", "java2d-bicubic",
            "opencv-linear", "opencv-cubic", "opencv-lanczos4"})
    public String engine;

    private Image lamina;
    private BufferedImage image;
    private Mat mat;
    private Transform rotate30;
    private Transform general;

    /** A forward map in Lamina's coordinates (pixel i spans [i, i+1)) and its output size. */
    record Transform(AffineMatrix m, int width, int height) {
    }

    @Setup
    public void setUp() throws IOException {
        image = picture.equals("rgba") ? Pictures.rgba(1920, 1080) : Pictures.rgb(1920, 1080);
        Affine.Rotation r = Affine.rotation(1920, 1080, 30);
        rotate30 = new Transform(r.matrix(), r.area().width(), r.area().height());
        double c = Math.cos(Math.toRadians(10)), s = Math.sin(Math.toRadians(10));
        // rotate(10) . shear(0.2) . scale(1.1, 1.2)
        double a = 1.1, b = 0.2 * 1.2, d = 1.2;
        AffineMatrix m = new AffineMatrix(c * a, c * b - s * d, s * a, s * b + c * d, 0, 0);
        var box = m.bounds(1920, 1080);
        AffineMatrix placed = new AffineMatrix(m.a(), m.b(), m.c(), m.d(), -box.x(), -box.y());
        general = new Transform(placed, box.width(), box.height());
        if (engine.startsWith("lamina")) {
            lamina = Pictures.lamina(image);
        } else if (engine.startsWith("opencv")) {
            OpenCV.loadLocally();
            Core.setNumThreads(1);
            mat = Pictures.mat(image);
        }
    }

    @Benchmark
    public Object rotate30() {
        return run(rotate30);
    }

    @Benchmark
    public Object affine() {
        return run(general);
    }

    private Object run(Transform t) {
        return switch (engine) {
            case "lamina-linear" -> ResizeBench.pull(laminaImage(t, Kernel.LINEAR));
            case "lamina-cubic" -> ResizeBench.pull(laminaImage(t, Kernel.CUBIC));
            case "lamina-lanczos3" -> ResizeBench.pull(laminaImage(t, Kernel.LANCZOS3));
            case "java2d-bilinear" -> java2d(t, AffineTransformOp.TYPE_BILINEAR);
            case "java2d-bicubic" -> java2d(t, AffineTransformOp.TYPE_BICUBIC);
            case "opencv-linear" -> opencv(t, Imgproc.INTER_LINEAR);
            case "opencv-cubic" -> opencv(t, Imgproc.INTER_CUBIC);
            default -> opencv(t, Imgproc.INTER_LANCZOS4);
        };
    }

    /** Built per call (building is cheap: the weight tables are per sequence), then pulled in strips. */
    private Image laminaImage(Transform t, Kernel k) {
        return Affine.build(lamina, t.m, k, new dev.lamina.core.Rect(0, 0, t.width, t.height), null);
    }

    private BufferedImage java2d(Transform t, int type) {
        AffineMatrix m = t.m;
        AffineTransform at = new AffineTransform(m.a(), m.c(), m.b(), m.d(), m.tx(), m.ty());
        BufferedImage out = new BufferedImage(t.width, t.height, image.getType());
        return new AffineTransformOp(at, type).filter(image, out);
    }

    private Mat opencv(Transform t, int interpolation) {
        AffineMatrix m = t.m;
        // OpenCV puts pixel centres at integers: X + 0.5 = A (x + 0.5) + t
        Mat forward = new Mat(2, 3, CvType.CV_64F);
        forward.put(0, 0, m.a(), m.b(), m.tx() + 0.5 * (m.a() + m.b()) - 0.5,
                m.c(), m.d(), m.ty() + 0.5 * (m.c() + m.d()) - 0.5);
        Mat out = new Mat();
        Imgproc.warpAffine(mat, out, forward, new Size(t.width, t.height), interpolation, Core.BORDER_CONSTANT,
                new Scalar(0, 0, 0, 0));
        return out;
    }
}
