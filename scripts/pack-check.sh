#!/usr/bin/env bash
# Packs Proving.Core and Proving.Gpu into a local folder, then creates a fresh console project that restores
# Proving.Core from that folder ONLY (no other package source, a private package cache) and runs a pairing check:
# e(a·G1, b·G2) · e(-(a·b)·G1, G2) == 1. Prints "pairing check: True" and exits 0 on success.
# Usage: bash scripts/pack-check.sh [--no-build]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
build_flag="${1:-}"
for p in Proving.Core Proving.Gpu; do
  dotnet pack "$root/src/$p" -c Release -o "$work/feed" --nologo -v quiet $build_flag >/dev/null
done
ls "$work/feed"/*.nupkg | xargs -n1 basename
version=$(ls "$work/feed" | sed -n 's/^Proving\.Core\.\(.*\)\.nupkg$/\1/p')
mkdir -p "$work/app"
cat > "$work/app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources><clear /><add key="local" value="$work/feed" /></packageSources>
</configuration>
XML
cat > "$work/app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
  <ItemGroup><PackageReference Include="Proving.Core" Version="$version" /></ItemGroup>
</Project>
XML
cat > "$work/app/Program.cs" <<'CS'
using Proving.Core.Curves.Bn254;

var rng = new Random(2026);
Fr a = Fr.Random(rng), b = Fr.Random(rng);
var aP = (G1Projective.Generator * a).ToAffine();
var bQ = (G2Projective.Generator * b).ToAffine();
var abP = (G1Projective.Generator * (a * b)).ToAffine();
bool ok = Pairing.Check([aP, -abP], [bQ, G2Affine.Generator]);
bool bad = Pairing.Check([aP, -abP], [bQ, (G2Projective.Generator * Fr.FromUInt64(2)).ToAffine()]);
Console.WriteLine($"pairing check: {ok && !bad}");
return ok && !bad ? 0 : 1;
CS
cd "$work/app"
NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 dotnet run -c Release --nologo
