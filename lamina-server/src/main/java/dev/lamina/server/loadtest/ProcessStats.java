package dev.lamina.server.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process from Linux's /proc, read before and after each step:
 * {@code /proc/PID/stat} fields 14 and 15 (user and system time in clock ticks, 100 a second on
 * Linux) and {@code VmRSS} of {@code /proc/PID/status}. Zero where /proc is absent.
 */
final class ProcessStats {
    private static final double TICKS_PER_SECOND = 100;

    private ProcessStats() {
    }

    /** User + system CPU seconds so far, or -1 when unknown. */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name (field 2) may hold spaces; fields are counted after its ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size in bytes, or -1 when unknown. */
    static long rssBytes(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
