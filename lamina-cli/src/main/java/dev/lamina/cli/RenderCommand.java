package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code lamina render RECIPE.json -o OUT}: a layer-tree recipe (docs/recipes.md). */
@Command(name = "render", mixinStandardHelpOptions = true, description = {
        "Renders a layer-tree recipe (JSON, docs/recipes.md): a canvas and layers of images, fills, shapes,"
                + " text, groups and tiles, with masks, clips, blurs and shadows, evaluated at 16 bits and rounded once.",
        "Assets are files named relative to the recipe's folder (\"photo.jpg\", or \"photo\" for photo.png,"
                + " photo.jpg, ...), or given with --asset NAME=FILE.",
        "Example: lamina render examples/social-card.json -o card.png"})
public final class RenderCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RECIPE", description = "the recipe, a JSON file")
    Path recipe;

    @Option(names = "--asset", paramLabel = "NAME=FILE",
            description = "the image an asset name stands for (repeatable); wins over files beside the recipe")
    List<String> assets = List.of();

    @Option(names = "--font-dir", paramLabel = "DIR",
            description = "a folder of .ttf/.otf fonts (or one font file) whose families text layers may name (repeatable);"
                    + " DejaVu Sans and DejaVu Sans Bold are always there")
    List<Path> fontDirs = List.of();

    @Option(names = "--limit-sigma", paramLabel = "PX", converter = Values.Positive.class,
            description = "largest blur, shadow or glow sigma a recipe may ask for (default 250; at most 500)")
    Double limitSigma;

    @Option(names = "--limit-nesting", paramLabel = "N", description = "deepest nesting of groups, tiles and masks (default 16)")
    Integer limitNesting;

    @Option(names = "--limit-layers", paramLabel = "N", description = "most layers in the whole tree (default 256)")
    Integer limitLayers;

    @Option(names = "--limit-text", paramLabel = "N", description = "most characters of text in the recipe (default 10000)")
    Integer limitText;

    @Mixin
    Verbosity verbosity;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Timings t = new Timings(spec.commandLine().getErr(), verbosity.verbose);
        Path out = output.path();
        output.forFile(out);
        Map<String, Path> named = new LinkedHashMap<>();
        for (String a : assets) {
            int eq = a.indexOf('=');
            if (eq <= 0 || eq == a.length() - 1) {
                throw new ParameterException(spec.commandLine(), "--asset takes NAME=FILE, not '" + a + "'");
            }
            named.put(a.substring(0, eq), Path.of(a.substring(eq + 1)));
        }
        for (String n : new String[]{"--limit-nesting", "--limit-layers", "--limit-text"}) {
            Integer v = n.equals("--limit-nesting") ? limitNesting : n.equals("--limit-layers") ? limitLayers : limitText;
            if (v != null && v < 1) {
                throw new ParameterException(spec.commandLine(), n + " must be at least 1, not " + v);
            }
        }
        if (limitSigma != null && limitSigma > 500) {
            throw new ParameterException(spec.commandLine(), "--limit-sigma must be at most 500 (the blur's own limit)");
        }
        RecipeLauncher.Limits limits = new RecipeLauncher.Limits(limitSigma, limitNesting, limitLayers, limitText);
        int depth = output.bitDepth == null ? 8 : output.bitDepth;
        try {
            output.save(RecipeLauncher.render(recipe, named, fontDirs, input.load(), limits, depth, t), out);
        } catch (NoClassDefFoundError e) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, "render needs lamina-recipe's libraries,"
                    + " which lamina.jar leaves out: run it as bin/lamina render (docs/recipes.md)");
        }
        t.stage("render+encode");
        t.total();
        return 0;
    }
}
