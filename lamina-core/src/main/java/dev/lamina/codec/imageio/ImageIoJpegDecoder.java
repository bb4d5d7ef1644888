package dev.lamina.codec.imageio;

import dev.lamina.LaminaException;
import dev.lamina.Limits;
import dev.lamina.Metadata;
import dev.lamina.conversion.Orient;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads JPEG through the JDK's ImageIO: the interim path until Lamina's own JPEG decoder lands,
 * and afterwards an independent oracle for its tests.
 *
 * <p>Call order: the marker segments are read first (frame size, components, EXIF orientation,
 * ICC profile), then ImageIO's header (its width and height), then the pixel limit is checked,
 * and only then are pixels decoded. The whole image is decoded into memory (ImageIO cannot hand
 * out rows), so memory is width x height x bands bytes, unlike Lamina's streaming decoders.
 *
 * <p>Samples are the file's own (no colour conversion to sRGB): grey stays one band, colour is
 * RGB, and the ICC profile travels in {@link Metadata}. CMYK and YCCK files are refused for now.
 * Truncated or corrupt data is an error, not a grey half-image: ImageIO's warnings about the
 * image data (premature end, corrupt data) are turned into a {@link LaminaException}.
 */
public final class ImageIoJpegDecoder {

    private ImageIoJpegDecoder() {
    }

    /**
     * Decodes a JPEG file; {@code autoOrient} turns it upright by its EXIF orientation (and the
     * metadata then says orientation 1).
     */
    public static Image open(Path file, Limits limits, boolean autoOrient) {
        String name = file.toString();
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new LaminaException(name + ": " + size + " bytes is over the limit of "
                        + limits.maxFileBytes() + " bytes for an input file");
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LaminaException(name + ": no such file", e);
        } catch (IOException e) {
            throw new LaminaException(name + ": cannot read the file (" + e.getMessage() + ")", e);
        }
        return open(data, name, limits, autoOrient);
    }

    /** Decodes a JPEG held in memory; {@code name} names it in errors. */
    public static Image open(byte[] data, String name, Limits limits, boolean autoOrient) {
        if (data.length > limits.maxFileBytes()) {
            throw new LaminaException(name + ": " + data.length + " bytes is over the limit of "
                    + limits.maxFileBytes() + " bytes for an input");
        }
        if (!JpegMarkers.startsWithSoi(data)) {
            throw new LaminaException(name + ": not a JPEG file (it does not start with the SOI marker FF D8)");
        }
        JpegMarkers.Header header = JpegMarkers.readHeader(data, name);
        if (header.components() == 4) {
            throw new LaminaException(name + ": CMYK and YCCK JPEG are not supported yet");
        }
        if (header.components() != 1 && header.components() != 3) {
            throw new LaminaException(name + ": JPEG with " + header.components() + " components is not supported");
        }
        // The frame header is checked here too, so a huge claimed size is refused even if ImageIO
        // would fail on it in some other way first.
        limits.checkPixels(name, header.width(), header.height());

        Region pixels = decode(data, name, limits);
        Interpretation interpretation = pixels.bands == 1 ? Interpretation.GREY : Interpretation.RGB;
        Metadata metadata = Metadata.NONE.withIcc(header.iccProfile(), null).withOrientation(header.orientation());
        Image image = MemorySource.image(pixels, interpretation, false, metadata);
        return autoOrient ? Orient.build(image, header.orientation()) : image;
    }

    private static Region decode(byte[] data, String name, Limits limits) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new LaminaException(name + ": this Java runtime has no ImageIO JPEG reader");
        }
        ImageReader reader = readers.next();
        List<String> problems = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(data))) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0), height = reader.getHeight(0);
            limits.checkPixels(name, width, height);
            reader.addIIOReadWarningListener((source, warning) -> {
                // "...; ignored" notes are about metadata ImageIO skips; anything else is the image data.
                if (!warning.contains("ignored")) {
                    problems.add(warning);
                }
            });
            BufferedImage decoded = reader.read(0);
            if (!problems.isEmpty()) {
                String w = problems.getFirst();
                boolean truncated = w.contains("Premature end") || w.contains("Truncated") || w.contains("EOI");
                throw new LaminaException(name + ": " + (truncated ? "truncated JPEG" : "corrupt JPEG") + " (" + w + ")");
            }
            return toRegion(decoded.getRaster(), name);
        } catch (LaminaException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // IIOException for bad markers, and unchecked ones (CMMException, IllegalArgumentException,
            // array index errors) from deeper inside ImageIO on hostile data.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new LaminaException(name + ": corrupt or unsupported JPEG (" + why + ")", e);
        } finally {
            reader.dispose();
        }
    }

    /** The raster's samples as they are, whatever its sample model: one or three bands of 8 bits. */
    private static Region toRegion(Raster raster, String name) {
        int bands = raster.getNumBands();
        if (bands != 1 && bands != 3) {
            throw new LaminaException(name + ": JPEG decoded to " + bands + " bands, which is not supported");
        }
        int w = raster.getWidth(), h = raster.getHeight();
        Region r = Region.allocate(Rect.of(w, h), bands, BandFormat.U8);
        byte[] out = r.u8();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(raster.getMinX(), raster.getMinY() + y, w, 1, row);
            int o = y * w * bands;
            for (int k = 0; k < row.length; k++) {
                out[o + k] = (byte) row[k];
            }
        }
        return r;
    }
}
