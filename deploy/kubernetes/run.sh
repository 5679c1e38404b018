#!/bin/sh
# Runs a sharded sweep on Kubernetes from the folder `prover-sim deploy kubernetes` wrote: the
# spec (a ConfigMap), the results volume, the shards (an Indexed Job), then, once every shard has
# completed, the merge (a Job). One script for every sweep: the sweep is in the folder.
#
#   deploy/kubernetes/run.sh DIR [namespace]
#
# Running it again is safe and resumes: applying an unchanged Job changes nothing, shard pods pass
# --resume, and the merge Job is recreated (merge refuses a folder already merged).
set -eu

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 DIR [namespace]" >&2
  exit 2
fi
dir=$1
ns=${2:-default}
for f in sweep-config.yaml results-pvc.yaml shards-job.yaml merge-job.yaml; do
  [ -f "$dir/$f" ] || { echo "$0: $dir/$f is missing (write the folder with: prover-sim deploy kubernetes ...)" >&2; exit 2; }
done

kubectl -n "$ns" apply -f "$dir/sweep-config.yaml" -f "$dir/results-pvc.yaml" -f "$dir/shards-job.yaml"
# Long sweeps: raise the timeout, or run this script again (the Job keeps going meanwhile).
kubectl -n "$ns" wait --for=condition=complete --timeout="${SWEEP_TIMEOUT:-24h}" -f "$dir/shards-job.yaml"
kubectl -n "$ns" delete --ignore-not-found -f "$dir/merge-job.yaml"
kubectl -n "$ns" apply -f "$dir/merge-job.yaml"
kubectl -n "$ns" wait --for=condition=complete --timeout=1h -f "$dir/merge-job.yaml"
kubectl -n "$ns" logs "$(kubectl -n "$ns" get -f "$dir/merge-job.yaml" -o name)"
