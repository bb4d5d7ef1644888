package dev.lamina.bench.jmh;

import dev.lamina.model.Metadata;
import dev.lamina.bench.inputs.InputGenerator;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import com.criteo.vips.VipsContext;
import com.criteo.vips.VipsException;
import com.criteo.vips.VipsImage;
import dev.lamina.bench.peers.JvipsNative;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** The JMH suites' inputs: the lab's photo-like pictures, in memory, in each engine's own form. */
final class Pictures {
    /** Encoded bytes handed to libvips stay reachable: the binding reads them in place. */
    private static final List<ByteBuffer> VIPS_SOURCES = new ArrayList<>();

    private Pictures() {
    }

    /**
     * Loads libvips through jvips for a suite, or fails its setup with the reason, so JMH reports
     * the jvips rows as errors ("jvips: ...") and goes on with the other engines. The operation
     * cache is switched off: with it, libvips answers a repeated identical call from memory and
     * the benchmark would measure a lookup.
     */
    static void loadVips() {
        String failure = JvipsNative.load();
        if (failure != null) {
            throw new IllegalStateException("jvips: " + failure);
        }
        VipsContext.setMaxCache(0);
    }

    /**
     * The same pixels as a libvips image held in memory. The binding takes only encoded images,
     * so they go through a PNG (ImageIO) and are decoded once here: libvips decodes a random-access
     * PNG into memory on first use and keeps it for the image's life.
     */
    static VipsImage vips(BufferedImage img) throws IOException, VipsException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        ByteBuffer direct = ByteBuffer.allocateDirect(png.size());
        direct.put(png.toByteArray()).flip();
        VIPS_SOURCES.add(direct);
        VipsImage v = new VipsImage(direct, png.size());
        v.max1();
        return v;
    }

    /** An encoded image in a direct buffer, for libvips to decode from memory. */
    static ByteBuffer direct(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        return direct;
    }

    static BufferedImage rgb(int w, int h) throws IOException {
        BufferedImage src = InputGenerator.noisy(InputGenerator.scale(InputGenerator.photo("coffee.png"), w, h, false), 11);
        return as(src, BufferedImage.TYPE_3BYTE_BGR);
    }

    static BufferedImage rgba(int w, int h) throws IOException {
        BufferedImage src = InputGenerator.withSoftAlpha(
                InputGenerator.noisy(InputGenerator.scale(InputGenerator.photo("chelsea.png"), w, h, true), 12), 0.85);
        return as(src, BufferedImage.TYPE_4BYTE_ABGR);
    }

    /** ImageIO's types for PNG RGB and RGBA, so Java2D runs on what ImageIO.read would give it. */
    static BufferedImage as(BufferedImage src, int type) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), type);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }

    /** The same pixels as a Lamina image in memory: RGB or RGBA, U8. */
    static Image lamina(BufferedImage img) {
        boolean alpha = img.getType() == BufferedImage.TYPE_4BYTE_ABGR;
        int bands = alpha ? 4 : 3;
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        Region r = Region.allocate(Rect.of(img.getWidth(), img.getHeight()), bands, BandFormat.U8);
        byte[] out = r.u8();
        // ABGR or BGR in the raster to RGBA or RGB.
        for (int i = 0, o = 0; i < data.length; i += bands, o += bands) {
            int k = alpha ? 1 : 0;
            out[o] = data[i + k + 2];
            out[o + 1] = data[i + k + 1];
            out[o + 2] = data[i + k];
            if (alpha) {
                out[o + 3] = data[i];
            }
        }
        return MemorySource.image(r, Interpretation.RGB, alpha, Metadata.NONE);
    }

    /** The same pixels as an OpenCV Mat: BGR or BGRA, 8 bits. */
    static Mat mat(BufferedImage img) {
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        boolean alpha = img.getType() == BufferedImage.TYPE_4BYTE_ABGR;
        Mat m = new Mat(img.getHeight(), img.getWidth(), alpha ? CvType.CV_8UC4 : CvType.CV_8UC3);
        if (alpha) {
            // ABGR in the raster to BGRA for OpenCV.
            byte[] bgra = new byte[data.length];
            for (int i = 0; i < data.length; i += 4) {
                bgra[i] = data[i + 1];
                bgra[i + 1] = data[i + 2];
                bgra[i + 2] = data[i + 3];
                bgra[i + 3] = data[i];
            }
            m.put(0, 0, bgra);
        } else {
            m.put(0, 0, data);
        }
        return m;
    }
}
