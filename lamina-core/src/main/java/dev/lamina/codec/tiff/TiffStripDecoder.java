package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;

/**
 * A striped page decoded forward, one row per call, for {@link dev.lamina.core.LineCache}: the
 * strip holding the row is opened when its first row is asked (one decompressor per plane) and
 * read a row at a time, so memory is a few rows and buffers whatever the strips' height (a file
 * written as one strip of a gigabyte streams like any other).
 */
final class TiffStripDecoder implements RowDecoder {
    private final TiffPage page;
    private final TiffInput input;
    private final BlockDecoder blocks;
    private int nextRow;

    TiffStripDecoder(TiffPage page, TiffInput input, boolean failOnError, Limits limits) {
        this.page = page;
        this.input = input;
        this.blocks = new BlockDecoder(new BlockReader(page, input, failOnError), limits);
    }

    @Override
    public void decodeRow(Region dst, int y) {
        if (y != nextRow) {
            throw new LaminaException(LaminaException.Kind.INTERNAL, page.name + ": row " + y + " asked for, the decoder is at row " + nextRow);
        }
        int strip = y / page.blockHeight;
        int inStrip = y - strip * page.blockHeight;
        if (inStrip == 0) {
            blocks.start(0, strip, Math.min(page.blockHeight, page.height - y));
        }
        blocks.row(inStrip, 0, page.width, dst, dst.index(0, y));
        nextRow++;
    }

    @Override
    public void close() {
        blocks.close();
        input.close();
    }
}
