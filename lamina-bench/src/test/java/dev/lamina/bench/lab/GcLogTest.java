package dev.lamina.bench.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void readsPausesHeapAndAllocationRateFromUnifiedGcLogLines() {
        GcLog log = GcLog.parse(List.of(
                "[0.010s] Using G1",
                "[0.500s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 2.500ms",
                "[1.500s] GC(1) Pause Young (Concurrent Start) (G1 Humongous Allocation) 104M->54M(256M) 1.000ms",
                "[1.600s] GC(2) Concurrent Mark Cycle",
                "[2.000s] GC(3) Pause Full (G1 Compaction Pause) 80M->10M(128M) 12.000ms"));
        assertEquals(3, log.pauses().size());
        assertArrayEquals(new double[] {0.5, 2.5}, log.pauses().get(0), 1e-12);
        assertArrayEquals(new double[] {2.0, 10}, log.heapAfter().get(2), 1e-12);
        // 24 MB allocated in 0.5 s, then 100 MB in 1 s, then 26 MB in 0.5 s.
        assertArrayEquals(new double[] {0.5, 48}, log.allocationRate().get(0), 1e-9);
        assertArrayEquals(new double[] {1.5, 100}, log.allocationRate().get(1), 1e-9);
        assertArrayEquals(new double[] {2.0, 52}, log.allocationRate().get(2), 1e-9);
    }
}
