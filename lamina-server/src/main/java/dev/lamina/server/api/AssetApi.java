package dev.lamina.server.api;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.PngOptions;
import dev.lamina.model.ThumbnailOptions;
import dev.lamina.server.ServerConfig;
import dev.lamina.server.http.Problem;
import dev.lamina.server.http.Request;
import dev.lamina.server.http.Route;
import dev.lamina.server.store.AssetCache;
import dev.lamina.server.store.AssetInfo;
import dev.lamina.server.store.AssetStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/assets}: upload (validated, then stored atomically), download, describe, delete and
 * list. An upload is accepted only when the engine opens it (its format recognised by content),
 * its header is within the pixel limit (checked before any pixel is decoded), and it decodes to
 * the end (a reduced decode: a 16-pixel thumbnail, which reads every byte of the file).
 */
public final class AssetApi {
    private final AssetStore store;
    private final AssetCache cache;
    private final ServerConfig.Limits limits;
    private final LoadOptions load;
    private final Execution pool;
    private final Auth auth;

    public AssetApi(AssetStore store, AssetCache cache, ServerConfig config, LoadOptions load, Execution pool) {
        this.store = store;
        this.cache = cache;
        this.limits = config.limits();
        this.load = load;
        this.pool = pool;
        this.auth = new Auth(config.tokens());
    }

    public List<Route> routes() {
        return List.of(
                new Route("GET", "/v1/assets", this::list),
                new Route("PUT", "/v1/assets/{id}", this::put),
                new Route("GET", "/v1/assets/{id}", this::get),
                new Route("HEAD", "/v1/assets/{id}", this::get),
                new Route("DELETE", "/v1/assets/{id}", this::delete));
    }

    private static String id(Request request) {
        String id = request.param("id");
        if (!AssetStore.ID.matcher(id).matches()) {
            throw Problem.badRequest("an asset id is 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or"
                    + " digit", "id");
        }
        request.log("asset", id);
        return id;
    }

    private void put(Request request) throws IOException {
        auth.check(request);
        String id = id(request);
        AssetInfo info;
        boolean existed = store.info(id) != null;
        try (AssetStore.Upload upload = store.begin(id)) {
            long n = request.copyBody(upload.out(), limits.bodyBytes(), limits.bodyTimeout());
            if (n == 0) {
                throw Problem.badRequest("the body is empty; send the image's bytes", "body");
            }
            upload.out().flush();
            int[] size = validate(upload, id, request);
            info = upload.commit(size[0], size[1]);
        }
        cache.invalidate(id);
        request.header("ETag", "\"" + info.version() + "\"");
        request.header("Location", "/v1/assets/" + id);
        request.sendJson(existed ? 200 : 201, describe(info));
    }

    /** Opens the upload (format, header, pixel limit) and decodes it to the end, small. */
    private int[] validate(AssetStore.Upload upload, String id, Request request) {
        String tmp = upload.file().toString();
        try {
            upload.out().flush();
            LaminaImage header = Lamina.open(upload.file(), load);
            long deadline = request.startNanos() + limits.deadline().toNanos();
            pool.timeout(Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))).run(() ->
                    Lamina.thumbnail(upload.file(), ThumbnailOptions.edge(16).enlarge(false), load).encode(PngOptions.png()));
            return new int[]{header.width(), header.height()};
        } catch (LaminaException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().replace(tmp, "upload of '" + id + "'")
                    .replace(upload.file().getFileName().toString(), "upload of '" + id + "'");
            throw new LaminaException(e.kind(), m);
        } catch (IOException e) {
            throw new LaminaException(LaminaException.Kind.IO, "upload of '" + id + "': cannot be written");
        }
    }

    private void get(Request request) throws IOException {
        String id = id(request);
        AssetInfo info = store.info(id);
        if (info == null) {
            throw Problem.assetNotFound(id, "id");
        }
        String etag = "\"" + info.version() + "\"";
        request.header("ETag", etag);
        request.header("Cache-Control", "no-cache");
        request.header("X-Image-Width", Integer.toString(info.width()));
        request.header("X-Image-Height", Integer.toString(info.height()));
        if (etag.equals(stripWeak(request.header("If-None-Match")))) {
            request.sendEmpty(304);
            return;
        }
        if (request.method().equals("HEAD")) {
            request.header("Content-Length", Long.toString(info.bytes()));
            request.send(200, info.mediaType(), new byte[0]);
            return;
        }
        try (InputStream in = Files.newInputStream(store.file(id))) {
            OutputStream out = request.stream(200, info.mediaType(), info.bytes());
            try (out) {
                // The file may have been replaced since info(): send exactly the length announced.
                long left = info.bytes();
                byte[] buf = new byte[64 * 1024];
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException("asset shrank while being sent");
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw Problem.assetNotFound(id, "id");
        }
    }

    private static String stripWeak(String tag) {
        return tag != null && tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private void delete(Request request) throws IOException {
        auth.check(request);
        String id = id(request);
        if (!store.delete(id)) {
            throw Problem.assetNotFound(id, "id");
        }
        cache.invalidate(id);
        request.sendEmpty(204);
    }

    private void list(Request request) throws IOException {
        auth.check(request);
        int limit = 100;
        String l = request.query().get("limit");
        if (l != null) {
            try {
                limit = Integer.parseInt(l);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > 1000) {
                throw Problem.badRequest("limit must be from 1 to 1000", "limit");
            }
        }
        String after = null;
        String cursor = request.query().get("cursor");
        if (cursor != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                after = null;
            }
            if (after == null || !AssetStore.ID.matcher(after).matches()) {
                throw Problem.badRequest("the cursor is not one this server gave", "cursor");
            }
        }
        List<AssetInfo> page = store.list(after, limit + 1);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, page.size()); i++) {
            items.add(describe(page.get(i)));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assets", items);
        body.put("next", page.size() > limit ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(page.get(limit - 1).id().getBytes(StandardCharsets.UTF_8)) : null);
        request.header("Cache-Control", "no-store");
        request.sendJson(200, body);
    }

    static Map<String, Object> describe(AssetInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", info.id());
        m.put("bytes", info.bytes());
        m.put("mediaType", info.mediaType());
        m.put("width", info.width());
        m.put("height", info.height());
        m.put("version", info.version());
        m.put("modified", info.modified().toString());
        return m;
    }
}
