package dev.lamina.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.lamina.cli.CliTest.lamina;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** lamina serve and lamina loadtest refuse what they must before starting anything. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadConfigurationIsOneLineAndExit1() throws Exception {
        Path config = dir.resolve("server.json");
        Files.writeString(config, "{\"limits\": {\"bodyByte\": 10}}");
        CliTest.Run r = lamina("serve", "--config", config.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown setting 'bodyByte'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        CliTest.Run missing = lamina("serve", "--config", dir.resolve("none.json").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());
    }

    @Test
    void anExposedServerWithoutTokensDoesNotStart() throws Exception {
        Path config = dir.resolve("server.json");
        Files.writeString(config, "{\"host\": \"0.0.0.0\", \"port\": 0, \"data\": \"" + dir.resolve("data") + "\"}");
        CliTest.Run r = lamina("serve", "--config", config.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("needs API tokens"), r.err());
    }

    @Test
    void theLoadTestTargetsOnlyLoopback() {
        CliTest.Run r = lamina("loadtest", "http://192.0.2.1:8080/", "--rates", "1", "--step", "1", "--warmup", "0");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("loopback"), r.err());
        assertEquals(2, lamina("loadtest", "ftp://127.0.0.1/").code());
    }
}
