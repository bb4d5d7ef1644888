package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.MemorySource;
import dev.lamina.core.Producer;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.RunContext;
import dev.lamina.core.Sequence;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * An Adam7-interlaced PNG, decoded whole into memory the first time any pixel is asked for, then
 * served as a {@link MemorySource}. Interlacing spreads every row of the image over seven passes
 * through the file, so rows cannot be produced in order from a stream; libvips holds interlaced PNGs
 * in memory for the same reason. Memory is the whole image (width x height x bands samples).
 */
final class PngInterlacedSource implements Producer {
    // Adam7: first column, first row, column step and row step of each pass
    private static final int[] X0 = {0, 4, 0, 2, 0, 1, 0};
    private static final int[] Y0 = {0, 0, 4, 0, 2, 0, 1};
    private static final int[] DX = {8, 8, 4, 4, 2, 2, 1};
    private static final int[] DY = {8, 8, 8, 4, 4, 2, 2};

    private final PngInfo info;
    private final Supplier<PngChunkReader> opener;
    private final String name;
    private Producer decoded;   // guarded by this

    private PngInterlacedSource(PngInfo info, Supplier<PngChunkReader> opener, String name) {
        this.info = info;
        this.opener = opener;
        this.name = name;
    }

    /** Pixels across Adam7 pass {@code p} (0-6) of an image {@code width} wide. */
    static int passWidth(int width, int p) {
        return (int) ((width - X0[p] + (long) DX[p] - 1) / DX[p]);
    }

    /** Rows of Adam7 pass {@code p} (0-6) of an image {@code height} high. */
    static int passHeight(int height, int p) {
        return (int) ((height - Y0[p] + (long) DY[p] - 1) / DY[p]);
    }

    /** The image; {@code opener} gives a chunk reader standing before the first IDAT. */
    static Image image(PngInfo info, Supplier<PngChunkReader> opener, String name) {
        PngHeader h = info.header();
        return new Image(h.width(), h.height(), h.interpretation(), info.hasAlpha(), h.format(), false,
                info.metadata(), new PngInterlacedSource(info, opener, name));
    }

    @Override
    public Sequence start() {
        return out -> decoded().start().generate(out);
    }

    private synchronized Producer decoded() {
        if (decoded == null) {
            PngHeader h = info.header();
            decoded = MemorySource.image(decode(), h.interpretation(), info.hasAlpha(), info.metadata()).producer();
        }
        return decoded;
    }

    private Region decode() {
        PngHeader h = info.header();
        int w = h.width();
        int bands = info.bands();
        Region all = Region.allocate(Rect.of(w, h.height()), bands, h.format());
        Region line = Region.allocate(new Rect(0, 0, w, 1), bands, h.format());
        PngRowConverter converter = PngRowConverter.forImage(info, w, name);
        int step = h.filterStep();
        int maxRowBytes = (int) h.rowBytes(w);
        byte[] raw = new byte[maxRowBytes + 1];
        byte[] cur = new byte[maxRowBytes + 1];
        byte[] prev = new byte[maxRowBytes + 1];
        PngChunkReader chunks = opener.get();
        PngImageData data;
        try {
            data = new PngImageData(chunks);
        } catch (RuntimeException e) {
            chunks.close();
            throw e;
        }
        try (data) {
            for (int p = 0; p < 7; p++) {
                int pw = passWidth(w, p);
                int ph = passHeight(h.height(), p);
                if (pw <= 0 || ph <= 0) {
                    continue;   // tiny images have empty passes, which the file leaves out
                }
                int n = (int) h.rowBytes(pw);
                Arrays.fill(prev, 0, n + 1, (byte) 0);   // each pass starts with a zero row above it
                line.resize(new Rect(0, 0, pw, 1));
                for (int j = 0; j < ph; j++) {
                    if ((j & 1023) == 0) {
                        RunContext.current().check(name);   // the whole image is decoded in one go
                    }
                    data.readFully(raw, 0, n + 1, j, p + 1);
                    int filter = raw[0] & 0xFF;
                    if (!PngUnfilter.apply(filter, raw, prev, cur, 1, n, step)) {
                        throw data.explain(new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": invalid filter type " + filter + " in row "
                                + j + " of Adam7 pass " + (p + 1)));
                    }
                    converter.convert(cur, 1, pw, line, 0);
                    scatter(line, all, pw, X0[p], DX[p], Y0[p] + j * DY[p]);
                    byte[] t = prev;
                    prev = cur;
                    cur = t;
                }
            }
            data.finish();
        }
        return all;
    }

    /** Spreads {@code count} pixels of {@code line} over row {@code y} of {@code all}, from column {@code x0} in steps of {@code dx}. */
    private static void scatter(Region line, Region all, int count, int x0, int dx, int y) {
        int b = all.bands;
        int o = all.index(x0, y);
        int oStep = dx * b;
        if (all.format == BandFormat.U8) {
            byte[] src = line.u8();
            byte[] dst = all.u8();
            for (int i = 0, s = 0; i < count; i++, s += b, o += oStep) {
                System.arraycopy(src, s, dst, o, b);
            }
        } else {
            short[] src = line.u16();
            short[] dst = all.u16();
            for (int i = 0, s = 0; i < count; i++, s += b, o += oStep) {
                System.arraycopy(src, s, dst, o, b);
            }
        }
    }
}
