package org.painsearch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.painsearch.Repository;

/** The launcher's choice of JDK, checked against fake JDKs that only answer {@code -version}. */
@Tag(Repository.TAG)
class LauncherTest {

    @TempDir
    Path dir;
    Path bin;
    Path jvms;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    void tools() throws IOException {
        // A PATH holding only the tools the launcher needs, so the machine's own java does not interfere.
        bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : new String[] {"bash", "sed", "head", "dirname", "find", "mkdir", "tail", "sh", "readlink"}) {
            Path real = Path.of("/usr/bin", tool);
            if (!Files.exists(real)) {
                real = Path.of("/bin", tool);
            }
            Files.createSymbolicLink(bin.resolve(tool), real);
        }
        jvms = Files.createDirectories(dir.resolve("jvm"));
    }

    private Path fakeJava(Path binDir, String version) throws IOException {
        Files.createDirectories(binDir);
        Path java = binDir.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2024-01-01' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    private Path fakeJdk(String name, String version) throws IOException {
        fakeJava(jvms.resolve(name).resolve("bin"), version);
        return jvms.resolve(name);
    }

    private Result launch(Map<String, String> env) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(bin.resolve("bash").toString(), Repository.root().resolve("painsearch").toString());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("PAINSEARCH_JVM_ROOT", jvms.toString());
        pb.environment().put("PAINSEARCH_PRINT_JAVA", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void javaHomeWinsWhenItIsRecentEnough() throws Exception {
        Path home = fakeJdk("home-21", "21.0.4");
        fakeJdk("temurin-25", "25.0.1");
        var r = launch(Map.of("JAVA_HOME", home.toString()));
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(home.resolve("bin/java").toString());
    }

    @Test
    void javaOnPathIsNextWhenJavaHomeIsTooOld() throws Exception {
        Path old = fakeJdk("home-17", "17.0.15");
        fakeJava(bin, "22.0.2");
        fakeJdk("temurin-25", "25.0.1");
        var r = launch(Map.of("JAVA_HOME", old.toString()));
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(bin.resolve("java").toString());
    }

    @Test
    void newestUnderTheJvmFolderWhenJavaHomeAndPathAreTooOld() throws Exception {
        fakeJava(bin, "17.0.15");
        fakeJdk("java-8", "1.8.0_402");
        fakeJdk("jdk-21", "21");
        Path newest = fakeJdk("temurin-25-jdk-amd64", "25.0.1+8");
        fakeJdk("openjdk-17", "17.0.2");
        var r = launch(Map.of("JAVA_HOME", jvms.resolve("java-8").toString()));
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(newest.resolve("bin/java").toString());
    }

    @Test
    void noSuitableJdkExitsOneSayingWhatToInstall() throws Exception {
        fakeJava(bin, "17.0.15");
        fakeJdk("java-17-openjdk-amd64", "17.0.15");
        var r = launch(Map.of());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("needs Java 21 or newer").contains("JAVA_HOME").contains("Install a JDK 21+");
    }
}
