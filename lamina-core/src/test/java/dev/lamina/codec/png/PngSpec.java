package dev.lamina.codec.png;

/** The PNG specification's filters written out plainly, sample by sample: the tests' expected values. */
public final class PngSpec {
    private PngSpec() {
    }

    /** The Paeth predictor exactly as the specification writes it. */
    public static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }

    /**
     * Filter {@code type} (0 none .. 4 Paeth) of {@code n} bytes of {@code row} at {@code r} against
     * {@code prev} at {@code p} (null: a row of zeros), {@code step} bytes a pixel.
     */
    public static byte[] filter(int type, byte[] row, int r, byte[] prev, int p, int n, int step) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            int x = row[r + i] & 0xFF;
            int a = i >= step ? row[r + i - step] & 0xFF : 0;
            int b = prev == null ? 0 : prev[p + i] & 0xFF;
            int c = i >= step && prev != null ? prev[p + i - step] & 0xFF : 0;
            int predicted = switch (type) {
                case 0 -> 0;
                case 1 -> a;
                case 2 -> b;
                case 3 -> (a + b) / 2;
                default -> paeth(a, b, c);
            };
            out[i] = (byte) (x - predicted);
        }
        return out;
    }
}
