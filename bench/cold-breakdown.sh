#!/usr/bin/env bash
# Where a cold `lamina composite` (the headline: the S1 3840x2160 PNG and its watermark, PNG out)
# spends its time, as whole processes, interleaved N times (GNU time: wall, user, system):
#   jvm             the JVM alone, with the launcher's options and ahead-of-time cache (-version)
#   version         bin/lamina --version: + the launcher script and the command-line parser
#   composite       bin/lamina composite: + the engine's classes, interpretation, C1, the work
#   composite-noaot the same java without the ahead-of-time cache
#   composite-c2    bin/lamina with every JIT tier
#   sharp           sharp's defaults on the same job
#   baseline        with BASELINE=DIR: DIR/bin/lamina composite (another checkout, built; for before/after)
# then, once: -XX:+CITime's compile times, and the same command 8 times in one JVM (the work warm).
#   bench/cold-breakdown.sh [N]     (under `flock /work/bench.lock` on a shared machine)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. bin/jdk25.sh
n=${1:-5}
bg=bench/inputs/full/s1/background.png; wm=bench/inputs/full/s1/watermark.png
[ -f "$bg" ] || bench/run-lab.sh s1 --runs 1 --peers lamina >/dev/null
jar=lamina-cli/target/lamina.jar
base=(-Xms48m -XX:SurvivorRatio=2 -Xmn32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
aot=(-XX:AOTCache=lamina-cli/target/lamina.aot -Xlog:aot=off -Xlog:cds=off)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
bin/lamina --version >/dev/null   # builds the jar and the launcher's cache when missing
[ -z "${BASELINE:-}" ] || "$BASELINE/bin/lamina" --version >/dev/null
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "variant wall_s user_s sys_s"
for i in $(seq "$n"); do
  variants=(jvm version composite composite-noaot composite-c2 sharp)
  [ -n "${BASELINE:-}" ] && variants+=(baseline)
  for v in "${variants[@]}"; do
    case $v in
      jvm) cmd=("$JAVA_HOME/bin/java" "${base[@]}" "${aot[@]}" -version) ;;
      version) cmd=(bin/lamina --version) ;;
      composite) cmd=(bin/lamina composite "$bg" "$wm" -o "$out/c.png") ;;
      composite-noaot) cmd=("$JAVA_HOME/bin/java" "${base[@]}" -jar "$jar" composite "$bg" "$wm" -o "$out/c.png") ;;
      composite-c2) cmd=(env LAMINA_JAVA_OPTS=-XX:TieredStopAtLevel=4 bin/lamina composite "$bg" "$wm" -o "$out/c.png") ;;
      sharp) cmd=(node bench/node/headline.js defaults "$bg" "$wm" "$out/s.png") ;;
      baseline) cmd=("$BASELINE/bin/lamina" composite "$bg" "$wm" -o "$out/b.png") ;;
    esac
    /usr/bin/time -f "$v %e %U %S" -o "$out/time" "${cmd[@]}" >/dev/null 2>&1
    cat "$out/time"
  done
done
echo "--- -XX:+CITime (C1 alone, as the launcher runs this job)"
"$JAVA_HOME/bin/java" "${base[@]}" "${aot[@]}" -XX:+CITime -jar "$jar" composite "$bg" "$wm" -o "$out/c.png" 2>&1 \
  | grep -E 'C1 Compile Time|Total compiled methods' | head -3
echo "--- classes loaded, and how many came from the cache"
"$JAVA_HOME/bin/java" "${base[@]}" "${aot[@]}" -Xlog:class+load:file="$out/cl.txt" -jar "$jar" composite "$bg" "$wm" -o "$out/c.png"
echo "total $(grep -c 'source:' "$out/cl.txt"), from the cache $(grep -c 'shared objects file' "$out/cl.txt"), picocli $(grep -c '] picocli' "$out/cl.txt")"
echo "--- the same command 8 times in one JVM (C1 alone): wall and process CPU per run"
cat > "$out/Loop.java" <<'JAVA'
import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
public class Loop {
    public static void main(String[] a) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int i = 0; i < Integer.parseInt(a[0]); i++) {
            long c0 = os.getProcessCpuTime(), t0 = System.nanoTime();
            dev.lamina.cli.LaminaCommand.run(java.util.Arrays.copyOfRange(a, 1, a.length),
                    new PrintWriter(new StringWriter()), new PrintWriter(System.err, true));
            System.out.printf("run %d: wall %.0f ms, CPU %.0f ms%n", i, (System.nanoTime() - t0) / 1e6,
                    (os.getProcessCpuTime() - c0) / 1e6);
        }
    }
}
JAVA
"$JAVA_HOME/bin/java" "${base[@]}" -cp "$jar" "$out/Loop.java" 8 composite "$bg" "$wm" -o "$out/c.png"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
