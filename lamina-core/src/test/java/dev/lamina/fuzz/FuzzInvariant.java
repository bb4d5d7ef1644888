package dev.lamina.fuzz;

import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.core.Image;
import dev.lamina.core.StripSink;

import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What every fuzz target holds Lamina to: any input either decodes (all its pixels pulled) or fails
 * with a {@link LaminaException} whose kind is not INTERNAL and whose message names the input and
 * shows no Java class name; anything else (another exception, an error such as running out of
 * memory) is a finding. Memory is bounded by running under a small memory budget, {@link #LIMITS},
 * in a JVM with a modest heap (bin/fuzz: 512 MB; the regression replay: 256 MB), so an input that
 * makes Lamina allocate beyond the budget shows up as an {@link OutOfMemoryError}.
 *
 * <p>New targets (the recipe parser, the HTTP request handling) call {@link #check} or
 * {@link #decode} from a class named {@code *Fuzzer} with a {@code @FuzzTest} method and a static
 * {@code fuzzerTestOneInput(byte[])}, and add the class to bin/fuzz (docs/robustness.md).
 */
public final class FuzzInvariant {
    /** The name inputs are given, which every message must start with. */
    public static final String NAME = "fuzz-input";

    /**
     * Small enough that one execution takes milliseconds (4 megapixels) and that the budget, not the
     * heap, is what refuses a large buffer (64 MiB in a heap of 256-512 MB).
     */
    public static final Limits LIMITS = Limits.defaults().maxPixels(1 << 22).maxMemoryBytes(64L << 20);

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(java|javax|jdk|sun|dev\\.lamina)\\.[a-z]"
            + "|[A-Z][A-Za-z]*(Exception|Error)\\b");

    private FuzzInvariant() {
    }

    /** Opens with {@code open}, pulls every pixel, and checks the invariant. */
    public static void decode(Supplier<Image> open) {
        outcome(open);
    }

    /**
     * {@link #decode}, telling how it ended: null when every pixel came, else the kind of the
     * LaminaException (which has been checked).
     */
    public static LaminaException.Kind outcome(Supplier<Image> open) {
        try {
            StripSink.run(open.get(), strip -> { });
            return null;
        } catch (LaminaException e) {
            check(() -> {
                throw e;
            });
            return e.kind();
        }
    }

    /** Runs {@code work} and checks the invariant on what it throws. */
    public static void check(Runnable work) {
        try {
            work.run();
        } catch (LaminaException e) {
            String m = e.getMessage();
            if (e.kind() == LaminaException.Kind.INTERNAL) {
                throw new AssertionError("internal error: " + m, e);
            }
            if (m == null || !m.startsWith(NAME + ": ")) {
                throw new AssertionError("the message does not name the input: " + m, e);
            }
            if (CLASS_NAME.matcher(m).find()) {
                throw new AssertionError("the message shows a class name: " + m, e);
            }
        }
    }
}
