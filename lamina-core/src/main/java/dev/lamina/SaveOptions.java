package dev.lamina;

/** Options of one output format: {@link PngOptions} or {@link JpegOptions}. */
public sealed interface SaveOptions permits PngOptions, JpegOptions {
}
