#!/bin/bash
# usage: make.sh DIR [NAME...]  — records TF Lite 2.6.2 outputs for each model folder in DIR
DIR=$1; shift
RUN=/work/shared/tools/tflite-reference/run.sh
names=("$@"); [ ${#names[@]} -eq 0 ] && names=($(ls "$DIR"))
for n in "${names[@]}"; do
  d="$DIR/$n"; args=()
  for f in "$d"/in*.npy; do [ -e "$f" ] || continue; i=$(basename "$f" .npy); i=${i#in}; args+=(--input "$i=$f"); done
  "$RUN" golden "$d/model.tflite" "$d/golden" --case c1 "${args[@]}" > "$d/log.txt" 2>&1; echo "$n rc=$?"
done
