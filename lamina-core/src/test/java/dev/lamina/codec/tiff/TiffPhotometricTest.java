package dev.lamina.codec.tiff;

import dev.lamina.model.LoadOptions;
import dev.lamina.model.Metadata;
import dev.lamina.codec.Decoders;
import dev.lamina.core.BandFormat;
import dev.lamina.core.Image;
import dev.lamina.core.Interpretation;
import dev.lamina.core.Rect;
import dev.lamina.core.Region;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.lamina.codec.tiff.TiffTestSupport.assertSamples;
import static dev.lamina.codec.tiff.TiffTestSupport.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Min-is-white, CMYK, palette, associated alpha, JPEG compression and metadata, on files libtiff's
 * tools write. Expected values come from the samples given to raw2tiff through the formulas
 * of TIFF 6.0 (and the documented CMYK one), or from libtiff's own RGBA decode (tiff2rgba).
 */
class TiffPhotometricTest {
    @TempDir
    Path dir;

    private static final int W = 45;
    private static final int H = 37;

    private Path rawTiff(String name, Region samples, String photometric, String... extra) {
        ExternalTools.libtiff();
        Path raw = dir.resolve(name + ".raw");
        TiffTestSupport.write(raw, TiffTestSupport.raw(samples));
        Path out = dir.resolve(name + ".tif");
        String type = samples.format == BandFormat.U8 ? "byte" : "short";
        ExternalTools.run(dir, "raw2tiff", "-w", "" + W, "-l", "" + H, "-b", "" + samples.bands, "-d", type,
                "-p", photometric, "-c", "none", raw.toString(), out.toString());
        if (extra.length > 0) {
            Path copy = dir.resolve(name + "-c.tif");
            String[] cmd = new String[extra.length + 3];
            cmd[0] = "tiffcp";
            System.arraycopy(extra, 0, cmd, 1, extra.length);
            cmd[extra.length + 1] = out.toString();
            cmd[extra.length + 2] = copy.toString();
            ExternalTools.run(dir, cmd);
            return copy;
        }
        return out;
    }

    /** libtiff's own decode (TIFFReadRGBAImage through tiff2rgba), as 8-bit RGBA with associated alpha. */
    private Region libtiffRgba(Path file) {
        Path out = dir.resolve(file.getFileName() + ".rgba.tif");
        ExternalTools.run(dir, "tiff2rgba", "-c", "none", file.toString(), out.toString());
        // an uncompressed 8-bit RGBA strip file: the simplest layout, checked against raw2tiff's above
        return decode(out, LoadOptions.defaults().autoOrient(false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "lzw:2"})
    void minIsWhiteIsInverted(String compression) {
        Region grey = TiffTestSupport.photo(W, H, 1, BandFormat.U8, 11);
        Region got = decode(rawTiff("white", grey, "miniswhite", "-c", compression));
        Region want = Region.allocate(grey.rect(), 1, BandFormat.U8);
        for (int i = 0; i < W * H; i++) {
            want.u8()[i] = (byte) (255 - (grey.u8()[i] & 0xFF));
        }
        assertSamples(want, got, "min-is-white");
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 16})
    void cmykBecomesRgbByTheNaiveFormula(int bits) {
        BandFormat f = bits == 8 ? BandFormat.U8 : BandFormat.U16;
        Region cmyk = TiffTestSupport.photo(W, H, 4, f, 12);
        Path file = rawTiff("cmyk" + bits, cmyk, "cmyk", "-c", "zip:2");
        Region got = decode(file);
        long max = f.maxValue;
        Region want = Region.allocate(cmyk.rect(), 3, f);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                long k = (long) cmyk.raw(x, y, 3);
                for (int c = 0; c < 3; c++) {
                    // R = (max - C)(max - K) / max, nearest
                    long v = Math.round((max - (long) cmyk.raw(x, y, c)) * (double) (max - k) / max);
                    int i = want.index(x, y) + c;
                    if (f == BandFormat.U8) {
                        want.u8()[i] = (byte) v;
                    } else {
                        want.u16()[i] = (short) v;
                    }
                }
            }
        }
        assertSamples(want, got, "CMYK " + bits);
        if (bits == 8) {
            // libtiff's RGBA interface truncates the same formula: never above ours, at most one below
            Region lib = libtiffRgba(file);
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (int c = 0; c < 3; c++) {
                        double d = got.raw(x, y, c) - lib.raw(x, y, c);
                        assertTrue(d == 0 || d == 1, "CMYK (" + x + "," + y + ") " + got.raw(x, y, c) + " vs libtiff " + lib.raw(x, y, c));
                    }
                }
            }
        }
    }

    @Test
    void associatedAlphaIsMadeStraightExactly() {
        Region rgba = TiffTestSupport.photo(W, H, 4, BandFormat.U8, 13);
        Region stored = Region.allocate(rgba.rect(), 4, BandFormat.U8);
        byte[] s = stored.u8();
        for (int i = 0; i < W * H * 4; i += 4) {
            int a = rgba.u8()[i + 3] & 0xFF;
            for (int c = 0; c < 3; c++) {
                s[i + c] = (byte) Math.round((rgba.u8()[i + c] & 0xFF) * a / 255.0);
            }
            s[i + 3] = (byte) a;
        }
        Path file = rawTiff("assoc", stored, "rgb");
        ExternalTools.run(dir, "tiffset", "-s", "338", "1", "1", file.toString());
        Region got = decode(file);
        Region want = Region.allocate(rgba.rect(), 4, BandFormat.U8);
        for (int i = 0; i < W * H * 4; i += 4) {
            int a = s[i + 3] & 0xFF;
            for (int c = 0; c < 3; c++) {
                int v = s[i + c] & 0xFF;
                // c x 255 / a, nearest with halves up; transparent pixels are black
                want.u8()[i + c] = (byte) (a == 0 ? 0 : Math.min(255, (int) Math.floor(v * 255.0 / a + 0.5)));
            }
            want.u8()[i + 3] = (byte) a;
        }
        assertSamples(want, got, "associated alpha");
        // libtiff's RGBA decode passes associated samples on as they are (its output says associated
        // too): read back the same way, it must give the same straight samples
        assertSamples(got, libtiffRgba(file), "associated alpha, through libtiff's decode");
    }

    @Test
    void paletteMatchesLibtiffWithinTheRoundingOfSixteenBitEntries() {
        Region rgb = TiffTestSupport.photo(W, H, 3, BandFormat.U8, 14);
        Path base = rawTiff("forpalette", rgb, "rgb");
        Path pal = dir.resolve("palette.tif");
        ExternalTools.run(dir, "tiffmedian", "-c", "lzw", base.toString(), pal.toString());
        Image image = Decoders.open(pal, LoadOptions.defaults());
        assertEquals(Interpretation.RGB, image.interpretation);
        assertEquals(BandFormat.U8, image.format);
        Region got = TiffTestSupport.all(image);
        Region lib = libtiffRgba(pal);
        int exact = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    // libtiff truncates v x 255 / 65535, Lamina rounds it: equal or one above
                    double d = got.raw(x, y, c) - lib.raw(x, y, c);
                    assertTrue(d == 0 || d == 1, "palette (" + x + "," + y + ")");
                    exact += d == 0 ? 1 : 0;
                }
            }
        }
        assertTrue(exact > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ycbcr-strips", "rgb-strips", "ycbcr-tiles", "grey"})
    void jpegCompressionDecodesAsLibtiffDoes(String kind) {
        Region samples = TiffTestSupport.photo(W, H, kind.equals("grey") ? 1 : 3, BandFormat.U8, 15);
        String[] opts = switch (kind) {
            case "ycbcr-strips" -> new String[]{"-c", "jpeg:90", "-r", "16"};
            case "rgb-strips" -> new String[]{"-c", "jpeg:r:90", "-r", "8"};
            case "ycbcr-tiles" -> new String[]{"-c", "jpeg", "-t", "-w", "32", "-l", "16"};
            default -> new String[]{"-c", "jpeg", "-r", "8"};
        };
        Path file = rawTiff("jpeg-" + kind, samples, kind.equals("grey") ? "minisblack" : "rgb", opts);
        Region got = decode(file);
        Region lib = libtiffRgba(file);
        int bands = samples.bands;
        int off = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int c = 0; c < 3; c++) {
                    double g = got.raw(x, y, bands == 1 ? 0 : c);
                    double l = lib.raw(x, y, c);
                    if (g != l) {
                        off++;
                    }
                    assertTrue(Math.abs(g - l) <= 1, kind + " (" + x + "," + y + ") band " + c + ": " + g + " vs libtiff " + l);
                }
            }
        }
        assertEquals(0, off, kind + ": samples that differ from libtiff's decode by 1");
    }

    @Test
    void orientationAndResolutionAreRead() {
        Region rgb = TiffTestSupport.photo(W, H, 3, BandFormat.U8, 16);
        Path file = rawTiff("meta", rgb, "rgb");
        ExternalTools.run(dir, "tiffset", "-s", "274", "6", file.toString());
        ExternalTools.run(dir, "tiffset", "-s", "282", "300", file.toString());
        ExternalTools.run(dir, "tiffset", "-s", "283", "150", file.toString());
        ExternalTools.run(dir, "tiffset", "-s", "296", "2", file.toString());

        Image stored = Decoders.open(file, LoadOptions.defaults().autoOrient(false));
        Metadata m = stored.metadata;
        assertEquals(6, m.orientation());
        assertEquals(null, m.iccProfile());
        assertEquals(Math.round(300 / 0.0254), m.density().pixelsPerUnitX());
        assertEquals(Math.round(150 / 0.0254), m.density().pixelsPerUnitY());
        assertTrue(m.density().metre());
        assertEquals(1, m.pages());

        // orientation 6: the stored rows are the upright image's columns, read from the right
        Image upright = Decoders.open(file, LoadOptions.defaults());
        assertEquals(H, upright.width);
        assertEquals(W, upright.height);
        Region u = upright.fetch(Rect.of(H, W));
        for (int y = 0; y < W; y++) {
            for (int x = 0; x < H; x++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(rgb.raw(y, H - 1 - x, c), u.raw(x, y, c), "upright (" + x + "," + y + ")");
                }
            }
        }
    }
}
