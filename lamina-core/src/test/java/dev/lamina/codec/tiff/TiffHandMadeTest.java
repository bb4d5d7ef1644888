package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.lamina.codec.tiff.TiffTestSupport.assertSamples;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made files (the spec as reference: TIFF 6.0, Adobe's technical note 3 for the floating-point
 * predictor) for what the tools do not write, and for files that must be refused.
 */
class TiffHandMadeTest {
    private static final int W = 13;
    private static final int H = 7;

    private static Region decode(byte[] file) {
        return TiffTestSupport.all(Decoders.open(file, "hand.tif", LoadOptions.defaults().autoOrient(false)));
    }

    private static HandTiff base(boolean little, int bands, int bits, int photometric) {
        long[] bps = new long[bands];
        java.util.Arrays.fill(bps, bits);
        return new HandTiff(little).longs(TiffTag.IMAGE_WIDTH, W).longs(TiffTag.IMAGE_LENGTH, H)
                .shorts(TiffTag.BITS_PER_SAMPLE, bps).shorts(TiffTag.PHOTOMETRIC, photometric)
                .shorts(TiffTag.SAMPLES_PER_PIXEL, bands).longs(TiffTag.ROWS_PER_STRIP, H);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void planarSixteenBitWithTheHorizontalPredictor(boolean little) {
        Region want = TiffTestSupport.photo(W, H, 3, BandFormat.U16, 31);
        HandTiff t = base(little, 3, 16, 2).shorts(TiffTag.PLANAR_CONFIGURATION, 2).shorts(TiffTag.COMPRESSION, 8)
                .shorts(TiffTag.PREDICTOR, 2);
        ByteOrder order = little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        for (int plane = 0; plane < 3; plane++) {
            ByteBuffer b = ByteBuffer.allocate(W * H * 2).order(order);
            for (int y = 0; y < H; y++) {
                int left = 0;
                for (int x = 0; x < W; x++) {
                    int v = (int) want.raw(x, y, plane);
                    b.putShort((short) (v - left));   // difference from the left sample, modulo 2^16
                    left = v;
                }
            }
            t.block(HandTiff.zlib(b.array()));
        }
        assertSamples(want, decode(t.bytes()), "planar 16-bit");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void floatingPointPredictorInEitherByteOrder(boolean little) {
        Region want = TiffTestSupport.photo(W, H, 2, BandFormat.F32, 32);
        HandTiff t = base(little, 2, 32, 1).shorts(TiffTag.SAMPLE_FORMAT, 3, 3).shorts(TiffTag.COMPRESSION, 8)
                .shorts(TiffTag.PREDICTOR, 3).shorts(TiffTag.EXTRA_SAMPLES, 2);
        // Adobe technical note 3: per row, the floats' bytes as planes, most significant first (in
        // either byte order), then each byte differenced from the one a pixel to its left
        byte[] data = new byte[W * H * 2 * 4];
        int n = W * 2;
        for (int y = 0; y < H; y++) {
            byte[] row = new byte[n * 4];
            for (int i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(want.f32()[y * n + i]);
                for (int k = 0; k < 4; k++) {
                    row[k * n + i] = (byte) (bits >>> (24 - 8 * k));
                }
            }
            for (int i = row.length - 1; i >= 2; i--) {
                row[i] -= row[i - 2];
            }
            System.arraycopy(row, 0, data, y * row.length, row.length);
        }
        t.block(HandTiff.zlib(data));
        assertSamples(want, decode(t.bytes()), "float predictor");
    }

    @Test
    void fourBitPaletteWithSixteenBitEntriesIsRounded() {
        long[] map = new long[48];
        for (int i = 0; i < 48; i++) {
            map[i] = (i * 4099L + 300) % 65536;
        }
        HandTiff t = base(true, 1, 4, 3).shorts(TiffTag.COLOR_MAP, map);
        byte[] indexes = new byte[(W + 1) / 2 * H];
        Region want = Region.allocate(Rect.of(W, H), 3, BandFormat.U8);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int idx = (x * 3 + y * 5) % 16;
                int at = y * ((W + 1) / 2) + x / 2;
                indexes[at] |= (byte) (x % 2 == 0 ? idx << 4 : idx);   // high nibble first
                for (int c = 0; c < 3; c++) {
                    want.u8()[want.index(x, y) + c] = (byte) Math.round(map[c * 16 + idx] * 255.0 / 65535);
                }
            }
        }
        t.block(indexes);
        assertSamples(want, decode(t.bytes()), "4-bit palette");
    }

    @Test
    void sixteenBitGreyAlphaAssociatedAndMinIsWhite() {
        HandTiff t = base(false, 2, 16, 0).shorts(TiffTag.EXTRA_SAMPLES, 1);
        ByteBuffer b = ByteBuffer.allocate(W * H * 4).order(ByteOrder.BIG_ENDIAN);
        Region want = Region.allocate(Rect.of(W, H), 2, BandFormat.U16);
        for (int i = 0; i < W * H; i++) {
            int a = (i * 2731) % 65536;
            int stored = (int) ((long) a * ((i * 977) % 1000) / 1000);   // premultiplied value, at most a
            b.putShort((short) stored).putShort((short) a);
            int inverted = 65535 - stored;   // min-is-white first, as the decoder does
            long straight = a == 0 ? 0 : Math.min(65535, (long) Math.floor(inverted * 65535.0 / a + 0.5));
            want.u16()[2 * i] = (short) straight;
            want.u16()[2 * i + 1] = (short) a;
        }
        t.block(b.array());
        Image image = Decoders.open(t.bytes(), "hand.tif", LoadOptions.defaults());
        assertEquals(Interpretation.GREY, image.interpretation);
        assertTrue(image.hasAlpha);
        assertSamples(want, TiffTestSupport.all(image), "16-bit grey+alpha");
    }

    @Test
    void aPredictorTagOnUncompressedDataIsIgnoredAsLibtiffDoes() {
        Region want = TiffTestSupport.photo(W, H, 1, BandFormat.U8, 33);
        byte[] file = base(true, 1, 8, 1).shorts(TiffTag.PREDICTOR, 2).block(TiffTestSupport.raw(want)).bytes();
        assertSamples(want, decode(file), "predictor on uncompressed data");
    }

    @Test
    void tilesAreReadOnlyWhereARegionTouchesThem() {
        // 4 x 3 tiles of 16x16 over a 60x40 image; tile (1,1) is damaged: requests that avoid it succeed
        HandTiff t = new HandTiff(true).longs(TiffTag.IMAGE_WIDTH, 60).longs(TiffTag.IMAGE_LENGTH, 40)
                .shorts(TiffTag.BITS_PER_SAMPLE, 8).shorts(TiffTag.PHOTOMETRIC, 1).shorts(TiffTag.SAMPLES_PER_PIXEL, 1)
                .shorts(TiffTag.COMPRESSION, 8).longs(TiffTag.TILE_WIDTH, 16).longs(TiffTag.TILE_LENGTH, 16).tiled();
        for (int i = 0; i < 12; i++) {
            byte[] tile = new byte[256];
            java.util.Arrays.fill(tile, (byte) (i * 20));
            t.block(i == 5 ? new byte[]{1, 2, 3, 4, 5, 6} : HandTiff.zlib(tile));
        }
        Image image = Decoders.open(t.bytes(), "tiles.tif", LoadOptions.defaults());
        assertFalse(image.sequential);
        Region r = image.fetch(new Rect(40, 20, 20, 20));   // tiles (2,1), (3,1), (2,2), (3,2)
        assertEquals(6 * 20, (int) r.raw(40, 20, 0));
        assertEquals(11 * 20, (int) r.raw(59, 39, 0));
        LaminaException e = assertThrows(LaminaException.class, () -> image.fetch(new Rect(10, 10, 10, 10)));
        assertTrue(e.getMessage().startsWith("tiles.tif: corrupt Deflate data in tile 5"), e.getMessage());
        // a sink run over the part without the damaged tile leaves no cache (nor open file) behind
        Image right = dev.lamina.geometry.Extract.build(image, new Rect(32, 0, 28, 16));
        TiffTestSupport.all(right);
        assertEquals(0, ((TiffTiles) image.producer()).openCaches());
    }

    private static LaminaException refused(byte[] file) {
        return assertThrows(LaminaException.class, () -> decode(file));
    }

    @Test
    void damagedAndUnsupportedFilesAreRefusedWithTheirReason() {
        byte[] ok = base(true, 1, 8, 1).block(new byte[W * H]).bytes();
        decode(ok);

        byte[] loop = ok.clone();
        int ifd = ByteBuffer.wrap(loop, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int entries = ByteBuffer.wrap(loop, ifd, 2).order(ByteOrder.LITTLE_ENDIAN).getShort();
        ByteBuffer.wrap(loop, ifd + 2 + 12 * entries, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(ifd);
        assertReason(refused(loop), LaminaException.Kind.BAD_INPUT, "loops back");

        byte[] many = ok.clone();
        ByteBuffer.wrap(many, ifd, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 60000);
        assertReason(refused(many), LaminaException.Kind.BAD_INPUT, "60000 entries");

        assertReason(refused(base(true, 1, 8, 1).shorts(TiffTag.COMPRESSION, 3).block(new byte[10]).bytes()),
                LaminaException.Kind.UNSUPPORTED, "compression 3");
        assertReason(refused(base(true, 1, 16, 1).shorts(TiffTag.SAMPLE_FORMAT, 2).block(new byte[2 * W * H]).bytes()),
                LaminaException.Kind.UNSUPPORTED, "signed integer samples");
        assertReason(refused(base(true, 1, 8, 1).longs(TiffTag.STRIP_OFFSETS, 100000).longs(TiffTag.STRIP_BYTE_COUNTS, W * H)
                .bytes()), LaminaException.Kind.BAD_INPUT, "past the end of the file");
        assertReason(refused(base(true, 1, 8, 1).longs(TiffTag.ROWS_PER_STRIP, 1).block(new byte[W * H]).bytes()),
                LaminaException.Kind.BAD_INPUT, "7 strips expected");
        assertReason(refused(base(true, 1, 8, 1).block(new byte[W * H - 5]).bytes()),
                LaminaException.Kind.BAD_INPUT, "the data of strip 0 ends in row 6");
        // a 16383 x 16383 page in a file of a few hundred bytes: refused before any row is decoded
        assertReason(refused(base(true, 1, 8, 1).longs(TiffTag.IMAGE_WIDTH, 16383).longs(TiffTag.IMAGE_LENGTH, 16383)
                .longs(TiffTag.ROWS_PER_STRIP, 16383).shorts(TiffTag.COMPRESSION, 8).block(HandTiff.zlib(new byte[100])).bytes()),
                LaminaException.Kind.BAD_INPUT, "cannot be held in a file");
        LaminaException big = assertThrows(LaminaException.class, () -> Decoders.open(ok, "hand.tif",
                LoadOptions.defaults().limits(Limits.defaults().maxPixels(50))));
        assertReason(big, LaminaException.Kind.LIMIT_EXCEEDED, "over the pixel limit of 50");
    }

    private static void assertReason(LaminaException e, LaminaException.Kind kind, String words) {
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("hand.tif: "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }
}
