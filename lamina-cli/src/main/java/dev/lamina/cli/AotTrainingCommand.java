package dev.lamina.cli;

import dev.lamina.model.Gravity;
import dev.lamina.model.JpegOptions;
import dev.lamina.model.Kernel;
import dev.lamina.Lamina;
import dev.lamina.LaminaImage;
import dev.lamina.Layer;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The training run of bin/lamina's ahead-of-time cache (hidden from help): one process that goes
 * through the main paths, compositing to PNG, encoding and decoding JPEG at full and reduced
 * sizes, resizing, so the cache holds the classes and method profiles of each, not only of the
 * composite. Works on the bundled samples, in memory; writes nothing.
 */
@Command(name = "aot-training", hidden = true)
public final class AotTrainingCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SAMPLES", description = "the folder with background.png and watermark.png")
    Path samples;

    @Override
    public Integer call() {
        // Every command's model and the parse of the usual command lines, as a real run builds
        // them (LaminaCommand registers only the command a run names): the cache then holds
        // their classes too.
        String bg = samples.resolve("background.png").toString();
        String wm = samples.resolve("watermark.png").toString();
        for (String[] line : new String[][]{{"composite", bg, wm, "--gravity", "centre", "-o", "out.png"},
                {"thumbnail", "--size", "256", "--quality", "85", "-o", "%s.jpg", bg, wm},
                {"resize", bg, "--width", "300", "-o", "out.jpg"}, {"convert", bg, "-o", "out.webp"}}) {
            LaminaCommand.commandLine(line).parseArgs(line);
        }
        LaminaCommand.commandLine(new String[0]);
        LaminaImage background = Lamina.open(samples.resolve("background.png"));
        LaminaImage watermark = Lamina.open(samples.resolve("watermark.png"));
        byte[] png = background.composite(Layer.of(watermark).gravity(Gravity.CENTRE)).encode(PngOptions.png());
        byte[] jpeg = Lamina.open(png, "composite.png").encode(JpegOptions.jpeg().quality(85));
        for (int edge : new int[]{64, 150, 300}) {   // shrink on load at 1/4, 1/2 and none
            Lamina.thumbnail(jpeg, "composite.jpg", ThumbnailOptions.edge(edge), LoadOptions.defaults())
                    .encode(JpegOptions.jpeg().quality(85));
        }
        Lamina.open(png, "composite.png").resize(300, 200, Kernel.LANCZOS3).encode(PngOptions.png());
        return 0;
    }
}
