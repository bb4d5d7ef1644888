package dev.lamina.codec.tiff;

/**
 * The offsets or byte counts of a page's strips or tiles, read from the file a window at a time
 * rather than into one array: a hostile header may claim hundreds of millions of blocks, and even
 * an honest 1-row-strip file has one entry per row. Memory is one window whatever the count.
 *
 * <p>Thread-safe (tiles are read from several workers): the window is guarded by this object.
 */
final class BlockTable {
    private static final int WINDOW = 512;
    private final TiffDirectory dir;
    private final TiffDirectory.Entry entry;
    private final int size;
    private final byte[] window;
    private long windowStart = -1;
    private int windowCount;

    BlockTable(TiffDirectory dir, TiffDirectory.Entry entry) {
        this.dir = dir;
        this.entry = entry;
        this.size = TiffDirectory.typeSize(entry.type());
        if (entry.type() != 3 && entry.type() != 4 && entry.type() != 16 && entry.type() != 13 && entry.type() != 18) {
            throw dir.bad("tag " + entry.tag() + " has type " + entry.type() + " (SHORT, LONG or LONG8 expected)");
        }
        this.window = new byte[WINDOW * size];
    }

    long count() {
        return entry.count();
    }

    /**
     * Entry {@code i}, read through {@code input} (the reader of the run asking: the file the
     * directory was read with is closed once the page is opened).
     */
    synchronized long get(long i, TiffInput input) {
        if (i < windowStart || i >= windowStart + windowCount) {
            long start = i - i % WINDOW;
            int n = (int) Math.min(WINDOW, entry.count() - start);
            windowCount = 0;   // a failed read leaves no window behind
            input.readFully(entry.valueOffset() + start * size, window, 0, n * size, "tag " + entry.tag());
            windowStart = start;
            windowCount = n;
        }
        long v = Bytes.unsigned(window, (int) (i - windowStart) * size, size, dir.littleEndian);
        if (v < 0) {
            throw dir.bad("tag " + entry.tag() + " value " + i + " is out of range");
        }
        return v;
    }
}
