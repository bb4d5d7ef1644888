package dev.lamina.codec.webp.lossless;

/**
 * Meta prefix codes for the encoder (RFC 9649, 5.2.2's entropy image): the image is cut into
 * {@code 2^bits}-square tiles, each tile's token statistics are gathered, and the tiles are
 * clustered into at most {@code maxGroups} groups (k-means on estimated bits: a tile joins the
 * group whose codes would code it cheapest, then each group's statistics are recomputed; a few
 * rounds). The grouping is kept only when the estimated total, codes and entropy image included,
 * beats one group for the whole image.
 */
final class EntropyImageChoice {
    private static final int ROUNDS = 4;
    /** Rough bits to describe one group's five codes beyond their symbols' costs. */
    private static final double GROUP_OVERHEAD = 60;

    private EntropyImageChoice() {
    }

    static EntropyCodedWriter.Groups choose(Tokens tokens, int width, int height, int cacheBits, int bits, int maxGroups) {
        int tilesPerRow = Vp8lConstants.subsampled(width, bits);
        int tiles = tilesPerRow * Vp8lConstants.subsampled(height, bits);
        if (tiles < 2) {
            return null;
        }
        Histograms[] perTile = new Histograms[tiles];
        for (int t = 0; t < tiles; t++) {
            perTile[t] = new Histograms(cacheBits);
        }
        Histograms whole = new Histograms(cacheBits);
        long pos = 0;
        for (int i = 0; i < tokens.count; i++) {
            int x = (int) (pos % width);
            int y = (int) (pos / width);
            perTile[(y >>> bits) * tilesPerRow + (x >>> bits)].add(tokens, i);
            whole.add(tokens, i);
            pos += tokens.pixels(i);
        }
        int k = Math.min(maxGroups, tiles);
        // Seeds: tiles spread evenly over the order of their bits per token, a cheap proxy for "kind of content".
        double[] density = new double[tiles];
        Integer[] order = new Integer[tiles];
        for (int t = 0; t < tiles; t++) {
            double n = 0;
            for (int c : perTile[t].green) {
                n += c;
            }
            density[t] = n == 0 ? 0 : perTile[t].cost() / n;
            order[t] = t;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(density[a], density[b]) != 0 ? Double.compare(density[a], density[b]) : Integer.compare(a, b));
        Histograms[] groups = new Histograms[k];
        for (int g = 0; g < k; g++) {
            groups[g] = new Histograms(cacheBits);
            groups[g].addAll(perTile[order[(int) ((long) g * tiles / k + tiles / (2L * k))]]);
        }
        int[] assignment = new int[tiles];
        for (int round = 0; round < ROUNDS; round++) {
            double[][][] costs = new double[k][][];
            for (int g = 0; g < k; g++) {
                costs[g] = bitCosts(groups[g]);
            }
            for (int t = 0; t < tiles; t++) {
                int best = 0;
                double bestCost = Double.MAX_VALUE;
                for (int g = 0; g < k; g++) {
                    double c = codedCost(perTile[t], costs[g]);
                    if (c < bestCost) {
                        bestCost = c;
                        best = g;
                    }
                }
                assignment[t] = best;
            }
            for (int g = 0; g < k; g++) {
                groups[g] = new Histograms(cacheBits);
            }
            for (int t = 0; t < tiles; t++) {
                groups[assignment[t]].addAll(perTile[t]);
            }
        }
        // Number the groups in use 0..n-1 in order of first use.
        int[] renumber = new int[k];
        java.util.Arrays.fill(renumber, -1);
        int used = 0;
        double total = 0;
        for (int t = 0; t < tiles; t++) {
            int g = assignment[t];
            if (renumber[g] < 0) {
                renumber[g] = used++;
                total += groups[g].cost() + GROUP_OVERHEAD;
            }
            assignment[t] = renumber[g];
        }
        if (used < 2) {
            return null;
        }
        // the entropy image: about log2(groups) bits per tile, less where neighbours repeat
        total += tiles * Histograms.log2(used) * 0.5 + 100;
        if (total >= whole.cost()) {
            return null;
        }
        return new EntropyCodedWriter.Groups(bits, tilesPerRow, assignment, used);
    }

    /** -log2 of each symbol's probability in {@code h}, smoothed so an unseen symbol costs about 2 bits more than a rare one. */
    private static double[][] bitCosts(Histograms h) {
        int[][] counts = {h.green, h.red, h.blue, h.alpha, h.distance};
        double[][] out = new double[5][];
        for (int j = 0; j < 5; j++) {
            int[] c = counts[j];
            long total = 0;
            for (int v : c) {
                total += v;
            }
            out[j] = new double[c.length];
            for (int s = 0; s < c.length; s++) {
                out[j][s] = -Math.log((c[s] + 0.25) / (total + 0.25 * c.length)) * 1.4426950408889634;
            }
        }
        return out;
    }

    private static double codedCost(Histograms tile, double[][] cost) {
        int[][] counts = {tile.green, tile.red, tile.blue, tile.alpha, tile.distance};
        double sum = 0;
        for (int j = 0; j < 5; j++) {
            int[] c = counts[j];
            double[] k = cost[j];
            for (int s = 0; s < c.length; s++) {
                if (c[s] != 0) {
                    sum += c[s] * k[s];
                }
            }
        }
        return sum;
    }
}
