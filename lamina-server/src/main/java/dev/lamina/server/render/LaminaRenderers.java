package dev.lamina.server.render;

/** Which {@link RecipeRenderer} the service uses: lamina-recipe's layer trees. */
public final class LaminaRenderers {
    private LaminaRenderers() {
    }

    public static RecipeRenderer recipes() {
        return new LayerTreeRecipes();
    }
}
