package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;

/**
 * PackBits (TIFF 6.0 section 9): a header byte n, then n+1 literal bytes (0 to 127), or one byte
 * repeated 1-n times (-1 to -127); -128 is a no-op. Runs may cross rows, so the state of a run in
 * progress is kept between calls.
 */
final class PackBitsStream implements BlockStream {
    private final CompressedBytes in;
    private final String name;
    private final String what;
    private int literal;    // literal bytes still to copy
    private int repeat;     // repeats of value still to write
    private byte value;

    PackBitsStream(CompressedBytes in, String name, String what) {
        this.in = in;
        this.name = name;
        this.what = what;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        int done = 0;
        while (done < len) {
            if (repeat > 0) {
                int n = Math.min(repeat, len - done);
                java.util.Arrays.fill(dst, off + done, off + done + n, value);
                repeat -= n;
                done += n;
            } else if (literal > 0) {
                if (!in.fill()) {
                    throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": PackBits data of " + what + " ends inside a literal run");
                }
                int n = Math.min(literal, Math.min(len - done, in.limit - in.pos));
                System.arraycopy(in.buf, in.pos, dst, off + done, n);
                in.pos += n;
                literal -= n;
                done += n;
            } else {
                int h = in.read();
                if (h < 0) {
                    break;
                }
                byte n = (byte) h;
                if (n >= 0) {
                    literal = n + 1;
                } else if (n != -128) {
                    int v = in.read();
                    if (v < 0) {
                        throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": PackBits data of " + what + " ends inside a run");
                    }
                    value = (byte) v;
                    repeat = 1 - n;
                }
            }
        }
        return done;
    }
}
