#!/usr/bin/env bash
# Sets up a devcontainer or a fresh Debian machine with the .NET SDK for Kiln: native packages, a Release build of the
# CLI, and the Jupyter kernelspec, so VS Code / JupyterLab open the notebooks with the "C# (Kiln)" kernel.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

sudo_if_needed ./scripts/setup-deps.sh
./scripts/kiln --version
./scripts/kiln jupyter install --user
echo "setup: done. Try: ./scripts/run.sh   or open notebooks/01-preprocess.ipynb with the 'C# (Kiln)' kernel."
