package dev.lamina.cli;

import dev.lamina.Kernel;
import dev.lamina.Lamina;
import dev.lamina.LaminaException;
import dev.lamina.ThumbnailOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code lamina thumbnail IN... -s 256 -o OUT}: thumbnails, vipsthumbnail's way. Several inputs
 * make a batch: OUT must then contain {@code %s}, replaced by each input's name without its
 * extension. A batch goes on past a bad input (one line about it on standard error) and exits 1
 * at the end if any failed; no output is written for a failed input.
 */
@Command(name = "thumbnail", mixinStandardHelpOptions = true,
        description = "Makes thumbnails (JPEGs shrink on load); several inputs are processed in parallel.")
public final class ThumbnailCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "IN")
    List<Path> inputs;

    @Option(names = {"-s", "--size"}, required = true, paramLabel = "N|WxH",
            description = "the box to fit: N for N x N, or WIDTHxHEIGHT")
    String size;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT",
            description = "output file; %%s is replaced by the input's name without extension (required for several inputs)")
    String output;

    @Option(names = "--fit", paramLabel = "inside|cover",
            description = "inside: the whole image within the box (default); cover: fill the box, crop the overflow")
    ThumbnailOptions.Fit fit = ThumbnailOptions.Fit.INSIDE;

    @Option(names = "--kernel", paramLabel = "KERNEL",
            description = "nearest, linear, cubic, mitchell, lanczos2, lanczos3 (default)")
    Kernel kernel = Kernel.LANCZOS3;

    @Option(names = "--no-shrink-on-load", description = "decode JPEGs at full size before resampling (slower)")
    boolean noShrinkOnLoad;

    @Option(names = "--no-enlarge", description = "never make an image larger than it is")
    boolean noEnlarge;

    @Option(names = {"-v", "--verbose"}, description = "print timings")
    boolean verbose;

    @Mixin
    InputOptions input = new InputOptions();

    @Mixin
    OutputOptions outputOptions = new OutputOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ThumbnailOptions options = parseSize(size).fit(fit).kernel(kernel)
                .shrinkOnLoad(!noShrinkOnLoad).enlarge(!noEnlarge);
        if (inputs.size() > 1 && !output.contains("%s")) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "with several inputs, -o must contain %s (for example -o 'thumbs/%s.jpg')");
        }
        Timings t = new Timings(spec.commandLine().getErr(), verbose);
        PrintWriter err = spec.commandLine().getErr();
        AtomicInteger failed = new AtomicInteger();
        // Thumbnails are small: one image rarely keeps every core busy, so a batch runs images side
        // by side (each still uses the shared worker pool for its strips).
        int parallel = Math.min(inputs.size(), Runtime.getRuntime().availableProcessors());
        try (ExecutorService jobs = Executors.newFixedThreadPool(parallel)) {
            List<Future<?>> done = new ArrayList<>();
            for (Path in : inputs) {
                done.add(jobs.submit(() -> {
                    try {
                        one(in, options);
                    } catch (LaminaException e) {
                        failed.incrementAndGet();
                        synchronized (err) {
                            err.println("lamina: " + e.getMessage() + LaminaCommand.hint(e));
                            err.flush();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();   // anything but a LaminaException is a bug: it reaches the handler in LaminaCommand
            }
        }
        t.stage(inputs.size() + " thumbnail(s)");
        t.total();
        return failed.get() == 0 ? 0 : 1;
    }

    private void one(Path in, ThumbnailOptions options) {
        Path out = Path.of(output.replace("%s", baseName(in)));
        var saveOptions = outputOptions.forFile(out);
        outputOptions.save(Lamina.thumbnail(in, options, input.load()), out, saveOptions);
    }

    private static String baseName(Path p) {
        String n = String.valueOf(p.getFileName());
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** "256" or "300x200". */
    private ThumbnailOptions parseSize(String s) {
        try {
            String[] parts = s.toLowerCase(java.util.Locale.ROOT).split("x", -1);
            if (parts.length == 1) {
                return ThumbnailOptions.edge(Integer.parseInt(parts[0]));
            }
            if (parts.length == 2) {
                return ThumbnailOptions.box(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException | LaminaException e) {
            // fall through to the one message below
        }
        throw new CommandLine.ParameterException(spec.commandLine(),
                "--size '" + s + "' must be N or WIDTHxHEIGHT, in pixels, at least 1");
    }
}
