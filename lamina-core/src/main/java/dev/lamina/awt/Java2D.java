package dev.lamina.awt;

import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.Raster;

/**
 * {@link BufferedImage} in and out, for code that already uses Java2D. This is the only class of
 * Lamina that needs the {@code java.desktop} module; the engine does not load it otherwise
 * ({@code requires static}), so a slim runtime without AWT runs everything else.
 *
 * <p>Colours go through the image's colour model to sRGB, as {@code BufferedImage.getRGB} defines
 * them, except 16-bit grey ({@code TYPE_USHORT_GRAY}), which keeps its 16 bits. Thread-safe:
 * stateless.
 */
public final class Java2D {
    private Java2D() {
    }

    /** A Lamina image holding a copy of {@code image}'s pixels (grey, grey 16-bit, RGB or RGBA). */
    public static LaminaImage from(BufferedImage image) {
        int w = image.getWidth(), h = image.getHeight();
        if ((long) w * h * 4 > Integer.MAX_VALUE - 16) {
            throw LaminaException.limit("BufferedImage of " + w + "x" + h + " is too large to copy into one array");
        }
        if (image.getType() == BufferedImage.TYPE_USHORT_GRAY) {
            Raster r = image.getRaster();
            int[] s = r.getSamples(0, 0, w, h, 0, new int[w * h]);
            short[] grey = new short[w * h];
            for (int i = 0; i < s.length; i++) {
                grey[i] = (short) s[i];
            }
            return Lamina.fromPixels(grey, w, h, 1);
        }
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            byte[] grey = new byte[w * h];
            image.getRaster().getDataElements(0, 0, w, h, grey);
            return Lamina.fromPixels(grey, w, h, 1);
        }
        boolean alpha = image.getColorModel().hasAlpha();
        int bands = alpha ? 4 : 3;
        byte[] out = new byte[w * h * bands];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);   // straight ARGB in sRGB, whatever the storage
            int o = y * w * bands;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                out[o++] = (byte) (p >> 16);
                out[o++] = (byte) (p >> 8);
                out[o++] = (byte) p;
                if (alpha) {
                    out[o++] = (byte) (p >>> 24);
                }
            }
        }
        return Lamina.fromPixels(out, w, h, bands);
    }

    /**
     * {@code image} computed into a new {@code BufferedImage}: {@code TYPE_BYTE_GRAY} for grey,
     * {@code TYPE_3BYTE_BGR} for RGB, {@code TYPE_INT_ARGB} (straight alpha) for images with alpha.
     */
    public static BufferedImage toBufferedImage(LaminaImage image) {
        int w = image.width(), h = image.height(), bands = image.bands();
        byte[] s = image.pixels8();
        switch (bands) {
            case 1 -> {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
                byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
                System.arraycopy(s, 0, dst, 0, s.length);
                return out;
            }
            case 3 -> {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
                byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
                for (int i = 0; i < s.length; i += 3) {
                    dst[i] = s[i + 2];
                    dst[i + 1] = s[i + 1];
                    dst[i + 2] = s[i];
                }
                return out;
            }
            default -> {
                BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
                for (int p = 0, i = 0; p < w * h; p++, i += bands) {
                    int r = s[i] & 0xFF, g, b, a;
                    if (bands == 2) {
                        g = r;
                        b = r;
                        a = s[i + 1] & 0xFF;
                    } else {
                        g = s[i + 1] & 0xFF;
                        b = s[i + 2] & 0xFF;
                        a = s[i + 3] & 0xFF;
                    }
                    dst[p] = a << 24 | r << 16 | g << 8 | b;
                }
                return out;
            }
        }
    }
}
