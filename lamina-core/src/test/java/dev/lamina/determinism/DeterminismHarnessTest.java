package dev.lamina.determinism;

import dev.lamina.Execution;
import dev.lamina.core.Jitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The determinism harness: every pipeline of {@link Pipelines} must give byte-identical output at
 * 1, 2, 3, 4 and 8 workers and under injected scheduling jitter (random sleeps and yields where
 * work changes hands: worker jobs, line-cache fills, strip hand-offs), compared with its output on
 * one worker without jitter.
 *
 * <p>CI runs {@code lamina.determinism.rounds} rounds (default 3) of every worker count; the soak
 * mode is the same test with more rounds, see docs/architecture.md ("Determinism").
 */
class DeterminismHarnessTest {
    static final int[] WORKERS = {1, 2, 3, 4, 8};
    static final int ROUNDS = Integer.getInteger("lamina.determinism.rounds", 3);

    @TempDir
    static Path scratch;

    @AfterEach
    void removeJitter() {
        Jitter.install(null);
    }

    /**
     * At a worker job's start: sleeps up to 2 ms half the time (so a later strip often reaches the
     * sources first); elsewhere: sleeps up to 0.3 ms at one site in eight and yields at one in four
     * (line-cache fills are many, and long sleeps there would only slow the harness down).
     */
    static void jitter(Jitter.Site site) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        if (site == Jitter.Site.WORKER_JOB) {
            if (r.nextBoolean()) {
                LockSupport.parkNanos(r.nextLong(20_000, 2_000_000));
            }
            return;
        }
        int k = r.nextInt(8);
        if (k == 0) {
            LockSupport.parkNanos(r.nextLong(10_000, 300_000));
        } else if (k <= 2) {
            Thread.yield();
        }
    }

    private static final Map<String, String> BASELINES = new LinkedHashMap<>();

    /** The pipeline's output on one worker, without jitter: what every other run must equal. */
    static synchronized String baseline(Pipelines.Pipeline p) {
        return BASELINES.computeIfAbsent(p.name(), n -> sha256(Execution.standard().threads(1).call(p.job())));
    }

    @TestFactory
    Stream<DynamicTest> everyPipelineGivesTheSameBytesAtAnyWorkerCountUnderJitter() {
        return Pipelines.all(scratch).stream().map(p -> DynamicTest.dynamicTest(p.name(), () -> {
            String expected = baseline(p);
            Jitter.install(DeterminismHarnessTest::jitter);
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    for (int workers : WORKERS) {
                        String got = sha256(Execution.standard().threads(workers).call(p.job()));
                        if (!got.equals(expected)) {
                            fail(p.name() + ": output at " + workers + " workers (round " + round
                                    + ") differs from the single-worker output");
                        }
                    }
                }
            } finally {
                Jitter.install(null);
            }
        }));
    }

    /**
     * A service's load: several callers run every pipeline at once on one shared pool of two
     * workers, under jitter; each output must still be its single-worker bytes.
     */
    @Test
    void concurrentCallersOnOnePoolGetTheSingleWorkerBytes() throws Exception {
        List<Pipelines.Pipeline> pipelines = Pipelines.all(scratch);
        for (Pipelines.Pipeline p : pipelines) {
            baseline(p);
        }
        Jitter.install(DeterminismHarnessTest::jitter);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                int offset = c;
                results.add(callers.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < pipelines.size(); i++) {
                        Pipelines.Pipeline p = pipelines.get((i + offset * 5) % pipelines.size());
                        if (!sha256(Execution.standard().threads(2).call(p.job())).equals(baseline(p))) {
                            wrong.add(p.name());
                        }
                    }
                    return wrong;
                }));
            }
            List<String> wrong = new ArrayList<>();
            for (Future<List<String>> f : results) {
                wrong.addAll(f.get());
            }
            assertEquals(List.of(), wrong, "pipelines whose output changed under concurrent callers");
        } finally {
            callers.shutdownNow();
            Jitter.install(null);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
