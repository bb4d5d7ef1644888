package dev.lamina.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.List;
import java.util.Locale;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * What a run did, read back from its results table: counts by status, bytes in and out of the
 * files processed, the wall time of the whole job (listing, tasks, the table), the rates, how many
 * engines (watermark decodes) the executors made, and the first failures.
 *
 * @param files            every input listed
 * @param ok               outputs written
 * @param failed           inputs that became error rows
 * @param skipped          inputs whose output existed (no --overwrite)
 * @param bytesIn          bytes of the inputs processed (ok and failed: all that was read and worked on)
 * @param bytesOut         bytes of the outputs written
 * @param pixels           pixels of the inputs written
 * @param wallSeconds      the job's wall time on the driver
 * @param engines          per-executor engines made (one per executor and job)
 * @param duplicateOutputs output names that two inputs mapped to (the pattern loses information)
 * @param firstFailures    up to ten "message [KIND]" lines
 * @param resultsPath      where the table is
 */
public record Summary(long files, long ok, long failed, long skipped, long bytesIn, long bytesOut, long pixels,
                      double wallSeconds, long engines, long duplicateOutputs, List<String> firstFailures,
                      String resultsPath) {

    static Summary of(Dataset<Row> results, String resultsPath, double wallSeconds, long engines) {
        Row r = results.agg(
                count(lit(1)),
                sum(when(col("status").equalTo(ResultRows.OK), 1).otherwise(0)),
                sum(when(col("status").equalTo(ResultRows.FAILED), 1).otherwise(0)),
                sum(when(col("status").equalTo(ResultRows.SKIPPED), 1).otherwise(0)),
                sum(when(col("status").notEqual(ResultRows.SKIPPED), col("bytes_in")).otherwise(0)),
                sum(when(col("status").equalTo(ResultRows.OK), col("bytes_out")).otherwise(0)),
                sum(when(col("status").equalTo(ResultRows.OK), col("pixels")).otherwise(0))).first();
        long duplicates = results.filter(col("status").equalTo(ResultRows.OK)).groupBy("output").count()
                .filter(col("count").gt(1)).count();
        List<String> failures = results.filter(col("status").equalTo(ResultRows.FAILED)).orderBy("path").limit(10)
                .collectAsList().stream().map(f -> f.<String>getAs("error") + " [" + f.<String>getAs("kind") + "]").toList();
        return new Summary(r.getLong(0), value(r, 1), value(r, 2), value(r, 3), value(r, 4), value(r, 5), value(r, 6),
                wallSeconds, engines, duplicates, failures, resultsPath);
    }

    private static long value(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getLong(i);
    }

    /** The lines the command prints. */
    public String report() {
        double processed = ok + failed;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "lamina-batch: %d files: %d ok, %d failed, %d skipped in %.1f s%n",
                files, ok, failed, skipped, wallSeconds));
        b.append(String.format(Locale.ROOT, "  %.2f files/s, %.1f MB/s in, %.1f MB/s out, %.1f MPix/s (files processed over the job's wall time)%n",
                processed / wallSeconds, bytesIn / 1e6 / wallSeconds, bytesOut / 1e6 / wallSeconds, pixels / 1e6 / wallSeconds));
        b.append(String.format(Locale.ROOT, "  %d engine(s) made (one per executor: watermark or recipe decoded once each)%n", engines));
        if (duplicateOutputs > 0) {
            b.append(String.format(Locale.ROOT, "  warning: %d output name(s) were made from more than one input;"
                    + " add {dir} or {ext} to the pattern%n", duplicateOutputs));
        }
        for (String f : firstFailures) {
            b.append("  failed: ").append(f).append(System.lineSeparator());
        }
        if (failed > firstFailures.size()) {
            b.append("  ... ").append(failed - firstFailures.size()).append(" more failures").append(System.lineSeparator());
        }
        b.append("  results: ").append(resultsPath).append(" (Parquet)").append(System.lineSeparator());
        return b.toString();
    }
}
