package org.painsearch.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** The login password, kept only as a salted hash and compared in constant time. */
public final class Password {
    /** The shortest password accepted: the server is reachable from other machines when one is needed. */
    public static final int MIN_LENGTH = 8;

    private final byte[] salt = new byte[16];
    private final byte[] hash;

    private Password(String secret) {
        new SecureRandom().nextBytes(salt);
        this.hash = digest(secret);
    }

    /** A password; refused when shorter than {@link #MIN_LENGTH} characters. */
    public static Password of(String secret) {
        if (secret == null || secret.strip().length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_LENGTH + " characters");
        }
        return new Password(secret);
    }

    /** True when {@code attempt} is the password. */
    boolean matches(String attempt) {
        return attempt != null && MessageDigest.isEqual(hash, digest(attempt));
    }

    private byte[] digest(String secret) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
