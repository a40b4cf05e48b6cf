#!/usr/bin/env bash
# The benchmark of issue 5 (see bench/README.md):
#   bash bench/run.sh [--r2r] [--quick] [--jobs N] [--scales 1,2,4] [--repeat N] [--no-duckdb]
# Publishes mimiceye into bench/bin natively compiled (PublishAot: the fastest way to run it, README "Install"; it
# needs clang or gcc), or, with --r2r or when that publish fails, as the packed tool ships it (ReadyToRun); builds
# the bench, generates the synthetic sources under bench/data (kept for reruns, gitignored) and prints the tables;
# a copy goes to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/bin
flavor=native
if [[ "${1:-}" == "--r2r" ]]; then
    flavor=r2r
    shift
fi
if [[ $flavor == native ]] && ! dotnet publish -c Release --nologo -v quiet -o bench/bin/mimiceye-native \
        src/MimicEye/MimicEye.csproj -p:PublishAot=true >bench/bin/native-publish.log 2>&1; then
    echo "bench: the native publish failed (bench/bin/native-publish.log; is clang or gcc installed?): measuring the ReadyToRun build" >&2
    flavor=r2r
fi
if [[ $flavor == native ]]; then
    bin=bench/bin/mimiceye-native/mimiceye
    label="native AOT"
else
    dotnet publish -c Release --nologo -v quiet -o bench/bin/mimiceye src/MimicEye/MimicEye.csproj >/dev/null
    bin=bench/bin/mimiceye/mimiceye
    label="ReadyToRun"
fi
dotnet build -c Release --nologo -v quiet bench/MimicEye.Bench/MimicEye.Bench.csproj >/dev/null
exec bench/MimicEye.Bench/bin/Release/net10.0/linux-x64/MimicEye.Bench --mimiceye "$PWD/$bin" --flavor "$label" "$@"
