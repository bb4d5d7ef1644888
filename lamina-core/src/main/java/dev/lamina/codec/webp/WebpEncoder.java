package dev.lamina.codec.webp;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Metadata;
import dev.lamina.model.WebpOptions;
import dev.lamina.codec.metadata.ExifBlock;
import dev.lamina.codec.metadata.XmpPacket;
import dev.lamina.codec.webp.lossless.ImageArgb;
import dev.lamina.codec.webp.lossless.Vp8lEncodeOptions;
import dev.lamina.codec.webp.lossless.Vp8lEncoder;
import dev.lamina.codec.webp.lossy.Vp8Encoder;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rounding;
import dev.lamina.core.SampleRows;
import dev.lamina.core.StripSink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes an image as a WebP file (RIFF container, "WebP Container Specification"): a simple file
 * (RIFF, one {@code VP8 } or {@code VP8L} chunk) when nothing else is needed, else the extended
 * form: {@code VP8X} (canvas size and feature flags), {@code ICCP}, {@code ALPH} (alpha of a lossy
 * frame), the frame, {@code EXIF}, {@code XMP }, in the specification's order.
 *
 * <p>Metadata is what the image carries after {@link Metadata#keep}: the ICC profile, the EXIF
 * block with its orientation set to the image's ({@link ExifBlock#forWriting}), the XMP packet.
 * Density has no place in WebP and is dropped, as libvips does.
 *
 * <p>The encoders hold the whole image (both need it: the lossy one adapts its probabilities to
 * the frame, the lossless one looks back a million pixels), as libwebp does. 16-bit and float
 * images are rounded to 8 bits; grey is written as RGB (WebP has no grey).
 */
public final class WebpEncoder {
    private static final int MAX_LOSSLESS = 16384;

    private WebpEncoder() {
    }

    /** Writes {@code image} to {@code out} (not closed); {@code name} names the output in errors. */
    public static void write(Image image, OutputStream out, WebpOptions options, String name) throws IOException {
        int w = image.width;
        int h = image.height;
        int max = options.lossless() ? MAX_LOSSLESS : Vp8Encoder.MAX_DIMENSION;
        if (w > max || h > max) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + (options.lossless() ? "lossless" : "lossy")
                    + " WebP holds at most " + max + "x" + max + " pixels, not " + w + "x" + h);
        }
        int[] argb = argb(image, name);
        boolean alpha = false;
        if (image.hasAlpha) {
            for (int p : argb) {
                if (p >>> 24 != 0xff) {
                    alpha = true;
                    break;
                }
            }
        }
        byte[] frame;
        String frameTag;
        byte[] alph = null;
        if (options.lossless()) {
            frame = Vp8lEncoder.encode(argb, w, h, Vp8lEncodeOptions.defaults().effort(options.effort() * 3 / 2));
            frameTag = "VP8L";
        } else {
            frame = Vp8Encoder.encode(argb, w, h, options.quality(), options.effort());
            frameTag = "VP8 ";
            if (alpha) {
                alph = WebpAlphaEncoder.encode(argb, w, h, options.effort());
            }
        }
        Metadata m = image.metadata;
        byte[] icc = m.iccProfile() != null && m.iccProfile().length > 0 ? m.iccProfile() : null;
        byte[] exif = ExifBlock.forWriting(m, Integer.MAX_VALUE - 64, w, h);
        byte[] xmp = XmpPacket.forWriting(m);

        ByteArrayOutputStream body = new ByteArrayOutputStream(frame.length + 64);
        body.writeBytes(new byte[] {'W', 'E', 'B', 'P'});
        boolean extended = alph != null || icc != null || exif != null || xmp != null;
        if (extended) {
            byte[] vp8x = new byte[10];
            int flags = (icc != null ? 0x20 : 0) | (alpha ? 0x10 : 0) | (exif != null ? 0x08 : 0) | (xmp != null ? 0x04 : 0);
            vp8x[0] = (byte) flags;
            le24(vp8x, 4, w - 1);
            le24(vp8x, 7, h - 1);
            chunk(body, "VP8X", vp8x);
            if (icc != null) {
                chunk(body, "ICCP", icc);
            }
            if (alph != null) {
                chunk(body, "ALPH", alph);
            }
        }
        chunk(body, frameTag, frame);
        if (exif != null) {
            chunk(body, "EXIF", exif);
        }
        if (xmp != null) {
            chunk(body, "XMP ", xmp);
        }
        long size = body.size();
        if (size > 0xFFFFFFF0L) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": the WebP file would pass RIFF's 4 GiB limit");
        }
        byte[] riff = {'R', 'I', 'F', 'F', 0, 0, 0, 0};
        le32(riff, 4, (int) size);
        out.write(riff);
        body.writeTo(out);
    }

    private static void chunk(ByteArrayOutputStream out, String tag, byte[] payload) {
        byte[] head = new byte[8];
        for (int i = 0; i < 4; i++) {
            head[i] = (byte) tag.charAt(i);
        }
        le32(head, 4, payload.length);
        out.writeBytes(head);
        out.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            out.write(0);   // chunks are padded to an even size
        }
    }

    private static void le24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >> 8);
        b[at + 2] = (byte) (v >> 16);
    }

    private static void le32(byte[] b, int at, int v) {
        le24(b, at, v);
        b[at + 3] = (byte) (v >>> 24);
    }

    /** The image as packed 8-bit ARGB, whole (grey replicated, missing alpha opaque). */
    static int[] argb(Image image, String name) {
        if (image.pixels() > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, name + ": " + image.width + "x" + image.height
                    + " is too large for the WebP encoder");
        }
        if (image.format == BandFormat.U8) {
            return ImageArgb.of(image);
        }
        int[] argb = new int[(int) image.pixels()];
        boolean grey = image.interpretation == Interpretation.GREY;
        boolean alpha = image.hasAlpha;
        int bands = image.bands;
        int w = image.width;
        StripSink.run(image, strip -> {
            int y0 = strip.rect().y();
            int rows = strip.rect().height();
            double[] tmp = new double[w * bands];
            int[] v = new int[bands];
            for (int r = 0; r < rows; r++) {
                SampleRows.read(strip, 0, y0 + r, w, tmp);
                for (int x = 0; x < w; x++) {
                    for (int b = 0; b < bands; b++) {
                        v[b] = Rounding.toU8(Math.max(0, Math.min(1, tmp[x * bands + b])));
                    }
                    int red = v[0];
                    int g = grey ? red : v[1];
                    int bl = grey ? red : v[2];
                    int a = alpha ? v[bands - 1] : 0xff;
                    argb[(y0 + r) * w + x] = (a << 24) | (red << 16) | (g << 8) | bl;
                }
            }
        });
        return argb;
    }
}
