#!/usr/bin/env bash
# Installs what netadopt needs to build, test and plot, from Debian 12's packages only.
# Idempotent: when everything is there it checks and returns in a fraction of a second.
# As root it runs apt-get; otherwise it prints the command to run with sudo and exits 1.
set -euo pipefail

packages=(
  g++ make cmake git pkg-config                       # toolchain (absent on a minimal Debian)
  libboost-program-options-dev libboost-dev            # CLI and scenario parsing; Boost.Math
  libeigen3-dev libhdf5-dev hdf5-tools catch2          # linear algebra, output, tests
  libnlopt-cxx-dev                                     # calibration: derivative-free optimizers
  clang-14 libclang-rt-14-dev libomp-14-dev            # scripts/check_sanitizers.sh: libFuzzer
  clang-format                                         # scripts/check_format.sh
  slurm-wlm munge                                      # sweeps: the single-node SLURM test
  python3 python3-h5py python3-numpy python3-matplotlib python3-xarray python3-h5netcdf
  python3-scipy python3-sklearn python3-emcee           # calibration: emulators and MCMC
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "netadopt setup: missing Debian packages: ${missing[*]}" >&2
  echo "run as root:  sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "netadopt setup: installing ${missing[*]}" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
