#!/bin/sh
# Submits the shard array, then the merge to run once all shards succeeded.
#   deploy/slurm/submit.sh        (from the folder where results/ and logs/ should go)
set -eu
here=$(dirname "$0")
mkdir -p logs
array=$(sbatch --parsable "$here/sweep.sbatch")
merge=$(sbatch --parsable --dependency=afterok:"${array%%;*}" "$here/merge.sbatch")
echo "shards: job ${array%%;*} (array); merge: job ${merge%%;*} (after the shards)"
