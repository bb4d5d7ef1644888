package dev.lamina.cli;

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
    public Integer call() throws InterruptedException {
        // The service's classes are not in lamina.jar (bin/lamina-serve adds them): nothing of this
        // class may name them, or picocli could not even list the commands without them.
        Service.requireOnClassPath("serve");
        return ServiceLauncher.serve(port, data, config);
    }
}
