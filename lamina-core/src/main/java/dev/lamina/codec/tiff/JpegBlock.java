package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import dev.lamina.core.Sequence;

/**
 * One strip or tile of a JPEG-compressed page (compression 7, TIFF technical note 2), decoded by
 * Lamina's JPEG decoder through its public entry point. The block is an abbreviated JPEG stream;
 * the page's JPEGTables (SOI, tables, EOI) supply the quantisation and Huffman tables, so the
 * stream handed over is SOI, an Adobe APP14 segment, the tables, then the block after its SOI.
 *
 * <p>The APP14 segment is there for the colour: in TIFF the page's photometric interpretation says
 * whether the JPEG holds YCbCr or RGB (libtiff writes no JFIF or Adobe marker), while a JPEG
 * decoder guesses from its markers. Transform 1 (YCbCr) or 0 (RGB, no conversion) makes it decode
 * what the TIFF says, as libtiff tells libjpeg directly.
 */
final class JpegBlock implements AutoCloseable {
    private final Sequence rows;
    private final Region row;

    private JpegBlock(Sequence rows, Region row) {
        this.rows = rows;
        this.row = row;
    }

    /** Opens the block's JPEG stream ({@code data}, as stored) and checks it covers {@code width x height} of the page's kind. */
    static JpegBlock open(TiffPage page, byte[] data, String what, int width, int height, Limits limits) {
        byte[] stream = stream(page, data, what);
        // "file.tif: strip 3: problem" keeps the input first, as every other message does
        String name = page.name + ": " + what;
        Image jpeg = JpegDecoder.open(stream, name, limits, JpegDecodeOptions.defaults());
        Interpretation wanted = page.interpretation;
        if (jpeg.interpretation != wanted || jpeg.width < width || jpeg.height < height) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": the JPEG data of " + what + " is "
                    + jpeg.width + "x" + jpeg.height + " " + jpeg.interpretation + ", the page needs " + width + "x" + height
                    + " " + wanted);
        }
        return new JpegBlock(jpeg.producer().start(), Region.allocate(new Rect(0, 0, jpeg.width, 1), jpeg.bands, jpeg.format));
    }

    /** Decodes row {@code y} of the block (rows asked in increasing order) and returns it: U8, the page's bands. */
    Region row(int y) {
        row.resize(new Rect(0, y, row.rect().width(), 1));
        rows.generate(row);
        return row;
    }

    @Override
    public void close() {
        rows.close();
    }

    private static byte[] stream(TiffPage page, byte[] data, String what) {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": the JPEG data of " + what + " does not start with SOI");
        }
        byte[] tables = page.jpegTables;
        int tablesBody = 0;
        if (tables != null) {
            if (tables.length < 4 || (tables[0] & 0xFF) != 0xFF || (tables[1] & 0xFF) != 0xD8) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, page.name + ": JPEGTables does not start with SOI");
            }
            tablesBody = tables.length - 2;
            if ((tables[tables.length - 2] & 0xFF) == 0xFF && (tables[tables.length - 1] & 0xFF) == 0xD9) {
                tablesBody -= 2;   // the tables' own EOI
            }
        }
        byte[] adobe = page.colourSamples == 3 ? adobe(page.photometric == 6 ? 1 : 0) : new byte[0];
        byte[] out = new byte[2 + adobe.length + tablesBody + data.length - 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        System.arraycopy(adobe, 0, out, 2, adobe.length);
        if (tables != null) {
            System.arraycopy(tables, 2, out, 2 + adobe.length, tablesBody);
        }
        System.arraycopy(data, 2, out, 2 + adobe.length + tablesBody, data.length - 2);
        return out;
    }

    /** An APP14 "Adobe" segment (Adobe technical note 5116) with the given colour transform. */
    private static byte[] adobe(int transform) {
        return new byte[]{(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, (byte) transform};
    }
}
