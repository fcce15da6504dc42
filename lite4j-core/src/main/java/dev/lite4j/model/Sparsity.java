package dev.lite4j.model;

import java.util.List;

/**
 * Sparse encoding of a constant tensor (TensorFlow Lite's {@code SparsityParameters}): dimensions in
 * {@code traversalOrder}, each dense or compressed (CSR-like segments and indices); {@code blockMap}
 * maps the trailing block dimensions to the dense dimensions they split.
 */
public record Sparsity(int[] traversalOrder, int[] blockMap, List<Dimension> dimensions) {

  /** One traversed dimension: dense with {@code denseSize} entries, or sparse with segments/indices. */
  public record Dimension(boolean dense, int denseSize, int[] segments, int[] indices) {}
}
