package dev.lamina.codec.webp;

import dev.lamina.model.Limits;
import dev.lamina.core.Region;
import dev.lamina.core.RowDecoder;
import dev.lamina.codec.webp.lossless.ArgbRowReader;
import dev.lamina.codec.webp.lossless.Vp8lDecoder;
import dev.lamina.codec.webp.lossy.Vp8Decoder;

import java.util.Arrays;

/**
 * The rows of a lossy still image (RGB, or RGBA with its ALPH alpha or 255 when the VP8X flag
 * says alpha and no ALPH chunk is present), or of an animation's canvas with its first frame
 * (lossy or lossless) placed at the frame's offset on transparent black, as libwebp's animation
 * decoder composes frame 1 (no blending: the canvas starts empty).
 */
final class WebpFrameRows implements RowDecoder {
    private final WebpContainer c;
    private final Vp8Decoder lossy;
    private final ArgbRowReader lossless;
    private final AlphaPlane alpha;
    private final int bands;

    private WebpFrameRows(byte[] data, WebpContainer c, Limits limits) {
        this.c = c;
        String name = c.name;
        bands = c.hasAlpha ? 4 : 3;
        if (c.lossless) {
            lossless = Vp8lDecoder.rows(data, c.imageOffset, c.imageLength, name, limits);
            lossy = null;
            alpha = null;
        } else {
            lossy = Vp8Decoder.open(data, c.imageOffset, c.imageLength, name, limits);
            lossless = null;
            alpha = c.alphaOffset >= 0 && bands == 4
                    ? new AlphaPlane(data, c.alphaOffset, c.alphaLength, c.frameWidth, c.frameHeight, name, limits) : null;
        }
    }

    static WebpFrameRows open(byte[] data, WebpContainer c, Limits limits) {
        return new WebpFrameRows(data, c, limits);
    }

    @Override
    public void decodeRow(Region dst, int y) {
        byte[] out = dst.u8();
        int at = dst.index(0, y);
        int fy = y - c.frameY;
        if (fy < 0 || fy >= c.frameHeight) {
            Arrays.fill(out, at, at + c.canvasWidth * bands, (byte) 0);
            return;
        }
        if (c.frameX > 0) {
            Arrays.fill(out, at, at + c.frameX * bands, (byte) 0);
        }
        int frameAt = at + c.frameX * bands;
        if (lossless != null) {
            int[] argb = lossless.nextRow();
            for (int x = 0, i = frameAt; x < c.frameWidth; x++, i += 4) {
                int p = argb[x];
                out[i] = (byte) (p >>> 16);
                out[i + 1] = (byte) (p >>> 8);
                out[i + 2] = (byte) p;
                out[i + 3] = (byte) (p >>> 24);
            }
        } else {
            lossy.rgbRow(fy, out, frameAt, bands);
            if (bands == 4) {
                if (alpha != null) {
                    byte[] a = alpha.nextRow(fy);
                    for (int x = 0, i = frameAt + 3; x < c.frameWidth; x++, i += 4) {
                        out[i] = a[x];
                    }
                } else {
                    for (int x = 0, i = frameAt + 3; x < c.frameWidth; x++, i += 4) {
                        out[i] = (byte) 255;
                    }
                }
            }
        }
        int right = c.frameX + c.frameWidth;
        if (right < c.canvasWidth) {
            Arrays.fill(out, at + right * bands, at + c.canvasWidth * bands, (byte) 0);
        }
    }

    @Override
    public void close() {
        // The data is an array in memory: nothing to release.
    }
}
