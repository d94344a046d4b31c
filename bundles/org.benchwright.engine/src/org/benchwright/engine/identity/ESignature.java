/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;

/**
 * An electronic signature: who signed (id and full name), when, meaning what, of what subject and content (a content
 * hash), made with the signer's own Ed25519 key, which only their password or PIN unlocks. It is data: registers and
 * records carry it, and anyone with the signer's public key can check it; changing any of its parts, or putting it
 * under other content, makes it fail.
 *
 * @param signer    the signer's account id
 * @param name      the signer's full name at the time
 * @param meaning   what the signature means
 * @param time      when it was given
 * @param subject   what it is about, as a reader would name it ({@code document bga-removal revision C})
 * @param content   the content hash it signs
 * @param key       the fingerprint of the signer's key that made it
 * @param signature the Ed25519 signature of {@link #signedText()}, Base64
 */
public record ESignature(String signer, String name, Meaning meaning, Instant time, String subject, String content,
        String key, String signature) {

    /** The text the signer's key signs: every part, one per line. */
    public String signedText() {
        return signedText(signer, name, meaning, time, subject, content);
    }

    static String signedText(String signer, String name, Meaning meaning, Instant time, String subject,
            String content) {
        return "benchwright e-signature 1\nsigner " + signer + "\nname " + name + "\nmeaning " + meaning.label()
                + "\ntime " + time + "\nsubject " + subject + "\ncontent " + content + "\n";
    }

    /** Whether {@code publicKey} made this signature of these very parts. */
    public boolean verifies(PublicKey publicKey) {
        try {
            Signature check = Signature.getInstance("Ed25519");
            check.initVerify(publicKey);
            check.update(signedText().getBytes(StandardCharsets.UTF_8));
            return check.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** "approved by Dana Reyes (T-004) on 2026-12-06T10:15:00Z". */
    public String describe() {
        return meaning.label() + " by " + name + " (" + signer + ") on " + time;
    }

    /** Its fields, as a journal entry's data keeps them. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("signer", signer);
        map.put("name", name);
        map.put("meaning", meaning.name());
        map.put("time", time.toString());
        map.put("subject", subject);
        map.put("content", content);
        map.put("key", key);
        map.put("signature", signature);
        return map;
    }

    /** The signature a journal entry's data keeps, as {@link #toMap()} wrote it. */
    public static ESignature of(JsonObject o) {
        return new ESignature(o.get("signer").getAsString(), o.get("name").getAsString(),
                Meaning.valueOf(o.get("meaning").getAsString()), Instant.parse(o.get("time").getAsString()),
                o.get("subject").getAsString(), o.get("content").getAsString(), o.get("key").getAsString(),
                o.get("signature").getAsString());
    }
}
