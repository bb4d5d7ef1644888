package dev.lamina;

/**
 * A problem with the input or the request, stated for a person: it names the input (a file, a
 * stream, a layer) and what is wrong with it. Everything Lamina rejects on purpose is reported
 * with this type, so callers can show {@link #getMessage()} as it is and never a stack trace.
 *
 * <p>This class and the other value types of this package depend on nothing else in Lamina;
 * they are the vocabulary every layer shares.
 */
public class LaminaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LaminaException(String message) {
        super(message);
    }

    public LaminaException(String message, Throwable cause) {
        super(message, cause);
    }

    /** This error with {@code what} (for example a file name) put in front of the message. */
    public LaminaException withSubject(String what) {
        if (getMessage() != null && getMessage().startsWith(what + ":")) {
            return this;
        }
        return new LaminaException(what + ": " + getMessage(), this);
    }
}
