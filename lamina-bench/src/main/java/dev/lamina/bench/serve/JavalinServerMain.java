package dev.lamina.bench.serve;

import dev.lamina.server.LaminaServer;
import dev.lamina.server.ServerConfig;

import java.nio.file.Path;

/** The service on Javalin/Jetty instead of Helidon, for the comparison: {@code --config FILE}. */
public final class JavalinServerMain {
    private JavalinServerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--config")) {
            System.err.println("usage: JavalinServerMain --config FILE");
            System.exit(2);
        }
        ServerConfig config = ServerConfig.load(Path.of(args[1]));
        LaminaServer server = LaminaServer.start(config, new JavalinTransport());
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        System.err.println("lamina-server (javalin): listening on http://" + config.host() + ":" + server.port());
        server.awaitShutdown();
    }
}
