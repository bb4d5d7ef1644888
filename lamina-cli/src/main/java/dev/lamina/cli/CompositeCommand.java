package dev.lamina.cli;

import dev.lamina.BlendMode;
import dev.lamina.Gravity;
import dev.lamina.Lamina;
import dev.lamina.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.LoadOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lamina composite BASE LAYER [layer options] [LAYER [layer options]...] -o OUT}. Layer
 * options follow the layer they apply to, as in ImageMagick's command line, so each layer can
 * have its own mode, place and opacity.
 */
@Command(name = "composite", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Draws layers on a base image, in order, and saves the result.",
                "Layer options follow the layer they apply to:",
                "  --mode MODE       over (default), multiply, screen, ... (lamina composite --help-modes)",
                "  --gravity G       centre (default), north, north-east, east, south-east, south, ...",
                "  --x N --y N       top-left corner on the base (overrides gravity; may be negative)",
                "  --tile            repeat the layer over the whole base (from --x/--y)",
                "  --opacity F       0..1, multiplies the layer's alpha (default 1)",
                "Example: lamina composite photo.png logo.png --gravity south-east --opacity 0.8 -o out.png"})
public final class CompositeCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "BASE LAYER [LAYER...]",
            description = "the base image, then the layers, each followed by its options")
    List<String> arguments = new ArrayList<>();

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "output file; the format follows the name (.png, .jpg)")
    Path output;

    @Option(names = "--help-modes", help = true, description = "list the blend modes")
    boolean helpModes;

    @Option(names = {"-v", "--verbose"}, description = "print timings per stage")
    boolean verbose;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Spec
    CommandSpec spec;

    /** One layer as the command line describes it. */
    record LayerArgs(String file, BlendMode mode, Gravity gravity, Integer x, Integer y, boolean tile,
                     double opacity) {
    }

    @Override
    public Integer call() {
        if (helpModes) {
            StringBuilder s = new StringBuilder();
            for (BlendMode m : BlendMode.values()) {
                s.append(m.cliName()).append('\n');
            }
            spec.commandLine().getOut().print(s);
            spec.commandLine().getOut().flush();
            return 0;
        }
        Timings t = new Timings(spec.commandLine().getErr(), verbose);
        List<LayerArgs> layers = parseLayers(arguments.subList(1, arguments.size()));
        LoadOptions load = input.load();
        if (layers.size() > load.limits().maxLayers()) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, layers.size() + " layers is over the limit of " + load.limits().maxLayers());
        }
        var saveOptions = outputOptions.forFile(output);
        LaminaImage base = Lamina.open(Path.of(arguments.get(0)), load);
        List<Layer> built = new ArrayList<>();
        for (LayerArgs l : layers) {
            Layer layer = Layer.of(Lamina.open(Path.of(l.file()), load)).mode(l.mode()).opacity(l.opacity());
            layer = l.x() != null || l.y() != null
                    ? layer.at(l.x() == null ? 0 : l.x(), l.y() == null ? 0 : l.y())
                    : layer.gravity(l.gravity());
            if (l.tile()) {
                layer = layer.tiled();
            }
            built.add(layer);
        }
        t.stage("open (headers)");
        LaminaImage result = base.composite(built);
        t.stage("build pipeline");
        outputOptions.save(result, output, saveOptions);
        t.stage("decode+composite+encode");
        t.total();
        return 0;
    }

    /** Reads "FILE [--mode M] [--gravity G] [--x N] [--y N] [--tile] [--opacity F]" repeated. */
    static List<LayerArgs> parseLayers(List<String> args) {
        List<LayerArgs> out = new ArrayList<>();
        String file = null;
        BlendMode mode = BlendMode.OVER;
        Gravity gravity = Gravity.CENTRE;
        Integer x = null, y = null;
        boolean tile = false;
        double opacity = 1.0;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a;
            String value = null;
            if (a.startsWith("--") && a.contains("=")) {
                name = a.substring(0, a.indexOf('='));
                value = a.substring(a.indexOf('=') + 1);
            }
            if (!name.startsWith("--") || name.equals("--")) {
                if (file != null) {
                    out.add(new LayerArgs(file, mode, gravity, x, y, tile, opacity));
                }
                file = a;
                mode = BlendMode.OVER;
                gravity = Gravity.CENTRE;
                x = null;
                y = null;
                tile = false;
                opacity = 1.0;
                continue;
            }
            if (file == null) {
                throw new LaminaException(LaminaException.Kind.BAD_INPUT, "layer option " + name + " comes before any layer: put it after the layer file");
            }
            if (name.equals("--tile")) {
                tile = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new LaminaException(LaminaException.Kind.BAD_INPUT, "layer option " + name + " needs a value");
                }
                value = args.get(++i);
            }
            switch (name) {
                case "--mode" -> mode = BlendMode.parse(value);
                case "--gravity" -> gravity = Gravity.parse(value);
                case "--x" -> x = parseInt(name, value);
                case "--y" -> y = parseInt(name, value);
                case "--opacity" -> opacity = parseOpacity(value);
                default -> throw new LaminaException(LaminaException.Kind.BAD_INPUT, "unknown layer option " + name
                        + " (layer options: --mode, --gravity, --x, --y, --tile, --opacity)");
            }
        }
        if (file != null) {
            out.add(new LayerArgs(file, mode, gravity, x, y, tile, opacity));
        }
        if (out.isEmpty()) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "at least one layer is needed after the base image");
        }
        return out;
    }

    private static int parseInt(String option, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, option + " needs a whole number, not '" + v + "'");
        }
    }

    private static double parseOpacity(String v) {
        double d;
        try {
            d = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "--opacity needs a number from 0 to 1, not '" + v + "'");
        }
        if (!(d >= 0 && d <= 1)) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "--opacity must be from 0 to 1, not " + v);
        }
        return d;
    }
}
