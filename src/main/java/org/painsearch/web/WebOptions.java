package org.painsearch.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the web app is exposed.
 *
 * @param extraHosts   host names it answers to besides this machine's own (checked only without a password)
 * @param allowPrivate "add a source" may crawl loopback and private addresses
 * @param password     the login password, or null for none (this machine only)
 * @param cliToken     the token the command line sends to hand work to the server, or null
 * @param importRoots  the folders {@code POST /api/import} may read from (the owner's command line is not limited)
 */
public record WebOptions(Set<String> extraHosts, boolean allowPrivate, Password password, String cliToken,
                         List<Path> importRoots) {
    public WebOptions {
        extraHosts = extraHosts == null ? Set.of() : extraHosts.stream()
                .map(h -> h.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "")).collect(Collectors.toUnmodifiableSet());
        importRoots = importRoots == null ? List.of() : importRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (cliToken != null && cliToken.length() < 32) {
            throw new IllegalArgumentException("the command line token must be at least 32 characters");
        }
    }

    /** A new random token for the command line (256 bits). */
    public static String newToken() {
        return Sessions.newToken();
    }

    /** This machine only, no password, no token, no import roots. */
    public static WebOptions local() {
        return new WebOptions(Set.of(), false, null, null, List.of());
    }

    /** The same options with these import roots. */
    public WebOptions withImportRoots(List<Path> roots) {
        return new WebOptions(extraHosts, allowPrivate, password, cliToken, roots);
    }

    /** The same options with this password. */
    public WebOptions withPassword(Password newPassword) {
        return new WebOptions(extraHosts, allowPrivate, newPassword, cliToken, importRoots);
    }

    /** The same options with this command line token. */
    public WebOptions withCliToken(String token) {
        return new WebOptions(extraHosts, allowPrivate, password, token, importRoots);
    }
}
