package dev.lamina.hostile;

import dev.lamina.model.Gravity;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.core.Rect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile inputs of issue 9, each with the clear error it must give: the kind, and a message
 * that names the input and says what is wrong (never an exception's class name). Run in this JVM
 * with small memory budgets; {@link ForkedHostileTest} runs the full-size cases in a JVM with a
 * small heap. Time limits here are hang guards, not speed assertions.
 */
class HostileInputsTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String NAME = "hostile.png";

    static LaminaException refused(LaminaException.Kind kind, Executable work, String... phrases) {
        LaminaException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(LaminaException.class, work));
        assertEquals(kind, e.kind(), e.getMessage());
        for (String p : phrases) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
        assertTrue(!e.getMessage().contains("Exception") && !e.getMessage().contains("java."),
                "a class name in: " + e.getMessage());
        return e;
    }

    static LoadOptions budget(long bytes) {
        return LoadOptions.defaults().limits(Limits.defaults().maxMemoryBytes(bytes));
    }

    static void pull(LaminaImage image) {
        image.encode(PngOptions.png().compression(0));
    }

    @Test
    void aFewHundredBytesClaimingAnInterlacedImageOfGigabytesAreRefusedWhenOpened() {
        byte[] png = HostileFiles.png(16383, 16383, 16, 6, true, HostileFiles.zlibZeros(200));
        assertTrue(png.length < 300, png.length + " bytes");
        long needs = HostileFiles.adam7Bytes(16383, 16383, 64);
        refused(LaminaException.Kind.BAD_INPUT, () -> Lamina.open(png, NAME),
                NAME + ": the file is too short for a 16383x16383 image", "needs " + needs);
    }

    @Test
    void aFewHundredBytesClaimingAWideImageAreRefusedWhenOpened() {
        byte[] png = HostileFiles.png(268_402_689, 1, 8, 6, false, HostileFiles.zlibZeros(200));
        refused(LaminaException.Kind.BAD_INPUT, () -> Lamina.open(png, NAME),
                NAME + ": the file is too short for a 268402689x1 image", "needs " + (268_402_689L * 4 + 1));
        refused(LaminaException.Kind.BAD_INPUT, () -> Lamina.thumbnail(png, NAME, ThumbnailOptions.edge(300),
                LoadOptions.defaults()), NAME + ": the file is too short");
    }

    @Test
    void anInterlacedImageOverTheMemoryBudgetIsRefusedBeforeItIsDecoded() {
        // 1024x1024 16-bit RGBA: 8 MiB decoded whole, against a budget of 4 MiB
        long raw = HostileFiles.adam7Bytes(1024, 1024, 64);
        byte[] png = HostileFiles.png(1024, 1024, 16, 6, true, HostileFiles.zlibZeros(raw));
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> Lamina.open(png, NAME, budget(4 << 20)),
                NAME + ": decoding the 1024x1024 interlaced image whole", "needs " + (1024L * 1024 * 4 * 2) + " bytes",
                "over the memory budget of " + (4 << 20) + " bytes");
        // and within a budget that holds it, it decodes
        pull(Lamina.open(png, NAME, budget(16 << 20)));
    }

    @Test
    void rowsOfAnAbsurdlyWideImageAreCheckedAgainstTheBudget() {
        // decoder rows: 3 x (width + 1) file bytes and one row of samples
        int width = 4 << 20;
        byte[] png = HostileFiles.png(width, 1, 8, 0, false, HostileFiles.zlibZeros(width + 1L));
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> Lamina.open(png, NAME, budget(1 << 20)),
                NAME + ": decoding rows of " + width + " pixels", "over the memory budget");
        // rows that the decoder may hold, but not the few strips the line cache keeps for the run
        int w2 = 200_000;
        byte[] two = HostileFiles.png(w2, 8, 8, 0, false, HostileFiles.zlibZeros(8 * (w2 + 1L)));
        LaminaImage opened = Lamina.open(two, NAME, budget(1 << 20));
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> pull(opened),
                NAME + ": keeping ", " rows of " + w2 + " pixels", "over the memory budget");
    }

    @Test
    void aProgressiveJpegWhoseFrameClaimsGigabytesOfCoefficientsIsRefusedWhenOpened() {
        byte[] jpeg = HostileFiles.jpegHeader(16383, 16383, true, 64);
        long blocks = 2048L * 2048 * 3;   // ceil(16383 / 8) blocks a side, three components
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> Lamina.open(jpeg, "big.jpg"),
                "big.jpg: holding the DCT coefficients of the 16383x16383 progressive JPEG",
                "needs " + blocks * 64 * 2 + " bytes", "over the memory budget");
    }

    @Test
    void aBaselineJpegWhoseDataRunsOutFailsWhereItRunsOut() {
        byte[] jpeg = HostileFiles.jpegHeader(16383, 16383, false, 64);
        LaminaImage image = Lamina.open(jpeg, "big.jpg");
        // the scan ends at the EOI marker after 64 bytes: the decoder stops there, not 16383 rows later
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(image), "big.jpg: corrupt JPEG data (premature marker) at offset");
    }

    @Test
    void huffmanTablesAreValidatedAsLibjpegDoes() {
        // three codes of length 1 (the file): the second already needs the all-ones code
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(true,
                new int[] {3}, new int[] {0, 1, 2}), "t.jpg")), "t.jpg: bad Huffman table DC0", "over-subscribed");
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(false,
                new int[] {3}, new int[] {0, 1, 2}), "t.jpg")), "t.jpg: bad Huffman table AC0", "over-subscribed");
        // two of length 1 is complete, but T.81 Annex C keeps the all-ones code of every length free
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(true,
                new int[] {2}, new int[] {0, 1}), "t.jpg")), "bad Huffman table DC0", "over-subscribed");
        // a longer over-subscription: 1 of length 1, 2 of length 2
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(false,
                new int[] {1, 2}, new int[] {0, 1, 2}), "t.jpg")), "bad Huffman table AC0", "codes of length 2");
        // a DC category beyond 15
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(true,
                new int[] {1}, new int[] {16}), "t.jpg")), "bad Huffman table DC0", "DC symbol 16");
        // more than 256 codes in one table
        int[] counts = new int[16];
        counts[9] = 255;
        counts[10] = 255;
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(false,
                counts, new int[510]), "t.jpg")), "bad Huffman table AC0", "510 codes, more than 256");
        // an incomplete table is fine until the data uses a code it lacks
        refused(LaminaException.Kind.BAD_INPUT, () -> pull(Lamina.open(HostileFiles.jpegWithTable(false,
                new int[] {0, 0, 1}, new int[] {0}), "t.jpg")), "t.jpg: corrupt JPEG data (invalid Huffman code)");
    }

    @Test
    void resamplingWeightsAreCountedBeforeTheyAreAllocated() {
        // a 1 x 2M tall image shrunk to 300 rows: about 2M x 6 weights of 8 bytes (LANCZOS3)
        int height = 2 << 20;
        byte[] png = HostileFiles.png(1, height, 8, 0, false, HostileFiles.zlibZeros(2L * height));
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> Lamina.thumbnail(png, NAME, ThumbnailOptions.edge(300),
                        budget(16 << 20)),
                NAME + ": computing the resampling weights from " + height + " to 300 pixels with LANCZOS3",
                "over the memory budget of " + (16 << 20));
        // an enlargement to a huge size from a small image
        LaminaImage small = Lamina.fromPixels(new byte[12], 2, 2, 3);
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> small.resize(268_402_689, 1), "pixels: ", "over the memory budget");
    }

    @Test
    void wholeImageBuffersAreCheckedAgainstTheBudget() {
        byte[] png = HostileFiles.png(1000, 1000, 8, 2, false, HostileFiles.zlibZeros(1000 * 3001L));
        LaminaImage image = Lamina.open(png, NAME, budget(1 << 20));
        refused(LaminaException.Kind.LIMIT_EXCEEDED, image::pin, NAME + ": holding the 1000x1000 image in memory",
                "needs 3000000 bytes");
        refused(LaminaException.Kind.LIMIT_EXCEEDED, image::pixels8, NAME + ": computing its 1000x1000 pixels into one array");
    }

    @Test
    void layersAtOffsetsNearTheIntLimitAreClippedNotOverflowed() {
        LaminaImage base = Lamina.fromPixels(gradient(40, 30, 3), 40, 30, 3);
        LaminaImage layer = Lamina.fromPixels(gradient(16, 8, 4), 16, 8, 4);
        byte[] alone = base.pixels8();
        for (int[] xy : new int[][] {{Integer.MAX_VALUE, 0}, {0, Integer.MAX_VALUE}, {Integer.MAX_VALUE - 5, 3},
                {Integer.MIN_VALUE, Integer.MIN_VALUE}, {-16, 0}, {40, 30}}) {
            byte[] got = base.composite(Layer.of(layer).at(xy[0], xy[1])).pixels8();
            byte[] rgb = new byte[40 * 30 * 3];
            for (int i = 0, j = 0; i < got.length; i += 4, j += 3) {   // the layer has alpha: so has the result
                System.arraycopy(got, i, rgb, j, 3);
            }
            assertArrayEquals(alone, rgb, "layer at " + xy[0] + "," + xy[1]);
        }
        // tiles anchored near the limits repeat as the same anchor taken modulo the tile size
        for (int x : new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            byte[] far = base.composite(Layer.of(layer).tiled().at(x, x)).pixels8();
            byte[] near = base.composite(Layer.of(layer).tiled().at(Math.floorMod(x, 16), Math.floorMod(x, 8))).pixels8();
            assertArrayEquals(near, far, "tiles anchored at " + x);
        }
        // a gravity placement still works as before
        base.composite(Layer.of(layer).gravity(Gravity.SOUTH_EAST)).pixels8();
    }

    @Test
    void rectanglesCannotReachPastTheIntRange() {
        refused(LaminaException.Kind.BAD_INPUT, () -> new Rect(Integer.MAX_VALUE, 0, 10, 1),
                "rectangle 10x1 at (2147483647, 0) reaches past 2^31");
        assertEquals(new Rect(0, 0, 0, 0), new Rect(0, 0, 100, 100).clip(Integer.MAX_VALUE, 0, 100, 1));
        assertEquals(new Rect(90, 5, 10, 1), new Rect(0, 0, 100, 100).clip(90, 5, Integer.MAX_VALUE, 1));
    }

    @Test
    void pngMetadataChunksCannotAddUpToGigabytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        HostileFiles.chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        // five zTXt chunks of 16 MiB of text each, a few kilobytes in the file
        byte[] text = HostileFiles.zlibZeros(16 << 20);
        for (int i = 0; i < 5; i++) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("Comment" + i).getBytes(StandardCharsets.ISO_8859_1));
            body.write(0);
            body.write(0);
            body.writeBytes(text);
            HostileFiles.chunk(out, "zTXt", body.toByteArray());
        }
        HostileFiles.chunk(out, "IDAT", HostileFiles.zlibZeros(2));
        HostileFiles.chunk(out, "IEND", new byte[0]);
        byte[] png = out.toByteArray();
        assertTrue(png.length < 200_000, png.length + " bytes");
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> Lamina.open(png, NAME),
                NAME + ": the metadata chunks hold more than " + (64 << 20) + " bytes", "zTXt chunk at offset");
        // and many small ones: more than a thousand text chunks
        ByteArrayOutputStream many = new ByteArrayOutputStream();
        many.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        HostileFiles.chunk(many, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        for (int i = 0; i < 1001; i++) {
            HostileFiles.chunk(many, "tEXt", "Title\0x".getBytes(StandardCharsets.ISO_8859_1));
        }
        HostileFiles.chunk(many, "IDAT", HostileFiles.zlibZeros(2));
        HostileFiles.chunk(many, "IEND", new byte[0]);
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> Lamina.open(many.toByteArray(), NAME),
                NAME + ": more than 1000 text chunks");
    }

    @Test
    void secondHeaderChunksAreNamedOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] ihdr = {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0};
        HostileFiles.chunk(out, "IHDR", ihdr);
        HostileFiles.chunk(out, "IHDR", ihdr);
        HostileFiles.chunk(out, "IDAT", HostileFiles.zlibZeros(2));
        HostileFiles.chunk(out, "IEND", new byte[0]);
        LaminaException e = refused(LaminaException.Kind.BAD_INPUT, () -> Lamina.open(out.toByteArray(), NAME),
                NAME + ": second IHDR chunk at offset 33");
        assertTrue(!e.getMessage().contains("IHDR IHDR"), e.getMessage());
    }

    @Test
    void anIccProfileTooLargeForJpegIsRefusedNamingTheOutput(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        // a 64 MiB profile (the most a PNG chunk may inflate to) in about 65 KB of iCCP
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        HostileFiles.chunk(out, "IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0});
        ByteArrayOutputStream iccp = new ByteArrayOutputStream();
        iccp.writeBytes("huge\0\0".getBytes(StandardCharsets.ISO_8859_1));
        iccp.writeBytes(HostileFiles.zlibZeros(64 << 20));
        HostileFiles.chunk(out, "iCCP", iccp.toByteArray());
        HostileFiles.chunk(out, "IDAT", HostileFiles.zlibZeros(2));
        HostileFiles.chunk(out, "IEND", new byte[0]);
        LaminaImage image = Lamina.open(out.toByteArray(), NAME);
        java.nio.file.Path jpg = dir.resolve("out.jpg");
        refused(LaminaException.Kind.LIMIT_EXCEEDED, () -> image.save(jpg),
                jpg + ": an ICC profile of " + (64 << 20) + " bytes is too large for JPEG");
        assertTrue(!java.nio.file.Files.exists(jpg));
    }

    static byte[] gradient(int w, int h, int bands) {
        byte[] b = new byte[w * h * bands];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 37 + i / bands * 11);
        }
        return b;
    }
}
