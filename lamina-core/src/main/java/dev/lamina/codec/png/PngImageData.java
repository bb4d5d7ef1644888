package dev.lamina.codec.png;

import dev.lamina.model.LaminaException;

import java.io.Closeable;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import static dev.lamina.codec.png.PngChunkReader.IDAT;
import static dev.lamina.codec.png.PngChunkReader.IEND;
import static dev.lamina.codec.png.PngChunkReader.IHDR;
import static dev.lamina.codec.png.PngChunkReader.PLTE;

/**
 * The zlib stream that the consecutive IDAT chunks carry, inflated on demand. Chunk boundaries may
 * fall anywhere in the stream; the inflater reads each chunk's bytes in place in the input buffer
 * (64 KiB at a time for files), and every chunk's CRC is checked as it ends.
 *
 * <p>{@link #finish()} then insists that the file ends properly: the zlib stream ends exactly after
 * the image's last row (Adler-32 checked), nothing follows it in the IDATs, no IDAT comes later, the
 * remaining chunks are well formed up to IEND, and nothing follows IEND. Ancillary chunks after the
 * image data are checked and skipped; their metadata is not read.
 */
final class PngImageData implements Closeable {
    private final PngChunkReader chunks;
    private final Inflater inflater = new Inflater();
    private long idatOffset;

    /** {@code chunks} stands before the first IDAT's header (its body not read). */
    PngImageData(PngChunkReader chunks) {
        this.chunks = chunks;
        if (chunks.next() != IDAT) {
            throw chunks.fail("expected IDAT at offset " + chunks.chunkOffset() + " but found "
                    + PngChunkReader.typeName(chunks.type()) + " (the file changed since it was opened?)");
        }
        idatOffset = chunks.chunkOffset();
    }

    /**
     * Inflates exactly {@code len} bytes into {@code dst} at {@code off}; {@code row} and
     * {@code pass} (1-7, or 0 when not interlaced) say what is being read, for the message when the
     * data ends first. Short rows are served from {@link #ahead}, inflated a buffer at a time, so a
     * tall narrow image (a 1-pixel-wide PNG has 2-byte rows) costs one call into the inflater per
     * few thousand rows, not one per row; rows longer than the buffer are inflated in place.
     */
    void readFully(byte[] dst, int off, int len, int row, int pass) {
        while (len > 0) {
            if (aheadPos == aheadLimit) {
                if (len >= AHEAD_BYTES) {
                    int n = inflateSome(dst, off, len, row, pass);
                    off += n;
                    len -= n;
                    continue;
                }
                aheadPos = 0;
                aheadLimit = inflateSome(ahead, 0, AHEAD_BYTES, row, pass);
            }
            int n = Math.min(len, aheadLimit - aheadPos);
            System.arraycopy(ahead, aheadPos, dst, off, n);
            aheadPos += n;
            off += n;
            len -= n;
        }
    }

    /** Inflated bytes read ahead of the rows, {@code [aheadPos, aheadLimit)} not yet handed out. */
    private static final int AHEAD_BYTES = 16 * 1024;
    private final byte[] ahead = new byte[AHEAD_BYTES];
    private int aheadPos;
    private int aheadLimit;

    /** Inflates at least one and at most {@code len} bytes into {@code dst}, feeding the inflater as needed. */
    private int inflateSome(byte[] dst, int off, int len, int row, int pass) {
        int stalls = 0;
        while (true) {
            int n;
            try {
                n = inflater.inflate(dst, off, len);
            } catch (DataFormatException e) {
                throw corrupt(e);
            }
            if (n > 0) {
                return n;
            } else if (inflater.finished()) {
                throw chunks.fail("image data ends early: the compressed stream stops in " + where(row, pass));
            } else if (inflater.needsDictionary()) {
                throw chunks.fail("corrupt compressed image data in IDAT at offset " + idatOffset
                        + " (it asks for a preset dictionary)");
            } else if (inflater.needsInput()) {
                if (!feed()) {
                    throw chunks.fail("image data ends early: the IDAT chunks stop in " + where(row, pass) + " ("
                            + PngChunkReader.typeName(chunks.type()) + " chunk at offset " + chunks.chunkOffset()
                            + " follows)");
                }
            } else if (++stalls > 8) {
                throw chunks.fail("corrupt compressed image data in IDAT at offset " + idatOffset);
            }
        }
    }

    /**
     * Gives the inflater the next bytes of IDAT data, moving on to the next chunk when this one is
     * used up; false when the next chunk is not an IDAT (the chunk reader is then standing on it).
     */
    private boolean feed() {
        while (chunks.bodyLeft() == 0) {
            if (chunks.type() != IDAT) {
                return false;
            }
            chunks.endChunk();
            if (chunks.next() != IDAT) {
                return false;
            }
            idatOffset = chunks.chunkOffset();
        }
        int n = chunks.available();
        // The inflater keeps reading from the buffer in place: the buffer is only refilled on the
        // next feed, when the inflater has consumed all of it (needsInput).
        inflater.setInput(chunks.in.buf, chunks.in.pos, n);
        chunks.consume(n);
        return true;
    }

    /** Checks that the image data and the file end properly after the last row (see the class comment). */
    void finish() {
        if (aheadPos < aheadLimit) {
            throw chunks.fail("too much image data: the compressed stream goes on after the last row"
                    + " (IDAT at offset " + idatOffset + ")");
        }
        byte[] probe = new byte[64];
        while (!inflater.finished()) {
            int n;
            try {
                n = inflater.inflate(probe);
            } catch (DataFormatException e) {
                throw corrupt(e);
            }
            if (n > 0) {
                throw chunks.fail("too much image data: the compressed stream goes on after the last row"
                        + " (IDAT at offset " + idatOffset + ")");
            }
            if (inflater.finished()) {
                break;   // needsInput() is true too once the stream has ended
            }
            if (inflater.needsDictionary()) {
                throw chunks.fail("corrupt compressed image data in IDAT at offset " + idatOffset);
            }
            if (inflater.needsInput() && !feed()) {
                throw chunks.fail("image data is incomplete: the compressed stream does not end before the "
                        + PngChunkReader.typeName(chunks.type()) + " chunk at offset " + chunks.chunkOffset());
            }
        }
        // Every successful feed() leaves the reader inside an IDAT.
        if (inflater.getRemaining() > 0 || chunks.bodyLeft() > 0) {
            throw chunks.fail("extra data after the end of the compressed image data in IDAT at offset "
                    + idatOffset);
        }
        chunks.endChunk();
        checkTrailingChunks(chunks.next(), true);
    }

    private void checkTrailingChunks(int type, boolean afterIdat) {
        while (true) {
            String where = PngChunkReader.typeName(type) + " chunk at offset " + chunks.chunkOffset();
            if (type == IEND) {
                if (chunks.length() != 0) {
                    throw chunks.fail(where + " is not empty");
                }
                chunks.skipBody();
                if (!chunks.atEnd()) {
                    throw chunks.fail("extra data after IEND at offset " + chunks.offset());
                }
                return;
            } else if (type == IDAT) {
                if (afterIdat && chunks.length() == 0) {
                    chunks.skipBody();   // an empty IDAT at the end of the run: harmless
                } else if (afterIdat) {
                    throw chunks.fail("extra image data: " + where + " follows the end of the compressed stream");
                } else {
                    throw chunks.fail("IDAT chunks are not consecutive: " + where + " comes after other chunks");
                }
            } else if (type == IHDR || type == PLTE) {
                throw chunks.fail(where + " comes after the image data");
            } else if (PngChunkReader.isCritical(type)) {
                throw chunks.fail("unknown critical " + where);
            } else {
                chunks.skipBody();
                afterIdat = false;
            }
            type = chunks.next();
        }
    }

    private static String where(int row, int pass) {
        return "row " + row + (pass > 0 ? " of Adam7 pass " + pass : "");
    }

    private RuntimeException corrupt(DataFormatException e) {
        return explain(chunks.fail("corrupt compressed image data in IDAT at offset " + idatOffset + " ("
                + e.getMessage() + ")"));
    }

    /**
     * The error to report for {@code symptom}, a problem seen in the inflated data: the inflater
     * reads a chunk before its CRC has been checked, so damage in the file shows up first as a
     * symptom. Reads the rest of the current IDAT to check its CRC and returns the CRC error (the
     * cause) when there is one, else the symptom. Only on the way to failing.
     */
    LaminaException explain(LaminaException symptom) {
        if (chunks.type() != IDAT) {
            return symptom;
        }
        try {
            chunks.skipBody();
        } catch (LaminaException crcOrTruncation) {
            return crcOrTruncation;
        }
        return symptom;
    }

    @Override
    public void close() {
        inflater.end();
        chunks.close();
    }
}
