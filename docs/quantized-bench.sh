#!/bin/bash
# Quantized models side by side, 1 thread, alternating in each round: TF Lite 2.6.2 builtin kernels, TF Lite 2.6.2 +
# XNNPACK, Lite4j CPU. Prints one line per measurement: round model runtime median_us.
cd "$(dirname "$0")/.."
REF=../shared/tools/tflite-reference/run.sh
ROUNDS=${ROUNDS:-3}
MODELS=${*:-mobilenet_v2_1.0_224_quant mobilenet_v2_1.0_224_int8 mobilenet_v1_0.25_224_quant mobilenet_v2_1.0_224_dequant_dynamic}
median() { grep -o '"median_us": *[0-9.]*' | grep -o '[0-9.]*$'; }
for round in $(seq 1 "$ROUNDS"); do
  for n in $MODELS; do
    m=../shared/models/$n.tflite
    echo "$round $n tflite_builtin $($REF bench $m --num_threads 1 --xnnpack false --num_runs 20 --min_secs 2 --json 2>/dev/null | median)"
    echo "$round $n tflite_xnnpack $($REF bench $m --num_threads 1 --xnnpack true --num_runs 20 --min_secs 2 --json 2>/dev/null | median)"
    echo "$round $n lite4j_cpu $(./lite4j benchmark --graph=$m --num_runs=20 --min_secs=2 --json 2>/dev/null | median)"
  done
done
