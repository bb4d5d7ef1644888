package dev.lamina.simd;

/**
 * The JPEG encoder's interleaved RGB to Y, Cb, Cr planes (libjpeg's rgb_ycc_convert, 16-bit fixed
 * point), the kernel with a vector form ({@link Vectors#rgbToYcc}): the scalar form is the
 * encoder's own table-driven one (codec.jpeg's StripCoder.rgbToYcc), which also converts what the
 * vector form leaves at the end of a row. Both give libjpeg's values bit for bit.
 */
public interface RgbToYcc {
    /**
     * Converts a prefix of the {@code width} RGB pixels from {@code in[ip]} to {@code py[o..]},
     * {@code pb[o..]}, {@code pr[o..]}, reading nothing at or past {@code in[ip + 3 width]}, and
     * returns how many pixels: the caller converts the rest.
     */
    int convert(byte[] in, int ip, byte[] py, byte[] pb, byte[] pr, int o, int width);
}
