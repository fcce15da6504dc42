package dev.lite4j.model;

import java.util.Map;

/** A signature: a key, the subgraph it runs and its named inputs and outputs (name -> tensor index). */
public record SignatureDef(String key, int subgraphIndex, Map<String, Integer> inputs,
    Map<String, Integer> outputs) {}
