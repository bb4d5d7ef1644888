package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import dev.lamina.cli.compare.ComparisonReport;
import dev.lamina.cli.compare.Gate;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.Encoders;
import dev.lamina.core.Image;
import dev.lamina.metrics.Compare;
import dev.lamina.metrics.Comparison;
import dev.lamina.metrics.ErrorHeatMap;
import dev.lamina.metrics.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * {@code lamina compare A B}: every metric between two images (PSNR overall and per band, SSIM,
 * MS-SSIM, CIEDE2000 mean / p95 / max, maximum absolute error, differing samples), as a table or
 * as JSON, with optional pass/fail gates and a heat map of the per-pixel error.
 *
 * <p>Exit status: 0 when every gate passes (or none is set), 1 when a gate fails, 2 on an error
 * (unreadable file, different sizes, bad option).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Measures how much image B differs from image A.",
                "Exit status: 0 all gates pass, 1 a gate fails, 2 error."})
public final class CompareCommand implements Callable<Integer> {

    /**
     * How files become images: Lamina's decoders (PNG, JPEG, recognised by content; EXIF
     * orientation applied). Tests swap in in-memory images. It must throw {@link LaminaException}
     * naming the file for bad input.
     */
    public static volatile BiFunction<Path, LoadOptions, Image> loader = Decoders::open;

    /** Named sets of gates. */
    public enum GatePreset {
        /** The study's acceptance gate: PSNR at least 32 dB and SSIM at least 0.92. */
        study
    }

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The reference image.")
    private Path first;

    @Parameters(index = "1", paramLabel = "B", description = "The image compared with it.")
    private Path second;

    @Option(names = "--straight",
            description = "Compare raw colour values, also under alpha 0 (default: premultiplied by alpha).")
    private boolean straight;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Option(names = "--psnr-min", paramLabel = "DB", description = "Fail unless PSNR >= DB.")
    private Double psnrMin;

    @Option(names = "--ssim-min", paramLabel = "V", description = "Fail unless SSIM >= V.")
    private Double ssimMin;

    @Option(names = "--de-mean-max", paramLabel = "DE", description = "Fail unless mean CIEDE2000 <= DE.")
    private Double deMeanMax;

    @Option(names = "--de-max", paramLabel = "DE", description = "Fail unless max CIEDE2000 <= DE.")
    private Double deMax;

    @Option(names = "--gate", paramLabel = "NAME",
            description = "A named set of gates: ${COMPLETION-CANDIDATES} (PSNR >= 32 dB and SSIM >= 0.92).")
    private GatePreset gate;

    @Option(names = "--diff", paramLabel = "OUT.png",
            description = "Write a heat map of the per-pixel CIEDE2000, with a legend.")
    private Path diff;

    @Option(names = "--diff-max", paramLabel = "DE", converter = Values.Positive.class,
            description = "Top of the heat map's scale (default: the max difference, rounded up).")
    private Double diffMax;

    @Mixin
    private InputOptions input;

    /** The gates the options ask for, in a fixed order. */
    List<Gate> gates() {
        List<Gate> g = new ArrayList<>();
        if (gate == GatePreset.study) {
            g.add(Gate.psnrMin(32));
            g.add(Gate.ssimMin(0.92));
        }
        if (psnrMin != null) {
            g.add(Gate.psnrMin(psnrMin));
        }
        if (ssimMin != null) {
            g.add(Gate.ssimMin(ssimMin));
        }
        if (deMeanMax != null) {
            g.add(Gate.deltaEMeanMax(deMeanMax));
        }
        if (deMax != null) {
            g.add(Gate.deltaEMax(deMax));
        }
        return g;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Image a = load(first);
            Image b = load(second);
            Comparison c = Compare.of(a, b, straight, EnumSet.allOf(Metric.class));
            List<Gate.Result> results = new ArrayList<>();
            for (Gate g : gates()) {
                results.add(g.check(c));
            }
            if (diff != null) {
                double top = diffMax != null ? diffMax : ErrorHeatMap.niceScale(c.deltaEMax());
                Encoders.save(ErrorHeatMap.image(a, b, straight, top), diff, PngOptions.png());
            }
            out.print(json ? ComparisonReport.json(first.toString(), second.toString(), c, results) + "\n"
                    : ComparisonReport.table(first.toString(), second.toString(), c, results));
            out.flush();
            return results.stream().allMatch(Gate.Result::pass) ? 0 : 1;
        } catch (LaminaException e) {
            err.println("lamina compare: " + e.getMessage());
        } catch (RuntimeException e) {
            // A loader or codec that let a foreign exception escape: still an error, still one line.
            err.println("lamina compare: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        err.flush();
        return 2;
    }

    private Image load(Path p) {
        try {
            Image img = loader.apply(p, input.load());
            if (img == null) {
                throw new LaminaException(LaminaException.Kind.IO, p + ": could not be read");
            }
            return img;
        } catch (LaminaException e) {
            throw e.withSubject(p.toString());
        }
    }
}
