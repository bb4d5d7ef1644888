package dev.lamina.simd;

/**
 * The JPEG decoder's YCbCr to interleaved RGB conversion (libjpeg's ycc_rgb_convert, 16-bit
 * fixed point), the kernel with a vector form ({@link Vectors#yccToRgb}): the scalar form is the
 * decoder's own table-driven one (codec.jpeg's ColourConvert), which also converts the pixels the
 * vector form leaves at the end of a row. Both give libjpeg's RGB bit for bit.
 */
public interface YccToRgb {
    /**
     * Converts a prefix of the {@code n} pixels (Y, Cb, Cr from {@code y[yp]}, {@code cb[cbp]},
     * {@code cr[crp]}) to R, G, B bytes from {@code out[o]}, never writing at or past
     * {@code out[o + 3n]}, and returns how many: the caller converts the rest.
     */
    int convert(byte[] y, int yp, byte[] cb, int cbp, byte[] cr, int crp, byte[] out, int o, int n);
}
