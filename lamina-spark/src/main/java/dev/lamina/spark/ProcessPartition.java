package dev.lamina.spark;

import dev.lamina.Execution;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.LaminaImage;
import dev.lamina.model.SaveOptions;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The work of one task: the rows of its files (path, length, content, read by Spark's
 * {@code binaryFile} source), one at a time, each turned into an output file and a result row. The
 * iterator is lazy, so a task holds one input's bytes at a time, and Lamina pulls the output strip
 * by strip into the output stream: a task's memory is one encoded input plus a few strips, whatever
 * the image's size.
 *
 * <p>Nothing an input does fails the task: every {@link LaminaException} and I/O error becomes a
 * failed row with its message and kind. Only a fault of the JVM (out of memory) fails it, and Spark
 * then retries it, which the outputs survive ({@link AtomicOutput}).
 */
final class ProcessPartition implements MapPartitionsFunction<Row, Row> {
    private final JobSpec spec;
    private final OutputNames names;
    private final String outputFolder;
    private final String runId;
    private final Broadcast<byte[]> watermark;
    private final Broadcast<SerializableConfiguration> hadoop;
    private final LongAccumulator enginesCreated;

    ProcessPartition(JobSpec spec, OutputNames names, String outputFolder, String runId, Broadcast<byte[]> watermark,
                     Broadcast<SerializableConfiguration> hadoop, LongAccumulator enginesCreated) {
        this.spec = spec;
        this.names = names;
        this.outputFolder = outputFolder;
        this.runId = runId;
        this.watermark = watermark;
        this.hadoop = hadoop;
        this.enginesCreated = enginesCreated;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) throws IOException {
        ExecutorEngine engine = ExecutorEngine.of(spec, watermark.id(), watermark::value, enginesCreated);
        TaskContext task = TaskContext.get();
        int cores = task == null ? 1 : task.cpus();
        Path folder = new Path(outputFolder);
        FileSystem fs = AtomicOutput.outputFileSystem(folder, hadoop.value().value());
        Path temporary = AtomicOutput.temporaryFolder(folder, runId);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                Row r = rows.next();
                return one(engine, cores, fs, folder, temporary, r.getString(0), r.getLong(1), r.getAs(2));
            }
        };
    }

    private Row one(ExecutorEngine engine, int cores, FileSystem fs, Path folder, Path temporary, String path, long length,
                    byte[] content) {
        long start = System.nanoTime();
        String output = null;
        try {
            String relative = names.relativeOutput(path);
            Path target = new Path(folder, relative);
            output = target.toString();
            SaveOptions format = spec.output().formatFor(relative);
            boolean overwrite = spec.output().overwrite();
            if (!overwrite) {
                FileStatus done = statusOrNull(fs, target);
                if (done != null) {
                    return ResultRows.skipped(path, length, done.getLen(), millisSince(start), output);
                }
            }
            Execution execution = engine.execution(cores, spec.imageTimeoutSeconds());
            Row[] row = new Row[1];
            String out = output;
            execution.run(() -> {
                LaminaImage input = Lamina.open(content, path, engine.load());   // the header only: the input's size
                LaminaImage result = engine.render(content, path);
                try {
                    long bytes = AtomicOutput.write(fs, temporary, target, overwrite, o -> result.write(o, format));
                    row[0] = ResultRows.ok(path, length, bytes, input.width(), input.height(), result.width(), result.height(),
                            millisSince(start), out);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return row[0];
        } catch (LaminaException e) {
            return ResultRows.failed(path, length, e.kind(), e.getMessage(), millisSince(start), output);
        } catch (UncheckedIOException e) {
            return ResultRows.failed(path, length, LaminaException.Kind.IO, output + ": cannot write: " + e.getCause().getMessage(),
                    millisSince(start), output);
        } catch (IOException e) {
            return ResultRows.failed(path, length, LaminaException.Kind.IO, output + ": " + e.getMessage(), millisSince(start), output);
        } catch (RuntimeException e) {
            // A fault of Lamina's own on this input: recorded for a bug report, the batch goes on.
            return ResultRows.failed(path, length, LaminaException.Kind.INTERNAL, path + ": internal error: " + e,
                    millisSince(start), output);
        }
    }

    private static FileStatus statusOrNull(FileSystem fs, Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
