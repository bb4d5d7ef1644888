package dev.lamina.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.server.ServerConfig;
import dev.lamina.server.http.Multipart;
import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Request;
import dev.lamina.server.http.Route;
import dev.lamina.server.render.Preset;
import dev.lamina.server.render.RenderService;
import dev.lamina.server.sign.UrlSigner;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/render} (a JSON recipe, or multipart/form-data with the recipe in a part named
 * {@code recipe} and inline images in parts named as the recipe refers to them) and
 * {@code GET /v1/render/{preset}} (signed URLs for CDNs). Output format and quality by the
 * {@code format} and {@code quality} parameters, else the preset's, else by {@code Accept}.
 */
public final class RenderApi {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RenderService renders;
    private final ServerConfig config;
    private final UrlSigner signer;
    private final Auth auth;

    public RenderApi(RenderService renders, ServerConfig config) {
        this.renders = renders;
        this.config = config;
        this.signer = new UrlSigner(config.keys());
        this.auth = new Auth(config.tokens());
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/v1/render", this::post),
                new Route("GET", "/v1/render/{preset}", this::preset));
    }

    private void post(Request request) throws Exception {
        auth.check(request);
        byte[] body = request.readBody(config.limits().bodyBytes(), config.limits().bodyTimeout());
        String contentType = request.header("Content-Type");
        String boundary = Multipart.boundary(contentType);
        byte[] recipe;
        Map<String, byte[]> inline;
        long held;
        if (boundary != null) {
            Map<String, byte[]> parts = new HashMap<>(Multipart.parse(body, boundary));
            recipe = parts.remove("recipe");
            if (recipe == null) {
                throw Problem.badRequest("a multipart render needs a part named 'recipe' with the JSON recipe", "recipe");
            }
            inline = parts;
            held = 2L * body.length;   // the body and its parts
        } else {
            if (contentType != null && !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                throw new Problem(415, "unsupported-media-type", "Unsupported media type",
                        "send the recipe as application/json, or multipart/form-data with inline images")
                        .with("field", "Content-Type");
            }
            recipe = body;
            inline = Map.of();
            held = body.length;
        }
        RenderService.Output out = renders.render(request, new RenderService.Job(recipe, inline,
                request.query().get("format"), request.query().get("quality"), null, null, "post", held));
        // A render changes nothing on the server; POST only carries a recipe too long for a URL.
        // So a matching If-None-Match gets 304 here too, as on GET (docs/decisions.md).
        respond(request, out, "private, no-cache");
    }

    private void preset(Request request) throws Exception {
        String name = request.param("preset");
        Preset preset = config.presets().get(name);
        if (preset == null) {
            throw Problem.notFound("no preset named '" + name + "'").with("field", "preset");
        }
        long now = System.currentTimeMillis() / 1000;
        boolean signed = request.query().get("sig") != null;
        if (signed || !config.development()) {
            signer.verify(request.rawPath(), request.query(), now);
        }
        byte[] recipe = JSON.writeValueAsBytes(preset.expand(request.query()));
        RenderService.Output out = renders.render(request, new RenderService.Job(recipe, Map.of(),
                request.query().get("format"), request.query().get("quality"), preset.format(), preset.quality(),
                "preset:" + name, recipe.length));
        long maxAge = config.maxAgeSeconds();
        String expires = request.query().get("expires");
        if (expires != null) {
            maxAge = Math.max(0, Math.min(maxAge, Long.parseLong(expires) - now));
        }
        respond(request, out, "public, max-age=" + maxAge);
    }

    private static void respond(Request request, RenderService.Output out, String cacheControl) throws IOException {
        request.header("ETag", out.etag());
        request.header("Cache-Control", cacheControl);
        if (out.negotiated()) {
            request.header("Vary", "Accept");
        }
        if (out.notModified()) {
            request.sendEmpty(304);
        } else {
            request.send(200, out.mediaType(), out.bytes());
        }
    }
}
