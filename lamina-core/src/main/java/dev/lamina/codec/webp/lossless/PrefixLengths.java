package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * Code lengths of a length-limited prefix code for given symbol counts, and the canonical codes
 * for them (stored bit-reversed, as the stream is read from the lowest bit).
 *
 * <p>Lengths come from a Huffman tree (two sorted queues); when the deepest exceeds the limit, the
 * counts are flattened (each raised to a growing minimum) and the tree is built again, as libwebp's
 * {@code GenerateOptimalTree} does: exact where the limit is not reached, within a small fraction
 * where it is. A code with one used symbol gets length 1 for the description but is written with
 * zero bits ({@link #codes} leaves it length 0), as the decoder reads such a code.
 */
final class PrefixLengths {
    private PrefixLengths() {
    }

    /** Sets {@code lengths[0, n)} for the counts {@code freq[0, n)}; returns the number of used symbols. */
    static int build(int[] freq, int n, int limit, int[] lengths) {
        Arrays.fill(lengths, 0, n, 0);
        int used = 0;
        int last = 0;
        for (int s = 0; s < n; s++) {
            if (freq[s] > 0) {
                used++;
                last = s;
            }
        }
        if (used <= 1) {
            if (used == 1) {
                lengths[last] = 1;
            }
            return used;
        }
        long[] sorted = new long[used];
        int[] symbols = new int[used];
        for (long minCount = 1; ; minCount *= 2) {
            int m = 0;
            for (int s = 0; s < n; s++) {
                if (freq[s] > 0) {
                    sorted[m++] = (Math.max(freq[s], minCount) << 16) | s;
                }
            }
            Arrays.sort(sorted);
            long[] weights = new long[used];
            for (int i = 0; i < used; i++) {
                weights[i] = sorted[i] >>> 16;
                symbols[i] = (int) (sorted[i] & 0xFFFF);
            }
            int[] depth = huffmanDepths(weights);
            int max = 0;
            for (int d : depth) {
                max = Math.max(max, d);
            }
            if (max <= limit) {
                for (int i = 0; i < used; i++) {
                    lengths[symbols[i]] = depth[i];
                }
                return used;
            }
        }
    }

    /** Depths of the leaves of a Huffman tree over ascending weights (two-queue construction). */
    private static int[] huffmanDepths(long[] w) {
        int n = w.length;
        // nodes 0..n-1 leaves, n..2n-2 internal
        long[] weight = new long[2 * n - 1];
        int[] parent = new int[2 * n - 1];
        System.arraycopy(w, 0, weight, 0, n);
        int leaf = 0;
        int inner = n;
        int next = n;
        while (next < 2 * n - 1) {
            int a = pick(weight, leaf, n, inner, next);
            if (a < n) {
                leaf++;
            } else {
                inner++;
            }
            int b = pick(weight, leaf, n, inner, next);
            if (b < n) {
                leaf++;
            } else {
                inner++;
            }
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
            next++;
        }
        int[] depthOfNode = new int[2 * n - 1];
        for (int i = 2 * n - 3; i >= 0; i--) {
            depthOfNode[i] = depthOfNode[parent[i]] + 1;
        }
        return Arrays.copyOf(depthOfNode, n);
    }

    private static int pick(long[] weight, int leaf, int leaves, int inner, int next) {
        if (leaf < leaves && (inner >= next || weight[leaf] <= weight[inner])) {
            return leaf;
        }
        return inner;
    }

    /**
     * Canonical codes for {@code lengths} (bit-reversed), into {@code codes}; a lone used symbol's
     * length becomes 0 in {@code bitsOut} (it is written with no bits).
     */
    static void codes(int[] lengths, int n, int[] codes, int[] bitsOut) {
        int[] count = new int[PrefixCode.MAX_LENGTH + 1];
        int used = 0;
        for (int s = 0; s < n; s++) {
            if (lengths[s] > 0) {
                count[lengths[s]]++;
                used++;
            }
        }
        int[] next = new int[PrefixCode.MAX_LENGTH + 1];
        int code = 0;
        for (int len = 1; len <= PrefixCode.MAX_LENGTH; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            if (len == 0 || used == 1) {
                codes[s] = 0;
                bitsOut[s] = 0;
            } else {
                codes[s] = Integer.reverse(next[len]++) >>> (32 - len);
                bitsOut[s] = len;
            }
        }
    }
}
