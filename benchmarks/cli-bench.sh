#!/usr/bin/env bash
# Times the real command line end to end (JVM start included) on generated policies.
#
#   benchmarks/cli-bench.sh                      # samples/acme, then 100 1000 10000 100000 identities, 5 runs each
#   SIZES="100 1000" RUNS=3 benchmarks/cli-bench.sh
#   HEAP=1g DEFECTS=0.05 SEED=42 BENCH_DIR=/tmp/idflow-bench benchmarks/cli-bench.sh
#   IDFLOW=/path/to/other/checkout/idflow benchmarks/cli-bench.sh   # time another build (before/after)
#   OUT_DIR=/tmp/idflow-out benchmarks/cli-bench.sh                  # compile onto the disk (default: tmpfs)
#
# Sizes up to 10,000 run with HEAP (1g); larger ones with HEAP_LARGE (2g) and RUNS_LARGE runs (2):
# the model and flows of 100,000 identities hold about 0.7 GB, and with 1 GiB the collector
# runs full collections one after another (`check`: 29 s against 11 s).
#
# For every size it prints the minimum, median and maximum wall time of RUNS runs of
# `./idflow check` and of `./idflow compile` (all targets, of the same size generated without
# defects, so that it compiles), the throughput
# (identities per second, from the minimum), the peak resident set size, and the ratio of the
# minimum time to that of the previous size. The machine is shared: read the minimum, and the
# spread between minimum and maximum says how noisy the run was.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
sizes=${SIZES:-"acme 100 1000 10000 100000"}
runs=${RUNS:-5}
heap=${HEAP:-1g}
heap_large=${HEAP_LARGE:-2g}
runs_large=${RUNS_LARGE:-2}
idflow=${IDFLOW:-./idflow}
defects=${DEFECTS:-0.05}
seed=${SEED:-42}
now=${NOW:-2026-11-29T08:00:00Z}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/idflow-bench}
# compile's output folders: on tmpfs when there is one, so that the times are idflow's and not
# the disk's (see docs/performance.md: on this machine's disk, creating files soon after many
# were deleted costs up to several seconds of kernel time). OUT_DIR=DIR puts them elsewhere.
if [ -n "${OUT_DIR:-}" ]; then
  out_root=$OUT_DIR
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
  out_root=/dev/shm/idflow-bench-out
else
  out_root=$work
fi

cd "$root"
extra_opts=${IDFLOW_JAVA_OPTS:-}
"$idflow" --version >/dev/null    # builds the command line (and its class-data archive) outside the timings
gen_cp="$root/benchmarks/target/classes:$root/compiler/target/classes"
if [ ! -f "$root/benchmarks/target/classes/dev/idflow/bench/PolicyGenerator.class" ] \
   || [ -n "$(find "$root/benchmarks/src/main" -newer "$root/benchmarks/target/classes/dev/idflow/bench/PolicyGenerator.class" -type f -print -quit)" ]; then
  echo "cli-bench: building the generator..." >&2
  mvn -q -B -o -DskipTests -pl benchmarks -am compile >&2
fi

commands=(check)
if "$idflow" compile --help 2>/dev/null | grep -q 'Usage: idflow compile'; then
  commands+=(compile)
fi

# one run: "wall-seconds peak-rss-kib cpu-seconds" (cpu = user + system, all threads)
measure() {
  local out="$work/out" status=0 t0 t1 kib cpu
  if [ -x /usr/bin/time ]; then
    t0=$(date +%s.%N)
    /usr/bin/time -f "%M %U %S" -o "$work/rss" "$@" >"$out" 2>&1 || status=$?
    t1=$(date +%s.%N)
    read -r kib u s < <(tail -n 1 "$work/rss")
    cpu=$(calc "$u + $s")
  else
    t0=$(date +%s.%N)
    "$@" >"$out" 2>&1 &
    local pid=$! hwm=0 ticks=0 v
    while kill -0 "$pid" 2>/dev/null; do
      v=$(awk '/^VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
      [ -n "$v" ] && hwm=$v
      v=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || true)
      [ -n "$v" ] && ticks=$v
      sleep 0.02
    done
    wait "$pid" || status=$?
    t1=$(date +%s.%N)
    kib=$hwm
    cpu=$(calc "$ticks / $(getconf CLK_TCK)")
  fi
  if [ "$status" -ge 2 ]; then
    echo "cli-bench: \`$*\` exited $status:" >&2
    tail -n 5 "$out" >&2
    exit 1
  fi
  echo "$(calc "$t1 - $t0") $kib $cpu"
}

calc() { awk "BEGIN { printf \"%.6f\", $* }"; }

mkdir -p "$work" "$out_root"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -n 1); heap -Xmx$heap (-Xms=-Xmx=$heap_large above 10000); runs per size: $runs ($runs_large above 10000); now: $now"
echo "idflow: $idflow; compile output under $out_root"
printf '%-8s %-8s %9s %9s %9s %9s %12s %10s %7s\n' command size min_s median_s max_s min_cpu_s ident/s peak_MiB ratio
for cmd in "${commands[@]}"; do
  prev=""
  for n in $sizes; do
    dir="$work/policy-$n-s$seed-d$defects"
    if [ "$n" = acme ]; then
      dir="$root/samples/acme/policies"
    elif [ ! -d "$dir" ]; then
      java -cp "$gen_cp" dev.idflow.bench.PolicyGenerator --identities "$n" --seed "$seed" --defects "$defects" \
        --out "$dir" >/dev/null
    fi
    if [ "$cmd" = compile ] && [ "$n" != acme ]; then
      # compile needs a policy without error findings: the same size with no defects, and
      # IDF601 lowered to a warning (the spec's entropy rule flags long resource paths such as
      # projects/acme-prod-3/buckets/analytics-2-github-3946: 45 of them at 10,000 identities)
      dir="$work/policy-$n-s$seed-d0"
      if [ ! -d "$dir" ]; then
        java -cp "$gen_cp" dev.idflow.bench.PolicyGenerator --identities "$n" --seed "$seed" --defects 0 \
          --out "$dir" >/dev/null
        printf 'severity:\n  IDF601: warning\n' >"$dir/idflow.yaml"
      fi
      args=("$idflow" compile "$dir" --now "$now" -o "$out_root/out-$n")
    elif [ "$cmd" = compile ]; then
      args=("$idflow" compile "$dir" --now "$now" -o "$out_root/out-$n")
    else
      args=("$idflow" check "$dir" --now "$now")
    fi
    h=$heap
    r_n=$runs
    if [ "$n" != acme ] && [ "$n" -gt 10000 ]; then
      h=$heap_large
      r_n=$runs_large
    fi
    # the heap may grow to HEAP (the targets' "within 1 GiB"); above 10,000 identities it is fixed
    # from the start, since growing a 2 GiB heap costs full collections
    if [ "$n" != acme ] && [ "$n" -gt 10000 ]; then
      export IDFLOW_JAVA_OPTS="-Xms$h -Xmx$h $extra_opts"
    else
      export IDFLOW_JAVA_OPTS="-Xmx$h $extra_opts"
    fi
    times=()
    cpus=()
    peak=0
    for ((r = 0; r < r_n; r++)); do
      if [ "$cmd" = compile ]; then
        # each compile writes a fresh output folder, as in CI on a fresh clone (replacing the
        # previous run's folder would time deleting it: 27,801 files at 10,000 identities)
        rm -rf "$out_root/out-$n"
      fi
      read -r s kib c < <(measure "${args[@]}")
      times+=("$s")
      cpus+=("$c")
      [ "$kib" -gt "$peak" ] && peak=$kib
    done
    # the last run's output goes too: on tmpfs it holds memory (2.3 GB at 100,000 identities)
    [ "$cmd" = compile ] && rm -rf "$out_root/out-$n"
    sorted=($(printf '%s\n' "${times[@]}" | sort -g))
    min=${sorted[0]}
    max=${sorted[$((${#sorted[@]} - 1))]}
    med=${sorted[$((${#sorted[@]} / 2))]}
    mincpu=$(printf '%s\n' "${cpus[@]}" | sort -g | head -n 1)
    ids=$(cat $(find "$dir" -name '*.idflow') | grep -c '^identity ' || true)
    ratio="-"
    [ -n "$prev" ] && [ "$n" != acme ] && ratio=$(printf '%.1fx' "$(calc "$min / $prev")")
    printf '%-8s %-8s %9.2f %9.2f %9.2f %9.2f %12.0f %10.0f %7s\n' "$cmd" "$n" "$min" "$med" "$max" "$mincpu" \
      "$(calc "$ids / $min")" "$(calc "$peak / 1024")" "$ratio"
    [ "$n" != acme ] && prev=$min
  done
done
# the output root, when this script chose it and left it empty
[ -z "${OUT_DIR:-}" ] && [ "$out_root" != "$work" ] && rmdir "$out_root" 2>/dev/null || true
