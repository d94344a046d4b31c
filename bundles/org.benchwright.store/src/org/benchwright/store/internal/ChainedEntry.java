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

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.benchwright.engine.journal.Hashes;
import org.benchwright.store.ChainRefusedException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * One line of a job's journal as it arrives at the store, its own hash checked: the line's text before
 * {@code ,"hash":...} with a closing brace hashes to the hash it carries (the bench's journal format, see
 * {@code org.benchwright.engine.journal.Journal}).
 */
record ChainedEntry(String job, long seq, Instant time, String type, JsonObject data, String prev, String hash,
        String line, String key, String signature) {

    /** The hash before a journal's first entry. */
    static final String GENESIS = "0".repeat(64);

    /** The hash, and the bench's signature of it when the line ends a write of a signed journal. */
    private static final Pattern TAIL = Pattern
            .compile("^(.*),\"hash\":\"([0-9a-f]{64})\"(?:,\"sig\":\"([0-9a-f]{16}):([A-Za-z0-9+/=]+)\")?}$");

    static ChainedEntry parse(String job, String line) throws ChainRefusedException {
        String text = line.strip();
        Matcher m = TAIL.matcher(text);
        if (!m.matches()) {
            throw new ChainRefusedException("an entry of job " + job + " has no hash: not a journal line");
        }
        String body = m.group(1) + "}";
        if (!Hashes.sha256(body).equals(m.group(2))) {
            throw new ChainRefusedException("an entry of job " + job + " does not match its hash: it was changed "
                    + "after it was written");
        }
        try {
            JsonObject e = JsonParser.parseString(body).getAsJsonObject();
            long seq = e.get("seq").getAsLong();
            if (seq < 1) {
                throw new ChainRefusedException("an entry of job " + job + " is numbered " + seq);
            }
            JsonElement data = e.get("data");
            return new ChainedEntry(job, seq, Instant.parse(e.get("time").getAsString()), e.get("type").getAsString(),
                    data != null && data.isJsonObject() ? data.getAsJsonObject() : new JsonObject(),
                    e.get("prev").getAsString(), m.group(2), text, m.group(3), m.group(4));
        } catch (JsonParseException | IllegalStateException | NullPointerException
                | java.time.format.DateTimeParseException e) {
            throw new ChainRefusedException("an entry of job " + job + " is not a journal entry: " + e.getMessage());
        }
    }

    static String string(JsonObject data, String key) {
        JsonElement e = data.get(key);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
