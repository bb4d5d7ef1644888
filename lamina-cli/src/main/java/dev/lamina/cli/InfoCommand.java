package dev.lamina.cli;

import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lamina info FILE...}: size, bands, format and metadata, read from the header only. Every
 * file is reported; one that cannot be read gets one line on standard error, the others are still
 * reported, and the exit status is 1 if any failed.
 */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Prints size, bands, sample format and metadata of images.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    java.util.List<Path> files;

    @Mixin
    InputOptions input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadOptions load = input.load().autoOrient(false);   // report the file as stored
        int failed = 0;
        for (Path f : files) {
            try {
                report(f, Lamina.open(f, load), out);
            } catch (LaminaException e) {
                failed++;
                out.flush();
                err.println("lamina: " + e.getMessage());
                err.flush();
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static void report(Path f, LaminaImage image, PrintWriter out) {
        Metadata m = image.metadata();
        long bytes;
        try {
            bytes = Files.size(f);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, f + ": cannot read its size: " + e.getMessage(), e);
        }
        out.printf("%s%n", f);
        out.printf("  size         %d x %d%n", image.width(), image.height());
        out.printf("  file         %d bytes%n", bytes);
        out.printf("  bands        %d (%s%s)%n", image.bands(), image.colourSpace(), image.hasAlpha() ? " + alpha" : "");
        out.printf("  format       %s%n", image.sampleFormat());
        if (m.pages() > 1) {
            out.printf("  pages        %d (the first is shown)%n", m.pages());
        }
        if (m.orientation() != 1) {
            out.printf("  orientation  %d (EXIF; applied on load unless --no-auto-orient)%n", m.orientation());
        }
        if (m.exif() != null) {
            out.printf("  exif         %d bytes%n", m.exif().length);
        }
        if (m.xmp() != null) {
            out.printf("  xmp          %d bytes%n", m.xmp().length);
        }
        if (m.iccProfile() != null) {
            out.printf("  icc          %d bytes%s%n", m.iccProfile().length,
                    m.iccName() == null ? "" : " \"" + m.iccName() + "\"");
        }
        if (m.gamma() > 0) {
            out.printf("  gamma        %.5f%n", m.gamma() / 100000.0);
        }
        if (m.srgbIntent() >= 0) {
            out.printf("  srgb         rendering intent %d%n", m.srgbIntent());
        }
        if (m.density() != null) {
            Metadata.Density d = m.density();
            out.printf("  density      %d x %d %s%n", d.pixelsPerUnitX(), d.pixelsPerUnitY(),
                    d.metre() ? String.format("px/m (%.0f x %.0f dpi)", d.pixelsPerUnitX() * 0.0254,
                            d.pixelsPerUnitY() * 0.0254) : "(aspect only)");
        }
        for (Metadata.Text t : m.texts()) {
            out.printf("  text         %s: %s%n", t.keyword(), t.text().replace("\n", " "));
        }
    }
}
