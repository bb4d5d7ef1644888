package dev.lamina.codec.tiff;

import dev.lamina.model.LaminaException;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Deflate compression (8, and the older code 32946): a zlib stream per strip or tile, inflated by
 * {@code java.util.zip} (Lamina's deflate package compresses only) as the rows are asked for.
 */
final class InflateStream implements BlockStream {
    private final CompressedBytes in;
    private final String name;
    private final String what;
    private final Inflater inflater = new Inflater();
    private boolean ended;

    InflateStream(CompressedBytes in, String name, String what) {
        this.in = in;
        this.name = name;
        this.what = what;
    }

    @Override
    public int read(byte[] dst, int off, int len) {
        int done = 0;
        if (ended) {
            return 0;
        }
        try {
            while (done < len && !inflater.finished()) {
                if (inflater.needsInput()) {
                    if (!in.fill()) {
                        break;
                    }
                    inflater.setInput(in.buf, in.pos, in.limit - in.pos);
                    in.pos = in.limit;
                }
                int n = inflater.inflate(dst, off + done, len - done);
                done += n;
                if (n == 0 && inflater.needsDictionary()) {
                    throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": the Deflate data of " + what + " asks for a preset dictionary");
                }
            }
        } catch (DataFormatException e) {
            close();
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt Deflate data in " + what
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        }
        if (inflater.finished() || done < len) {
            close();
        }
        return done;
    }

    @Override
    public void close() {
        if (!ended) {
            ended = true;
            inflater.end();
        }
    }
}
