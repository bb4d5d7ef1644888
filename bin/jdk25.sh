# Sourced by Lamina's scripts: points JAVA_HOME at a JDK 25.
# Order: JAVA_HOME if it is a 25, then /usr/lib/jvm/*25*, then the java on PATH if it is a 25.
# A JDK's release file names its version (JAVA_VERSION="25.0.3"): read with the shell alone, since
# `java -version` starts a whole JVM, which every bin/lamina command paid once more before its own
# (about 0.1-0.2 s of CPU). Without a release file, java -version decides.
_lamina_is_25() {
  [ -x "$1/bin/java" ] || return 1
  if [ -r "$1/release" ]; then
    local _line
    while IFS= read -r _line || [ -n "$_line" ]; do
      case $_line in
        JAVA_VERSION=\"25\"|JAVA_VERSION=\"25.*) return 0 ;;
        JAVA_VERSION=*) return 1 ;;
      esac
    done < "$1/release"
  fi
  "$1/bin/java" -version 2>&1 | head -n 1 | grep -Eq 'version "25([."]|$)'
}
if [ -n "${JAVA_HOME:-}" ] && _lamina_is_25 "$JAVA_HOME"; then
  :
else
  _found=""
  for d in /usr/lib/jvm/*25* /usr/local/lib/jvm/*25* /opt/*jdk*25*; do
    if _lamina_is_25 "$d"; then _found="$d"; break; fi
  done
  if [ -z "$_found" ] && command -v java >/dev/null 2>&1; then
    _home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    _lamina_is_25 "$_home" && _found="$_home"
  fi
  if [ -z "$_found" ]; then
    echo "lamina: no JDK 25 found (set JAVA_HOME to one, or install e.g. temurin-25-jdk)" >&2
    exit 1
  fi
  export JAVA_HOME="$_found"
fi
export PATH="$JAVA_HOME/bin:$PATH"
