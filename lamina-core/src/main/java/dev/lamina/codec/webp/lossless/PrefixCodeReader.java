package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * Reads the description of one prefix code from the stream (RFC 9649, 3.7.2.1): the "simple"
 * form (one or two symbols of 1 or 8 bits) or the "normal" form (code lengths, themselves
 * prefix-coded, with the repeat codes 16, 17 and 18). Errors return null; the caller names the
 * input. The rules on odd cases are libwebp's ({@code ReadHuffmanCode}): in the simple form a
 * symbol beyond the alphabet (possible for the 40-symbol distance alphabet) is ignored, and the
 * code is refused if none is left.
 */
final class PrefixCodeReader {
    static final int CODE_LENGTH_CODES = 19;
    private static final int[] CODE_LENGTH_ORDER = {17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    private static final int DEFAULT_CODE_LENGTH = 8;

    private final int[] lengths = new int[Vp8lConstants.MAX_GREEN_ALPHABET];
    private final int[] codeLengthLengths = new int[CODE_LENGTH_CODES];

    /**
     * Reads one code of {@code alphabet} symbols. With {@code build} false the code is checked but
     * no table is made (a meta code no pixel uses); the result is then non-null on success.
     */
    PrefixCode read(LosslessBitReader in, int alphabet, boolean build) {
        Arrays.fill(lengths, 0, alphabet, 0);
        if (in.read(1) == 1) {
            int symbols = in.read(1) + 1;
            int first = in.read(in.read(1) == 0 ? 1 : 8);
            if (first < alphabet) {
                lengths[first] = 1;
            }
            if (symbols == 2) {
                int second = in.read(8);
                if (second < alphabet) {
                    lengths[second] = 1;
                }
            }
        } else if (!readLengths(in, alphabet)) {
            return null;
        }
        if (in.overrun()) {
            return null;
        }
        return PrefixCode.build(lengths, alphabet, build);
    }

    private boolean readLengths(LosslessBitReader in, int alphabet) {
        Arrays.fill(codeLengthLengths, 0);
        int n = in.read(4) + 4;
        for (int i = 0; i < n; i++) {
            codeLengthLengths[CODE_LENGTH_ORDER[i]] = in.read(3);
        }
        PrefixCode lengthCode = PrefixCode.build(codeLengthLengths, CODE_LENGTH_CODES, true);
        if (lengthCode == null) {
            return false;
        }
        int maxSymbol = alphabet;
        if (in.read(1) == 1) {
            int lengthBits = 2 + 2 * in.read(3);
            maxSymbol = 2 + in.read(lengthBits);
            if (maxSymbol > alphabet) {
                return false;
            }
        }
        int previous = DEFAULT_CODE_LENGTH;
        int symbol = 0;
        while (symbol < alphabet) {
            if (maxSymbol-- == 0) {
                break;
            }
            int c = lengthCode.read(in);
            if (c < 16) {
                lengths[symbol++] = c;
                if (c != 0) {
                    previous = c;
                }
            } else {
                int repeat = switch (c) {
                    case 16 -> 3 + in.read(2);
                    case 17 -> 3 + in.read(3);
                    default -> 11 + in.read(7);
                };
                if (symbol + repeat > alphabet) {
                    return false;
                }
                int value = c == 16 ? previous : 0;
                Arrays.fill(lengths, symbol, symbol + repeat, value);
                symbol += repeat;
            }
            if (in.overrun()) {
                return false;
            }
        }
        return true;
    }
}
