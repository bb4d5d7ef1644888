package dev.lamina.codec.webp.lossy;

/**
 * libwebp's "fancy" 4:2:0 upsampling and YUV to RGB conversion, which {@code dwebp} uses by
 * default ({@code src/dsp/upsampling.c}, {@code src/dsp/yuv.h}). Each output pixel's chroma is
 * (9 near + 3 + 3 + 1 far) / 16 of the four chroma samples around it, computed in libwebp's
 * integer steps (the two diagonals first), with the first and last columns from (3 near + 1 far)
 * / 4; a row's "near" chroma row is the one it shares a 2x2 block with and "far" the one above
 * or below (the same row at the image's top and bottom). The conversion is BT.601 studio range in
 * 14-bit fixed point: {@code R = clip((19077 y >> 8) + (26149 v >> 8) - 14234) >> 6} and so on.
 */
final class Vp8Upsampler {
    private Vp8Upsampler() {
    }

    private static int mulHi(int v, int coeff) {
        return (v * coeff) >> 8;
    }

    private static int clip8(int v) {
        return (v & ~16383) == 0 ? v >> 6 : v < 0 ? 0 : 255;
    }

    private static void put(int y, int u, int v, byte[] out, int at) {
        int yy = mulHi(y, 19077);
        out[at] = (byte) clip8(yy + mulHi(v, 26149) - 14234);
        out[at + 1] = (byte) clip8(yy - mulHi(u, 6419) - mulHi(v, 13320) + 8708);
        out[at + 2] = (byte) clip8(yy + mulHi(u, 33050) - 17685);
    }

    /**
     * One output row of {@code len} pixels from its luma row and its near and far chroma rows,
     * written as RGB at {@code out[at]}, {@code step} bytes per pixel.
     */
    static void row(byte[] ys, int yOff, byte[] nu, int nuOff, byte[] fu, int fuOff, byte[] nv, int nvOff,
                    byte[] fv, int fvOff, byte[] out, int at, int step, int len) {
        int lastPair = (len - 1) >> 1;
        int tlU = nu[nuOff] & 0xFF;   // near chroma, left of the pair
        int tlV = nv[nvOff] & 0xFF;
        int lU = fu[fuOff] & 0xFF;    // far chroma, left of the pair
        int lV = fv[fvOff] & 0xFF;
        put(ys[yOff] & 0xFF, (3 * tlU + lU + 2) >> 2, (3 * tlV + lV + 2) >> 2, out, at);
        for (int x = 1; x <= lastPair; x++) {
            int tU = nu[nuOff + x] & 0xFF;   // near, right of the pair
            int tV = nv[nvOff + x] & 0xFF;
            int uU = fu[fuOff + x] & 0xFF;   // far, right
            int uV = fv[fvOff + x] & 0xFF;
            int avgU = tlU + tU + lU + uU + 8;
            int avgV = tlV + tV + lV + uV + 8;
            int diagNearU = (avgU + 2 * (tU + lU)) >> 3;
            int diagNearV = (avgV + 2 * (tV + lV)) >> 3;
            int diagFarU = (avgU + 2 * (tlU + uU)) >> 3;
            int diagFarV = (avgV + 2 * (tlV + uV)) >> 3;
            put(ys[yOff + 2 * x - 1] & 0xFF, (diagNearU + tlU) >> 1, (diagNearV + tlV) >> 1, out, at + (2 * x - 1) * step);
            put(ys[yOff + 2 * x] & 0xFF, (diagFarU + tU) >> 1, (diagFarV + tV) >> 1, out, at + 2 * x * step);
            tlU = tU;
            tlV = tV;
            lU = uU;
            lV = uV;
        }
        if ((len & 1) == 0) {
            put(ys[yOff + len - 1] & 0xFF, (3 * tlU + lU + 2) >> 2, (3 * tlV + lV + 2) >> 2, out, at + (len - 1) * step);
        }
    }
}
