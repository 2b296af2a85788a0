#!/usr/bin/env bash
# Builds a self-contained BizCharts app image with jpackage: its own trimmed Java runtime (jlink), the application
# jar with JavaFX inside, and a native launcher. No JDK is needed where the image runs.
#   packaging/build-app-image.sh               builds target/bizcharts.jar if needed, then the image
#   packaging/build-app-image.sh --skip-build  uses target/bizcharts.jar as it is (what ./mvnw -Ppackage does)
# Output: target/app-image/BizCharts/ (bin/BizCharts is the launcher). See packaging/README.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
skip_build=false
[ "${1:-}" = "--skip-build" ] && skip_build=true

# jpackage and jlink come with the JDK; Temurin 25 is what this project builds with.
jdk="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
for tool in jpackage jlink jdeps; do
  [ -x "$jdk/bin/$tool" ] || { echo "build-app-image: $jdk/bin/$tool not found: set JAVA_HOME to a JDK 21+ (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" >&2; exit 1; }
done
export JAVA_HOME="$jdk"

jar="$root/target/bizcharts.jar"
if ! $skip_build; then
  (cd "$root" && ./mvnw -q -B -DskipTests package)
fi
[ -f "$jar" ] || { echo "build-app-image: $jar is missing (run ./mvnw package first)" >&2; exit 1; }
version="$(unzip -p "$jar" META-INF/maven/com.bizcharts/bizcharts-workstation/pom.properties 2>/dev/null | sed -n 's/^version=//p' | sed 's/-SNAPSHOT//')"
version="${version:-0.1.0}"

work="$root/target/jpackage"
out="$root/target/app-image"
rm -rf "$work" "$out/BizCharts"
mkdir -p "$work/input" "$out"
cp "$jar" "$work/input/"

# The runtime holds the modules the jar uses (jdeps) plus those reached only by reflection or services:
# crypto for HTTPS, jdk.management for the CPU figures of 'bench ui', zipfs for the bundled model, locales for dates.
modules="$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 21 "$jar" 2>/dev/null || true)"
modules="${modules:-java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.sql,java.xml,jdk.unsupported}"
modules="$modules,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.net"
echo "build-app-image: runtime modules $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --include-locales=en --generate-cds-archive --output "$work/runtime"

# Options every start needs; the class-data archive (written by the first run, beside the jar) speeds up later starts.
"$jdk/bin/jpackage" --type app-image --name BizCharts --app-version "$version" --vendor "BizCharts" \
  --description "Collect, label and analyse /biz/ crypto sentiment" \
  --input "$work/input" --main-jar bizcharts.jar --main-class com.bizcharts.Main \
  --runtime-image "$work/runtime" --dest "$out" \
  --java-options "--enable-native-access=ALL-UNNAMED" --java-options "-Dai.djl.offline=true" \
  --java-options "-XX:+AutoCreateSharedArchive" --java-options "-XX:SharedArchiveFile=\$APPDIR/bizcharts.jsa" \
  --java-options "-Xlog:cds=off" --java-options "-Xlog:cds+dynamic=off"

echo "build-app-image: $(du -sh "$out/BizCharts" | cut -f1) in $out/BizCharts (launcher: bin/BizCharts)" >&2
