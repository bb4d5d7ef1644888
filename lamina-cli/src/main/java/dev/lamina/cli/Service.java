package dev.lamina.cli;

import dev.lamina.model.LaminaException;

/** Whether lamina-server's classes are here: they are not in lamina.jar, bin/lamina-serve adds them. */
final class Service {
    private Service() {
    }

    /** A clear error instead of a NoClassDefFoundError when {@code command} is run from lamina.jar alone. */
    static void requireOnClassPath(String command) {
        try {
            Class.forName("dev.lamina.server.LaminaServer", false, Service.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new LaminaException(LaminaException.Kind.UNSUPPORTED, command + ": the service is not in lamina.jar;"
                    + " run it with bin/lamina " + command + " (bin/lamina-serve), which adds lamina-server's libraries");
        }
    }
}
