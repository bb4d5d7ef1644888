package dev.lamina.cli;

import dev.lamina.model.LaminaException;
import dev.lamina.server.LaminaServer;
import dev.lamina.server.ServerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Where the command line touches lamina-server. The service's classes are on the class path only
 * when bin/lamina-serve starts the JVM, so the commands call through this class: the JVM loads it,
 * and the service's classes, only when {@code serve} runs.
 */
final class ServiceLauncher {
    private ServiceLauncher() {
    }

    /** Runs the service in the foreground until the JVM is asked to stop; 0 when it stopped cleanly. */
    static int serve(Integer port, Path data, Path config) throws InterruptedException {
        ServerConfig c;
        try {
            c = (config == null ? ServerConfig.defaults() : ServerConfig.load(config)).with(port, data);
        } catch (ServerConfig.ConfigException e) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, e.getMessage());
        }
        if (c.port() < 0 || c.port() > 65535) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, "--port must be 0 to 65535");
        }
        try {
            LaminaServer.run(c);
        } catch (ServerConfig.ConfigException e) {
            throw new LaminaException(LaminaException.Kind.BAD_INPUT, e.getMessage());
        } catch (UncheckedIOException | IOException e) {
            throw new LaminaException(LaminaException.Kind.IO,
                    "cannot start the server: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return 0;
    }
}
