package dev.lamina.codec.jpeg;

import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.lamina.codec.jpeg.JpegTestSupport.Mode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Grey and YCbCr files written by the JDK decode to exactly the samples the JDK's reader returns. */
class JpegDecoderTest {

    static Stream<Arguments> corpus() {
        List<Arguments> list = new ArrayList<>();
        int[][] sizes = {{203, 141}, {1, 1}, {7, 5}, {17, 13}, {33, 1}, {1, 33}, {64, 48}, {50, 31}, {30, 22}};
        int[][] samplings = {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {4, 1}};
        for (int[] s : sizes) {
            for (int[] f : samplings) {
                list.add(Arguments.of(s[0], s[1], false, Mode.baseline(f[0], f[1])));
                list.add(Arguments.of(s[0], s[1], false, Mode.baseline(f[0], f[1]).asProgressive()));
            }
            list.add(Arguments.of(s[0], s[1], true, Mode.baseline(1, 1)));
            list.add(Arguments.of(s[0], s[1], true, Mode.baseline(1, 1).asProgressive()));
        }
        list.add(Arguments.of(203, 141, false, Mode.baseline(2, 2).restart(3)));
        list.add(Arguments.of(203, 141, false, Mode.baseline(2, 1).restart(1)));
        list.add(Arguments.of(203, 141, false, Mode.baseline(2, 2).restart(5).asProgressive()));
        list.add(Arguments.of(203, 141, true, Mode.baseline(1, 1).restart(7)));
        list.add(Arguments.of(203, 141, true, Mode.baseline(1, 1).restart(2).asProgressive()));
        for (int q : new int[] {1, 10, 50, 75, 95, 100}) {
            list.add(Arguments.of(203, 141, false, Mode.baseline(2, 2).quality(q)));
            list.add(Arguments.of(203, 141, true, Mode.baseline(1, 1).quality(q).asProgressive()));
        }
        return list.stream();
    }

    @ParameterizedTest(name = "{0}x{1} grey={2} {3}")
    @MethodSource("corpus")
    void decodesExactlyAsImageIo(int w, int h, boolean grey, Mode mode) {
        BufferedImage src = JpegTestSupport.crop(w, h, grey);
        byte[] jpeg = JpegTestSupport.writeJdk(src, mode);
        // the corpus really is in the mode it claims (the JDK writer honours the metadata tree)
        JpegFrame frame = JpegFrame.parse(jpeg, "test.jpg", Limits.defaults());
        assertEquals(mode.progressive(), frame.progressive);
        assertEquals(mode.restartInterval(), frame.restartInterval);
        if (!grey) {
            assertEquals(mode.hY(), frame.components[0].h);
            assertEquals(mode.vY(), frame.components[0].v);
        }
        BufferedImage expected = JpegTestSupport.readWith(jpeg, true);
        Image image = JpegDecoder.open(jpeg, "test.jpg", Limits.defaults(), JpegDecodeOptions.defaults());
        assertEquals(grey ? Interpretation.GREY : Interpretation.RGB, image.interpretation);
        assertEquals(w, image.width);
        assertEquals(h, image.height);
        byte[] want = JpegTestSupport.samples(expected, grey ? 1 : 3);
        byte[] got = JpegTestSupport.samples(image);
        assertArrayEquals(want, got, () -> JpegTestSupport.diff(want, got));
    }
}
