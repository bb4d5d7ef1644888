package dev.lamina.bench.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lamina.bench.lab.Results.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabPartsTest {

    @Test
    void medianIsTakenPerField() {
        Run m = Measure.median(List.of(new Run(3, 1, 0.1, 300, 10, 0), new Run(1, 3, 0.3, 100, 10, 0),
                new Run(2, 2, 0.2, 200, 10, 0)));
        assertEquals(new Run(2, 2, 0.2, 200, 10, 0), m);
        assertEquals(2.5, Measure.med(new double[] {4, 1, 3, 2}));
    }

    @Test
    void nativeLibraryPathsNameTheirArchitecture() {
        assertEquals("arm64", Engines.arch("nu/pattern/opencv/linux/ARMv8/libopencv_java490.so"));
        assertEquals("arm32", Engines.arch("nu/pattern/opencv/linux/ARMv7/libopencv_java490.so"));
        assertEquals("amd64", Engines.arch("nu/pattern/opencv/osx/x86_64/libopencv_java490.dylib"));
        assertEquals("x86", Engines.arch("nu/pattern/opencv/windows/x86_32/opencv_java490.dll"));
        assertEquals("arm64", Engines.arch("linux-aarch64/libvips.so"));
    }
}
