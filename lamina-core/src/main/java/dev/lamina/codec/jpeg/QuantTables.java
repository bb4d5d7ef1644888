package dev.lamina.codec.jpeg;

/** The example quantisation tables of T.81 Annex K.1 and the IJG quality scaling (jcparam.c). */
final class QuantTables {
    private QuantTables() {
    }

    /** Annex K table K.1, natural order. */
    static final int[] LUMINANCE = {
            16, 11, 10, 16, 24, 40, 51, 61,
            12, 12, 14, 19, 26, 58, 60, 55,
            14, 13, 16, 24, 40, 57, 69, 56,
            14, 17, 22, 29, 51, 87, 80, 62,
            18, 22, 37, 56, 68, 109, 103, 77,
            24, 35, 55, 64, 81, 104, 113, 92,
            49, 64, 78, 87, 103, 121, 120, 101,
            72, 92, 95, 98, 112, 100, 103, 99
    };

    /** Annex K table K.2, natural order. */
    static final int[] CHROMINANCE = {
            17, 18, 24, 47, 99, 99, 99, 99,
            18, 21, 26, 66, 99, 99, 99, 99,
            24, 26, 56, 99, 99, 99, 99, 99,
            47, 66, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99,
            99, 99, 99, 99, 99, 99, 99, 99
    };

    /** libjpeg's jpeg_quality_scaling: quality 1-100 to a percentage of the example tables. */
    static int scaleFactor(int quality) {
        int q = Math.max(1, Math.min(100, quality));
        return q < 50 ? 5000 / q : 200 - q * 2;
    }

    /** libjpeg's jpeg_add_quant_table with force_baseline: entries 1..255. */
    static int[] scaled(int[] basic, int quality) {
        int scale = scaleFactor(quality);
        int[] t = new int[64];
        for (int i = 0; i < 64; i++) {
            int v = (basic[i] * scale + 50) / 100;
            t[i] = Math.max(1, Math.min(255, v));
        }
        return t;
    }
}
