package dev.lamina.server.render;

/** Which {@link RecipeRenderer} the service uses: the one line to change when lamina-recipe lands. */
public final class LaminaRenderers {
    private LaminaRenderers() {
    }

    public static RecipeRenderer recipes() {
        return new InterimRecipe();
    }
}
