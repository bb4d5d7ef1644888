package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;

/**
 * TIFF's LZW (TIFF 6.0 section 13): codes of 9 to 12 bits, most significant bit first, Clear 256
 * and EndOfInformation 257, the code width growing one code early (at 511, 1023 and 2047 entries,
 * as libtiff writes and reads it). Strings are written straight into the caller's row when they
 * fit and kept for the next call when they do not, so a strip decodes row by row.
 *
 * <p>Refused: a code beyond the next free entry (corrupt data), a string started before any Clear
 * code with a value over 255, and the pre-1989 "old-style" LZW with its bit order reversed.
 */
final class LzwStream implements BlockStream {
    private static final int CLEAR = 256;
    private static final int EOI = 257;
    private static final int MAX_CODES = 4096;

    private final CompressedBytes in;
    private final String name;
    private final String what;
    private final short[] prefix = new short[MAX_CODES];
    private final byte[] suffix = new byte[MAX_CODES];
    private final byte[] first = new byte[MAX_CODES];
    private final short[] length = new short[MAX_CODES];
    /** A string that did not fit the caller's buffer: bytes [pendingPos, pendingLen) are still to give. */
    private final byte[] pending = new byte[MAX_CODES];
    private int pendingPos;
    private int pendingLen;
    private int free = 258;
    private int width = 9;
    private int old = -1;
    private long bits;
    private int bitCount;
    private boolean ended;
    private boolean started;

    LzwStream(CompressedBytes in, String name, String what) {
        this.in = in;
        this.name = name;
        this.what = what;
        for (int i = 0; i < 256; i++) {
            suffix[i] = (byte) i;
            first[i] = (byte) i;
            length[i] = 1;
        }
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        int done = 0;
        if (pendingPos < pendingLen) {
            int n = Math.min(len, pendingLen - pendingPos);
            System.arraycopy(pending, pendingPos, dst, off, n);
            pendingPos += n;
            done = n;
        }
        while (done < len && !ended) {
            int code = nextCode();
            if (code == EOI) {
                ended = true;
                break;
            }
            if (code == CLEAR) {
                free = 258;
                width = 9;
                old = -1;
                continue;
            }
            int stringLength;
            byte head;
            if (old < 0) {
                if (code > 255) {
                    throw corrupt("code " + code + " where a first byte was expected");
                }
                stringLength = 1;
                head = (byte) code;
            } else if (code < free) {
                stringLength = length[code];
                head = first[code];
            } else if (code == free) {
                stringLength = length[old] + 1;
                head = first[old];
            } else {
                throw corrupt("code " + code + " beyond the table (" + free + " entries)");
            }
            // Write the string backwards, into the row when it fits, else into the pending buffer.
            boolean direct = stringLength <= len - done;
            byte[] out = direct ? dst : pending;
            int base = direct ? off + done : 0;
            int c = code;
            int at = base + stringLength - 1;
            if (code == free) {
                out[at--] = head;   // KwKwK: old's string, then its own first byte
                c = old;
            }
            while (at >= base) {
                out[at--] = suffix[c];
                c = prefix[c];
            }
            if (old >= 0 && free < MAX_CODES) {
                prefix[free] = (short) old;
                suffix[free] = head;
                first[free] = first[old];
                length[free] = (short) (length[old] + 1);
                free++;
                if (free >= (1 << width) - 1 && width < 12) {
                    width++;
                }
            }
            old = code;
            if (direct) {
                done += stringLength;
            } else {
                int n = len - done;
                System.arraycopy(pending, 0, dst, off + done, n);
                pendingPos = n;
                pendingLen = stringLength;
                done = len;
            }
        }
        return done;
    }

    /** The next code, or EOI when the data ends without one (libtiff accepts that too). */
    private int nextCode() {
        while (bitCount < width) {
            int b = in.read();
            if (b < 0) {
                return EOI;
            }
            if (!started) {
                started = true;
                if (b == 0) {
                    int peek = in.pos < in.limit ? in.buf[in.pos] & 0xFF : 0;
                    if ((peek & 1) != 0) {
                        throw new LaminaException(LaminaException.Kind.UNSUPPORTED, name + ": old-style (pre-1989) LZW in " + what
                                + " is not supported");
                    }
                }
            }
            bits = bits << 8 | b;
            bitCount += 8;
        }
        bitCount -= width;
        return (int) (bits >>> bitCount) & ((1 << width) - 1);
    }

    private LaminaException corrupt(String detail) {
        return new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt LZW data in " + what + " (" + detail + ")");
    }
}
