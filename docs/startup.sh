#!/bin/bash
# Start-up with the ONNX Runtime delegate, the protocol of `./lite4j compare`: each sample is a fresh JVM
# with an empty LITE4J_CACHE. cold = its first `new Interpreter` (empty disk cache), warm = a second one
# in the same process (the disk cache filled); fresh-warm = `./lite4j benchmark` init in another fresh
# JVM that finds the filled cache. With and without the launcher's AOT cache (LITE4J_AOT), alternating.
# Usage: docs/startup.sh MODEL [SAMPLES]   (prints medians, then every sample)
cd "$(dirname "$0")/.."
model=$(realpath "$1"); n=${2:-11}
for i in $(seq "$n"); do
  for aot in on off; do
    cache=$(mktemp -d)
    sync # the previous run's cache files are flushed now, not during this one
    line=$(LITE4J_AOT=$aot LITE4J_CACHE=$cache LITE4J_MAIN=dev.lite4j.cli.StartupProbe ./lite4j "$model" 1 onnxruntime 2>/dev/null \
      | grep '^lite4j-startup ')
    echo "aot-$aot cold $(echo "$line" | grep -o '"cold_init_us":[0-9]*' | grep -o '[0-9]*$')"
    echo "aot-$aot warm $(echo "$line" | grep -o '"warm_init_us":[0-9]*' | grep -o '[0-9]*$')"
    sync
    init=$(LITE4J_AOT=$aot LITE4J_CACHE=$cache ./lite4j benchmark --graph="$model" --delegate=onnxruntime \
      --num_runs=1 --min_secs=0 --warmup_runs=0 --warmup_min_secs=0 2>/dev/null | grep -o 'Init: [0-9]*' | grep -o '[0-9]*$')
    echo "aot-$aot fresh-warm $init"
    rm -rf "$cache"
  done
done | tee /dev/stderr | awk '{k = $1 " " $2; v[k] = v[k] " " $3} END {
  for (k in v) { n = split(v[k], a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    printf "%-22s median %7.1f ms  (%d samples)\n", k, a[int((n + 1) / 2)] / 1000, n } }' | sort
