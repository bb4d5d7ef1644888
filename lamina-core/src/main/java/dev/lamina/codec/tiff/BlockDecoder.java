package dev.lamina.codec.tiff;

import dev.lamina.model.Limits;
import dev.lamina.core.Region;

/**
 * Decodes one strip or tile at a time, row by row, top to bottom: per plane a decompressor and a
 * row of stored bytes, the predictor undone in place, then the {@link SampleConverter}. JPEG blocks
 * go through {@link JpegBlock} instead. Memory: a row per plane and one read buffer per plane,
 * whatever the block's height.
 *
 * <p>Used by one thread at a time (a strip decoder, or a tile sequence).
 */
final class BlockDecoder implements AutoCloseable {
    private final BlockReader reader;
    private final TiffPage page;
    private final Limits limits;
    private final SampleConverter converter;
    private final byte[][] rows;
    private final byte[][] buffers;
    private final BlockStream[] streams;
    private final long[] indexes;
    private final int rowBytes;
    private final int rowSamples;
    private final byte[] floatScratch;
    private JpegBlock jpeg;

    BlockDecoder(BlockReader reader, Limits limits) {
        this.reader = reader;
        this.page = reader.page;
        this.limits = limits;
        this.converter = new SampleConverter(page);
        int planes = page.planes();
        this.rowBytes = (int) page.blockRowBytes();
        this.rowSamples = page.blockWidth * (page.planar ? 1 : page.samplesPerPixel);
        boolean jpegPage = page.compression == TiffTag.JPEG;
        this.rows = new byte[planes][jpegPage ? 0 : rowBytes];
        this.buffers = new byte[planes][];
        this.streams = new BlockStream[planes];
        this.indexes = new long[planes];
        this.floatScratch = page.predictor == 3 ? new byte[rowBytes] : null;
    }

    /** Starts block ({@code bx}, {@code by}), of which {@code rowsNeeded} rows will be read. */
    void start(int bx, int by, int rowsNeeded) {
        closeBlock();
        if (page.compression == TiffTag.JPEG) {
            long index = page.blockIndex(bx, by, 0);
            int width = page.tiled ? page.blockWidth : page.width;
            jpeg = JpegBlock.open(page, reader.bytes(index), reader.name(index), width, rowsNeeded, limits);
            return;
        }
        for (int p = 0; p < streams.length; p++) {
            indexes[p] = page.blockIndex(bx, by, p);
            if (buffers[p] == null) {
                buffers[p] = new byte[CompressedBytes.bufferSize()];
            }
            streams[p] = reader.open(indexes[p], buffers[p]);
        }
    }

    /**
     * Reads the block's next row ({@code rowInBlock}, for errors) and writes its pixels
     * {@code [c0, c0 + n)} into {@code dst} from sample index {@code at}.
     */
    void row(int rowInBlock, int c0, int n, Region dst, int at) {
        if (jpeg != null) {
            Region r = jpeg.row(rowInBlock);
            int bands = r.bands;
            System.arraycopy(r.u8(), c0 * bands, dst.u8(), at, n * bands);
            return;
        }
        boolean floats = false;
        for (int p = 0; p < streams.length; p++) {
            reader.readRow(streams[p], rows[p], rowBytes, indexes[p], rowInBlock);
            int stride = page.planar ? 1 : page.samplesPerPixel;
            if (page.predictor == 2) {
                Predictor.undoHorizontal(rows[p], 0, rowSamples, stride, page.bits, page.dir.littleEndian);
            } else if (page.predictor == 3) {
                Predictor.undoFloat(rows[p], 0, rowSamples, stride, floatScratch);
                floats = true;
            }
        }
        converter.convert(rows, c0, n, dst, at, floats);
    }

    private void closeBlock() {
        if (jpeg != null) {
            jpeg.close();
            jpeg = null;
        }
        for (int p = 0; p < streams.length; p++) {
            if (streams[p] != null) {
                streams[p].close();
                streams[p] = null;
            }
        }
    }

    @Override
    public void close() {
        closeBlock();
    }
}
