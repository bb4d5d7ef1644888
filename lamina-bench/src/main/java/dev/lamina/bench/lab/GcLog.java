package dev.lamina.bench.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a JVM's {@code -Xlog:gc:file=F:uptime} log says about memory over time: heap used after
 * each collection, pause lengths, and the allocation rate between collections (heap before this
 * collection minus heap after the previous one, over the time between them).
 *
 * @param heapAfter      [seconds, MB]
 * @param pauses         [seconds, ms]
 * @param allocationRate [seconds, MB/s]
 */
record GcLog(List<double[]> heapAfter, List<double[]> pauses, List<double[]> allocationRate) {
    // [12.345s] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 24M->3M(256M) 1.234ms
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+\\.\\d+)s\\].*GC\\(\\d+\\) Pause.* (\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d+)ms");

    static GcLog parse(List<String> lines) {
        List<double[]> heap = new ArrayList<>();
        List<double[]> pauses = new ArrayList<>();
        List<double[]> alloc = new ArrayList<>();
        double lastT = 0;
        double lastAfter = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            double t = Double.parseDouble(m.group(1));
            double before = Double.parseDouble(m.group(2));
            double after = Double.parseDouble(m.group(3));
            heap.add(new double[] {t, after});
            pauses.add(new double[] {t, Double.parseDouble(m.group(5))});
            if (t > lastT) {
                alloc.add(new double[] {t, Math.max(0, before - lastAfter) / (t - lastT)});
            }
            lastT = t;
            lastAfter = after;
        }
        return new GcLog(heap, pauses, alloc);
    }
}
