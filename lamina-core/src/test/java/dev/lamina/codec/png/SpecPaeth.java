package dev.lamina.codec.png;

/** The Paeth predictor exactly as the PNG specification writes it: the tests' expected values. */
public final class SpecPaeth {
    private SpecPaeth() {
    }

    public static int predict(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        if (pa <= pb && pa <= pc) {
            return a;
        }
        return pb <= pc ? b : c;
    }
}
