package dev.lamina.bench.lab;

import dev.lamina.bench.lab.Results.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command as a fresh process under GNU time, which reports the kernel's rusage of the
 * waited-for child: wall, user and system CPU, and peak RSS (ru_maxrss). Java's ProcessHandle gives
 * CPU but not peak RSS, hence the wrapper.
 */
final class Measure {
    static final String TIME = "/usr/bin/time";

    private Measure() {
    }

    static boolean available() {
        return Files.isExecutable(Path.of(TIME));
    }

    /** Runs {@code command}; {@code output} (a file or a directory) is sized afterwards. */
    static Run run(List<String> command, Path output, Path log, long timeoutSeconds) throws IOException, InterruptedException {
        return run(command, output, log, timeoutSeconds, null);
    }

    /**
     * As {@link #run(List, Path, Path, long)}, and when {@code rssSeries} is given, samples every
     * 100 ms the resident set of the whole process tree under GNU time (VmRSS from
     * /proc/PID/status), as [seconds since start, MB] pairs.
     */
    static Run run(List<String> command, Path output, Path log, long timeoutSeconds, List<double[]> rssSeries)
            throws IOException, InterruptedException {
        Path timeFile = Files.createTempFile("lab-time", ".txt");
        try {
            List<String> full = new ArrayList<>(List.of(TIME, "-f", "%e %U %S %M %x", "-o", timeFile.toString()));
            full.addAll(command);
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long t0 = System.nanoTime();
            boolean done = false;
            if (rssSeries != null) {
                long deadline = t0 + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                while (!(done = p.waitFor(100, TimeUnit.MILLISECONDS)) && System.nanoTime() < deadline) {
                    long kb = p.descendants().mapToLong(Measure::rssKb).sum();
                    rssSeries.add(new double[] {(System.nanoTime() - t0) / 1e9, kb / 1024.0});
                }
            }
            if (!done && !p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                return new Run(timeoutSeconds, 0, 0, 0, 0, -9);
            }
            String[] f = lastLine(Files.readString(timeFile)).trim().split("\\s+");
            int exit = p.exitValue();
            return new Run(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Long.parseLong(f[3]), exit == 0 ? size(output) : 0, exit);
        } finally {
            Files.deleteIfExists(timeFile);
        }
    }

    private static long rssKb(ProcessHandle h) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(h.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process ended between listing and reading: it holds no memory any more.
        }
        return 0;
    }

    private static String lastLine(String s) {
        String[] lines = s.strip().split("\n");
        return lines[lines.length - 1];
    }

    static long size(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        if (Files.isDirectory(p)) {
            try (var s = Files.walk(p)) {
                return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
            }
        }
        return Files.size(p);
    }

    /** Median of every field, taken field by field (the runs differ in which is slowest). */
    static Run median(List<Run> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        return new Run(med(runs.stream().mapToDouble(Run::wallSeconds).toArray()),
                med(runs.stream().mapToDouble(Run::userSeconds).toArray()),
                med(runs.stream().mapToDouble(Run::systemSeconds).toArray()),
                Math.round(med(runs.stream().mapToDouble(Run::peakRssKb).toArray())),
                Math.round(med(runs.stream().mapToDouble(Run::outputBytes).toArray())),
                runs.stream().mapToInt(Run::exitCode).max().orElse(0));
    }

    static double med(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
