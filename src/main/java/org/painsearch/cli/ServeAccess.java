package org.painsearch.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.painsearch.web.Password;

/**
 * Decides how {@code serve} is protected: on this machine's own address a password is optional; on any other a
 * password is required, from {@code PAINSEARCH_PASSWORD} or a file readable by its owner only.
 */
final class ServeAccess {
    /** Exit code of {@code serve} when it refuses to start unprotected or with an unsafe password file. */
    static final int UNPROTECTED = 2;
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private ServeAccess() {
    }

    /** Why serve must not start as asked. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * The password to require, or null for none.
     *
     * @param fromEnvironment the value of {@code PAINSEARCH_PASSWORD}, or null
     * @param file            {@code --password-file}, or null
     * @throws Refused when {@code host} is reachable from other machines and no password is given, or the password
     *                 or its file is not fit
     */
    static Password password(String host, String fromEnvironment, Path file) throws Refused {
        String secret = null;
        if (file != null) {
            secret = readFile(file);
        } else if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            secret = fromEnvironment;
        }
        if (secret == null) {
            if (isLoopback(host)) {
                return null;
            }
            throw new Refused("painsearch will not serve " + host + " without a password: other machines could read "
                    + "your notes. Set one in the environment variable PAINSEARCH_PASSWORD, or put it in a file only "
                    + "you can read (chmod 600 FILE) and add --password-file FILE. Or serve this machine only with "
                    + "--host 127.0.0.1.");
        }
        try {
            return Password.of(secret);
        } catch (IllegalArgumentException e) {
            throw new Refused("the password is too short: " + e.getMessage());
        }
    }

    private static String readFile(Path file) throws Refused {
        try {
            if (!Files.isRegularFile(file)) {
                throw new Refused("the password file " + file + " does not exist or is not a file");
            }
            try {
                var permissions = Files.getPosixFilePermissions(file);
                permissions.retainAll(OTHERS);
                if (!permissions.isEmpty()) {
                    throw new Refused("the password file " + file + " can be read or changed by others; make it yours "
                            + "alone with: chmod 600 " + file);
                }
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own access rules apply
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").strip();
        } catch (IOException e) {
            throw new Refused("cannot read the password file " + file + " (" + e.getMessage() + ")");
        }
    }

    /** True when {@code host} is only this machine (a loopback name or address). */
    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
