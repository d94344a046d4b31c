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

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.qpid.proton.message.Message;
import org.benchwright.cfx.CfxEnvelope;
import org.benchwright.cfx.amqp.AmqpClient;

/**
 * The plant's MES in a test: a consumer on a connection of its own, taking what arrives at an address (a durable
 * queue, declared when it attaches) until the test has what it waits for.
 */
final class Inbox implements AutoCloseable {

    /** One received message: the AMQP message and the envelope it carries. */
    record Received(Message amqp, CfxEnvelope envelope) {
        String name() {
            return envelope.messageName();
        }
    }

    private final AmqpClient client;
    private final BlockingQueue<Message> arrived = new LinkedBlockingQueue<>();
    private final List<Received> received = new ArrayList<>();

    Inbox(URI broker, String address) throws Exception {
        client = AmqpClient.connect(broker, null, null, 10_000);
        client.receive(address, 500, arrived::add).get(10, TimeUnit.SECONDS);
    }

    /**
     * Takes what arrives until {@code done} holds of everything received (or the minute is up).
     *
     * @throws IOException when it does not hold within a minute, with what arrived
     */
    List<Received> until(Predicate<List<Received>> done) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!done.test(received)) {
            Message message = arrived.poll(200, TimeUnit.MILLISECONDS);
            if (message != null) {
                received.add(new Received(message, CfxEnvelope.fromAmqp(message)));
            } else if (System.nanoTime() > end) {
                throw new IOException("not there within a minute; received " + received.stream().map(Received::name)
                        .toList());
            }
        }
        return List.copyOf(received);
    }

    /** Until a message of that name has arrived. */
    List<Received> until(String messageName) throws IOException, InterruptedException {
        return until(all -> all.stream().anyMatch(r -> r.name().equals(messageName)));
    }

    @Override
    public void close() {
        client.close();
    }
}
