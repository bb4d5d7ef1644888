package dev.lamina.codec.metadata;

import dev.lamina.codec.metadata.ExifBlock;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.lamina.model.Metadata;
import dev.lamina.fuzz.FuzzInvariant;

import java.util.List;

/**
 * Fuzz target: the EXIF reader and writer on a raw TIFF block (what follows JPEG APP1's
 * "Exif\0\0", or a PNG eXIf chunk): the orientation read, and the block made for writing (its
 * orientation and pixel dimensions patched in place). Any block gives an orientation of 1 to 8 and
 * a block to write of its own length (or the minimal one), never an exception.
 */
class ExifFuzzer {

    @FuzzTest(maxDuration = "30s")
    void read(byte[] data) {
        fuzzerTestOneInput(data);
    }

    /** The entry point of Jazzer's own driver (bin/fuzz). */
    public static void fuzzerTestOneInput(byte[] data) {
        int o = ExifBlock.orientation(data);
        if (o < 1 || o > 8) {
            throw new AssertionError("orientation " + o);
        }
        FuzzInvariant.check(() -> {
            if (!ExifBlock.isTiffHeader(data, 0, data.length)) {
                return;   // Metadata accepts only blocks with a TIFF header
            }
            for (int orientation : new int[] {1, o, 6}) {
                Metadata m = new Metadata(null, null, 0, -1, null, List.of(), orientation, data);
                byte[] out = ExifBlock.forWriting(m, ExifBlock.MAX_JPEG_BLOCK, 640, 70000);
                if (out != null && out.length != data.length && out.length != ExifBlock.minimal(orientation).length) {
                    throw new AssertionError("a block of " + out.length + " bytes for one of " + data.length);
                }
                if (out != null && ExifBlock.orientation(out) != orientation) {
                    throw new AssertionError("the written block says orientation " + ExifBlock.orientation(out));
                }
            }
        });
    }
}
