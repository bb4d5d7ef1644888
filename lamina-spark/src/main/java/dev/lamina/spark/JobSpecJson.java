package dev.lamina.spark;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamina.model.BlendMode;
import dev.lamina.model.Gravity;
import dev.lamina.model.Kernel;
import dev.lamina.model.LaminaException;
import dev.lamina.model.PngFilter;
import dev.lamina.model.ThumbnailOptions;

import java.io.IOException;
import java.util.Locale;
import java.util.function.Function;

/**
 * The job specification as JSON (docs/spark.md has the reference). Names are the record
 * components of {@link JobSpec}; enum values are written as on the command line
 * ({@code "south-east"}, {@code "lanczos3"}, {@code "inside"}, {@code "multiply"}), in any case.
 * A thumbnail may give {@code "size": "256"} or {@code "300x200"} instead of width and height.
 */
public final class JobSpecJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .addModule(new SimpleModule("lamina")
                    .addDeserializer(Gravity.class, parsing(Gravity::parse))
                    .addDeserializer(BlendMode.class, parsing(BlendMode::parse))
                    .addDeserializer(Kernel.class, parsing(s -> named(Kernel.class, "kernel", s)))
                    .addDeserializer(PngFilter.class, parsing(s -> named(PngFilter.class, "PNG filter", s)))
                    .addDeserializer(ThumbnailOptions.Fit.class, parsing(s -> named(ThumbnailOptions.Fit.class, "fit", s))))
            .build();

    private JobSpecJson() {
    }

    /** Parses a spec; {@code source} names it in messages (a file name). Not validated yet. */
    public static JobSpec parse(String json, String source) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw LaminaException.badInput(source + ": a job specification is a JSON object");
            }
            if (tree.has("recipe")) {
                throw LaminaException.unsupported(source + ": recipe templates are not supported yet (they arrive with the"
                        + " layer-tree recipe format; use thumbnail and watermark)");
            }
            JsonNode thumb = tree.get("thumbnail");
            if (thumb instanceof ObjectNode t && t.has("size")) {
                JobSpec.Thumbnail box = JobSpec.Thumbnail.ofSize(t.remove("size").asText());
                t.put("width", box.width());
                t.put("height", box.height());
            }
            return MAPPER.treeToValue(tree, JobSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw LaminaException.badInput(source + ": unknown field '" + e.getPropertyName() + "'" + where(e)
                    + " (known: " + String.join(", ", e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList()) + ")");
        } catch (JsonProcessingException e) {
            if (rootLaminaException(e) instanceof LaminaException l) {
                throw LaminaException.badInput(source + where(e) + ": " + l.getMessage());
            }
            throw LaminaException.badInput(source + where(e) + ": " + e.getOriginalMessage());
        }
    }

    /** The spec as JSON (for logs and for handing a job to another process). */
    public static String write(JobSpec spec) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new LaminaException(LaminaException.Kind.INTERNAL, "cannot write the job specification: " + e.getOriginalMessage(), e);
        }
    }

    private static String where(JsonProcessingException e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m) {
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        JsonLocation loc = e.getLocation();
        String at = path.isEmpty() ? "" : " at " + path;
        return loc != null && loc.getLineNr() > 0 && path.isEmpty() ? " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")" : at;
    }

    private static Throwable rootLaminaException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LaminaException) {
                return t;
            }
        }
        return null;
    }

    static <E extends Enum<E>> E named(Class<E> type, String what, String s) {
        String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(n)) {
                return e;
            }
        }
        throw LaminaException.badInput("unknown " + what + " '" + s + "' (" + String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()) + ")");
    }

    private static <T> JsonDeserializer<T> parsing(Function<String, T> parse) {
        return new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return parse.apply(p.getValueAsString());
            }
        };
    }
}
