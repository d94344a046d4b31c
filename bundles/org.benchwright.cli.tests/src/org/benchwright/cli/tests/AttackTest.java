/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.identity.AccessDeniedException;
import org.benchwright.engine.identity.Identity.Session;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.journal.BenchKey;
import org.benchwright.engine.journal.Journal;
import org.benchwright.store.AccountPolicy;
import org.benchwright.store.Accounts;
import org.benchwright.store.PlantStore;
import org.benchwright.store.PlantStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The attacks a plant's auditors ask about, each tried as an insider would, through the command line and the files
 * and database it leaves: every one must be refused, with its reason named. At the end the suite prints how many
 * were tried and how many succeeded (0), and writes it to {@code target/attacks.txt}.
 */
class AttackTest extends CommandLineTest {

    private static final List<String> TRIED = new ArrayList<>();
    private static final List<String> SUCCEEDED = new ArrayList<>();

    /** Counts an attack; it succeeded unless {@code text} holds the reason it must be refused with. */
    private static void refused(String attack, int exit, String text, String reason) {
        TRIED.add(attack);
        if (exit == 0 || !text.contains(reason)) {
            SUCCEEDED.add(attack);
        }
        assertTrue(exit != 0 && text.contains(reason), attack + " was not refused for '" + reason + "' (exit " + exit
                + "): " + text);
    }

    @AfterAll
    static void tally() throws IOException {
        String tally = "attack suite: " + TRIED.size() + " attacks tried, " + SUCCEEDED.size() + " succeeded"
                + (SUCCEEDED.isEmpty() ? "" : ": " + String.join("; ", SUCCEEDED)) + "\n  "
                + String.join("\n  ", TRIED) + "\nthe attacks on drivers (unsigned, altered, signed by an untrusted "
                + "key, let in by a technician, from the workbench) are tried on the product by releng/test-product\n";
        System.out.print(tally);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/attacks.txt"), tally);
    }

    private String[] approveArgs(String procedure, String... more) {
        List<String> args = new ArrayList<>(List.of("approve", "--library", LIBRARY.toString(), "--procedure",
                procedure, "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void approveAsSomeoneElse() {
        signIn(benchStore(), "T-001");
        int exit = typing(password("T-001"), approveArgs("bga-removal", "--approver", "T-004", "--store",
                benchStore()));
        refused("approve as someone else", exit, err(), "signed in as T-001; --approver T-004 is someone else");
        // nor by knowing the approver's id and typing a password of one's own at the prompt
        exit = typing(password("T-001"), approveArgs("bga-removal", "--store", benchStore()));
        refused("approve without the approver's role", exit, err(), "T-001 may not sign 'approved'");
    }

    @Test
    void approveYourOwnRevision() {
        assertEquals(0, signed("T-004", "submit", "--library", LIBRARY.toString(), "--procedure", "bga-removal",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()), this::err);
        int exit = signed("T-004", approveArgs("bga-removal"));
        refused("approve your own revision", exit, err(), "T-004 submitted document bga-removal revision 1 and so "
                + "is its author: the author of a revision may not approve it");
    }

    @Test
    void approveWithAnExpiredCse() throws IOException {
        Path personnel = dir.resolve("personnel.xmi");
        Files.writeString(personnel, Files.readString(EXAMPLES.resolve("personnel.xmi")).replace(
                "issued=\"2025-09-05\" expires=\"2027-09-05\"", "issued=\"2024-09-05\" expires=\"2026-09-05\""));
        int exit = signed("T-004", "approve", "--library", LIBRARY.toString(), "--procedure", "bga-removal",
                "--personnel", personnel.toString(), "--documents", dir.resolve("documents.jsonl").toString());
        refused("approve with an expired CSE", exit, err(), "T-004 may not approve documents: approval needs a CSE "
                + "(Certified Standards Expert) certification valid on");
    }

    @Test
    void runAsAnUnqualifiedPerson() {
        approve("bga-removal");
        int exit = run("--procedure", "bga-removal", "--unit", "SN-A1", "--technician", "T-003", "--answers",
                EXAMPLES.resolve("bga-removal.answers").toString());
        refused("run as an unqualified person", exit, out(), "[CERTIFICATION] T-003 holds no IPC-7711/7721 "
                + "certification valid on");
        signIn(benchStore(), "T-001");
        exit = cli("run", "--library", LIBRARY.toString(), "--speed", "max", "--personnel",
                EXAMPLES.resolve("personnel.xmi").toString(), "--records", dir.resolve("records").toString(),
                "--documents", dir.resolve("documents.jsonl").toString(), "--station", "sim", "--store", benchStore(),
                "--procedure", "bga-removal", "--unit", "SN-A1", "--technician", "T-004", "--answers",
                EXAMPLES.resolve("bga-removal.answers").toString());
        refused("run in the name of another (qualified) person", exit, err(), "signed in as T-001; --technician "
                + "T-004 is someone else");
    }

    @Test
    void runAsALockedOutPerson() {
        approve("bga-removal");
        signIn(benchStore(), "T-001");
        for (int i = 0; i < 5; i++) {
            assertEquals(1, typing("not-the-password", "login", "--user", "T-001", "--store", benchStore()));
        }
        assertTrue(err().contains("T-001 is now locked until "), err());
        int exit = typing(password("T-001"), "login", "--user", "T-001", "--store", benchStore());
        refused("sign in when locked out", exit, err(), "T-001 is locked until ");
        List<String> job = new ArrayList<>(List.of("run", "--library", LIBRARY.toString(), "--speed", "max",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--records",
                dir.resolve("records").toString(), "--documents", dir.resolve("documents.jsonl").toString(),
                "--station", "sim", "--store", benchStore(), "--procedure", "bga-removal", "--unit", "SN-A2",
                "--technician", "T-001", "--answers", EXAMPLES.resolve("bga-removal.answers").toString()));
        exit = cli(job.toArray(String[]::new));
        refused("run as a locked-out person on the session from before", exit, err(), "the technician signs in first");
    }

    @Test
    void replayAnOldSignatureOnNewContent() throws IOException {
        approve("bga-removal");
        // the library's text changes; the approval of the old text is copied onto the new one, the chain kept whole
        Path library = dir.resolve("library");
        copy(LIBRARY, library);
        Path bga = library.resolve("procedures/bga.bw");
        Files.writeString(bga, Files.readString(bga).replace("Lift the part with the vacuum pick-up",
                "Lift the part with tweezers"));
        Path documents = dir.resolve("documents.jsonl");
        JsonObject approval = lastOfType(documents, "document.approved");
        JsonObject data = approval.getAsJsonObject("data");
        data.addProperty("hash", submittedHash(library, "bga-removal"));
        try (Journal journal = Journal.resume(documents)) {
            journal.append("document.approved", data);
        }
        List<String> job = new ArrayList<>(List.of("run", "--library", library.toString(), "--speed", "max",
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--records",
                dir.resolve("records").toString(), "--documents", documents.toString(), "--station", "sim",
                "--procedure", "bga-removal", "--unit", "SN-A3", "--technician", "T-001", "--answers",
                EXAMPLES.resolve("bga-removal.answers").toString()));
        int exit = onTheBench(job);
        refused("replay an old signature on new content", exit, out(), "a signature cannot be moved to other "
                + "content");
    }

    @Test
    void editTheDocumentRegisterAndRecomputeItsChain() throws IOException {
        approve("bga-removal");
        Path documents = dir.resolve("documents.jsonl");
        // an approval of a draft written in by hand, T-004's signature taken from their approval of another document
        JsonObject approval = lastOfType(documents, "document.approved");
        JsonObject data = approval.getAsJsonObject("data").deepCopy();
        data.addProperty("document", "bga-installation");
        String installation = submittedHash(LIBRARY, "bga-installation");
        data.addProperty("hash", installation);
        try (Journal journal = Journal.resume(documents)) {
            journal.append("document.approved", data);
        }
        assertEquals(0, cli("status", "--library", LIBRARY.toString(), "--documents", documents.toString(), "--store",
                benchStore()));
        refused("approve a draft by writing into the register", out().contains("approved   bga-installation") ? 0 : 1,
                out(), "its signature is of document bga-removal revision 1, not of document bga-installation");
        // the same, with the signature's own parts changed to match: it no longer verifies
        JsonObject forged = approval.getAsJsonObject("data").deepCopy();
        forged.addProperty("document", "bga-installation");
        forged.addProperty("hash", installation);
        JsonObject signature = forged.getAsJsonObject("signature");
        signature.addProperty("subject", "document bga-installation revision 1");
        signature.addProperty("content", installation);
        try (Journal journal = Journal.resume(documents)) {
            journal.append("document.approved", forged);
        }
        cli("status", "--library", LIBRARY.toString(), "--documents", documents.toString(), "--store", benchStore());
        refused("forge a signature's parts in the register", out().contains("approved   bga-installation") ? 0 : 1,
                out(), "does not match what it says it signs");
        // an approver's name changed in the middle of the register, every hash after it recomputed
        rewrite(documents, "\"approver\":\"T-004\"", "\"approver\":\"T-002\"", null);
        cli("status", "--library", LIBRARY.toString(), "--documents", documents.toString(), "--store", benchStore());
        refused("change an approval's approver and recompute the chain", out().contains("approved   bga-removal")
                ? 0 : 1, out(), "it is signed by T-004, not by T-002 whom it names");
    }

    @Test
    void editARecordAndRecomputeItsChainOrSwapInAnotherBenchs() throws IOException {
        approve("bga-removal");
        assertEquals(0, run("--procedure", "bga-removal", "--unit", "SN-A4", "--technician", "T-001", "--designators",
                "U7", "--answers", EXAMPLES.resolve("bga-removal.answers").toString()), () -> out() + err());
        Path record = record();
        BenchKey bench = BenchKey.load(Path.of(System.getProperty("user.home"), ".benchwright", "keys", "bench.key"));
        BenchKey other = BenchKey.generate();
        Path stations = dir.resolve("stations.properties");
        Files.writeString(stations, "bench-1.public-keys = " + bench.publicKeyText() + "\nbench-2.public-keys = "
                + other.publicKeyText() + "\n");

        Path edited = dir.resolve("edited.jsonl");
        Files.writeString(edited, Files.readString(record));
        rewrite(edited, "\"unit\":\"SN-A4\"", "\"unit\":\"SN-A9\"", null);
        int exit = cli("verify", "--stations", stations.toString(), edited.toString());
        refused("edit a record and recompute its chain", exit, out(), "FORGED: the signature of entry ");

        Path swapped = dir.resolve("swapped.jsonl");
        try (Journal journal = Journal.create(swapped, other)) {
            JsonObject requested = JsonParser.parseString(Files.readAllLines(record).get(0)).getAsJsonObject()
                    .getAsJsonObject("data");
            requested.addProperty("bench", "bench-1");
            journal.append("job.requested", requested);
            journal.append("job.finished", Map.of("outcome", "completed"));
        }
        exit = cli("verify", "--stations", stations.toString(), swapped.toString());
        refused("swap in a whole record from another bench", exit, out(), "the record says it was written at bench-1, "
                + "but bench-2's key signed it");

        Path resigned = dir.resolve("resigned.jsonl");
        Files.writeString(resigned, Files.readString(record));
        rewrite(resigned, "\"unit\":\"SN-A4\"", "\"unit\":\"SN-A9\"", bench);
        exit = cli("verify", "--stations", stations.toString(), "--store", benchStore(), resigned.toString());
        refused("rewrite a record with the bench's own key", exit, out(), "DIFFERS from the plant store's record of "
                + "job");
    }

    @Test
    void bruteForceAPin() throws Exception {
        signIn(benchStore(), "T-001");
        String badge = "BADGE-0001";
        assertEquals(0, typing(password("T-001") + "\n" + "246810", "accounts", "badge", "--badge", badge, "--store",
                benchStore()), this::err);
        for (int pin = 100000; pin < 100005; pin++) {
            assertEquals(1, typing(badge + "\n" + pin, "login", "--badge", "--store", benchStore()));
        }
        int exit = typing(badge + "\n246810", "login", "--badge", "--store", benchStore());
        refused("brute-force a PIN", exit, err(), "T-001 is locked until ");
        try (PlantStore store = PlantStores.open(benchStore(), PlantStores.credentials(null))) {
            long failures = store.accounts().events("T-001").stream().filter(e -> e.contains(" failed: sign in "
                    + "with badge: wrong PIN")).count();
            assertEquals(5, failures, "every failure is kept");
        }
    }

    @Test
    void useASessionAfterIdleSignOut() throws Exception {
        signIn(benchStore(), "T-001");
        try (PlantStore store = PlantStores.open(benchStore(), PlantStores.credentials(null))) {
            Session session = store.accounts().signIn("T-004", password("T-004").toCharArray());
            // the same store eleven minutes later
            Accounts later = store.accounts(AccountPolicy.defaults().withClock(Clock.offset(Clock.systemUTC(),
                    Duration.ofMinutes(11))));
            String reason;
            try {
                later.sign(session, password("T-004").toCharArray(), Meaning.APPROVED, "document d revision 1", "h");
                reason = "";
            } catch (AccessDeniedException e) {
                reason = e.getMessage();
            }
            refused("sign with a session after idle sign-out", reason.isEmpty() ? 0 : 1, reason,
                    "T-004 was signed out after 10 minutes idle");
        }
    }

    private static JsonObject lastOfType(Path journal, String type) throws IOException {
        JsonObject last = null;
        for (String line : Files.readAllLines(journal)) {
            JsonObject e = JsonParser.parseString(line).getAsJsonObject();
            if (type.equals(e.get("type").getAsString())) {
                last = e;
            }
        }
        assertTrue(last != null, "no " + type + " in " + journal);
        return last;
    }

    /**
     * The content hash of a procedure as the register keeps it in full: an engineer (T-001) submits the procedure,
     * as anyone in that role may, and the submission holds it.
     */
    private String submittedHash(Path library, String procedure) throws IOException {
        assertEquals(0, signed("T-001", "submit", "--library", library.toString(), "--procedure", procedure,
                "--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString()), () -> out() + err());
        return lastOfType(dir.resolve("documents.jsonl"), "document.submitted").getAsJsonObject("data").get("hash")
                .getAsString();
    }
}
