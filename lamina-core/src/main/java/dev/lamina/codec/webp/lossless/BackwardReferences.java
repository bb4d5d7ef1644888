package dev.lamina.codec.webp.lossless;

/**
 * Greedy LZ77 over pixels (the lower efforts, and the first parse that gives
 * {@link OptimalParse} its statistics): at each pixel the longest candidate of the
 * {@link MatchFinder} is taken when it is at least {@code minLength} long; with {@code lazy}, a
 * literal goes first when the next pixel starts a longer match.
 */
final class BackwardReferences {
    private BackwardReferences() {
    }

    static Tokens find(int[] argb, int width, int chain, boolean lazy, int minLength) {
        int n = argb.length;
        Tokens tokens = new Tokens(n / 2);
        MatchFinder finder = new MatchFinder(argb, width, chain);
        int i = 0;
        while (i < n) {
            int length = finder.find(i);
            int distance = length > 0 ? finder.distances[finder.longest()] : 0;
            finder.insert(i);
            if (length >= minLength && lazy && i + 1 < n && finder.find(i + 1) > length + 1) {
                tokens.add(0, argb[i]);   // the next pixel starts a longer match: take this one as a literal
                i++;
                continue;
            }
            if (length >= minLength) {
                for (int k = 1; k < length; k++) {
                    finder.insert(i + k);
                }
                tokens.add(length, Tokens.distanceCode(width, distance));
                i += length;
            } else {
                tokens.add(0, argb[i]);
                i++;
            }
        }
        return tokens;
    }
}
