#!/bin/sh
# Installs the provider into a Terraform filesystem mirror (default: ~/.terraform.d/plugins, the implied
# local mirror of Terraform >= 0.13):
#   <DIR>/registry.terraform.io/dashplane/dashplane/0.1.0/<os>_<arch>/terraform-provider-dashplane_v0.1.0
# and rebuilds the class data sharing archive for the installed location (archives are tied to their path).
set -eu
version=0.1.0
mirror=${1:-$HOME/.terraform.d/plugins}
src=$(cd "$(dirname "$0")" && pwd -P)

case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    FreeBSD) os=freebsd ;;
    *) echo "install-mirror.sh: unsupported OS $(uname -s)" >&2; exit 1 ;;
esac
case $(uname -m) in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    i386 | i686) arch=386 ;;
    armv7l | armv6l) arch=arm ;;
    *) echo "install-mirror.sh: unsupported architecture $(uname -m)" >&2; exit 1 ;;
esac

target=$mirror/registry.terraform.io/dashplane/dashplane/$version/${os}_$arch
rm -rf "$target"
mkdir -p "$target/lib"
cp "$src"/lib/*.jar "$target/lib/"
if [ -d "$src/lib/shim" ]; then # the provider daemon's shim (see docs/performance.md)
    mkdir -p "$target/lib/shim"
    cp "$src"/lib/shim/*.jar "$src"/lib/shim/*.bash "$target/lib/shim/"
fi
cp "$src/terraform-provider-dashplane" "$target/terraform-provider-dashplane_v$version"
chmod 755 "$target/terraform-provider-dashplane_v$version"

if [ -n "${DASHPLANE_JAVA:-}" ]; then java=$DASHPLANE_JAVA
elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java=$JAVA_HOME/bin/java
else java=java; fi
if ! "$java" -cp "$target/lib/*" io.dashplane.provider.plugin.CdsTraining \
        "$target/terraform-provider-dashplane_v$version" >/dev/null 2>&1; then
    echo "install-mirror.sh: warning: could not build the start-up archive; the provider works, only slower" >&2
    rm -f "$target/lib/dashplane.jsa"
fi
echo "installed $target/terraform-provider-dashplane_v$version"
