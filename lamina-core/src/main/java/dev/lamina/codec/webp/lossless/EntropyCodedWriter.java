package dev.lamina.codec.webp.lossless;

/**
 * Writes the entropy-coded part of an image (RFC 9649, 5.2, the writer's side): the colour cache
 * flag, for the main image the meta-code flag and entropy image, the five prefix codes of each
 * group built from the tokens' own counts, then the tokens.
 */
final class EntropyCodedWriter {
    private EntropyCodedWriter() {
    }

    /** Groups: which group codes each tile; null for one group. */
    record Groups(int bits, int tilesPerRow, int[] groupOfTile, int count) {
    }

    /**
     * Writes {@code tokens} of an image {@code width} wide; {@code main} says whether the
     * meta-code flag is present (only in the main image).
     */
    static void write(LosslessBitWriter out, Tokens tokens, int width, int cacheBits, Groups groups, boolean main, int subImageChain) {
        if (cacheBits > 0) {
            out.write(1, 1);
            out.write(cacheBits, 4);
        } else {
            out.write(0, 1);
        }
        int groupCount = 1;
        if (main) {
            if (groups != null) {
                out.write(1, 1);
                out.write(groups.bits() - 2, 3);
                int[] image = new int[groups.groupOfTile().length];
                for (int i = 0; i < image.length; i++) {
                    int g = groups.groupOfTile()[i];
                    image[i] = 0xff000000 | ((g >>> 8) << 16) | ((g & 0xff) << 8);
                }
                SubImageWriter.write(out, image, groups.tilesPerRow(), subImageChain);
                groupCount = groups.count();
            } else {
                out.write(0, 1);
            }
        }
        Histograms[] histograms = new Histograms[groupCount];
        for (int g = 0; g < groupCount; g++) {
            histograms[g] = new Histograms(cacheBits);
        }
        int[] groupOfToken = groupOfTokens(tokens, width, groups);
        for (int i = 0; i < tokens.count; i++) {
            histograms[groupOfToken == null ? 0 : groupOfToken[i]].add(tokens, i);
        }
        int greenAlphabet = histograms[0].green.length;
        PrefixCodeWriter[][] codes = new PrefixCodeWriter[groupCount][5];
        for (int g = 0; g < groupCount; g++) {
            Histograms h = histograms[g];
            int[][] counts = {h.green, h.red, h.blue, h.alpha, h.distance};
            for (int j = 0; j < 5; j++) {
                PrefixCodeWriter w = new PrefixCodeWriter(j == 0 ? greenAlphabet : 256);
                w.write(out, counts[j], counts[j].length);
                codes[g][j] = w;
            }
        }
        for (int i = 0; i < tokens.count; i++) {
            PrefixCodeWriter[] c = codes[groupOfToken == null ? 0 : groupOfToken[i]];
            int len = tokens.length[i];
            int v = tokens.value[i];
            if (len == 0) {
                int g = (v >>> 8) & 0xff;
                int r = (v >>> 16) & 0xff;
                int b = v & 0xff;
                int a = v >>> 24;
                out.write(c[0].codes[g], c[0].bits[g]);
                out.write(c[1].codes[r], c[1].bits[r]);
                out.write(c[2].codes[b], c[2].bits[b]);
                out.write(c[3].codes[a], c[3].bits[a]);
            } else if (len > 0) {
                int ls = Vp8lConstants.LITERALS + Tokens.prefixSymbol(len);
                out.write(c[0].codes[ls], c[0].bits[ls]);
                out.write(Tokens.prefixExtraValue(len), Tokens.prefixExtraBits(len));
                int ds = Tokens.prefixSymbol(v);
                out.write(c[4].codes[ds], c[4].bits[ds]);
                out.write(Tokens.prefixExtraValue(v), Tokens.prefixExtraBits(v));
            } else {
                int s = Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES - 1 - len;
                out.write(c[0].codes[s], c[0].bits[s]);
            }
        }
    }

    /** The group of each token (by the tile of its first pixel), or null for one group. */
    static int[] groupOfTokens(Tokens tokens, int width, Groups groups) {
        if (groups == null) {
            return null;
        }
        int[] result = new int[tokens.count];
        long pos = 0;
        for (int i = 0; i < tokens.count; i++) {
            int x = (int) (pos % width);
            int y = (int) (pos / width);
            result[i] = groups.groupOfTile()[(y >>> groups.bits()) * groups.tilesPerRow() + (x >>> groups.bits())];
            pos += tokens.pixels(i);
        }
        return result;
    }
}
