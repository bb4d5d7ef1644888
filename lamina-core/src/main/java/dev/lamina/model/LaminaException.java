package dev.lamina.model;

/**
 * A problem with the input or the request, stated for a person: it names the input (a file, a
 * stream, a layer) and what is wrong with it, and contains no command-line wording (the command
 * line adds its own hints, such as the flag that raises a limit). Everything Lamina rejects on
 * purpose is reported with this type, so callers can show {@link #getMessage()} as it is and never
 * a stack trace.
 *
 * <p>Every error has a {@link Kind}, so a service can answer with the right status (bad input 400,
 * unsupported 415, limit exceeded 413, deadline 504...) without reading messages.
 *
 * <p>This class and the other value types of this package depend on nothing else in Lamina;
 * they are the vocabulary every layer shares. Immutable and safe to share between threads.
 *
 * <p>Thread-safe once thrown: its kind and message never change.
 */
public class LaminaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that act on it. */
    public enum Kind {
        /** The input or the request is wrong: corrupt data, an invalid option or argument. */
        BAD_INPUT,
        /** Valid, but not something Lamina does (a format, a variant of one, an operation). */
        UNSUPPORTED,
        /** Over a limit (pixels, bytes, layers, memory): refused before the work or memory was spent. */
        LIMIT_EXCEEDED,
        /** Reading or writing failed: a missing file, a full disk, a broken stream. */
        IO,
        /** The caller cancelled the run. */
        CANCELLED,
        /** The run passed its deadline. */
        DEADLINE_EXCEEDED,
        /** A fault of Lamina's own: never the caller's doing. */
        INTERNAL
    }

    private final Kind kind;

    public LaminaException(Kind kind, String message) {
        this(kind, message, null);
    }

    public LaminaException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** A {@link Kind#BAD_INPUT} error. */
    public static LaminaException badInput(String message) {
        return new LaminaException(Kind.BAD_INPUT, message);
    }

    /** A {@link Kind#UNSUPPORTED} error. */
    public static LaminaException unsupported(String message) {
        return new LaminaException(Kind.UNSUPPORTED, message);
    }

    /** A {@link Kind#LIMIT_EXCEEDED} error. */
    public static LaminaException limit(String message) {
        return new LaminaException(Kind.LIMIT_EXCEEDED, message);
    }

    /** An {@link Kind#IO} error. */
    public static LaminaException io(String message, Throwable cause) {
        return new LaminaException(Kind.IO, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** This error with {@code what} (for example a file name) put in front of the message; same kind. */
    public LaminaException withSubject(String what) {
        if (getMessage() != null && getMessage().startsWith(what + ":")) {
            return this;
        }
        return new LaminaException(kind, what + ": " + getMessage(), this);
    }
}
