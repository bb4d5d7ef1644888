package dev.lamina.recipe;

import dev.lamina.model.BlendMode;
import dev.lamina.model.FillRule;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.model.Paint;
import dev.lamina.model.Stroke;
import dev.lamina.model.ThumbnailOptions.Fit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The JSON form and the builder make the same tree; schema errors name the path and what was expected. */
class RecipeParserTest {

    static final String EVERY_KIND = """
            {"version": 1,
             "canvas": {"width": 400, "height": 300, "background": "#102030"},
             "layers": [
               {"type": "fill", "paint": {"radial": {"cx": 200, "cy": 150, "r": 180, "spread": "reflect",
                 "stops": [{"offset": 0, "color": "#ffffff"}, {"offset": 1, "color": "#0066cc80"}]}}},
               {"type": "image", "id": "photo", "asset": "photo", "gravity": "south-east", "x": -10, "y": -12,
                "width": 200, "height": 120, "fit": "cover", "kernel": "mitchell", "crop": {"x": 1, "y": 2, "width": 50, "height": 40},
                "rotate": 12.5, "flip": true, "blend": "multiply", "opacity": 0.75,
                "clip": {"rect": {"x": 0, "y": 0, "width": 100, "height": 80, "radius": [4, 8, 12, 16]}},
                "effects": [{"type": "shadow", "dx": 3, "dy": 4, "sigma": 5, "color": "#222222", "opacity": 0.4, "spread": 1},
                            {"type": "glow", "sigma": 2}, {"type": "outline", "width": 2, "color": "#ff0000"}, {"type": "blur", "sigma": 0.7}]},
               {"type": "shape", "shape": {"path": "M10 10 L90 10 L50 80 Z"}, "fillRule": "evenodd", "fill": "#00ff00",
                "stroke": {"width": 3, "paint": "#000000", "join": "round", "cap": "square", "miterLimit": 2, "dashes": [4, 2], "dashOffset": 1}},
               {"type": "group", "blend": "screen", "mask": {"source": "logo", "mode": "luminance", "invert": true},
                "layers": [{"type": "shape", "shape": {"ellipse": {"cx": 50, "cy": 60, "rx": 30, "ry": 20}}, "fill": "#ff000080"}]},
               {"type": "tile", "opacity": 0.2, "spacing": [40, 30], "offset": [5, 6], "rotate": -30,
                "layer": {"type": "text", "text": "DRAFT", "font": "DejaVu Sans Bold", "size": 24, "color": "#ffffff",
                          "align": "center", "lineHeight": 1.5, "letterSpacing": 2, "wrapWidth": 300}},
               {"type": "shape", "shape": {"polygon": [0, 0, 10, 0, 5, 8]}, "fill": "#000000",
                "mask": {"ref": "photo"}},
               {"type": "shape", "shape": {"rect": {"x": 1, "y": 2, "width": 3, "height": 4}}, "fill": "#000000",
                "mask": {"layer": {"type": "fill", "paint": "#ffffff"}}}
             ]}
            """;

    @Test
    void builderTreeEqualsParsedTree() {
        Paint.Radial radial = new Paint.Radial(200, 150, 180, java.util.List.of(Paint.stop(0, 0xffffff),
                Paint.stop(1, 0x0066cc, 0x80 / 255.0)), Paint.Spread.REFLECT);
        Recipe built = Recipe.of(Recipe.Canvas.of(400, 300, Paint.solid(0x102030)),
                Node.fill(radial),
                Node.image("photo").gravity(Gravity.SOUTH_EAST, -10, -12).size(200, 120, Fit.COVER).kernel(Kernel.MITCHELL)
                        .crop(1, 2, 50, 40).rotate(12.5).flip(true, false)
                        .id("photo").blend(BlendMode.MULTIPLY).opacity(0.75)
                        .clip(new Geometry.Rect(0, 0, 100, 80, java.util.List.of(4.0, 8.0, 12.0, 16.0)))
                        .effect(new Effect.DropShadow(3, 4, 5, 0x222222, 0.4, 1))
                        .effect(new Effect.Glow(2, 0xffffff, 0.8, 0))
                        .effect(Effect.outline(2, 0xff0000, 1))
                        .effect(Effect.blur(0.7)),
                Node.shape(Geometry.path("M10 10 L90 10 L50 80 Z")).fillRule(FillRule.EVEN_ODD).fill(Paint.solid(0x00ff00))
                        .stroke(new StrokeStyle(3, Paint.solid(0), Stroke.Join.ROUND, Stroke.Cap.SQUARE, 2, java.util.List.of(4.0, 2.0), 1)),
                Node.group(Node.shape(Geometry.ellipse(50, 60, 30, 20)).fill(Paint.solid(0xff0000, 0x80 / 255.0)))
                        .blend(BlendMode.SCREEN).mask(Mask.asset("logo").luminance().inverted()),
                Node.tile(Node.text("DRAFT").font("DejaVu Sans Bold", 24).colour(Paint.solid(0xffffff)).align(Node.Align.CENTER)
                                .lineHeight(1.5).letterSpacing(2).wrap(300))
                        .spacing(40, 30).offset(5, 6).rotate(-30).opacity(0.2),
                Node.shape(Geometry.polygon(0, 0, 10, 0, 5, 8)).fill(Paint.solid(0)).mask(Mask.ref("photo")),
                Node.shape(Geometry.rect(1, 2, 3, 4)).fill(Paint.solid(0)).mask(Mask.layer(Node.fill(Paint.solid(0xffffff)))));
        Recipe parsed = RecipeParser.parse(EVERY_KIND);
        for (int i = 0; i < built.layers().size(); i++) {
            assertEquals(built.layers().get(i), parsed.layers().get(i), "layer " + i);
        }
        assertEquals(built, parsed);
    }

    @Test
    void defaultsAreTheBuildersDefaults() {
        Recipe parsed = RecipeParser.parse("""
                {"version": 1, "canvas": {"width": 10, "height": 10},
                 "layers": [{"type": "image", "asset": "a"}, {"type": "text", "text": "hi"}]}""");
        assertEquals(Recipe.of(Recipe.Canvas.transparent(10, 10), Node.image("a"), Node.text("hi")), parsed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no version                | {"canvas": {"width": 1, "height": 1}, "layers": []}                                   | : required property 'version' not found
            version 2                 | {"version": 2, "canvas": {"width": 1, "height": 1}, "layers": []}                     | version: this Lamina reads recipes of version 1, not 2
            canvas width a string     | {"version": 1, "canvas": {"width": "x", "height": 1}, "layers": []}                   | canvas.width: string found, integer expected
            unknown layer type        | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "video"}]}    | layers[0].type: does not have a value in the enumeration
            opacity above 1           | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "fill", "paint": "#fff000", "opacity": 2}]} | layers[0].opacity: must have a maximum value of 1
            unknown field             | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "fill", "paint": "#fff000", "colour": 1}]} | layers[0]: property 'colour' is not defined in the schema
            bad colour                | {"version": 1, "canvas": {"width": 1, "height": 1, "background": "red"}, "layers": []} | canvas.background: does not match the regex pattern
            image without asset       | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "fill", "paint": "#000000"}, {"type": "image"}]} | layers[1]: required property 'asset' not found
            deep bad blend            | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "group", "layers": [{"type": "fill", "paint": "#000000", "blend": "burn"}]}]} | layers[0].layers[0].blend: does not have a value in the enumeration
            bad path data             | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "shape", "shape": {"path": "M10 20 L30,,40"}, "fill": "#000000"}]} | layers[0].shape.path: path data: expected a number
            odd polygon               | {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "shape", "shape": {"polygon": [1, 2, 3, 4, 5, 6, 7]}, "fill": "#000000"}]} | layers[0].shape.polygon: expected pairs of numbers
            shape with nothing to draw| {"version": 1, "canvas": {"width": 1, "height": 1}, "layers": [{"type": "shape", "shape": {"rect": {"x": 0, "y": 0, "width": 1, "height": 1}}}]} | layers[0]: a shape needs a "fill", a "stroke" or both
            not json                  | {"version": 1,                                                                                  | recipe: not valid JSON
            """)
    void schemaErrorsNameThePathAndWhatWasExpected(String what, String json, String expected) {
        RecipeException e = assertThrows(RecipeException.class, () -> RecipeParser.parse(json));
        String message = e.getMessage();
        assertEquals(true, message.startsWith(expected.startsWith(":") ? "recipe" + expected : expected)
                        || message.contains(expected), what + ": " + message);
    }
}
