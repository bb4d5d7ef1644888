package dev.lamina.bench.peers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.pattern.OpenCV;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * OpenCV's Java binding (org.openpnp:opencv, natives unpacked from the jar at start). OpenCV has no
 * alpha-compositing operation: users write "over" as the usual float blend, as here.
 */
public final class OpenCvPeer extends PeerMain {

    public static void main(String[] args) throws Exception {
        OpenCV.loadLocally();
        new OpenCvPeer().run(args);
    }

    @Override
    void composite(Path base, List<Path> layers, boolean centre, Path out, int pngLevel) {
        Mat img = Imgcodecs.imread(base.toString(), Imgcodecs.IMREAD_COLOR);
        for (Path p : layers) {
            Mat layer = Imgcodecs.imread(p.toString(), Imgcodecs.IMREAD_UNCHANGED);
            int x = centre ? (img.cols() - layer.cols()) / 2 : 0;
            int y = centre ? (img.rows() - layer.rows()) / 2 : 0;
            over(img.submat(new Rect(x, y, layer.cols(), layer.rows())), layer);
        }
        // Naming the level also switches OpenCV from its default RLE strategy to zlib's default.
        Imgcodecs.imwrite(out.toString(), img, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, pngLevel));
    }

    /**
     * dst = src * a + dst * (1 - a), in float, rounded back to 8 bits in place: "over" as an
     * OpenCV user writes it (the lab's peer and the JMH suite both call this one).
     */
    public static void over(Mat dst, Mat bgra) {
        List<Mat> ch = new ArrayList<>();
        Core.split(bgra, ch);
        Mat alpha = new Mat();
        ch.get(3).convertTo(alpha, CvType.CV_32F, 1 / 255.0);
        Mat alpha3 = new Mat();
        Core.merge(List.of(alpha, alpha, alpha), alpha3);
        Mat src = new Mat();
        Core.merge(ch.subList(0, 3), src);
        Mat srcF = new Mat();
        src.convertTo(srcF, CvType.CV_32FC3);
        Mat dstF = new Mat();
        dst.convertTo(dstF, CvType.CV_32FC3);
        // 1 - a per channel (Mat.ones would set only the first channel of a 3-channel Mat).
        Mat inv = new Mat();
        Core.subtract(new Mat(alpha3.size(), CvType.CV_32FC3, Scalar.all(1)), alpha3, inv);
        Core.multiply(srcF, alpha3, srcF);
        Core.multiply(dstF, inv, dstF);
        Core.add(srcF, dstF, dstF);
        dstF.convertTo(dst, CvType.CV_8UC3);
    }

    @Override
    void collage(Path canvas, List<Path> tiles, int tile, Path out, float jpegQuality) {
        Mat img = Imgcodecs.imread(canvas.toString(), Imgcodecs.IMREAD_COLOR);
        int perRow = img.cols() / tile;
        for (int i = 0; i < tiles.size(); i++) {
            Mat t = Imgcodecs.imread(tiles.get(i).toString(), Imgcodecs.IMREAD_COLOR);
            t.copyTo(img.submat(new Rect((i % perRow) * tile, (i / perRow) * tile, tile, tile)));
        }
        Imgcodecs.imwrite(out.toString(), img, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, Math.round(jpegQuality * 100)));
    }

    @Override
    boolean resize(Path in, Path out, int width, int height, String kernel) {
        int interp = switch (kernel) {
            case "nearest" -> Imgproc.INTER_NEAREST;
            case "linear" -> Imgproc.INTER_LINEAR;
            case "cubic" -> Imgproc.INTER_CUBIC;
            case "lanczos4" -> Imgproc.INTER_LANCZOS4;
            case "area" -> Imgproc.INTER_AREA;
            default -> -1;
        };
        if (interp < 0) {
            return false;
        }
        Mat src = Imgcodecs.imread(in.toString(), Imgcodecs.IMREAD_UNCHANGED);
        Mat dst = new Mat();
        Imgproc.resize(src, dst, new Size(width, height), 0, 0, interp);
        Imgcodecs.imwrite(out.toString(), dst, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6));
        return true;
    }

    @Override
    void thumbnail(Path in, Path out, int edge, float jpegQuality) {
        Mat src = Imgcodecs.imread(in.toString(), Imgcodecs.IMREAD_COLOR);
        int[] size = PeerIo.fit(src.cols(), src.rows(), edge);
        Mat dst = new Mat();
        // INTER_AREA is what OpenCV's documentation recommends for shrinking.
        Imgproc.resize(src, dst, new Size(size[0], size[1]), 0, 0, Imgproc.INTER_AREA);
        Imgcodecs.imwrite(out.toString(), dst, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, Math.round(jpegQuality * 100)));
    }
}
