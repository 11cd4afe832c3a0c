package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;

/**
 * The launcher's first run, as a new user sees it: it says it is building, shows each build step with the seconds
 * spent, repeats the line while a step is slow (never silent for long), and says when it is done. Runs a copy of
 * the launcher in a temporary folder, with a fake Maven that behaves like a slow build and a fake JDK.
 */
@Tag(Repository.TAG)
class LauncherBuildTest {
    // A slow compile step: long enough that the launcher must say something again while it lasts.
    private static final String FAKE_MAVEN = """
            #!/bin/sh
            case " $* " in
                *" -o "*) if [ -f offline-fails ]; then
                        echo "[ERROR] Cannot access central in offline mode and the artifact x:y:1 has not been downloaded from it before."
                        exit 1
                    fi ;;
            esac
            if [ -f compile-fails ]; then
                echo "[ERROR] /src/main/java/Broken.java:[3,1] class, interface, enum, or record expected"
                exit 1
            fi
            echo "[INFO] --- resources:3.3.1:resources (default-resources) @ painsearch ---"
            echo "[INFO] --- compiler:3.14.1:compile (default-compile) @ painsearch ---"
            echo "[INFO] Compiling 190 source files with javac [debug release 21] to target/classes"
            sleep 7
            echo "[INFO] --- jar:3.4.2:jar (default-jar) @ painsearch ---"
            mkdir -p target && : > target/painsearch.jar
            sleep 2
            """;

    @TempDir
    Path dir;
    Path home;
    Path bin;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void fakeCheckout() throws IOException {
        home = Files.createDirectories(dir.resolve("painsearch"));
        Files.copy(Repository.root().resolve("painsearch"), home.resolve("painsearch"));
        Files.createDirectories(home.resolve("src/main/java"));
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : List.of("bash", "sh", "sed", "head", "tail", "dirname", "find", "mkdir", "grep", "sleep", "cat", "readlink")) {
            Path real = Files.exists(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        executable(bin.resolve("mvn"), FAKE_MAVEN);
        // A JDK 21 whose java prints its arguments, so the test sees the launcher hand over.
        Path jdk = Files.createDirectories(dir.resolve("jdk-21/bin"));
        Files.writeString(dir.resolve("jdk-21/release"), "JAVA_VERSION=\"21.0.4\"\n");
        executable(jdk.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launchWith("jdk-21", args);
    }

    private Result launchWith(String jdk, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of(bin.resolve("bash").toString(), home.resolve("painsearch").toString()));
        command.addAll(List.of(args));
        var pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("JAVA_HOME", dir.resolve(jdk).toString());
        pb.environment().put("PAINSEARCH_JVM_ROOT", dir.resolve("none").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void firstRunSaysItBuildsShowsEachStepWhileItRunsThenHandsOver() throws Exception {
        var r = launch("--version");

        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.err().lines().toList();
        assertThat(lines.get(0)).startsWith("Building painsearch").contains("under a minute");
        var compiling = Pattern.compile("^ {2}compiling 190 source files… (\\d+) s$");
        List<Integer> compileSeconds = lines.stream().map(compiling::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).toList();
        // The slow step is announced when it starts and said again while it lasts.
        assertThat(compileSeconds).hasSizeGreaterThanOrEqualTo(2);
        // (a 7 s step repeated every 3 s; on a loaded machine the last repeat may fall after the step has ended)
        assertThat(compileSeconds.get(compileSeconds.size() - 1) - compileSeconds.get(0)).isGreaterThanOrEqualTo(3);
        assertThat(lines).anyMatch(l -> l.matches(" {2}packaging the jar… \\d+ s"));
        assertThat(lines.get(lines.size() - 1)).matches("Built in \\d+ s\\.");
        assertThat(r.out()).startsWith("java ").contains("-Dpainsearch.home=" + home).endsWith("-jar "
                + home.resolve("target/painsearch.jar") + " --version\n");
        // Maven's own output went to the log, not to her terminal.
        assertThat(r.err()).doesNotContain("[INFO]");
        assertThat(home.resolve("target/build.log")).content().contains("Compiling 190 source files");

        // Built: the next start goes straight to Java.
        var again = launch("--version");
        assertThat(again.err()).isEmpty();
        assertThat(again.out()).startsWith("java ");
    }

    @Test
    void offlineFirstThenDownloadsWhatIsMissingSayingSo() throws Exception {
        Files.writeString(home.resolve("offline-fails"), "");
        var r = launch("--version");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("downloading the libraries painsearch is built with (once)").contains("Built in");
    }

    @Test
    void aFailedBuildShowsTheEndOfTheLogAndStops() throws Exception {
        Files.writeString(home.resolve("compile-fails"), "");
        var r = launch("serve");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("the build failed; the end of target/build.log says why:")
                .contains("Broken.java:[3,1] class, interface, enum, or record expected");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void theFirstServeOnAJdkWithStartUpCachesHidesOnlyTheCacheJvmsNameOfItsOptions() throws Exception {
        launch("--version"); // built
        // A JDK 25 whose java, asked to write a start-up cache, speaks on standard error as the real one does as serve
        // exits: the assembling JVM names the options it was handed, then a warning of the kind that must still show.
        Path jdk = Files.createDirectories(dir.resolve("jdk-25/bin"));
        Files.writeString(dir.resolve("jdk-25/release"), "JAVA_VERSION=\"25.0.1\"\n");
        executable(jdk.resolve("java"), """
                #!/bin/sh
                echo "java $*"
                case " $* " in
                    *" -XX:AOTCacheOutput="*) echo "Picked up JAVA_TOOL_OPTIONS: -Djava.class.path=x -XX:AOTMode=create" >&2 ;;
                esac
                echo "painsearch: a last word on standard error" >&2
                """);
        var first = launchWith("jdk-25", "serve");
        assertThat(first.out()).contains("-XX:AOTCacheOutput=" + home.resolve("target/cds/serve.aot"));
        assertThat(first.err()).contains("painsearch: a last word on standard error").doesNotContain("Picked up");
        // Other commands are not filtered at all.
        var search = launchWith("jdk-25", "search", "pain");
        assertThat(search.out()).doesNotContain("AOTCacheOutput");
        assertThat(search.err()).contains("painsearch: a last word on standard error");
    }
}
