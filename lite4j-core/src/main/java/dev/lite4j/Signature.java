package dev.lite4j;

import java.util.List;

/** A model signature: its key, the subgraph it runs, and its input and output names. */
public record Signature(String key, int subgraphIndex, List<String> inputs, List<String> outputs) {}
