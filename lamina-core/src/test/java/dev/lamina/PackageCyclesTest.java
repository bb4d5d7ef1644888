package dev.lamina;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's packages form layers (docs/architecture.md): vocabulary, core, families, thumbnail,
 * facade. Any class that refers to a class of a package that (directly or through others) refers
 * back to its own package makes a cycle, and this test names it. References are read from the
 * compiled classes' constant pools, so imports, fully qualified names and nested types all count.
 */
class PackageCyclesTest {
    /** A class named in a field or method descriptor or a generic signature. */
    private static final Pattern DESCRIBED = Pattern.compile("L(dev/lamina/[\\w/$]+)[;<]");

    @Test
    void noPackageOfTheEngineDependsOnItselfThroughAnother() throws IOException, URISyntaxException {
        Map<String, Set<String>> uses = packageGraph();
        assertTrue(uses.containsKey("dev.lamina.model") && uses.containsKey("dev.lamina.core"),
                "the engine's classes were not found: " + uses.keySet());
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (from.compareTo(to) < 0 && reaches(uses, to, from)) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertEquals(List.of(), cycles);
    }

    @Test
    void theVocabularyKnowsNoOtherPackageOfLamina() throws IOException, URISyntaxException {
        assertEquals(Set.of(), packageGraph().get("dev.lamina.model"));
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target) {
        Set<String> seen = new TreeSet<>();
        List<String> todo = new ArrayList<>(List.of(from));
        while (!todo.isEmpty()) {
            String p = todo.removeLast();
            if (p.equals(target)) {
                return true;
            }
            if (seen.add(p)) {
                todo.addAll(uses.getOrDefault(p, Set.of()));
            }
        }
        return false;
    }

    /** Package of each main class of lamina-core -> the other Lamina packages it refers to. */
    private static Map<String, Set<String>> packageGraph() throws IOException, URISyntaxException {
        Path classes = Path.of(Lamina.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")
                    && !f.getFileName().toString().equals("module-info.class")).toList()) {
                ClassModel model = ClassFile.of().parse(file);
                String own = packageOf(model.thisClass().asInternalName());
                Set<String> out = uses.computeIfAbsent(own, k -> new TreeSet<>());
                model.constantPool().forEach(entry -> {
                    if (entry instanceof ClassEntry c) {
                        String name = c.asInternalName();
                        add(out, own, packageOf(name.startsWith("[") ? name.replaceAll("^\\[+L?|;$", "") : name));
                    } else if (entry instanceof Utf8Entry u) {
                        Matcher m = DESCRIBED.matcher(u.stringValue());
                        while (m.find()) {
                            add(out, own, packageOf(m.group(1)));
                        }
                    }
                });
            }
        }
        return uses;
    }

    private static void add(Set<String> out, String own, String used) {
        if (used.startsWith("dev.lamina") && !used.equals(own)) {
            out.add(used);
        }
    }

    private static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash).replace('/', '.');
    }
}
