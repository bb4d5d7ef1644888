package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * The file header and one image file directory (IFD) of a TIFF or BigTIFF file, as stored: its
 * entries by tag, with each value's type, count and position, read on demand. Knows the byte
 * order. Every count and offset is checked against the file's size before anything is allocated
 * for it; arrays that can be long (strip and tile offsets) are not read here at all but through
 * {@link BlockTable}, a window at a time.
 *
 * <p>Structure follows TIFF 6.0 section 2 and the BigTIFF proposal (version 43, 8-byte offsets and
 * counts, 20-byte entries, types LONG8/SLONG8/IFD8).
 */
final class TiffDirectory {
    /** Most entries one directory may have: classic TIFF cannot have more, and no real file nears it. */
    static final int MAX_ENTRIES = 4096;
    /** Most pages followed: beyond this a chain of directories is refused as damaged or hostile. */
    static final int MAX_PAGES = 65536;

    /** Field types (TIFF 6.0 section 2, BigTIFF): byte size per value, 0 for unknown types. */
    static int typeSize(int type) {
        return switch (type) {
            case 1, 2, 6, 7 -> 1;          // BYTE, ASCII, SBYTE, UNDEFINED
            case 3, 8 -> 2;                // SHORT, SSHORT
            case 4, 9, 11, 13 -> 4;        // LONG, SLONG, FLOAT, IFD
            case 5, 10, 12, 16, 17, 18 -> 8;   // RATIONAL, SRATIONAL, DOUBLE, LONG8, SLONG8, IFD8
            default -> 0;
        };
    }

    /** One entry: where its value lies (inline in the entry or at an offset) and how to read it. */
    record Entry(int tag, int type, long count, long valueOffset) {
        long bytes() {
            return count * typeSize(type);
        }
    }

    final TiffInput input;
    final boolean littleEndian;
    final boolean bigTiff;
    /** Directories in the file (pages), counted along the chain. */
    final int pages;
    /** The page this directory describes (0-based). */
    final int page;
    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    private TiffDirectory(TiffInput input, boolean littleEndian, boolean bigTiff, int pages, int page) {
        this.input = input;
        this.littleEndian = littleEndian;
        this.bigTiff = bigTiff;
        this.pages = pages;
        this.page = page;
    }

    LaminaException bad(String what) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, input.name + ": " + what);
    }

    /** Reads the header, counts the pages along the directory chain, and reads the entries of {@code page}. */
    static TiffDirectory read(TiffInput in, int page) {
        byte[] h = new byte[16];
        int got = in.read(0, h, 0, 16);
        if (got < 8) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, in.name + ": truncated TIFF header (" + got + " bytes)");
        }
        boolean little;
        if (h[0] == 'I' && h[1] == 'I') {
            little = true;
        } else if (h[0] == 'M' && h[1] == 'M') {
            little = false;
        } else {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, in.name + ": not a TIFF file (no byte-order mark)");
        }
        int version = (int) Bytes.unsigned(h, 2, 2, little);
        long first;
        boolean big;
        if (version == 42) {
            big = false;
            first = Bytes.unsigned(h, 4, 4, little);
        } else if (version == 43) {
            if (got < 16 || Bytes.unsigned(h, 4, 2, little) != 8 || Bytes.unsigned(h, 6, 2, little) != 0) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, in.name + ": invalid BigTIFF header");
            }
            big = true;
            first = Bytes.unsigned(h, 8, 8, little);
        } else {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, in.name + ": not a TIFF file (version " + version + ", not 42 or 43)");
        }
        // Walk the chain once: count the pages and find the one asked for. A loop or a chain past
        // MAX_PAGES is damage (or a hostile file), refused rather than followed forever.
        TiffDirectory probe = new TiffDirectory(in, little, big, 0, 0);
        Set<Long> seen = new HashSet<>();
        long at = first;
        long wanted = -1;
        int n = 0;
        while (at != 0) {
            if (!seen.add(at)) {
                throw probe.bad("the chain of directories loops back to offset " + at);
            }
            if (n == MAX_PAGES) {
                throw probe.bad("more than " + MAX_PAGES + " directories (pages)");
            }
            if (n == page) {
                wanted = at;
            }
            at = probe.nextDirectory(at);
            n++;
        }
        if (n == 0) {
            throw probe.bad("the TIFF has no image directory");
        }
        if (wanted < 0) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, in.name + ": page " + page + " asked for, the file has "
                    + n + (n == 1 ? " page" : " pages") + " (0 to " + (n - 1) + ")");
        }
        TiffDirectory d = new TiffDirectory(in, little, big, n, page);
        d.readEntries(wanted);
        return d;
    }

    private int entrySize() {
        return bigTiff ? 20 : 12;
    }

    private int countSize() {
        return bigTiff ? 8 : 2;
    }

    /** Checks the directory at {@code at} fits the file and returns the offset of the next one (0 for none). */
    private long nextDirectory(long at) {
        long count = entryCount(at);
        long next = at + countSize() + count * entrySize();
        byte[] b = new byte[8];
        int size = bigTiff ? 8 : 4;
        input.readFully(next, b, 0, size, "the directory at offset " + at);
        long v = Bytes.unsigned(b, 0, size, littleEndian);
        if (v < 0 || (v != 0 && v >= input.size())) {
            throw bad("the directory at offset " + at + " points to a next directory at offset "
                    + Long.toUnsignedString(v) + ", past the end of the file (" + input.size() + " bytes)");
        }
        return v;
    }

    private long entryCount(long at) {
        if (at < 8 || at >= input.size()) {
            throw bad("directory offset " + at + " is outside the file (" + input.size() + " bytes)");
        }
        byte[] b = new byte[8];
        input.readFully(at, b, 0, countSize(), "the directory");
        long count = Bytes.unsigned(b, 0, countSize(), littleEndian);
        if (count < 0 || count > MAX_ENTRIES) {
            throw bad("the directory at offset " + at + " claims " + Long.toUnsignedString(count) + " entries (at most "
                    + MAX_ENTRIES + ")");
        }
        if (count == 0) {
            throw bad("the directory at offset " + at + " is empty");
        }
        return count;
    }

    private void readEntries(long at) {
        int count = (int) entryCount(at);
        byte[] raw = new byte[count * entrySize()];
        input.readFully(at + countSize(), raw, 0, raw.length, "the directory entries");
        int countBytes = bigTiff ? 8 : 4;
        int inline = bigTiff ? 8 : 4;
        for (int i = 0; i < count; i++) {
            int e = i * entrySize();
            int tag = (int) Bytes.unsigned(raw, e, 2, littleEndian);
            int type = (int) Bytes.unsigned(raw, e + 2, 2, littleEndian);
            long n = Bytes.unsigned(raw, e + 4, countBytes, littleEndian);
            int size = typeSize(type);
            if (size == 0) {
                continue;   // an unknown type: TIFF 6.0 says readers skip it
            }
            if (n < 0 || n > input.size()) {
                throw bad("tag " + tag + " claims " + Long.toUnsignedString(n) + " values, more than the file could hold");
            }
            long valueField = at + countSize() + e + 4 + countBytes;
            long valueAt;
            if (n * size <= inline) {
                valueAt = valueField;
            } else {
                valueAt = Bytes.unsigned(raw, e + 4 + countBytes, inline, littleEndian);
                if (valueAt < 0 || valueAt + n * size > input.size()) {
                    throw bad("the values of tag " + tag + " (" + n * size + " bytes at offset "
                            + Long.toUnsignedString(valueAt) + ") lie past the end of the file (" + input.size() + " bytes)");
                }
            }
            entries.put(tag, new Entry(tag, type, n, valueAt));
        }
    }

    Entry entry(int tag) {
        return entries.get(tag);
    }

    boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** The single integer value of {@code tag}, or {@code absent} when the tag is missing. */
    long value(int tag, long absent) {
        Entry e = entries.get(tag);
        if (e == null) {
            return absent;
        }
        if (e.count() < 1) {
            throw bad("tag " + tag + " has no value");
        }
        return integer(e, 0);
    }

    /** Value {@code i} of an integer entry (BYTE, SHORT, LONG, LONG8 and their signed forms). */
    long integer(Entry e, long i) {
        int size = typeSize(e.type());
        if (e.type() == 2 || e.type() == 5 || e.type() == 10 || e.type() == 11 || e.type() == 12) {
            throw bad("tag " + e.tag() + " has type " + e.type() + " where a whole number is needed");
        }
        byte[] b = new byte[8];
        input.readFully(e.valueOffset() + i * size, b, 0, size, "tag " + e.tag());
        long v = Bytes.unsigned(b, 0, size, littleEndian);
        return switch (e.type()) {
            case 6 -> (byte) v;
            case 8 -> (short) v;
            case 9 -> (int) v;
            default -> v;
        };
    }

    /** All values of a short integer entry (at most {@code max} of them, else the file is refused). */
    int[] integers(int tag, int max) {
        Entry e = entries.get(tag);
        if (e == null) {
            return null;
        }
        if (e.count() > max || e.count() < 1) {
            throw bad("tag " + tag + " has " + e.count() + " values, 1 to " + max + " expected");
        }
        if (e.type() == 2 || e.type() == 5 || e.type() >= 10 && e.type() <= 12) {
            throw bad("tag " + tag + " has type " + e.type() + " where whole numbers are needed");
        }
        int[] out = new int[(int) e.count()];
        byte[] raw = bytes(e, Integer.MAX_VALUE);
        int size = typeSize(e.type());
        for (int i = 0; i < out.length; i++) {
            long v = Bytes.unsigned(raw, i * size, size, littleEndian);
            out[i] = (int) Math.min(v, Integer.MAX_VALUE);
        }
        return out;
    }

    /** The value of a RATIONAL entry as a double, or NaN when absent or zero over zero. */
    double rational(int tag) {
        Entry e = entries.get(tag);
        if (e == null || e.count() < 1) {
            return Double.NaN;
        }
        byte[] b = new byte[8];
        input.readFully(e.valueOffset(), b, 0, 8, "tag " + tag);
        if (e.type() == 5) {
            return Bytes.unsigned(b, 0, 4, littleEndian) / (double) Bytes.unsigned(b, 4, 4, littleEndian);
        }
        if (e.type() == 11) {
            return Float.intBitsToFloat((int) Bytes.unsigned(b, 0, 4, littleEndian));
        }
        if (e.type() == 12) {
            return Double.longBitsToDouble(Bytes.unsigned(b, 0, 8, littleEndian));
        }
        return integer(e, 0);
    }

    /** The raw bytes of an entry's values (file byte order), refused when larger than {@code maxBytes}. */
    byte[] bytes(Entry e, long maxBytes) {
        long n = e.bytes();
        if (n > maxBytes || n > Integer.MAX_VALUE - 16) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, input.name + ": tag " + e.tag() + " holds " + n
                    + " bytes, over the limit of " + maxBytes);
        }
        byte[] out = new byte[(int) n];
        input.readFully(e.valueOffset(), out, 0, out.length, "tag " + e.tag());
        return out;
    }
}
