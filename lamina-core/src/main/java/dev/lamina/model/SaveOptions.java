package dev.lamina.model;

/** Options of one output format: {@link PngOptions}, {@link JpegOptions} or {@link TiffOptions}. */
public sealed interface SaveOptions permits PngOptions, JpegOptions, TiffOptions {
}
