package dev.lamina.bench.jmh;

import dev.lamina.model.Limits;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.png.PngDecoder;
import dev.lamina.codec.png.PngEncoder;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import com.criteo.vips.VipsException;
import com.criteo.vips.VipsImage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import nu.pattern.OpenCV;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * PNG encode (level 6, each engine's default filtering: adaptive for Lamina, ImageIO's own
 * choice, OpenCV's; libvips 8.12 through jvips tries all filters per row, its default, the binding
 * having no filter argument) and decode of a 1920x1080 photo-like picture, in memory. libvips
 * decodes lazily: its decode is pulled through vips_max, which adds a scan of the pixels. Lamina's encode and
 * decode run strip by strip on its worker pool, as they do for users. Throughput in operations
 * per second; JmhMain converts to MPix/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PngCodecBench {
    /** Pixels per operation, for MPix/s. */
    public static final long PIXELS = 1920L * 1080;

    @Param({"lamina", "java2d", "opencv", "jvips"})
    public String engine;

    @Param({"rgb", "rgba"})
    public String bands;

    private BufferedImage image;
    private Mat mat;
    private Image laminaImage;
    private byte[] png;
    private VipsImage vipsImage;
    private ByteBuffer pngDirect;

    @Setup
    public void setUp() throws IOException, VipsException {
        image = bands.equals("rgb") ? Pictures.rgb(1920, 1080) : Pictures.rgba(1920, 1080);
        if (engine.equals("opencv")) {
            OpenCV.loadLocally();
            mat = Pictures.mat(image);
        }
        if (engine.equals("lamina")) {
            laminaImage = Pictures.lamina(image);
        }
        if (engine.equals("jvips")) {
            Pictures.loadVips();
            vipsImage = Pictures.vips(image);
        }
        png = encode();
        if (engine.equals("jvips")) {
            pngDirect = Pictures.direct(png);
        }
    }

    @Benchmark
    public byte[] encode() throws IOException, VipsException {
        if (engine.equals("jvips")) {
            // Level 6, no palette (the colour count is then unused), metadata kept.
            return vipsImage.writePNGToArray(6, false, 256, false);
        }
        if (engine.equals("lamina")) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
            PngEncoder.write(laminaImage, bytes, PngOptions.png());
            return bytes.toByteArray();
        }
        if (engine.equals("opencv")) {
            MatOfByte out = new MatOfByte();
            Imgcodecs.imencode(".png", mat, out, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6));
            return out.toArray();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 22);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(3 / 9f); // level 9 - round(9 q) = 6
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Benchmark
    public Object decode() throws IOException, VipsException {
        if (engine.equals("jvips")) {
            VipsImage decoded = new VipsImage(pngDirect, png.length);
            try {
                return decoded.max1();
            } finally {
                decoded.release();
            }
        }
        if (engine.equals("lamina")) {
            Image decoded = PngDecoder.open(png, "bench.png", Limits.defaults());
            long[] sum = {0};
            StripSink.run(decoded, strip -> sum[0] += strip.u8()[0]);
            return sum[0];
        }
        if (engine.equals("opencv")) {
            return Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_UNCHANGED);
        }
        return ImageIO.read(new ByteArrayInputStream(png));
    }
}
