package dev.lamina.codec.webp.lossless;

/**
 * One canonical prefix code of the VP8L stream as a two-level lookup table (RFC 9649, 3.7.2).
 *
 * <p>Each entry is {@code (length << 16) | symbol}. The root table is indexed by the next
 * {@code rootBits} bits of the stream (first bit lowest, so codes are stored bit-reversed); a root
 * entry whose length exceeds {@code rootBits} points instead at a second-level table at offset
 * {@code symbol}, indexed by the following {@code length - rootBits} bits. The root is at most 8
 * bits and no wider than the longest code, so small codes take small tables: the tables of a
 * stream with thousands of meta codes stay in proportion to what the stream describes.
 *
 * <p>Accepted lengths follow libwebp's {@code BuildHuffmanTable}: a code with one used symbol is
 * read with zero bits whatever its stated length; otherwise the lengths must form a complete code
 * (Kraft sum exactly 1); all-zero lengths are refused.
 */
final class PrefixCode {
    static final int MAX_LENGTH = 15;
    private static final int MAX_ROOT_BITS = 8;

    final int[] table;
    final int rootBits;
    /** The one symbol of a zero-bit code, or -1. */
    final int single;

    private PrefixCode(int[] table, int rootBits, int single) {
        this.table = table;
        this.rootBits = rootBits;
        this.single = single;
    }

    /** Table entries this code holds: for the decoder's memory budget. */
    int entries() {
        return table.length;
    }

    /**
     * Builds the code for {@code lengths[0, n)}, or returns null when the lengths do not form a
     * code libwebp accepts. With {@code build} false only the check is made (no table).
     */
    static PrefixCode build(int[] lengths, int n, boolean build) {
        int[] count = new int[MAX_LENGTH + 1];
        int used = 0;
        int last = -1;
        int maxLen = 0;
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            if (len > MAX_LENGTH) {
                return null;
            }
            if (len > 0) {
                count[len]++;
                used++;
                last = s;
                maxLen = Math.max(maxLen, len);
            }
        }
        if (used == 0) {
            return null;
        }
        if (used == 1) {
            return new PrefixCode(new int[] {last}, 0, last);
        }
        // Complete code: the open branches at each depth must never go negative and end at zero.
        long open = 1;
        for (int len = 1; len <= MAX_LENGTH; len++) {
            open = (open << 1) - count[len];
            if (open < 0) {
                return null;
            }
        }
        if (open != 0) {
            return null;
        }
        if (!build) {
            return new PrefixCode(null, 0, -1);
        }
        int root = Math.min(MAX_ROOT_BITS, maxLen);
        int rootSize = 1 << root;
        // Canonical codes: shorter first, then by symbol.
        int[] next = new int[MAX_LENGTH + 1];
        count[0] = 0;
        int code = 0;
        for (int len = 1; len <= MAX_LENGTH; len++) {
            code = (code + count[len - 1]) << 1;
            next[len] = code;
        }
        int[] reversed = new int[n];
        int[] subBits = new int[rootSize];
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            if (len > 0) {
                int r = Integer.reverse(next[len]++) >>> (32 - len);
                reversed[s] = r;
                if (len > root) {
                    int low = r & (rootSize - 1);
                    subBits[low] = Math.max(subBits[low], len - root);
                }
            }
        }
        int size = rootSize;
        int[] subOffset = new int[rootSize];
        for (int i = 0; i < rootSize; i++) {
            if (subBits[i] > 0) {
                subOffset[i] = size;
                size += 1 << subBits[i];
            }
        }
        int[] table = new int[size];
        for (int i = 0; i < rootSize; i++) {
            if (subBits[i] > 0) {
                table[i] = ((root + subBits[i]) << 16) | subOffset[i];
            }
        }
        for (int s = 0; s < n; s++) {
            int len = lengths[s];
            if (len == 0) {
                continue;
            }
            int r = reversed[s];
            if (len <= root) {
                for (int i = r; i < rootSize; i += 1 << len) {
                    table[i] = (len << 16) | s;
                }
            } else {
                int low = r & (rootSize - 1);
                int sb = subBits[low];
                int base = subOffset[low];
                int subLen = len - root;
                for (int i = r >>> root; i < (1 << sb); i += 1 << subLen) {
                    table[base + i] = (subLen << 16) | s;
                }
            }
        }
        return new PrefixCode(table, root, -1);
    }

    /** Reads one symbol. */
    int read(LosslessBitReader in) {
        if (single >= 0) {
            return single;
        }
        int e = table[in.peek(rootBits)];
        int len = e >>> 16;
        if (len > rootBits) {
            in.skip(rootBits);
            e = table[(e & 0xFFFF) + in.peek(len - rootBits)];
            len = e >>> 16;
        }
        in.skip(len);
        return e & 0xFFFF;
    }
}
