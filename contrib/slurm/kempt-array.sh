#!/bin/bash
#SBATCH --job-name=kempt-wet
#SBATCH --cpus-per-task=1
#SBATCH --output=kempt-%A_%a.log
# kempt-array.sh - clean a list of WET files with a Slurm job array.
#
#   sbatch --array=0-$((N - 1)) kempt-array.sh LIST OUTDIR [OPTION]...
#
# LIST holds one input path per line (WET files, gzipped or not). Array
# task I of N takes the lines I, I+N, I+2N, ... (counting from 0) and
# cleans each file into OUTDIR/NAME, NAME being the file's name without
# .gz (or with .gz when --gzip is among the OPTIONs, which go to kempt).
# Every output is written to a temporary file and renamed when complete,
# and outputs that exist are skipped: to resume after a failure, a time
# limit or a preemption, submit the same command again. The tasks need no
# coordination. KEMPT names the program (default: kempt on PATH); with
# several CPUs per task, add -j N to the OPTIONs.
set -u -o pipefail
if [ $# -lt 2 ]; then
  echo "usage: sbatch --array=0-(N-1) $0 LIST OUTDIR [KEMPT OPTION]..." >&2
  exit 2
fi
list=$1 outdir=$2
shift 2
kempt=${KEMPT:-kempt}
min=${SLURM_ARRAY_TASK_MIN:-0}
n=${SLURM_ARRAY_TASK_COUNT:-$((${SLURM_ARRAY_TASK_MAX:-0} - min + 1))}
i=$((${SLURM_ARRAY_TASK_ID:-0} - min))
mkdir -p "$outdir" || exit 1
echo "kempt-array: task $i of $n on $(hostname)" >&2
# This task's share of the list, given to one kempt in batch mode (which
# names each output after its input, skips existing ones and removes its
# temporary files if the task is killed).
awk -v i="$i" -v n="$n" '(NR - 1) % n == i && NF' "$list" |
  xargs -r -d '\n' "$kempt" --format=wet --recursive --skip-existing \
    -o "$outdir" "$@"
