/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.benchwright.cli.Command;
import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.journal.JournalVerifier;
import org.benchwright.engine.journal.JournalVerifier.Report;
import org.benchwright.engine.journal.KeyRing;
import org.benchwright.engine.registry.StationRegister;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.StoreException;
import org.benchwright.store.StoredRecord;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code verify}: checks a job record's hash chain and reports the first broken entry; checks its bench's signatures
 * against the public keys of the station register (the file given, else the plant store's, else the bench's own
 * file), so that a record rewritten
 * without the bench's key is named forged; and, given a plant store, compares it with the entries the store
 * received, so that a record replaced whole, or cut short, shows too.
 */
public final class VerifyCommand implements Command {

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String usage() {
        return "[--stations <register.properties>] [--store <location> [--store-credentials <file>]] <record.jsonl>...";
    }

    @Override
    public String summary() {
        return "check job records: every entry intact and in its place, signed by its bench, as the plant store holds "
                + "it, and whether the job finished";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        boolean plant = args.contains("--store");
        Path stations = Arguments.optionalFile(args, "--stations");
        try (PlantAccess access = PlantAccess.take(args)) {
            if (args.isEmpty() || args.stream().anyMatch(a -> a.startsWith("--"))) {
                err.println("benchwright verify: name at least one record");
                err.println("usage: benchwright verify " + usage());
                return UNUSABLE;
            }
            KeyRing keys;
            try {
                Path register = stations != null ? stations : Arguments.home("stations.properties");
                keys = Files.isRegularFile(register) || stations != null ? new StationRegister(register).keyRing()
                        : KeyRing.NONE;
            } catch (IOException e) {
                err.println("benchwright verify: " + e.getMessage());
                return UNUSABLE;
            }
            PlantStore store = null;
            if (plant) {
                try {
                    store = access.store();
                    if (stations == null) { // the benches' keys as the plant's register holds them
                        keys = store.stations().map(StationRegister::keyRing).filter(k -> !k.isEmpty()).orElse(keys);
                    }
                } catch (StoreException e) {
                    err.println("benchwright verify: the plant store " + access.location() + " cannot be reached: "
                            + e.getMessage());
                    return UNUSABLE;
                }
            }
            return verify(args, keys, store, out, err);
        }
    }

    private static int verify(List<String> args, KeyRing keys, PlantStore store, PrintStream out, PrintStream err) {
        int result = OK;
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file)) {
                err.println(arg + ": no such record");
                result = UNUSABLE;
                continue;
            }
            try {
                Report report = JournalVerifier.verify(file, keys);
                out.println(arg + ": " + describe(report, !keys.isEmpty()));
                String held = store == null || report.broken() ? null : compare(file, store);
                if (held != null) {
                    out.println(arg + ": " + held);
                }
                boolean signaturesHold = store == null || report.broken() || signatures(file, report, store, arg, out);
                if ((!report.intact() || !signaturesHold || held != null && held.startsWith("DIFFERS")) && result == OK) {
                    result = FINDINGS;
                }
            } catch (StoreException e) {
                err.println(arg + ": the plant store cannot be read: " + e.getMessage());
                result = UNUSABLE;
            } catch (IOException e) {
                err.println(arg + ": cannot be read: " + e.getMessage());
                result = UNUSABLE;
            }
        }
        return result;
    }

    /**
     * What the plant store holds of the record's job beside the file: {@code null} when it holds the same entries;
     * "DIFFERS: ..." when they part or the file lacks entries the store has.
     */
    private static String compare(Path file, PlantStore store) throws IOException, StoreException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String job = lines.isEmpty() ? null : jobOf(lines.get(0));
        if (job == null) {
            return "the record names no job to look for in the plant store";
        }
        StoredRecord held = store.record(job).orElse(null);
        if (held == null) {
            return "the plant store " + store.location() + " holds no entry of job " + job + " (not sent yet?)";
        }
        int n = Math.min(lines.size(), held.lines().size());
        for (int i = 0; i < n; i++) {
            if (!lines.get(i).strip().equals(held.lines().get(i).strip())) {
                return "DIFFERS from the plant store's record of job " + job + " at entry " + (i + 1) + ": the store "
                        + "holds " + held.lines().size() + " entries as the bench sent them (" + held.describe()
                        + "); this file was replaced or rewritten";
            }
        }
        if (lines.size() < held.lines().size()) {
            return "DIFFERS from the plant store's record of job " + job + ": the store holds " + held.lines().size()
                    + " entries, this file ends at entry " + lines.size() + ": entries were cut off";
        }
        return lines.size() == held.lines().size() ? "the plant store holds the same " + n + " entries"
                : "the plant store holds entries 1-" + n + " the same (the rest not sent yet)";
    }

    /**
     * Prints the signatures the store keeps of the record's job (performed, verified), each checked against its
     * signer's keys and the record's head; whether all of them hold.
     */
    private static boolean signatures(Path file, Report report, PlantStore store, String arg, PrintStream out)
            throws IOException, StoreException {
        String job = jobOf(Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse(""));
        if (job == null) {
            return true;
        }
        boolean hold = true;
        Accounts accounts = store.accounts(AccountPolicy.ofThisMachine());
        for (ESignature s : store.recordSignatures(job)) {
            String problem = accounts.check(s);
            if (problem == null && !s.content().equals(report.lastHash())) {
                problem = "it signs the record's head " + s.content().substring(0, 12) + ", not this file's "
                        + report.lastHash().substring(0, 12);
            }
            hold &= problem == null;
            out.println(arg + ": signed: " + s.describe() + (problem == null ? "" : "; DOES NOT HOLD: " + problem));
        }
        return hold;
    }

    private static String jobOf(String line) {
        try {
            JsonObject data = JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("data");
            return data != null && data.has("job") ? data.get("job").getAsString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String describe(Report report) {
        return describe(report, false);
    }

    /** @param checked whether the signatures were checked against the benches' public keys */
    static String describe(Report report, boolean checked) {
        if (report.broken()) {
            String intact = report.entries() == 0 ? "no entry before it" : report.entries() == 1 ? "entry 1 is intact"
                    : "entries 1-" + report.entries() + " are intact";
            return "BROKEN at entry " + report.brokenAt() + ": " + report.problem() + " (" + intact + ")";
        }
        if (report.forged() != null) {
            return "FORGED: " + report.forged() + " (its chain holds: " + report.entries() + " entries)";
        }
        String chain = report.entries() + " entries, chain intact";
        String signed = report.signer() == null ? "; not signed" : !checked
                ? "; signed with key " + report.signer() + " (not checked: no station register with the benches' keys)"
                : "; signed by " + report.signer();
        if (report.finished()) {
            return chain + ", job finished" + signed;
        }
        return chain + "; the job did not finish: interrupted after entry " + report.entries()
                + (report.interrupted() ? " (a further entry was being written when the writer stopped)" : "") + signed;
    }
}
