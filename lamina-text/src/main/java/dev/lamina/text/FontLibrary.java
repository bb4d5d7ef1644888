package dev.lamina.text;

import dev.lamina.model.LaminaException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Fonts by name: what a recipe's {@code "font": "DejaVu Sans"} resolves against. A name matches a
 * font's family (name ID 1; among several fonts of one family the regular one wins) or its full
 * name (name ID 4, for example "DejaVu Sans Bold"), ignoring case. Fonts added later replace
 * earlier ones of the same name, so a user's "DejaVu Sans" overrides the bundled one.
 *
 * <p>Immutable and thread-safe: {@link #add} returns a new library.
 */
public final class FontLibrary {
    /** A directory is searched this deep for .ttf and .otf files. */
    private static final int MAX_DEPTH = 4;
    /** At most this many fonts from one directory: a mistaken "/" must not read a whole disk. */
    public static final int MAX_FONTS = 1000;

    private final Map<String, Font> byName; // lower-case name -> font

    private FontLibrary(Map<String, Font> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** The bundled fonts: "DejaVu Sans" (regular) and "DejaVu Sans Bold". */
    public static FontLibrary withBundled() {
        return new FontLibrary(new LinkedHashMap<>()).with(List.of(Font.bundled(), Font.bundledBold()));
    }

    /** An empty library. */
    public static FontLibrary empty() {
        return new FontLibrary(new LinkedHashMap<>());
    }

    /**
     * This library and the font in a file, or every .ttf and .otf file under a directory (to
     * depth 4, in name order). A file that is not a readable font is an error naming it.
     */
    public FontLibrary add(Path fontFileOrDirectory) {
        if (Files.isDirectory(fontFileOrDirectory)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(fontFileOrDirectory, MAX_DEPTH)) {
                files = s.filter(p -> Files.isRegularFile(p) && isFontFile(p)).sorted().limit(MAX_FONTS + 1L).toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw LaminaException.io(fontFileOrDirectory + ": cannot list the font directory", e);
            }
            if (files.size() > MAX_FONTS) {
                throw LaminaException.limit(fontFileOrDirectory + ": more than " + MAX_FONTS + " font files");
            }
            List<Font> fonts = new ArrayList<>();
            for (Path f : files) {
                fonts.add(Font.load(f));
            }
            return with(fonts);
        }
        return with(List.of(Font.load(fontFileOrDirectory)));
    }

    /** This library and these fonts. */
    public FontLibrary add(Font font) {
        return with(List.of(font));
    }

    /**
     * The font of this family or full name, ignoring case; an error listing the known families
     * when there is none.
     */
    public Font family(String name) {
        Font f = name == null ? null : byName.get(key(name));
        if (f == null) {
            TreeSet<String> known = new TreeSet<>();
            for (Font k : byName.values()) {
                known.add(k.family());
            }
            throw LaminaException.badInput("no such font family \"" + name + "\" (known: "
                    + String.join(", ", known) + ")");
        }
        return f;
    }

    /** The family and full names this library answers to, as the fonts spell them, sorted. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        for (Font f : byName.values()) {
            names.add(f.family());
            names.add(f.fullName());
        }
        return List.copyOf(names);
    }

    private FontLibrary with(List<Font> fonts) {
        Map<String, Font> m = new LinkedHashMap<>(byName);
        for (Font f : fonts) {
            m.put(key(f.fullName()), f);
        }
        for (Font f : fonts) {
            // The family name goes to its regular member; a family with no regular one keeps the first.
            Font current = m.get(key(f.family()));
            boolean ownFamily = current != null && key(current.family()).equals(key(f.family()))
                    && fonts.contains(current);
            if (current == null || !ownFamily || (isRegular(f) && !isRegular(current))) {
                m.put(key(f.family()), f);
            }
        }
        return new FontLibrary(m);
    }

    private static boolean isRegular(Font f) {
        return switch (f.subfamily().toLowerCase(Locale.ROOT)) {
            case "regular", "book", "normal", "roman", "plain" -> true;
            default -> false;
        };
    }

    private static boolean isFontFile(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".ttf") || n.endsWith(".otf");
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
