/*
 * Copyright (c) 2026 Benchwright contributors
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * https://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.benchwright.cfx.amqp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

import org.apache.qpid.proton.Proton;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.messaging.Source;
import org.apache.qpid.proton.amqp.messaging.Target;
import org.apache.qpid.proton.amqp.messaging.TerminusDurability;
import org.apache.qpid.proton.amqp.messaging.TerminusExpiryPolicy;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.ReceiverSettleMode;
import org.apache.qpid.proton.amqp.transport.SenderSettleMode;
import org.apache.qpid.proton.engine.Collector;
import org.apache.qpid.proton.engine.Connection;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sasl;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.engine.Session;
import org.apache.qpid.proton.engine.SslDomain;
import org.apache.qpid.proton.engine.Transport;
import org.apache.qpid.proton.engine.TransportException;
import org.apache.qpid.proton.message.Message;

/**
 * One AMQP 1.0 connection to a broker: Proton-J's protocol engine driven over a socket by a thread of its own.
 * Plain TCP ({@code amqp://host:5672}) or TLS ({@code amqps://host:5671}, the JDK's trust store), SASL PLAIN with a
 * user and password or ANONYMOUS without. Messages are sent unsettled: {@link #send} completes when the broker has
 * accepted the message (it holds it from then on) and fails when it rejects or releases it or the connection
 * drops. Every call is safe from any thread; received messages are handed over on the connection's thread.
 */
public final class AmqpClient implements AutoCloseable {

    /** Who the broker should take the client for; {@code null} user: SASL ANONYMOUS. */
    public record Login(String user, String password) {
        @Override
        public String toString() {
            return "Login[" + user + "]"; // never the password
        }
    }

    private final String where;
    private final Selector selector;
    private final SocketChannel socket;
    private final Transport transport;
    private final Sasl sasl;
    private final String user;
    private final Connection connection;
    private final Collector collector = Proton.collector();
    private final Session session;
    private final Queue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Map<String, Sender> senders = new HashMap<>();
    private final Map<Receiver, Consumer<Message>> receivers = new HashMap<>();
    private final Map<Delivery, CompletableFuture<Void>> unsettled = new HashMap<>();
    private final Map<Link, CompletableFuture<Void>> attaching = new HashMap<>();
    private final Queue<Delivery> waitingForCredit = new ArrayDeque<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final Thread thread;
    private volatile IOException failure;
    private long tags;

    private AmqpClient(URI broker, Login login, SSLContext tls) throws IOException {
        String host = broker.getHost();
        boolean secure = "amqps".equalsIgnoreCase(broker.getScheme());
        int port = broker.getPort() > 0 ? broker.getPort() : secure ? 5671 : 5672;
        this.where = broker.getScheme() + "://" + host + ":" + port;
        this.selector = Selector.open();
        this.socket = SocketChannel.open();
        socket.configureBlocking(false);
        socket.connect(new InetSocketAddress(host, port));
        socket.register(selector, SelectionKey.OP_CONNECT);
        this.transport = Proton.transport();
        transport.setIdleTimeout(60_000);
        this.sasl = transport.sasl();
        this.user = login == null ? null : login.user();
        sasl.client();
        if (login != null && login.user() != null) {
            sasl.plain(login.user(), login.password() == null ? "" : login.password());
        } else {
            sasl.setMechanisms("ANONYMOUS");
        }
        if (secure) {
            SslDomain domain = Proton.sslDomain();
            domain.init(SslDomain.Mode.CLIENT);
            domain.setPeerAuthentication(SslDomain.VerifyMode.VERIFY_PEER_NAME);
            try {
                domain.setSslContext(tls != null ? tls : SSLContext.getDefault());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IOException("no TLS in this Java runtime", e);
            }
            transport.ssl(domain, Proton.sslPeerDetails(host, port));
        }
        this.connection = Proton.connection();
        connection.collect(collector);
        connection.setContainer("benchwright-" + UUID.randomUUID());
        connection.setHostname(host);
        transport.bind(connection);
        connection.open();
        this.session = connection.session();
        session.open();
        this.thread = new Thread(this::run, "AMQP " + where);
        thread.setDaemon(true);
    }

    /**
     * Connects and opens the connection, waiting at most {@code timeoutMillis} for the broker to answer.
     *
     * @throws IOException when the broker cannot be reached, refuses the login or does not answer in time
     */
    public static AmqpClient connect(URI broker, Login login, SSLContext tls, long timeoutMillis) throws IOException {
        if (broker.getHost() == null || !("amqp".equalsIgnoreCase(broker.getScheme())
                || "amqps".equalsIgnoreCase(broker.getScheme()))) {
            throw new IOException("not a broker address: " + broker + " (expected amqp://host:port or amqps://host:port)");
        }
        AmqpClient client = new AmqpClient(broker, login, tls);
        client.thread.start();
        try {
            client.opened.get(timeoutMillis, TimeUnit.MILLISECONDS);
            return client;
        } catch (TimeoutException e) {
            client.close();
            throw new IOException(client.where + " did not answer within " + timeoutMillis + " ms");
        } catch (ExecutionException e) {
            client.close();
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            client.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting to " + client.where, e);
        }
    }

    /** Where the connection goes: {@code amqp://host:port}. */
    public String where() {
        return where;
    }

    /** Whether the connection is open and has not failed. */
    public boolean isOpen() {
        return opened.isDone() && !ended.isDone();
    }

    /** Completes (with the reason, exceptionally) when the connection ends. */
    public CompletableFuture<Void> ended() {
        return ended;
    }

    /**
     * Sends a message to {@code address} (a sender link per address, attached on first use). The future completes
     * when the broker has accepted it and fails when it rejects or releases it or the connection drops.
     */
    public CompletableFuture<Void> send(String address, Message message) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        byte[] bytes = encode(message);
        submit(done, () -> {
            Sender sender = senders.computeIfAbsent(address, this::openSender);
            Delivery delivery = sender.delivery(Long.toString(++tags).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            delivery.setContext(bytes);
            unsettled.put(delivery, done);
            waitingForCredit.add(delivery);
            flush();
        });
        return done;
    }

    /**
     * Receives the messages arriving at {@code address} (a queue the broker declares for it is durable), each
     * accepted once {@code handler} returns (a handler that
     * throws releases it to the broker again). The future completes when the broker has attached the link.
     */
    public CompletableFuture<Void> receive(String address, int credit, Consumer<Message> handler) {
        CompletableFuture<Void> attached = new CompletableFuture<>();
        submit(attached, () -> {
            Receiver receiver = session.receiver("benchwright-receiver-" + UUID.randomUUID());
            Source source = new Source();
            source.setAddress(address);
            source.setDurable(TerminusDurability.UNSETTLED_STATE); // a queue the broker declares outlives it
            source.setExpiryPolicy(TerminusExpiryPolicy.NEVER);
            receiver.setSource(source);
            receiver.setTarget(new Target());
            receiver.setSenderSettleMode(SenderSettleMode.UNSETTLED);
            receiver.setReceiverSettleMode(ReceiverSettleMode.FIRST);
            receivers.put(receiver, handler);
            attaching.put(receiver, attached);
            receiver.open();
            receiver.flow(credit);
        });
        return attached;
    }

    /** Something to do on the connection's thread, and whom to tell when it cannot be done. */
    private record Command(CompletableFuture<Void> future, Runnable action) {
        void run() {
            try {
                action.run();
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
            }
        }
    }

    private void submit(CompletableFuture<Void> future, Runnable action) {
        commands.add(new Command(future, action));
        if (failure != null) {
            failQueued(failure); // the connection ended meanwhile: nothing will run it
        }
        selector.wakeup();
    }

    private void failQueued(IOException why) {
        for (Command command; (command = commands.poll()) != null;) {
            command.future().completeExceptionally(why);
        }
    }

    private Sender openSender(String address) {
        Sender sender = session.sender("benchwright-sender-" + UUID.randomUUID());
        Target target = new Target();
        target.setAddress(address);
        target.setDurable(TerminusDurability.UNSETTLED_STATE);
        target.setExpiryPolicy(TerminusExpiryPolicy.NEVER);
        sender.setTarget(target);
        sender.setSource(new Source());
        sender.setSenderSettleMode(SenderSettleMode.UNSETTLED);
        sender.setReceiverSettleMode(ReceiverSettleMode.FIRST);
        sender.open();
        return sender;
    }

    /** Puts the waiting deliveries on the wire as far as the links' credit goes. */
    private void flush() {
        int waiting = waitingForCredit.size();
        for (int i = 0; i < waiting; i++) {
            Delivery delivery = waitingForCredit.poll();
            Sender sender = (Sender) delivery.getLink();
            if (sender.getCredit() <= 0 || sender.current() != delivery) {
                waitingForCredit.add(delivery);
                continue;
            }
            byte[] bytes = (byte[]) delivery.getContext();
            sender.send(bytes, 0, bytes.length);
            sender.advance();
        }
    }

    private static byte[] encode(Message message) {
        byte[] buffer = new byte[4096];
        while (true) {
            try {
                int length = message.encode(buffer, 0, buffer.length);
                return java.util.Arrays.copyOf(buffer, length);
            } catch (BufferOverflowException e) {
                buffer = new byte[buffer.length * 4];
            }
        }
    }

    // ---- the connection's thread ----

    private void run() {
        try {
            while (!ended.isDone()) {
                for (Command command; (command = commands.poll()) != null;) {
                    command.run();
                }
                if (socket.isConnectionPending()) {
                    try {
                        if (socket.finishConnect()) {
                            socket.register(selector, SelectionKey.OP_READ);
                        }
                    } catch (IOException e) {
                        throw new IOException("cannot reach the broker " + where + ": " + e.getMessage(), e);
                    }
                }
                if (socket.isConnected()) {
                    read();
                }
                events();
                pump();
                long now = System.currentTimeMillis();
                long deadline = socket.isConnected() ? transport.tick(now) : 0;
                selector.select(deadline == 0 ? 1000 : Math.max(1, Math.min(1000, deadline - now)));
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            fail(e instanceof IOException io ? io : new IOException(e.toString(), e));
        } finally {
            try {
                socket.close();
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private void read() throws IOException {
        while (true) {
            int capacity = transport.capacity();
            if (capacity <= 0) {
                return;
            }
            ByteBuffer tail = transport.tail();
            int n;
            try {
                n = socket.read(tail);
            } catch (IOException e) {
                throw ended(e.getMessage());
            }
            if (n < 0) {
                transport.close_tail();
                throw ended(null);
            }
            if (n == 0) {
                return;
            }
            try {
                transport.process();
            } catch (TransportException e) {
                for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                    if (cause instanceof javax.net.ssl.SSLException tls) {
                        throw new IOException("TLS with the broker " + where + " failed: " + tls.getMessage()
                                + " (cfx.trust names the certificates to trust)", e);
                    }
                }
                throw new IOException("the connection to " + where + " failed: " + e.getMessage(), e);
            }
        }
    }

    /** Writes what the engine has to say; asks for a write-ready wake-up when the socket's buffer is full. */
    private void pump() throws IOException {
        if (!socket.isConnected()) {
            return;
        }
        events();
        while (transport.pending() > 0) {
            ByteBuffer head = transport.head();
            int n = socket.write(head);
            if (n <= 0) {
                socket.keyFor(selector).interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
                return;
            }
            transport.pop(n);
        }
        socket.keyFor(selector).interestOps(SelectionKey.OP_READ);
    }

    private void events() throws IOException {
        for (Event event; (event = collector.peek()) != null; collector.pop()) {
            switch (event.getType()) {
                case CONNECTION_REMOTE_OPEN -> opened.complete(null);
                case CONNECTION_REMOTE_CLOSE -> throw new IOException("the broker " + where + " closed the connection"
                        + describe(event.getConnection().getRemoteCondition()));
                case TRANSPORT_ERROR -> throw ended(describe(event.getTransport().getCondition()).replaceFirst("^: ", ""));
                case TRANSPORT_TAIL_CLOSED -> throw ended(null);
                case LINK_REMOTE_OPEN -> {
                    Link link = event.getLink();
                    CompletableFuture<Void> attached = attaching.remove(link);
                    if (attached != null) {
                        // a refused attach arrives as an open without a terminus, then a close with the reason
                        if (link.getRemoteSource() == null && link instanceof Receiver) {
                            attaching.put(link, attached);
                        } else {
                            attached.complete(null);
                        }
                    }
                }
                case LINK_REMOTE_CLOSE, LINK_REMOTE_DETACH -> linkClosed(event.getLink());
                case SESSION_REMOTE_CLOSE -> throw new IOException("the broker " + where + " ended the session"
                        + describe(event.getSession().getRemoteCondition()));
                case LINK_FLOW -> flush();
                case DELIVERY -> delivery(event.getDelivery());
                default -> {
                    // nothing to do
                }
            }
        }
        flush();
    }

    private void linkClosed(Link link) {
        IOException why = new IOException("the broker closed the link to " + address(link)
                + describe(link.getRemoteCondition()));
        CompletableFuture<Void> attached = attaching.remove(link);
        if (attached != null) {
            attached.completeExceptionally(why);
        }
        if (link instanceof Sender sender) {
            senders.values().remove(sender);
            unsettled.entrySet().removeIf(e -> {
                if (e.getKey().getLink() == link) {
                    e.getValue().completeExceptionally(why);
                    return true;
                }
                return false;
            });
            waitingForCredit.removeIf(d -> d.getLink() == link);
        } else {
            receivers.remove(link);
        }
        link.close();
    }

    private static String address(Link link) {
        if (link instanceof Sender && link.getTarget() instanceof Target t) {
            return t.getAddress();
        }
        return link.getSource() instanceof Source s ? s.getAddress() : link.getName();
    }

    private void delivery(Delivery delivery) {
        if (delivery.getLink() instanceof Receiver receiver) {
            if (!delivery.isReadable() || delivery.isPartial()) {
                return;
            }
            byte[] bytes = new byte[delivery.pending()];
            int n = receiver.recv(bytes, 0, bytes.length);
            receiver.advance();
            Message message = Proton.message();
            message.decode(bytes, 0, n);
            Consumer<Message> handler = receivers.get(receiver);
            DeliveryState outcome = Accepted.getInstance();
            try {
                if (handler != null) {
                    handler.accept(message);
                }
            } catch (RuntimeException e) {
                outcome = new org.apache.qpid.proton.amqp.messaging.Released();
            }
            delivery.disposition(outcome);
            delivery.settle();
            receiver.flow(1);
            return;
        }
        if (!delivery.remotelySettled() && delivery.getRemoteState() == null) {
            return;
        }
        CompletableFuture<Void> done = unsettled.remove(delivery);
        DeliveryState state = delivery.getRemoteState();
        delivery.settle();
        if (done == null) {
            return;
        }
        if (state instanceof Accepted) {
            done.complete(null);
        } else if (state instanceof Rejected rejected) {
            done.completeExceptionally(new IOException("the broker rejected the message"
                    + describe(rejected.getError())));
        } else {
            done.completeExceptionally(new IOException("the broker did not take the message ("
                    + (state == null ? "settled without an outcome" : state.getClass().getSimpleName()) + ")"));
        }
    }

    /** Why the connection ended, as a user can act on it: a refused login says so. */
    private IOException ended(String detail) {
        Sasl.SaslOutcome outcome = sasl.getOutcome();
        if (outcome != Sasl.SaslOutcome.PN_SASL_NONE && outcome != Sasl.SaslOutcome.PN_SASL_OK) {
            return new IOException("the broker " + where + " refused the login" + (user == null ? " (anonymous)"
                    : " of " + user) + ": SASL " + outcome.name().substring("PN_SASL_".length()).toLowerCase(
                            java.util.Locale.ROOT) + " (check the credentials)");
        }
        return new IOException("the broker " + where + " closed the connection" + (detail == null ? ""
                : " (" + detail + ")"));
    }

    private static String describe(ErrorCondition condition) {
        if (condition == null || condition.getCondition() == null) {
            return "";
        }
        return ": " + condition.getCondition() + (condition.getDescription() == null ? ""
                : " (" + condition.getDescription() + ")");
    }

    private void fail(IOException why) {
        failure = why;
        opened.completeExceptionally(why);
        ended.completeExceptionally(why);
        unsettled.values().forEach(f -> f.completeExceptionally(why));
        unsettled.clear();
        attaching.values().forEach(f -> f.completeExceptionally(why));
        attaching.clear();
        failQueued(why);
    }

    /** Closes the connection (politely when it is still up) and fails whatever has not been accepted yet. */
    @Override
    public void close() {
        if (ended.isDone()) {
            return;
        }
        commands.add(new Command(new CompletableFuture<>(), () -> {
            if (connection.getLocalState() != EndpointState.CLOSED) {
                connection.close();
            }
            try {
                pump();
            } catch (IOException e) {
                // closing anyway
            }
            fail(new IOException("the connection to " + where + " was closed"));
        }));
        selector.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
