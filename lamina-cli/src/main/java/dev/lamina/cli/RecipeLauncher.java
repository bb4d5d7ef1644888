package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.recipe.Assets;
import dev.lamina.recipe.Recipe;
import dev.lamina.recipe.RecipeException;
import dev.lamina.recipe.RecipeLimits;
import dev.lamina.recipe.RecipeParser;
import dev.lamina.recipe.Recipes;
import dev.lamina.text.FontLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the command line touches lamina-recipe. Its libraries (Jackson, the schema validator,
 * FontBox and the bundled fonts) are not in lamina.jar; bin/lamina puts them on the class path for
 * {@code render}, and the JVM loads this class, and them, only when {@code render} runs.
 */
final class RecipeLauncher {
    /** Asset names without an extension are looked up with these, in this order. */
    private static final String[] EXTENSIONS = {".png", ".jpg", ".jpeg", ".webp", ".tif", ".tiff"};
    /** A recipe file larger than this is not a recipe. */
    private static final long MAX_RECIPE_BYTES = 16L << 20;

    private RecipeLauncher() {
    }

    record Limits(Double sigma, Integer nesting, Integer layers, Integer text) {
    }

    static LaminaImage render(Path file, Map<String, Path> named, List<Path> fontDirs, LoadOptions load, Limits l,
                              int bitDepth, Timings t) {
        byte[] json = read(file);
        FontLibrary fonts = FontLibrary.withBundled();
        for (Path d : fontDirs) {
            fonts = fonts.add(d);
        }
        RecipeLimits limits = RecipeLimits.defaults().core(load.limits());
        if (l.sigma() != null) {
            limits = limits.maxSigma(l.sigma());
        }
        if (l.nesting() != null) {
            limits = limits.maxNesting(l.nesting());
        }
        if (l.layers() != null) {
            limits = limits.maxLayers(l.layers());
        }
        if (l.text() != null) {
            limits = limits.maxTextLength(l.text());
        }
        Path dir = file.toAbsolutePath().getParent();
        try {
            Recipe recipe = RecipeParser.parse(json);
            t.stage("parse");
            // files, so that a layer that resizes a JPEG opens it again shrunk on load, as the service does
            Assets assets = Assets.files((name, path) -> locate(name, path, named, dir), load);
            LaminaImage image = Recipes.render(recipe, assets, fonts, limits, bitDepth);
            t.stage("check+build");
            return image;
        } catch (RecipeException e) {
            // the recipe's file, then the JSON path: "card.json: layers[2].mask.source: no such asset ..."
            throw new LaminaException(e.kind(), file + ": " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.detail(), e);
        } catch (LaminaException e) {
            throw e.withSubject(file.toString());
        }
    }

    /** The file of an asset: named by --asset, else beside the recipe, as it is or with an image extension. */
    private static Path locate(String name, String path, Map<String, Path> named, Path dir) {
        Path given = named.get(name);
        if (given != null) {
            return given;
        }
        List<String> tried = new ArrayList<>();
        Path p = dir.resolve(name);
        tried.add(name);
        if (Files.isRegularFile(p)) {
            return p;
        }
        for (String ext : EXTENSIONS) {
            Path q = dir.resolve(name + ext);
            tried.add(name + ext);
            if (Files.isRegularFile(q)) {
                return q;
            }
        }
        throw new RecipeException(RecipeException.Problem.NOT_FOUND, path, "no such asset \"" + name
                + "\" (no --asset " + name + "=FILE, and none of " + String.join(", ", tried) + " beside the recipe)");
    }

    private static byte[] read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_RECIPE_BYTES) {
                throw LaminaException.limit(file + ": " + size + " bytes is too large for a recipe (at most 16 MiB)");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw LaminaException.badInput(file + ": no such file");
        } catch (IOException e) {
            throw LaminaException.io(file + ": cannot read the recipe: " + e.getMessage(), e);
        }
    }
}
