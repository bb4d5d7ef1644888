package dev.lamina.simd;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up choice of kernels in this JVM: surefire runs the tests with the Vector API module
 * and C2, so the vector kernels must have loaded (or the status must name the CPU as the reason),
 * and with -Dlamina.vector=false the scalar ones run. The kernels' values are tested in
 * JpegInverseDctTest, JpegColourConvertTest, JpegUpsampleTest and RowKernelsTest.
 */
class VectorsTest {
    @Test
    void choosesTheKernelsThisJvmCanRun() {
        String status = Vectors.status();
        if ("false".equals(System.getProperty("lamina.vector"))) {
            assertNull(Vectors.idct8());
            assertNull(Vectors.idct4());
            assertNull(Vectors.yccToRgb());
            assertNull(Vectors.fancyUpsample());
            assertNull(Vectors.rgbToYcc());
            assertNull(Vectors.rowKernels());
            assertTrue(status.startsWith("scalar: -Dlamina.vector=false"), status);
        } else if (status.contains("256-bit")) {
            assertNull(Vectors.idct8(), status);
        } else {
            assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                    "surefire's argLine should add the module");
            assertNotNull(Vectors.idct8(), status);
            assertNotNull(Vectors.idct4(), status);
            assertNotNull(Vectors.yccToRgb(), status);
            assertNotNull(Vectors.fancyUpsample(), status);
            assertNotNull(Vectors.rgbToYcc(), status);
            // the IDCTs have work arrays: a new one for each caller (one per thread)
            assertTrue(Vectors.idct8() != Vectors.idct8(), "one 8x8 IDCT per caller");
            assertNotNull(Vectors.rowKernels(), status);
            assertTrue(status.startsWith("vector:"), status);
        }
    }
}
