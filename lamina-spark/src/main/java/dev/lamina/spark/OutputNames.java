package dev.lamina.spark;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * The output name of each input, a function of the input's path alone (so a retried or
 * speculative attempt of the same input aims at the same file): the pattern's {@code {dir}} is the
 * input's folder relative to the root it was found under, {@code {name}} its file name without the
 * extension, {@code {ext}} the extension.
 *
 * <p>A root is what the user named, qualified: a folder itself, the folder of a file, or the
 * deepest folder of a glob above its first wildcard ({@code s3a://b/photos/2024-*}{@code /*.jpg}
 * has the root {@code s3a://b/photos}). An input under several roots takes the deepest.
 * Immutable; serialisable for the executors.
 */
final class OutputNames implements Serializable {
    private final List<String> roots;
    private final String pattern;

    /** {@code roots}: qualified folder paths without a trailing slash. */
    OutputNames(List<String> roots, String pattern) {
        this.roots = roots.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.pattern = pattern;
    }

    /** The output path relative to the output folder, for a qualified input path. */
    String relativeOutput(String inputPath) {
        String rel = relativeInput(inputPath);
        int slash = rel.lastIndexOf('/');
        String dir = slash < 0 ? "" : rel.substring(0, slash);
        String file = rel.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        String name = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot + 1) : "";
        String out = pattern.replace("{dir}", dir).replace("{name}", name).replace("{ext}", ext);
        // An empty {dir} leaves "/name.png" or "a//b": collapse, so the name stays relative.
        out = out.replaceAll("/{2,}", "/");
        return out.startsWith("/") ? out.substring(1) : out;
    }

    /** The input's path below its root (its file name alone when no root contains it). */
    String relativeInput(String inputPath) {
        for (String r : roots) {
            if (inputPath.startsWith(r + "/")) {
                return inputPath.substring(r.length() + 1);
            }
        }
        return inputPath.substring(inputPath.lastIndexOf('/') + 1);
    }

    /**
     * The folder part of an input argument above its first glob character ({@code * ? [ {}), or
     * null when the argument has none.
     */
    static String globBase(String input) {
        int first = -1;
        for (int i = 0; i < input.length(); i++) {
            if ("*?[{".indexOf(input.charAt(i)) >= 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return null;
        }
        int slash = input.lastIndexOf('/', first);
        return slash < 0 ? "." : slash == 0 ? "/" : input.substring(0, slash);
    }
}
