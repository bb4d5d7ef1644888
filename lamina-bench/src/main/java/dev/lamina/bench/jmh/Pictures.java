package dev.lamina.bench.jmh;

import dev.lamina.bench.inputs.InputGenerator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** The JMH suites' inputs: the lab's photo-like pictures, in memory, in each engine's own form. */
final class Pictures {
    private Pictures() {
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
