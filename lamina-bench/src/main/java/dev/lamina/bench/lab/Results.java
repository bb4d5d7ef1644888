package dev.lamina.bench.lab;

import dev.lamina.bench.precision.Precision;
import java.util.List;
import java.util.Map;

/** The JSON shape of one lab run (bench/results/*.json). Every counted run is kept. */
public final class Results {
    private Results() {
    }

    /** One lab run: the machine, the engines as found, every scenario case. */
    public record LabRun(int schema, String startedAt, String profile, int runs, boolean quiet,
                         Machine machine, List<EngineInfo> engines, List<Case> cases, List<String> notes) {
    }

    /** The machine a run was taken on. */
    public record Machine(String cpu, int cores, long memoryBytes, String os, String kernel, String jdk,
                          String loadAverageAtStart) {
    }

    /**
     * An engine as the lab found it.
     *
     * @param status "ok", "absent" (not installed: skipped) or "not-yet" (Lamina lacks the entry point)
     */
    public record EngineInfo(String id, String name, String kind, String version, String status, String note,
                             Artifact artifact) {
    }

    /**
     * What it takes to deploy an engine, read from the artifacts on this machine.
     *
     * @param bytes     jars plus dependencies plus native libraries loaded, not counting the JDK or node
     * @param parts     what was counted
     * @param platforms where the counted artifact runs without a rebuild
     */
    public record Artifact(long bytes, String parts, List<String> platforms, String runtime) {
    }

    /**
     * One engine on one scenario case.
     *
     * @param status "ok", "not-yet", "absent", "unsupported" (the engine has no such operation) or "failed"
     */
    public record Case(String scenario, String caseId, String engine, String status, String note, List<String> command,
                       Run warmup, List<Run> runs, Run median, Precision precision, String outputFormat,
                       List<Double> latenciesMs, Map<String, Double> extra, Series series) {
    }

    /**
     * Time series of one run (S3): resident set of the process tree sampled every 100 ms, and for
     * JVMs, from the GC log, heap used after each collection, pause lengths and the allocation
     * rate between collections. Each point is [seconds since start, value].
     */
    public record Series(List<double[]> rssMb, List<double[]> heapAfterGcMb, List<double[]> gcPauseMs,
                         List<double[]> allocationMbPerS) {
    }

    /** One fresh process, measured by the kernel (GNU time reads wait4's rusage). */
    public record Run(double wallSeconds, double userSeconds, double systemSeconds, long peakRssKb,
                      long outputBytes, int exitCode) {
        public double cpuSeconds() {
            return userSeconds + systemSeconds;
        }
    }
}
