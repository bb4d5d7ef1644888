package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.codec.png.PngTestFiles.Chunk;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.List;

/**
 * Damage behind the CRC: bytes changed inside a chunk whose CRC is then recomputed, so the damage
 * reaches the zlib, filter, palette and metadata code. Whatever happens, the decoder either decodes
 * or throws a LaminaException naming the input; no other exception type may escape.
 */
class PngDamageFuzzTest {
    private static final List<String> FILES = List.of("basn2c08.png", "basi0g04.png", "tbbn3p08.png",
            "ctzn0g04.png", "basn6a16.png", "cten0g04.png", "tbrn2c08.png", "s09i3p02.png");

    @Property(tries = 600)
    void damagedChunkContentGivesOnlyLaminaExceptions(@ForAll @IntRange(min = 0, max = 7) int fileIndex,
                                                      @ForAll @IntRange(min = 0, max = 1000) int chunkPick,
                                                      @ForAll @IntRange(min = 0, max = 100_000) int position,
                                                      @ForAll @IntRange(min = 1, max = 255) int xor,
                                                      @ForAll @IntRange(min = 0, max = 2) int extraBytes) {
        String file = FILES.get(fileIndex);
        List<Chunk> chunks = new ArrayList<>(PngTestFiles.parse(PngTestFiles.bytes("pngsuite/" + file)));
        int which = chunkPick % chunks.size();
        Chunk c = chunks.get(which);
        byte[] data = c.data().clone();
        if (data.length > 0) {
            for (int k = 0; k <= extraBytes; k++) {
                data[(position + 7919 * k) % data.length] ^= (byte) xor;
            }
        } else {
            data = new byte[] {(byte) xor};
        }
        chunks.set(which, new Chunk(c.type(), data));
        byte[] damaged = PngTestFiles.build(chunks);
        try {
            Image image = PngDecoder.open(damaged, file, Limits.defaults().maxPixels(1 << 22));
            StripSink.run(image, strip -> { });
        } catch (LaminaException e) {
            if (!e.getMessage().startsWith(file + ": ")) {
                throw new AssertionError("message does not name the file: " + e.getMessage(), e);
            }
        }
    }
}
