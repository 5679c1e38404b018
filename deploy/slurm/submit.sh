#!/bin/sh
# Submits a sharded sweep: an array of N shard tasks, then the merge, which starts once every task
# has succeeded. One script for every sweep: the sweep is the spec file (write it with
# `prover-sim deploy slurm`, which prints this command), resources are sbatch options.
#
#   deploy/slurm/submit.sh SPEC/sweep.args N [sbatch options...]
#
# SPEC/sweep.args  the `prover-sim sweep` arguments, one per line (files they name are in SPEC/)
# N                number of shards: array tasks 0..N-1, task i runs --shard i/N
# sbatch options   for both jobs, e.g. --cpus-per-task=4 --mem=8G --time=12:00:00 --partition=long
#                  (defaults: the #SBATCH lines of sweep.sbatch and merge.sbatch)
#
# Results go to SPEC/results (shard-i, then merged), logs to SPEC/logs; SPEC must be on storage
# the compute nodes share. Submitting again resumes: every task passes --resume, so a finished
# shard ends at once and an interrupted one runs only its missing runs.
# The jobs run $PROVER_SIM if set, else the prover-sim beside these scripts, else the one on PATH.
set -eu

usage() {
  echo "usage: $0 SPEC/sweep.args N [sbatch options...]" >&2
  exit 2
}
[ $# -ge 2 ] || usage
[ -f "$1" ] || { echo "$0: $1: no such spec file (write one with: prover-sim deploy slurm ...)" >&2; exit 2; }
case $2 in '' | *[!0-9]*) echo "$0: N=$2: expected a whole number of shards" >&2; exit 2 ;; esac
[ "$2" -ge 1 ] || { echo "$0: N=$2: expected at least 1 shard" >&2; exit 2; }

spec_dir=$(cd "$(dirname "$1")" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
SWEEP_ARGS=$spec_dir/$(basename "$1")
SWEEP_SHARDS=$2
SWEEP_RESULTS=$spec_dir/results
shift 2
if [ -z "${PROVER_SIM:-}" ]; then
  if [ -x "$here/../../bin/prover-sim.js" ]; then PROVER_SIM=$(cd "$here/../../bin" && pwd)/prover-sim.js; else PROVER_SIM=prover-sim; fi
fi
# sbatch hands the submitting environment to the jobs (its default --export=ALL).
export SWEEP_ARGS SWEEP_SHARDS SWEEP_RESULTS PROVER_SIM
mkdir -p "$spec_dir/logs" "$SWEEP_RESULTS"

# Options given here come after ours, so they win (sbatch reads its command line in order).
array=$(sbatch --parsable --array="0-$((SWEEP_SHARDS - 1))" --chdir="$spec_dir" \
  --output="$spec_dir/logs/%x-%A_%a.out" "$@" "$here/sweep.sbatch")
array=${array%%;*}
# A failed or cancelled shard makes the merge's dependency impossible: Slurm then drops the merge
# (--kill-on-invalid-dep) instead of leaving it pending forever; submit again to resume.
merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes --chdir="$spec_dir" \
  --output="$spec_dir/logs/%x-%j.out" "$@" "$here/merge.sbatch")
merge=${merge%%;*}
echo "shards: job $array (array 0-$((SWEEP_SHARDS - 1))); merge: job $merge (after the shards)"
echo "results: $SWEEP_RESULTS/merged"
