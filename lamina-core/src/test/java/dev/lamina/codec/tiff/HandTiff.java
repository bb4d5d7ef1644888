package dev.lamina.codec.tiff;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A hand-made classic TIFF, for the cases no tool writes (or writes wrongly) and for damaged files:
 * the test gives the entries and the stored bytes of each block, laid out as TIFF 6.0 section 2
 * says, in either byte order. Nothing is checked: damage is the point.
 */
final class HandTiff {
    private final boolean little;
    private final TreeMap<Integer, long[]> shorts = new TreeMap<>();
    private final TreeMap<Integer, long[]> longs = new TreeMap<>();
    private final TreeMap<Integer, byte[]> undefined = new TreeMap<>();
    private final List<byte[]> blocks = new ArrayList<>();
    private int offsetsTag = TiffTag.STRIP_OFFSETS;
    private int countsTag = TiffTag.STRIP_BYTE_COUNTS;

    HandTiff(boolean little) {
        this.little = little;
    }

    HandTiff shorts(int tag, long... v) {
        shorts.put(tag, v);
        return this;
    }

    HandTiff longs(int tag, long... v) {
        longs.put(tag, v);
        return this;
    }

    HandTiff undefined(int tag, byte[] v) {
        undefined.put(tag, v);
        return this;
    }

    /** Blocks are tiles (TileOffsets/TileByteCounts) rather than strips. */
    HandTiff tiled() {
        offsetsTag = TiffTag.TILE_OFFSETS;
        countsTag = TiffTag.TILE_BYTE_COUNTS;
        return this;
    }

    HandTiff block(byte[] data) {
        blocks.add(data);
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteOrder order = little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        out.writeBytes(little ? new byte[]{'I', 'I', 42, 0} : new byte[]{'M', 'M', 0, 42});
        out.writeBytes(new byte[4]);   // IFD offset, set below
        long[] offsets = new long[blocks.size()];
        long[] counts = new long[blocks.size()];
        for (int i = 0; i < blocks.size(); i++) {
            offsets[i] = out.size();
            counts[i] = blocks.get(i).length;
            out.writeBytes(blocks.get(i));
            if ((out.size() & 1) != 0) {
                out.write(0);
            }
        }
        TreeMap<Integer, long[]> l = new TreeMap<>(longs);
        if (!blocks.isEmpty()) {
            l.putIfAbsent(offsetsTag, offsets);
            l.putIfAbsent(countsTag, counts);
        }
        TreeMap<Integer, Object[]> all = new TreeMap<>();
        shorts.forEach((t, v) -> all.put(t, new Object[]{3, v}));
        l.forEach((t, v) -> all.put(t, new Object[]{4, v}));
        undefined.forEach((t, v) -> all.put(t, new Object[]{7, v}));
        int ifd = out.size();
        int dataAt = ifd + 2 + 12 * all.size() + 4;
        ByteBuffer dir = ByteBuffer.allocate(12 * all.size() + 6).order(order);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        dir.putShort((short) all.size());
        for (var e : all.entrySet()) {
            int type = (Integer) e.getValue()[0];
            byte[] value;
            int count;
            if (type == 7) {
                value = (byte[]) e.getValue()[1];
                count = value.length;
            } else {
                long[] v = (long[]) e.getValue()[1];
                int size = type == 3 ? 2 : 4;
                ByteBuffer b = ByteBuffer.allocate(v.length * size).order(order);
                for (long x : v) {
                    if (size == 2) {
                        b.putShort((short) x);
                    } else {
                        b.putInt((int) x);
                    }
                }
                value = b.array();
                count = v.length;
            }
            dir.putShort((short) (int) e.getKey()).putShort((short) type).putInt(count);
            if (value.length <= 4) {
                byte[] inline = new byte[4];
                System.arraycopy(value, 0, inline, 0, value.length);
                dir.put(inline);
            } else {
                dir.putInt(dataAt + data.size());
                data.writeBytes(value);
                if ((data.size() & 1) != 0) {
                    data.write(0);
                }
            }
        }
        dir.putInt(0);
        out.writeBytes(dir.array());
        out.writeBytes(data.toByteArray());
        byte[] file = out.toByteArray();
        ByteBuffer.wrap(file, 4, 4).order(order).putInt(ifd);
        return file;
    }

    /** A zlib stream of {@code data}, by java.util.zip (an implementation independent of Lamina's coder). */
    static byte[] zlib(byte[] data) {
        java.util.zip.Deflater d = new java.util.zip.Deflater();
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }
}
