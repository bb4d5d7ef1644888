package dev.lamina.simd;

/**
 * The JPEG decoder's 4x4 reduced IDCT (libjpeg's jpeg_idct_4x4, DCT-domain scaling by 1/2) over a
 * block row, with a vector form as {@link Idct8}: the same samples bit for bit as the scalar one
 * (codec.jpeg's InverseDct.idct4Row).
 */
public interface Idct4 {
    /**
     * The 4x4 outputs of {@code blocks} consecutive blocks (64 coefficients apart from {@code in[o]},
     * natural order, dequantised by {@code q}), side by side in one band of {@code out}: block b's
     * row r at {@code outPos + 4b + r * stride}. Leaves every coefficient jpeg_idct_4x4 reads
     * zero (rows and columns 0-3 and 5-7), as {@link Idct8#rows}.
     */
    void rows(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride);
}
