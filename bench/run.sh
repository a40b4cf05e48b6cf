#!/usr/bin/env bash
# The benchmark of issue 5 (see bench/README.md): bash bench/run.sh [--quick] [--jobs N] [--scales 1,2,4] [--no-duckdb]
# Builds mimiceye and the bench in Release, generates the synthetic sources under bench/data (kept for
# reruns, gitignored) and prints the tables; a copy goes to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release --nologo -v quiet src/MimicEye/MimicEye.csproj >/dev/null
dotnet build -c Release --nologo -v quiet bench/MimicEye.Bench/MimicEye.Bench.csproj >/dev/null
bin=src/MimicEye/bin/Release/net10.0/linux-x64/mimiceye
exec bench/MimicEye.Bench/bin/Release/net10.0/linux-x64/MimicEye.Bench --mimiceye "$PWD/$bin" "$@"
