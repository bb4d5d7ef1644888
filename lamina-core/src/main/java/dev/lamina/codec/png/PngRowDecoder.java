package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;

/**
 * Decodes a non-interlaced PNG forward, one row per call: inflate the row's filtered bytes,
 * unfilter them against the previous row, convert them into the region. Memory is three rows of
 * file bytes (filtered, current, previous), the converter's scratch row and the inflater's state,
 * whatever the height. After the last row it checks that the file ends properly (see
 * {@link PngImageData#finish()}).
 */
final class PngRowDecoder implements RowDecoder {
    private final PngImageData data;
    private final PngRowConverter converter;
    private final String name;
    private final int width;
    private final int height;
    private final int rowBytes;
    private final int step;
    private final byte[] raw;
    private byte[] cur;
    private byte[] prev;
    private int nextRow;

    /** {@code chunks} stands before the first IDAT chunk; the decoder owns and closes it. */
    PngRowDecoder(PngInfo info, PngChunkReader chunks) {
        PngHeader h = info.header();
        this.name = chunks.name;
        this.width = h.width();
        this.height = h.height();
        this.rowBytes = (int) h.rowBytes(width);   // bounded by PngDecoder before a decoder is made
        this.step = h.filterStep();
        try {
            this.data = new PngImageData(chunks);
        } catch (RuntimeException e) {
            chunks.close();
            throw e;
        }
        this.converter = PngRowConverter.forImage(info, width, name);
        // [filter type byte][row bytes], as inflated, then unfiltered into cur; prev starts as the
        // zero row the filters assume above row 0
        this.raw = new byte[rowBytes + 1];
        this.cur = new byte[rowBytes + 1];
        this.prev = new byte[rowBytes + 1];
    }

    @Override
    public void decodeRow(Region dst, int y) {
        if (y != nextRow) {
            throw new IllegalStateException(name + ": row " + y + " asked for, the decoder is at row " + nextRow);
        }
        data.readFully(raw, 0, rowBytes + 1, y, 0);
        int filter = raw[0] & 0xFF;
        if (!PngUnfilter.apply(filter, raw, prev, cur, 1, rowBytes, step)) {
            throw data.explain(new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": invalid filter type " + filter + " in row " + y));
        }
        converter.convert(cur, 1, width, dst, dst.index(0, y));
        byte[] t = prev;
        prev = cur;
        cur = t;
        nextRow++;
        if (nextRow == height) {
            data.finish();
        }
    }

    @Override
    public void close() {
        data.close();
    }
}
