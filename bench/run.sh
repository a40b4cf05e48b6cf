#!/usr/bin/env bash
# The benchmark of issue 5 (see bench/README.md): bash bench/run.sh [--quick] [--jobs N] [--scales 1,2,4] [--no-duckdb]
# Publishes mimiceye as the packed tool ships it (Release, ReadyToRun) into bench/bin, builds the bench, generates
# the synthetic sources under bench/data (kept for reruns, gitignored) and prints the tables; a copy goes to
# bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet publish -c Release --nologo -v quiet -o bench/bin/mimiceye src/MimicEye/MimicEye.csproj >/dev/null
dotnet build -c Release --nologo -v quiet bench/MimicEye.Bench/MimicEye.Bench.csproj >/dev/null
bin=bench/bin/mimiceye/mimiceye
exec bench/MimicEye.Bench/bin/Release/net10.0/linux-x64/MimicEye.Bench --mimiceye "$PWD/$bin" "$@"
