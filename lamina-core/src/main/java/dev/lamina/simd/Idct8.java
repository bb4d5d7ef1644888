package dev.lamina.simd;

/**
 * The JPEG decoder's 8x8 inverse DCT over a block row, the kernel with a vector form
 * ({@link Vectors}). Both implementations give the values of libjpeg's jpeg_idct_islow for every
 * block, bit for bit: the scalar one is the decoder's own (codec.jpeg's InverseDct, lanes = blocks,
 * which C2 vectorises after a strided gather), the vector one ({@code VectorIdct8}) keeps a block in
 * registers, lanes = columns, then rows after a transpose.
 */
public interface Idct8 {
    /**
     * The IDCT of {@code blocks} consecutive blocks of quantised coefficients in natural order (64
     * apart from {@code in[o]}), dequantised by {@code q}, whose 8x8 outputs lie side by side in
     * one band of {@code out}: block b's row r at {@code outPos + 8b + r * stride}. Leaves every
     * coefficient it reads zero: the decoder then needs no pass clearing its coefficient row
     * before decoding the next into it.
     */
    void rows(short[] in, int o, int blocks, int[] q, byte[] out, int outPos, int stride);
}
