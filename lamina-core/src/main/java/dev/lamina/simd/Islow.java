package dev.lamina.simd;

/**
 * libjpeg's islow fixed-point constants (jfdctint.c, jidctint.c, jidctred.c): FIX(x) = round(x *
 * 2^CONST_BITS), CONST_BITS = 13, and the extra bits pass 1 keeps (PASS1_BITS). One place for the
 * forward DCT, the scalar inverse DCTs and their vector forms, which must all agree with libjpeg to
 * the bit.
 */
public final class Islow {
    private Islow() {
    }

    public static final int CONST_BITS = 13;
    public static final int PASS1_BITS = 2;
    public static final int FIX_0_211164243 = 1730;
    public static final int FIX_0_298631336 = 2446;
    public static final int FIX_0_390180644 = 3196;
    public static final int FIX_0_509795579 = 4176;
    public static final int FIX_0_541196100 = 4433;
    public static final int FIX_0_601344887 = 4926;
    public static final int FIX_0_720959822 = 5906;
    public static final int FIX_0_765366865 = 6270;
    public static final int FIX_0_850430095 = 6967;
    public static final int FIX_0_899976223 = 7373;
    public static final int FIX_1_061594337 = 8697;
    public static final int FIX_1_175875602 = 9633;
    public static final int FIX_1_272758580 = 10426;
    public static final int FIX_1_451774981 = 11893;
    public static final int FIX_1_501321110 = 12299;
    public static final int FIX_1_847759065 = 15137;
    public static final int FIX_1_961570560 = 16069;
    public static final int FIX_2_053119869 = 16819;
    public static final int FIX_2_172734803 = 17799;
    public static final int FIX_2_562915447 = 20995;
    public static final int FIX_3_072711026 = 25172;
    public static final int FIX_3_624509785 = 29692;
}
