package dev.lite4j.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A {@link ChartCanvas} painting into an image with java.awt (headless), at {@code scale} device
 * pixels per chart pixel so that the PNG stays sharp on high-density screens.
 */
final class PngCanvas implements ChartCanvas {
  private final BufferedImage image;
  private final Graphics2D g;

  PngCanvas(int width, int height, double scale) {
    System.setProperty("java.awt.headless", "true");
    image = new BufferedImage((int) Math.round(width * scale), (int) Math.round(height * scale),
        BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(scale, scale);
    g.setColor(Color.WHITE);
    g.fill(new Rectangle2D.Double(0, 0, width, height));
  }

  @Override
  public void rect(double x, double y, double w, double h, Color fill) {
    g.setColor(fill);
    g.fill(new Rectangle2D.Double(x, y, w, h));
  }

  @Override
  public void line(double x1, double y1, double x2, double y2, Color stroke, double width, boolean dashed) {
    g.setColor(stroke);
    g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
        new float[] {6f, 4f}, 0f) : new BasicStroke((float) width));
    g.draw(new Line2D.Double(x1, y1, x2, y2));
  }

  @Override
  public void text(double x, double y, String s, double size, Anchor anchor, boolean bold, Color fill,
      boolean vertical) {
    Font font = new Font(FONT_FAMILY, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    double w = ChartCanvas.textWidth(s, size, bold);
    double dx = switch (anchor) {
      case START -> 0;
      case MIDDLE -> -w / 2;
      case END -> -w;
    };
    AffineTransform saved = g.getTransform();
    g.translate(x, y);
    if (vertical) {
      g.rotate(-Math.PI / 2);
    }
    g.setFont(font);
    g.setColor(fill);
    g.drawString(s, (float) dx, 0f);
    g.setTransform(saved);
  }

  void write(Path file) throws IOException {
    g.dispose();
    if (!ImageIO.write(image, "png", file.toFile())) {
      throw new IOException("no PNG writer in this JDK");
    }
  }
}
