package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.TiffOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.Encoders;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Truncated and corrupted TIFFs are refused cleanly: each file of several layouts is cut at every
 * structural boundary (header, each block's start, middle and end, the directory and its arrays)
 * and at regular steps, and every byte of its directory and arrays is flipped three ways. Each
 * damaged file must either decode (a flipped byte nobody reads) or fail with a LaminaException
 * that names the file, is not INTERNAL, and carries no Java class name; never hang or throw
 * anything else.
 *
 * <p>The decoder's entry points are plain functions of the bytes ({@code TiffDecoder.open(bytes,
 * name, limits, page, failOnError)} and pulling the pixels), which is what a fuzz target calls.
 */
class TiffDamageTest {
    private static final String NAME = "damaged.tif";

    private static byte[] encode(TiffOptions o, int bands, BandFormat format) {
        Image image = TiffEncoderRoundTripTest.image(bands, format, 91);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Encoders.write(image, out, o);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    @TestFactory
    List<DynamicTest> damagedFilesAreRefusedCleanly() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(layout("LZW strips, predictor", encode(TiffOptions.tiff().compression(TiffOptions.Compression.LZW), 3, BandFormat.U8)));
        tests.add(layout("Deflate tiles, 16-bit alpha", encode(TiffOptions.tiff().compression(TiffOptions.Compression.DEFLATE)
                .tiles(32, 16), 4, BandFormat.U16)));
        tests.add(layout("uncompressed BigTIFF", encode(TiffOptions.tiff().bigTiff(true), 1, BandFormat.U8)));
        tests.add(layout("float predictor", encode(TiffOptions.tiff().compression(TiffOptions.Compression.DEFLATE), 1, BandFormat.F32)));
        byte[] packbits = new byte[13 * 7 * 2];
        for (int i = 0; i < packbits.length; i += 2) {
            packbits[i] = 0;   // literal of one byte
            packbits[i + 1] = (byte) i;
        }
        tests.add(layout("PackBits palette", new HandTiff(false).longs(TiffTag.IMAGE_WIDTH, 13).longs(TiffTag.IMAGE_LENGTH, 7)
                .shorts(TiffTag.BITS_PER_SAMPLE, 8).shorts(TiffTag.PHOTOMETRIC, 3).shorts(TiffTag.SAMPLES_PER_PIXEL, 1)
                .shorts(TiffTag.COMPRESSION, 32773).longs(TiffTag.ROWS_PER_STRIP, 7)
                .shorts(TiffTag.COLOR_MAP, new long[768]).block(packbits).bytes()));
        return tests;
    }

    private static DynamicTest layout(String name, byte[] file) {
        return DynamicTest.dynamicTest(name, () -> assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            decodeAll(file);   // the intact file decodes
            TreeSet<Integer> cuts = boundaries(file);
            for (int step = 1; step < file.length; step += Math.max(1, file.length / 64)) {
                cuts.add(step);
            }
            int refused = 0;
            for (int cut : cuts) {
                refused += check(Arrays.copyOf(file, cut), "cut at " + cut) ? 0 : 1;
            }
            assertTrue(refused > cuts.size() / 2, "most truncations are refused");
            int ifd = firstDirectory(file);
            for (int at = 0; at < file.length; at++) {
                if (at >= 8 && at < ifd) {
                    continue;   // pixel data: damage there is the decompressors' business, covered by the cuts
                }
                for (int mask : new int[]{0xFF, 0x01, 0x80}) {
                    byte[] d = file.clone();
                    d[at] ^= (byte) mask;
                    check(d, "byte " + at + " ^ " + mask);
                }
            }
        }));
    }

    /** Decodes every pixel; true when it succeeded, false when refused cleanly; fails otherwise. */
    private static boolean check(byte[] data, String what) {
        try {
            decodeAll(data);
            return true;
        } catch (LaminaException e) {
            String m = e.getMessage();
            assertNotEquals(LaminaException.Kind.INTERNAL, e.kind(), what + ": " + m);
            assertTrue(m.startsWith(NAME + ": ") || m.startsWith(NAME + " ("), what + ": message does not name the file: " + m);
            assertTrue(!m.contains("Exception") && !m.contains("java."), what + ": a class name in the message: " + m);
            return false;
        } catch (Throwable t) {
            fail(what + ": " + t, t);
            return false;
        }
    }

    private static void decodeAll(byte[] data) {
        Image image = Decoders.open(data, NAME, LoadOptions.defaults());
        StripSink.run(image, strip -> { });
    }

    private static int firstDirectory(byte[] file) {
        ByteOrder order = file[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer b = ByteBuffer.wrap(file).order(order);
        return file[2] == 43 || file[3] == 43 ? (int) b.getLong(8) : b.getInt(4);
    }

    /** Offsets where a cut changes what is missing: the header, each block's start, middle and end, the directory. */
    private static TreeSet<Integer> boundaries(byte[] file) {
        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, 1, 4, 7, 8, 15, 16));
        TiffInput in = TiffInput.of(file, NAME);
        TiffPage page = TiffPage.read(in, 0, TiffTestSupport.limits());
        long blocks = page.offsets.count();
        for (long i = 0; i < blocks; i++) {
            int off = (int) page.offsets.get(i, in);
            int n = (int) page.byteCounts.get(i, in);
            cuts.addAll(List.of(off, off + 1, off + n / 2, off + n - 1, off + n));
        }
        int ifd = firstDirectory(file);
        for (int at = ifd; at < file.length; at += 4) {
            cuts.add(at);
        }
        cuts.removeIf(c -> c < 0 || c >= file.length);
        return cuts;
    }
}
