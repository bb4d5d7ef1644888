package dev.lamina.hostile;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.model.Limits;
import dev.lamina.model.LoadOptions;
import dev.lamina.model.ThumbnailOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A tiny main that {@link ForkedHostileTest} runs in a JVM with a small heap:
 * {@code convert|thumbnail FILE BUDGET [DEADLINE_MS]} opens FILE with that memory budget (bytes),
 * saves it (or its 300-pixel thumbnail) as a PNG beside it, within the deadline if one is given,
 * and prints {@code OK} or {@code KIND: message}. Anything else that escapes is printed as
 * {@code THROWN: ...} with exit status 3: the test fails on it.
 */
public final class HostileMain {
    private HostileMain() {
    }

    public static void main(String[] args) throws Exception {
        String op = args[0];
        Path file = Path.of(args[1]);
        LoadOptions load = LoadOptions.defaults().limits(Limits.defaults().maxMemoryBytes(Long.parseLong(args[2])));
        Execution execution = args.length > 3 ? Execution.standard().timeout(Duration.ofMillis(Long.parseLong(args[3])))
                : Execution.standard();
        Path out = Files.createTempFile(file.getParent(), "out", ".png");
        try {
            execution.run(() -> {
                if (op.equals("thumbnail")) {
                    Lamina.thumbnail(file, ThumbnailOptions.edge(300), load).save(out);
                } else {
                    Lamina.open(file, load).save(out);
                }
            });
            System.out.println("OK");
        } catch (LaminaException e) {
            System.out.println(e.kind() + ": " + e.getMessage());
        } catch (Throwable t) {
            System.out.println("THROWN: " + t);
            System.exit(3);
        } finally {
            Files.deleteIfExists(out);
        }
        System.exit(0);
    }
}
