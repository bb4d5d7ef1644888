package dev.lamina.codec.webp.lossless;

/**
 * Chooses and writes one prefix code for a histogram (RFC 9649, 3.7.2.1, the writer's side): the
 * simple form when at most two symbols below 256 are used, otherwise the code lengths themselves
 * prefix-coded with runs (16 repeats the previous length, 17 and 18 runs of zeros) and trailing
 * zeros left out when that saves bits, as libwebp's {@code StoreFullHuffmanCode} decides.
 * Afterwards {@link #codes} and {@link #bits} say how to write each symbol.
 */
final class PrefixCodeWriter {
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};

    final int[] codes;
    final int[] bits;
    private final int[] lengths;
    private final int[] tokens;
    private final int[] extra;

    PrefixCodeWriter(int maxAlphabet) {
        codes = new int[maxAlphabet];
        bits = new int[maxAlphabet];
        lengths = new int[maxAlphabet];
        tokens = new int[maxAlphabet];
        extra = new int[maxAlphabet];
    }

    /** Builds the code for {@code freq[0, n)} and writes its description. */
    void write(LosslessBitWriter out, int[] freq, int n) {
        int used = PrefixLengths.build(freq, n, PrefixCode.MAX_LENGTH, lengths);
        PrefixLengths.codes(lengths, n, codes, bits);
        int first = -1;
        int second = -1;
        for (int s = 0; s < n && used <= 2; s++) {
            if (lengths[s] > 0) {
                if (first < 0) {
                    first = s;
                } else {
                    second = s;
                }
            }
        }
        if (used == 0) {
            // Nothing uses this code: the smallest valid description (one symbol, 0).
            out.write(1, 1);
            out.write(0, 1);
            out.write(0, 1);
            out.write(0, 1);
            return;
        }
        if (used <= 2 && first < 256 && second < 256) {
            out.write(1, 1);
            out.write(used - 1, 1);
            if (first < 2) {
                out.write(0, 1);
                out.write(first, 1);
            } else {
                out.write(1, 1);
                out.write(first, 8);
            }
            if (used == 2) {
                out.write(second, 8);
            }
            if (used == 2) {
                // the simple form gives both symbols length 1, the first the code 0
                codes[first] = 0;
                codes[second] = 1;
                bits[first] = 1;
                bits[second] = 1;
            }
            return;
        }
        writeNormal(out, n);
    }

    private void writeNormal(LosslessBitWriter out, int n) {
        int count = runLengthTokens(n);
        int[] histogram = new int[PrefixCodeReader.CODE_LENGTH_CODES];
        for (int i = 0; i < count; i++) {
            histogram[tokens[i]]++;
        }
        int[] lengthLengths = new int[PrefixCodeReader.CODE_LENGTH_CODES];
        PrefixLengths.build(histogram, histogram.length, 7, lengthLengths);
        int[] lengthCodes = new int[histogram.length];
        int[] lengthBits = new int[histogram.length];
        PrefixLengths.codes(lengthLengths, histogram.length, lengthCodes, lengthBits);
        out.write(0, 1);
        int written = CODE_LENGTH_ORDER.length;
        while (written > 4 && lengthLengths[CODE_LENGTH_ORDER[written - 1]] == 0) {
            written--;
        }
        out.write(written - 4, 4);
        for (int i = 0; i < written; i++) {
            out.write(lengthLengths[CODE_LENGTH_ORDER[i]], 3);
        }
        int trimmed = count;
        int trailingBits = 0;
        while (trimmed > 0 && (tokens[trimmed - 1] == 0 || tokens[trimmed - 1] >= 17)) {
            int t = tokens[trimmed - 1];
            trailingBits += lengthBits[t] + (t == 17 ? 3 : t == 18 ? 7 : 0);
            trimmed--;
        }
        boolean trim = trimmed > 1 && trailingBits > 12;
        out.write(trim ? 1 : 0, 1);
        if (trim) {
            if (trimmed == 2) {
                out.write(0, 5);
            } else {
                int nbits = 31 - Integer.numberOfLeadingZeros(trimmed - 2);
                int pairs = nbits / 2 + 1;
                out.write(pairs - 1, 3);
                out.write(trimmed - 2, pairs * 2);
            }
            count = trimmed;
        }
        for (int i = 0; i < count; i++) {
            int t = tokens[i];
            out.write(lengthCodes[t], lengthBits[t]);
            if (t == 16) {
                out.write(extra[i], 2);
            } else if (t == 17) {
                out.write(extra[i], 3);
            } else if (t == 18) {
                out.write(extra[i], 7);
            }
        }
    }

    /** The code lengths as tokens 0-15 and runs 16/17/18 (with their extra bits in {@link #extra}). */
    private int runLengthTokens(int n) {
        int count = 0;
        int previous = 8;   // the decoder's initial "previous non-zero length"
        int i = 0;
        while (i < n) {
            int value = lengths[i];
            int run = 1;
            while (i + run < n && lengths[i + run] == value) {
                run++;
            }
            i += run;
            if (value == 0) {
                while (run >= 11) {
                    int r = Math.min(run, 138);
                    tokens[count] = 18;
                    extra[count++] = r - 11;
                    run -= r;
                }
                if (run >= 3) {
                    tokens[count] = 17;
                    extra[count++] = run - 3;
                    run = 0;
                }
                while (run-- > 0) {
                    tokens[count++] = 0;
                }
            } else {
                if (value != previous) {
                    tokens[count++] = value;
                    run--;
                    previous = value;
                }
                while (run >= 3) {
                    int r = Math.min(run, 6);
                    tokens[count] = 16;
                    extra[count++] = r - 3;
                    run -= r;
                }
                while (run-- > 0) {
                    tokens[count++] = value;
                }
            }
        }
        return count;
    }
}
