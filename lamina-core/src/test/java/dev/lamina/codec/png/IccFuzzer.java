package dev.lamina.codec.png;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Limits;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.Encoders;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.core.Image;
import dev.lamina.fuzz.FuzzInvariant;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz target: ICC profiles on their way in and out. The input is read as a PNG iCCP chunk body
 * (keyword, compression method, zlib stream: {@link PngMetadataChunks}) and, cut into APP2
 * segments whose sequence numbers and counts it also supplies, as the ICC_PROFILE segments of a
 * small JPEG ({@code JpegDecoder}, which joins them). A profile that is read is then written back
 * by both encoders (the JPEG encoder splits it into segments again), under {@link FuzzInvariant}.
 */
class IccFuzzer {

    @FuzzTest(maxDuration = "30s")
    void readAndWrite(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        FuzzInvariant.check(() -> {
            PngMetadataChunks chunks = new PngMetadataChunks(FuzzInvariant.NAME);
            chunks.read(PngChunkReader.ICCP, data, 33);
            writeBack(chunks.build().iccProfile());
        });
        FuzzInvariant.check(() -> {
            Image image = JpegDecoder.open(jpegWithApp2(data), FuzzInvariant.NAME, FuzzInvariant.LIMITS,
                    JpegDecodeOptions.defaults());
            writeBack(image.metadata.iccProfile());
        });
    }

    private static void writeBack(byte[] icc) {
        if (icc == null) {
            return;
        }
        Image grey = TINY.withMetadata(TINY.metadata.withIcc(icc, "fuzz"));
        try {
            Encoders.write(grey, new ByteArrayOutputStream(), PngOptions.png(), FuzzInvariant.NAME, FuzzInvariant.LIMITS);
            Encoders.write(grey, new ByteArrayOutputStream(), JpegOptions.jpeg(), FuzzInvariant.NAME, FuzzInvariant.LIMITS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 1x1 grey PNG decoded: the image the profiles are written back with. */
    private static final Image TINY = PngDecoder.open(PngTestFiles.png(PngTestFiles.ihdr(1, 1, 8, 0, 0),
            java.util.List.of(), new byte[] {0, (byte) 0x80}), "tiny", Limits.defaults());

    /**
     * An 8x8 grey baseline JPEG whose APP2 segments carry {@code data}: the first two bytes of each
     * piece are its sequence number and count, the next two its length (at most 65519 bytes of profile
     * per segment, as the ICC specification allows).
     */
    static byte[] jpegWithApp2(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        int p = 0;
        while (p + 4 <= data.length) {
            int seq = data[p] & 0xFF, count = data[p + 1] & 0xFF;
            int len = Math.min(((data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF)) % 65520, data.length - p - 4);
            byte[] body = new byte[12 + 2 + len];
            System.arraycopy("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1), 0, body, 0, 12);
            body[12] = (byte) seq;
            body[13] = (byte) count;
            System.arraycopy(data, p + 4, body, 14, len);
            segment(out, 0xE2, body);
            p += 4 + len;
        }
        out.writeBytes(GREY_8X8_AFTER_SOI);
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        out.write((body.length + 2) >> 8);
        out.write(body.length + 2);
        out.writeBytes(body);
    }

    /** DQT, SOF0 (8x8, one component), a DC and an AC table with one code each, SOS, one block, EOI. */
    private static final byte[] GREY_8X8_AFTER_SOI = grey8x8();

    private static byte[] grey8x8() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] dqt = new byte[65];
        java.util.Arrays.fill(dqt, 1, 65, (byte) 1);
        segment(out, 0xDB, dqt);
        segment(out, 0xC0, new byte[] {8, 0, 8, 0, 8, 1, 1, 0x11, 0});
        byte[] dc = new byte[1 + 16 + 1];
        dc[1] = 1;   // one code of length 1: category 0
        segment(out, 0xC4, dc);
        byte[] ac = new byte[1 + 16 + 1];
        ac[0] = 0x10;
        ac[1] = 1;   // one code of length 1: end of block
        segment(out, 0xC4, ac);
        segment(out, 0xDA, new byte[] {1, 1, 0, 0, 63, 0});
        out.write(0x00);   // DC category 0 (code 0), end of block (code 0), padding
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }
}
