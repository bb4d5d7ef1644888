package dev.lamina.bench.jmh;

import dev.lamina.model.Limits;
import dev.lamina.model.TiffOptions;
import dev.lamina.codec.tiff.TiffDecoder;
import dev.lamina.codec.tiff.TiffEncoder;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * TIFF encode and decode of a 1920x1080 RGB photo-like picture, in memory: Lamina against the
 * JDK's own ImageIO TIFF plugin (com.sun.imageio.plugins.tiff, since JDK 9) and TwelveMonkeys'
 * imageio-tiff, each chosen explicitly among the registered readers and writers. Strips,
 * uncompressed or LZW (with the horizontal predictor for Lamina; the ImageIO writers have no
 * predictor setting and write LZW without it). Every engine decodes files Lamina wrote, so they
 * read the same bytes. Lamina runs strip by strip on its worker pool, as it does for users.
 * Throughput in operations per second; JmhMain converts to MPix/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TiffCodecBench {
    /** Pixels per operation, for MPix/s. */
    public static final long PIXELS = 1920L * 1080;

    @Param({"lamina", "imageio", "twelvemonkeys"})
    public String engine;

    @Param({"none", "lzw"})
    public String compression;

    private BufferedImage image;
    private Image laminaImage;
    private byte[] tiff;

    @Setup
    public void setUp() throws IOException {
        image = Pictures.rgb(1920, 1080);
        laminaImage = Pictures.lamina(image);
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 23);
        TiffEncoder.write(laminaImage, out, options());
        tiff = out.toByteArray();
    }

    private TiffOptions options() {
        return TiffOptions.tiff().compression(compression.equals("lzw") ? TiffOptions.Compression.LZW : TiffOptions.Compression.NONE);
    }

    /** The ImageIO plugin of this engine: the JDK's, or TwelveMonkeys'. */
    private boolean ours(Object plugin) {
        boolean jdk = plugin.getClass().getName().startsWith("com.sun.imageio.plugins.tiff");
        return engine.equals("imageio") == jdk;
    }

    @Benchmark
    public byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 23);
        if (engine.equals("lamina")) {
            TiffEncoder.write(laminaImage, bytes, options());
            return bytes.toByteArray();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("tiff");
        ImageWriter writer = null;
        while (writers.hasNext()) {
            ImageWriter w = writers.next();
            if (ours(w)) {
                writer = w;
            }
        }
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression.equals("lzw")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType("LZW");
            }
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    @Benchmark
    public Object decode() throws IOException {
        if (engine.equals("lamina")) {
            Image decoded = TiffDecoder.open(tiff, "bench.tif", Limits.defaults(), 0, true);
            long[] sum = {0};
            StripSink.run(decoded, strip -> sum[0] += strip.u8()[0]);
            return sum[0];
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("tiff");
        ImageReader reader = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (ours(r)) {
                reader = r;
            }
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(tiff))) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }
}
