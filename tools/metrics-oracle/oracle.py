#!/usr/bin/python3
"""Computes the expected metric values of the pairs written by generate_pairs.py, independently of
Lamina, and writes them as expected.json next to the pairs.

- PSNR: skimage.metrics.peak_signal_noise_ratio(data_range=L), overall and per band.
- SSIM: skimage.metrics.structural_similarity(gaussian_weights=True, sigma=1.5,
  use_sample_covariance=False, data_range=L), per colour band (channel_axis) and averaged.
- MS-SSIM: scikit-image has none, so it is written out below with scipy.ndimage.gaussian_filter and
  numpy, to Lamina's documented definition (2x2 box-average downsampling, odd row/column dropped;
  mean cs at scales 1-4, mean SSIM at scale 5, each clamped at 0, weights of Wang et al. 2003,
  averaged over colour bands). Its scale-1 SSIM is asserted equal to scikit-image's.
- CIEDE2000: skimage.color.deltaE_ciede2000 on CIELAB values computed here from sRGB with the
  sRGB-to-XYZ matrix derived from the primaries and D65 chromaticity (Lamina's definition; see
  docs/precision.md); mean, nearest-rank p95 and max over visible pixels. The same statistics with
  skimage.color.rgb2lab (its rounded matrix and tabulated white) are written too, as a looser check.
- Images with alpha are compared premultiplied: colour x alpha / L, alpha as is; pixels with alpha 0
  in both images are not visible for CIEDE2000.

Needs Debian's python3-skimage (0.19.3): apt-get install -y python3-skimage; run with /usr/bin/python3.
Usage: /usr/bin/python3 tools/metrics-oracle/oracle.py lamina-core/src/test/resources/metrics
"""
import json
import os
import sys

import numpy as np
import scipy.ndimage
import skimage
from skimage.color import deltaE_ciede2000, rgb2lab
from skimage.metrics import peak_signal_noise_ratio, structural_similarity


def read_pnm(path):
    with open(path, "rb") as f:
        data = f.read()
    tokens, pos = [], 0
    while len(tokens) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        tokens.append(data[start:pos])
    pos += 1
    magic, w, h, maxval = tokens[0], int(tokens[1]), int(tokens[2]), int(tokens[3])
    channels = 3 if magic == b"P6" else 1
    dtype = ">u2" if maxval > 255 else "u1"
    img = np.frombuffer(data[pos:], dtype=dtype, count=w * h * channels).reshape(h, w, channels)
    return img.astype(np.float64), maxval


def load(directory, name, side):
    for ext in ("ppm", "pgm"):
        path = os.path.join(directory, "%s_%s.%s" % (name, side, ext))
        if os.path.exists(path):
            img, maxval = read_pnm(path)
            break
    alpha_path = os.path.join(directory, "%s_%s_alpha.pgm" % (name, side))
    alpha = read_pnm(alpha_path)[0] if os.path.exists(alpha_path) else None
    return img, alpha, maxval


def gaussian(x):
    return scipy.ndimage.gaussian_filter(x, sigma=1.5, truncate=3.5, mode="reflect")


def ssim_and_cs(x, y, L):
    """Mean SSIM and mean cs over the map cropped by 5 pixels, as structural_similarity does."""
    c1, c2 = (0.01 * L) ** 2, (0.03 * L) ** 2
    ux, uy = gaussian(x), gaussian(y)
    vx = gaussian(x * x) - ux * ux
    vy = gaussian(y * y) - uy * uy
    vxy = gaussian(x * y) - ux * uy
    lum = (2 * ux * uy + c1) / (ux ** 2 + uy ** 2 + c1)
    cs = (2 * vxy + c2) / (vx + vy + c2)
    crop = (slice(5, -5), slice(5, -5))
    return float((lum * cs)[crop].mean()), float(cs[crop].mean())


def down2(x):
    h, w = x.shape[0] // 2 * 2, x.shape[1] // 2 * 2
    x = x[:h, :w]
    return 0.25 * (x[0::2, 0::2] + x[0::2, 1::2] + x[1::2, 0::2] + x[1::2, 1::2])


WEIGHTS = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333]


def ms_ssim(x, y, L):
    if min(x.shape[:2]) // 16 < 11:
        return None
    per_band = []
    for c in range(x.shape[2]):
        a, b = x[..., c], y[..., c]
        value = 1.0
        for s, weight in enumerate(WEIGHTS):
            ssim, cs = ssim_and_cs(a, b, L)
            if s == 0:
                reference = structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
                                                  use_sample_covariance=False, data_range=L)
                assert abs(reference - ssim) < 1e-12, (reference, ssim)
            term = ssim if s == len(WEIGHTS) - 1 else cs
            value *= max(term, 0.0) ** weight
            a, b = down2(a), down2(b)
        per_band.append(value)
    return float(np.mean(per_band))


def primaries_matrix():
    xy = np.array([[0.64, 0.33], [0.30, 0.60], [0.15, 0.06]])
    p = np.array([[x / y for x, y in xy], [1.0, 1.0, 1.0], [(1 - x - y) / y for x, y in xy]])
    white = np.array([0.3127 / 0.3290, 1.0, (1 - 0.3127 - 0.3290) / 0.3290])
    return p * np.linalg.solve(p, white)


def lab_from_srgb(rgb):
    """sRGB (0..1) to CIELAB with the matrix derived from the primaries and its own white."""
    v = np.abs(rgb)
    lin = np.sign(rgb) * np.where(v <= 0.04045, v / 12.92, ((v + 0.055) / 1.055) ** 2.4)
    m = primaries_matrix()
    xyz = lin @ m.T
    t = xyz / m.sum(axis=1)
    eps, kappa = 216 / 24389, 24389 / 27
    f = np.where(t > eps, np.cbrt(t), (kappa * t + 16) / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def stats(de):
    if de.size == 0:
        return 0.0, 0.0, 0.0
    return float(de.mean()), float(np.percentile(de, 95, method="inverted_cdf")), float(de.max())


def measure(directory, name):
    a, alpha_a, L = load(directory, name, "a")
    b, alpha_b, _ = load(directory, name, "b")
    visible = np.ones(a.shape[:2], dtype=bool)
    if alpha_a is not None:
        # premultiplied comparison: colour x alpha / L, then alpha itself as the last band
        a = np.concatenate([a * alpha_a / L, alpha_a], axis=2)
        b = np.concatenate([b * alpha_b / L, alpha_b], axis=2)
        visible = (alpha_a[..., 0] > 0) | (alpha_b[..., 0] > 0)
    colour = 3 if a.shape[2] >= 3 else 1
    result = {
        "data_range": L,
        "psnr": float(peak_signal_noise_ratio(a, b, data_range=L)),
        "psnr_per_band": [float(peak_signal_noise_ratio(a[..., k], b[..., k], data_range=L))
                          for k in range(a.shape[2])],
        "ssim": float(structural_similarity(a[..., :colour], b[..., :colour], gaussian_weights=True, sigma=1.5,
                                            use_sample_covariance=False, data_range=L, channel_axis=2)),
        "ssim_per_band": [float(structural_similarity(a[..., c], b[..., c], gaussian_weights=True, sigma=1.5,
                                                      use_sample_covariance=False, data_range=L))
                          for c in range(colour)],
        "ms_ssim": ms_ssim(a[..., :colour], b[..., :colour], L),
        "max_abs_error": float(np.abs(a - b).max()),
        "differing_samples": int((a != b).sum()),
    }
    ca, cb = a[..., :colour] / L, b[..., :colour] / L
    if colour == 1:
        ca, cb = np.repeat(ca, 3, axis=2), np.repeat(cb, 3, axis=2)
    de = deltaE_ciede2000(lab_from_srgb(ca), lab_from_srgb(cb))[visible]
    result["de_mean"], result["de_p95"], result["de_max"] = stats(de)
    de_skimage = deltaE_ciede2000(rgb2lab(ca), rgb2lab(cb))[visible]
    result["de_mean_rgb2lab"], _, result["de_max_rgb2lab"] = stats(de_skimage)
    result["visible_pixels"] = int(visible.sum())
    return result


def main(directory):
    with open(os.path.join(directory, "pairs.txt")) as f:
        names = [line.strip() for line in f if line.strip()]
    out = {"generator": "tools/metrics-oracle/generate_pairs.py", "oracle": "tools/metrics-oracle/oracle.py",
           "skimage": skimage.__version__, "scipy": scipy.__version__, "numpy": np.__version__,
           "pairs": {name: measure(directory, name) for name in names}}
    with open(os.path.join(directory, "expected.json"), "w") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "lamina-core/src/test/resources/metrics")
