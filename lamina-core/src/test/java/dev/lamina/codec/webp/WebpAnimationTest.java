package dev.lamina.codec.webp;

import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.core.Image;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An animation opens as its first frame on the canvas, with the frame count in the metadata. The
 * oracle: libwebp's {@code webpmux -get frame 1} extracts the frame's own bitstream, {@code dwebp}
 * decodes it, and the samples are placed at the frame's offset on a transparent black canvas, which
 * is what libwebp's animation decoder does with frame 1 (the canvas starts cleared; nothing to blend with).
 */
class WebpAnimationTest {
    @TempDir
    Path dir;

    private void assumeTools() {
        Assumptions.assumeTrue(WebpTestTools.available() && WebpTestTools.onPath("webpmux"), WebpTestTools.MISSING);
    }

    @Test
    void firstFrameAtAnOffsetIsPlacedOnATransparentCanvas() throws IOException {
        assumeTools();
        Path small = dir.resolve("small.webp");
        Path big = dir.resolve("big.webp");
        WebpTestTools.cwebp(WebpTestTools.generated("s", 31, 17, 31, true).write(dir), small, "-q", "70");
        WebpTestTools.cwebp(WebpTestTools.generated("b", 64, 48, 32, false).write(dir), big, "-q", "70");
        Path anim = dir.resolve("anim.webp");
        WebpTestTools.run("webpmux", "-frame", small.toString(), "+100+10+20+0-b", "-frame", big.toString(), "+100+0+0+1+b",
                "-frame", small.toString(), "+50+2+2", "-loop", "0", "-o", anim.toString());
        checkFirstFrame(anim, 64, 48, 10, 20, 31, 17, 3);
    }

    @Test
    void losslessFirstFrameOfImg2webpDecodesAsTheFrameAlone() throws IOException {
        assumeTools();
        Assumptions.assumeTrue(WebpTestTools.onPath("img2webp"), "img2webp is not installed");
        Path a = WebpTestTools.generated("a", 45, 33, 33, true).write(dir);
        Path b = WebpTestTools.generated("b2", 45, 33, 34, true).write(dir);
        Path anim = dir.resolve("ll.webp");
        WebpTestTools.run("img2webp", "-loop", "2", "-lossless", a.toString(), "-d", "80", "-lossy", "-q", "60", b.toString(),
                "-o", anim.toString());
        checkFirstFrame(anim, 45, 33, 0, 0, 45, 33, 2);
    }

    @Test
    void lossyFirstFrameOfImg2webpDecodesAsTheFrameAlone() throws IOException {
        assumeTools();
        Assumptions.assumeTrue(WebpTestTools.onPath("img2webp"), "img2webp is not installed");
        Path a = WebpTestTools.generated("c", 40, 24, 35, false).write(dir);
        Path b = WebpTestTools.generated("d", 40, 24, 36, false).write(dir);
        Path anim = dir.resolve("ly.webp");
        WebpTestTools.run("img2webp", "-lossy", "-q", "55", a.toString(), b.toString(), a.toString(), b.toString(), "-o", anim.toString());
        checkFirstFrame(anim, 40, 24, 0, 0, 40, 24, 4);
    }

    private void checkFirstFrame(Path anim, int canvasW, int canvasH, int fx, int fy, int fw, int fh, int frames)
            throws IOException {
        Path frame = dir.resolve("frame1.webp");
        WebpTestTools.run("webpmux", "-get", "frame", "1", anim.toString(), "-o", frame.toString());
        byte[] alone = WebpTestTools.dwebpRgba(frame, dir.resolve("frame1.pam"));
        byte[] expected = new byte[canvasW * canvasH * 4];
        for (int y = 0; y < fh; y++) {
            System.arraycopy(alone, y * fw * 4, expected, ((fy + y) * canvasW + fx) * 4, fw * 4);
        }
        Image image = Decoders.open(anim, LoadOptions.defaults());
        assertEquals(canvasW, image.width);
        assertEquals(canvasH, image.height);
        assertTrue(image.hasAlpha);
        assertEquals(frames, image.metadata.pages());
        assertArrayEquals(expected, WebpDecoderVsDwebpTest.rgba(image));
    }
}
