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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

import org.apache.qpid.proton.message.Message;
import org.benchwright.cfx.CfxCheck;
import org.benchwright.cfx.CfxEndpoint;
import org.benchwright.cfx.CfxEnvelope;
import org.benchwright.cfx.CfxSettings;
import org.benchwright.cfx.amqp.AmqpClient;
import org.benchwright.cfx.amqp.AmqpClient.Login;
import org.benchwright.cli.Command;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * {@code cfx}: the bench's IPC-CFX endpoint without a job, and the plant integrator's side of it. {@code serve} runs
 * the bench's endpoint until stopped (it sends what the records still owe the broker and answers requests);
 * {@code listen} prints the CFX messages
 * arriving at a broker's address; {@code ask} sends an endpoint an AreYouThereRequest or a
 * GetEndpointInformationRequest and prints its answer; {@code check} checks messages against the CFX SDK's names.
 */
public final class CfxCommand implements Command {

    @Override
    public String name() {
        return "cfx";
    }

    @Override
    public String usage() {
        return "serve --cfx <cfx.properties> [--records <dir>] | "
                + "listen <amqp[s]://host:port> <address> [--pretty] [--count N] [--credentials <file>] [--trust <pem>] | "
                + "ask <amqp[s]://host:port> <request address> <handle> [--information] [--credentials <file>] "
                + "[--trust <pem>] | "
                + "check <file>...";
    }

    @Override
    public String summary() {
        return "IPC-CFX for integrators: print a broker address's messages, ask an endpoint, check messages";
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(arguments);
        if (args.isEmpty()) {
            err.println("usage: benchwright cfx " + usage());
            return UNUSABLE;
        }
        String what = args.remove(0);
        try {
            return switch (what) {
                case "serve" -> serve(args, out, err);
                case "listen" -> listen(args, out, err);
                case "ask" -> ask(args, out, err);
                case "check" -> check(args, out, err);
                default -> {
                    err.println("benchwright cfx: no '" + what + "'; usage: benchwright cfx " + usage());
                    yield UNUSABLE;
                }
            };
        } catch (IOException | IllegalArgumentException e) {
            err.println("benchwright cfx " + what + ": " + e.getMessage());
            return UNUSABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNUSABLE;
        }
    }

    private static int serve(List<String> args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        Path file = Arguments.optionalFile(args, "--cfx");
        Path records = Arguments.file(args, "--records", "records");
        if (file == null || !args.isEmpty()) {
            throw new IllegalArgumentException("serve takes --cfx <cfx.properties> [--records <dir>]");
        }
        CfxSettings settings = CfxSettings.load(file);
        if (settings == null) {
            throw new IOException(file + ": no cfx.broker in the file");
        }
        out.println("IPC-CFX: " + settings.describe() + "; answering on " + settings.requests() + "; records "
                + records + " (Ctrl-C ends)");
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        try (CfxEndpoint endpoint = new CfxEndpoint(settings, records, status -> out.println(status.describe()))
                .start()) {
            Thread hook = new Thread(stopped::countDown, "benchwright cfx serve stop");
            Runtime.getRuntime().addShutdownHook(hook);
            stopped.await();
        }
        return OK;
    }

    private static int listen(List<String> args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        boolean pretty = args.remove("--pretty");
        int count = Integer.parseInt(Arguments.take(args, "--count", "0"));
        Login login = CfxSettings.login(Arguments.optionalFile(args, "--credentials"), System.getenv());
        SSLContext tls = tls(args);
        if (args.size() != 2) {
            throw new IllegalArgumentException("listen takes a broker and an address, for example "
                    + "amqp://mes:5672 /queue/cfx");
        }
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        try (AmqpClient client = AmqpClient.connect(URI.create(args.get(0)), login, tls, 10_000)) {
            await(client.receive(args.get(1), 100, message -> received.add(render(message, pretty))), args.get(1));
            err.println("listening to " + args.get(1) + " at " + client.where() + (count > 0 ? " for " + count
                    + " messages" : "; Ctrl-C ends"));
            for (int n = 0; count == 0 || n < count; n++) {
                String line = null;
                while (line == null) {
                    line = received.poll(200, TimeUnit.MILLISECONDS);
                    if (line == null && client.ended().isDone()) {
                        throw new IOException("the connection to " + client.where() + " ended");
                    }
                }
                out.println(line);
            }
        }
        return OK;
    }

    /** A message as the listener prints it: the envelope's JSON, or why it is not CFX. */
    private static String render(Message message, boolean pretty) {
        try {
            String text = CfxEnvelope.bodyText(message);
            JsonElement json = JsonParser.parseString(text);
            return pretty ? CfxEnvelope.pretty(json) : json.toString();
        } catch (RuntimeException e) {
            return "# not a CFX message (" + e.getMessage() + "): message-id " + message.getMessageId();
        }
    }

    private static int ask(List<String> args, PrintStream out, PrintStream err)
            throws IOException, InterruptedException {
        boolean information = args.remove("--information");
        Login login = CfxSettings.login(Arguments.optionalFile(args, "--credentials"), System.getenv());
        SSLContext tls = tls(args);
        if (args.size() != 3) {
            throw new IllegalArgumentException("ask takes a broker, the endpoint's request address and its handle, "
                    + "for example amqp://mes:5672 /queue/Plant1.Rework.Bench3 Plant1.Rework.Bench3");
        }
        String handle = args.get(2);
        String me = "benchwright-cli-" + UUID.randomUUID();
        String replies = "/queue/" + me;
        BlockingQueue<Message> answers = new LinkedBlockingQueue<>();
        try (AmqpClient client = AmqpClient.connect(URI.create(args.get(0)), login, tls, 10_000)) {
            await(client.receive(replies, 1, answers::add), replies);
            JsonObject body = new JsonObject();
            body.addProperty("CFXHandle", handle);
            String name = information ? "CFX.GetEndpointInformationRequest" : "CFX.AreYouThereRequest";
            CfxEnvelope request = new CfxEnvelope(name, UUID.randomUUID(), CfxEnvelope.local(Instant.now()), me,
                    handle, "REQUEST-" + UUID.randomUUID(), CfxEnvelope.typed(name, body));
            Message message = request.toAmqp();
            message.setReplyTo(replies);
            await(client.send(args.get(1), message), args.get(1));
            Message answer = answers.poll(10, TimeUnit.SECONDS);
            if (answer == null) {
                err.println("no answer from " + handle + " at " + args.get(1) + " within 10 s");
                return FINDINGS;
            }
            out.println(render(answer, true));
            return OK;
        }
    }

    private static int check(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("check takes at least one file of CFX messages (one envelope, a JSON "
                    + "array of them, or one a line as listen prints them)");
        }
        int result = OK;
        int messages = 0;
        for (String arg : args) {
            Path file = Path.of(arg);
            if (!Files.isRegularFile(file)) {
                err.println(arg + ": no such file");
                result = UNUSABLE;
                continue;
            }
            for (Located message : messages(file)) {
                messages++;
                List<String> problems = CfxCheck.sdk().check(message.json());
                for (String problem : problems) {
                    out.println(arg + ":" + message.where() + ": " + problem);
                }
                if (!problems.isEmpty() && result == OK) {
                    result = FINDINGS;
                }
            }
        }
        if (result == OK) {
            out.println(messages + (messages == 1 ? " message" : " messages") + " as the CFX SDK writes them");
        }
        return result;
    }

    /** A message of a file and where it starts: a line, or an index into the file's array. */
    private record Located(String where, String json) {
    }

    private static List<Located> messages(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Located> messages = new ArrayList<>();
        try {
            JsonElement whole = JsonParser.parseString(text);
            if (whole.isJsonArray()) {
                int i = 0;
                for (JsonElement e : whole.getAsJsonArray()) {
                    messages.add(new Located("[" + i++ + "]", e.toString()));
                }
                return messages;
            }
            if (whole.isJsonObject()) {
                return List.of(new Located("1", text));
            }
        } catch (RuntimeException e) {
            // not one JSON value: one message a line
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                messages.add(new Located(Integer.toString(i + 1), line));
            }
        }
        return messages;
    }

    /** {@code --trust <pem>}: the certificates an amqps broker is checked against (default: the JVM's). */
    private static SSLContext tls(List<String> args) throws IOException {
        Path trust = Arguments.optionalFile(args, "--trust");
        return trust == null ? null : CfxSettings.tls(trust);
    }

    private static void await(java.util.concurrent.CompletableFuture<Void> future, String what) throws IOException {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IOException(what + ": no answer from the broker within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
