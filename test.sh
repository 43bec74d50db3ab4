#!/usr/bin/env bash
# Runs every test. See README.md.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build QuestionSessions.sln -c Release
dotnet test QuestionSessions.sln -c Release --no-build
