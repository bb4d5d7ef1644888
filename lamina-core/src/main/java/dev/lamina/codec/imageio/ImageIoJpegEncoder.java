package dev.lamina.codec.imageio;

import dev.lamina.JpegOptions;
import dev.lamina.LaminaException;
import dev.lamina.conversion.Cast;
import dev.lamina.conversion.Flatten;
import dev.lamina.conversion.ToColour;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.StripSink;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.plugins.jpeg.JPEGQTable;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Writes JPEG through the JDK's ImageIO: the interim path until Lamina's own JPEG encoder lands.
 *
 * <p>The image is pulled strip by strip into one {@link BufferedImage}, so this path holds the
 * whole image in memory (width x height x 3 bytes) and the encoded file too; Lamina's own encoder
 * will stream. Before that: alpha is flattened onto {@link JpegOptions#background()} (JPEG has no
 * alpha; white by default), U16 and F32 are rounded to U8, grey stays grey (unless a coloured
 * background forces colour). The ICC profile and a non-upright EXIF orientation of the metadata
 * are written as APP2 and APP1 segments.
 *
 * <p>Quality follows the IJG scale exactly: the Annex K tables scaled as libjpeg's
 * {@code jpeg_quality_scaling} does, in integers ({@code 5000 / q} below 50, {@code 200 - 2q}
 * from 50, each entry {@code (t x s + 50) / 100} clamped to 1..255). ImageIO's own
 * {@code setCompressionQuality(q / 100f)} scales in float and gives different tables at 35 of the
 * 100 qualities (most below 50, where libjpeg truncates 5000 / q), so the tables are set here
 * through the image metadata instead. Chroma subsampling is set the same way, as the sampling
 * factors of the frame header's components.
 */
public final class ImageIoJpegEncoder {
    private static final String NATIVE_FORMAT = "javax_imageio_jpeg_image_1.0";

    private ImageIoJpegEncoder() {
    }

    /** Encodes {@code image} as JPEG to {@code out} (which is not closed). */
    public static void write(Image image, OutputStream out, JpegOptions options) {
        byte[] jpeg = encode(prepare(image, options.background()), options);
        List<byte[]> segments = new ArrayList<>();
        if (image.metadata.orientation() != 1) {
            segments.add(JpegMarkers.exifSegment(image.metadata.orientation()));
        }
        if (image.metadata.iccProfile() != null && image.metadata.iccProfile().length > 0) {
            segments.addAll(JpegMarkers.iccSegments(image.metadata.iccProfile()));
        }
        try {
            out.write(JpegMarkers.insertAfterApp0(jpeg, segments));
        } catch (IOException e) {
            throw new LaminaException("cannot write JPEG output (" + e.getMessage() + ")", e);
        }
    }

    /** The image as U8 grey or RGB without alpha, as JPEG stores it. */
    static Image prepare(Image image, int background) {
        Image img = image;
        if (img.hasAlpha) {
            double r = (background >> 16 & 0xFF) / 255.0, g = (background >> 8 & 0xFF) / 255.0, b = (background & 0xFF) / 255.0;
            if (img.format == BandFormat.U16) {
                img = Cast.build(img, BandFormat.F32);   // flatten at full precision, round once to U8 below
            }
            if (img.interpretation == Interpretation.GREY && r == g && g == b) {
                img = Flatten.build(img, new double[]{r});
            } else {
                img = Flatten.build(ToColour.build(img), new double[]{r, g, b});
            }
        }
        return Cast.build(img, BandFormat.U8);
    }

    private static byte[] encode(Image img, JpegOptions options) {
        boolean grey = img.interpretation == Interpretation.GREY;
        BufferedImage buffered = new BufferedImage(img.width, img.height,
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] target = ((DataBufferByte) buffered.getRaster().getDataBuffer()).getData();
        int bands = img.bands;
        StripSink.run(img, strip -> {
            byte[] src = strip.u8();
            var r = strip.rect();
            int o = r.y() * img.width * bands, n = r.width() * r.height() * bands;
            if (grey) {
                System.arraycopy(src, strip.index(0, r.y()), target, o, n);
            } else {
                int s = strip.index(0, r.y());
                for (int k = 0; k < n; k += 3) {   // RGB to the BGR order of TYPE_3BYTE_BGR
                    target[o + k] = src[s + k + 2];
                    target[o + k + 1] = src[s + k + 1];
                    target[o + k + 2] = src[s + k];
                }
            }
        });

        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new LaminaException("this Java runtime has no ImageIO JPEG writer");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            // Tables come from the metadata below (the IJG scaling), not from a float quality.
            param.setCompressionMode(ImageWriteParam.MODE_COPY_FROM_METADATA);
            if (options.progressive()) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(buffered), param);
            IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(NATIVE_FORMAT);
            configure(root, options.quality(), !grey && options.effectiveSubsampling() == JpegOptions.Subsampling.S420);
            metadata.setFromTree(NATIVE_FORMAT, root);
            writer.write(null, new IIOImage(buffered, null, metadata), param);
        } catch (IOException e) {
            throw new LaminaException("cannot encode JPEG (" + e.getMessage() + ")", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Sets the IJG-scaled quantisation tables and the sampling factors in ImageIO's metadata tree. */
    private static void configure(IIOMetadataNode root, int quality, boolean subsample420) {
        IIOMetadataNode markers = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
        var tables = markers.getElementsByTagName("dqtable");
        for (int i = 0; i < tables.getLength(); i++) {
            IIOMetadataNode t = (IIOMetadataNode) tables.item(i);
            boolean luma = Integer.parseInt(t.getAttribute("qtableId")) == 0;
            t.setUserObject(scaledTable(luma ? JPEGQTable.K1Luminance : JPEGQTable.K2Chrominance, quality));
        }
        var components = markers.getElementsByTagName("componentSpec");
        for (int i = 0; i < components.getLength(); i++) {
            IIOMetadataNode c = (IIOMetadataNode) components.item(i);
            // 4:2:0 = luma sampled 2x2 against chroma 1x1; 4:4:4 = every component 1x1
            String f = i == 0 && subsample420 ? "2" : "1";
            c.setAttribute("HsamplingFactor", f);
            c.setAttribute("VsamplingFactor", f);
        }
    }

    /** libjpeg's jpeg_quality_scaling and jpeg_add_quant_table with force_baseline. */
    static JPEGQTable scaledTable(JPEGQTable base, int quality) {
        int scale = quality < 50 ? 5000 / quality : 200 - 2 * quality;
        int[] t = base.getTable();   // natural order, as JPEGQTable wants it back
        for (int k = 0; k < 64; k++) {
            t[k] = Math.clamp((t[k] * (long) scale + 50) / 100, 1, 255);
        }
        return new JPEGQTable(t);
    }
}
