/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Passwords and PINs as the store keeps them, and what they seal. A secret is stretched once with PBKDF2-HMAC-SHA256
 * ({@code pbkdf2-sha256$<iterations>$<salt>$<check>}); two keys follow from the result by SHA-256 with different
 * labels: one that is kept to check the secret, one that is never kept and seals the account's signing key with
 * AES-256-GCM ({@code aes-gcm$<iv>$<sealed>}), so that the database alone cannot sign.
 */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder D64 = Base64.getDecoder();

    /** A secret as kept ({@code stored}), and the stretched key it came from, to seal with. */
    record Hashed(String stored, byte[] stretched) {
    }

    private Secrets() {
    }

    static Hashed hash(char[] secret, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] stretched = stretch(secret, salt, iterations);
        return new Hashed("pbkdf2-sha256$" + iterations + "$" + B64.encodeToString(salt) + "$"
                + B64.encodeToString(label("check", stretched)), stretched);
    }

    /** The stretched key of {@code secret} when it is the one {@code stored} keeps; {@code null} when it is not. */
    static byte[] matches(String stored, char[] secret) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            throw new IllegalStateException("a secret kept as " + parts[0] + ", which this program does not know");
        }
        byte[] stretched = stretch(secret, D64.decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(label("check", stretched), D64.decode(parts[3])) ? stretched : null;
    }

    static String seal(byte[] plain, byte[] stretched) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(label("seal", stretched), "AES"),
                    new GCMParameterSpec(128, iv));
            return "aes-gcm$" + B64.encodeToString(iv) + "$" + B64.encodeToString(cipher.doFinal(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has AES-GCM", e);
        }
    }

    /** What {@link #seal} sealed; throws when {@code stretched} is not the key it was sealed with. */
    static byte[] unseal(String sealed, byte[] stretched) throws GeneralSecurityException {
        String[] parts = sealed.split("\\$");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(label("seal", stretched), "AES"),
                new GCMParameterSpec(128, D64.decode(parts[1])));
        return cipher.doFinal(D64.decode(parts[2]));
    }

    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] stretch(char[] secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has PBKDF2WithHmacSHA256", e);
        }
    }

    private static byte[] label(String label, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.US_ASCII));
            return sha.digest(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
