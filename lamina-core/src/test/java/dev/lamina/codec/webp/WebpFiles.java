package dev.lamina.codec.webp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test helper: WebP containers assembled by hand from chunks, for cases the tools do not write. */
final class WebpFiles {
    private WebpFiles() {
    }

    /** A chunk: FourCC, size, payload, pad byte. */
    static byte[] chunk(String fourcc, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fourcc.getBytes(StandardCharsets.ISO_8859_1));
        le32(out, payload.length);
        out.writeBytes(payload);
        if ((payload.length & 1) != 0) {
            out.write(0);
        }
        return out.toByteArray();
    }

    /** RIFF + WEBP around the given chunks. */
    static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        le32(out, 4 + body.size());
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** The VP8X chunk's payload. */
    static byte[] vp8x(int flags, int width, int height) {
        return new byte[] {(byte) flags, 0, 0, 0, (byte) (width - 1), (byte) ((width - 1) >> 8), (byte) ((width - 1) >> 16),
                (byte) (height - 1), (byte) ((height - 1) >> 8), (byte) ((height - 1) >> 16)};
    }

    /** An extended file: VP8X with these flags, then the given chunk bytes as they are. */
    static byte[] extended(int flags, int width, int height, byte[] chunks) {
        return riff(chunk("VP8X", vp8x(flags, width, height)), chunks);
    }

    static void le32(ByteArrayOutputStream out, long v) {
        out.write((int) v);
        out.write((int) (v >>> 8));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 24));
    }
}
