package dev.lamina.cli;

import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.model.ThumbnailOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code lamina thumbnail IN... -s 256 -o OUT}: thumbnails, vipsthumbnail's way. Several inputs
 * make a batch: OUT must then contain {@code %s}, replaced by each input's name without its
 * extension, and two inputs whose outputs would be the same file are refused before anything is
 * written. A batch goes on past a bad input (one line about it on standard error) and exits 1 at
 * the end if any failed; no output is written for a failed input. On a terminal a batch shows a
 * progress bar on standard error and ends with a summary; piped, it prints only errors.
 */
@Command(name = "thumbnail", mixinStandardHelpOptions = true,
        description = {"Makes thumbnails (JPEGs shrink on load); several inputs are processed in parallel.",
                "With several inputs, OUT must contain %%s: each input's name without its extension."})
public final class ThumbnailCommand implements Callable<Integer> {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "IN")
    List<Path> inputs;

    @Option(names = {"-s", "--size"}, required = true, paramLabel = "N|WxH",
            description = "the box to fit: N for N x N, or WIDTHxHEIGHT")
    String size;

    @Option(names = "--no-shrink-on-load", description = "decode JPEGs at full size before resampling (slower)")
    boolean noShrinkOnLoad;

    @Option(names = "--fast-shrink-on-load", description = "sharp's rule: shrink on load as far as the size allows "
            + "(faster, a little further from a full decode)")
    boolean fastShrinkOnLoad;

    @Option(names = "--progress", negatable = true,
            description = "a progress bar and a summary on standard error (default: for several inputs on a terminal)")
    Boolean progress;

    @Mixin
    ResampleOptions resample;

    @Mixin
    Verbosity verbosity;

    @Mixin
    InputOptions input;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] box = parseSize(size);
        if (fastShrinkOnLoad && noShrinkOnLoad) {
            throw new ParameterException(spec.commandLine(), "--fast-shrink-on-load and --no-shrink-on-load contradict each other");
        }
        ThumbnailOptions options = resample.box(box[0], box[1], ThumbnailOptions.Fit.INSIDE, output.background)
                .shrinkOnLoad(!noShrinkOnLoad).fastShrinkOnLoad(fastShrinkOnLoad);
        Map<Path, Path> outputs = outputs();
        Timings t = new Timings(spec.commandLine().getErr(), verbosity.verbose);
        boolean bar = progress != null ? progress : inputs.size() > 1 && Progress.interactive();
        Progress report = new Progress(spec.commandLine().getErr(), inputs.size(), bar, System::nanoTime);
        // Thumbnails are small: one image rarely keeps every core busy, so a batch runs images side
        // by side (each still uses the shared worker pool for its strips).
        int parallel = Math.min(inputs.size(), Runtime.getRuntime().availableProcessors());
        try (ExecutorService jobs = Executors.newFixedThreadPool(parallel)) {
            List<Future<?>> done = new ArrayList<>();
            for (Map.Entry<Path, Path> job : outputs.entrySet()) {
                done.add(jobs.submit(() -> {
                    try {
                        output.save(Lamina.thumbnail(job.getKey(), options, input.load()), job.getValue());
                        report.finished(true);
                    } catch (LaminaException e) {
                        report.message("lamina: " + e.getMessage() + LaminaCommand.hint(e));
                        report.finished(false);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();   // anything but a LaminaException is a bug: it reaches the handler in LaminaCommand
            }
        } finally {
            report.end(bar || verbosity.verbose);
        }
        t.stage(inputs.size() + " thumbnail(s)");
        t.total();
        return report.failures() == 0 ? 0 : 1;
    }

    /**
     * Each input's output, in the order given; a usage error when OUT has no {@code %s} for several
     * inputs, names no format, or sends two inputs to one file (which would silently keep only the
     * last one written).
     */
    private Map<Path, Path> outputs() {
        if (inputs.size() > 1 && !output.output.contains("%s")) {
            throw new ParameterException(spec.commandLine(),
                    "with several inputs, -o must contain %s (for example -o 'thumbs/%s.jpg')");
        }
        Map<Path, Path> outputs = new LinkedHashMap<>();
        Map<Path, Path> writers = new LinkedHashMap<>();
        for (Path in : inputs) {
            Path out = Path.of(output.output.replace("%s", baseName(in)));
            output.forFile(out);
            Path earlier = writers.putIfAbsent(out.toAbsolutePath().normalize(), in);
            if (earlier != null) {
                throw new ParameterException(spec.commandLine(), "the thumbnails of " + earlier + " and " + in
                        + " would both be written to " + out + " (give the inputs different names, or use a"
                        + " different -o for each)");
            }
            outputs.put(in, out);
        }
        return outputs;
    }

    private static String baseName(Path p) {
        String n = String.valueOf(p.getFileName());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** "256" or "300x200", as {width, height}. */
    private int[] parseSize(String s) {
        String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 1 || parts.length == 2) {
                int w = Integer.parseInt(parts[0]);
                int h = Integer.parseInt(parts[parts.length - 1]);
                if (w >= 1 && h >= 1) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // the one message below
        }
        throw new ParameterException(spec.commandLine(),
                "Invalid value for option '--size': '" + s + "' is not N or WIDTHxHEIGHT, in pixels, at least 1");
    }
}
