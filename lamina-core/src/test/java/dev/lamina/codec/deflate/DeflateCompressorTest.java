package dev.lamina.codec.deflate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;

import static dev.lamina.codec.deflate.DeflateTestData.compressInChunks;
import static dev.lamina.codec.deflate.DeflateTestData.inflateRaw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every stream the compressor writes is decoded by java.util.zip's Inflater back to the input. */
class DeflateCompressorTest {
    private static final int MAX_EFFORT = DeflateCompressor.MAX_EFFORT;

    private static void assertRoundTrip(int effort, byte[] data) {
        ByteSink sink = new ByteSink(16);
        new DeflateCompressor(effort).compress(null, 0, 0, data, 0, data.length, true, sink);
        assertArrayEquals(data, inflateRaw(sink.array(), sink.length(), data.length), "effort " + effort);
    }

    private static byte[] compressWhole(int effort, byte[] data) {
        ByteSink sink = new ByteSink();
        new DeflateCompressor(effort).compress(null, 0, 0, data, 0, data.length, true, sink);
        return sink.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void emptyAndTinyInputs(int effort) {
        assertRoundTrip(effort, new byte[0]);
        assertRoundTrip(effort, new byte[]{42});
        assertRoundTrip(effort, new byte[]{1, 2});
        assertRoundTrip(effort, new byte[]{7, 7, 7, 7, 7});
        assertRoundTrip(effort, new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0});
        assertRoundTrip(effort, "abcabcabcabcabc".getBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void typicalContent(int effort) {
        assertRoundTrip(effort, DeflateTestData.runs(200_000, 1));
        assertRoundTrip(effort, DeflateTestData.text(150_000));
        assertRoundTrip(effort, DeflateTestData.photoFiltered(300, 200, 3));
        assertRoundTrip(effort, DeflateTestData.structured(300_000, 4));
        assertRoundTrip(effort, new byte[300_000]);   // all one run: every match is 258 long
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void sizesAroundBlockBoundaries(int effort) {
        byte[] all = DeflateTestData.structured(3 * 65536 + 600, 11);
        for (int n : new int[]{65535, 65536, 65537, 65536 + 258, 2 * 65536 - 3, 2 * 65536 + 1, 3 * 65536 + 517}) {
            assertRoundTrip(effort, Arrays.copyOf(all, n));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void incompressibleInputFallsBackToStoredBlocks(int effort) {
        byte[] data = DeflateTestData.random(300_000, 5);
        byte[] z = compressWhole(effort, data);
        assertArrayEquals(data, inflateRaw(z, z.length, data.length));
        // Stored blocks cost 5 bytes per 64 KiB at most twice (a block's input can straddle 65535 bytes).
        assertTrue(z.length <= data.length + 10 * ((data.length + 65535) / 65536) + 8, "random bytes grew to " + z.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void matchesReachTheWholeWindow(int effort) {
        // A 300-byte random block repeated at distances 32768, 32767 and 20000: only LZ77 finds them.
        byte[] unit = DeflateTestData.random(300, 8);
        byte[] filler = DeflateTestData.random(100_000, 9);
        byte[] data = new byte[100_000];
        System.arraycopy(filler, 0, data, 0, data.length);
        System.arraycopy(unit, 0, data, 1000, 300);
        System.arraycopy(unit, 0, data, 1000 + 32768, 300);
        System.arraycopy(unit, 0, data, 1000 + 32768 + 32767, 300);
        System.arraycopy(unit, 0, data, 1000 + 32768 + 32767 + 20000, 300);
        byte[] z = compressWhole(effort, data);
        assertArrayEquals(data, inflateRaw(z, z.length, data.length));
        // Three of the four 300-byte copies as matches save well over 500 bytes against stored blocks.
        assertTrue(z.length < data.length - 500, "window matches were missed: " + z.length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void compressesWhatShouldCompress(int effort) {
        byte[] zeros = new byte[100_000];
        assertTrue(compressWhole(effort, zeros).length < 400, "runs of 258 must cost a few bits each");
        byte[] photo = DeflateTestData.photoFiltered(256, 256, 2);
        // Noise of about 3 bits per channel sample and a constant alpha: well under half the input.
        assertTrue(compressWhole(effort, photo).length < photo.length / 2);
    }

    @Test
    void effortOneIsNoLargerThanZlibHuffmanOnly() {
        byte[] photo = DeflateTestData.photoFiltered(512, 256, 12);
        Deflater d = new Deflater(6, true);
        d.setStrategy(Deflater.HUFFMAN_ONLY);
        d.setInput(photo);
        d.finish();
        byte[] buf = new byte[photo.length * 2];
        int zlib = 0;
        while (!d.finished()) {
            zlib += d.deflate(buf, zlib, buf.length - zlib);
        }
        d.end();
        int ours = compressWhole(1, photo).length;
        assertTrue(ours <= zlib, "effort 1 " + ours + " vs zlib HUFFMAN_ONLY " + zlib);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void matchingNeverCostsMuchOverRunsAlone(int effort) {
        // Uncorrelated noise: 4-byte repeats are chance, and taking them all would grow the output.
        byte[] photo = DeflateTestData.photoFiltered(512, 256, 13);
        int runsOnly = compressWhole(1, photo).length;
        int ours = compressWhole(effort, photo).length;
        assertTrue(ours <= runsOnly * 1.01, "effort " + effort + ": " + ours + " vs effort 1: " + runsOnly);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void chunksJoinedBySyncFlushesDecodeAsOneStream(int effort) {
        byte[] data = DeflateTestData.structured(250_000, 21);
        int[][] cutSets = {{100_000}, {1, 2, 40_000, 40_001, 200_000}, {70_000, 140_000, 210_000}, {0, 250_000}};
        for (int[] cuts : cutSets) {
            for (boolean separate : new boolean[]{false, true}) {
                ByteSink sink = compressInChunks(new DeflateCompressor(effort), data, cuts, separate);
                assertArrayEquals(data, inflateRaw(sink.array(), sink.length(), data.length),
                        Arrays.toString(cuts) + (separate ? " separate dictionary" : ""));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void matchesReachIntoTheDictionary(int effort) {
        // The second chunk is a copy of the first's tail: it compresses only through the dictionary.
        byte[] a = DeflateTestData.random(40_000, 31);
        byte[] data = Arrays.copyOf(a, 60_000);
        System.arraycopy(a, 20_000, data, 40_000, 20_000);
        DeflateCompressor c = new DeflateCompressor(effort);
        ByteSink sink = new ByteSink();
        c.compress(null, 0, 0, data, 0, 40_000, false, sink);
        int first = sink.length();
        c.compress(data, 40_000 - 32768, 32768, data, 40_000, 20_000, true, sink);
        // 20000 bytes as 78 matches of 258 at about 25 bits each, against 20000 bytes stored or literal
        assertTrue(sink.length() - first < 400, "second chunk took " + (sink.length() - first));
        assertArrayEquals(data, inflateRaw(sink.array(), sink.length(), data.length));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void followsAStreamWrittenByTheJdkDeflater(int effort) {
        byte[] data = DeflateTestData.photoFiltered(200, 120, 41);
        int cut = data.length / 3;
        Deflater d = new Deflater(6, true);
        d.setInput(data, 0, cut);
        byte[] buf = new byte[data.length * 2];
        int n = 0;
        do {
            n += d.deflate(buf, n, buf.length - n, Deflater.SYNC_FLUSH);
        } while (!d.needsInput());
        d.end();
        ByteSink sink = new ByteSink();
        sink.append(buf, 0, n);
        DeflateCompressor c = new DeflateCompressor(effort);
        int second = cut + (data.length - cut) / 2;
        c.compress(data, cut - Math.min(cut, 32768), Math.min(cut, 32768), data, cut, second - cut, false, sink);
        c.compress(data, second - 32768, 32768, data, second, data.length - second, true, sink);
        assertArrayEquals(data, inflateRaw(sink.array(), sink.length(), data.length));
    }

    @Test
    void aCompressorIsReusableAndDeterministic() {
        byte[] x = DeflateTestData.structured(80_000, 51);
        byte[] y = DeflateTestData.text(50_000);
        for (int effort = 1; effort <= MAX_EFFORT; effort++) {
            DeflateCompressor c = new DeflateCompressor(effort);
            ByteSink s1 = new ByteSink();
            c.compress(null, 0, 0, x, 0, x.length, true, s1);
            ByteSink s2 = new ByteSink();
            c.compress(null, 0, 0, y, 0, y.length, true, s2);
            ByteSink s3 = new ByteSink();
            c.compress(null, 0, 0, x, 0, x.length, true, s3);
            assertArrayEquals(s1.toByteArray(), s3.toByteArray());
            assertArrayEquals(y, inflateRaw(s2.array(), s2.length(), y.length));
        }
    }

    @Test
    void appendsAfterWhatTheSinkHolds() {
        ByteSink sink = new ByteSink(16);
        sink.append(new byte[]{9, 9, 9}, 0, 3);
        byte[] data = DeflateTestData.text(5000);
        new DeflateCompressor(2).compress(null, 0, 0, data, 0, data.length, true, sink);
        byte[] all = sink.toByteArray();
        assertEquals(9, all[0]);
        assertArrayEquals(data, inflateRaw(Arrays.copyOfRange(all, 3, all.length), all.length - 3, data.length));
    }

    @Test
    void effortZeroStoresTheBytesAsTheyAre() {
        byte[] data = DeflateTestData.text(70_000);
        byte[] z = compressWhole(0, data);
        // two stored blocks (65535 + 4465 bytes): 1 header byte and LEN/NLEN each, per RFC 1951 3.2.4
        assertEquals(data.length + 2 * 5, z.length);
        assertArrayEquals(data, inflateRaw(z, z.length, data.length));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new DeflateCompressor(-1));
        assertThrows(IllegalArgumentException.class, () -> new DeflateCompressor(MAX_EFFORT + 1));
        DeflateCompressor c = new DeflateCompressor(1);
        byte[] b = new byte[40_000];
        assertThrows(IllegalArgumentException.class, () -> c.compress(b, 0, 32769, b, 32769, 10, true, new ByteSink()));
        assertThrows(IndexOutOfBoundsException.class, () -> c.compress(null, 0, 0, b, 39_999, 2, true, new ByteSink()));
    }

    @Property(tries = 60)
    void structuredBytesRoundTripInAnyChunking(@ForAll long seed,
                                               @ForAll @IntRange(min = 0, max = MAX_EFFORT) int effort,
                                               @ForAll @IntRange(min = 0, max = 150_000) int size,
                                               @ForAll @IntRange(min = 0, max = 4) int cutCount) {
        byte[] data = DeflateTestData.structured(size, seed);
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int[] cuts = new int[cutCount];
        for (int i = 0; i < cutCount; i++) {
            cuts[i] = r.nextInt(size + 1);
        }
        Arrays.sort(cuts);
        ByteSink sink = compressInChunks(new DeflateCompressor(effort), data, cuts, r.nextBoolean());
        assertArrayEquals(data, inflateRaw(sink.array(), sink.length(), data.length));
    }
}
