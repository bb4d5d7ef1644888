package dev.lamina.cli;

import dev.lamina.Limits;
import dev.lamina.LoadOptions;
import picocli.CommandLine.Option;

/** Options that govern reading inputs, shared by every command that reads images. */
final class InputOptions {
    @Option(names = "--limit-pixels", paramLabel = "N", converter = Values.PixelLimit.class,
            description = "refuse inputs with more pixels than this (default 268402689)")
    long limitPixels = Limits.DEFAULT_MAX_PIXELS;

    @Option(names = "--no-auto-orient", description = "keep JPEGs as stored instead of turning them upright (EXIF)")
    boolean noAutoOrient;

    LoadOptions load() {
        return LoadOptions.defaults().limits(Limits.defaults().maxPixels(limitPixels)).autoOrient(!noAutoOrient);
    }
}
