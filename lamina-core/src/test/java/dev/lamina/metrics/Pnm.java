package dev.lamina.metrics;

import dev.lamina.model.Metadata;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** A tiny reader of binary PGM/PPM (P5/P6, maxval 255 or 65535) test images. Test code only. */
final class Pnm {
    private Pnm() {
    }

    /** Reads {@code resource}, and when {@code alphaResource} is not null adds it as an alpha band. */
    static Image read(String resource, String alphaResource) {
        Region colour = readRegion(resource);
        if (alphaResource == null) {
            return MemorySource.image(colour, colour.bands == 3 ? Interpretation.RGB : Interpretation.GREY, false,
                    Metadata.NONE);
        }
        Region alpha = readRegion(alphaResource);
        Rect r = colour.rect();
        Region all = Region.allocate(r, colour.bands + 1, colour.format);
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                for (int c = 0; c <= colour.bands; c++) {
                    int v = (int) (c < colour.bands ? colour.raw(x, y, c) : alpha.raw(x, y, 0));
                    int i = all.index(x, y) + c;
                    if (all.format == BandFormat.U8) {
                        all.u8()[i] = (byte) v;
                    } else {
                        all.u16()[i] = (short) v;
                    }
                }
            }
        }
        return MemorySource.image(all, colour.bands == 3 ? Interpretation.RGB : Interpretation.GREY, true,
                Metadata.NONE);
    }

    static boolean exists(String resource) {
        return Pnm.class.getResource(resource) != null;
    }

    private static Region readRegion(String resource) {
        try (InputStream in = Pnm.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            byte[] data = in.readAllBytes();
            int[] pos = {0};
            String magic = token(data, pos);
            int w = Integer.parseInt(token(data, pos));
            int h = Integer.parseInt(token(data, pos));
            int maxval = Integer.parseInt(token(data, pos));
            pos[0]++;   // the single whitespace after maxval
            int bands = magic.equals("P6") ? 3 : 1;
            BandFormat format = maxval > 255 ? BandFormat.U16 : BandFormat.U8;
            Region r = Region.allocate(Rect.of(w, h), bands, format);
            int n = w * h * bands;
            for (int i = 0, p = pos[0]; i < n; i++) {
                if (format == BandFormat.U8) {
                    r.u8()[i] = data[p++];
                } else {
                    r.u16()[i] = (short) (((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF));
                    p += 2;
                }
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String token(byte[] data, int[] pos) {
        while (Character.isWhitespace(data[pos[0]])) {
            pos[0]++;
        }
        int start = pos[0];
        while (!Character.isWhitespace(data[pos[0]])) {
            pos[0]++;
        }
        return new String(data, start, pos[0] - start, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
