package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.codec.png.PngTestFiles.Chunk;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged and malformed files, made in the test from good ones: each must be refused with a
 * LaminaException whose message names the input (and says what is wrong), whether the damage is
 * found by {@code open} or later, when pixels are pulled.
 */
class PngBadFilesTest {
    private static final String NAME = "photo.png";
    private static final byte[] RGB = PngTestFiles.bytes("pngsuite/basn2c08.png");
    private static final byte[] PALETTE = PngTestFiles.bytes("pngsuite/basn3p08.png");

    /** Opens and decodes every pixel; returns the message of the LaminaException that must come. */
    private static String refused(byte[] data) {
        LaminaException e = assertThrows(LaminaException.class, () -> decodeAll(data));
        assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
        return e.getMessage();
    }

    private static void decodeAll(byte[] data) {
        Image image = PngDecoder.open(data, NAME, Limits.defaults());
        StripSink.run(image, strip -> { });
    }

    /** A 4x3 RGB 8 image: IHDR plus the given filtered rows. */
    private static byte[] rgbFile(byte[] raw) {
        return PngTestFiles.png(PngTestFiles.ihdr(4, 3, 8, 2, 0), List.of(), raw);
    }

    /** Three valid unfiltered rows of a 4x3 RGB image, with the given filter type on row 1. */
    private static byte[] rows(int filterOfRow1, int rows) {
        byte[] raw = new byte[rows * 13];
        for (int y = 0; y < rows; y++) {
            raw[y * 13] = (byte) (y == 1 ? filterOfRow1 : 0);
            for (int i = 1; i < 13; i++) {
                raw[y * 13 + i] = (byte) (y * 40 + i);
            }
        }
        return raw;
    }

    @Test
    void theUntouchedBaseFilesDecode() {
        decodeAll(RGB);
        decodeAll(PALETTE);
        decodeAll(rgbFile(rows(0, 3)));
    }

    @Test
    void truncatedAtEveryOffsetIsRefused() {
        for (int len = 0; len < RGB.length; len++) {
            String msg = refused(Arrays.copyOf(RGB, len));
            if (len >= 33) {
                // past the header: the message says where the file ends or which chunk is cut
                assertTrue(msg.contains("truncated") || msg.contains("ends early") || msg.contains("incomplete"),
                        len + ": " + msg);
            }
        }
    }

    @Test
    void truncatedFileOnDiskIsRefusedWhenPixelsArePulled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        Files.write(file, Arrays.copyOf(RGB, RGB.length - 6));
        Image image = PngDecoder.open(file, Limits.defaults());   // cut inside IEND: open reads no further than IDAT
        LaminaException e = assertThrows(LaminaException.class, () -> StripSink.run(image, strip -> { }));
        assertTrue(e.getMessage().startsWith(file + ": file is truncated"), e.getMessage());
    }

    @Test
    void flippedCrcByteInAnyChunkIsRefusedWithChunkAndOffset() {
        for (String type : List.of("IHDR", "gAMA", "IDAT", "IEND")) {
            byte[] bad = RGB.clone();
            int offset = PngTestFiles.offsetOf(bad, type, 0);
            int length = java.nio.ByteBuffer.wrap(bad).getInt(offset);
            bad[offset + 8 + length + 2] ^= 0x10;   // a byte of the stored CRC
            assertEquals(NAME + ": CRC mismatch in chunk " + type + " at offset " + offset, refused(bad));
        }
    }

    @Test
    void flippedDataByteIsCaughtByTheCrc() {
        byte[] bad = RGB.clone();
        int offset = PngTestFiles.offsetOf(bad, "IDAT", 0);
        bad[offset + 8 + 20] ^= 0x01;
        assertEquals(NAME + ": CRC mismatch in chunk IDAT at offset " + offset, refused(bad));
    }

    @Test
    void corruptZlibDataIsRefused() {
        List<Chunk> chunks = PngTestFiles.parse(RGB);
        byte[] z = PngTestFiles.imageData(chunks);

        byte[] badHeader = z.clone();
        badHeader[1] ^= 0x01;   // the zlib header check (FCHECK) no longer holds
        assertTrue(refused(withImageData(chunks, badHeader)).contains("corrupt compressed image data"));

        byte[] badBlockType = z.clone();
        badBlockType[2] = (byte) 0x07;   // BFINAL=1, BTYPE=11: reserved, invalid
        assertTrue(refused(withImageData(chunks, badBlockType)).contains("corrupt compressed image data"));

        byte[] badChecksum = z.clone();
        badChecksum[z.length - 1] ^= 0x01;   // Adler-32: found only after the last row
        assertTrue(refused(withImageData(chunks, badChecksum)).contains("corrupt compressed image data"));
    }

    private static byte[] withImageData(List<Chunk> chunks, byte[] z) {
        List<Chunk> out = new ArrayList<>();
        boolean done = false;
        for (Chunk c : chunks) {
            if (!c.type().equals("IDAT")) {
                out.add(c);
            } else if (!done) {
                out.add(new Chunk("IDAT", z));
                done = true;
            }
        }
        return PngTestFiles.build(out);
    }

    @Test
    void plteAfterTheImageDataIsRefused() {
        List<Chunk> chunks = new ArrayList<>(PngTestFiles.parse(PALETTE));
        Chunk plte = chunks.stream().filter(c -> c.type().equals("PLTE")).findFirst().orElseThrow();
        chunks.remove(plte);
        chunks.add(chunks.size() - 1, plte);   // just before IEND
        assertTrue(refused(PngTestFiles.build(chunks)).contains("palette image without a PLTE chunk"));

        // an RGB file may carry a suggested palette, but not after IDAT either
        List<Chunk> rgb = new ArrayList<>(PngTestFiles.parse(RGB));
        rgb.add(rgb.size() - 1, plte);
        assertTrue(refused(PngTestFiles.build(rgb)).contains("PLTE chunk at offset"));
    }

    @Test
    void invalidHeadersAreRefused() {
        byte[] raw = rows(0, 3);
        assertTrue(refused(PngTestFiles.png(PngTestFiles.ihdr(0, 3, 8, 2, 0), List.of(), raw))
                .contains("invalid image size 0x3"));
        assertTrue(refused(PngTestFiles.png(PngTestFiles.ihdr(4, 0x80000000L, 8, 2, 0), List.of(), raw))
                .contains("invalid image size"));
        assertTrue(refused(PngTestFiles.png(PngTestFiles.ihdr(4, 3, 4, 2, 0), List.of(), raw))
                .contains("bit depth 4 with colour type 2"));
        assertTrue(refused(PngTestFiles.png(PngTestFiles.ihdr(4, 3, 8, 2, 2), List.of(), raw))
                .contains("interlace method 2"));
        byte[] badCompression = PngTestFiles.ihdr(4, 3, 8, 2, 0);
        badCompression[10] = 1;
        assertTrue(refused(PngTestFiles.png(badCompression, List.of(), raw)).contains("compression method 1"));
        byte[] badFilterMethod = PngTestFiles.ihdr(4, 3, 8, 2, 0);
        badFilterMethod[11] = 1;
        assertTrue(refused(PngTestFiles.png(badFilterMethod, List.of(), raw)).contains("filter method 1"));
        // IHDR not first
        List<Chunk> chunks = new ArrayList<>(PngTestFiles.parse(RGB));
        chunks.add(0, chunks.remove(1));
        assertTrue(refused(PngTestFiles.build(chunks)).contains("not IHDR"));
    }

    @Test
    void hugeHeaderIsRefusedByThePixelLimitWhenOpened() {
        byte[] huge = PngTestFiles.png(PngTestFiles.ihdr(100_000, 100_000, 8, 6, 0), List.of(), new byte[10]);
        // thrown by open itself: nothing but the header has been read, no pixel memory exists yet
        LaminaException e = assertThrows(LaminaException.class, () -> PngDecoder.open(huge, NAME, Limits.defaults()));
        assertTrue(e.getMessage().startsWith(NAME + ": 100000x100000"), e.getMessage());
        assertTrue(e.getMessage().contains("over the pixel limit"), e.getMessage());
        // and a small image over a lowered limit, likewise
        LaminaException small = assertThrows(LaminaException.class,
                () -> PngDecoder.open(RGB, NAME, Limits.defaults().maxPixels(1000)));
        assertTrue(small.getMessage().contains("32x32 = 1024 pixels is over the pixel limit of 1000"), small.getMessage());
    }

    @Test
    void nonPngBytesAreRefused() {
        for (byte[] data : List.of(new byte[0], "hello".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0},
                "GIF89a............".getBytes(StandardCharsets.US_ASCII))) {
            assertEquals(NAME + ": not a PNG file (no PNG signature at the start)", refused(data));
            assertFalse(PngDecoder.isPng(data));
        }
        assertTrue(PngDecoder.isPng(RGB));
        assertFalse(PngDecoder.isPng(Arrays.copyOf(RGB, 7)));
    }

    @Test
    void badFilterTypeByteIsRefusedWithItsRow() {
        assertEquals(NAME + ": invalid filter type 5 in row 1", refused(rgbFile(rows(5, 3))));
        assertEquals(NAME + ": invalid filter type 255 in row 1", refused(rgbFile(rows(255, 3))));
    }

    @Test
    void tooLittleOrTooMuchImageDataIsRefused() {
        assertTrue(refused(rgbFile(rows(0, 2))).contains("image data ends early"));
        assertTrue(refused(rgbFile(Arrays.copyOf(rows(0, 3), 3 * 13 - 1))).contains("image data ends early"));
        assertTrue(refused(rgbFile(rows(0, 4))).contains("too much image data"));
        byte[] oneMoreByte = Arrays.copyOf(rows(0, 3), 3 * 13 + 1);
        assertTrue(refused(rgbFile(oneMoreByte)).contains("too much image data"));
    }

    @Test
    void missingOrScatteredImageDataIsRefused() {
        List<Chunk> chunks = PngTestFiles.parse(RGB);
        List<Chunk> noData = chunks.stream().filter(c -> !c.type().equals("IDAT")).toList();
        assertTrue(refused(PngTestFiles.build(noData)).contains("no image data"));

        // IDATs split by another chunk, the cut inside the zlib stream
        List<Chunk> split = new ArrayList<>(PngTestFiles.splitImageData(chunks, 20));
        int second = indexOf(split, "IDAT", 1);
        split.add(second, new Chunk("tEXt", "Comment\0between"));
        assertTrue(refused(PngTestFiles.build(split)).contains("IDAT chunks stop"));

        // the whole stream in the first IDAT, then an empty IDAT after another chunk
        List<Chunk> late = new ArrayList<>(chunks);
        late.add(late.size() - 1, new Chunk("tEXt", "Comment\0between"));
        late.add(late.size() - 1, new Chunk("IDAT", new byte[0]));
        assertTrue(refused(PngTestFiles.build(late)).contains("IDAT chunks are not consecutive"));
    }

    private static int indexOf(List<Chunk> chunks, String type, int n) {
        for (int i = 0; i < chunks.size(); i++) {
            if (chunks.get(i).type().equals(type) && n-- == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException(type);
    }

    @Test
    void unknownCriticalChunkIsRefusedAndUnknownAncillaryChunkSkipped() {
        List<Chunk> chunks = new ArrayList<>(PngTestFiles.parse(RGB));
        chunks.add(1, new Chunk("abCd", new byte[] {1, 2, 3}));
        decodeAll(PngTestFiles.build(chunks));
        chunks.add(1, new Chunk("ABCD", new byte[] {1, 2, 3}));
        assertTrue(refused(PngTestFiles.build(chunks)).contains("unknown critical ABCD chunk at offset 33"));
        // a critical one after the image data, too
        List<Chunk> after = new ArrayList<>(PngTestFiles.parse(RGB));
        after.add(after.size() - 1, new Chunk("ABCD", new byte[0]));
        assertTrue(refused(PngTestFiles.build(after)).contains("unknown critical ABCD"));
    }

    @Test
    void invalidChunkTypeAndLengthAreRefused() {
        byte[] bad = RGB.clone();
        bad[33 + 4] = '1';   // gAMA -> 1AMA
        assertTrue(refused(bad).contains("invalid chunk type '1AMA' at offset 33"));
        byte[] negative = RGB.clone();
        negative[33] = (byte) 0x80;
        assertTrue(refused(negative).contains("invalid length"));
        byte[] tooLong = RGB.clone();
        tooLong[33 + 1] = 0x10;   // gAMA claims a megabyte
        assertTrue(refused(tooLong).contains("file is truncated: chunk gAMA at offset 33"));
    }

    @Test
    void bytesAfterIendAreRefused() {
        byte[] extra = Arrays.copyOf(RGB, RGB.length + 3);
        assertTrue(refused(extra).contains("extra data after IEND at offset " + RGB.length));
        List<Chunk> chunks = new ArrayList<>(PngTestFiles.parse(RGB));
        chunks.set(chunks.size() - 1, new Chunk("IEND", new byte[] {0}));
        assertTrue(refused(PngTestFiles.build(chunks)).contains("IEND chunk at offset"));
    }

    @Test
    void paletteProblemsAreRefused() {
        byte[] ihdr = PngTestFiles.ihdr(4, 1, 8, 3, 0);
        byte[] raw = {0, 0, 1, 1, 0};
        Chunk twoColours = new Chunk("PLTE", new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        decodeAll(PngTestFiles.png(ihdr, List.of(twoColours), raw));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(twoColours), new byte[] {0, 0, 1, 2, 0}))
                .contains("palette entry 2 but PLTE has only 2 entries"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(), raw)).contains("without a PLTE chunk"));
        // depth 1 allows two entries, not three
        byte[] ihdr1 = PngTestFiles.ihdr(4, 1, 1, 3, 0);
        Chunk three = new Chunk("PLTE", new byte[9]);
        assertTrue(refused(PngTestFiles.png(ihdr1, List.of(three), new byte[] {0, 0})).contains("1 to 2 entries"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(new Chunk("PLTE", new byte[5])), raw)).contains("5 bytes"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(twoColours, twoColours), raw)).contains("second PLTE"));
        // a grey image may not have one
        assertTrue(refused(PngTestFiles.png(PngTestFiles.ihdr(4, 1, 8, 0, 0), List.of(twoColours), raw))
                .contains("in a grey image"));
    }

    @Test
    void transparencyChunkProblemsAreRefused() {
        byte[] raw = {0, 0, 1, 1, 0};
        byte[] palette = PngTestFiles.ihdr(4, 1, 8, 3, 0);
        Chunk plte = new Chunk("PLTE", new byte[6]);
        assertTrue(refused(PngTestFiles.png(palette, List.of(plte, new Chunk("tRNS", new byte[3])), raw))
                .contains("more than the palette's 2"));
        assertTrue(refused(PngTestFiles.png(palette, List.of(new Chunk("tRNS", new byte[1]), plte), raw))
                .contains("comes before PLTE"));
        byte[] grey = PngTestFiles.ihdr(4, 1, 8, 0, 0);
        assertTrue(refused(PngTestFiles.png(grey, List.of(new Chunk("tRNS", new byte[6])), raw))
                .contains("6 bytes instead of 2"));
        byte[] rgba = PngTestFiles.ihdr(1, 1, 8, 6, 0);
        assertTrue(refused(PngTestFiles.png(rgba, List.of(new Chunk("tRNS", new byte[6])), new byte[5]))
                .contains("alpha channel"));
    }

    @Test
    void malformedMetadataChunksAreRefused() {
        byte[] raw = rows(0, 3);
        byte[] ihdr = PngTestFiles.ihdr(4, 3, 8, 2, 0);
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(new Chunk("gAMA", new byte[3])), raw))
                .contains("gAMA chunk at offset 33 has 3 bytes instead of 4"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(new Chunk("tEXt", "no separator")), raw))
                .contains("missing keyword terminator"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(new Chunk("zTXt", "Title\0\0not zlib")), raw))
                .contains("corrupt compressed data in zTXt"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(new Chunk("sRGB", new byte[] {7})), raw))
                .contains("rendering intent 7"));
        assertTrue(refused(PngTestFiles.png(ihdr, List.of(new Chunk("pHYs", new byte[9]), new Chunk("pHYs", new byte[9])),
                raw)).contains("duplicate pHYs"));
    }

    @Test
    void streamOverTheFileLimitIsRefused() {
        LaminaException e = assertThrows(LaminaException.class, () -> PngDecoder.open(new ByteArrayInputStream(RGB),
                NAME, Limits.defaults().maxFileBytes(100)));
        assertTrue(e.getMessage().startsWith(NAME + ": "), e.getMessage());
        assertThrows(LaminaException.class, () -> PngDecoder.open(RGB, NAME, Limits.defaults().maxFileBytes(100)));
    }

    @Test
    void missingFileIsNamed(@TempDir Path dir) {
        LaminaException e = assertThrows(LaminaException.class,
                () -> PngDecoder.open(dir.resolve("nothing.png"), Limits.defaults()));
        assertEquals(dir.resolve("nothing.png") + ": no such file", e.getMessage());
    }

    @Test
    void imageDataCutIntoOneByteChunksDecodesTheSame() {
        byte[] split = PngTestFiles.build(PngTestFiles.splitImageData(PngTestFiles.parse(RGB), 1));
        Image a = PngDecoder.open(RGB, NAME, Limits.defaults());
        Image b = PngDecoder.open(split, NAME, Limits.defaults());
        assertArrayEquals(a.fetch(a.bounds()).u8(), b.fetch(b.bounds()).u8());
    }
}
