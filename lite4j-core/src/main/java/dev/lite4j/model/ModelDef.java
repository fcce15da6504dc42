package dev.lite4j.model;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * A verified model file: schema version, description, subgraphs, signatures, metadata buffers
 * (name -> read-only view) and the minimum runtime version the converter recorded (or null).
 */
public record ModelDef(
    long schemaVersion,
    String description,
    List<SubgraphDef> subgraphs,
    List<SignatureDef> signatures,
    Map<String, ByteBuffer> metadata,
    String minRuntimeVersion,
    ByteBuffer bytes) {

  public SubgraphDef primarySubgraph() {
    return subgraphs.get(0);
  }
}
