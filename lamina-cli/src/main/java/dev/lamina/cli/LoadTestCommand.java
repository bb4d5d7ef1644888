package dev.lamina.cli;

import dev.lamina.server.loadtest.LoadTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code lamina loadtest URL}: an open-model load test of one route on a loopback server, stepped
 * over arrival rates (see dev.lamina.server.loadtest.LoadTest). The lab's service benchmark
 * (lamina-bench ServiceBench) runs the same code over every peer and draws the heat map.
 */
@Command(name = "loadtest", mixinStandardHelpOptions = true,
        description = {"Open-model load test of one URL on this machine (loopback only): constant arrival rate,",
                "latency from each request's intended send time, stepped rates; prints a table per step."})
public final class LoadTestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "http://127.0.0.1:PORT/path?query")
    URI url;

    @Option(names = {"-X", "--method"}, defaultValue = "GET", description = "HTTP method (default GET)")
    String method;

    @Option(names = "--body", paramLabel = "FILE", description = "request body from a file")
    Path body;

    @Option(names = {"-H", "--header"}, paramLabel = "NAME:VALUE", description = "a request header (repeatable)")
    List<String> headers = List.of();

    @Option(names = "--rates", split = ",", defaultValue = "50,100,200", description = "arrival rates per second (default 50,100,200)")
    double[] rates;

    @Option(names = "--step", defaultValue = "10", description = "seconds per rate (default 10)")
    int stepSeconds;

    @Option(names = "--warmup", defaultValue = "5", description = "seconds at the first rate, not reported (default 5)")
    int warmupSeconds;

    @Option(names = "--max-requests", defaultValue = "20000", description = "at most this many requests per step (default 20000)")
    int maxPerStep;

    @Option(names = "--timeout", defaultValue = "10", description = "seconds before an unanswered request counts as an error (default 10)")
    int timeoutSeconds;

    @Option(names = "--pid", defaultValue = "0", description = "the server's process id, for its CPU use and RSS")
    long pid;

    @Override
    public Integer call() throws Exception {
        Service.requireOnClassPath("loadtest");
        if (!"http".equals(url.getScheme()) || url.getHost() == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "URL must be http://HOST:PORT/...");
        }
        Map<String, String> h = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "a header is NAME:VALUE, not " + header);
            }
            h.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        String path = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        byte[] payload = body == null ? new byte[0] : Files.readAllBytes(body);
        LoadTest.Scenario s = new LoadTest.Scenario(path, method, path.isEmpty() ? "/" : path, h, payload);
        URI base = URI.create("http://" + url.getHost() + ":" + (url.getPort() < 0 ? 80 : url.getPort()));
        List<LoadTest.Step> steps;
        try {
            steps = LoadTest.run(base, s, rates, Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(stepSeconds),
                    maxPerStep, Duration.ofSeconds(timeoutSeconds), pid);
        } catch (IllegalArgumentException e) {
            throw new dev.lamina.model.LaminaException(dev.lamina.model.LaminaException.Kind.BAD_INPUT, e.getMessage());
        }
        System.out.print(LoadTest.table(url.getHost() + ":" + base.getPort(), steps));
        return 0;
    }
}
