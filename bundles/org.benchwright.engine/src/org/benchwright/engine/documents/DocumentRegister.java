/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.engine.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.benchwright.engine.identity.ESignature;
import org.benchwright.engine.identity.Meaning;
import org.benchwright.engine.identity.SignatureCheck;
import org.benchwright.model.Certification;
import org.benchwright.model.CertificationLevel;
import org.benchwright.model.Technician;

import com.google.gson.JsonObject;

/**
 * Document control: which revision of which procedure is approved, by whom, when, and for which content. Kept in an
 * append-only, hash-chained journal (like a job's record), so that an approval survives a crash and a changed
 * history shows. A document's status follows from its entries and its current content hash:
 * <ul>
 * <li>approved: an approval of this revision fixed this very content, and no later revision has been approved;</li>
 * <li>obsolete: a later revision was approved since, or it was withdrawn;</li>
 * <li>in review: submitted with this content, not yet approved;</li>
 * <li>draft: anything else, including an approved revision whose text changed since (it needs a new revision).</li>
 * </ul>
 * Approving needs a technician whose IPC-7711/7721 certification valid on the day is CSE (a Certified Standards
 * Expert): the standard's level for those who set and keep a plant's procedures.
 * <p>
 * A register given a {@link SignatureCheck} (the plant's accounts) takes an approval or a submission only with an
 * electronic signature of its signer that verifies and signs this very document, revision and content, and counts no
 * other: an entry written into the ledger by hand, its chain recomputed, approves nothing. The author of a revision
 * (who submitted it) may not approve it.
 * <p>
 * The entries live in a {@link Ledger}: a bench's own file, or the plant store that every bench and every engineer's
 * desk shares. The ledger decides races: an approval is checked against the entries as they stand and appended with
 * nothing in between, so of two approvals of one revision at once exactly one is given.
 */
public final class DocumentRegister {

    /** Where a revision of a document stands. */
    public enum Status {
        DRAFT, IN_REVIEW, APPROVED, OBSOLETE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    /**
     * One approval: the revision and content approved, by whom (and their certificate), when, and the approver's
     * electronic signature ({@code null} in a register that takes approvals without one).
     */
    public record Approval(String document, String revision, String hash, String approver, String certificate,
            Instant time, ESignature signature) {
    }

    /** The status of a document's revision with its current content, and why. */
    public record State(String document, String revision, String hash, Status status, String why, Approval approval) {
    }

    /**
     * Where a register's entries are kept. Each entry is a JSON object with {@code type}, {@code time} (an ISO
     * instant) and {@code data} (which names its {@code document}).
     */
    public interface Ledger {

        /** Where the entries are, as a user would look for them. */
        String where();

        /** Every entry of {@code document}, oldest first. */
        List<JsonObject> entries(String document) throws IOException;

        /**
         * Appends an entry about {@code document} once {@code check} accepts that document's entries as they stand, with
         * no other append about it in between, whatever process or machine makes it.
         *
         * @throws IllegalArgumentException what {@code check} throws: nothing is appended
         */
        void append(String document, String type, Map<String, ?> data, Check check) throws IOException;
    }

    /** A condition on a document's entries; throws {@link IllegalArgumentException}, saying why, to refuse. */
    @FunctionalInterface
    public interface Check {
        void accept(List<JsonObject> entries);
    }

    private final Ledger ledger;
    private final SignatureCheck signatures;

    /** A register kept in a hash-chained file of its own, as a bench without a plant store keeps it. */
    public DocumentRegister(Path file) {
        this(new FileLedger(file));
    }

    /** A register that takes approvals on a CSE's word, signed or not (a plant without accounts). */
    public DocumentRegister(Ledger ledger) {
        this(ledger, null);
    }

    /**
     * A register that takes approvals and submissions only with their signers' electronic signatures, checked by
     * {@code signatures}.
     */
    public DocumentRegister(Ledger ledger, SignatureCheck signatures) {
        this.ledger = ledger;
        this.signatures = signatures;
    }

    /** The ledger of a register kept in a hash-chained file of its own. */
    public static Ledger fileLedger(Path file) {
        return new FileLedger(file);
    }

    /** Whether the register takes only signed approvals. */
    public boolean signed() {
        return signatures != null;
    }

    /** What a signature of a document's revision names as its subject: {@code document D revision R}. */
    public static String subject(String document, String revision) {
        return "document " + document + " revision " + revision;
    }

    /** Where the register is, for messages: a file, or the plant store. */
    public String where() {
        return ledger.where();
    }

    /** The status of {@code revision} of {@code document} whose content now hashes to {@code hash}. */
    public State state(String document, String revision, String hash) throws IOException {
        return state(ledger.entries(document), document, revision, hash);
    }

    private State state(List<JsonObject> entries, String document, String revision, String hash) throws IOException {
        String refused = null;
        Approval approved = null;
        Approval otherContent = null;
        Approval later = null;
        String withdrawn = null;
        boolean submitted = false;
        for (JsonObject e : entries) {
            JsonObject d = e.getAsJsonObject("data");
            if (!document.equals(d.get("document").getAsString())) {
                continue;
            }
            boolean sameRevision = revision.equals(d.get("revision").getAsString());
            String type = e.get("type").getAsString();
            String invalid = type.equals("document.withdrawn") ? null : invalid(e);
            if (invalid != null) {
                if (sameRevision && type.equals("document.approved")) {
                    refused = "an approval of revision " + revision + " by " + d.get("approver").getAsString() + " on "
                            + e.get("time").getAsString().substring(0, 10) + " does not hold: " + invalid;
                }
                continue;
            }
            switch (type) {
                case "document.approved" -> {
                    Approval a = approval(e);
                    if (sameRevision && a.hash().equals(hash)) {
                        approved = a;
                        later = null;
                        withdrawn = null;
                    } else if (sameRevision) {
                        otherContent = a;
                    } else if (approved != null || otherContent != null) {
                        later = a;
                    }
                }
                case "document.submitted" -> submitted |= sameRevision && hash.equals(d.get("hash").getAsString());
                case "document.withdrawn" -> {
                    if (sameRevision) {
                        withdrawn = d.get("by").getAsString() + " on " + e.get("time").getAsString().substring(0, 10)
                                + ": " + d.get("reason").getAsString();
                    }
                }
                default -> {
                    // nothing else is kept here
                }
            }
        }
        if (approved != null && withdrawn == null && later == null) {
            return new State(document, revision, hash, Status.APPROVED, "approved by " + approved.approver() + " ("
                    + approved.certificate() + ") on " + approved.time().toString().substring(0, 10), approved);
        }
        if (withdrawn != null) {
            return new State(document, revision, hash, Status.OBSOLETE, "withdrawn by " + withdrawn, approved);
        }
        if (later != null) {
            return new State(document, revision, hash, Status.OBSOLETE, "superseded by revision " + later.revision()
                    + ", approved on " + later.time().toString().substring(0, 10), approved);
        }
        if (otherContent != null) {
            return new State(document, revision, hash, Status.DRAFT, "its text changed after revision " + revision
                    + " was approved on " + otherContent.time().toString().substring(0, 10)
                    + ": give it a new revision and have that approved" + (refused == null ? "" : "; " + refused), null);
        }
        if (submitted) {
            return new State(document, revision, hash, Status.IN_REVIEW, "submitted, not yet approved"
                    + (refused == null ? "" : "; " + refused), null);
        }
        return new State(document, revision, hash, Status.DRAFT, refused == null ? "never approved"
                : "never validly approved: " + refused, null);
    }

    /**
     * Why a signed register does not take an approval or a submission: its signature is missing, means something
     * else, names another signer, content or revision, or was not made by its signer's key; {@code null} when it holds
     * (and always in a register that takes unsigned entries).
     */
    private String invalid(JsonObject entry) throws IOException {
        if (signatures == null) {
            return null;
        }
        JsonObject d = entry.getAsJsonObject("data");
        if (!d.has("signature") || !d.get("signature").isJsonObject()) {
            return "it carries no electronic signature";
        }
        ESignature signature;
        try {
            signature = ESignature.of(d.getAsJsonObject("signature"));
        } catch (RuntimeException e) {
            return "its signature is not readable: " + e.getMessage();
        }
        boolean approval = entry.get("type").getAsString().equals("document.approved");
        return problem(signature, approval ? Meaning.APPROVED : Meaning.SUBMITTED,
                d.get(approval ? "approver" : "by").getAsString(), d.get("document").getAsString(),
                d.get("revision").getAsString(), d.get("hash").getAsString());
    }

    /** What keeps {@code signature} from standing for this act; {@code null} when it does. */
    private String problem(ESignature signature, Meaning meaning, String signer, String document, String revision,
            String hash) throws IOException {
        if (signature.meaning() != meaning) {
            return "its signature means '" + signature.meaning().label() + "', not '" + meaning.label() + "'";
        }
        if (!signature.signer().equals(signer)) {
            return "it is signed by " + signature.signer() + ", not by " + signer + " whom it names";
        }
        if (!signature.subject().equals(subject(document, revision))) {
            return "its signature is of " + signature.subject() + ", not of " + subject(document, revision);
        }
        if (!signature.content().equals(hash)) {
            return "its signature signs content " + abbreviated(signature.content()) + ", not " + abbreviated(hash)
                    + ": a signature cannot be moved to other content";
        }
        return signatures.check(signature);
    }

    private static String abbreviated(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) : hash;
    }

    /** Every approval of a document that holds, oldest first. */
    public List<Approval> history(String document) throws IOException {
        List<Approval> history = new ArrayList<>();
        for (JsonObject e : ledger.entries(document)) {
            if (e.get("type").getAsString().equals("document.approved")
                    && document.equals(e.getAsJsonObject("data").get("document").getAsString()) && invalid(e) == null) {
                history.add(approval(e));
            }
        }
        return history;
    }

    /** Submits a revision for review. */
    public void submit(String document, String revision, String hash, String by) throws IOException {
        submit(document, revision, hash, by, null);
    }

    /**
     * Submits a revision for review under its author's signature (meaning submitted).
     *
     * @throws IllegalArgumentException when a signed register does not take the signature, saying why
     */
    public void submit(String document, String revision, String hash, ESignature signature) throws IOException {
        submit(document, revision, hash, signature.signer(), signature);
    }

    private void submit(String document, String revision, String hash, String by, ESignature signature)
            throws IOException {
        refuseUnsigned(signature, Meaning.SUBMITTED, by, document, revision, hash);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", document);
        data.put("revision", revision);
        data.put("hash", hash);
        data.put("by", by);
        if (signature != null) {
            data.put("signature", signature.toMap());
        }
        ledger.append(document, "document.submitted", data, entries -> {
        });
    }

    /** Refuses an act a signed register must not take: unsigned, or under a signature that does not stand for it. */
    private void refuseUnsigned(ESignature signature, Meaning meaning, String signer, String document,
            String revision, String hash) throws IOException {
        if (signatures == null) {
            return;
        }
        if (signature == null) {
            throw new IllegalArgumentException(subject(document, revision) + ": " + where() + " takes only signed "
                    + "acts; sign in and sign it (" + meaning.label() + ")");
        }
        String problem = problem(signature, meaning, signer, document, revision, hash);
        if (problem != null) {
            throw new IllegalArgumentException(subject(document, revision) + " is not " + meaning.label() + ": "
                    + problem);
        }
    }

    /**
     * Approves a revision with its content.
     *
     * @throws IllegalArgumentException when the approver holds no CSE certification valid on {@code today}, or the
     *                                  revision is already approved with this content (also when another approval of
     *                                  it was given a moment before this one, anywhere)
     */
    public Approval approve(String document, String revision, String hash, Technician approver, LocalDate today)
            throws IOException {
        return approve(document, revision, hash, approver, today, null);
    }

    /**
     * Approves a revision with its content under the approver's electronic signature (meaning approved), which a signed
     * register requires.
     *
     * @throws IllegalArgumentException as {@link #approve(String, String, String, Technician, LocalDate)}, and when
     *                                  the signature does not stand for this approval, or the approver submitted the
     *                                  revision (its author may not approve it)
     */
    public Approval approve(String document, String revision, String hash, Technician approver, LocalDate today,
            ESignature signature) throws IOException {
        refuseUnsigned(signature, Meaning.APPROVED, approver.getId(), document, revision, hash);
        Certification cse = approver.getCertifications().stream().filter(c -> c.getLevel() == CertificationLevel.CSE)
                .filter(c -> !today.isBefore(c.getIssued()) && !today.isAfter(c.getExpires())).findFirst().orElse(null);
        if (cse == null) {
            throw new IllegalArgumentException(approver.getId() + " may not approve documents: approval needs a CSE "
                    + "(Certified Standards Expert) certification valid on " + today + "; " + approver.getId() + " holds "
                    + (approver.getCertifications().isEmpty() ? "none" : String.join(", ", approver.getCertifications()
                            .stream().map(c -> c.getLevel().getLiteral() + " to " + c.getExpires()).toList())));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("document", document);
        data.put("revision", revision);
        data.put("hash", hash);
        data.put("approver", approver.getId());
        data.put("certificate", cse.getNumber() == null ? "CSE" : cse.getNumber());
        if (signature != null) {
            data.put("signature", signature.toMap());
        }
        try {
            ledger.append(document, "document.approved", data, entries -> {
                try {
                    State now = state(entries, document, revision, hash);
                    if (now.status() == Status.APPROVED) {
                        throw new IllegalArgumentException(document + " revision " + revision + " is approved already: "
                                + now.why());
                    }
                    for (String author : authors(entries, document, revision, hash)) {
                        if (author.equals(approver.getId())) {
                            throw new IllegalArgumentException(approver.getId() + " submitted " + subject(document,
                                    revision) + " and so is its author: the author of a revision may not approve it; "
                                    + "another CSE must");
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Approval> history = history(document);
        return history.get(history.size() - 1);
    }

    /** Who submitted this revision with this content: its authors. */
    private List<String> authors(List<JsonObject> entries, String document, String revision, String hash)
            throws IOException {
        List<String> authors = new ArrayList<>();
        for (JsonObject e : entries) {
            JsonObject d = e.getAsJsonObject("data");
            if (e.get("type").getAsString().equals("document.submitted") && document.equals(d.get("document")
                    .getAsString()) && revision.equals(d.get("revision").getAsString()) && hash.equals(d.get("hash")
                            .getAsString()) && invalid(e) == null) {
                authors.add(d.get("by").getAsString());
            }
        }
        return authors;
    }

    /** Withdraws a revision: it becomes obsolete. */
    public void withdraw(String document, String revision, String by, String reason) throws IOException {
        ledger.append(document, "document.withdrawn", Map.of("document", document, "revision", revision, "by", by,
                "reason", reason), entries -> {
                });
    }

    private static Approval approval(JsonObject e) {
        JsonObject d = e.getAsJsonObject("data");
        ESignature signature = null;
        if (d.has("signature") && d.get("signature").isJsonObject()) {
            try {
                signature = ESignature.of(d.getAsJsonObject("signature"));
            } catch (RuntimeException unreadable) {
                signature = null; // a signed register has refused it already
            }
        }
        return new Approval(d.get("document").getAsString(), d.get("revision").getAsString(), d.get("hash").getAsString(),
                d.get("approver").getAsString(), d.get("certificate").getAsString(),
                Instant.parse(e.get("time").getAsString()), signature);
    }

    /** Every entry of a register kept in a file, oldest first, read from its intact part. */
    public static List<JsonObject> entries(Path file) throws IOException {
        return FileLedger.read(file);
    }
}
