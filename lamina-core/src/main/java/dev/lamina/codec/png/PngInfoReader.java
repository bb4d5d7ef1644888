package dev.lamina.codec.png;

import dev.lamina.model.Limits;

import static dev.lamina.codec.png.PngChunkReader.IDAT;
import static dev.lamina.codec.png.PngChunkReader.IEND;
import static dev.lamina.codec.png.PngChunkReader.IHDR;
import static dev.lamina.codec.png.PngChunkReader.PLTE;
import static dev.lamina.codec.png.PngChunkReader.TRNS;

/**
 * Reads a PNG file from its signature up to its first IDAT chunk and checks what the specification
 * requires there: IHDR first and valid, the pixel limit (before any pixel memory exists), at most
 * one PLTE of a size the depth allows, tRNS after PLTE and of the right length for the colour type,
 * no unknown critical chunk.
 */
final class PngInfoReader {

    private PngInfoReader() {
    }

    /** Reads through the first IDAT chunk header; {@code chunks} is left there. */
    static PngInfo read(PngChunkReader chunks, Limits limits) {
        chunks.readSignature();
        if (chunks.next() != IHDR) {
            throw chunks.fail("the first chunk is " + PngChunkReader.typeName(chunks.type()) + ", not IHDR");
        }
        long ihdrOffset = chunks.chunkOffset();
        PngHeader header = parseHeader(chunks, chunks.length() == 13 ? chunks.body() : null, ihdrOffset);
        limits.checkPixels(chunks.name, header.width(), header.height());

        byte[] palette = null;
        byte[] paletteAlpha = null;
        int[] key = null;
        boolean trnsSeen = false;
        PngMetadataChunks metadata = new PngMetadataChunks(chunks.name);
        int ct = header.colourType();
        while (true) {
            int type = chunks.next();
            long offset = chunks.chunkOffset();
            String where = PngChunkReader.typeName(type) + " chunk at offset " + offset;
            if (type == IDAT) {
                if (ct == PngHeader.PALETTE && palette == null) {
                    throw chunks.fail("palette image without a PLTE chunk before its image data (IDAT at offset "
                            + offset + ")");
                }
                return new PngInfo(header, palette, paletteAlpha, key, metadata.build(), offset);
            } else if (type == IEND) {
                throw chunks.fail("no image data: IEND at offset " + offset + " comes before any IDAT chunk");
            } else if (type == IHDR) {
                throw chunks.fail("second " + where);
            } else if (type == PLTE) {
                if (palette != null) {
                    throw chunks.fail("second " + where);
                }
                if (trnsSeen) {
                    throw chunks.fail(where + " comes after tRNS");
                }
                if (ct == PngHeader.GREY || ct == PngHeader.GREY_ALPHA) {
                    throw chunks.fail(where + " in a grey image (colour type " + ct + ")");
                }
                int len = chunks.length();
                int max = ct == PngHeader.PALETTE ? 1 << header.bitDepth() : 256;
                if (len % 3 != 0 || len == 0 || len / 3 > max) {
                    throw chunks.fail(where + " has " + len + " bytes: it must hold 1 to " + max
                            + " entries of 3 bytes");
                }
                byte[] b = chunks.body();
                if (ct == PngHeader.PALETTE) {
                    palette = b;
                }   // else a suggested palette for RGB: not needed to decode
            } else if (type == TRNS) {
                if (trnsSeen) {
                    throw chunks.fail("second " + where);
                }
                trnsSeen = true;
                int len = chunks.length();
                if (ct == PngHeader.PALETTE) {
                    if (palette == null) {
                        throw chunks.fail(where + " comes before PLTE");
                    }
                    if (len > palette.length / 3) {
                        throw chunks.fail(where + " has " + len + " entries, more than the palette's "
                                + palette.length / 3);
                    }
                    byte[] b = chunks.body();
                    paletteAlpha = new byte[palette.length / 3];
                    java.util.Arrays.fill(paletteAlpha, (byte) 0xFF);
                    System.arraycopy(b, 0, paletteAlpha, 0, len);
                } else if (ct == PngHeader.GREY || ct == PngHeader.RGB) {
                    int want = ct == PngHeader.GREY ? 2 : 6;
                    if (len != want) {
                        throw chunks.fail(where + " has " + len + " bytes instead of " + want);
                    }
                    byte[] b = chunks.body();
                    key = new int[want / 2];
                    for (int i = 0; i < key.length; i++) {
                        key[i] = (b[2 * i] & 0xFF) << 8 | (b[2 * i + 1] & 0xFF);
                    }
                } else {
                    throw chunks.fail(where + " in an image with an alpha channel (colour type " + ct + ")");
                }
            } else if (PngMetadataChunks.handles(type)) {
                metadata.read(type, chunks.body(), offset);
            } else if (PngChunkReader.isCritical(type)) {
                throw chunks.fail("unknown critical " + where);
            } else {
                chunks.skipBody();
            }
        }
    }

    private static PngHeader parseHeader(PngChunkReader chunks, byte[] b, long offset) {
        if (b == null) {
            throw chunks.fail("IHDR chunk at offset " + offset + " has " + chunks.length() + " bytes instead of 13");
        }
        long w = uint32(b, 0);
        long h = uint32(b, 4);
        int depth = b[8] & 0xFF;
        int ct = b[9] & 0xFF;
        if (w < 1 || w > Integer.MAX_VALUE || h < 1 || h > Integer.MAX_VALUE) {
            throw chunks.fail("invalid image size " + w + "x" + h + " in IHDR (each side must be 1 to 2^31-1)");
        }
        if (!PngHeader.validCombination(ct, depth)) {
            throw chunks.fail("invalid IHDR: bit depth " + depth + " with colour type " + ct);
        }
        if (b[10] != 0) {
            throw chunks.fail("invalid IHDR: unknown compression method " + (b[10] & 0xFF));
        }
        if (b[11] != 0) {
            throw chunks.fail("invalid IHDR: unknown filter method " + (b[11] & 0xFF));
        }
        if ((b[12] & 0xFF) > 1) {
            throw chunks.fail("invalid IHDR: unknown interlace method " + (b[12] & 0xFF));
        }
        return new PngHeader((int) w, (int) h, depth, ct, b[12] == 1);
    }

    private static long uint32(byte[] b, int p) {
        return Integer.toUnsignedLong((b[p] & 0xFF) << 24 | (b[p + 1] & 0xFF) << 16 | (b[p + 2] & 0xFF) << 8
                | (b[p + 3] & 0xFF));
    }
}
