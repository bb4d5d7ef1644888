package dev.lamina.spark;

import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.recipe.Assets;
import dev.lamina.recipe.Mask;
import dev.lamina.recipe.Node;
import dev.lamina.recipe.Recipe;
import dev.lamina.recipe.RecipeException;
import dev.lamina.recipe.RecipeLimits;
import dev.lamina.recipe.RecipeParser;
import dev.lamina.recipe.Recipes;
import dev.lamina.text.FontLibrary;

import java.io.Serializable;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A recipe template ready to render inputs into: the recipe parsed, its assets decoded and pinned
 * (every image of the job on this JVM composites the same in-memory pixels), the fonts loaded. Made
 * once by the driver to check the recipe, and once per executor to render its rows.
 *
 * <p>Thread-safe: immutable; {@link Recipes#render} builds a new image graph per call.
 */
final class RecipeTemplate {
    /** A recipe file larger than this is not a recipe (the command line's limit too). */
    static final long MAX_RECIPE_BYTES = 16L << 20;
    /**
     * The smallest stand-in for the slot in the driver's check: large enough that a recipe written
     * for photos lays out without warnings about empty areas, small enough to cost nothing.
     */
    private static final int PLACEHOLDER = 64;

    /** What the driver read and ships to the executors once: the recipe's JSON and its assets' files. */
    record Files(byte[] json, Map<String, byte[]> assets) implements Serializable {
        static final Files NONE = new Files(new byte[0], Map.of());
    }

    private final JobSpec.Template spec;
    private final Recipe recipe;
    private final Map<String, LaminaImage> assets;
    private final Set<String> known;
    private final FontLibrary fonts;
    private final RecipeLimits limits;

    private RecipeTemplate(JobSpec.Template spec, Recipe recipe, Map<String, LaminaImage> assets, FontLibrary fonts,
                           RecipeLimits limits) {
        this.spec = spec;
        this.recipe = recipe;
        this.assets = assets;
        this.known = new HashSet<>(assets.keySet());
        this.known.add(spec.slot());
        this.fonts = fonts;
        this.limits = limits;
    }

    /**
     * Parses the recipe and decodes (pins) its assets; a recipe that is not valid JSON or not a
     * recipe fails here with its JSON path, an asset that does not decode with its file.
     */
    static RecipeTemplate load(JobSpec.Template spec, Files files, LoadOptions load) {
        Recipe recipe;
        try {
            recipe = RecipeParser.parse(files.json());
        } catch (RecipeException e) {
            throw named(spec.file(), e);
        }
        Map<String, LaminaImage> assets = new LinkedHashMap<>();
        files.assets().forEach((name, bytes) -> assets.put(name, Lamina.open(bytes, spec.assets().get(name), load).pin()));
        return new RecipeTemplate(spec, recipe, Map.copyOf(assets), FontLibrary.withBundled(),
                RecipeLimits.defaults().core(load.limits()));
    }

    /**
     * Everything about the recipe that does not depend on an input, checked on the driver before
     * any task starts: assets and fonts exist, ids, references, nesting, sizes, sigmas and limits.
     * The slot is filled with a blank stand-in, large enough for every crop of the slot the recipe
     * makes; what depends on an input's size (a crop outside a smaller input, a canvas taken from an
     * input over the pixel limit) is that input's error row.
     */
    void check() {
        int[] extent = {PLACEHOLDER, PLACEHOLDER};
        for (Node n : recipe.layers()) {
            cropExtent(n, extent);
        }
        render(Lamina.canvas(extent[0], extent[1], 0x808080), null);
    }

    /** The slot's crops' right and bottom edges, so that the stand-in holds them all. */
    private void cropExtent(Node n, int[] extent) {
        if (n.common().mask() != null && n.common().mask().source() instanceof Mask.Inline in) {
            cropExtent(in.layer(), extent);
        }
        switch (n) {
            case Node.Image i when spec.slot().equals(i.asset()) && i.crop() != null -> {
                extent[0] = (int) Math.min(Integer.MAX_VALUE, Math.max(extent[0], (long) i.crop().x() + i.crop().width()));
                extent[1] = (int) Math.min(Integer.MAX_VALUE, Math.max(extent[1], (long) i.crop().y() + i.crop().height()));
            }
            case Node.Group g -> g.layers().forEach(c -> cropExtent(c, extent));
            case Node.Tile t -> cropExtent(t.layer(), extent);
            default -> {
            }
        }
    }

    /**
     * The recipe with {@code input} as its slot (builds the graph; nothing is drawn). A problem
     * names the recipe file and the JSON path, after {@code inputName} when it is an input's.
     */
    LaminaImage render(LaminaImage input, String inputName) {
        Assets bound = (name, path) -> {
            if (name.equals(spec.slot())) {
                return input;
            }
            LaminaImage img = assets.get(name);
            if (img == null) {
                throw Assets.notFound(name, path, known);
            }
            return img;
        };
        try {
            return Recipes.render(recipe, bound, fonts, limits, spec.bitDepth());
        } catch (RecipeException e) {
            LaminaException named = named(spec.file(), e);
            if (inputName == null) {
                throw named;
            }
            throw new LaminaException(named.kind(), inputName + ": " + named.getMessage(), e);
        }
    }

    /** "card.json: layers[2].mask.source: no such asset ..." (the command line's form). */
    private static LaminaException named(String file, RecipeException e) {
        return new LaminaException(e.kind(), file + ": " + (e.path().isEmpty() ? "" : e.path() + ": ") + e.detail(), e);
    }
}
