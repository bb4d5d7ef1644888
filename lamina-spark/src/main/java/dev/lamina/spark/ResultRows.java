package dev.lamina.spark;

import dev.lamina.model.LaminaException;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The results table: one row per input file, written as Parquet to {@code _lamina_results/} in the
 * output folder. Columns (docs/spark.md): path, status (ok, failed, skipped), error (the message,
 * naming the file and the problem), kind (the {@link LaminaException.Kind}), bytes_in, bytes_out,
 * width, height, pixels (of the input as opened), out_width, out_height, millis (this input's time
 * in its task), output (the output file).
 */
final class ResultRows {
    static final String OK = "ok";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";

    static final StructType SCHEMA = new StructType(new StructField[]{
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("error", DataTypes.StringType, true),
            DataTypes.createStructField("kind", DataTypes.StringType, true),
            DataTypes.createStructField("bytes_in", DataTypes.LongType, false),
            DataTypes.createStructField("bytes_out", DataTypes.LongType, true),
            DataTypes.createStructField("width", DataTypes.IntegerType, true),
            DataTypes.createStructField("height", DataTypes.IntegerType, true),
            DataTypes.createStructField("pixels", DataTypes.LongType, true),
            DataTypes.createStructField("out_width", DataTypes.IntegerType, true),
            DataTypes.createStructField("out_height", DataTypes.IntegerType, true),
            DataTypes.createStructField("millis", DataTypes.LongType, false),
            DataTypes.createStructField("output", DataTypes.StringType, true)});

    private ResultRows() {
    }

    static Row ok(String path, long bytesIn, long bytesOut, int width, int height, int outWidth, int outHeight, long millis,
                  String output) {
        return RowFactory.create(path, OK, null, null, bytesIn, bytesOut, width, height, (long) width * height, outWidth,
                outHeight, millis, output);
    }

    static Row skipped(String path, long bytesIn, long bytesOut, long millis, String output) {
        return RowFactory.create(path, SKIPPED, null, null, bytesIn, bytesOut, null, null, null, null, null, millis, output);
    }

    static Row failed(String path, long bytesIn, LaminaException.Kind kind, String error, long millis, String output) {
        return RowFactory.create(path, FAILED, error, kind.name(), bytesIn, null, null, null, null, null, null, millis, output);
    }
}
