package dev.lamina.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command line every Java peer shares, so the lab drives them all alike:
 * <pre>
 *   s1  BASE LAYER OUT PNG_LEVEL               centre LAYER over BASE, write PNG
 *   p1  OUT PNG_LEVEL BASE LAYER...            every layer over BASE at 0,0, write PNG
 *   s2  CANVAS TILE_DIR OUT JPEG_Q ITERATIONS LATENCY_FILE
 *                                              48 tiles on a grid, JPEG; one latency per line (ns)
 *   s3  IN_DIR LAYER OUT_DIR PNG_LEVEL         LAYER centred over every PNG of IN_DIR, PNG out
 *   s4  IN_DIR OUT_DIR EDGE JPEG_Q             every JPEG to fit EDGE px, JPEG out
 *   p2  IN OUT WIDTH HEIGHT KERNEL             resize to exactly WIDTH x HEIGHT with KERNEL, PNG out
 * </pre>
 * Each peer implements the operations the way its documentation shows, with default settings
 * except those the lab fixes for every engine (PNG level, JPEG quality).
 */
abstract class PeerMain {

    abstract void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) throws Exception;

    abstract void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) throws Exception;

    /** Resize with a named kernel (nearest, linear, cubic, lanczos3, ...); false if the engine has none such. */
    boolean resize(Path in, Path out, int width, int height, String kernel) throws Exception {
        return false;
    }

    abstract void thumbnail(Path in, Path out, int edge, float jpegQuality) throws Exception;

    final void run(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        String[] a = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "s1" -> composite(Path.of(a[0]), List.of(Path.of(a[1])), true, Path.of(a[2]), Integer.parseInt(a[3]));
            case "p1" -> {
                List<Path> layers = new ArrayList<>();
                for (int i = 3; i < a.length; i++) {
                    layers.add(Path.of(a[i]));
                }
                composite(Path.of(a[2]), layers, false, Path.of(a[0]), Integer.parseInt(a[1]));
            }
            case "s2" -> {
                List<Path> tiles = PeerIo.files(Path.of(a[1]), ".png");
                int iterations = Integer.parseInt(a[4]);
                StringBuilder lat = new StringBuilder();
                for (int i = 0; i < iterations; i++) {
                    long t0 = System.nanoTime();
                    collage(Path.of(a[0]), tiles, 100, Path.of(a[2]), Float.parseFloat(a[3]));
                    lat.append(System.nanoTime() - t0).append('\n');
                }
                Files.writeString(Path.of(a[5]), lat);
            }
            case "s3" -> {
                Path outDir = Files.createDirectories(Path.of(a[2]));
                for (Path in : PeerIo.files(Path.of(a[0]), ".png")) {
                    composite(in, List.of(Path.of(a[1])), true, outDir.resolve(in.getFileName()), Integer.parseInt(a[3]));
                }
            }
            case "s4" -> {
                Path outDir = Files.createDirectories(Path.of(a[1]));
                for (Path in : PeerIo.files(Path.of(a[0]), ".jpg")) {
                    thumbnail(in, outDir.resolve(in.getFileName()), Integer.parseInt(a[2]), Float.parseFloat(a[3]));
                }
            }
            case "p2" -> {
                if (!resize(Path.of(a[0]), Path.of(a[1]), Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4])) {
                    System.err.println("no kernel " + a[4]);
                    System.exit(3);
                }
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: s1|p1|s2|s3|s4 ... (see PeerMain)");
        System.exit(2);
    }
}
