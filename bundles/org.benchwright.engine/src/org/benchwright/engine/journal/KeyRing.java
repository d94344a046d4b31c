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

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public keys of a plant's benches, as the station register holds them: whose key signed a record, and whether
 * a signature is that key's. A bench may have several (a rotated key stays listed, so its records still verify).
 */
public final class KeyRing {

    /** A bench's public key. */
    public record Key(String bench, String fingerprint, PublicKey key) {
    }

    /** A ring with no key: records are checked as chains only. */
    public static final KeyRing NONE = new KeyRing(Map.of());

    private final Map<String, Key> byFingerprint;

    private KeyRing(Map<String, Key> byFingerprint) {
        this.byFingerprint = byFingerprint;
    }

    /**
     * The ring of benches and their public keys as registers write them ({@code ed25519:<Base64>}).
     *
     * @throws IllegalArgumentException naming the bench whose key is not an Ed25519 public key
     */
    public static KeyRing of(Map<String, List<String>> keysByBench) {
        Map<String, Key> keys = new LinkedHashMap<>();
        keysByBench.forEach((bench, texts) -> {
            for (String text : texts) {
                try {
                    PublicKey key = parse(text);
                    keys.put(BenchKey.fingerprint(key), new Key(bench, BenchKey.fingerprint(key), key));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new IllegalArgumentException(bench + ".public-keys: not an Ed25519 public key: "
                            + e.getMessage(), e);
                }
            }
        });
        return new KeyRing(Map.copyOf(keys));
    }

    public boolean isEmpty() {
        return byFingerprint.isEmpty();
    }

    /** The key with this fingerprint, if the ring holds it. */
    public Optional<Key> find(String fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** Whether any bench of the ring has a key: then its records must be signed. */
    public boolean signs(String bench) {
        return byFingerprint.values().stream().anyMatch(k -> k.bench().equals(bench));
    }

    /**
     * Whether the key with {@code fingerprint} is one of the ring's and made {@code signature} (Base64) of a journal's
     * chain head {@code hash}, as a journal's signed line carries them.
     */
    public boolean signed(String fingerprint, String hash, String signature) {
        Key key = byFingerprint.get(fingerprint);
        if (key == null) {
            return false;
        }
        try {
            return verifies(key.key(), hash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    java.util.Base64.getDecoder().decode(signature));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static PublicKey parse(String text) throws GeneralSecurityException {
        return BenchKey.decode(text.strip());
    }

    static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature check = Signature.getInstance(BenchKey.ALGORITHM);
            check.initVerify(key);
            check.update(message);
            return check.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
