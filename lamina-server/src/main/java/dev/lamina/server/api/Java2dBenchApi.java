package dev.lamina.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamina.server.ServerConfig;
import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Request;
import dev.lamina.server.http.Route;
import dev.lamina.server.render.Admission;
import dev.lamina.server.store.AssetInfo;
import dev.lamina.server.store.AssetStore;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The benchmark's Java2D peer, inside the same server (only with {@code benchmarkRoutes}): the
 * collage subset of a recipe (a canvas of an asset's size or a colour, image layers at x/y) done the way a Java
 * team writes it: assets decoded once with ImageIO and kept as BufferedImages, each request drawing
 * them with Graphics2D onto a fresh canvas and writing a JPEG with ImageIO. Same admission queue
 * as Lamina's renders; the drawing runs on the request's thread (Java2D has no pool of its own).
 */
public final class Java2dBenchApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final AssetStore store;
    private final ServerConfig.Limits limits;
    private final Admission admission;
    private final Map<String, BufferedImage> decoded = new ConcurrentHashMap<>();

    public Java2dBenchApi(AssetStore store, ServerConfig.Limits limits, Admission admission) {
        this.store = store;
        this.limits = limits;
        this.admission = admission;
    }

    public List<Route> routes() {
        return List.of(new Route("POST", "/v1/bench/java2d", this::collage));
    }

    private void collage(Request request) throws Exception {
        JsonNode recipe = JSON.readTree(request.readBody(limits.bodyBytes(), limits.bodyTimeout()));
        float quality = request.query().get("quality") == null ? 0.8f : Integer.parseInt(request.query().get("quality")) / 100f;
        try (Admission.Slot slot = admission.enter(request.startNanos() + limits.deadline().toNanos())) {
            // the collage subset of a recipe: a canvas (an asset's size, or a size and a colour)
            // and image layers drawn at x, y
            JsonNode c = recipe.path("canvas");
            BufferedImage canvas;
            if (c.has("asset")) {
                BufferedImage src = image(c.get("asset").asText());
                canvas = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            } else {
                canvas = new BufferedImage(c.path("width").asInt(), c.path("height").asInt(), BufferedImage.TYPE_INT_RGB);
            }
            Graphics2D g = canvas.createGraphics();
            String bg = c.path("background").asText("ffffff").replace("#", "");
            g.setColor(new Color(Integer.parseInt(bg.substring(0, 6), 16)));
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            for (JsonNode layer : recipe.path("layers")) {
                if (layer.path("type").asText().equals("image")) {
                    g.drawImage(image(layer.path("asset").asText()), layer.path("x").asInt(), layer.path("y").asInt(), null);
                }
            }
            g.dispose();
            request.send(200, "image/jpeg", jpeg(canvas, quality));
        }
    }

    private BufferedImage image(String id) throws IOException {
        AssetInfo info = store.info(id);
        if (info == null) {
            throw Problem.assetNotFound(id, "asset");
        }
        BufferedImage img = decoded.get(id + ":" + info.version());
        if (img == null) {
            img = ImageIO.read(store.file(id).toFile());
            decoded.put(id + ":" + info.version(), img);
        }
        return img;
    }

    private static byte[] jpeg(BufferedImage img, float quality) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(b)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return b.toByteArray();
    }
}
