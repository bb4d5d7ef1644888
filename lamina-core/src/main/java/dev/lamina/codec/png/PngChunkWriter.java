package dev.lamina.codec.png;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Frames PNG chunks: length, type, data, CRC-32 over type and data. */
final class PngChunkWriter {
    static final byte[] SIGNATURE = {(byte) 137, 'P', 'N', 'G', '\r', '\n', 26, '\n'};

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private final byte[] word = new byte[4];

    PngChunkWriter(OutputStream out) {
        this.out = out;
    }

    void signature() throws IOException {
        out.write(SIGNATURE);
    }

    void chunk(String type, byte[] data) throws IOException {
        chunk(type, data, 0, data.length);
    }

    void chunk(String type, byte[] data, int off, int len) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        writeInt(len);
        crc.reset();
        crc.update(t);
        crc.update(data, off, len);
        out.write(t);
        out.write(data, off, len);
        writeInt((int) crc.getValue());
    }

    /** A chunk whose data is {@code head} (may be null), body[0, bodyLen), then {@code tail} (may be null). */
    void chunk(String type, byte[] head, byte[] body, int bodyLen, byte[] tail) throws IOException {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        int headLen = head == null ? 0 : head.length;
        int tailLen = tail == null ? 0 : tail.length;
        writeInt(headLen + bodyLen + tailLen);
        crc.reset();
        crc.update(t);
        out.write(t);
        if (head != null) {
            crc.update(head);
            out.write(head);
        }
        crc.update(body, 0, bodyLen);
        out.write(body, 0, bodyLen);
        if (tail != null) {
            crc.update(tail);
            out.write(tail);
        }
        writeInt((int) crc.getValue());
    }

    private void writeInt(int v) throws IOException {
        word[0] = (byte) (v >>> 24);
        word[1] = (byte) (v >>> 16);
        word[2] = (byte) (v >>> 8);
        word[3] = (byte) v;
        out.write(word);
    }
}
