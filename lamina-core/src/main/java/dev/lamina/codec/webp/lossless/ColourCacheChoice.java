package dev.lamina.codec.webp.lossless;

/**
 * The colour cache on the encoder's side (RFC 9649, 5.2.3): a literal whose colour sits in the
 * cache slot of its hash becomes a cache hit; every pixel (literal, hit or copied) is put in the
 * cache, exactly as the decoder will. The size is chosen by estimated entropy among candidates.
 */
final class ColourCacheChoice {
    private ColourCacheChoice() {
    }

    /** Tokens with cache hits for a cache of {@code bits} (0: the same tokens). */
    static Tokens apply(Tokens in, int[] argb, int bits) {
        if (bits == 0) {
            return in;
        }
        int[] cache = new int[1 << bits];
        int shift = 32 - bits;
        Tokens out = new Tokens(in.count);
        int pos = 0;
        for (int i = 0; i < in.count; i++) {
            int len = in.length[i];
            if (len == 0) {
                int p = in.value[i];
                int key = (p * Vp8lConstants.CACHE_HASH) >>> shift;
                if (cache[key] == p) {
                    out.add(-1 - key, 0);
                } else {
                    cache[key] = p;
                    out.add(0, p);
                }
                pos++;
            } else {
                for (int k = 0; k < len; k++) {
                    int p = argb[pos + k];
                    cache[(p * Vp8lConstants.CACHE_HASH) >>> shift] = p;
                }
                out.add(len, in.value[i]);
                pos += len;
            }
        }
        return out;
    }

    /** The cache size among {@code candidates} that gives the smallest estimated single-group cost. */
    static int choose(Tokens tokens, int[] argb, int[] candidates) {
        int bestBits = 0;
        double bestCost = Double.MAX_VALUE;
        for (int bits : candidates) {
            Tokens t = apply(tokens, argb, bits);
            Histograms h = new Histograms(bits);
            for (int i = 0; i < t.count; i++) {
                h.add(t, i);
            }
            double cost = h.cost();
            if (cost < bestCost) {
                bestCost = cost;
                bestBits = bits;
            }
        }
        return bestBits;
    }
}
