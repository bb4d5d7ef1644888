package dev.lamina.simd;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Chooses, once per JVM, whether the kernels with a vector form ({@link Idct8}, {@link Idct4},
 * {@link YccToRgb}, {@link FancyUpsample}, {@link RgbToYcc}, {@link RowKernels}) run on the JDK's
 * incubating Vector API, the way Apache Lucene does: the vector classes are loaded reflectively,
 * only when the {@code jdk.incubator.vector} module is in the boot layer ({@code --add-modules
 * jdk.incubator.vector}), C2 is on (interpreted or C1-compiled, every Vector API operation is an
 * allocation: many times slower than the scalar code) and the CPU has 256-bit integer vectors.
 * Otherwise, and when loading fails for any reason, the scalar kernels run, silently.
 * {@code -Dlamina.vector=false} forces the scalar kernels. Both give the same samples.
 */
public final class Vectors {
    private static final String IDCT8 = "dev.lamina.simd.VectorIdct8";
    private static final String IDCT4 = "dev.lamina.simd.VectorIdct4";
    private static final String YCC_RGB = "dev.lamina.simd.VectorYccToRgb";
    private static final String FANCY = "dev.lamina.simd.VectorFancyUpsample";
    private static final String RGB_YCC = "dev.lamina.simd.VectorRgbToYcc";
    private static final String ROWS = "dev.lamina.simd.VectorRowKernels";
    /** The vector IDCTs' constructors when the vector kernels run in this JVM, else null. */
    private static final Constructor<?> IDCT8_NEW;
    private static final Constructor<?> IDCT4_NEW;
    /** The kernels without state (the IDCTs have work arrays): one each for all threads. */
    private static final YccToRgb VECTOR_YCC_RGB;
    private static final FancyUpsample VECTOR_FANCY;
    private static final RgbToYcc VECTOR_RGB_YCC;
    private static final RowKernels VECTOR_ROWS;
    private static final String STATUS;

    static {
        String why = null;
        Idct8 idct = null;
        Idct4 idct4 = null;
        YccToRgb ycc = null;
        FancyUpsample fancy = null;
        RgbToYcc rgbYcc = null;
        RowKernels rows = null;
        if (!Boolean.parseBoolean(System.getProperty("lamina.vector", "true"))) {
            why = "scalar: -Dlamina.vector=false";
        } else if (System.getProperty("java.vm.info", "").contains("emulated-client")
                || System.getProperty("java.vm.info", "").contains("interpreted")) {
            why = "scalar: no C2 compiler (TieredStopAtLevel < 4 or -Xint)";
        } else {
            Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
            if (vector.isEmpty()) {
                why = "scalar: the jdk.incubator.vector module is not enabled (--add-modules jdk.incubator.vector)";
            } else {
                try {
                    // a named dev.lamina.core reads it through 'requires static' once it is resolved;
                    // addReads covers a layer built without that edge
                    Vectors.class.getModule().addReads(vector.get());
                    idct = newVectorIdct8();
                    idct4 = newVectorIdct4();
                    ycc = newVectorYccToRgb();
                    fancy = newVectorFancyUpsample();
                    rgbYcc = newVectorRgbToYcc();
                    rows = newVectorRowKernels();
                    why = idct.toString();
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    idct = null;
                    idct4 = null;
                    ycc = null;
                    fancy = null;
                    rgbYcc = null;
                    rows = null;
                    Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
                    why = "scalar: the vector kernels did not load (" + cause + ")";
                }
            }
        }
        IDCT8_NEW = idct == null ? null : constructor(idct);
        IDCT4_NEW = idct4 == null ? null : constructor(idct4);
        VECTOR_YCC_RGB = ycc;
        VECTOR_FANCY = fancy;
        VECTOR_RGB_YCC = rgbYcc;
        VECTOR_ROWS = rows;
        STATUS = why;
    }

    private Vectors() {
    }

    /**
     * A new vector 8x8 IDCT when this JVM runs vector kernels, or null: then the caller's scalar one
     * runs. It has work arrays: one per thread, as the decoder's InverseDct.
     */
    public static Idct8 idct8() {
        return IDCT8_NEW == null ? null : (Idct8) create(IDCT8_NEW);
    }

    /** A new vector 4x4 IDCT when this JVM runs vector kernels, or null (one per thread, as idct8). */
    public static Idct4 idct4() {
        return IDCT4_NEW == null ? null : (Idct4) create(IDCT4_NEW);
    }

    /** The vector YCbCr to RGB conversion when this JVM runs vector kernels, or null. */
    public static YccToRgb yccToRgb() {
        return VECTOR_YCC_RGB;
    }

    /** A new vector YCbCr to RGB conversion whatever {@code lamina.vector} says, for tests (as {@link #newVectorIdct8}). */
    public static YccToRgb newVectorYccToRgb() throws ReflectiveOperationException {
        return (YccToRgb) Class.forName(YCC_RGB).getDeclaredConstructor().newInstance();
    }

    /** The vector fancy upsampling when this JVM runs vector kernels, or null. */
    public static FancyUpsample fancyUpsample() {
        return VECTOR_FANCY;
    }

    /** A new vector fancy upsampling whatever {@code lamina.vector} says, for tests (as {@link #newVectorIdct8}). */
    public static FancyUpsample newVectorFancyUpsample() throws ReflectiveOperationException {
        return (FancyUpsample) Class.forName(FANCY).getDeclaredConstructor().newInstance();
    }

    /** The vector RGB to YCbCr conversion (the encoder's) when this JVM runs vector kernels, or null. */
    public static RgbToYcc rgbToYcc() {
        return VECTOR_RGB_YCC;
    }

    /** A new vector RGB to YCbCr conversion whatever {@code lamina.vector} says, for tests (as {@link #newVectorIdct8}). */
    public static RgbToYcc newVectorRgbToYcc() throws ReflectiveOperationException {
        return (RgbToYcc) Class.forName(RGB_YCC).getDeclaredConstructor().newInstance();
    }

    private static Constructor<?> constructor(Object kernel) {
        try {
            return kernel.getClass().getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);   // it was just called
        }
    }

    /** Another instance of a kernel class that loaded at start-up. */
    private static Object create(Constructor<?> constructor) {
        try {
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(constructor + " worked at start-up but not now", e);
        }
    }

    /** The resampler's vector row kernels when this JVM runs vector kernels, or null: then the callers' scalar forms run. */
    public static RowKernels rowKernels() {
        return VECTOR_ROWS;
    }

    /** New vector row kernels whatever {@code lamina.vector} says, for tests (as {@link #newVectorIdct8}). */
    public static RowKernels newVectorRowKernels() throws ReflectiveOperationException {
        return (RowKernels) Class.forName(ROWS).getDeclaredConstructor().newInstance();
    }

    /** A new vector 4x4 IDCT whatever {@code lamina.vector} says, for tests (as {@link #newVectorIdct8}). */
    public static Idct4 newVectorIdct4() throws ReflectiveOperationException {
        return (Idct4) Class.forName(IDCT4).getDeclaredConstructor().newInstance();
    }

    /**
     * A new vector 8x8 IDCT whatever {@code lamina.vector} says, for the tests that hold both
     * implementations to the same samples in one JVM; fails when the module or the CPU lacks it.
     */
    public static Idct8 newVectorIdct8() throws ReflectiveOperationException {
        return (Idct8) Class.forName(IDCT8).getDeclaredConstructor().newInstance();
    }

    /** Which kernels run and why (for --verbose and the benchmarks' logs). */
    public static String status() {
        return STATUS;
    }
}
