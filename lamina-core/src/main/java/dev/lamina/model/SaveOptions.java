package dev.lamina.model;

/** Options of one output format: {@link PngOptions}, {@link JpegOptions}, {@link TiffOptions} or {@link WebpOptions}. */
public sealed interface SaveOptions permits PngOptions, JpegOptions, TiffOptions, WebpOptions {
}
