#!/bin/sh
# Runs a sharded sweep on Kubernetes: the shards (an Indexed Job), then the merge.
#   deploy/kubernetes/run.sh [namespace]
# Re-running it is safe: shards resume, and the merge refuses an --out that already holds results.
set -eu
ns=${1:-default}
here=$(dirname "$0")
kubectl -n "$ns" apply -f "$here/results-pvc.yaml"
kubectl -n "$ns" apply -f "$here/sweep-job.yaml"
# Long sweeps: raise the timeout (or run this line again; the job keeps going meanwhile).
kubectl -n "$ns" wait --for=condition=complete --timeout=24h job/prover-sim-sweep
kubectl -n "$ns" delete job/prover-sim-merge --ignore-not-found
kubectl -n "$ns" apply -f "$here/merge-job.yaml"
kubectl -n "$ns" wait --for=condition=complete --timeout=1h job/prover-sim-merge
kubectl -n "$ns" logs job/prover-sim-merge
