package dev.lamina.bench.lab;

import dev.lamina.bench.lab.Results.Artifact;
import dev.lamina.bench.lab.Results.EngineInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * Finds the engines on this machine, their versions and their deployable artifacts. Lamina is one
 * engine among the others, driven through its command line like the native peers.
 */
final class Engines {
    /** Jar name prefixes each Java peer needs at run time (its Maven dependency closure). */
    private static final List<String> SCRIMAGE_JARS = List.of("scrimage-core", "common-image", "common-io",
            "common-lang", "imageio-core", "imageio-jpeg", "imageio-metadata", "metadata-extractor", "xmpcore",
            "pngj", "animated-gif-lib", "commons-io");

    private final Path repo;
    private final Path java;
    private final Path benchJar;
    private final Path lib;
    private final Path laminaJar;
    private final String convert;

    Engines(Path repo, Path java) {
        this.repo = repo;
        this.java = java;
        this.benchJar = repo.resolve("lamina-bench/target/lamina-bench.jar");
        this.lib = repo.resolve("lamina-bench/target/lib");
        this.laminaJar = repo.resolve("lamina-cli/target/lamina.jar");
        this.convert = findConvert();
    }

    Path java() {
        return java;
    }

    String classPath() {
        return benchJar + ":" + lib + "/*";
    }

    /** bin/lamina: runs lamina.jar with the JVM options every user gets. */
    Path laminaLauncher() {
        return laminaJar.getParent().getParent().getParent().resolve("bin/lamina");
    }

    Path laminaJar() {
        return laminaJar;
    }

    String convert() {
        return convert;
    }

    Path sharpScript() {
        return repo.resolve("bench/node/peer.js");
    }

    /** Every engine, available or not, in the order the report lists them. */
    List<EngineInfo> probe(Set<String> wanted) throws IOException {
        List<EngineInfo> out = new ArrayList<>();
        for (String id : List.of("lamina", "java2d", "opencv", "thumbnailator", "scrimage", "jvips", "vips", "imagemagick", "sharp")) {
            if (wanted.isEmpty() || wanted.contains(id)) {
                out.add(probe(id));
            }
        }
        return out;
    }

    private EngineInfo probe(String id) throws IOException {
        String jdk = Runtime.version().toString();
        String javaRuntime = "JDK " + jdk + " (common to every Java engine, not counted)";
        return switch (id) {
            case "lamina" -> {
                if (!Files.exists(laminaJar)) {
                    yield new EngineInfo(id, "Lamina", "java-cli", "-", "not-yet",
                            "lamina-cli/target/lamina.jar not built", null);
                }
                String help = capture(List.of(java.toString(), "-jar", laminaJar.toString(), "help", "composite"));
                boolean composite = help != null && help.contains("lamina composite");
                yield new EngineInfo(id, "Lamina", "java-cli", version(laminaJar), composite ? "ok" : "not-yet",
                        composite ? "java -jar lamina.jar" : "the jar has no composite command yet",
                        jarArtifact(List.of(laminaJar), javaRuntime));
            }
            case "java2d" -> new EngineInfo(id, "Java2D + ImageIO", "java", "JDK " + jdk, "ok",
                    "ImageIO.read, Graphics2D.drawImage, ImageIO.write",
                    new Artifact(0, "nothing beyond the JDK's java.desktop module", List.of("any JVM platform"), javaRuntime));
            case "opencv" -> javaPeer(id, "OpenCV (org.openpnp)", List.of("opencv-"), javaRuntime);
            case "thumbnailator" -> javaPeer(id, "Thumbnailator", List.of("thumbnailator-"), javaRuntime);
            case "scrimage" -> javaPeer(id, "scrimage", SCRIMAGE_JARS, javaRuntime);
            case "jvips" -> jvips(javaRuntime);
            case "vips" -> {
                String v = capture(List.of("vips", "--version"));
                yield v == null ? absent(id, "libvips CLI", "vips not found: run bench/install-peers.sh")
                        : new EngineInfo(id, "libvips CLI", "native", v.strip(), "ok", "vips composite2 / composite / vipsthumbnail",
                        nativeArtifact(which("vips")));
            }
            case "imagemagick" -> {
                String v = convert == null ? null : capture(List.of(convert, "-version"));
                yield v == null ? absent(id, "ImageMagick", "ImageMagick's convert not found: run bench/install-peers.sh")
                        : new EngineInfo(id, "ImageMagick", "native", v.lines().findFirst().orElse("").replace("Version: ", "").replaceAll(" https?://\\S+", ""),
                        "ok", convert + " (Q16: 16-bit per sample inside)", nativeArtifact(Path.of(convert)));
            }
            case "sharp" -> {
                Path modules = repo.resolve("bench/node/node_modules");
                String v = Files.isDirectory(modules.resolve("sharp")) ? capture(List.of("node", "-e",
                        "const s=require('" + modules.resolve("sharp") + "');console.log('sharp '+require('"
                                + modules.resolve("sharp/package.json") + "').version+' (libvips '+s.versions.vips+')')"))
                        : null;
                yield v == null ? absent(id, "sharp", "sharp not installed in bench/node: run bench/install-peers.sh")
                        : new EngineInfo(id, "sharp (node)", "node", v.strip(), "ok", "node bench/node/peer.js",
                        sharpArtifact(modules));
            }
            default -> throw new IllegalArgumentException("unknown engine " + id);
        };
    }

    private static EngineInfo absent(String id, String name, String note) {
        return new EngineInfo(id, name, "-", "-", "absent", note, null);
    }

    private EngineInfo javaPeer(String id, String name, List<String> prefixes, String runtime) throws IOException {
        List<Path> jars = new ArrayList<>();
        String version = "-";
        try (var s = Files.list(lib)) {
            for (Path p : s.sorted().toList()) {
                String f = p.getFileName().toString();
                for (String pre : prefixes) {
                    if (f.startsWith(pre) && f.endsWith(".jar") && Character.isDigit(f.charAt(pre.endsWith("-") ? pre.length() : pre.length() + 1))) {
                        jars.add(p);
                        if (pre.equals(prefixes.getFirst())) {
                            version = f.substring(pre.endsWith("-") ? pre.length() : pre.length() + 1, f.length() - 4);
                        }
                    }
                }
            }
        }
        if (jars.isEmpty()) {
            return absent(id, name, "jars not in lamina-bench/target/lib: build lamina-bench");
        }
        return new EngineInfo(id, name, "java", version, "ok", "dev.lamina.bench.peers", jarArtifact(jars, runtime));
    }

    /**
     * libvips in process through com.criteo:jvips: present only if the binding loads here (a fresh
     * JVM asked by JvipsPeer probe), else absent with the reason it gave.
     */
    private EngineInfo jvips(String runtime) throws IOException {
        String name = "libvips (jvips, in process)";
        Path jar;
        try (var s = Files.list(lib)) {
            jar = s.filter(p -> p.getFileName().toString().matches("jvips-\\d.*\\.jar")).findFirst().orElse(null);
        }
        if (jar == null) {
            return absent("jvips", name, "jvips: jar not in lamina-bench/target/lib: build lamina-bench");
        }
        String f = jar.getFileName().toString();
        String version = f.substring("jvips-".length(), f.length() - 4) + " (libvips " + f.substring(6).replaceAll("-.*", "") + " bundled)";
        String answer = probeOutput(List.of(java.toString(), "-cp", classPath(), "dev.lamina.bench.peers.JvipsPeer", "probe"));
        if (!"ok".equals(answer)) {
            return new EngineInfo("jvips", name, "-", version, "absent", answer == null ? "jvips: the probe did not answer" : answer, null);
        }
        return new EngineInfo("jvips", name, "java", version, "ok",
                "dev.lamina.bench.peers.JvipsPeer: VipsImage.compose (vips_composite2 over), writeToFile", jvipsArtifact(jar, runtime));
    }

    /**
     * The jvips jar: where it carries libvips itself (Linux, read from the ELF headers of its .so
     * entries) and where it carries only the JNI glue that needs a libvips installed apart.
     */
    static Artifact jvipsArtifact(Path jar, String runtime) throws IOException {
        Set<String> linuxArch = new TreeSet<>();
        boolean linuxVips = false;
        boolean mac = false;
        boolean windows = false;
        boolean windowsVips = false;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            var e = z.entries();
            while (e.hasMoreElements()) {
                var entry = e.nextElement();
                String n = entry.getName().toLowerCase();
                if (n.endsWith(".so")) {
                    linuxVips |= n.endsWith("libvips.so");
                    try (var in = z.getInputStream(entry)) {
                        linuxArch.add(elfMachine(in.readNBytes(20)));
                    }
                }
                mac |= n.endsWith(".dylib");
                windows |= n.endsWith(".dll");
                windowsVips |= n.matches(".*libvips[-0-9]*\\.dll");
            }
        }
        List<String> platforms = new ArrayList<>();
        for (String a : linuxArch) {
            platforms.add("Linux " + a + (linuxVips ? " (libvips and its codecs in the jar; glib, gio, expat, libstdc++ from the system)" : " (JNI glue only)"));
        }
        if (mac) {
            platforms.add("macOS (JNI glue only: libvips 8.12 must be installed apart)");
        }
        if (windows) {
            platforms.add("Windows (JNI glue only" + (windowsVips ? ")" : ": libvips-42.dll must be installed apart)"));
        }
        return new Artifact(Files.size(jar), jar.getFileName() + " (natives unpacked to the temp directory at start)", platforms, runtime);
    }

    /** The first line a short command prints, whatever its exit code, or null when it cannot run. */
    private static String probeOutput(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String first = new String(out).lines().findFirst().orElse("").strip();
            return first.isEmpty() ? "jvips: the probe exited with " + p.exitValue() + " and said nothing" : first;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Sums the jars and reads, from their entries, which platforms their native libraries cover. */
    static Artifact jarArtifact(List<Path> jars, String runtime) throws IOException {
        long bytes = 0;
        Set<String> platforms = new TreeSet<>();
        boolean nativeCode = false;
        List<String> names = new ArrayList<>();
        for (Path jar : jars) {
            bytes += Files.size(jar);
            names.add(jar.getFileName().toString());
            try (ZipFile z = new ZipFile(jar.toFile())) {
                var e = z.entries();
                while (e.hasMoreElements()) {
                    String n = e.nextElement().getName().toLowerCase();
                    String os = n.endsWith(".so") ? "Linux" : n.endsWith(".dylib") || n.endsWith(".jnilib") ? "macOS"
                            : n.endsWith(".dll") ? "Windows" : null;
                    if (os != null) {
                        nativeCode = true;
                        platforms.add(os + " " + arch(n));
                    }
                }
            }
        }
        List<String> p = nativeCode ? List.copyOf(platforms) : List.of("any JVM platform (pure Java)");
        return new Artifact(bytes, String.join(", ", names), p, runtime);
    }

    /** The architecture a native library's path inside a jar names (conventions differ per project). */
    static String arch(String entry) {
        String n = entry.toLowerCase();
        if (n.contains("aarch64") || n.contains("arm64") || n.contains("armv8")) {
            return "arm64";
        }
        if (n.contains("x86_64") || n.contains("amd64") || n.contains("x64")) {
            return "amd64";
        }
        if (n.contains("arm")) {
            return "arm32";
        }
        return n.contains("x86") || n.contains("i386") ? "x86" : "?";
    }

    /** The binary plus the shared libraries ldd resolves for it (what the loader maps at start). */
    private Artifact nativeArtifact(Path binary) throws IOException {
        Set<Path> files = new LinkedHashSet<>();
        files.add(binary.toRealPath());
        String ldd = capture(List.of("ldd", binary.toString()));
        if (ldd != null) {
            for (String line : ldd.lines().toList()) {
                int arrow = line.indexOf("=> /");
                if (arrow >= 0) {
                    String path = line.substring(arrow + 3).replaceAll("\\s*\\(0x[0-9a-f]+\\)\\s*$", "").trim();
                    files.add(Path.of(path).toRealPath());
                }
            }
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        String machine = elfMachine(binary.toRealPath());
        return new Artifact(bytes, files.size() + " files: the binary and its ldd closure (coder modules loaded later not counted)",
                List.of("Linux " + machine + " (this distribution's build)"), "none beyond libc");
    }

    private static Artifact sharpArtifact(Path modules) throws IOException {
        long bytes = Measure.size(modules.resolve("sharp"));
        Set<String> platforms = new TreeSet<>();
        Path img = modules.resolve("@img");
        if (Files.isDirectory(img)) {
            bytes += Measure.size(img);
            try (var s = Files.list(img)) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("sharp-") && !n.startsWith("sharp-libvips"))
                        .forEach(n -> platforms.add(n.substring("sharp-".length())));
            }
        }
        return new Artifact(bytes, "node_modules/sharp and node_modules/@img (prebuilt libvips)",
                platforms.stream().map(p -> p + " (npm installs one prebuilt per platform)").toList(),
                "node " + nodeVersion() + " (not counted)");
    }

    private static String nodeVersion() {
        String v = capture(List.of("node", "--version"));
        return v == null ? "?" : v.strip();
    }

    private static String elfMachine(Path binary) throws IOException {
        try (var in = Files.newInputStream(binary)) {
            return elfMachine(in.readNBytes(20));
        }
    }

    private static String elfMachine(byte[] h) {
        if (h.length < 20 || h[0] != 0x7f || h[1] != 'E') {
            return "?";
        }
        int m = (h[18] & 0xFF) | (h[19] & 0xFF) << 8;
        return switch (m) {
            case 0x3E -> "amd64";
            case 0xB7 -> "arm64";
            default -> "machine " + m;
        };
    }

    private static Path which(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return Path.of("/usr/bin", name);
    }

    /**
     * ImageMagick 7's magick, else the real IM6 convert. A convert that does not print
     * "ImageMagick" in -version (a stand-in, GraphicsMagick) is not taken.
     */
    private static String findConvert() {
        for (String c : List.of("magick", "/usr/bin/convert-im6.q16", "/usr/bin/convert", "convert")) {
            String v = capture(List.of(c, "-version"));
            if (v != null && v.contains("ImageMagick")) {
                return c;
            }
        }
        return null;
    }

    private String version(Path jar) {
        String v = capture(List.of("git", "-C", repo.toString(), "log", "-1", "--format=%h %cs"));
        return "0.1.0-SNAPSHOT" + (v == null ? "" : " (" + v.strip() + ")");
    }

    /** Output of a short command, or null when it cannot run or fails. */
    static String capture(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
