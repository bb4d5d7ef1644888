/**
 * Lamina's engine. Only the API package is exported to everyone; the engine's families are open
 * to Lamina's own sibling modules (the float64 reference, the command line, the service and the
 * bench).
 */
module dev.lamina.core {
    // Only dev.lamina.awt (BufferedImage in and out) and the legend of the metrics' error heat map
    // use java.awt: an application that uses neither need not have java.desktop.
    requires static java.desktop;
    // The JDK's incubating Vector API, for the kernels with a vector form (dev.lamina.simd.Vectors):
    // read when the JVM resolves it (--add-modules jdk.incubator.vector), not needed otherwise.
    requires static jdk.incubator.vector;

    exports dev.lamina;
    exports dev.lamina.model;
    exports dev.lamina.awt;
    exports dev.lamina.core to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.composite to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.conversion to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.metadata to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.png to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.jpeg to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.tiff to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.webp to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.webp.lossy to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.codec.webp.lossless to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.metrics to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.colour to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.geometry to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.thumbnail to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.resample to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.draw to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
    exports dev.lamina.convolution to dev.lamina.reference, dev.lamina.cli, dev.lamina.bench;
}
