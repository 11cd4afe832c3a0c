package org.painsearch.opensearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.painsearch.Required;

/**
 * Who runs the test nodes. OpenSearch refuses to run as root, so a root test run starts them as a dedicated
 * account ({@value #DEFAULT_NAME}, which {@code .ci/run} creates); any other user runs them as itself. Every node
 * is started through {@code setpriv --pdeathsig TERM}, so it stops when the test JVM dies, however it dies.
 */
record NodeUser(String name, UserPrincipal user, GroupPrincipal group) {
    static final String DEFAULT_NAME = "painsearch-opensearch";

    /** The user for this run; a missing account skips the calling test (fails it under CI). */
    static NodeUser forThisRun() throws IOException {
        if (!Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            Required.unmet("OpenSearch node tests need /usr/bin/setpriv (util-linux)");
        }
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) {
            return new NodeUser(null, null, null);
        }
        String name = System.getProperty("painsearch.opensearch.user", DEFAULT_NAME);
        var lookup = java.nio.file.FileSystems.getDefault().getUserPrincipalLookupService();
        try {
            return new NodeUser(name, lookup.lookupPrincipalByName(name), lookup.lookupPrincipalByGroupName(name));
        } catch (UserPrincipalNotFoundException e) {
            Required.unmet("these tests run as root, and OpenSearch refuses root, so they start nodes as the user '"
                    + name + "', who does not exist here; create it with `useradd --system --user-group "
                    + "--no-create-home --shell /usr/sbin/nologin " + name + "` (.ci/run does this)");
            throw new AssertionError("unreachable");
        }
    }

    /** The command prefix that starts a node as this user, ending with {@code --}. */
    List<String> launcher() {
        var command = new ArrayList<>(List.of("/usr/bin/setpriv", "--pdeathsig", "TERM"));
        if (name != null) {
            command.addAll(List.of("--reuid=" + name, "--regid=" + name, "--init-groups"));
        }
        command.add("--");
        return command;
    }

    /** Gives the node user the folders a node writes: its config copy, data, logs and temporary files. */
    void own(Path... dirs) throws IOException {
        if (name == null) {
            return;
        }
        for (Path dir : dirs) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.toList()) {
                    var view = Files.getFileAttributeView(p, PosixFileAttributeView.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                    view.setOwner(user);
                    view.setGroup(group);
                }
            }
        }
    }

    /** The first folder on the way to {@code dir} that this user may not enter, or null when there is none. */
    Path blockedOnTheWayTo(Path dir) throws IOException {
        if (name == null) {
            return null;
        }
        // Every folder above the nodes must let other users pass, or a node cannot even read its own files.
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.exists(d) && !Files.getPosixFilePermissions(d).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return d;
            }
        }
        return null;
    }
}
