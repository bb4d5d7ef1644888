package dev.lamina.simd;

/**
 * The JPEG decoder's "fancy" (triangle filter) chroma upsampling by two across, libjpeg's
 * h2v1_fancy_upsample and h2v2_fancy_upsample, the kernel with a vector form
 * ({@link Vectors#fancyUpsample}). The scalar form is the decoder's own (codec.jpeg's Upsample),
 * which does each row's two edge samples and what the vector form leaves at the end. Both give
 * libjpeg's samples bit for bit.
 */
public interface FancyUpsample {
    /**
     * h2v1: for input samples j = 1, 2, ... (in[ip + j], neighbours j - 1 and j + 1), writes
     * out[2j] = (3 in[j] + in[j - 1] + 1) >> 2 and out[2j + 1] = (3 in[j] + in[j + 1] + 2) >> 2,
     * for as many j as it takes, all below {@code inWidth - 1}, and returns how many (from j = 1).
     */
    int h2v1(byte[] in, int ip, int inWidth, byte[] out);

    /**
     * h2v2 for one output row: with s[j] = 3 in[near + j] + in[far + j], for j = 1, 2, ... writes
     * out[2j] = (3 s[j] + s[j - 1] + 8) >> 4 and out[2j + 1] = (3 s[j] + s[j + 1] + 7) >> 4, for as
     * many j as it takes, all below {@code inWidth - 1}, and returns how many (from j = 1).
     */
    int h2v2(byte[] in, int near, int far, int inWidth, byte[] out);
}
