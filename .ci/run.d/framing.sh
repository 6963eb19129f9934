#!/bin/bash
# .ci/run.d/framing.sh - the framing area's slow suite: make
# check-distributed, which starts a single-node Slurm (slurmctld + slurmd
# on 127.0.0.1) to run contrib/slurm/kempt-array.sh, and runs the GNU
# parallel recipes. Slurm and parallel are test-only packages (listed in
# .ci/packages/framing); installed here too when missing, so that this
# script also runs on its own. Run by .ci/run as root in the built tree.
set -euo pipefail
need=
command -v slurmctld > /dev/null || need="$need slurm-wlm"
command -v parallel > /dev/null || need="$need parallel"
if [ -n "$need" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || true
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $need > /dev/null
fi
timeout 600 make check-distributed DISTRIBUTED_STRICT=1
