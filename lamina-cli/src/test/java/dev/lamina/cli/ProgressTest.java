package dev.lamina.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch progress bar on a clock the test moves: redraws, messages above the bar, the summary. */
class ProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private Progress progress(int total, boolean bar) {
        return new Progress(new PrintWriter(text), total, bar, now::get);
    }

    @Test
    void redrawsAtMostTenTimesASecondAndAlwaysAtTheEnd() {
        Progress p = progress(4, true);
        now.addAndGet(500_000_000L);
        p.finished(true);                       // drawn: the first
        now.addAndGet(10_000_000L);
        p.finished(true);                       // 10 ms later: not drawn
        now.addAndGet(10_000_000L);
        p.finished(false);                      // not drawn
        now.addAndGet(10_000_000L);
        p.finished(true);                       // the last: drawn
        String s = text.toString();
        assertEquals(2, s.chars().filter(c -> c == '\r').count(), s);
        assertTrue(s.contains("\r[#######-----------------------] 1/4, 2.0 files/s, 2 s left"), s);
        assertTrue(s.endsWith("\r[##############################] 4/4, 1 failed, 7.5 files/s"), s);
    }

    @Test
    void messagesGoAboveTheBarAndTheSummaryReplacesIt() {
        Progress p = progress(2, true);
        now.addAndGet(1_000_000_000L);
        p.finished(true);
        p.message("lamina: b.jpg: not a JPEG file");
        now.addAndGet(1_000_000_000L);
        p.finished(false);
        p.end(true);
        String s = text.toString();
        int bar = "[###############---------------] 1/2, 1.0 files/s, 1 s left".length();
        String wipe = "\r" + " ".repeat(bar) + "\r";
        assertTrue(s.contains(wipe + "lamina: b.jpg: not a JPEG file" + System.lineSeparator() + "\r[####"), s);
        assertTrue(s.endsWith("\rlamina: 2 files in 2.0 s (1.0 files/s), 1 failed" + System.lineSeparator()), s);
    }

    @Test
    void withoutABarOnlyMessagesAndTheSummaryWhenAsked() {
        Progress p = progress(3, false);
        p.finished(true);
        p.message("lamina: x");
        p.finished(true);
        p.end(false);
        assertEquals("lamina: x" + System.lineSeparator(), text.toString());
        assertFalse(text.toString().contains("\r"));
        assertEquals(0, p.failures());
    }
}
