package dev.lite4j.cli;

import dev.lite4j.DataType;
import dev.lite4j.io.Npy;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/**
 * Image to input tensor, exactly as the reference tool's {@code prep} (tools/tflite-reference/README.md),
 * so that Lite4j and TensorFlow Lite compare tensors, not image decoders: ImageIO decode, sRGB from
 * {@code getRGB} (no EXIF rotation), bilinear resize with half-pixel centers in double precision,
 * rounding half up to 0..255, RGB NHWC; grey for one channel. One deliberate difference: grey image files
 * give their stored values (see {@link #packedRgb}), where the reference's {@code getRGB} gamma-encodes them.
 */
public final class ImagePrep {
  /** The reference's float normalisation, (u - 127.5) / 127.5. */
  public static final double DEFAULT_MEAN = 127.5;
  public static final double DEFAULT_STD = 127.5;

  private ImagePrep() {}

  public static BufferedImage decode(Path image) throws IOException {
    if (!Files.isRegularFile(image)) {
      throw new CliException("image file not found: " + image);
    }
    BufferedImage img = ImageIO.read(image.toFile());
    if (img == null) {
      throw new CliException("cannot decode image " + image + " (ImageIO reads JPEG, PNG, BMP, GIF)");
    }
    return img;
  }

  /** Resized RGB values 0..255, {@code h*w*3} in NHWC order. */
  public static int[] resizeRgb(BufferedImage img, int h, int w) {
    int iw = img.getWidth();
    int ih = img.getHeight();
    int[] src = packedRgb(img);
    int[] out = new int[h * w * 3];
    double scaleY = (double) ih / h;
    double scaleX = (double) iw / w;
    int[] x0 = new int[w];
    int[] x1 = new int[w];
    double[] fx = new double[w];
    for (int x = 0; x < w; x++) {
      double sx = Math.max(0, (x + 0.5) * scaleX - 0.5);
      x0[x] = Math.min((int) Math.floor(sx), iw - 1);
      x1[x] = Math.min(x0[x] + 1, iw - 1);
      fx[x] = sx - Math.floor(sx);
    }
    for (int y = 0; y < h; y++) {
      double sy = Math.max(0, (y + 0.5) * scaleY - 0.5);
      int y0 = Math.min((int) Math.floor(sy), ih - 1);
      int y1 = Math.min(y0 + 1, ih - 1);
      double fy = sy - Math.floor(sy);
      for (int x = 0; x < w; x++) {
        int p00 = src[y0 * iw + x0[x]];
        int p01 = src[y0 * iw + x1[x]];
        int p10 = src[y1 * iw + x0[x]];
        int p11 = src[y1 * iw + x1[x]];
        for (int c = 0; c < 3; c++) {
          int shift = 16 - 8 * c; // R, G, B
          double a = (p00 >> shift) & 0xff;
          double b = (p01 >> shift) & 0xff;
          double cc = (p10 >> shift) & 0xff;
          double d = (p11 >> shift) & 0xff;
          double top = a + (b - a) * fx[x];
          double bottom = cc + (d - cc) * fx[x];
          double v = top + (bottom - top) * fy;
          out[(y * w + x) * 3 + c] = (int) Math.max(0, Math.min(255, Math.floor(v + 0.5)));
        }
      }
    }
    return out;
  }

  /**
   * The image as packed 0xRRGGBB values: {@code getRGB} (sRGB), except for grey images, whose stored values
   * are taken as they are (R = G = B). Java treats TYPE_BYTE_GRAY as linear grey and {@code getRGB} would
   * gamma-encode it (stored 11 reads as 59), which no other reader does; person_detect's BMP inputs are such
   * images.
   */
  static int[] packedRgb(BufferedImage img) {
    int iw = img.getWidth();
    int ih = img.getHeight();
    int type = img.getType();
    if (type != BufferedImage.TYPE_BYTE_GRAY && type != BufferedImage.TYPE_USHORT_GRAY) {
      return img.getRGB(0, 0, iw, ih, null, 0, iw);
    }
    int shift = type == BufferedImage.TYPE_USHORT_GRAY ? 8 : 0;
    int[] samples = img.getRaster().getSamples(0, 0, iw, ih, 0, (int[]) null);
    for (int i = 0; i < samples.length; i++) {
      int g = (samples[i] >> shift) & 0xff;
      samples[i] = (g << 16) | (g << 8) | g;
    }
    return samples;
  }

  /** Grey {@code floor(0.299 R + 0.587 G + 0.114 B + 0.5)} of rounded RGB triples. */
  public static int[] grey(int[] rgb) {
    int[] g = new int[rgb.length / 3];
    for (int i = 0; i < g.length; i++) {
      g[i] = (int) Math.min(255, Math.floor(0.299 * rgb[3 * i] + 0.587 * rgb[3 * i + 1]
          + 0.114 * rgb[3 * i + 2] + 0.5));
    }
    return g;
  }

  /** {@link #prep(BufferedImage, int[], DataType, double, double)} with the reference's normalisation. */
  public static Npy prep(Path image, int[] shape, DataType type) throws IOException {
    return prep(decode(image), shape, type, DEFAULT_MEAN, DEFAULT_STD);
  }

  /**
   * The tensor for an input of {@code shape} [1, H, W, 3 or 1] and {@code type}: uint8 u, int8 u - 128,
   * float32 (u - mean) / std.
   */
  public static Npy prep(BufferedImage img, int[] shape, DataType type, double mean, double std) {
    return prep(img, shape, type, mean, std, false);
  }

  /**
   * As {@link #prep(BufferedImage, int[], DataType, double, double)}; with {@code int8Bits} an int8 input
   * gets each pixel's 8 bits read as a signed byte instead of u - 128. That is how TensorFlow Lite Micro's
   * examples store their int8 test images in BMP files (person_detect's person.bmp and no_person.bmp hold
   * int8 values, not viewable pixels), and how its build turns them into test inputs.
   */
  public static Npy prep(BufferedImage img, int[] shape, DataType type, double mean, double std, boolean int8Bits) {
    if (shape.length != 4 || shape[0] != 1 || (shape[3] != 3 && shape[3] != 1) || shape[1] < 1 || shape[2] < 1) {
      throw new CliException("an image input must have shape [1, H, W, 3] or [1, H, W, 1], this one is "
          + Arrays.toString(shape));
    }
    if ((long) shape[1] * shape[2] * 3 > 1 << 28) {
      throw new CliException("image input shape " + Arrays.toString(shape) + " is too large");
    }
    int[] px = resizeRgb(img, shape[1], shape[2]);
    if (shape[3] == 1) {
      px = grey(px);
    }
    ByteBuffer b;
    switch (type) {
      case FLOAT32 -> {
        b = ByteBuffer.allocate(px.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < px.length; i++) {
          b.putFloat(i * 4, (float) ((px[i] - mean) / std));
        }
      }
      case UINT8 -> {
        b = ByteBuffer.allocate(px.length);
        for (int i = 0; i < px.length; i++) {
          b.put(i, (byte) px[i]);
        }
      }
      case INT8 -> {
        b = ByteBuffer.allocate(px.length);
        for (int i = 0; i < px.length; i++) {
          b.put(i, (byte) (int8Bits ? px[i] : px[i] - 128));
        }
      }
      default -> throw new CliException("an image input must be float32, uint8 or int8, this one is "
          + Formats.dtype(type));
    }
    return new Npy(Npy.dtypeOf(type), shape, b);
  }
}
