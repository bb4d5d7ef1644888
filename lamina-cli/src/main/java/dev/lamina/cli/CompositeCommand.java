package dev.lamina.cli;

import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.LoadOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code lamina composite BASE LAYER [layer options] [LAYER [layer options]...] -o OUT}. Layer
 * options follow the layer they apply to, as in ImageMagick's command line, so each layer can
 * have its own mode, place and opacity. BASE and each LAYER may be a blank canvas
 * ({@code canvas:WxH[:RRGGBB[AA]]}, see {@link ImageArgument}).
 */
@Command(name = "composite", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Draws layers on a base image, in order, and saves the result.",
                "Layer options follow the layer they apply to:",
                "  --mode MODE       over (default), multiply, screen, ... (lamina composite --help-modes)",
                "  --gravity G       centre (default), north, north-east, east, south-east, south, ...",
                "  --x N --y N       top-left corner on the base (overrides gravity; may be negative)",
                "  --tile            repeat the layer over the whole base (from --x/--y)",
                "  --opacity F       0..1, multiplies the layer's alpha (default 1)",
                "BASE and LAYER may be a blank canvas: canvas:WIDTHxHEIGHT[:RRGGBB[AA]] (transparent without a colour).",
                "Example: lamina composite photo.png logo.png --gravity south-east --opacity 0.8 -o out.png"})
public final class CompositeCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "BASE LAYER [LAYER...]",
            description = "the base image, then the layers, each followed by its options")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--help-modes", help = true, description = "list the blend modes")
    boolean helpModes;

    @Mixin
    Verbosity verbosity;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

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
        Timings t = new Timings(spec.commandLine().getErr(), verbosity.verbose);
        List<LayerArgs> layers = parseLayers(arguments.subList(1, arguments.size()), spec.commandLine());
        LoadOptions load = input.load();
        if (layers.size() > load.limits().maxLayers()) {
            throw new LaminaException(LaminaException.Kind.LIMIT_EXCEEDED, layers.size() + " layers is over the limit of " + load.limits().maxLayers());
        }
        output.forFile(output.path());
        LaminaImage base = ImageArgument.open(arguments.get(0), load, spec.commandLine());
        List<Layer> built = new ArrayList<>();
        for (LayerArgs l : layers) {
            Layer layer = Layer.of(ImageArgument.open(l.file(), load, spec.commandLine())).mode(l.mode())
                    .opacity(l.opacity());
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
        output.save(result, output.path());
        t.stage("decode+composite+encode");
        t.total();
        return 0;
    }

    /**
     * Reads "FILE [--mode M] [--gravity G] [--x N] [--y N] [--tile] [--opacity F]" repeated; a
     * wrong layer option or value is a usage error of {@code command}.
     */
    static List<LayerArgs> parseLayers(List<String> args, CommandLine command) {
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
            if (!LAYER_OPTIONS.contains(name)) {
                throw new ParameterException(command, "Unknown option: '" + name + "' (layer options: "
                        + String.join(", ", LAYER_OPTIONS) + ")");
            }
            if (file == null) {
                throw new ParameterException(command, "layer option " + name
                        + " comes before any layer: put it after the layer file");
            }
            if (name.equals("--tile")) {
                tile = true;
                continue;
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new ParameterException(command, "Missing required parameter for layer option '" + name + "'");
                }
                value = args.get(++i);
            }
            try {
                switch (name) {
                    case "--mode" -> mode = Values.blendMode(value);
                    case "--gravity" -> gravity = Values.gravity(value);
                    case "--x" -> x = Values.integer(value);
                    case "--y" -> y = Values.integer(value);
                    default -> opacity = Values.unit(value);
                }
            } catch (TypeConversionException e) {
                throw new ParameterException(command, "Invalid value for layer option '" + name + "': " + e.getMessage());
            }
        }
        if (file != null) {
            out.add(new LayerArgs(file, mode, gravity, x, y, tile, opacity));
        }
        return out;   // not empty: picocli asks for BASE and at least one more argument, and an option first fails above
    }

    private static final List<String> LAYER_OPTIONS = List.of("--mode", "--gravity", "--x", "--y", "--tile", "--opacity");
}
