# The provider daemon's fast path (docs/index.md, "The provider daemon"), run by the launcher with bash when
# the daemon is on: when this installation's daemon already runs, ask it for a plugin session over loopback TCP
# without starting a JVM. A Java shim start is 100 ms or more; this is a few ms plus the daemon's own work.
# Arguments: <launcher> <install dir> <java binary> [plugin arguments...].
# Whenever this path cannot be sure (no daemon, a file it does not trust, a daemon of another build, a daemon
# exiting on its idle timeout), it goes back to the launcher with DASHPLANE_SHIM_FALLBACK set, whose Java shim
# finds or starts the daemon over its Unix socket; that daemon then (re)writes the file read here.
# The only external command on the way to the handshake line is the subshell of `compgen -e`.
launcher=$1 install=$2 java_binary=$3
shift 3
trap '' INT # as the Java shim and plugin processes do: Terraform handles Ctrl-C and stops its plugins itself

fall_back() {
    exec 3>&-
    DASHPLANE_SHIM_FALLBACK=1 exec "$launcher" "$@"
}

# FNV-1a (32 bits) of the bytes of "<install dir>\n<java binary>": the name of this installation's file, the same
# as ProviderDaemon computes (FastSessions.launcherKey).
launcher_key() {
    local LC_ALL=C text=$1 hash=2166136261 i code
    for ((i = 0; i < ${#text}; i++)); do
        printf -v code '%d' "'${text:i:1}"
        ((hash = ((hash ^ (code & 255)) * 16777619) & 0xffffffff))
    done
    printf -v key '%08x' "$hash"
}

# a bash built without programmable completion has no compgen: it could not send the environment
type compgen >/dev/null 2>&1 || fall_back "$@"

# The daemon's private directory, as the Java shim finds it (DaemonAddress.privateDirectory).
if [[ -n ${XDG_RUNTIME_DIR//[[:space:]]/} ]]; then
    directory=$XDG_RUNTIME_DIR/dashplane-provider
elif [[ -n ${TMPDIR//[[:space:]]/} ]]; then
    directory=$TMPDIR/dashplane-provider-$EUID
else
    directory=/tmp/dashplane-provider-$EUID
fi
launcher_key "$install"$'\n'"$java_binary"
file=$directory/launcher-$key.tcp
# Only a directory and a file of our own: anyone else could point us at a port of theirs. The Java shim keeps
# the directory rwx------ (and refuses it otherwise); the file is written rw------- by the daemon.
[[ -d $directory && ! -L $directory && -O $directory && -f $file && ! -L $file && -O $file ]] || fall_back "$@"
read -r port daemon_token shim_token _ <"$file" || fall_back "$@"
[[ $port =~ ^[0-9]+$ && -n $daemon_token && -n $shim_token ]] || fall_back "$@"
{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || fall_back "$@"
# The daemon speaks first and proves it knows its token before anything of ours (the environment holds
# Terraform's client certificate and the provider's tokens) is sent to that port.
IFS= read -r -t 10 greeting <&3 || fall_back "$@"
[[ $greeting == "DASHPLANE-PROVIDER-DAEMON $daemon_token" ]] || fall_back "$@"
{
    printf '%s\0' "$shim_token" "$install" "$java_binary" "$PWD" "$#" "$@"
    for name in $(compgen -e); do
        printf '%s=%s\0' "$name" "${!name}"
    done
    printf '\0'
} >&3 2>/dev/null || fall_back "$@"

# The answer, one line each: O<handshake line for stdout>, E<log line for stderr>, X<exit status>; or STALE
# before anything else when the daemon belongs to another build of this installation.
handshake=
while IFS= read -r line <&3; do
    case $line in
        O*) printf '%s\n' "${line#O}"; handshake=1 ;;
        E*) printf '%s\n' "${line#E}" >&2 ;;
        X*) exit "${line#X}" ;;
        STALE) [[ -z $handshake ]] && fall_back "$@" ;;
    esac
done
# closed without an exit status: before the handshake, a daemon that was exiting on its idle timeout (ask the
# launcher's Java shim, which starts a new one); after it, the daemon died
[[ -z $handshake ]] && fall_back "$@"
printf '%s\n' "terraform-provider-dashplane: the provider daemon ended the session unexpectedly" >&2
exit 1
