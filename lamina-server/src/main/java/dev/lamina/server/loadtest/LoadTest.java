package dev.lamina.server.loadtest;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model load test: requests leave at a constant arrival rate whatever the server does,
 * and each latency is measured from the request's intended send time, so a server that stalls is
 * charged for every request that should have left meanwhile (no coordinated omission, as Gil
 * Tene's wrk2 does it). Latencies go into an HdrHistogram (microseconds, 3 significant digits).
 * The rate is stepped; each step reports throughput, percentiles, errors by status, and the CPU
 * and RSS of the server's process. Loopback targets only; every step is bounded in requests and in
 * time, and the whole run stops by itself.
 */
public final class LoadTest {
    private LoadTest() {
    }

    /** What to send. */
    public record Scenario(String name, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    }

    /**
     * One step's figures. Latencies in microseconds from the intended send time; {@code cpu} is the
     * server's CPU use over the step in cores (1.0 = one core busy), -1 when unknown.
     */
    public record Step(double rate, double seconds, int sent, int ok, Map<String, Integer> errors, double throughput,
                       long p50, long p90, long p99, long p999, long max, double cpu, long rssBytes) {
        public boolean clean(long p99LimitMicros) {
            return errors.isEmpty() && p99 <= p99LimitMicros;
        }
    }

    /**
     * Runs the scenario at each rate for {@code stepTime} (at most {@code maxPerStep} requests),
     * after {@code warmup} at the first rate (not reported). Requests still unanswered
     * {@code timeout} after the step's last one was due count as errors ("timeout").
     */
    public static List<Step> run(URI base, Scenario scenario, double[] rates, Duration warmup, Duration stepTime,
                                 int maxPerStep, Duration timeout, long serverPid) throws IOException, InterruptedException {
        List<Step> steps = new ArrayList<>();
        try (HttpConnections http = new HttpConnections(base, (int) timeout.toMillis())) {
            if (!warmup.isZero()) {
                step(http, scenario, rates[0], warmup, maxPerStep, timeout, serverPid);
            }
            for (double rate : rates) {
                steps.add(step(http, scenario, rate, stepTime, maxPerStep, timeout, serverPid));
            }
        }
        return steps;
    }

    private static Step step(HttpConnections http, Scenario scenario, double rate, Duration time, int maxPerStep,
                             Duration timeout, long pid) throws InterruptedException {
        int count = (int) Math.min(maxPerStep, Math.max(1, Math.round(rate * time.toNanos() / 1e9)));
        long interval = Math.round(1e9 / rate);
        Recorder recorder = new Recorder(3);
        AtomicInteger ok = new AtomicInteger();
        Map<String, Integer> errors = new ConcurrentHashMap<>();
        CountDownLatch done = new CountDownLatch(count);
        double cpu0 = ProcessStats.cpuSeconds(pid);
        long start = System.nanoTime() + 5_000_000;   // a little slack to start on time
        for (int i = 0; i < count; i++) {
            long intended = start + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            Thread.startVirtualThread(() -> {
                try {
                    int status = http.send(scenario.method(), scenario.pathAndQuery(), scenario.headers(), scenario.body());
                    long latency = (System.nanoTime() - intended) / 1000;
                    recorder.recordValue(Math.max(0, latency));
                    if (status >= 200 && status < 400) {
                        ok.incrementAndGet();
                    } else {
                        errors.merge(Integer.toString(status), 1, Integer::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    recorder.recordValue(Math.max(0, (System.nanoTime() - intended) / 1000));
                    errors.merge(e instanceof java.net.SocketTimeoutException ? "timeout" : "io", 1, Integer::sum);
                } finally {
                    done.countDown();
                }
            });
        }
        long lastDue = start + (count - 1) * interval;
        if (!done.await(Math.max(0, lastDue - System.nanoTime()) + timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            errors.merge("timeout", (int) done.getCount(), Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu1 = ProcessStats.cpuSeconds(pid);
        Histogram h = recorder.getIntervalHistogram();
        return new Step(rate, seconds, count, ok.get(), new TreeMap<>(errors), ok.get() / seconds,
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getMaxValue(),
                cpu0 < 0 || cpu1 < 0 ? -1 : (cpu1 - cpu0) / seconds, ProcessStats.rssBytes(pid));
    }

    /** The steps as a text table. */
    public static String table(String target, List<Step> steps) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("%-14s %8s %8s %9s %9s %9s %9s %6s %8s  %s%n", "target", "rate/s", "ok/s", "p50 ms",
                "p99 ms", "p99.9 ms", "max ms", "cpu", "rss MB", "errors"));
        for (Step st : steps) {
            s.append(String.format("%-14s %8.0f %8.1f %9.2f %9.2f %9.2f %9.2f %6.2f %8.0f  %s%n", target, st.rate(),
                    st.throughput(), st.p50() / 1e3, st.p99() / 1e3, st.p999() / 1e3, st.max() / 1e3, st.cpu(),
                    st.rssBytes() / 1048576.0, st.errors().isEmpty() ? "-" : st.errors()));
        }
        return s.toString();
    }
}
