package dev.lamina.codec.jpeg;

import dev.lamina.core.Image;
import dev.lamina.core.Region;
import org.w3c.dom.NodeList;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** The test corpus: a photo crop written by the JDK's own JPEG writer in every mode, and its reader as oracle. */
final class JpegTestSupport {
    private JpegTestSupport() {
    }

    private static BufferedImage photo;

    /** 203x141 crop of coffee.png (Rachel Michetti, CC0, as shipped with scikit-image). */
    static synchronized BufferedImage photo() {
        if (photo == null) {
            try (InputStream in = JpegTestSupport.class.getResourceAsStream("/jpeg/coffee-crop.png")) {
                photo = ImageIO.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return photo;
    }

    /** A {@code w x h} crop of the photo (tiled when larger), as TYPE_3BYTE_BGR or grey. */
    static BufferedImage crop(int w, int h, boolean grey) {
        BufferedImage p = photo();
        BufferedImage out = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = p.getRGB((x * 7 + y) % p.getWidth(), y % p.getHeight());
                if (grey) {
                    int g = ((rgb >> 16 & 255) * 3 + (rgb >> 8 & 255) * 5 + (rgb & 255) * 2) / 10;
                    out.getRaster().setSample(x, y, 0, g);
                } else {
                    out.setRGB(x, y, rgb);
                }
            }
        }
        return out;
    }

    static ImageWriter jdkWriter() {
        for (Iterator<ImageWriter> it = ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.imageio")) {
                return w;
            }
        }
        throw new IllegalStateException("no JDK JPEG writer");
    }

    static ImageReader reader(boolean jdk) {
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("jpeg"); it.hasNext(); ) {
            ImageReader r = it.next();
            if (r.getClass().getName().startsWith("com.sun.imageio") == jdk) {
                return r;
            }
        }
        throw new IllegalStateException("no " + (jdk ? "JDK" : "TwelveMonkeys") + " JPEG reader");
    }

    /** How the JDK writer should write. {@code hY x vY} are the luma sampling factors (chroma 1x1). */
    record Mode(int quality, int hY, int vY, boolean progressive, int restartInterval) {
        static Mode baseline(int h, int v) {
            return new Mode(85, h, v, false, 0);
        }

        Mode asProgressive() {
            return new Mode(quality, hY, vY, true, restartInterval);
        }

        Mode restart(int mcus) {
            return new Mode(quality, hY, vY, progressive, mcus);
        }

        Mode quality(int q) {
            return new Mode(q, hY, vY, progressive, restartInterval);
        }
    }

    static byte[] writeJdk(BufferedImage img, Mode mode) {
        ImageWriter w = jdkWriter();
        try {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(mode.quality() / 100f);
            if (mode.progressive()) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata meta = w.getDefaultImageMetadata(new ImageTypeSpecifier(img), p);
            String fmt = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(fmt);
            IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode sof = (IIOMetadataNode) root.getElementsByTagName("sof").item(0);
            NodeList comps = sof.getElementsByTagName("componentSpec");
            for (int i = 0; i < comps.getLength(); i++) {
                IIOMetadataNode c = (IIOMetadataNode) comps.item(i);
                c.setAttribute("HsamplingFactor", i == 0 ? String.valueOf(mode.hY()) : "1");
                c.setAttribute("VsamplingFactor", i == 0 ? String.valueOf(mode.vY()) : "1");
            }
            if (mode.restartInterval() > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", String.valueOf(mode.restartInterval()));
                seq.insertBefore(dri, sof);
            }
            meta.setFromTree(fmt, root);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, meta), p);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
    }

    static BufferedImage readWith(byte[] jpeg, boolean jdk) {
        ImageReader r = reader(jdk);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            r.setInput(in);
            return r.read(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            r.dispose();
        }
    }

    /** Samples of a BufferedImage as interleaved bytes (grey: 1 band, else R, G, B). */
    static byte[] samples(BufferedImage b, int bands) {
        int w = b.getWidth();
        int h = b.getHeight();
        byte[] out = new byte[w * h * bands];
        int[] px = new int[bands];
        int i = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.getRaster().getPixel(x, y, px);
                for (int k = 0; k < bands; k++) {
                    out[i++] = (byte) px[k];
                }
            }
        }
        return out;
    }

    static byte[] samples(Image image) {
        Region r = image.fetch(image.bounds());
        return r.u8().clone();
    }

    /** Count of samples that differ, and the largest difference, as "n/max". */
    static String diff(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return "length " + a.length + " vs " + b.length;
        }
        int n = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            int d = Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
            if (d != 0) {
                n++;
                max = Math.max(max, d);
            }
        }
        return n + " differ, max " + max;
    }

    static double psnr(byte[] a, byte[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (a[i] & 0xFF) - (b[i] & 0xFF);
            se += d * d;
        }
        if (se == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return 10 * Math.log10(255.0 * 255.0 * a.length / se);
    }
}
