#!/bin/sh
# Installs Debian's ansible package (with the community.grafana collection) when ansible-playbook is missing.
# Called by GrafanaRealClientsTest, so a fresh machine needs nothing installed by hand.
set -e
command -v ansible-playbook >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq ansible >/dev/null
