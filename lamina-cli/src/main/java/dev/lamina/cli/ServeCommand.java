package dev.lamina.cli;

import dev.lamina.server.LaminaServer;
import dev.lamina.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code lamina serve}: the compositing HTTP service (lamina-server) in the foreground until
 * SIGTERM or Ctrl-C, then a graceful shutdown. docs/server.md is its guide.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the compositing HTTP service: asset store, renders, signed preset URLs, /metrics.",
                "Listens on 127.0.0.1 unless the configuration says otherwise (see docs/server.md)."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080, or the configuration's)")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "folder of the asset store (default ./lamina-data)")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "JSON configuration: limits, keys, presets, ...")
    Path config;

    @Override
    public Integer call() throws Exception {
        ServerConfig c;
        try {
            c = (config == null ? ServerConfig.defaults() : ServerConfig.load(config)).with(port, data);
        } catch (ServerConfig.ConfigException e) {
            throw new dev.lamina.LaminaException(dev.lamina.LaminaException.Kind.BAD_INPUT, e.getMessage());
        }
        if (c.port() < 0 || c.port() > 65535) {
            throw new dev.lamina.LaminaException(dev.lamina.LaminaException.Kind.BAD_INPUT, "--port must be 0 to 65535");
        }
        try {
            LaminaServer.run(c);
        } catch (ServerConfig.ConfigException e) {
            throw new dev.lamina.LaminaException(dev.lamina.LaminaException.Kind.BAD_INPUT, e.getMessage());
        } catch (java.io.UncheckedIOException | java.io.IOException e) {
            throw new dev.lamina.LaminaException(dev.lamina.LaminaException.Kind.IO,
                    "cannot start the server: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        return 0;
    }
}
