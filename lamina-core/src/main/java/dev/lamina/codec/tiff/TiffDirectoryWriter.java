package dev.lamina.codec.tiff;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds one image file directory for the encoder: entries sorted by tag, as TIFF 6.0 requires,
 * each value inline when it fits the entry (4 bytes, 8 in BigTIFF) and otherwise in a data area
 * right after the directory, on even offsets. Little-endian, the byte order Lamina writes.
 */
final class TiffDirectoryWriter {
    static final int SHORT = 3;
    static final int LONG = 4;
    static final int RATIONAL = 5;
    static final int UNDEFINED = 7;
    static final int LONG8 = 16;

    private record Field(int tag, int type, long count, byte[] value) {
    }

    private final boolean bigTiff;
    private final List<Field> fields = new ArrayList<>();

    TiffDirectoryWriter(boolean bigTiff) {
        this.bigTiff = bigTiff;
    }

    void shorts(int tag, int... values) {
        byte[] b = new byte[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            Bytes.put(b, 2 * i, 2, values[i], true);
        }
        fields.add(new Field(tag, SHORT, values.length, b));
    }

    void longValue(int tag, long value) {
        byte[] b = new byte[4];
        Bytes.put(b, 0, 4, value, true);
        fields.add(new Field(tag, LONG, 1, b));
    }

    /** Offsets or byte counts: LONG in classic TIFF, LONG8 in BigTIFF. */
    void offsets(int tag, long[] values) {
        int size = bigTiff ? 8 : 4;
        byte[] b = new byte[size * values.length];
        for (int i = 0; i < values.length; i++) {
            Bytes.put(b, size * i, size, values[i], true);
        }
        fields.add(new Field(tag, bigTiff ? LONG8 : LONG, values.length, b));
    }

    void rational(int tag, long numerator, long denominator) {
        byte[] b = new byte[8];
        Bytes.put(b, 0, 4, numerator, true);
        Bytes.put(b, 4, 4, denominator, true);
        fields.add(new Field(tag, RATIONAL, 1, b));
    }

    void undefined(int tag, byte[] data) {
        fields.add(new Field(tag, UNDEFINED, data.length, data));
    }

    /** The directory's bytes when it is written at {@code at} (even), next-directory offset 0, data area after it. */
    byte[] bytes(long at) {
        fields.sort(Comparator.comparingInt(Field::tag));
        int entry = bigTiff ? 20 : 12;
        int countSize = bigTiff ? 8 : 2;
        int inline = bigTiff ? 8 : 4;
        int nextSize = bigTiff ? 8 : 4;
        long dataAt = at + countSize + (long) fields.size() * entry + nextSize;
        ByteArrayOutputStream dir = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] b = new byte[entry];
        Bytes.put(b, 0, countSize, fields.size(), true);
        dir.write(b, 0, countSize);
        for (Field f : fields) {
            java.util.Arrays.fill(b, (byte) 0);
            Bytes.put(b, 0, 2, f.tag, true);
            Bytes.put(b, 2, 2, f.type, true);
            Bytes.put(b, 4, bigTiff ? 8 : 4, f.count, true);
            int valueAt = bigTiff ? 12 : 8;
            if (f.value.length <= inline) {
                System.arraycopy(f.value, 0, b, valueAt, f.value.length);
            } else {
                Bytes.put(b, valueAt, inline, dataAt + data.size(), true);
                data.write(f.value, 0, f.value.length);
                if ((data.size() & 1) != 0) {
                    data.write(0);
                }
            }
            dir.write(b, 0, entry);
        }
        dir.write(new byte[nextSize], 0, nextSize);
        dir.writeBytes(data.toByteArray());
        return dir.toByteArray();
    }
}
