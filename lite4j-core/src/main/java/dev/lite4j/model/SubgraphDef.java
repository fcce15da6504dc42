package dev.lite4j.model;

import java.util.List;

/** A subgraph: its tensors, the operators in execution order, and its input and output tensors. */
public record SubgraphDef(String name, List<TensorDef> tensors, int[] inputs, int[] outputs,
    List<OperatorDef> operators) {}
