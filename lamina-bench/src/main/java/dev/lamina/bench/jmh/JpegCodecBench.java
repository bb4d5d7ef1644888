package dev.lamina.bench.jmh;

import dev.lamina.model.JpegOptions;
import dev.lamina.model.Limits;
import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.codec.jpeg.JpegEncoder;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JPEG encode and decode of an 800x600 photo-like picture at quality 85, 4:2:0 (the collage
 * service's output), in memory: Lamina's codec against the JDK's ImageIO (libjpeg 6b inside), and
 * Lamina's DCT-domain scaled decodes (1/2, 1/4, 1/8), which ImageIO cannot do. The picture is
 * docs/jpeg.md's: coffee.png scaled up bilinearly with Java2D, no added noise, so the encoded file
 * is the one that page's timings use (82,933 bytes from Lamina's encoder).
 *
 * <p>One thread, as the codec's figures in docs/jpeg.md: Lamina's worker pool gets one thread
 * ({@code -Dlamina.threads=1}), ImageIO runs on the caller's thread. Lamina's decode then runs on
 * that worker alone; its encode still codes each strip's entropy on the caller's thread while
 * the worker transforms the next one, so its wall time may use a second core for part of the
 * time (docs/jpeg.md has its CPU time too).
 * Throughput in operations per second, like the other suites; for milliseconds per operation
 * run it with {@code -bm avgt -tu ms}. MPix/s counts the 800x600 source pixels, also for the
 * scaled decodes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(jvmArgsAppend = "-Dlamina.threads=1")
public class JpegCodecBench {
    /** Source pixels per operation, for MPix/s. */
    public static final long PIXELS = 800L * 600;

    private BufferedImage image;
    private Image laminaImage;
    private byte[] jpeg;

    @Setup
    public void setUp() throws IOException {
        BufferedImage scaled = coffee(800, 600);
        image = scaled;
        laminaImage = Pictures.lamina(scaled);
        // Lamina's file: the same coefficients as ImageIO's at this quality (docs/jpeg.md), a few
        // bytes shorter; both decoders read the same bytes.
        jpeg = encodeLamina();
    }

    @Benchmark
    public byte[] encodeLamina() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        JpegEncoder.write(laminaImage, bytes, JpegOptions.jpeg().quality(85));
        return bytes.toByteArray();
    }

    @Benchmark
    public byte[] encodeImageIo() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);   // 4:2:0 is the JDK writer's default for colour
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Benchmark
    public long decodeLamina() {
        return decode(1);
    }

    @Benchmark
    public BufferedImage decodeImageIo() throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }

    @Benchmark
    public long decodeLaminaHalf() {
        return decode(2);
    }

    @Benchmark
    public long decodeLaminaQuarter() {
        return decode(4);
    }

    @Benchmark
    public long decodeLaminaEighth() {
        return decode(8);
    }

    /** coffee.png scaled bilinearly to {@code w x h}: the photo both inputs are made of. */
    public static BufferedImage coffee(int w, int h) throws IOException {
        BufferedImage photo = InputGenerator.photo("coffee.png");
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        return scaled;
    }

    /**
     * The lab's thumbnail input (its S4 set): a 1632x1224 photo-like file at quality 90, 4:2:0
     * (coffee.png scaled up bilinearly, 4:2:0 asked for since quality 90 defaults to 4:4:4),
     * decoded at 1/2 and 1/4 as shrink-on-load does. MPix/s counts the source's 1632x1224.
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Fork(jvmArgsAppend = "-Dlamina.threads=1")
    public static class Thumbnail {
        public static final long PIXELS = 1632L * 1224;
        private byte[] jpeg;

        @Setup
        public void setUp() throws IOException {
            BufferedImage scaled = coffee(1632, 1224);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            JpegEncoder.write(Pictures.lamina(scaled), bytes,
                    JpegOptions.jpeg().quality(90).subsampling(JpegOptions.Subsampling.S420));
            jpeg = bytes.toByteArray();
        }

        @Benchmark
        public long decodeHalf() {
            return JpegCodecBench.decode(jpeg, 2);
        }

        @Benchmark
        public long decodeQuarter() {
            return JpegCodecBench.decode(jpeg, 4);
        }
    }

    /** Pulls every row through the strip sink, as a user's pipeline would. */
    private long decode(int scale) {
        return decode(jpeg, scale);
    }

    private static long decode(byte[] jpeg, int scale) {
        Image decoded = JpegDecoder.open(jpeg, "bench.jpg", Limits.defaults(), JpegDecodeOptions.defaults().scale(scale));
        long[] sum = {0};
        StripSink.run(decoded, strip -> sum[0] += strip.u8()[0]);
        return sum[0];
    }
}
