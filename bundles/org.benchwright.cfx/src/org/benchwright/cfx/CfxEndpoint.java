/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.qpid.proton.message.Message;
import org.benchwright.cfx.amqp.AmqpClient;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * A bench's IPC-CFX endpoint: publishes what its records tell (see {@link JobMessages}) to the plant's broker, in
 * order and at least once, through the {@link CfxOutbox}; answers {@code AreYouThereRequest} and
 * {@code GetEndpointInformationRequest} on its request address, replying to the request's reply-to address with its
 * RequestID. A thread of its own looks at the records a few times a second (at once when {@link #nudge() nudged});
 * while the broker cannot be reached it tries again after 1 s, doubling up to 30 s, and says how many messages
 * wait. One endpoint publishes a records folder at a time (a lock in {@code .cfx/}): a second one, in another run on
 * the same bench, waits for the first to end.
 */
public final class CfxEndpoint implements AutoCloseable {

    /** What the endpoint can say about itself: messages waiting and sent, and why the broker is away, if it is. */
    public record Status(int waiting, long sent, String offline) {

        public boolean online() {
            return offline == null;
        }

        /** "CFX: 12 messages waiting (cannot reach the broker ...)" or "CFX: up to date, 40 messages sent". */
        public String describe() {
            if (offline != null) {
                return "CFX: " + waiting + (waiting == 1 ? " message" : " messages") + " waiting (" + offline + ")";
            }
            return waiting == 0 ? "CFX: up to date" + (sent == 0 ? "" : ", " + sent + " messages sent")
                    : "CFX: " + waiting + " messages waiting, " + sent + " sent";
        }
    }

    /** Told of each message the broker accepted, when: for benchmarks and tests that measure the latency. */
    public interface Accepted {
        void accepted(CfxEnvelope message, Instant when);
    }

    /** The most messages on the wire before their acceptance is awaited. */
    private static final int WINDOW = 200;
    private static final long POLL_MILLIS = 250;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    private static final long CONNECT_MILLIS = 10_000;
    private static final long ACCEPT_MILLIS = 30_000;

    private final CfxSettings settings;
    private final Path records;
    private final Consumer<Status> status;
    private final Object wake = new Object();
    private final Thread thread;
    private volatile boolean closing;
    /** What the endpoint said last; {@code null} until its first pass, so that the first is always told. */
    private volatile Status last;
    private volatile Accepted accepted = (m, t) -> {
    };
    private CfxOutbox outbox;
    private AmqpClient client;
    private FileChannel lockChannel;
    private FileLock lock;
    private boolean nudged;
    private long sent;
    private long backoff = 1000;

    /**
     * @param records the bench's records folder
     * @param status  told whenever what the endpoint says changes (from its thread)
     */
    public CfxEndpoint(CfxSettings settings, Path records, Consumer<Status> status) {
        this.settings = Objects.requireNonNull(settings);
        this.records = records;
        this.status = status;
        this.thread = new Thread(this::run, "CFX " + settings.handle());
        thread.setDaemon(true);
    }

    /** Starts following the records. */
    public CfxEndpoint start() {
        thread.start();
        return this;
    }

    /** Asks the endpoint to look at the records now: a job wrote something the MES wants soon. */
    public void nudge() {
        synchronized (wake) {
            nudged = true;
            wake.notifyAll();
        }
    }

    /** What the endpoint said last. */
    public Status status() {
        Status now = last;
        return now != null ? now : new Status(0, 0, null);
    }

    /** Tells {@code listener} of each accepted message. */
    public void onAccepted(Accepted listener) {
        this.accepted = listener;
    }

    /**
     * Looks at the records once more and sends what waits, returning when that pass is over or the time is up: what a
     * command does before it ends.
     *
     * @return whether the broker now holds every message of the records
     */
    public boolean drain(long timeoutMillis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        synchronized (wake) {
            long after = started + 1; // a pass that begins after this call sees all that was written before it
            nudged = true;
            wake.notifyAll();
            while (completed < after) {
                long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
                if (left <= 0 || !thread.isAlive()) {
                    return false;
                }
                wake.wait(Math.min(left, 100));
            }
            return status().online() && status().waiting() == 0;
        }
    }

    /** Passes begun and ended, counted under {@link #wake}. */
    private long started;
    private long completed;

    // ---- the endpoint's thread ----

    private void run() {
        try {
            while (!closing) {
                synchronized (wake) {
                    started++;
                    nudged = false;
                }
                long pause = POLL_MILLIS;
                try {
                    if (takeLock()) {
                        List<CfxOutbox.Pending> pending = outbox.pending(); // what waits, even while offline
                        connect();
                        publish(pending);
                        backoff = 1000;
                    } else {
                        report(new Status(0, sent, null));
                    }
                } catch (IOException e) {
                    disconnect();
                    report(new Status(outbox == null ? 0 : outbox.waiting(), sent, e.getMessage()));
                    pause = backoff;
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                }
                synchronized (wake) {
                    completed++;
                    wake.notifyAll();
                    if (!nudged && !closing) {
                        wake.wait(pause);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            disconnect();
            releaseLock();
        }
    }

    private void report(Status now) {
        if (!now.equals(last)) {
            last = now;
            status.accept(now);
        } else {
            last = now;
        }
    }

    /** Whether this endpoint publishes the folder: it holds {@code .cfx/lock}, or has just taken it. */
    private boolean takeLock() throws IOException {
        if (lock != null) {
            return true;
        }
        Files.createDirectories(records.resolve(".cfx"));
        if (lockChannel == null) {
            lockChannel = FileChannel.open(records.resolve(".cfx").resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
        }
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // another endpoint of this program has it
        }
        if (lock != null) {
            outbox = new CfxOutbox(records, settings.handle()); // what the endpoint before this one left
        }
        return lock != null;
    }

    private void releaseLock() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // the lock goes with the process anyway
        }
        lock = null;
        lockChannel = null;
    }

    private void connect() throws IOException {
        if (client != null && client.isOpen()) {
            return;
        }
        disconnect();
        client = AmqpClient.connect(settings.broker(), settings.login(), settings.tls(), CONNECT_MILLIS);
        AmqpClient connected = client;
        await(client.receive(settings.requests(), 10, message -> answer(connected, message)),
                "the request address " + settings.requests());
        // the MES learns the bench is there, and the bench that its address takes messages
        await(connected.send(settings.address(), envelope("CFX.EndpointConnected", endpointConnected()).toAmqp()),
                settings.address());
    }

    private void disconnect() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    /** One message to send, and the record it comes from. */
    private record Outgoing(String record, CfxEnvelope message) {
    }

    /**
     * Sends every pending message in order, records after records, a window at a time across records; after each
     * window what the broker accepted is written down at once, for every record of the window.
     */
    private void publish(List<CfxOutbox.Pending> pending) throws IOException {
        List<Outgoing> all = new ArrayList<>();
        pending.forEach(p -> p.messages().forEach(m -> all.add(new Outgoing(p.record(), m))));
        report(new Status(outbox.waiting(), sent, null));
        for (int from = 0; from < all.size(); from += WINDOW) {
            List<Outgoing> window = all.subList(from, Math.min(all.size(), from + WINDOW));
            List<CompletableFuture<Void>> futures = new ArrayList<>(window.size());
            for (Outgoing outgoing : window) {
                futures.add(client.send(settings.address(), outgoing.message().toAmqp()));
            }
            int accepted = 0;
            try {
                for (CompletableFuture<Void> future : futures) {
                    await(future, settings.address());
                    this.accepted.accepted(window.get(accepted).message(), Instant.now());
                    accepted++;
                }
            } finally {
                // the accepted prefix of the window, record by record
                for (int i = 0; i < accepted;) {
                    String record = window.get(i).record();
                    int n = 0;
                    while (i < accepted && window.get(i).record().equals(record)) {
                        n++;
                        i++;
                    }
                    outbox.accepted(record, n);
                }
                outbox.save();
                sent += accepted;
            }
            report(new Status(outbox.waiting(), sent, null));
        }
        report(new Status(outbox.waiting(), sent, null));
    }

    private static void await(CompletableFuture<Void> future, String what) throws IOException {
        try {
            future.get(ACCEPT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().toString(), e);
        } catch (TimeoutException e) {
            throw new IOException("the broker did not answer for " + what + " within " + ACCEPT_MILLIS / 1000 + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    // ---- requests ----

    /** Answers a request (on the connection's thread: the answer is queued, not awaited). */
    private void answer(AmqpClient connection, Message message) {
        CfxEnvelope request;
        try {
            request = CfxEnvelope.fromAmqp(message);
        } catch (IllegalArgumentException e) {
            return; // not CFX: nothing to answer
        }
        String replyTo = message.getReplyTo();
        if (replyTo == null) {
            return;
        }
        String handle = request.body().has("CFXHandle") && !request.body().get("CFXHandle").isJsonNull()
                ? request.body().get("CFXHandle").getAsString() : settings.handle();
        JsonObject body;
        String name;
        switch (request.messageName()) {
            case "CFX.AreYouThereRequest" -> {
                name = "CFX.AreYouThereResponse";
                body = JobMessages.object("Result", result(handle), "CFXHandle", settings.handle(),
                        "RequestNetworkUri", settings.broker().toString(), "RequestTargetAddress", settings.requests());
            }
            case "CFX.GetEndpointInformationRequest" -> {
                name = "CFX.GetEndpointInformationResponse";
                body = JobMessages.object("Result", result(handle), "EndpointInformation", endpointInformation());
            }
            default -> {
                name = null;
                body = null;
            }
        }
        if (name == null) {
            return;
        }
        String requestId = request.requestId() != null ? request.requestId()
                : message.getCorrelationId() != null ? message.getCorrelationId().toString() : null;
        connection.send(replyTo, envelope(name, body).answering(request.source(), requestId).toAmqp());
    }

    private JsonObject result(String askedFor) {
        boolean me = settings.handle().equals(askedFor);
        return JobMessages.object("Result", me ? "Success" : "Failed", "ResultCode", me ? 0 : 1, "Message",
                me ? null : "this endpoint is " + settings.handle() + ", not " + askedFor);
    }

    private CfxEnvelope envelope(String name, JsonObject body) {
        return CfxEnvelope.of(name, java.util.UUID.randomUUID(), Instant.now(), settings.handle(), body);
    }

    private JsonObject endpointConnected() {
        return JobMessages.object("CFXHandle", settings.handle(), "RequestNetworkUri", settings.broker().toString(),
                "RequestTargetAddress", settings.requests());
    }

    private JsonObject endpointInformation() {
        JsonArray topics = new JsonArray();
        for (String topic : List.of("CFX", "CFX.Production", "CFX.Production.Assembly", "CFX.Production.Processing",
                "CFX.Production.TestAndInspection", "CFX.Production.ReworkAndRepair", "CFX.ResourcePerformance")) {
            topics.add(JobMessages.object("TopicName", topic, "TopicSupportType",
                    "CFX".equals(topic) ? "PublisherConsumer" : "Publisher", "SupportedMessages", new JsonArray()));
        }
        JsonArray stages = new JsonArray();
        stages.add(JobMessages.object("Stage", JobMessages.object("StageSequence", 1, "StageName", "BENCH",
                "StageType", "Work")));
        org.osgi.framework.Bundle bundle = org.osgi.framework.FrameworkUtil.getBundle(CfxEndpoint.class);
        String version = bundle == null ? null : bundle.getVersion().toString();
        return JobMessages.object("CFXHandle", settings.handle(), "CFXVersion", CfxEnvelope.VERSION,
                "RequestNetworkUri", settings.broker().toString(), "RequestTargetAddress", settings.requests(),
                "UniqueIdentifier", settings.handle(), "FriendlyName", "Benchwright rework bench " + settings.handle(),
                "Vendor", "Benchwright", "ModelNumber", "Benchwright", "SerialNumber", host(), "SoftwareVersion",
                version, "FirmwareVersion", null, "OperatingSystem", operatingSystem(), "OperatingSystemPlatform",
                platform(), "OperatingSystemVersion", System.getProperty("os.version"), "Stages", stages,
                "NumberOfLanes", 1, "HermesInformation", null, "OperatingRequirements", null, "SupportedTopics",
                topics, "SupportedPCBDimensions", null, "SleepStates", new JsonArray());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return null;
        }
    }

    private static String operatingSystem() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("linux")) {
            return "OtherLinux";
        }
        if (os.contains("mac")) {
            return "AppleMacOS";
        }
        if (os.contains("windows 11")) {
            return "Windows11";
        }
        return os.contains("windows 10") ? "Windows10" : "Other";
    }

    private static String platform() {
        String arch = System.getProperty("os.arch", "");
        return switch (arch) {
            case "amd64", "x86_64" -> "Platform64bit";
            case "aarch64" -> "ARM64";
            case "arm" -> "ARM32";
            case "x86", "i386" -> "Platform32bit";
            default -> "Other";
        };
    }

    /** Stops following; what was not sent waits in the records for the next endpoint. */
    @Override
    public void close() {
        closing = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
