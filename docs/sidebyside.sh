#!/bin/bash
# Alternates the reference (TF Lite 2.6.2 + XNNPACK, 1 thread), Lite4j CPU and Lite4j + ONNX Runtime, 3 rounds.
cd "$(dirname "$0")/.."
REF=../shared/tools/tflite-reference/run.sh
for round in 1 2 3; do
  for m in ../shared/models/mobilenet_v2_1.0_224_dequant.tflite $HOME/.cache/lite4j/models/inception_v3_299_synthetic.tflite; do
    n=$(basename $m .tflite)
    r=$($REF bench $m --num_threads 1 --xnnpack true --num_runs 20 --min_secs 2 --json 2>/dev/null | grep -o '"median_us": *[0-9.]*' | grep -o '[0-9.]*$')
    echo "$round $n reference_xnnpack_1thread $r"
    c=$(./lite4j benchmark --graph=$m --num_runs=10 --min_secs=1 --json 2>/dev/null | grep -o '"median_us": *[0-9.]*' | grep -o '[0-9.]*$')
    echo "$round $n lite4j_cpu_1thread $c"
    o=$(./lite4j benchmark --graph=$m --delegate=onnxruntime --num_runs=20 --min_secs=2 --json 2>/dev/null | grep -o '"median_us": *[0-9.]*' | grep -o '[0-9.]*$')
    echo "$round $n lite4j_onnxruntime_cpu $o"
  done
done
