package dev.lamina.spark;

import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.util.SerializableConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.apache.spark.sql.functions.col;

/**
 * A batch on a Spark session: lists the inputs with Spark's {@code binaryFile} source, sends files
 * over the size cap straight to the results as errors (their content is never read: the filter on
 * {@code length} is applied to the file's status before the reader opens it), processes the rest in
 * tasks grouped by bytes and image count ({@link #partitioning}), and writes the results table once.
 *
 * <p>The results table is written by the job's only action, so each input is processed once per
 * run (a second action would run the side effects again). One job per output folder at a time: a
 * run starts by deleting the temporary files that killed runs left in it.
 */
public final class BatchJob {
    /** The results table's folder inside the output folder (Spark's listing skips names starting with "_"). */
    public static final String RESULTS = "_lamina_results";

    private BatchJob() {
    }

    /** Runs {@code spec} (validated here) on {@code spark}; returns the counts read back from the results table. */
    public static Summary run(SparkSession spark, JobSpec spec) {
        spec.validate();
        long start = System.nanoTime();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20, 1 << 24));
        try {
            Path out = qualify(new Path(spec.output().folder()), conf);
            FileSystem outFs = AtomicOutput.outputFileSystem(out, conf);
            outFs.mkdirs(out);
            outFs.delete(new Path(out, AtomicOutput.TEMPORARY), true);
            OutputNames names = new OutputNames(roots(spec.inputs(), conf), spec.output().pattern());
            Broadcast<byte[]> watermark = jsc.broadcast(spec.watermark() == null ? new byte[0] : watermark(spec, conf));
            LongAccumulator engines = spark.sparkContext().longAccumulator("lamina engines");

            Dataset<Row> files = reader(spark, spec).load(spec.inputs().toArray(String[]::new));
            long cap = spec.maxFileBytes();
            Dataset<Row> processed = files.filter(col("length").leq(cap)).select("path", "length", "content")
                    .mapPartitions(new ProcessPartition(spec, names, out.toString(), runId, watermark,
                            SerializableConfiguration.broadcast(spark.sparkContext(), conf), engines), Encoders.row(ResultRows.SCHEMA));
            Dataset<Row> oversized = files.filter(col("length").gt(cap)).select("path", "length")
                    .map(new Oversized(cap), Encoders.row(ResultRows.SCHEMA));
            Path results = new Path(out, RESULTS);

            Map<String, String> previous = partitioning(spark, spec.partitioning());
            try {
                // One file for the table: a small shuffle of result rows, the images stay where they were read.
                processed.union(oversized).repartition(1).write().mode(SaveMode.Overwrite).parquet(results.toString());
            } finally {
                previous.forEach((k, v) -> {
                    if (v == null) {
                        spark.conf().unset(k);
                    } else {
                        spark.conf().set(k, v);
                    }
                });
            }
            outFs.delete(AtomicOutput.temporaryFolder(out, runId), true);
            if (outFs.exists(new Path(out, AtomicOutput.TEMPORARY)) && outFs.listStatus(new Path(out, AtomicOutput.TEMPORARY)).length == 0) {
                outFs.delete(new Path(out, AtomicOutput.TEMPORARY), true);
            }
            double wall = (System.nanoTime() - start) / 1e9;
            return Summary.of(readResults(spark, results), results.toString(), wall, engines.value());
        } catch (IOException e) {
            throw LaminaException.io(spec.output().folder() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            // Spark's analysis errors are checked exceptions that Scala code throws undeclared.
            if (e instanceof AnalysisException a) {
                throw missingInput(a);
            }
            if (e.getCause() instanceof AnalysisException a) {
                throw missingInput(a);
            }
            throw e instanceof RuntimeException r ? r : new LaminaException(LaminaException.Kind.INTERNAL, e.toString(), e);
        }
    }

    /**
     * A results table, by its files: Spark warns when it is asked to read a folder whose name
     * starts with "_" (which it otherwise treats as hidden).
     */
    public static Dataset<Row> readResults(SparkSession spark, Path results) throws IOException {
        FileSystem fs = results.getFileSystem(spark.sparkContext().hadoopConfiguration());
        String[] parts = java.util.Arrays.stream(fs.listStatus(results, p -> p.getName().endsWith(".parquet")))
                .map(st -> st.getPath().toString()).toArray(String[]::new);
        return spark.read().schema(ResultRows.SCHEMA).parquet(parts);
    }

    private static LaminaException missingInput(AnalysisException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.contains("PATH_NOT_FOUND") || m.contains("does not exist")) {
            int at = m.indexOf("Path does not exist:");
            String path = at >= 0 ? m.substring(at + "Path does not exist:".length()).trim().split("\\s")[0].replaceAll("\\.$", "") : m;
            return new LaminaException(LaminaException.Kind.IO, "input " + path + " does not exist", e);
        }
        return new LaminaException(LaminaException.Kind.BAD_INPUT, "inputs: " + e.getSimpleMessage(), e);
    }

    private static DataFrameReader reader(SparkSession spark, JobSpec spec) {
        // Folders are read with their subfolders, and no folder name is taken for a partition column.
        DataFrameReader r = spark.read().format("binaryFile").option("recursiveFileLookup", "true");
        return spec.include() == null ? r : r.option("pathGlobFilter", spec.include());
    }

    /**
     * Sets Spark's packing of files into tasks for this job and returns the previous values.
     * Spark sorts files by length, largest first, and fills each task up to a byte budget, counting
     * each file as its length plus an "open cost": we make that cost an image's fixed cost, so a
     * task's budget bounds both its bytes and its image count. The budget is the total weight over
     * (task slots x tasksPerCore), at most maxPartitionBytes, so the slots get a few tasks each and
     * finish together; a file larger than the budget is a task of its own.
     */
    static Map<String, String> partitioning(SparkSession spark, JobSpec.Partitioning p) {
        int taskCpus = Integer.parseInt(spark.sparkContext().getConf().get("spark.task.cpus", "1"));
        int slots = Math.max(1, spark.sparkContext().defaultParallelism() / Math.max(1, taskCpus));
        Map<String, String> set = new LinkedHashMap<>();
        set.put("spark.sql.files.openCostInBytes", String.valueOf(p.imageCostBytes()));
        set.put("spark.sql.files.maxPartitionBytes", String.valueOf(p.maxPartitionBytes()));
        set.put("spark.sql.files.minPartitionNum", String.valueOf((long) slots * p.tasksPerCore()));
        Map<String, String> previous = new LinkedHashMap<>();
        set.forEach((k, v) -> {
            previous.put(k, spark.conf().contains(k) ? spark.conf().get(k) : null);
            spark.conf().set(k, v);
        });
        return previous;
    }

    /** The qualified folder each input argument names (see {@link OutputNames}). */
    static List<String> roots(List<String> inputs, Configuration conf) throws IOException {
        List<String> roots = new ArrayList<>();
        for (String in : inputs) {
            String base = OutputNames.globBase(in);
            Path root;
            if (base != null) {
                root = new Path(base);
            } else {
                Path p = new Path(in);
                FileSystem fs = p.getFileSystem(conf);
                root = fs.exists(p) && fs.getFileStatus(p).isFile() ? p.getParent() : p;
            }
            String q = qualify(root, conf).toString();
            roots.add(q.endsWith("/") ? q.substring(0, q.length() - 1) : q);
        }
        return roots;
    }

    private static Path qualify(Path p, Configuration conf) throws IOException {
        return p.getFileSystem(conf).makeQualified(p);
    }

    /**
     * The watermark's encoded bytes, read once by the driver (so it may live anywhere the driver
     * can read, even a local file in cluster mode) and checked: a watermark that does not decode
     * fails the job before any task starts, since every output would fail with it.
     */
    private static byte[] watermark(JobSpec spec, Configuration conf) throws IOException {
        Path p = new Path(spec.watermark().image());
        FileSystem fs = p.getFileSystem(conf);
        FileStatus st;
        try {
            st = fs.getFileStatus(p);
        } catch (java.io.FileNotFoundException e) {
            throw LaminaException.io("watermark " + p + " does not exist", e);
        }
        if (st.getLen() > JobSpec.MAX_FILE_BYTES_CEILING) {
            throw LaminaException.limit("watermark " + p + ": " + st.getLen() + " bytes is too large");
        }
        byte[] bytes;
        try (InputStream in = fs.open(p)) {
            bytes = in.readAllBytes();
        }
        Lamina.open(bytes, spec.watermark().image()).pin();
        return bytes;
    }

    /** The result row of a file over the size cap: never read, never decoded. */
    private record Oversized(long cap) implements org.apache.spark.api.java.function.MapFunction<Row, Row> {
        @Override
        public Row call(Row r) {
            String path = r.getString(0);
            long length = r.getLong(1);
            return ResultRows.failed(path, length, LaminaException.Kind.LIMIT_EXCEEDED,
                    path + ": " + length + " bytes is over the limit of " + cap + " bytes per file (maxFileBytes)", 0, null);
        }
    }
}
