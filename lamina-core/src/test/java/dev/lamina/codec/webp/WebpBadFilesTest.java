package dev.lamina.codec.webp;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import dev.lamina.fuzz.FuzzInvariant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Truncated, damaged and hostile WebP files are refused with a {@link LaminaException} that names
 * the input and says what is wrong, never another exception; limits are checked before anything
 * the header sizes is allocated. The files are the fuzz target's seeds (made by cwebp, webpmux and
 * img2webp: lossy, lossy with raw and lossless alpha, lossless in VP8X, an animation).
 */
class WebpBadFilesTest {
    static List<byte[]> seeds() throws IOException {
        Path dir = WebpTestTools.resource("dev/lamina/codec/webp/WebpDecoderFuzzerInputs/decode");
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static LaminaException.Kind decode(byte[] data) {
        return FuzzInvariant.outcome(() -> WebpDecoder.open(data, FuzzInvariant.NAME, FuzzInvariant.LIMITS));
    }

    @Test
    void theSeedsDecode() throws IOException {
        for (byte[] seed : seeds()) {
            assertEquals(null, decode(seed));
        }
    }

    @Test
    void everyTruncationIsRefusedAsBadInput() throws IOException {
        for (byte[] seed : seeds()) {
            for (int n = 0; n < seed.length; n++) {
                byte[] cut = Arrays.copyOf(seed, n);
                LaminaException.Kind kind = decode(cut);
                assertEquals(LaminaException.Kind.BAD_INPUT, kind, "cut to " + n + " of " + seed.length);
            }
        }
    }

    @Test
    void damagedFilesDecodeOrFailCleanly() throws IOException {
        Random r = new Random(42);
        for (byte[] seed : seeds()) {
            for (int i = 0; i < 400; i++) {
                byte[] d = seed.clone();
                int flips = 1 + r.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    d[r.nextInt(d.length)] ^= (byte) (1 << r.nextInt(8));
                }
                decode(d);   // the invariant: decodes, or a LaminaException naming the input
                try {
                    StripSink.run(WebpDecoder.open(d, "d.webp", FuzzInvariant.LIMITS), s -> { });
                } catch (LaminaException e) {
                    // Found by the decoder's own checks, not by the last-resort guard around it.
                    assertEquals(null, e.getCause(), e.getMessage());
                }
            }
        }
    }

    @Test
    void aHugeCanvasIsRefusedBeforeAllocating() {
        byte[] file = WebpFiles.riff(WebpFiles.chunk("VP8X", WebpFiles.vp8x(0, 16384, 16384)));
        LaminaException e = assertThrows(LaminaException.class, () -> WebpDecoder.open(file, "big.webp", Limits.defaults()));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, e.kind());
        assertTrue(e.getMessage().startsWith("big.webp: 16384x16384"), e.getMessage());
    }

    @Test
    void theRowsOfAVeryWideLossyImageAreCheckedAgainstTheBudget() throws IOException {
        byte[] seed = seeds().stream().filter(s -> s.length == 184 && s[15] == ' ').findFirst().orElseThrow();
        byte[] wide = seed.clone();
        int[] vp8 = WebpTestTools.chunk(wide, "VP8 ");
        wide[vp8[0] + 6] = (byte) 0xff;   // width 16383
        wide[vp8[0] + 7] = (byte) 0x3f;
        LaminaException e = assertThrows(LaminaException.class,
                () -> StripSink.run(WebpDecoder.open(wide, "wide.webp", Limits.defaults().maxMemoryBytes(1 << 20)), s -> { }));
        assertEquals(LaminaException.Kind.LIMIT_EXCEEDED, e.kind());
        assertTrue(e.getMessage().startsWith("wide.webp: "), e.getMessage());
    }

    @Test
    void messagesSayWhatIsWrong() throws IOException {
        byte[] lossy = seeds().stream().filter(s -> s.length == 184 && s[15] == ' ').findFirst().orElseThrow();
        assertMessage(Arrays.copyOf(lossy, 100), "x.webp: the WebP file is truncated");
        byte[] notKey = lossy.clone();
        notKey[20] |= 1;
        assertMessage(notKey, "x.webp: corrupt lossy WebP data: the frame is not a key frame");
        byte[] unknownFirst = lossy.clone();
        unknownFirst[12] = 'X';
        assertMessage(unknownFirst, "x.webp: corrupt WebP file: the first chunk is 'XP8 '");
        byte[] alph = seeds().stream().filter(s -> s.length == 566).findFirst().orElseThrow().clone();
        int[] a = WebpTestTools.chunk(alph, "ALPH");
        alph[a[0]] = (byte) 0xC0;   // reserved bits set
        assertMessage(alph, "x.webp: corrupt WebP alpha: the ALPH header byte 0xc0 is invalid");
        byte[] canvas = WebpFiles.extended(0, 9, 9, Arrays.copyOfRange(lossy, 12, lossy.length));
        assertMessage(canvas, "x.webp: corrupt WebP file: the image is 23x11 but the VP8X canvas is 9x9");
    }

    private static void assertMessage(byte[] data, String start) {
        LaminaException e = assertThrows(LaminaException.class, () -> {
            Image image = WebpDecoder.open(data, "x.webp", Limits.defaults());
            StripSink.run(image, s -> { });
        });
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertEquals(LaminaException.Kind.BAD_INPUT, e.kind());
    }
}
