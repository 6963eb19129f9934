#!/bin/bash
# slurm.sh - contrib/slurm/kempt-array.sh for real: a single-node Slurm
# (slurmctld and slurmd on 127.0.0.1, auth/none, its own ports and state
# in a temporary folder) runs the job array over a few hundred generated
# WET records in several files; every record must come out once, cleaned,
# and a second submission must resume (redo only what is missing). The
# daemons are stopped at the end. Exit 77 (skip) without Slurm or as a
# user who cannot run slurmd.
: "${top_srcdir:=.}" "${KEMPT:=$PWD/src/kempt}"
for tool in slurmctld slurmd sbatch sinfo scontrol; do
  command -v $tool > /dev/null || { echo "SKIP: no $tool"; exit 77; }
done
[ "$(id -u)" = 0 ] || { echo "SKIP: slurmd needs root"; exit 77; }
KEMPT=$(cd "$(dirname "$KEMPT")" && pwd)/$(basename "$KEMPT")
top_srcdir=$(cd "$top_srcdir" && pwd)
export KEMPT
d=$(mktemp -d /tmp/kempt-slurm.XXXXXX) || exit 99
pids=
cleanup() {
  for p in $pids; do kill "$p" 2> /dev/null; done
  for p in $pids; do wait "$p" 2> /dev/null; done
  rm -rf "$d"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; tail -20 "$d"/*.log 2> /dev/null; exit 1; }

host=$(hostname -s)
port=$((20000 + $$ % 20000))
mkdir -p "$d/state" "$d/spool" "$d/in" "$d/out"
cat > "$d/slurm.conf" <<CONF
ClusterName=kempttest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
AuthType=auth/none
CredType=cred/none
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$d/state
SlurmdSpoolDir=$d/spool
SlurmctldPidFile=$d/slurmctld.pid
SlurmdPidFile=$d/slurmd.pid
SlurmctldLogFile=$d/slurmctld.log
SlurmdLogFile=$d/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
MpiDefault=none
ReturnToService=2
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=2 State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF=$d/slurm.conf

slurmctld -D -c -f "$SLURM_CONF" > "$d/ctld.out" 2>&1 &
pids="$pids $!"
slurmd -D -f "$SLURM_CONF" > "$d/d.out" 2>&1 &
pids="$pids $!"
for _ in $(seq 60); do
  sinfo -h -o '%T' 2> /dev/null | grep -qx idle && break
  sleep 0.5
done
sinfo -h -o '%T' | grep -qx idle || fail "the node did not come up"

# 300 records in 6 files, half of them gzipped with one member per record.
gen="$top_srcdir/tests/distributed/gen-wet.sh"
for f in 0 1 2 3 4 5; do
  if [ $((f % 2)) = 0 ]; then
    sh "$gen" $((f * 50)) 50 > "$d/in/part$f.warc.wet"
  else
    for r in $(seq $((f * 50)) $((f * 50 + 49))); do
      sh "$gen" "$r" 1 | gzip
    done > "$d/in/part$f.warc.wet.gz"
  fi
  echo "$d/in/part$f.warc.wet$([ $((f % 2)) = 1 ] && echo .gz)"
done > "$d/list"

array="$top_srcdir/contrib/slurm/kempt-array.sh"
submit() {
  (cd "$d" && timeout 120 sbatch --wait --array=0-3 "$array" "$d/list" \
    "$d/out" --stages=decode) > "$d/sbatch.out" 2>&1
}
submit || fail "sbatch: $(cat "$d/sbatch.out")"

ids() { grep -ah '^WARC-Record-ID' "$@" | sort; }
[ "$(ls "$d/out" | wc -l)" = 6 ] || fail "not 6 outputs: $(ls "$d/out")"
[ -z "$(ls -a "$d/out" | grep kempt-)" ] || fail "temporary files left"
all_in=$(for f in "$d"/in/*; do gzip -dcf "$f"; done | ids -)
all_out=$(ids "$d"/out/*)
[ "$(echo "$all_out" | wc -l)" = 300 ] || fail "not 300 records out"
[ "$all_in" = "$all_out" ] || fail "records lost or doubled"
grep -aq '^Record 17: a title$' "$d/out/part0.warc.wet" || fail "not cleaned"
for f in "$d"/in/*; do
  gzip -dcf "$f" | "$KEMPT" -f wet --stages=decode |
    cmp -s - "$d/out/$(basename "$f" .gz)" || fail "$f: not as one kempt gives"
done

# Resume: outputs that exist are kept; a missing one is made again.
echo "kept" > "$d/out/part1.warc.wet"
rm "$d/out/part4.warc.wet"
submit || fail "second sbatch: $(cat "$d/sbatch.out")"
[ "$(cat "$d/out/part1.warc.wet")" = kept ] || fail "an existing output was redone"
[ -s "$d/out/part4.warc.wet" ] || fail "a missing output was not made again"
echo "PASS: Slurm job array, 4 tasks, 6 files, 300 records out once; resumed"
