#!/usr/bin/python3
"""Writes the fixed image pairs that Lamina's metrics are checked on against scikit-image.

Deterministic (numpy's PCG64 with fixed seeds): running it again rewrites the same files. The
images are small (64x48 to 176x176), grey and RGB, 8- and 16-bit, smooth gradients plus noise, and
the second image of each pair is a shifted, blurred, quantised or noisy copy of the first. Alpha,
which binary PNM cannot hold, goes in a separate PGM next to the colour file.

Usage: /usr/bin/python3 tools/metrics-oracle/generate_pairs.py lamina-core/src/test/resources/metrics
"""
import os
import sys

import numpy as np


def write_pnm(path, img, maxval):
    """P5 (grey) or P6 (RGB) binary PNM; 16-bit samples big-endian, as the format says."""
    h, w = img.shape[:2]
    magic = b"P6" if img.ndim == 3 else b"P5"
    dtype = ">u2" if maxval > 255 else "u1"
    with open(path, "wb") as f:
        f.write(magic + b"\n%d %d\n%d\n" % (w, h, maxval))
        f.write(np.ascontiguousarray(img).astype(dtype).tobytes())


def smooth(rng, h, w, channels):
    """A smooth random field in 0..1: a few low-frequency sines per channel."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    out = np.zeros((h, w, channels))
    for c in range(channels):
        acc = 0.5 * (x / w) + 0.3 * (y / h)
        for _ in range(4):
            fx, fy, ph = rng.uniform(0.5, 4.0), rng.uniform(0.5, 4.0), rng.uniform(0, 2 * np.pi)
            acc = acc + 0.15 * np.sin(2 * np.pi * (fx * x / w + fy * y / h) + ph)
        out[..., c] = acc
    out -= out.min()
    out /= out.max()
    return out


def blur(img):
    """A binomial [1 4 6 4 1]/16 blur along both axes, edges repeated (any low-pass will do)."""
    k = np.array([1, 4, 6, 4, 1], dtype=np.float64) / 16
    out = img.astype(np.float64)
    for axis in (0, 1):
        pad = [(0, 0)] * out.ndim
        pad[axis] = (2, 2)
        p = np.pad(out, pad, mode="edge")
        n = out.shape[axis]
        out = sum(k[i] * np.take(p, range(i, i + n), axis=axis) for i in range(5))
    return out


def to_int(v, maxval):
    return np.clip(np.rint(v), 0, maxval).astype(np.int64)


def squeeze(img):
    return img[..., 0] if img.shape[-1] == 1 else img


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    pairs = []

    def pair(name, a, b, maxval, alpha_a=None, alpha_b=None):
        write_pnm(os.path.join(out_dir, name + "_a." + ("ppm" if a.ndim == 3 else "pgm")), a, maxval)
        write_pnm(os.path.join(out_dir, name + "_b." + ("ppm" if b.ndim == 3 else "pgm")), b, maxval)
        if alpha_a is not None:
            write_pnm(os.path.join(out_dir, name + "_a_alpha.pgm"), alpha_a, maxval)
            write_pnm(os.path.join(out_dir, name + "_b_alpha.pgm"), alpha_b, maxval)
        pairs.append(name)

    # 1. grey 8-bit, blurred copy
    rng = np.random.default_rng(1)
    base = smooth(rng, 48, 64, 1) * 255 + rng.normal(0, 6, (48, 64, 1))
    a = to_int(base, 255)
    pair("grey8_blur", squeeze(a), squeeze(to_int(blur(a), 255)), 255)

    # 2. RGB 8-bit, copy shifted one pixel right plus fresh noise
    rng = np.random.default_rng(2)
    base = smooth(rng, 64, 96, 3) * 255
    a = to_int(base + rng.normal(0, 4, base.shape), 255)
    shifted = np.concatenate([base[:, :1], base[:, :-1]], axis=1)
    pair("rgb8_shift", a, to_int(shifted + rng.normal(0, 4, base.shape), 255), 255)

    # 3. grey 16-bit, quantised to 8 bits and back
    rng = np.random.default_rng(3)
    a = to_int(smooth(rng, 60, 80, 1) * 65535 + rng.normal(0, 300, (60, 80, 1)), 65535)
    pair("grey16_quantised", squeeze(a), squeeze((a >> 8) * 257), 65535)

    # 4. RGB 16-bit, Gaussian noise
    rng = np.random.default_rng(4)
    a = to_int(smooth(rng, 48, 64, 3) * 65535, 65535)
    pair("rgb16_noise", a, to_int(a + rng.normal(0, 900, a.shape), 65535), 65535)

    # 5. RGB 8-bit, posterised to multiples of 8 and blurred (a lossy codec's kind of damage)
    rng = np.random.default_rng(5)
    a = to_int(smooth(rng, 72, 96, 3) * 255 + rng.normal(0, 10, (72, 96, 3)), 255)
    pair("rgb8_posterised", a, to_int(blur((a // 8) * 8 + 4), 255), 255)

    # 6. grey 8-bit, 176x176: the smallest size with 5 MS-SSIM scales of at least 11 pixels
    rng = np.random.default_rng(6)
    a = to_int(smooth(rng, 176, 176, 1) * 255 + rng.normal(0, 12, (176, 176, 1)), 255)
    b = to_int(blur(a) + rng.normal(0, 3, a.shape), 255)
    pair("grey8_msssim", squeeze(a), squeeze(b), 255)

    # 7. RGBA 8-bit: colour under alpha 0 differs wildly (invisible), small noise elsewhere, and a
    #    patch where alpha itself differs
    rng = np.random.default_rng(7)
    h, w = 48, 64
    a = to_int(smooth(rng, h, w, 3) * 255, 255)
    alpha = to_int(np.clip(smooth(rng, h, w, 1)[..., 0] * 400 - 100, 0, 255), 255)
    b = to_int(a + rng.normal(0, 3, a.shape), 255)
    hidden = alpha == 0
    b[hidden] = rng.integers(0, 256, (int(hidden.sum()), 3))
    alpha_b = alpha.copy()
    alpha_b[10:20, 30:45] = np.clip(alpha_b[10:20, 30:45] + 40, 0, 255)
    pair("rgba8_hidden", a, b, 255, alpha, alpha_b)

    with open(os.path.join(out_dir, "pairs.txt"), "w") as f:
        f.write("\n".join(pairs) + "\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "lamina-core/src/test/resources/metrics")
