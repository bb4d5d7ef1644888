package dev.lamina.codec.webp.lossless;

import java.util.Arrays;

/**
 * Meta prefix codes for the encoder (RFC 9649, 5.2.2's entropy image): the image is cut into
 * {@code 2^bits}-square tiles, each tile's token statistics are gathered (sparse: a tile uses few
 * of the ~2,000 symbols), and the tiles are clustered into at most {@code maxGroups} groups by
 * k-means on estimated bits: a tile joins the group whose statistics would code it cheapest, then
 * each group's statistics are recomputed, for a few rounds. Seeds are tiles spread over the order
 * of their bits per token. The grouping is kept only when the estimated total, codes and entropy
 * image included, beats one group for the whole image.
 */
final class EntropyImageChoice {
    private static final int ROUNDS = 4;
    /** Rough bits to describe one group's five codes beyond their symbols' costs. */
    private static final double GROUP_OVERHEAD = 60;

    private EntropyImageChoice() {
    }

    static EntropyCodedWriter.Groups choose(Tokens tokens, int width, int height, int cacheBits, int bits, int maxGroups) {
        int tilesPerRow = Vp8lConstants.subsampled(width, bits);
        int tileRows = Vp8lConstants.subsampled(height, bits);
        int tiles = tilesPerRow * tileRows;
        if (tiles < 2) {
            return null;
        }
        SymbolSpace space = new SymbolSpace(cacheBits);
        int[][] ids = new int[tiles][];
        int[][] counts = new int[tiles][];
        double[] perToken = new double[tiles];
        int[] whole = new int[space.size];
        // Tokens run in raster order, so one row of tiles is one contiguous run of tokens.
        int[][] dense = new int[tilesPerRow][space.size];
        long pos = 0;
        int i = 0;
        for (int ty = 0; ty < tileRows; ty++) {
            long rowEnd = Math.min((long) height, (long) (ty + 1) << bits) * width;
            while (i < tokens.count && pos < rowEnd) {
                int x = (int) (pos % width);
                space.add(tokens, i, dense[x >>> bits]);
                space.add(tokens, i, whole);
                pos += tokens.pixels(i);
                i++;
            }
            for (int tx = 0; tx < tilesPerRow; tx++) {
                int t = ty * tilesPerRow + tx;
                int[] d = dense[tx];
                int used = 0;
                for (int v : d) {
                    if (v != 0) {
                        used++;
                    }
                }
                ids[t] = new int[used];
                counts[t] = new int[used];
                for (int s = 0, k = 0; s < d.length; s++) {
                    if (d[s] != 0) {
                        ids[t][k] = s;
                        counts[t][k++] = d[s];
                    }
                }
                perToken[t] = space.cost(d) / Math.max(1, space.greenTotal(d));
                Arrays.fill(d, 0);
            }
        }
        int k = Math.min(maxGroups, tiles);
        Integer[] order = new Integer[tiles];
        for (int t = 0; t < tiles; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (a, b) -> perToken[a] != perToken[b] ? Double.compare(perToken[a], perToken[b]) : Integer.compare(a, b));
        int[][] groups = new int[k][space.size];
        for (int g = 0; g < k; g++) {
            int seed = order[(int) ((long) g * tiles / k + tiles / (2L * k))];
            for (int e = 0; e < ids[seed].length; e++) {
                groups[g][ids[seed][e]] += counts[seed][e];
            }
        }
        int[] assignment = new int[tiles];
        double[][] costs = new double[k][space.size];
        for (int round = 0; round < ROUNDS; round++) {
            for (int g = 0; g < k; g++) {
                space.bitCosts(groups[g], costs[g]);
            }
            for (int t = 0; t < tiles; t++) {
                int best = 0;
                double bestCost = Double.MAX_VALUE;
                int[] id = ids[t];
                int[] c = counts[t];
                for (int g = 0; g < k; g++) {
                    double[] cost = costs[g];
                    double sum = 0;
                    for (int e = 0; e < id.length && sum < bestCost; e++) {
                        sum += c[e] * cost[id[e]];
                    }
                    if (sum < bestCost) {
                        bestCost = sum;
                        best = g;
                    }
                }
                assignment[t] = best;
            }
            for (int g = 0; g < k; g++) {
                Arrays.fill(groups[g], 0);
            }
            for (int t = 0; t < tiles; t++) {
                int[] group = groups[assignment[t]];
                for (int e = 0; e < ids[t].length; e++) {
                    group[ids[t][e]] += counts[t][e];
                }
            }
        }
        // Number the groups in use 0..n-1 in order of first use.
        int[] renumber = new int[k];
        Arrays.fill(renumber, -1);
        int used = 0;
        double total = 0;
        for (int t = 0; t < tiles; t++) {
            int g = assignment[t];
            if (renumber[g] < 0) {
                renumber[g] = used++;
                total += space.cost(groups[g]) + GROUP_OVERHEAD;
            }
            assignment[t] = renumber[g];
        }
        if (used < 2) {
            return null;
        }
        // the entropy image: about half of log2(groups) bits per tile (neighbours often repeat)
        total += tiles * Histograms.log2(used) * 0.5 + 100;
        if (total >= space.cost(whole)) {
            return null;
        }
        return new EntropyCodedWriter.Groups(bits, tilesPerRow, assignment, used);
    }

    /** The five alphabets of a group laid end to end, so one array counts them all. */
    private static final class SymbolSpace {
        final int green;
        final int size;
        private final int[] starts;

        SymbolSpace(int cacheBits) {
            green = Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES + (cacheBits > 0 ? 1 << cacheBits : 0);
            starts = new int[] {0, green, green + 256, green + 512, green + 768, green + 768 + Vp8lConstants.DISTANCE_CODES};
            size = starts[5];
        }

        void add(Tokens t, int i, int[] d) {
            int len = t.length[i];
            int v = t.value[i];
            if (len == 0) {
                d[(v >>> 8) & 0xff]++;
                d[green + ((v >>> 16) & 0xff)]++;
                d[green + 256 + (v & 0xff)]++;
                d[green + 512 + (v >>> 24)]++;
            } else if (len > 0) {
                d[Vp8lConstants.LITERALS + Tokens.prefixSymbol(len)]++;
                d[green + 768 + Tokens.prefixSymbol(v)]++;
            } else {
                d[Vp8lConstants.LITERALS + Vp8lConstants.LENGTH_CODES - 1 - len]++;
            }
        }

        long greenTotal(int[] d) {
            long n = 0;
            for (int s = 0; s < green; s++) {
                n += d[s];
            }
            return n;
        }

        /** Estimated bits of the counts under their own codes (each alphabet on its own). */
        double cost(int[] d) {
            double sum = 0;
            for (int a = 0; a < 5; a++) {
                sum += Histograms.entropy(Arrays.copyOfRange(d, starts[a], starts[a + 1]));
            }
            return sum;
        }

        /** -log2 of each symbol's frequency within its alphabet, unseen symbols as if seen a quarter of a time. */
        void bitCosts(int[] d, double[] out) {
            for (int a = 0; a < 5; a++) {
                long total = 0;
                for (int s = starts[a]; s < starts[a + 1]; s++) {
                    total += d[s];
                }
                double denominator = total + 0.25 * (starts[a + 1] - starts[a]);
                for (int s = starts[a]; s < starts[a + 1]; s++) {
                    out[s] = -Math.log((d[s] + 0.25) / denominator) * 1.4426950408889634;
                }
            }
        }
    }
}
