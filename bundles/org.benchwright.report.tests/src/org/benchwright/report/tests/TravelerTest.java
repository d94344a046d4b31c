/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.report.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class TravelerTest extends ReportTest {

    /** The example station register with its logger's calibration renewed, so that bench-1 may run. */
    private Path stations() throws IOException {
        Path file = dir.resolve("stations.properties");
        Files.writeString(file, read(EXAMPLES.resolve("stations.properties")).replace("2026-10-31", "2027-10-31"));
        return file;
    }

    private static JsonObject entry(Path record, String type) throws IOException {
        return Files.readAllLines(record).stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(e -> e.get("type").getAsString().equals(type)).findFirst().orElseThrow();
    }

    private static String lastHash(Path record) throws IOException {
        List<String> lines = Files.readAllLines(record);
        return JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject().get("hash").getAsString();
    }

    @Test
    void aTravelerSaysWhatWasDoneToTheUnitWithWhatByWhomAndThatItsRecordVerifies() throws IOException {
        Path stations = stations();
        Path record = workInstructionJob("SN-2041", "--bench", "bench-1", "--stations", stations.toString());
        Path pdf = dir.resolve("traveler.pdf");
        List<String> args = new java.util.ArrayList<>(List.of("report", "job", record.toString(), "-o", pdf.toString(),
                "--stations", stations.toString()));
        args.addAll(registers().subList(2, registers().size())); // the documents and no store
        assertEquals(0, cli(args.toArray(String[]::new)), () -> out() + err());
        assertTrue(out().matches("(?s)traveler of job SN-2041-WI-BGA-017-\\S+ \\(record verifies\\): .*traveler\\.pdf "
                + "\\(\\d pages?, \\d+ KB\\)\\n"), out());

        List<String> pages = pages(pdf);
        String text = flat(pdf);
        JsonObject requested = entry(record, "job.requested").getAsJsonObject("data");
        JsonObject finished = entry(record, "job.finished").getAsJsonObject("data");
        for (String expected : List.of("Unit SN-2041", "SN-2041, class 2", "COMPLETED", "WI-BGA-017 - BGA removal on "
                + "rework cell 3", "based on bga-removal rev 1", requested.get("procedureHash").getAsString(),
                "DV-2026-031: omit prepare step 2 (QA report QR-2026-031",
                "Site flatness across the pads 0.04 mm (limits 0 .. 0.1 mm)", "lot LF-2026-0412 of LeadFreeNoCleanGel",
                "T-001 Ana Ortega, skill expert", "CIS CIS-7711-20260114-001", "T-004 (CSE-7711-20250905-004)",
                "the content this job ran", "IR-REWORK-3 s/n IR3-10442", "Bench bench-1",
                "Thermal profile BGA_SAC305_CELL3 - step remove/1",
                String.format(Locale.ROOT, "Process Window Index %.1f", finished.get("pwi").getAsDouble()),
                "Chain head " + lastHash(record), "Verifies: every entry's hash chains",
                "None: no interlock tripped")) {
            assertTrue(text.contains(expected), "the traveler does not say '" + expected + "':\n" + text);
        }
        for (int i = 0; i < pages.size(); i++) {
            assertTrue(pages.get(i).contains("page " + (i + 1) + " of " + pages.size()), pages.get(i));
            assertTrue(pages.get(i).contains("unit SN-2041"), "the header names the unit on every page");
        }
        assertEquals("benchwright:job=" + requested.get("job").getAsString() + ";unit=SN-2041;head=" + lastHash(record),
                qrCode(pdf, 0));
        assertArchival(pdf);
        // the profile and the QR code are drawn in vectors: the document holds no picture
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            int images = 0;
            for (var page : document.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
                }
            }
            assertEquals(0, images, "pictures in the traveler");
        }
    }

    @Test
    void aTravelerOfAChangedRecordSaysItDoesNotVerifyAndWhere() throws IOException {
        Path record = workInstructionJob("SN-2042");
        // the measured flatness changed after the job: 0.04 mm written over with 0.09 mm
        String text = read(record);
        int at = text.indexOf("\"value\":0.04");
        assertTrue(at > 0, text);
        Files.writeString(record, text.substring(0, at) + "\"value\":0.09" + text.substring(at + 12));
        Path pdf = dir.resolve("changed.pdf");
        assertEquals(1, cli("report", "job", record.toString(), "-o", pdf.toString(), "--store", "none", "--documents",
                dir.resolve("documents.jsonl").toString()), () -> out() + err());
        assertTrue(out().startsWith("BROKEN RECORD: traveler of job SN-2042-WI-BGA-017-"), out());
        assertTrue(out().contains("(record DOES NOT VERIFY: "), out());
        String pdfText = String.join("\n", pages(pdf));
        assertTrue(pdfText.matches("(?s).*DOES NOT VERIFY: the record was changed at entry \\d+ .*"), pdfText);
        assertFalse(pdfText.contains("0.09 mm"), "the traveler shows the entries before the change only");
    }

    @Test
    void aTravelerNamesTheBenchKeyThatSignedTheRecord_andAForgeryAsSuch() throws IOException {
        Path stations = stations();
        Path record = workInstructionJob("SN-2043", "--bench", "bench-1", "--stations", stations.toString());
        assertEquals(0, cli("keys", "--bench", "bench-1"), this::err);
        String keyLine = out().lines().filter(l -> l.startsWith("bench-1.public-keys = ")).findFirst().orElseThrow();
        String fingerprint = out().replaceFirst("(?s)^key (\\S+) in .*", "$1");
        Files.writeString(stations, read(stations) + keyLine + "\n");
        Path pdf = dir.resolve("signed.pdf");
        assertEquals(0, cli("report", "job", record.toString(), "-o", pdf.toString(), "--stations", stations.toString(),
                "--store", "none", "--documents", dir.resolve("documents.jsonl").toString()), () -> out() + err());
        String text = flat(pdf);
        assertTrue(text.matches("(?s).*Signed by bench-1's key " + fingerprint + " \\(\\d+ signatures\\), checked "
                + "against the station register.*"), text);
        assertTrue(text.contains("head above, and the bench's key signed it"), text);

        // the register says bench-1 signs with another key: the record, whose chain holds, is not bench-1's
        Files.writeString(stations, read(stations).replace(keyLine,
                "bench-1.public-keys = ed25519:MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="));
        assertEquals(1, cli("report", "job", record.toString(), "-o", pdf.toString(), "--stations", stations.toString(),
                "--store", "none", "--documents", dir.resolve("documents.jsonl").toString()), () -> out() + err());
        assertTrue(out().startsWith("BROKEN RECORD: traveler of job SN-2043-") && out().contains("(record FORGED: "),
                out());
        text = flat(pdf);
        assertTrue(text.contains("not confirmed by the station register"), text);
        assertTrue(text.contains("FORGED: "), text);
    }

    @Test
    void telemetryComesOutAsCsvWithEveryChannelAtEachSampleTime() throws IOException {
        Path record = workInstructionJob("SN-2043");
        Path csv = dir.resolve("run.csv");
        assertEquals(0, cli("export", "telemetry", record.toString(), "-o", csv.toString(), "--store", "none"),
                () -> out() + err());
        List<String> lines = Files.readAllLines(csv);
        // the joint, package and plan first, then what the station's channels read beside them, the fan's flow last
        assertEquals("job,step,time_s,joint_c,package_c,plan_c,air_c,air-setpoint_c,board_c,bottom_c,fan_flow",
                lines.get(0));
        long joint = Files.readAllLines(record).stream().map(l -> JsonParser.parseString(l).getAsJsonObject())
                .filter(e -> e.get("type").getAsString().equals("telemetry") && e.getAsJsonObject("data").get(
                        "channel").getAsString().equals("joint")).mapToLong(e -> e.getAsJsonObject("data")
                                .getAsJsonArray("samples").size()).sum();
        assertTrue(joint > 1000, "joint samples: " + joint);
        assertEquals(joint, lines.size() - 1, "one row per sample time");
        String[] row = lines.get(lines.size() / 2).split(",", -1);
        assertEquals(11, row.length, lines.get(lines.size() / 2));
        assertEquals("remove/1", row[1]);
        for (int i = 2; i < 9; i++) {
            Double.parseDouble(row[i]); // a number mid-profile: the package, plan, air and board were recorded
        }
        assertTrue(out().contains("telemetry of job SN-2043-WI-BGA-017-"), out());
        // to the standard output, for a pipe
        assertEquals(0, cli("export", "telemetry", record.toString(), "-o", "-", "--store", "none"), this::err);
        assertEquals(String.join("\n", lines), out().replace("\r\n", "\n").strip());
    }

    @Test
    void badInputIsNamedAndLeavesNoHalfWrittenFile() throws IOException {
        Path pdf = dir.resolve("x.pdf");
        assertEquals(2, cli("report", "job", dir.resolve("nothing.jsonl").toString(), "-o", pdf.toString(), "--store",
                "none"));
        assertTrue(err().contains("nothing.jsonl: no such record"), err());
        Path notARecord = dir.resolve("notes.jsonl");
        Files.writeString(notARecord, "{\"seq\":1}\nthe unit looked fine\n");
        assertEquals(2, cli("report", "job", notARecord.toString(), "-o", pdf.toString(), "--store", "none"));
        assertTrue(err().contains("notes.jsonl"), err());
        assertEquals(2, cli("report", "job", notARecord.toString(), "--store", "none"));
        assertTrue(err().contains("-o <file.pdf> names the file to write"), err());
        assertFalse(Files.exists(pdf), "a document that could not be written is not left behind");
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no half-written file");
        }
    }

    @Test
    void aJobSignedInThePlantStoreShowsItsSignatures() throws IOException {
        approve("WI-BGA-017"); // signed by T-004, the CSE and admin of the store that keeps this test's accounts
        String accounts = "h2:" + dir.resolve("accounts");
        for (String[] typed : new String[][] { { "password-of-T-001", "accounts", "add", "--id", "T-001", "--name",
                "Ana Ortega", "--roles", "technician" }, { "password-of-T-001", "login", "--user", "T-001" } }) {
            List<String> args = new java.util.ArrayList<>(List.of(typed).subList(1, typed.length));
            args.addAll(List.of("--store", accounts));
            assertEquals(0, typing(typed[0], args), () -> out() + err());
        }
        List<String> registers = List.of("--personnel", EXAMPLES.resolve("personnel.xmi").toString(), "--documents",
                dir.resolve("documents.jsonl").toString(), "--store", accounts);
        List<String> run = new java.util.ArrayList<>(List.of("run", "--library", library(), "--procedure",
                "WI-BGA-017", "--unit", "SN-2050", "--designators", "U7", "--technician", "T-001", "--station", "sim",
                "--speed", "max", "--answers", EXAMPLES.resolve("plant/wi-bga-017.answers").toString(), "--records",
                dir.resolve("records").toString()));
        run.addAll(registers);
        assertEquals(0, cli(run.toArray(String[]::new)), () -> out() + err());
        Path record = Path.of(out().replaceAll("(?s).*record: (\\S+\\.jsonl).*", "$1"));
        assertEquals(0, typing("password-of-T-001", List.of("sign", "--meaning", "performed", record.toString(),
                "--store", accounts)), () -> out() + err());

        Path pdf = dir.resolve("signed.pdf");
        List<String> report = new java.util.ArrayList<>(List.of("report", "job", record.toString(), "-o",
                pdf.toString()));
        report.addAll(registers.subList(2, registers.size())); // the documents and the store
        assertEquals(0, cli(report.toArray(String[]::new)), () -> out() + err());
        String text = flat(pdf);
        assertTrue(text.contains("performed, e-signature Ana Ortega (T-001), key "), text);
        assertTrue(text.contains("the job's record, chain head " + lastHash(record).substring(0, 12)), text);
        assertTrue(text.contains("T-004 (CSE-7711-20250905-004), e-signature of Dana Reyes, key "), text);
    }
}
