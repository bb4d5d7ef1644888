package dev.lamina.server.http;

import dev.lamina.model.LaminaException;

import java.util.function.UnaryOperator;

/**
 * The status of each {@link LaminaException.Kind}. The engine's messages name the input and the
 * problem and carry no Java text, so they become the detail as they are (after the store's folder
 * is taken out of them); an I/O or internal fault is the server's, and its detail says only that.
 */
public final class Problems {
    private Problems() {
    }

    public static Problem of(LaminaException e, UnaryOperator<String> sanitise) {
        String detail = sanitise.apply(e.getMessage() == null ? "" : e.getMessage());
        return switch (e.kind()) {
            case BAD_INPUT -> new Problem(400, "bad-input", "Bad input", detail);
            case UNSUPPORTED -> new Problem(415, "unsupported", "Unsupported media type", detail);
            case LIMIT_EXCEEDED -> new Problem(413, "limit-exceeded", "Content too large", detail);
            case DEADLINE_EXCEEDED -> new Problem(504, "deadline-exceeded", "Render deadline exceeded",
                    "the render did not finish within its deadline and was stopped");
            case CANCELLED -> new Problem(503, "cancelled", "Service unavailable",
                    "the render was cancelled (the server is shutting down)").header("Retry-After", "1");
            case IO -> new Problem(500, "storage", "Internal server error", "the server could not read or write its storage");
            case INTERNAL -> new Problem(500, "internal", "Internal server error", "an internal error occurred in the engine");
        };
    }
}
