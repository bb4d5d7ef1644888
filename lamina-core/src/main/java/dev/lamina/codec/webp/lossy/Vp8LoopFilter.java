package dev.lamina.codec.webp.lossy;

/**
 * VP8's loop filters (RFC 6386, section 15) in libwebp's form ({@code src/dsp/dec.c}): the simple
 * filter (luma only, two pixels per edge) and the normal one (macroblock edges change three pixels
 * each side, inner edges two, high edge variance falls back to the two-pixel filter). Pixels are
 * bytes of a plane; {@code hstride} steps across the edge, {@code vstride} along it.
 */
final class Vp8LoopFilter {
    private Vp8LoopFilter() {
    }

    private static int sclip1(int v) {   // [-1020, 1020] -> [-128, 127]
        return v < -128 ? -128 : Math.min(v, 127);
    }

    private static int sclip2(int v) {   // [-112, 112] -> [-16, 15]
        return v < -16 ? -16 : Math.min(v, 15);
    }

    private static byte clip1(int v) {   // [-255, 511] -> [0, 255]
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    private static int u(byte[] b, int i) {
        return b[i] & 0xFF;
    }

    private static void filter2(byte[] b, int p, int step) {
        int p1 = u(b, p - 2 * step);
        int p0 = u(b, p - step);
        int q0 = u(b, p);
        int q1 = u(b, p + step);
        int a = 3 * (q0 - p0) + sclip1(p1 - q1);
        int a1 = sclip2((a + 4) >> 3);
        int a2 = sclip2((a + 3) >> 3);
        b[p - step] = clip1(p0 + a2);
        b[p] = clip1(q0 - a1);
    }




    private static boolean needsFilter(byte[] b, int p, int step, int t) {
        int p1 = u(b, p - 2 * step);
        int p0 = u(b, p - step);
        int q0 = u(b, p);
        int q1 = u(b, p + step);
        return 4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) <= t;
    }


    // ---- simple filter (luma) ----

    /** The horizontal edge above row {@code p} (16 pixels). */
    static void simpleV16(byte[] b, int p, int stride, int thresh) {
        int thresh2 = 2 * thresh + 1;
        for (int i = 0; i < 16; i++) {
            if (needsFilter(b, p + i, stride, thresh2)) {
                filter2(b, p + i, stride);
            }
        }
    }

    /** The vertical edge left of column {@code p} (16 rows). */
    static void simpleH16(byte[] b, int p, int stride, int thresh) {
        int thresh2 = 2 * thresh + 1;
        for (int i = 0; i < 16; i++) {
            if (needsFilter(b, p + i * stride, 1, thresh2)) {
                filter2(b, p + i * stride, 1);
            }
        }
    }

    static void simpleV16Inner(byte[] b, int p, int stride, int thresh) {
        for (int k = 1; k <= 3; k++) {
            simpleV16(b, p + 4 * k * stride, stride, thresh);
        }
    }

    static void simpleH16Inner(byte[] b, int p, int stride, int thresh) {
        for (int k = 1; k <= 3; k++) {
            simpleH16(b, p + 4 * k, stride, thresh);
        }
    }

    // ---- normal filter ----

    /**
     * Macroblock edge: six-tap filter unless the edge variance is high (then the simple filter's
     * two-tap {@link #filter2}). The eight pixels across the edge are loaded once for the tests and
     * the filter: libwebp's NeedsFilter2, Hev, DoFilter2 and DoFilter6 in one loop.
     */
    static void loop26(byte[] b, int p, int hstride, int vstride, int size, int thresh, int ithresh, int hevThresh) {
        int thresh2 = 2 * thresh + 1;
        for (int n = 0; n < size; n++, p += vstride) {
            int p1 = b[p - 2 * hstride] & 0xFF;
            int p0 = b[p - hstride] & 0xFF;
            int q0 = b[p] & 0xFF;
            int q1 = b[p + hstride] & 0xFF;
            if (4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) > thresh2) {
                continue;
            }
            int p3 = b[p - 4 * hstride] & 0xFF;
            int p2 = b[p - 3 * hstride] & 0xFF;
            int q2 = b[p + 2 * hstride] & 0xFF;
            int q3 = b[p + 3 * hstride] & 0xFF;
            if (Math.abs(p3 - p2) > ithresh || Math.abs(p2 - p1) > ithresh || Math.abs(p1 - p0) > ithresh
                    || Math.abs(q3 - q2) > ithresh || Math.abs(q2 - q1) > ithresh || Math.abs(q1 - q0) > ithresh) {
                continue;
            }
            if (Math.abs(p1 - p0) > hevThresh || Math.abs(q1 - q0) > hevThresh) {
                int a = 3 * (q0 - p0) + sclip1(p1 - q1);
                int a1 = sclip2((a + 4) >> 3);
                int a2 = sclip2((a + 3) >> 3);
                b[p - hstride] = clip1(p0 + a2);
                b[p] = clip1(q0 - a1);
            } else {
                int a = sclip1(3 * (q0 - p0) + sclip1(p1 - q1));
                int a1 = (27 * a + 63) >> 7;
                int a2 = (18 * a + 63) >> 7;
                int a3 = (9 * a + 63) >> 7;
                b[p - 3 * hstride] = clip1(p2 + a3);
                b[p - 2 * hstride] = clip1(p1 + a2);
                b[p - hstride] = clip1(p0 + a1);
                b[p] = clip1(q0 - a1);
                b[p + hstride] = clip1(q1 - a2);
                b[p + 2 * hstride] = clip1(q2 - a3);
            }
        }
    }

    /** Inner edge: four-tap filter unless the edge variance is high (pixels loaded once, as {@link #loop26}). */
    static void loop24(byte[] b, int p, int hstride, int vstride, int size, int thresh, int ithresh, int hevThresh) {
        int thresh2 = 2 * thresh + 1;
        for (int n = 0; n < size; n++, p += vstride) {
            int p1 = b[p - 2 * hstride] & 0xFF;
            int p0 = b[p - hstride] & 0xFF;
            int q0 = b[p] & 0xFF;
            int q1 = b[p + hstride] & 0xFF;
            if (4 * Math.abs(p0 - q0) + Math.abs(p1 - q1) > thresh2) {
                continue;
            }
            int p3 = b[p - 4 * hstride] & 0xFF;
            int p2 = b[p - 3 * hstride] & 0xFF;
            int q2 = b[p + 2 * hstride] & 0xFF;
            int q3 = b[p + 3 * hstride] & 0xFF;
            if (Math.abs(p3 - p2) > ithresh || Math.abs(p2 - p1) > ithresh || Math.abs(p1 - p0) > ithresh
                    || Math.abs(q3 - q2) > ithresh || Math.abs(q2 - q1) > ithresh || Math.abs(q1 - q0) > ithresh) {
                continue;
            }
            if (Math.abs(p1 - p0) > hevThresh || Math.abs(q1 - q0) > hevThresh) {
                int a = 3 * (q0 - p0) + sclip1(p1 - q1);
                int a1 = sclip2((a + 4) >> 3);
                int a2 = sclip2((a + 3) >> 3);
                b[p - hstride] = clip1(p0 + a2);
                b[p] = clip1(q0 - a1);
            } else {
                int a = 3 * (q0 - p0);
                int a1 = sclip2((a + 4) >> 3);
                int a2 = sclip2((a + 3) >> 3);
                int a3 = (a1 + 1) >> 1;
                b[p - 2 * hstride] = clip1(p1 + a3);
                b[p - hstride] = clip1(p0 + a2);
                b[p] = clip1(q0 - a1);
                b[p + hstride] = clip1(q1 - a3);
            }
        }
    }
}
