package dev.lamina.bench.lab;

import dev.lamina.bench.lab.Results.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the machine's description from /proc, so every figure carries it. */
final class MachineInfo {
    private MachineInfo() {
    }

    static Machine detect() throws IOException {
        String cpu = "?";
        long mem = 0;
        String load = "?";
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            cpu = Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
        }
        Path meminfo = Path.of("/proc/meminfo");
        if (Files.isReadable(meminfo)) {
            mem = Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElse(0L);
        }
        Path loadavg = Path.of("/proc/loadavg");
        if (Files.isReadable(loadavg)) {
            String[] f = Files.readString(loadavg).trim().split(" ");
            load = f[0] + " " + f[1] + " " + f[2];
        }
        String kernel = Files.isReadable(Path.of("/proc/sys/kernel/osrelease"))
                ? Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim() : System.getProperty("os.version");
        String os = System.getProperty("os.name") + " " + System.getProperty("os.arch");
        Path release = Path.of("/etc/os-release");
        if (Files.isReadable(release)) {
            os = Files.readAllLines(release).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .map(l -> l.substring(13).replace("\"", "")).findFirst().orElse(os) + " " + System.getProperty("os.arch");
        }
        return new Machine(cpu, Runtime.getRuntime().availableProcessors(), mem, os, kernel,
                System.getProperty("java.vendor") + " " + Runtime.version(), load);
    }
}
