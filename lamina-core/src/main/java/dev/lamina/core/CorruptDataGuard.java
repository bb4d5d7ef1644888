package dev.lamina.core;

import dev.lamina.model.LaminaException;

import java.util.function.Supplier;

/**
 * The decoders' last resort: anything thrown but a {@link LaminaException} becomes one that names
 * the input ({@code "photo.jpg: corrupt JPEG data"}). The decoders check what they read and say
 * what is wrong where they find it; this catches damage that reaches an unchecked place, so no
 * exception's class name ever reaches a user (the cause is kept for LAMINA_DEBUG traces).
 */
public final class CorruptDataGuard {
    private CorruptDataGuard() {
    }

    /** Runs {@code work}; {@code format} names the kind of data in the message ("JPEG", "WebP"). */
    public static <T> T run(String name, String format, Supplier<T> work) {
        try {
            return work.get();
        } catch (LaminaException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, name + ": corrupt " + format + " data", e);
        }
    }

    /** {@code rows} with every row decoded under {@link #run}. */
    public static RowDecoder rows(String name, String format, RowDecoder rows) {
        return new RowDecoder() {
            @Override
            public void decodeRow(Region dst, int y) {
                run(name, format, () -> {
                    rows.decodeRow(dst, y);
                    return null;
                });
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }
}
