package dev.lamina.recipe;

import dev.lamina.model.LaminaException;

/**
 * A recipe that cannot be rendered, found before anything is drawn: the JSON path at fault and what
 * was expected ({@code layers[2].mask.source: no such asset "logo2"}). {@link #problem()} says
 * which kind, so that a service can answer 400, 404, 413 or 422.
 */
public final class RecipeException extends LaminaException {
    /** What kind of fault. */
    public enum Problem {
        /** Not JSON at all. */
        SYNTAX,
        /** JSON, but not a recipe of this version: the schema or a rule of the language. */
        INVALID,
        /** An asset or a font that the recipe names does not exist. */
        NOT_FOUND,
        /** Over a limit (sizes, sigmas, nesting, text length, pixels, memory). */
        TOO_LARGE
    }

    private final Problem problem;
    private final String path;
    private final String detail;

    public RecipeException(Problem problem, String path, String detail) {
        super(problem == Problem.TOO_LARGE ? Kind.LIMIT_EXCEEDED : Kind.BAD_INPUT,
                (path == null || path.isEmpty() ? "recipe" : path) + ": " + detail);
        this.problem = problem;
        this.path = path == null ? "" : path;
        this.detail = detail;
    }

    public Problem problem() {
        return problem;
    }

    /** The JSON path at fault, such as {@code layers[2].mask.source}; empty for the whole recipe. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String detail() {
        return detail;
    }
}
