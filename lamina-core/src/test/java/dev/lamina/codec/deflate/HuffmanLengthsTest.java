package dev.lamina.codec.deflate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Code lengths are a complete prefix code within the limit, and optimal when the limit does not bind. */
class HuffmanLengthsTest {

    /** Checks the limit, the Kraft sum (exactly 1) and that every used symbol has a code. */
    private static void assertValid(int[] freq, int[] lengths, int maxBits) {
        long kraft = 0;
        int coded = 0;
        for (int s = 0; s < freq.length; s++) {
            assertTrue(lengths[s] >= 0 && lengths[s] <= maxBits, "length " + lengths[s] + " of symbol " + s);
            if (freq[s] != 0) {
                assertTrue(lengths[s] > 0, "used symbol " + s + " has no code");
            }
            if (lengths[s] > 0) {
                kraft += 1L << (maxBits - lengths[s]);
                coded++;
            }
        }
        assertTrue(coded >= 2, "deflate trees need at least two codes");
        assertEquals(1L << maxBits, kraft, "Kraft sum must be exactly 1");
    }

    /** Total cost of a textbook (unlimited) Huffman code, merging the two lightest trees each time. */
    private static long referenceHuffmanCost(int[] freq) {
        PriorityQueue<Long> q = new PriorityQueue<>();
        for (int f : freq) {
            if (f != 0) {
                q.add((long) f);
            }
        }
        long cost = 0;
        while (q.size() > 1) {
            long merged = q.poll() + q.poll();
            cost += merged;   // every symbol under a merge gets one bit longer
            q.add(merged);
        }
        return cost;
    }

    private static long cost(int[] freq, int[] lengths) {
        long c = 0;
        for (int s = 0; s < freq.length; s++) {
            c += (long) freq[s] * lengths[s];
        }
        return c;
    }

    @Test
    void oneOrNoUsedSymbolStillGivesTwoCodes() {
        HuffmanLengths h = new HuffmanLengths();
        int[] lengths = new int[30];
        int[] freq = new int[30];
        h.build(freq, 30, 15, lengths);
        assertValid(freq, lengths, 15);
        freq[7] = 100;
        h.build(freq, 30, 15, lengths);
        assertValid(freq, lengths, 15);
        assertEquals(1, lengths[7]);
        freq[7] = 0;
        freq[0] = 5;
        h.build(freq, 30, 15, lengths);
        assertValid(freq, lengths, 15);
    }

    @Test
    void fibonacciFrequenciesAreLimited() {
        // Fibonacci weights make the unlimited Huffman tree as deep as there are symbols.
        int[] freq = new int[286];
        int a = 1;
        int b = 1;
        for (int s = 0; s < 30; s++) {
            freq[s] = a;
            int t = a + b;
            a = b;
            b = t;
        }
        int[] lengths = new int[286];
        new HuffmanLengths().build(freq, 286, 15, lengths);
        assertValid(freq, lengths, 15);
        int[] cl = new int[19];
        System.arraycopy(freq, 0, cl, 0, 19);
        int[] clLengths = new int[19];
        new HuffmanLengths().build(cl, 19, 7, clLengths);
        assertValid(cl, clLengths, 7);
    }

    @Property(tries = 300)
    void randomFrequenciesGiveValidCodesOptimalWhenTheLimitDoesNotBind(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 286) int n, @ForAll @IntRange(min = 7, max = 15) int maxBits) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] freq = new int[n];
        int skew = r.nextInt(20);
        for (int s = 0; s < n; s++) {
            if (r.nextInt(4) != 0) {
                freq[s] = 1 + (int) Math.min(1 << 20, (long) r.nextInt(1000) << r.nextInt(1 + skew));
            }
        }
        if (maxBits < 15 && n > 1 << maxBits) {
            n = 1 << maxBits;   // a limit must leave room for every symbol
        }
        int[] f = java.util.Arrays.copyOf(freq, n);
        int[] lengths = new int[n];
        new HuffmanLengths().build(f, n, maxBits, lengths);
        assertValid(f, lengths, maxBits);
        int longest = 0;
        for (int len : lengths) {
            longest = Math.max(longest, len);
        }
        long used = java.util.Arrays.stream(f).filter(x -> x != 0).count();
        if (longest < maxBits && used >= 2) {
            // Nothing was limited, so the code must be a true Huffman code.
            assertEquals(referenceHuffmanCost(f), cost(f, lengths));
        }
    }

    @Test
    void canonicalCodesArePrefixFreeAndInOrder() {
        int[] lengths = {3, 3, 3, 3, 3, 2, 4, 4};   // RFC 1951 3.2.2's example
        int[] codes = new int[8];
        new HuffmanLengths().canonicalCodes(lengths, 8, codes);
        int[] expected = {0b010, 0b011, 0b100, 0b101, 0b110, 0b00, 0b1110, 0b1111};
        for (int s = 0; s < 8; s++) {
            assertEquals(expected[s], Integer.reverse(codes[s]) >>> (32 - lengths[s]), "symbol " + s);
        }
    }
}
