/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.benchwright.cfx.CfxCheck;
import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.cfx.CfxEnvelope;
import org.benchwright.cfx.CfxSettings;
import org.benchwright.cfx.JobMessages;
import org.benchwright.cfx.amqp.AmqpClient;
import org.benchwright.cfx.tests.Inbox.Received;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** The bench's CFX endpoint against a real RabbitMQ broker, with the plant's MES as a consumer on its own connection. */
class CfxEndpointTest extends BenchTest {

    private static final List<String> BGA_REMOVAL = List.of("CFX.Production.OperatorActivated",
            "CFX.Production.RecipeActivated", "CFX.Production.WorkStarted", "CFX.Production.Assembly.MaterialsInstalled",
            "CFX.Production.ReadingsRecorded", "CFX.Production.Processing.UnitsProcessed",
            "CFX.Production.Assembly.MaterialsUninstalled", "CFX.Production.TestAndInspection.UnitsInspected",
            "CFX.Production.ReworkAndRepair.UnitsRepaired", "CFX.Production.WorkCompleted",
            "CFX.Production.OperatorDeactivated");

    @Test
    void aSimulatedBgaRemovalReachesTheMesAsTheSdkWritesIt() throws Exception {
        RabbitMq broker = RabbitMq.shared();
        String queue = "/queue/mes-" + UUID.randomUUID();
        try (Inbox mes = new Inbox(broker.uri(), queue)) {
            Path cfx = cfxFile("Plant1.Rework.Bench3", broker.uri(), queue);
            Path record = bgaRemoval("SN-CFX-1", dir.resolve("records"), "--cfx", cfx.toString());
            assertTrue(out().contains("IPC-CFX: Plant1.Rework.Bench3 at " + broker.uri()), out());
            assertTrue(out().contains("CFX: up to date, 11 messages sent"), out());

            List<Received> got = mes.until("CFX.Production.OperatorDeactivated");
            assertEquals("CFX.EndpointConnected", got.get(0).name(), "the endpoint says it is there first");
            List<Received> job = got.subList(1, got.size());
            assertEquals(BGA_REMOVAL, job.stream().map(Received::name).toList());
            for (Received r : got) {
                String json = r.envelope().toJson(false);
                assertEquals(List.of(), CfxCheck.sdk().check(json), r.name());
                assertEquals(r.envelope().uniqueId().toString(), r.amqp().getMessageId(), "message-id is UniqueID");
                assertEquals("Plant1.Rework.Bench3." + r.name(), r.amqp().getSubject());
                assertEquals("application/json; charset=\"utf-8\"", r.amqp().getContentType());
                assertTrue(r.amqp().isDurable(), r.name());
                ApplicationProperties app = r.amqp().getApplicationProperties();
                assertEquals(r.name(), app.getValue().get("cfx-message"));
                assertEquals(r.envelope().topic(), app.getValue().get("cfx-topic"));
                assertEquals("Plant1.Rework.Bench3", app.getValue().get("cfx-handle"));
            }
            // what the MES learns: the unit, the procedure and its revision, the lot, the figures against their
            // windows, and the outcome per designator
            JsonObject started = body(job, "CFX.Production.WorkStarted");
            assertEquals("SN-CFX-1", started.getAsJsonArray("Units").get(0).getAsJsonObject().get("UnitIdentifier")
                    .getAsString());
            assertEquals("bga-removal", body(job, "CFX.Production.RecipeActivated").get("RecipeName").getAsString());
            JsonObject installed = body(job, "CFX.Production.Assembly.MaterialsInstalled").getAsJsonArray(
                    "InstalledMaterials").get(0).getAsJsonObject();
            assertEquals("LF-2026-0412", installed.getAsJsonObject("Material").get("UniqueIdentifier").getAsString());
            Map<String, JsonObject> readings = new LinkedHashMap<>();
            for (JsonElement reading : body(job, "CFX.Production.ReadingsRecorded").getAsJsonArray("Readings")) {
                readings.put(reading.getAsJsonObject().get("ReadingIdentifier").getAsString(),
                        reading.getAsJsonObject());
            }
            JsonObject peak = readings.get("remove/1/Peak");
            assertNotNull(peak, readings.keySet().toString());
            assertEquals("Passed", peak.get("Result").getAsString());
            double measured = Double.parseDouble(peak.get("Value").getAsString());
            assertTrue(measured >= Double.parseDouble(peak.get("MinimumAcceptableValue").getAsString())
                    && measured <= Double.parseDouble(peak.get("MaximumAcceptableValue").getAsString()), peak.toString());
            JsonObject processed = body(job, "CFX.Production.Processing.UnitsProcessed");
            assertEquals("Succeeded", processed.get("OverallResult").getAsString());
            assertTrue(processed.getAsJsonObject("CommonProcessData").toString().contains("Telemetry.joint"));
            JsonObject repaired = body(job, "CFX.Production.ReworkAndRepair.UnitsRepaired").getAsJsonArray(
                    "RepairedUnits").get(0).getAsJsonObject();
            assertEquals("RepairSuccessful", repaired.get("OverallResult").getAsString());
            assertEquals("U7", repaired.getAsJsonArray("Repairs").get(0).getAsJsonObject()
                    .getAsJsonObject("ComponentOfInterest").get("ReferenceDesignator").getAsString());
            assertEquals("Completed", body(job, "CFX.Production.WorkCompleted").get("Result").getAsString());
            // the same record gives the same messages: what was sent is what the record says, to the UniqueID
            assertEquals(job.stream().map(r -> r.envelope().uniqueId()).toList(), JobMessages.of(
                    "Plant1.Rework.Bench3", Files.readAllLines(record)).stream().map(CfxEnvelope::uniqueId).toList());
        }
    }

    @Test
    void aBrokerStoppedInTheMiddleOfAJobCostsNoMessageAndKeepsTheirOrder() throws Exception {
        RabbitMq broker = RabbitMq.shared();
        String queue = "mes-" + UUID.randomUUID();
        List<String> lines = Files.readAllLines(bgaRemoval("SN-CFX-2", dir.resolve("made")));
        List<CfxEnvelope> expected = JobMessages.of("Plant1.Rework.Bench4", lines);
        try (Inbox declare = new Inbox(broker.uri(), "/queue/" + queue)) {
            // the durable queue exists from here on; the MES reads it after the outage
        }
        Path records = Files.createDirectories(dir.resolve("records"));
        Path journal = records.resolve("SN-CFX-2-bga-removal.jsonl");
        CountDownLatch offline = new CountDownLatch(1);
        AtomicReference<String> said = new AtomicReference<>();
        CfxSettings settings = CfxSettings.load(cfxFile("Plant1.Rework.Bench4", broker.uri(), "/queue/" + queue));
        try (CfxEndpoint endpoint = new CfxEndpoint(settings, records, status -> {
            if (!status.online() && status.waiting() > 0) {
                said.set(status.describe());
                offline.countDown();
            }
        }).start()) {
            // the job writes its record as it runs; the broker goes away after the heat step began
            int heat = indexOf(lines, "\"type\":\"heat.started\"");
            append(journal, lines.subList(0, heat));
            assertTrue(endpoint.drain(30_000), endpoint.status().describe());
            broker.stop();
            append(journal, lines.subList(heat, lines.size() - 3));
            endpoint.nudge();
            assertTrue(offline.await(60, TimeUnit.SECONDS), "the endpoint never said the broker was away");
            assertTrue(said.get().matches("CFX: \\d+ messages? waiting \\(.+\\)"), said.get());
            append(journal, lines.subList(lines.size() - 3, lines.size()));
            broker.start();
            assertTrue(endpoint.drain(60_000), endpoint.status().describe());
        }
        try (Inbox mes = new Inbox(broker.uri(), "/queue/" + queue)) {
            List<Received> got = mes.until(all -> new LinkedHashSet<>(all.stream().map(r -> r.envelope().uniqueId())
                    .toList()).containsAll(expected.stream().map(CfxEnvelope::uniqueId).toList()));
            List<UUID> firstSeen = new ArrayList<>();
            Map<UUID, String> bodies = new LinkedHashMap<>();
            for (Received r : got) {
                if (r.name().equals("CFX.EndpointConnected")) {
                    continue;
                }
                String body = r.envelope().body().toString();
                String before = bodies.putIfAbsent(r.envelope().uniqueId(), body);
                if (before == null) {
                    firstSeen.add(r.envelope().uniqueId());
                } else {
                    assertEquals(before, body, "a duplicate is the same message again");
                }
            }
            assertEquals(expected.stream().map(CfxEnvelope::uniqueId).toList(), firstSeen,
                    "every message once at least, in the record's order");
        }
    }

    @Test
    void theEndpointAnswersWhoItIsOnItsRequestAddress() throws Exception {
        RabbitMq broker = RabbitMq.shared();
        Path records = Files.createDirectories(dir.resolve("records"));
        CfxSettings settings = CfxSettings.load(cfxFile("Plant1.Rework.Bench5", broker.uri(), "/queue/mes-"
                + UUID.randomUUID()));
        assertEquals("/queue/Plant1.Rework.Bench5", settings.requests(), "the request address by default");
        try (CfxEndpoint endpoint = new CfxEndpoint(settings, records, status -> {
        }).start()) {
            assertTrue(endpoint.drain(30_000), endpoint.status().describe());
            assertEquals(0, cli("cfx", "ask", broker.uri().toString(), settings.requests(), "Plant1.Rework.Bench5"),
                    () -> out() + err());
            CfxEnvelope answer = CfxEnvelope.fromJson(out());
            assertEquals("CFX.AreYouThereResponse", answer.messageName());
            assertEquals("Success", answer.body().getAsJsonObject("Result").get("Result").getAsString());
            assertEquals("Plant1.Rework.Bench5", answer.body().get("CFXHandle").getAsString());
            assertEquals("/queue/Plant1.Rework.Bench5", answer.body().get("RequestTargetAddress").getAsString());
            assertTrue(answer.requestId().startsWith("REQUEST-"), "the answer carries the request's RequestID");
            assertEquals(List.of(), CfxCheck.sdk().check(answer.toJson(false)));

            assertEquals(0, cli("cfx", "ask", broker.uri().toString(), settings.requests(), "Plant1.Rework.Bench5",
                    "--information"), () -> out() + err());
            CfxEnvelope information = CfxEnvelope.fromJson(out());
            assertEquals("CFX.GetEndpointInformationResponse", information.messageName());
            JsonObject endpointInformation = information.body().getAsJsonObject("EndpointInformation");
            assertEquals("2.1", endpointInformation.get("CFXVersion").getAsString());
            assertEquals("Benchwright", endpointInformation.get("Vendor").getAsString());
            assertEquals(List.of(), CfxCheck.sdk().check(information.toJson(false)));
        }
    }

    @Test
    void aStationFileConfiguresCfxListenPrintsWhatArrivesAndCheckFindsWhatTheSdkWouldNotRead() throws Exception {
        RabbitMq broker = RabbitMq.shared();
        String queue = "/queue/mes-" + UUID.randomUUID();
        Path listened = dir.resolve("listened.jsonl");
        CountDownLatch listening = new CountDownLatch(1);
        Thread listener = new Thread(() -> {
            try (java.io.PrintStream file = new java.io.PrintStream(Files.newOutputStream(listened), true,
                    StandardCharsets.UTF_8)) {
                java.io.PrintStream said = new java.io.PrintStream(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        listening.countDown();
                    }
                }, true, StandardCharsets.UTF_8);
                new org.benchwright.cli.Cli().run(new String[] { "cfx", "listen", broker.uri().toString(), queue,
                        "--count", "12" }, file, said);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        listener.start();
        assertTrue(listening.await(30, TimeUnit.SECONDS), "listen did not start");
        // the bench's station configuration file holds its CFX settings beside its driver's
        Path station = dir.resolve("bench6.properties");
        Files.writeString(station, "type = sim\nscenario = bga-15mm\n" + Files.readString(cfxFile(
                "Plant1.Rework.Bench6", broker.uri(), queue)));
        bgaRemoval("SN-CFX-3", dir.resolve("records"), "--station", station.toString());
        assertTrue(out().contains("IPC-CFX: Plant1.Rework.Bench6"), out());
        listener.join(60_000);
        assertFalse(listener.isAlive(), "listen did not end after 12 messages");
        List<String> printed = Files.readAllLines(listened);
        assertEquals(12, printed.size());
        assertTrue(printed.get(12 - 1).contains("\"MessageName\":\"CFX.Production.OperatorDeactivated\""),
                printed.get(11));

        assertEquals(0, cli("cfx", "check", listened.toString()), out());
        assertTrue(out().contains("12 messages as the CFX SDK writes them"), out());

        // an integrator's hand-made message: a misspelt property, an enumeration by number, and no $type
        JsonObject wrong = CfxEnvelope.fromJson(printed.get(1)).toJsonObject();
        JsonObject body = wrong.getAsJsonObject("MessageBody");
        body.remove("$type");
        JsonObject operator = body.getAsJsonObject("Operator");
        operator.addProperty("ActorType", 0);
        operator.add("Loginname", operator.remove("LoginName"));
        Files.writeString(listened, printed.get(0) + "\n" + wrong + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        assertEquals(1, cli("cfx", "check", listened.toString()), out());
        assertTrue(out().contains(listened + ":2: MessageBody.$type: missing (the SDK writes "
                + "\"CFX.Production.OperatorActivated, CFX\")"), out());
        assertTrue(out().contains(listened + ":2: MessageBody.Operator.ActorType: 0 is not a name of ActorType (Human "
                + "Robot RemoteSystem)"), out());
        assertTrue(out().contains(listened + ":2: MessageBody.Operator.Loginname: Operator has no property Loginname "
                + "(the SDK spells it LoginName)"), out());
        assertFalse(out().contains(":1:"), out());
    }

    @Test
    void aBrokerThatRefusesTheLoginOrIsNotThereSaysSo() throws Exception {
        RabbitMq broker = RabbitMq.shared();
        java.io.IOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> AmqpClient.connect(broker.uri(), new AmqpClient.Login("guest", "not the password"), null,
                        10_000));
        assertEquals("the broker " + broker.uri() + " refused the login of guest: SASL auth (check the credentials)",
                refused.getMessage());
        int nobody;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            nobody = free.getLocalPort();
        }
        java.io.IOException absent = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> AmqpClient.connect(java.net.URI.create("amqp://127.0.0.1:" + nobody), null, null, 10_000));
        assertEquals("cannot reach the broker amqp://127.0.0.1:" + nobody + ": Connection refused",
                absent.getMessage());
    }

    @Test
    void overTlsTheBrokersCertificateIsCheckedAndTheLoginGoesThrough() throws Exception {
        RabbitMq broker = RabbitMq.shared();
        // the bench trusts the plant's certificate (here the broker's own) and logs in with user and password
        Path credentials = dir.resolve("cfx.credentials");
        Files.writeString(credentials, "user = guest\npassword = guest\n");
        Path file = dir.resolve("tls.cfx.properties");
        String queue = "/queue/mes-" + UUID.randomUUID();
        Files.writeString(file, "cfx.handle = Plant1.Rework.Bench9\ncfx.broker = " + broker.tlsUri() + "\n"
                + "cfx.address = " + queue + "\ncfx.credentials = cfx.credentials\ncfx.trust = " + broker.certificate()
                + "\n");
        CfxSettings settings = CfxSettings.load(file);
        try (AmqpClient mes = AmqpClient.connect(broker.tlsUri(), settings.login(), settings.tls(), 10_000)) {
            java.util.concurrent.BlockingQueue<org.apache.qpid.proton.message.Message> got =
                    new java.util.concurrent.LinkedBlockingQueue<>();
            mes.receive(queue, 10, got::add).get(10, TimeUnit.SECONDS);
            Path records = Files.createDirectories(dir.resolve("records"));
            try (CfxEndpoint endpoint = new CfxEndpoint(settings, records, status -> {
            }).start()) {
                assertTrue(endpoint.drain(30_000), endpoint.status().describe());
            }
            org.apache.qpid.proton.message.Message connected = got.poll(30, TimeUnit.SECONDS);
            assertNotNull(connected, "nothing arrived over TLS");
            assertEquals("CFX.EndpointConnected", CfxEnvelope.fromAmqp(connected).messageName());
        }
        // without the plant's certificate the JVM's trust store does not know the broker: refused, and said so
        java.io.IOException untrusted = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> AmqpClient.connect(broker.tlsUri(), null, null, 10_000));
        assertTrue(untrusted.getMessage().startsWith("TLS with the broker " + broker.tlsUri() + " failed: PKIX path "
                + "building failed") && untrusted.getMessage().endsWith("(cfx.trust names the certificates to trust)"),
                untrusted.getMessage());
    }

    private static JsonObject body(List<Received> messages, String name) {
        return messages.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().envelope().body();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no " + text + " in the record");
    }

    /** Appends journal lines as the engine does: whole lines, forced to disk. */
    private static void append(Path journal, List<String> lines) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l).append('\n'));
        Files.writeString(journal, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.SYNC);
    }
}
