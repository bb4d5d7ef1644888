package dev.lamina.hostile;

import dev.lamina.model.JpegOptions;
import dev.lamina.Lamina;
import dev.lamina.model.LaminaException;
import dev.lamina.model.LoadOptions;
import dev.lamina.codec.Decoders;
import dev.lamina.codec.jpeg.JpegDecodeOptions;
import dev.lamina.codec.jpeg.JpegDecoder;
import dev.lamina.fuzz.FuzzInvariant;
import org.junit.jupiter.api.Test;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of a few thousand mutated files, made here from seeds (the PNG suite in the test
 * resources; JPEGs written from the coffee crop by ImageIO and by Lamina, baseline, progressive,
 * grey, 4:4:4) with mutations that know the formats: PNG chunks damaged behind a recomputed CRC (so
 * the damage reaches the zlib, filter, palette and metadata code), headers set to huge or invalid
 * values, chunks dropped, repeated, truncated; JPEG segments with their sizes, tables, scan
 * parameters and markers changed, scan data flipped and cut. Every file must decode or fail with a
 * LaminaException of a kind other than INTERNAL whose message names it ({@link FuzzInvariant}),
 * within a small memory budget; the time of any one file is bounded (a hang guard). Last count: 3350
 * files, 536 decoded, 2580 BAD_INPUT, 178 LIMIT_EXCEEDED, 56 UNSUPPORTED.
 */
class MutatedCorpusTest {
    private static final long SLOWEST_MILLIS = 10_000;
    private static final LoadOptions STRICT = LoadOptions.defaults().limits(FuzzInvariant.LIMITS.maxPixels(1 << 20));

    @Test
    void everyMutatedFileDecodesOrFailsClearly() throws Exception {
        List<byte[]> png = pngSeeds();
        List<byte[]> jpeg = jpegSeeds();
        Random rnd = new Random(20260907L);
        Map<LaminaException.Kind, Integer> outcomes = new EnumMap<>(LaminaException.Kind.class);
        int decoded = 0, files = 0;
        List<byte[]> corpus = new ArrayList<>();
        for (byte[] seed : png) {
            for (int i = 0; i < 10; i++) {
                corpus.add(mutatePng(seed, rnd));
            }
        }
        for (byte[] seed : jpeg) {
            for (int i = 0; i < 200; i++) {
                corpus.add(mutateJpeg(seed, rnd));
            }
        }
        for (byte[] file : corpus) {
            boolean strict = (files++ & 1) == 0;
            long start = System.nanoTime();
            LaminaException.Kind kind;
            try {
                kind = FuzzInvariant.outcome(() -> open(file, strict));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e + " (file " + files + ", " + file.length + " bytes, base64 "
                        + java.util.Base64.getEncoder().encodeToString(file) + ")", e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < SLOWEST_MILLIS, "file " + files + " took " + millis + " ms");
            if (kind == null) {
                decoded++;
            } else {
                outcomes.merge(kind, 1, Integer::sum);
            }
        }
        // a corpus that is all refusals, or all decodes, would not be testing much
        assertTrue(corpus.size() >= 3000, corpus.size() + " files");
        assertTrue(decoded > corpus.size() / 20, decoded + " decoded of " + corpus.size());
        assertTrue(outcomes.getOrDefault(LaminaException.Kind.BAD_INPUT, 0) > corpus.size() / 4, outcomes.toString());
    }

    /**
     * The file opened as the decoders open it (format by content, EXIF orientation applied),
     * strict or keeping what decodes (for JPEG; its warnings are not printed), at a scale of 1 to
     * 1/8 picked by the file's length.
     */
    static dev.lamina.core.Image open(byte[] file, boolean strict) {
        int shrink = 1 << (file.length & 3);
        if (strict || !JpegDecoder.isJpeg(file)) {
            return Decoders.open(file, FuzzInvariant.NAME, STRICT, shrink);
        }
        return JpegDecoder.open(file, FuzzInvariant.NAME, STRICT.limits(),
                JpegDecodeOptions.defaults().failOnError(false).warnings(w -> { }).scale(shrink));
    }

    // ---- seeds ----

    static List<byte[]> pngSeeds() throws IOException, URISyntaxException {
        Path suite = Path.of(MutatedCorpusTest.class.getResource("/pngsuite/basn0g01.png").toURI()).getParent();
        try (Stream<Path> files = Files.list(suite)) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
            return seeds;
        }
    }

    static List<byte[]> jpegSeeds() throws IOException {
        BufferedImage photo;
        try (InputStream in = MutatedCorpusTest.class.getResourceAsStream("/jpeg/coffee-crop.png")) {
            photo = ImageIO.read(in);
        }
        BufferedImage colour = crop(photo, 48, 40, BufferedImage.TYPE_3BYTE_BGR);
        BufferedImage grey = crop(photo, 37, 21, BufferedImage.TYPE_BYTE_GRAY);
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(imageIo(colour, false));
        seeds.add(imageIo(colour, true));
        seeds.add(imageIo(grey, false));
        seeds.add(imageIo(grey, true));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(colour, "png", png);
        var lamina = Lamina.open(png.toByteArray(), "seed.png");
        seeds.add(lamina.encode(JpegOptions.jpeg().quality(95)));
        seeds.add(lamina.encode(JpegOptions.jpeg().quality(60).progressive(true)));
        seeds.add(lamina.encode(JpegOptions.jpeg().quality(92).progressive(true)));
        seeds.add(lamina.encode(JpegOptions.jpeg().quality(75).subsampling(JpegOptions.Subsampling.S420)));
        return seeds;
    }

    static BufferedImage crop(BufferedImage photo, int w, int h, int type) {
        BufferedImage out = new BufferedImage(w, h, type);
        out.getGraphics().drawImage(photo, 0, 0, null);
        return out;
    }

    static byte[] imageIo(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream s = new MemoryCacheImageOutputStream(out)) {
            w.setOutput(s);
            ImageWriteParam p = w.getDefaultWriteParam();
            if (progressive) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            w.write(null, new IIOImage(image, null, null), p);
        } finally {
            w.dispose();
        }
        return out.toByteArray();
    }

    // ---- PNG mutations ----

    record Chunk(String type, byte[] body) {
    }

    static List<Chunk> chunks(byte[] png) {
        List<Chunk> list = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        b.position(8);
        while (b.remaining() >= 12) {
            int len = b.getInt();
            byte[] t = new byte[4];
            b.get(t);
            if (len < 0 || len > b.remaining() - 4) {
                break;
            }
            byte[] body = new byte[len];
            b.get(body);
            b.getInt();
            list.add(new Chunk(new String(t, java.nio.charset.StandardCharsets.ISO_8859_1), body));
        }
        return list;
    }

    static byte[] build(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        for (Chunk c : chunks) {
            HostileFiles.chunk(out, c.type(), c.body());
        }
        return out.toByteArray();
    }

    static final long[] SIZES = {0, 1, 7, 8, 9, 255, 256, 16383, 16384, 65535, 65536, 1 << 20, 268_402_689L,
            Integer.MAX_VALUE, 0x80000000L, 0xFFFFFFFFL};

    static byte[] mutatePng(byte[] seed, Random rnd) {
        List<Chunk> cs = new ArrayList<>(chunks(seed));
        if (cs.isEmpty()) {
            return flip(seed, rnd);
        }
        int pick = rnd.nextInt(cs.size());
        boolean header = cs.getFirst().type().equals("IHDR") && cs.getFirst().body().length == 13;
        switch (header ? rnd.nextInt(10) : 3 + rnd.nextInt(7)) {
            case 0 -> {   // damage inside a chunk, behind a recomputed CRC
                Chunk c = cs.get(pick);
                byte[] b = c.body().length == 0 ? new byte[] {(byte) rnd.nextInt()} : c.body().clone();
                for (int k = rnd.nextInt(4); k >= 0; k--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 + rnd.nextInt(255));
                }
                cs.set(pick, new Chunk(c.type(), b));
            }
            case 1 -> {   // huge or invalid sizes in IHDR
                byte[] h = cs.getFirst().body().clone();
                ByteBuffer.wrap(h).putInt(rnd.nextInt(2) * 4, (int) SIZES[rnd.nextInt(SIZES.length)]);
                cs.set(0, new Chunk("IHDR", h));
            }
            case 2 -> {   // depth, colour type, methods, interlace
                byte[] h = cs.getFirst().body().clone();
                h[8 + rnd.nextInt(5)] = (byte) (rnd.nextBoolean() ? rnd.nextInt(17) : rnd.nextInt(256));
                cs.set(0, new Chunk("IHDR", h));
            }
            case 3 -> cs.add(pick, cs.get(rnd.nextInt(cs.size())));   // a chunk repeated
            case 4 -> cs.remove(pick);
            case 5 -> {   // the image data replaced: zeros of another length, or noise
                byte[] z = rnd.nextBoolean() ? HostileFiles.zlibZeros(rnd.nextInt(1 << 16)) : noise(rnd, 1 + rnd.nextInt(300));
                for (int i = 0; i < cs.size(); i++) {
                    if (cs.get(i).type().equals("IDAT")) {
                        cs.set(i, new Chunk("IDAT", z));
                        break;
                    }
                }
            }
            case 6 -> {   // a metadata chunk of random content
                String[] types = {"iCCP", "zTXt", "iTXt", "tEXt", "pHYs", "gAMA", "sRGB", "eXIf", "tRNS", "PLTE"};
                cs.add(1 + rnd.nextInt(cs.size()), new Chunk(types[rnd.nextInt(types.length)], noise(rnd, rnd.nextInt(64))));
            }
            default -> {
                byte[] raw = build(cs);
                return rnd.nextBoolean() ? flip(raw, rnd) : java.util.Arrays.copyOf(raw, rnd.nextInt(raw.length));
            }
        }
        byte[] out = build(cs);
        if (rnd.nextInt(8) == 0) {   // a length field set to something the file cannot hold
            int at = 8 + 12 + 13;
            if (out.length > at + 4) {
                ByteBuffer.wrap(out).putInt(at, (int) SIZES[rnd.nextInt(SIZES.length)]);
            }
        }
        return out;
    }

    // ---- JPEG mutations ----

    /** Offsets of the marker segments before the first scan's data: {offset of 0xFF, marker, length}. */
    static List<int[]> segments(byte[] d) {
        List<int[]> list = new ArrayList<>();
        int p = 2;
        while (p + 4 <= d.length && (d[p] & 0xFF) == 0xFF) {
            int m = d[p + 1] & 0xFF;
            int len = (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
            list.add(new int[] {p, m, len});
            p += 2 + len;
            if (m == 0xDA) {
                break;
            }
        }
        return list;
    }

    static byte[] mutateJpeg(byte[] seed, Random rnd) {
        byte[] d = seed.clone();
        List<int[]> segs = segments(d);
        int[] sos = segs.getLast();
        int dataStart = sos[0] + 2 + sos[2];
        switch (rnd.nextInt(11)) {
            case 0 -> {   // header bytes
                for (int k = rnd.nextInt(3); k >= 0; k--) {
                    int at = 2 + rnd.nextInt(dataStart - 2);
                    d[at] ^= (byte) (1 + rnd.nextInt(255));
                }
            }
            case 1 -> {   // scan data
                for (int k = rnd.nextInt(6); k >= 0; k--) {
                    int at = dataStart + rnd.nextInt(d.length - dataStart);
                    d[at] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> d = java.util.Arrays.copyOf(d, 2 + rnd.nextInt(d.length - 2));
            case 3 -> {   // the frame's size
                int[] sof = find(segs, 0xC0, 0xC1, 0xC2);
                if (sof != null) {
                    int at = sof[0] + 5 + 2 * rnd.nextInt(2);
                    int v = rnd.nextBoolean() ? 65535 : rnd.nextInt(65536);
                    d[at] = (byte) (v >> 8);
                    d[at + 1] = (byte) v;
                }
            }
            case 4 -> {   // the Huffman code counts
                int[] dht = find(segs, 0xC4);
                if (dht != null) {
                    d[dht[0] + 5 + rnd.nextInt(16)] = (byte) (rnd.nextBoolean() ? rnd.nextInt(4) : rnd.nextInt(256));
                }
            }
            case 5 -> {   // the sampling factors and table ids of the frame
                int[] sof = find(segs, 0xC0, 0xC1, 0xC2);
                if (sof != null && sof[2] > 8) {
                    d[sof[0] + 11 + rnd.nextInt(sof[2] - 8)] = (byte) rnd.nextInt(256);
                }
            }
            case 6 -> {   // scan parameters: components, tables, spectral selection, approximation
                d[sos[0] + 4 + rnd.nextInt(sos[2] - 2)] = (byte) rnd.nextInt(256);
            }
            case 7 -> {   // baseline read as progressive and the other way round
                int[] sof = find(segs, 0xC0, 0xC1, 0xC2);
                if (sof != null) {
                    d[sof[0] + 1] = (byte) (sof[1] == 0xC2 ? 0xC0 : 0xC2);
                }
            }
            case 8 -> {   // a marker in the middle of the data
                int at = dataStart + rnd.nextInt(Math.max(1, d.length - dataStart - 2));
                int[] markers = {0xD0 + rnd.nextInt(8), 0xD9, 0xDA, 0xC4, 0xDD, 0xFF};
                d[at] = (byte) 0xFF;
                if (at + 1 < d.length) {
                    d[at + 1] = (byte) markers[rnd.nextInt(markers.length)];
                }
            }
            case 9 -> {   // a restart interval where there are no restart markers
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(d, 0, 2);
                HostileFiles.segment(out, 0xDD, new byte[] {0, (byte) (1 + rnd.nextInt(4))});
                out.write(d, 2, d.length - 2);
                d = out.toByteArray();
            }
            default -> d = flip(d, rnd);
        }
        return d;
    }

    static int[] find(List<int[]> segs, int... markers) {
        for (int[] s : segs) {
            for (int m : markers) {
                if (s[1] == m) {
                    return s;
                }
            }
        }
        return null;
    }

    static byte[] flip(byte[] d, Random rnd) {
        byte[] b = d.clone();
        for (int k = rnd.nextInt(8); k >= 0; k--) {
            b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
        }
        return b;
    }

    static byte[] noise(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

}
