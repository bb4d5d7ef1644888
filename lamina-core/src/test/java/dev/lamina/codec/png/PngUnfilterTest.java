package dev.lamina.codec.png;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The unfilters undo the filters as the PNG specification defines them (written out here, plainly). */
class PngUnfilterTest {


    @Test
    void branchLightPaethEqualsTheSpecificationForAllInputs() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    if (PngPaeth.predict(a, b, c) != PngSpec.paeth(a, b, c)) {
                        assertEquals(PngSpec.paeth(a, b, c), PngPaeth.predict(a, b, c), a + "," + b + "," + c);
                    }
                }
            }
        }
    }

    @Test
    void eightLanePaethEqualsTheSpecificationForAllInputs() {
        // a runs through all 256 values in the lanes of one long (32 longs of 8), b and c are the
        // same in every lane, and the lanes are rotated by c so each lane position sees every a
        for (int b = 0; b < 256; b++) {
            for (int c = 0; c < 256; c++) {
                long bs = 0x0101010101010101L * b;
                long cs = 0x0101010101010101L * c;
                for (int k = 0; k < 32; k++) {
                    long as = 0;
                    for (int lane = 0; lane < 8; lane++) {
                        as |= (long) (8 * k + (lane + c) % 8) << (8 * lane);
                    }
                    long got = PngPaeth.predict8(as, bs, cs);
                    for (int lane = 0; lane < 8; lane++) {
                        int a = (int) (as >>> (8 * lane)) & 0xFF;
                        int want = PngSpec.paeth(a, b, c);
                        if ((int) (got >>> (8 * lane) & 0xFF) != want) {
                            assertEquals(want, (int) (got >>> (8 * lane) & 0xFF), a + "," + b + "," + c + " lane " + lane);
                        }
                    }
                }
            }
        }
    }

    @Test
    void eightLanePaethKeepsNeighbouringLanesApart() {
        // lanes with different b and c each: no borrow or mask may leak into the next lane
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(8);
        for (int n = 0; n < 200_000; n++) {
            long as = rnd.nextLong();
            long bs = rnd.nextLong();
            long cs = rnd.nextLong();
            long got = PngPaeth.predict8(as, bs, cs);
            for (int lane = 0; lane < 8; lane++) {
                int want = PngSpec.paeth((int) (as >>> (8 * lane)) & 0xFF, (int) (bs >>> (8 * lane)) & 0xFF,
                        (int) (cs >>> (8 * lane)) & 0xFF);
                assertEquals(want, (int) (got >>> (8 * lane) & 0xFF));
            }
        }
    }

    @Property(tries = 400)
    void unfilteringUndoesEveryFilter(@ForAll @IntRange(min = 0, max = 4) int type,
                                      @ForAll @IntRange(min = 0, max = 5) int stepIndex,
                                      @ForAll @Size(min = 48, max = 48) byte[] row,
                                      @ForAll @Size(min = 48, max = 48) byte[] prev) {
        int step = new int[] {1, 2, 3, 4, 6, 8}[stepIndex];
        byte[] filtered = PngSpec.filter(type, row, 0, prev, 0, row.length, step);
        // the decoder's layout: the filter type byte first, the row from offset 1
        byte[] raw = new byte[49];
        byte[] above = new byte[49];
        byte[] out = new byte[49];
        System.arraycopy(filtered, 0, raw, 1, 48);
        System.arraycopy(prev, 0, above, 1, 48);
        raw[0] = (byte) type;
        PngUnfilter.apply(type, raw, above, out, 1, 48, step);
        byte[] back = new byte[48];
        System.arraycopy(out, 1, back, 0, 48);
        assertArrayEquals(row, back);
    }

    @Test
    void unknownFilterTypesAreReported() {
        byte[] row = new byte[4];
        for (int t = 5; t < 256; t++) {
            assertFalse(PngUnfilter.apply(t, row, row, row, 0, 4, 1));
        }
    }
}
