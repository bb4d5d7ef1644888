package dev.lamina.recipe;

import dev.lamina.model.Limits;

/**
 * What a recipe may ask for, checked before anything is drawn. The defaults are safe for a service
 * that takes recipes from strangers; every one can be raised.
 *
 * @param core          core's limits: the pixel limit applies to the canvas and to every image a
 *                      layer makes; the memory budget to the estimate of what the render holds whole
 * @param maxNesting    groups, tiles and inline masks inside each other (default 16)
 * @param maxLayers     layers in the whole tree, masks' layers included (default 256)
 * @param maxTextLength characters of all text layers together (default 10,000)
 * @param maxSigma      blur, shadow and glow sigma in pixels (default 250; core's hard limit is 500)
 * @param maxWorkPixels the pixels of all the intermediate images of the tree added up: the work a
 *                      render may cost (default 64 x 16 million)
 */
public record RecipeLimits(Limits core, int maxNesting, int maxLayers, int maxTextLength, double maxSigma,
                           long maxWorkPixels) {

    public static RecipeLimits defaults() {
        return new RecipeLimits(Limits.defaults(), 16, 256, 10_000, 250, 64L << 24);
    }

    public RecipeLimits core(Limits l) {
        return new RecipeLimits(l, maxNesting, maxLayers, maxTextLength, maxSigma, maxWorkPixels);
    }

    public RecipeLimits maxNesting(int n) {
        return new RecipeLimits(core, n, maxLayers, maxTextLength, maxSigma, maxWorkPixels);
    }

    public RecipeLimits maxLayers(int n) {
        return new RecipeLimits(core, maxNesting, n, maxTextLength, maxSigma, maxWorkPixels);
    }

    public RecipeLimits maxTextLength(int n) {
        return new RecipeLimits(core, maxNesting, maxLayers, n, maxSigma, maxWorkPixels);
    }

    public RecipeLimits maxSigma(double s) {
        return new RecipeLimits(core, maxNesting, maxLayers, maxTextLength, s, maxWorkPixels);
    }

    public RecipeLimits maxWorkPixels(long n) {
        return new RecipeLimits(core, maxNesting, maxLayers, maxTextLength, maxSigma, n);
    }
}
