#!/usr/bin/env bash
# Repacks the `dotnet reprobundle` launcher (tools/ReproBundle.Tool) into the local feed .config/tools/, from which
# `dotnet tool restore` installs it (nuget.config names the feed). Run it only after changing the launcher, and commit the
# package with the change; bump <Version> in the project and .config/dotnet-tools.json together.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f .config/tools/ReproBundle.Tool.*.nupkg
dotnet pack tools/ReproBundle.Tool -c Release -o .config/tools -nologo -v q -p:ContinuousIntegrationBuild=true
ls -l .config/tools
