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
