package dev.lamina.spark;

import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Writes one output file so that no reader, retry or rerun ever sees it partial: the bytes go to
 * a unique temporary file under the output folder's {@code _lamina_temporary/RUN/} (the same Hadoop
 * file system, so the move is a rename, atomic on HDFS and local disks; on S3 the object appears
 * whole when the copy completes) and are renamed onto the final name.
 *
 * <p>The final name depends only on the input, and two attempts of the same input under the same
 * spec write the same bytes (Lamina's output does not depend on threads or timing). So when the
 * rename finds the name taken, the work is already done: by a speculative twin, by a retry of a
 * task that died after its rename, or (with overwrite) by an earlier run, whose file is then
 * replaced. Either way one complete file remains and the temporary one is deleted.
 *
 * <p>Stateless; safe to use from many tasks at once.
 */
final class AtomicOutput {
    static final String TEMPORARY = "_lamina_temporary";

    /** What fills the temporary file. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * The file system to write outputs with: for local disks the raw one, so no {@code .crc}
     * checksum file lands beside each image (Hadoop's local file system writes one by default).
     */
    static FileSystem outputFileSystem(Path folder, org.apache.hadoop.conf.Configuration conf) throws IOException {
        FileSystem fs = folder.getFileSystem(conf);
        return fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
    }

    /** The folder of one run's temporary files. */
    static Path temporaryFolder(Path outputFolder, String runId) {
        return new Path(new Path(outputFolder, TEMPORARY), runId);
    }

    /**
     * Writes {@code target} through a temporary file in {@code temporaryFolder} and returns the
     * number of bytes written. With {@code replace} an existing target from an earlier run is
     * replaced; without it, an existing target is taken as this input's output already made by
     * another attempt of this run.
     */
    static long write(FileSystem fs, Path temporaryFolder, Path target, boolean replace, Writer writer) throws IOException {
        Path tmp = new Path(temporaryFolder, UUID.randomUUID() + "-" + target.getName());
        try {
            long bytes;
            try (Counting out = new Counting(fs.create(tmp, true))) {
                writer.write(out);
                bytes = out.count;
            }
            fs.mkdirs(target.getParent());
            if (!fs.rename(tmp, target)) {
                if (!fs.exists(target)) {
                    throw new IOException("cannot rename " + tmp + " to " + target);
                }
                if (replace) {
                    fs.delete(target, false);
                    if (!fs.rename(tmp, target) && !fs.exists(target)) {
                        throw new IOException("cannot rename " + tmp + " to " + target);
                    }
                }
            }
            return bytes;
        } finally {
            // Gone after a successful rename; otherwise (a failed encode, a lost race) removed here.
            if (fs.exists(tmp)) {
                fs.delete(tmp, false);
            }
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
