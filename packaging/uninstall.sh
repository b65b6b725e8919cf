#!/usr/bin/env bash
# Remove what packaging/install.sh installed for the current user, and nothing else.
#
# Reads ~/.local/lib/eventline/.install-manifest (written by install.sh): removes the listed
# files, the link on PATH (only while it still points at the bundle), the bundle folder, then
# refreshes the MIME and menu caches (or removes them when install.sh created them and nothing
# else needs them), then removes the folders install.sh created, if they are empty.
# Your stores and the demo store (~/.local/share/eventline) are never touched.
#
# Usage: packaging/uninstall.sh [--quiet]
set -euo pipefail

quiet=no
case ${1:-} in
    --quiet) quiet=yes ;;
    -h|--help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
    "") ;;
    *) printf 'uninstall.sh: unknown argument: %s\n' "$1" >&2; exit 2 ;;
esac

[ -n "${HOME:-}" ] || { echo "uninstall.sh: HOME is not set" >&2; exit 1; }
libdir=$HOME/.local/lib/eventline
manifest=$libdir/.install-manifest
if [ ! -f "$manifest" ]; then
    [ "$quiet" = yes ] || echo "uninstall.sh: Eventline is not installed for this user" >&2
    exit 0
fi

kinds=() paths=()
while IFS= read -r line || [ -n "$line" ]; do
    [ -n "$line" ] || continue
    kinds+=("${line%% *}")
    paths+=("${line#* }")
done <"$manifest"

# 1. files, the link, the bundle
for i in "${!kinds[@]}"; do
    path=${paths[$i]}
    case ${kinds[$i]} in
        file) rm -f -- "$path" ;;
        link)
            if [ -L "$path" ] && [ "$(readlink -- "$path")" = "$libdir/eventline" ]; then
                rm -f -- "$path"
            fi ;;
        tree)
            if [ "$path" = "$libdir" ] && [ -e "$path/eventline" ]; then rm -rf -- "$path"; fi ;;
    esac
done

# 2. caches
for i in "${!kinds[@]}"; do
    path=${paths[$i]}
    case ${kinds[$i]} in
        mime-db|mime-db-ours)
            [ -d "$path" ] || continue
            if [ "${kinds[$i]}" = mime-db-ours ] && [ -z "$(ls -A "$path/packages" 2>/dev/null)" ]; then
                find "$path" -mindepth 1 -maxdepth 1 ! -name packages -exec rm -rf -- {} +
            elif command -v update-mime-database >/dev/null; then
                update-mime-database "$path" >/dev/null 2>&1 || true
            fi ;;
        desktop-db|desktop-db-ours)
            [ -d "$path" ] || continue
            if [ "${kinds[$i]}" = desktop-db-ours ]; then
                rm -f -- "$path/mimeinfo.cache"  # there was none before install.sh
            elif command -v update-desktop-database >/dev/null; then
                update-desktop-database "$path" >/dev/null 2>&1 || true
            fi ;;
    esac
done

# 3. folders install.sh created, deepest first, only when empty
for ((i = ${#kinds[@]} - 1; i >= 0; i--)); do
    if [ "${kinds[$i]}" = dir ] && [ -d "${paths[$i]}" ]; then
        rmdir -- "${paths[$i]}" 2>/dev/null || true
    fi
done

[ "$quiet" = yes ] || echo "Removed Eventline from $libdir and the menu" >&2
