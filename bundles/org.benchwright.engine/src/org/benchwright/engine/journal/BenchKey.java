/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * A bench's Ed25519 key pair, with which its journals sign their chain head at every write, so that a record
 * rewritten without the key (its chain recomputed from an edit onwards) shows as forged. The private key is kept in a
 * file only its owner may read ({@code bench.key}, PKCS #8, Base64); the public key beside it ({@code bench.pub}) goes
 * into the station register, where {@link KeyRing} finds it.
 *
 * <p>Rotating: move the two files aside, let the bench make a new pair, and add the new public key to the bench's
 * {@code public-keys} in the register, keeping the old one listed: records signed with it still verify.
 */
public final class BenchKey {

    static final String ALGORITHM = "Ed25519";
    /** How a public key is written in a register: {@code ed25519:<Base64 of its X.509 encoding>}. */
    static final String PREFIX = "ed25519:";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String fingerprint;

    private BenchKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.fingerprint = fingerprint(publicKey);
    }

    /** Where a bench keeps its key pair: {@code ~/.benchwright/keys}. */
    public static Path defaultFolder() {
        return Path.of(System.getProperty("user.home"), ".benchwright", "keys");
    }

    /** A new key pair, kept nowhere (tests, and {@link #loadOrCreate} before it writes one). */
    public static BenchKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new BenchKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /**
     * The bench's key pair kept in {@code folder} ({@code bench.key} and {@code bench.pub}), made there at first use
     * with the private key readable by its owner only.
     *
     * @throws IOException when the key cannot be read or written, or when others than its owner may read it (then it
     *                     is no longer the bench's alone: make a new one, see the class comment)
     */
    public static BenchKey loadOrCreate(Path folder) throws IOException {
        Path file = folder.resolve("bench.key");
        if (!Files.exists(file)) {
            BenchKey made = generate();
            Files.createDirectories(folder);
            try {
                if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(made.privateKey.getEncoded()) + "\n");
                Files.writeString(folder.resolve("bench.pub"), made.publicKeyText() + "\n");
                return made;
            } catch (FileAlreadyExistsException e) {
                // another run made it a moment ago: use that one
            }
        }
        return load(file);
    }

    /** The key pair whose private key is in {@code file}. */
    public static BenchKey load(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                throw new IOException(file + ": the bench's private key may be read by others ("
                        + PosixFilePermissions.toString(permissions) + "); it is no longer the bench's alone: move it "
                        + "aside and let the bench make a new one (then register the new public key)");
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
            Path pub = file.resolveSibling("bench.pub");
            if (!Files.exists(pub)) {
                throw new IOException(file + ": its public key " + pub + " is missing");
            }
            PublicKey publicKey = KeyRing.parse(Files.readString(pub).strip());
            BenchKey key = new BenchKey(privateKey, publicKey);
            byte[] probe = "benchwright".getBytes(StandardCharsets.US_ASCII);
            if (!KeyRing.verifies(publicKey, probe, key.sign(probe))) {
                throw new IOException(pub + " is not the public key of " + file);
            }
            return key;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(file + ": not an Ed25519 private key: " + e.getMessage(), e);
        }
    }

    /** The signature of {@code message}. */
    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 key that cannot sign", e);
        }
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as a register writes it, {@code ed25519:...}. */
    public String publicKeyText() {
        return text(publicKey);
    }

    /** A short name of the public key: the first 16 hex digits of the SHA-256 of its encoding. */
    public String fingerprint() {
        return fingerprint;
    }

    static String text(PublicKey key) {
        return PREFIX + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String fingerprint(PublicKey key) {
        return Hashes.sha256(key.getEncoded()).substring(0, 16);
    }

    /** Parses a public key as {@link #publicKeyText()} writes it; used by registers. */
    static PublicKey decode(String text) throws GeneralSecurityException {
        if (!text.startsWith(PREFIX)) {
            throw new GeneralSecurityException("a public key is written ed25519:<Base64>, not '" + text + "'");
        }
        return KeyFactory.getInstance(ALGORITHM)
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text.substring(PREFIX.length()))));
    }
}
