package dev.lamina.codec.png;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test helper: takes PNG files apart into chunks and puts them together again with correct CRCs,
 * so tests can make damaged or unusual files from good ones. Written from the PNG specification,
 * independently of the decoder's classes.
 */
final class PngTestFiles {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    record Chunk(String type, byte[] data) {
        Chunk(String type, String latin1) {
            this(type, latin1.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private PngTestFiles() {
    }

    static Path resource(String path) {
        try {
            return Path.of(PngTestFiles.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String path) {
        try (InputStream in = PngTestFiles.class.getResourceAsStream("/" + path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chunks of a well-formed PNG, in order (IEND included). */
    static List<Chunk> parse(byte[] png) {
        List<Chunk> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        while (b.remaining() >= 12) {
            int len = b.getInt();
            byte[] type = new byte[4];
            b.get(type);
            byte[] data = new byte[len];
            b.get(data);
            b.getInt();
            out.add(new Chunk(new String(type, StandardCharsets.ISO_8859_1), data));
        }
        return out;
    }

    /** Signature plus the chunks, each with its CRC. */
    static byte[] build(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        for (Chunk c : chunks) {
            out.writeBytes(chunk(c.type(), c.data()));
        }
        return out.toByteArray();
    }

    static byte[] chunk(String type, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(12 + data.length);
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        b.putInt(data.length).put(t).put(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Offset of the length field of the {@code n}-th chunk of {@code type} (0-based). */
    static int offsetOf(byte[] png, String type, int n) {
        ByteBuffer b = ByteBuffer.wrap(png);
        int p = 8;
        while (p + 8 <= png.length) {
            int len = b.getInt(p);
            String t = new String(png, p + 4, 4, StandardCharsets.ISO_8859_1);
            if (t.equals(type) && n-- == 0) {
                return p;
            }
            p += 12 + len;
        }
        throw new IllegalArgumentException("no chunk " + type);
    }

    static byte[] ihdr(long width, long height, int depth, int colourType, int interlace) {
        return ByteBuffer.allocate(13).putInt((int) width).putInt((int) height).put((byte) depth)
                .put((byte) colourType).put((byte) 0).put((byte) 0).put((byte) interlace).array();
    }

    static byte[] zlib(byte[] raw) {
        Deflater d = new Deflater(6);
        d.setInput(raw);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** All IDAT data of {@code chunks} concatenated. */
    static byte[] imageData(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        chunks.stream().filter(c -> c.type().equals("IDAT")).forEach(c -> out.writeBytes(c.data()));
        return out.toByteArray();
    }

    /** The same file with its image data cut into IDAT chunks of {@code size} bytes (the last may be shorter). */
    static List<Chunk> splitImageData(List<Chunk> chunks, int size) {
        byte[] all = imageData(chunks);
        List<Chunk> out = new ArrayList<>();
        boolean done = false;
        for (Chunk c : chunks) {
            if (!c.type().equals("IDAT")) {
                out.add(c);
            } else if (!done) {
                for (int p = 0; p < all.length; p += size) {
                    out.add(new Chunk("IDAT", java.util.Arrays.copyOfRange(all, p, Math.min(all.length, p + size))));
                }
                done = true;
            }
        }
        return out;
    }

    /**
     * A minimal PNG: IHDR, the given chunks before the image data, one IDAT holding {@code raw}
     * (filtered rows, filter bytes included) compressed, and IEND.
     */
    static byte[] png(byte[] ihdr, List<Chunk> before, byte[] raw) {
        List<Chunk> cs = new ArrayList<>();
        cs.add(new Chunk("IHDR", ihdr));
        cs.addAll(before);
        cs.add(new Chunk("IDAT", zlib(raw)));
        cs.add(new Chunk("IEND", new byte[0]));
        return build(cs);
    }
}
