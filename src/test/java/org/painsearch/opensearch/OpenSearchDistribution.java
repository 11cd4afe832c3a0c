package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.painsearch.Required;

/**
 * The OpenSearch integration-test distribution with the k-NN plugin installed, unpacked once under
 * {@code target/opensearch/}. Both zips come from Maven (the {@code opensearch} profile copies them to
 * {@code target/opensearch/zips}; a local repository that already holds them serves too); nothing else is fetched.
 */
record OpenSearchDistribution(Path home, String version) {
    private static final String READY_MARKER = ".painsearch-ready";

    /** The unpacked distribution, prepared on first use; without the zips, the calling test is skipped (failed under CI). */
    static OpenSearchDistribution prepare(Path base) throws IOException, InterruptedException {
        String version = System.getProperty("painsearch.opensearch.version", "3.5.0");
        String knnVersion = System.getProperty("painsearch.opensearch.knn.version", version + ".0");
        Path distZip = find(base, "org/opensearch/distribution/integ-test-zip/opensearch", "opensearch", version);
        Path knnZip = find(base, "org/opensearch/plugin/opensearch-knn", "opensearch-knn", knnVersion);
        Path home = base.resolve("opensearch-" + version + "-knn-" + knnVersion);
        if (!Files.exists(home.resolve(READY_MARKER))) {
            unpackWithPlugin(base, distZip, knnZip, home, version);
        }
        return new OpenSearchDistribution(home, version);
    }

    private static Path find(Path base, String repoFolder, String artifact, String version) {
        String file = artifact + "-" + version + ".zip";
        Path copied = base.resolve("zips").resolve(file);
        if (Files.isRegularFile(copied)) {
            return copied;
        }
        Path repo = Path.of(System.getProperty("painsearch.maven.repo", System.getProperty("user.home") + "/.m2/repository"));
        Path inRepo = repo.resolve(repoFolder).resolve(version).resolve(file);
        if (Files.isRegularFile(inRepo)) {
            return inRepo;
        }
        Required.unmet("OpenSearch node tests need " + file + ", which is neither in " + copied.getParent()
                + " nor in the local Maven repository " + repo + "; `./painsearch test -Popensearch` lets Maven fetch "
                + "the integration-test distribution and the k-NN plugin (about 200 MB, once)");
        throw new AssertionError("unreachable");
    }

    // Unpacked and completed aside, then moved into place in one step, so a run killed half-way leaves no
    // half-made distribution that a later run would trust.
    private static void unpackWithPlugin(Path base, Path distZip, Path knnZip, Path home, String version)
            throws IOException, InterruptedException {
        Files.createDirectories(base);
        Path work = Files.createTempDirectory(base, "unpacking-");
        try {
            unzip(distZip, work);
            Path unpacked = work.resolve("opensearch-" + version);
            installPlugin(unpacked, knnZip);
            Files.createFile(unpacked.resolve(READY_MARKER));
            try {
                Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException e) {
                // Another run finished first; its copy is as good as this one.
            }
        } finally {
            Tree.delete(work);
        }
    }

    // The JDK's zip file system reads the Unix permissions stored in the archive, so bin/ stays executable.
    private static void unzip(Path zip, Path into) throws IOException {
        try (var zipFs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true));
                var entries = Files.walk(zipFs.getPath("/"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Path target = into.resolve(entry.toString().substring(1));
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(entry));
                }
            }
        }
    }

    private static void installPlugin(Path home, Path knnZip) throws IOException, InterruptedException {
        Path log = home.resolve("logs").resolve("plugin-install.log");
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(List.of(home.resolve("bin/opensearch-plugin").toString(), "install", "--batch",
                knnZip.toUri().toString()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("installing the k-NN plugin took over 5 minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IOException("installing the k-NN plugin failed (exit " + process.exitValue() + "):\n"
                    + Tree.tail(log, 20));
        }
    }
}
